// SPDX-License-Identifier: GPL-3.0-or-later
// The fixed facts of Binance's two markets: names, intervals, where to ask.
#include <algorithm>
#include <array>
#include <cstdlib>

#include "atc/feeds/binance.hpp"

namespace atc::feeds {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

struct Interval {
    std::string_view name;
    std::int64_t length_ms;
};

constexpr std::array<Interval, 15> kIntervals = {{
    {"1m", kMinute},
    {"3m", 3 * kMinute},
    {"5m", 5 * kMinute},
    {"15m", 15 * kMinute},
    {"30m", 30 * kMinute},
    {"1h", kHour},
    {"2h", 2 * kHour},
    {"4h", 4 * kHour},
    {"6h", 6 * kHour},
    {"8h", 8 * kHour},
    {"12h", 12 * kHour},
    {"1d", kDay},
    {"3d", 3 * kDay},
    {"1w", 7 * kDay},
    {"1M", 30 * kDay},
}};

constexpr std::array<std::string_view, kIntervals.size()> kIntervalNames = [] {
    std::array<std::string_view, kIntervals.size()> names{};
    for (std::size_t i = 0; i < kIntervals.size(); ++i)
        names[i] = kIntervals[i].name;
    return names;
}();

const Interval* find_interval(std::string_view name) {
    const auto it = std::find_if(kIntervals.begin(), kIntervals.end(),
                                 [name](const Interval& i) { return i.name == name; });
    return it == kIntervals.end() ? nullptr : &*it;
}

std::string environment_or(const char* variable, std::string fallback) {
    const char* value = std::getenv(variable);
    return value != nullptr && *value != 0 ? std::string(value) : fallback;
}

}  // namespace

std::string_view market_name(BinanceMarket market) {
    return market == BinanceMarket::Futures ? "futures" : "spot";
}

std::optional<BinanceMarket> parse_market(std::string_view name) {
    if (name == "spot")
        return BinanceMarket::Spot;
    if (name == "futures")
        return BinanceMarket::Futures;
    return std::nullopt;
}

std::span<const std::string_view> binance_intervals() {
    return kIntervalNames;
}

bool is_binance_interval(std::string_view interval) {
    return find_interval(interval) != nullptr;
}

std::int64_t interval_length_ms(std::string_view interval) {
    const Interval* found = find_interval(interval);
    if (found == nullptr)
        throw std::invalid_argument("\"" + std::string(interval) + "\" is not a Binance interval");
    return found->length_ms;
}

BinanceEndpoints BinanceEndpoints::from_environment() {
    BinanceEndpoints endpoints;
    endpoints.spot = environment_or("ATC_BINANCE_URL", endpoints.spot);
    endpoints.futures = environment_or("ATC_BINANCE_FUTURES_URL", endpoints.futures);
    return endpoints;
}

const std::string& BinanceEndpoints::base(BinanceMarket market) const {
    return market == BinanceMarket::Futures ? futures : spot;
}

}  // namespace atc::feeds
