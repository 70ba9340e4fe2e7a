// The writer of each format of the symbol report (one file each); callers use
// render_symbol_report() (symbol_report.hpp), which picks one.
#pragma once

#include <QByteArray>

#include "report/report_format.hpp"
#include "report/symbol_report.hpp"

namespace atc::ui {

QByteArray symbol_report_pdf(const SymbolReport& report, const ReportProgress& progress);
QByteArray symbol_report_csv(const SymbolReport& report);
QByteArray symbol_report_json(const SymbolReport& report);
QByteArray symbol_report_png(const SymbolReport& report);

}  // namespace atc::ui
