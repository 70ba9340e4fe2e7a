// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_report_file.hpp"

#include <memory>
#include <optional>

#include "cli.hpp"
#include "offscreen_gui.hpp"
#include "report/scan_report.hpp"

namespace atc::cli {
namespace {

std::optional<ui::ReportFormat> scan_format(const std::string& file) {
    const auto format = ui::reportFormatOf(file);
    if (format == ui::ReportFormat::Png)
        return std::nullopt;  // a scan has no chart
    return format;
}

}  // namespace

ScanReportWriter prepare_scan_report(const std::string& file, std::span<const std::string>) {
    const std::optional<ui::ReportFormat> format = scan_format(file);
    if (!format)
        throw UsageError("--report needs a file ending in .pdf, .csv or .json, not '" + file + "'");
    return [file, format = *format](const ScanReport& report) {
        // Fonts for the PDF need Qt's GUI side; CSV and JSON do not.
        std::unique_ptr<OffscreenGui> gui;
        if (format == ui::ReportFormat::Pdf)
            gui = std::make_unique<OffscreenGui>();
        ui::writeScanReport(report, format, file);
    };
}

}  // namespace atc::cli
