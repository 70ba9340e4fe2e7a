// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the price CSV parser: any text either parses into a series that keeps
// every promise of price_csv.hpp, or is refused with CsvError. Anything else
// (another exception, a crash, a sanitizer report, a hang) is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "atc/price_csv.hpp"
#include "fuzz_check.hpp"

namespace {

bool per_bar(std::size_t size, std::size_t bars) {
    return size == 0 || size == bars;
}

bool all_positive(const std::vector<double>& values) {
    for (const double v : values)
        if (!(std::isfinite(v) && v > 0.0))
            return false;
    return true;
}

void check_series(const atc::PriceSeries& series) {
    const std::size_t bars = series.close.size();
    FUZZ_REQUIRE(bars > 0, "a parsed series has at least one bar");
    FUZZ_REQUIRE(all_positive(series.close), "close is finite and > 0");
    FUZZ_REQUIRE(all_positive(series.open) && all_positive(series.high) && all_positive(series.low),
                 "open, high and low are finite and > 0");
    for (const double v : series.volume)
        FUZZ_REQUIRE(std::isfinite(v) && v >= 0.0, "volume is finite and >= 0");
    FUZZ_REQUIRE(per_bar(series.open.size(), bars) && per_bar(series.high.size(), bars) &&
                     per_bar(series.low.size(), bars) && per_bar(series.volume.size(), bars) &&
                     per_bar(series.labels.size(), bars) && per_bar(series.time_ms.size(), bars),
                 "every per-bar vector is empty or one value per bar");
    FUZZ_REQUIRE(series.time_ms.empty() == (series.time_kind == atc::TimeKind::None),
                 "times are present exactly when a time kind was found");
    for (std::size_t i = 1; i < series.time_ms.size(); ++i)
        FUZZ_REQUIRE(series.time_ms[i - 1] < series.time_ms[i],
                     "times are strictly increasing after sorting");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        check_series(atc::parse_price_csv(text, "fuzz.csv"));
    } catch (const atc::CsvError& error) {
        FUZZ_REQUIRE(error.source() == "fuzz.csv", "a CSV error names its source");
        FUZZ_REQUIRE(!error.problem().empty(), "a CSV error says what is wrong");
    }
    return 0;
}
