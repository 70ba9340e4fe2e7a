// SPDX-License-Identifier: GPL-3.0-or-later
// Inputs for holding the GPU backend against the CPU: parameter sets that reach
// every branch of the kernels (both profiles, all robustness settings, one-bar
// members, long windows, cutouts, strategy mode) and a random universe of
// symbols with different lengths, a few of them invalid, a few flat.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "atc/params.hpp"
#include "direct_moving_averages.hpp"

namespace atc::test {

struct NamedParams {
    std::string name;
    AtcParams params;
};

inline std::vector<NamedParams> gpu_parameter_sets() {
    std::vector<NamedParams> sets;
    sets.push_back({"defaults", AtcParams{}});
    AtcParams narrow;
    narrow.robustness = Robustness::Narrow;
    narrow.lengths = {5, 6, 7, 8, 9, 10};  // members down to length 1
    narrow.cutout = 7;
    sets.push_back({"narrow, one-bar members, cutout", narrow});
    AtcParams wide;
    wide.robustness = Robustness::Wide;
    wide.lengths = {40, 300, 12, 90, 17, 60};  // a Hull root of 17, windows over 256
    wide.weights = {1.0, 2.0, 0.5, 0.1, 3.0, 1.5};
    wide.lambda = 0.5;
    wide.decay = 0.0;
    wide.long_threshold = 0.3;
    wide.short_threshold = -0.05;
    sets.push_back({"wide, long windows, weights", wide});
    AtcParams strategy;
    strategy.strategy_mode = true;
    strategy.cutout = 30;
    strategy.decay = 1.5;
    sets.push_back({"strategy mode", strategy});
    AtcParams pine;
    pine.profile = MaProfile::Pine;
    pine.lengths = {14, 21, 28, 9, 12, 33};
    sets.push_back({"pine profile", pine});
    return sets;
}

// `count` symbols of 1 to ~3,000 bars (random walks on a 0.01 tick grid, so
// ties between price and MA happen), with symbol 5 invalid (a negative price),
// symbol 9 a single bar, every 17th flat for a stretch.
inline std::vector<std::vector<double>> gpu_test_universe(std::size_t count) {
    std::vector<std::vector<double>> series;
    for (std::size_t s = 0; s < count; ++s) {
        const std::size_t bars = s == 9 ? 1 : 20 + (s * 7919) % 2980;
        std::vector<double> close =
            random_walk(bars, static_cast<unsigned>(1000 + s), 5.0 + static_cast<double>(s % 50));
        if (s % 17 == 3 && bars > 60) {
            for (std::size_t i = 20; i < 50; ++i)
                close[i] = close[19];
        }
        if (s == 5)
            close[close.size() / 2] = -1.0;
        series.push_back(std::move(close));
    }
    return series;
}

inline std::vector<std::span<const double>> spans_of(const std::vector<std::vector<double>>& s) {
    return {s.begin(), s.end()};
}

}  // namespace atc::test
