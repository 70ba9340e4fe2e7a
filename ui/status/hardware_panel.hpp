// SPDX-License-Identifier: GPL-3.0-or-later
// The hardware and performance panel: what the machine is (CPU, SIMD, RAM,
// CUDA devices or why there are none), which backend runs and why, where the
// last scan spent its time, the result cache's counters and the process's
// memory and CPU over the last minutes. It reads objects created once in
// main() (the report, the memory monitor, the cache) and owns none of them.
#pragma once

#include <QMap>
#include <QTimer>
#include <QWidget>

#include "atc/cache/result_cache.hpp"
#include "atc/system/backend_choice.hpp"
#include "atc/system/hardware.hpp"
#include "atc/system/memory_monitor.hpp"
#include "theme/theme.hpp"

class QComboBox;
class QFormLayout;
class QLabel;

namespace atc::ui {

class MemoryChart;
struct ScanOutcome;

class HardwarePanel : public QWidget {
    Q_OBJECT

public:
    HardwarePanel(system::HardwareReport report, system::MemoryMonitor& monitor,
                  cache::ResultCache& cache, QWidget* parent = nullptr);

    // The figures of a finished scan: the backend that computed it and why,
    // time per stage, bars and symbols per second.
    void showScan(const ScanOutcome& outcome);
    // The machine and the backend setting again (after the setting changed).
    void setReport(system::HardwareReport report);
    // Shows `request` in the "Compute on" choice without emitting backendRequested.
    void setBackendRequest(system::BackendRequest request);
    QComboBox* computeOnBox() const { return compute_on_; }
    void setTheme(const Theme& theme);

    // Reads the monitor and the cache again (the panel's timer does it every second).
    void refresh();

    // The text shown for a row, by key (e.g. "cpu_model", "rss_now"; see the .cpp);
    // empty for an unknown key. For tests.
    QString valueText(const QString& key) const;
    MemoryChart* memoryChart() const { return chart_; }

    static constexpr int kRefreshMs = 1000;

signals:
    // The user chose where to compute: auto, cpu or gpu.
    void backendRequested(atc::system::BackendRequest request);

private:
    QLabel* addRow(QFormLayout* form, const QString& key, const QString& title);
    void setValue(const QString& key, const QString& text);
    void showStaticReport();

    system::HardwareReport report_;
    system::MemoryMonitor& monitor_;
    cache::ResultCache& cache_;
    QMap<QString, QLabel*> values_;
    MemoryChart* chart_ = nullptr;
    QComboBox* compute_on_ = nullptr;
    QTimer refresh_timer_;
};

}  // namespace atc::ui
