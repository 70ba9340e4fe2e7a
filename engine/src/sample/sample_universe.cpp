// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/sample_universe.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "atc/timeframe.hpp"

namespace atc {
namespace {

// splitmix64 (Steele, Lea, Flood 2014): a tiny generator with well-mixed output,
// enough for synthetic prices, and fully specified so results never depend on a
// standard library's distribution implementation.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in (0, 1): never 0, so log() below is finite.
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
    // Standard normal by Box-Muller (one of the pair is enough here).
    double normal() {
        const double r = std::sqrt(-2.0 * std::log(uniform()));
        return r * std::cos(6.283185307179586 * uniform());
    }

private:
    std::uint64_t state_;
};

// 1970-01-01 was a Thursday: day 0 -> weekday 3 (Monday = 0).
int weekday(std::int64_t day) {
    return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

std::vector<std::int64_t> business_days_ending(std::int64_t last_day_ms, std::size_t count) {
    std::vector<std::int64_t> days(count);
    std::int64_t day = last_day_ms / kDayMs;
    for (std::size_t i = count; i-- > 0;) {
        while (weekday(day) >= 5)
            --day;
        days[i] = day * kDayMs;
        --day;
    }
    return days;
}

// Real prices sit on a tick grid (and so ties with averages happen).
double to_tick(double price) {
    return std::max(0.01, std::round(price * 100.0) / 100.0);
}

// The level a price reverts to stays inside [kLowestLevel, kHighestLevel]; the
// swings around it (a few times the daily volatility) keep closes within
// roughly 5 .. 2,000, where a cent tick never turns a chart into a staircase.
constexpr double kLowestLevel = 10.0;
constexpr double kHighestLevel = 1000.0;

// Daily bars of one symbol: the log price reverts (Ornstein-Uhlenbeck) to a
// level that trends in regimes of 100 to 500 bars, so the universe holds strong
// up- and down-trends, sideways stretches and pull-backs, like a stock market.
// Volatility (0.5 % .. 4 % a day) and the reversion speed are drawn per symbol;
// volume rises on large moves. Open, high, low and close are consistent.
PriceSeries mean_reverting_bars(SplitMix64& rng, std::size_t bars) {
    const double log_low = std::log(kLowestLevel), log_high = std::log(kHighestLevel);
    double level = std::log(20.0) + std::log(25.0) * rng.uniform();   // 20 .. 500
    double deviation = 0.0;                                           // log price minus level
    const double volatility = 0.005 * std::pow(8.0, rng.uniform());   // 0.5 % .. 4 %, log-uniform
    const double reversion = 0.02 + 0.08 * rng.uniform();             // per bar
    const double base_volume = 1e5 * std::pow(200.0, rng.uniform());  // 100 k .. 20 M
    double trend = 0.0;
    std::size_t regime_left = 0;

    PriceSeries out;
    out.open.resize(bars);
    out.high.resize(bars);
    out.low.resize(bars);
    out.close.resize(bars);
    out.volume.resize(bars);
    double previous_close = to_tick(std::exp(level));
    for (std::size_t i = 0; i < bars; ++i) {
        if (regime_left == 0) {
            regime_left = 100 + static_cast<std::size_t>(400.0 * rng.uniform());
            trend = volatility * 0.12 * rng.normal();
        }
        --regime_left;
        // A level near a bound turns back instead of leaving the plausible range.
        if ((level < log_low && trend < 0.0) || (level > log_high && trend > 0.0))
            trend = -trend;
        level += trend;

        const double shock = volatility * rng.normal();
        deviation += -reversion * deviation + shock;
        const double close = to_tick(std::exp(level + deviation));
        // Overnight gaps are small next to the day's move.
        const double open = to_tick(previous_close * std::exp(0.25 * volatility * rng.normal()));
        const double reach = 0.5 * volatility;
        const double high =
            to_tick(std::max(open, close) * std::exp(reach * std::abs(rng.normal())));
        const double low =
            to_tick(std::min(open, close) * std::exp(-reach * std::abs(rng.normal())));
        out.open[i] = open;
        out.close[i] = close;
        out.high[i] = std::max({high, open, close});
        out.low[i] = std::min({low, open, close});
        const double move = std::abs(std::log(close / previous_close)) / volatility;
        out.volume[i] = std::round(base_volume * (0.6 + 0.4 * move) * std::exp(0.3 * rng.normal()));
        previous_close = close;
    }
    return out;
}

}  // namespace

std::vector<GeneratedSymbol> generate_universe(const UniverseSpec& spec) {
    const std::vector<std::int64_t> days = business_days_ending(spec.last_day_ms, spec.bars);
    std::vector<GeneratedSymbol> universe(spec.symbols);
    for (std::size_t k = 0; k < spec.symbols; ++k) {
        // Each symbol has its own stream, derived from (seed, k) alone.
        SplitMix64 seeder(spec.seed ^ (0xA0761D6478BD642FULL * (k + 1)));
        SplitMix64 rng(seeder.next());
        char name[32];
        std::snprintf(name, sizeof name, "GEN-%04zu", k + 1);
        universe[k].name = name;
        universe[k].bars = mean_reverting_bars(rng, spec.bars);
        universe[k].bars.time_ms = days;
        universe[k].bars.time_kind = TimeKind::Date;
    }
    return universe;
}

std::string generated_provenance(const UniverseSpec& spec) {
    return "Generated, not market data: seeded mean-reverting walk around a trending level (seed " +
           std::to_string(spec.seed) + ", " + std::to_string(spec.bars) + " business days)";
}

}  // namespace atc
