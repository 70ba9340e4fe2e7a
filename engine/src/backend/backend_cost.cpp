// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/backend_cost.hpp"

#include <algorithm>

namespace atc {

Workload workload_of(std::span<const std::span<const double>> closes, bool keep_series) {
    Workload work;
    work.symbols = closes.size();
    for (const std::span<const double> close : closes)
        work.bars += close.size();
    work.keep_series = keep_series;
    return work;
}

double CostModel::transfer_bytes(const Workload& work) {
    const auto bars = static_cast<double>(work.bars);
    const double per_bar = kBytesInPerBar + (work.keep_series ? kBytesOutPerKeptBar : 0.0);
    return bars * per_bar + static_cast<double>(work.symbols) * kBytesPerSymbol;
}

double CostModel::cpu_seconds(const Workload& work, unsigned threads) const {
    const double rate = cpu_bars_per_second_per_thread * std::max(1u, threads);
    return static_cast<double>(work.bars) / rate;
}

double CostModel::gpu_seconds(const Workload& work, bool warmed_up) const {
    const double bytes = transfer_bytes(work);
    const auto bars = static_cast<double>(work.bars);
    const double mean_length = work.symbols > 0 ? bars / static_cast<double>(work.symbols) : 0.0;
    const double kernels =
        std::max(bars / gpu_bars_per_second, mean_length * gpu_seconds_per_bar_step);
    return (warmed_up ? 0.0 : gpu_startup_seconds) + gpu_request_seconds +
           static_cast<double>(work.symbols) * gpu_host_seconds_per_symbol +
           bytes / pcie_bytes_per_second + bytes / host_copy_bytes_per_second + kernels;
}

}  // namespace atc
