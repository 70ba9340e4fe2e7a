// SPDX-License-Identifier: GPL-3.0-or-later
#include "universe.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace atc::bench {
namespace {

// splitmix64: the same numbers on every platform and standard library, so every
// machine benchmarks the same prices.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    double uniform() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) * 0x1.0p-53;
    }

private:
    std::uint64_t state_;
};

// Daily-like closes on a 0.01 tick grid (so price/MA ties occur as on real data).
void random_walk(std::span<double> out, std::uint64_t seed) {
    Random random(seed);
    double price = 20.0 + 200.0 * random.uniform();
    const double volatility = 0.005 + 0.02 * random.uniform();
    for (double& close : out) {
        const double shock = (random.uniform() + random.uniform() - 1.0) * 2.0 * volatility;
        price = std::max(1.0, price * std::exp(shock));
        close = std::round(price * 100.0) / 100.0;
    }
}

}  // namespace

Universe::Universe(std::size_t symbols, std::size_t bars) : closes_(symbols * bars) {
    views_.reserve(symbols);
    for (std::size_t s = 0; s < symbols; ++s) {
        const std::span<double> series(closes_.data() + s * bars, bars);
        random_walk(series, s + 1);
        views_.emplace_back(series);
    }
}

}  // namespace atc::bench
