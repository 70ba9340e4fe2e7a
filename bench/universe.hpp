// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark's input: seeded geometric random walks, all symbols in one
// contiguous buffer so that the input's memory is exactly symbols x bars doubles.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace atc::bench {

class Universe {
public:
    Universe(std::size_t symbols, std::size_t bars);

    std::span<const std::span<const double>> series() const { return views_; }
    std::size_t bytes() const { return closes_.size() * sizeof(double); }

private:
    std::vector<double> closes_;
    std::vector<std::span<const double>> views_;
};

}  // namespace atc::bench
