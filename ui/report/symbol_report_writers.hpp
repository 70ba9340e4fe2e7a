// SPDX-License-Identifier: GPL-3.0-or-later
// The writer of each format of the symbol report (one file each); callers use
// renderSymbolReport() (symbol_report.hpp), which picks one.
#pragma once

#include <QByteArray>

#include "report/report_format.hpp"
#include "report/symbol_report.hpp"

namespace atc::ui {

QByteArray symbolReportPdf(const SymbolReport& report, const ReportProgress& progress);
QByteArray symbolReportCsv(const SymbolReport& report);
QByteArray symbolReportJson(const SymbolReport& report);
QByteArray symbolReportPng(const SymbolReport& report);

}  // namespace atc::ui
