// SPDX-License-Identifier: GPL-3.0-or-later
#include "measure.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <thread>

namespace atc::bench {
namespace {

// The value after "key:" on the first line of `path` that starts with `key`.
std::string proc_field(const char* path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size(), key) == 0) {
            const auto colon = line.find(':');
            if (colon == std::string::npos)
                continue;
            const auto start = line.find_first_not_of(" \t", colon + 1);
            return start == std::string::npos ? std::string() : line.substr(start);
        }
    }
    return {};
}

}  // namespace

double median(std::vector<double> values) {
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

double process_cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) * 1e-3;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double peak_rss_mib() {
    const std::string hwm = proc_field("/proc/self/status", "VmHWM");  // "12345 kB"
    return hwm.empty() ? 0.0 : std::stod(hwm) / 1024.0;
}

std::string cpu_model() {
    const std::string model = proc_field("/proc/cpuinfo", "model name");
    return model.empty() ? "unknown CPU" : model;
}

unsigned logical_cpus() {
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace atc::bench
