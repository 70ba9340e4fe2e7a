// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the Sweep window's run_sweep off the GUI thread: on a worker of its own,
// whose oneTBB algorithms use a BackgroundArena below the GUI's priority (a
// sweep keeps every core busy for a while), with progress coalesced into one
// queued signal at a time and a cancel the engine checks between cells. A
// newer run replaces a running one; an outdated outcome is dropped.
#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "atc/performance.hpp"
#include "atc/sweep.hpp"
#include "core/background_arena.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

// What one run sweeps: the bars (kept alive by `data` while the worker reads
// them), the parameters it starts from, and the request's other settings.
struct SweepJob {
    std::shared_ptr<const SymbolData> data;
    AtcParams base;
    std::vector<SweepAxis> axes;
    PerformanceOptions performance;
    std::optional<double> split;
};

struct SweepOutcome {
    SweepJob job;
    SweepResult result;
    QString error;  // the engine refused the request itself; `result` is empty then
    double elapsed_ms = 0.0;
};

class SweepRunner : public QObject {
    Q_OBJECT

public:
    explicit SweepRunner(QObject* parent = nullptr);
    // Cancels a running sweep and waits for its worker.
    ~SweepRunner() override;

    void start(SweepJob job);
    // The running sweep stops after the cells under way; finished follows with
    // result.cancelled set.
    void cancel();
    bool isRunning() const { return running_; }

signals:
    void progress(qsizetype done, qsizetype total);
    void finished(std::shared_ptr<const atc::ui::SweepOutcome> outcome);

private:
    QThreadPool pool_;
    BackgroundArena arena_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool running_ = false;
};

}  // namespace atc::ui

Q_DECLARE_METATYPE(std::shared_ptr<const atc::ui::SweepOutcome>)
