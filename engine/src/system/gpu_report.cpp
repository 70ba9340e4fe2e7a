// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/system/gpu_report.hpp"

namespace atc::system {

GpuReport gpu_report_without_backend() {
    GpuReport report;
    report.available = false;
    report.reason = "built without the CUDA backend";
    return report;
}

}  // namespace atc::system
