// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/bundled_samples.hpp"

#include <array>
#include <cstddef>
#include <string_view>

// Defined in the generated bundled_samples_data.cpp.
#define ATC_DECLARE_EMBEDDED(stem)                    \
    extern const unsigned char atc_embedded_##stem[]; \
    extern const std::size_t atc_embedded_##stem##_size;
ATC_DECLARE_EMBEDDED(DAX)
ATC_DECLARE_EMBEDDED(SMI)
ATC_DECLARE_EMBEDDED(CAC)
ATC_DECLARE_EMBEDDED(FTSE)
ATC_DECLARE_EMBEDDED(TTRC)
#undef ATC_DECLARE_EMBEDDED

namespace atc {
namespace {

std::string_view text_of(const unsigned char* bytes, std::size_t size) {
    return {reinterpret_cast<const char*>(bytes), size};
}

constexpr std::string_view kEuStocks =
    "R's EuStockMarkets data set: daily closing prices, business days 1991-1998 "
    "(the time column is R's fractional year; the data set has no calendar dates)";

}  // namespace

std::span<const store::BundledSeries> bundled_samples() {
    static const std::array<store::BundledSeries, 5> samples = {{
        {"DAX", "DAX.csv", text_of(atc_embedded_DAX, atc_embedded_DAX_size), kEuStocks},
        {"SMI", "SMI.csv", text_of(atc_embedded_SMI, atc_embedded_SMI_size), kEuStocks},
        {"CAC", "CAC.csv", text_of(atc_embedded_CAC, atc_embedded_CAC_size), kEuStocks},
        {"FTSE", "FTSE.csv", text_of(atc_embedded_FTSE, atc_embedded_FTSE_size), kEuStocks},
        {"TTRC", "TTRC.csv", text_of(atc_embedded_TTRC, atc_embedded_TTRC_size),
         "TTR's ttrc data set: randomly generated daily bars (no real security), "
         "1985-01-02 to 2006-12-29"},
    }};
    return samples;
}

}  // namespace atc
