// SPDX-License-Identifier: GPL-3.0-or-later
// `atc report` and `atc scan --report` in a build without the Qt UI
// (ATC_WITH_UI=OFF): the reports draw with Qt, so they say what is missing.
#include "cli.hpp"
#include "command_report.hpp"
#include "scan_report_file.hpp"

namespace atc::cli {
namespace {

constexpr const char* kMissing =
    "this atc was built without the Qt UI (ATC_WITH_UI=OFF), which the reports need";

}  // namespace

int run_report(std::span<const std::string>) {
    throw UsageError(kMissing);
}

ScanReportWriter prepare_scan_report(const std::string&, std::span<const std::string>) {
    throw UsageError(std::string("--report: ") + kMissing);
}

}  // namespace atc::cli
