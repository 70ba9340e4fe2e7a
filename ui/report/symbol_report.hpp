// SPDX-License-Identifier: GPL-3.0-or-later
// One symbol's signal report: PDF (title, provenance, parameters, the charts as
// the window draws them, latest signals, weights, entry markers, statistics),
// CSV and JSON (every per-bar output), or PNG (the charts alone).
//
// Two steps, so that the window never waits: drawReportCharts() paints the
// charts on the GUI thread (ChartStack is a widget; tens of milliseconds), and
// renderSymbolReport() makes the file's bytes on any thread (the long part).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QPicture>
#include <QSize>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>

#include "atc/performance.hpp"
#include "atc/store/symbol_store.hpp"
#include "core/symbol_data.hpp"
#include "report/chart_snapshot.hpp"
#include "report/report_format.hpp"

namespace atc::ui {

struct SymbolReport {
    std::shared_ptr<const SymbolData> data;  // bars, result and the parameters used
    // What the store knows of the symbol (timeframe, provenance, source); nullopt
    // when the data did not come from the store.
    std::optional<store::SymbolInfo> info;
    QDateTime generated = QDateTime::currentDateTimeUtc();
    // The charts' view. The PDF prints it in the light theme; the PNG keeps its theme.
    ChartView view;
    // Members the view draws that `data`'s result may not keep (the window's,
    // ChartStack::members); drawReportCharts computes those missing.
    MemberSet members;
    QSize png_size{1600, 1000};  // logical pixels of the PNG
    // How the JSON's "performance" holds the position (ATC_SPEC "Signal performance").
    PerformanceOptions performance;

    // Painted by drawReportCharts().
    QPicture chart_picture;  // PDF
    QSize chart_picture_size;
    QImage chart_image;  // PNG
};

// The widget size the PDF's charts are laid out at (scaled to the page width).
inline constexpr QSize kPdfChartSize{840, 940};
// The PDF lists the latest this many trades (the CSV and JSON list all).
inline constexpr std::size_t kPdfTradeRows = 50;
// Limits of a PNG's size, in pixels per side.
inline constexpr int kMinPngSide = 200;
inline constexpr int kMaxPngSide = 10000;

// Paints the charts `format` needs into `report` (nothing for CSV and JSON),
// computing first the members the view draws that neither `report.members`
// nor the result holds (viewMembers). GUI thread only; needs a QApplication.
void drawReportCharts(SymbolReport& report, ReportFormat format);

// The report file's content. Any thread, after drawReportCharts(). Throws
// ReportCancelled when `progress` cancels, std::logic_error for a PDF or PNG
// whose charts were not drawn.
QByteArray renderSymbolReport(const SymbolReport& report, ReportFormat format,
                              const ReportProgress& progress = {});

// renderSymbolReport() written atomically to `file`: on any error (thrown)
// nothing is left at `file`, an existing file keeps its content.
void writeSymbolReport(const SymbolReport& report, ReportFormat format,
                       const std::filesystem::path& file, const ReportProgress& progress = {});

}  // namespace atc::ui
