// SPDX-License-Identifier: GPL-3.0-or-later
// Parameter sets that reach the engine's corners: the defaults; Narrow with a
// cutout, other growth and decay; Wide with members down to length 1, custom
// weights and strategy mode; the Pine profile with long lengths. Shared by the
// suites that hold one code path against another.
#pragma once

#include <vector>

#include "atc/params.hpp"

namespace atc::test {

inline std::vector<AtcParams> varied_parameter_sets() {
    std::vector<AtcParams> sets(4);
    sets[1].robustness = Robustness::Narrow;
    sets[1].cutout = 37;
    sets[1].lambda = 0.05;
    sets[1].decay = 0.5;
    sets[2].robustness = Robustness::Wide;
    sets[2].lengths = {8, 9, 30, 12, 40, 15};  // Wide base 8: members down to length 1
    sets[2].weights = {1.0, 1.5, 0.5, 2.0, 1.0, 0.8};
    sets[2].strategy_mode = true;
    sets[3].profile = MaProfile::Pine;
    sets[3].lengths = {50, 60, 70, 80, 90, 100};
    return sets;
}

}  // namespace atc::test
