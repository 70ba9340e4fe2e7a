// SPDX-License-Identifier: GPL-3.0-or-later
// The optional stage-timing hook of the pipeline (StageTimes, batch.hpp). With a
// null sink every call is one predictable branch and no clock is read.
#pragma once

#include <chrono>

#include "atc/batch.hpp"

namespace atc::detail {

class StageClock {
public:
    explicit StageClock(StageTimes* sink) : sink_(sink) {
        if (sink_)
            last_ = Clock::now();
    }

    // Charges the time since the previous lap (or construction) to `stage`.
    void lap(double StageTimes::*stage) {
        if (!sink_)
            return;
        const Clock::time_point now = Clock::now();
        sink_->*stage += std::chrono::duration<double>(now - last_).count();
        last_ = now;
    }

private:
    using Clock = std::chrono::steady_clock;
    StageTimes* sink_;
    Clock::time_point last_;
};

}  // namespace atc::detail
