// SPDX-License-Identifier: GPL-3.0-or-later
// The live plot of the performance panel: the process's resident memory (MiB,
// left axis) and CPU use (% of the machine, right axis) over the monitor's history.
#pragma once

#include <QChartView>
#include <vector>

#include "atc/system/memory_monitor.hpp"
#include "theme/theme.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace atc::ui {

class MemoryChart : public QChartView {
    Q_OBJECT

public:
    explicit MemoryChart(QWidget* parent = nullptr);

    void setSamples(const std::vector<system::MemorySample>& samples);
    void setTheme(const Theme& theme);

    QLineSeries* rssSeries() const { return rss_; }
    QLineSeries* cpuSeries() const { return cpu_; }

private:
    QLineSeries* rss_ = nullptr;
    QLineSeries* cpu_ = nullptr;
    QValueAxis* time_axis_ = nullptr;
    QValueAxis* rss_axis_ = nullptr;
    QValueAxis* cpu_axis_ = nullptr;
};

}  // namespace atc::ui
