// SPDX-License-Identifier: GPL-3.0-or-later
// The symbol report as PNG: the charts alone, at the size asked for.
#include <QBuffer>
#include <stdexcept>

#include "report/symbol_report_writers.hpp"

namespace atc::ui {

QByteArray symbolReportPng(const SymbolReport& report) {
    if (report.chart_image.isNull())
        throw std::logic_error("the PNG report's charts were not drawn (drawReportCharts)");
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!report.chart_image.save(&buffer, "PNG"))
        throw std::runtime_error("the chart image could not be encoded as PNG");
    return bytes;
}

}  // namespace atc::ui
