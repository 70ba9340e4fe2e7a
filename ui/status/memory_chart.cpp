// SPDX-License-Identifier: GPL-3.0-or-later
#include "status/memory_chart.hpp"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

namespace atc::ui {

// The chart goes to QChartView's constructor, not to setChart(): that would
// release the view's default chart to nobody (see ChartPane).
MemoryChart::MemoryChart(QWidget* parent) : QChartView(new QChart(), parent) {
    QChart* chart = this->chart();
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(4, 4, 4, 4));
    rss_ = new QLineSeries(chart);
    rss_->setName(tr("Resident memory (MiB)"));
    cpu_ = new QLineSeries(chart);
    cpu_->setName(tr("CPU (% of machine)"));
    chart->addSeries(rss_);
    chart->addSeries(cpu_);
    time_axis_ = new QValueAxis(chart);
    time_axis_->setLabelFormat(QStringLiteral("%.0f s"));
    rss_axis_ = new QValueAxis(chart);
    rss_axis_->setLabelFormat(QStringLiteral("%.0f"));
    cpu_axis_ = new QValueAxis(chart);
    cpu_axis_->setRange(0, 100);
    cpu_axis_->setLabelFormat(QStringLiteral("%.0f%%"));
    chart->addAxis(time_axis_, Qt::AlignBottom);
    chart->addAxis(rss_axis_, Qt::AlignLeft);
    chart->addAxis(cpu_axis_, Qt::AlignRight);
    rss_->attachAxis(time_axis_);
    rss_->attachAxis(rss_axis_);
    cpu_->attachAxis(time_axis_);
    cpu_->attachAxis(cpu_axis_);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
}

void MemoryChart::setSamples(const std::vector<system::MemorySample>& samples) {
    // replace() with a whole list: append() on a charted series is quadratic.
    QList<QPointF> rss;
    QList<QPointF> cpu;
    double top = 1.0;
    for (const system::MemorySample& s : samples) {
        const double mib = static_cast<double>(s.rss_bytes) / (1024.0 * 1024.0);
        rss.append({s.seconds, mib});
        cpu.append({s.seconds, 100.0 * s.cpu_fraction});
        top = std::max(top, mib);
    }
    rss_->replace(rss);
    cpu_->replace(cpu);
    const double first = samples.empty() ? 0.0 : samples.front().seconds;
    const double last = samples.empty() ? 1.0 : samples.back().seconds;
    time_axis_->setRange(first, std::max(last, first + 1.0));
    rss_axis_->setRange(0.0, top * 1.15);
}

void MemoryChart::setTheme(const Theme& theme) {
    QChart* c = chart();
    c->setBackgroundBrush(theme.chart_background);
    c->legend()->setLabelColor(theme.text);
    for (QValueAxis* axis : {time_axis_, rss_axis_, cpu_axis_}) {
        axis->setLabelsColor(theme.muted_text);
        axis->setGridLineColor(theme.grid);
        axis->setLinePenColor(theme.grid);
    }
    rss_->setPen(QPen(theme.family[0], 2.0));
    cpu_->setPen(QPen(theme.family[3], 1.5));
    setBackgroundBrush(theme.chart_background);
}

}  // namespace atc::ui
