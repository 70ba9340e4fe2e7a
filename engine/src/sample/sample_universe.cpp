#include "atc/sample_universe.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace atc {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

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

// A walk with trend regimes: every few hundred bars the drift changes, so the
// universe holds strong up- and down-trends as well as sideways stretches.
std::vector<double> regime_walk(SplitMix64& rng, std::size_t bars) {
    std::vector<double> close(bars);
    double price = 10.0 + 290.0 * rng.uniform();
    const double volatility = 0.008 + 0.022 * rng.uniform();  // daily, 0.8% .. 3%
    double drift = 0.0;
    std::size_t regime_left = 0;
    for (std::size_t i = 0; i < bars; ++i) {
        if (regime_left == 0) {
            regime_left = 100 + static_cast<std::size_t>(400.0 * rng.uniform());
            drift = volatility * 0.25 * rng.normal();
        }
        --regime_left;
        price *= std::exp(drift + volatility * rng.normal());
        // Real prices sit on a tick grid, and so ties with averages happen.
        price = std::max(0.01, std::round(price * 100.0) / 100.0);
        close[i] = price;
    }
    return close;
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
        universe[k].bars.close = regime_walk(rng, spec.bars);
        universe[k].bars.time_ms = days;
        universe[k].bars.time_kind = TimeKind::Date;
    }
    return universe;
}

std::string generated_provenance(const UniverseSpec& spec) {
    return "Generated, not market data: seeded random walk with trend regimes (seed " +
           std::to_string(spec.seed) + ", " + std::to_string(spec.bars) + " business days)";
}

}  // namespace atc
