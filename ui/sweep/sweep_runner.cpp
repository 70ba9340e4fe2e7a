// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep/sweep_runner.hpp"

#include <chrono>

#include "atc/validation.hpp"

namespace atc::ui {
namespace {

// Workers finish cells in any order and often: at most one progress call is
// queued to the GUI thread at a time, and it reads the latest count.
class SweepProgressRelay : public std::enable_shared_from_this<SweepProgressRelay> {
public:
    SweepProgressRelay(SweepRunner* runner, std::shared_ptr<const std::atomic<bool>> cancelled)
        : runner_(runner), cancelled_(std::move(cancelled)) {}

    void report(std::size_t done, std::size_t total) {
        std::size_t seen = done_.load();
        while (seen < done && !done_.compare_exchange_weak(seen, done)) {
        }
        total_ = total;
        if (posted_.exchange(true))
            return;
        QMetaObject::invokeMethod(
            runner_,
            [relay = shared_from_this()] {
                relay->posted_ = false;
                if (!*relay->cancelled_)
                    emit relay->runner_->progress(qsizetype(relay->done_.load()),
                                                  qsizetype(relay->total_.load()));
            },
            Qt::QueuedConnection);
    }

private:
    SweepRunner* runner_;
    // The run's cancel flag: a cancelled run reports no more progress.
    std::shared_ptr<const std::atomic<bool>> cancelled_;
    std::atomic<std::size_t> done_{0};
    std::atomic<std::size_t> total_{0};
    std::atomic<bool> posted_{false};
};

}  // namespace

SweepRunner::SweepRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<const SweepOutcome>>();
    pool_.setMaxThreadCount(1);
}

SweepRunner::~SweepRunner() {
    if (cancel_)
        *cancel_ = true;
    pool_.waitForDone();
}

void SweepRunner::start(SweepJob job) {
    cancel();
    const std::uint64_t generation = ++generation_;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    running_ = true;
    pool_.start([this, job = std::move(job), generation, cancel = cancel_] {
        lowerCurrentThreadPriority();
        const auto start = std::chrono::steady_clock::now();
        auto outcome = std::make_shared<SweepOutcome>();
        outcome->job = job;
        const PriceSeries& bars = job.data->bars;
        SweepRequest request;
        request.close = bars.close;
        request.time_ms = bars.time_ms;
        request.base = job.base;
        request.axes = job.axes;
        request.performance = job.performance;
        request.split = job.split;
        request.cancel = cancel.get();
        auto relay = std::make_shared<SweepProgressRelay>(this, cancel);
        request.progress = [relay](std::size_t done, std::size_t total) {
            relay->report(done, total);
        };
        try {
            arena_.execute([&] { outcome->result = run_sweep(request); });
        } catch (const InvalidInput& e) {
            outcome->error = QString::fromStdString(e.what());
        }
        outcome->elapsed_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        QMetaObject::invokeMethod(
            this,
            [this, outcome, generation, cancel] {
                if (generation != generation_)
                    return;  // a newer run replaced it
                running_ = false;
                emit finished(outcome);
            },
            Qt::QueuedConnection);
    });
}

void SweepRunner::cancel() {
    if (cancel_)
        *cancel_ = true;
}

}  // namespace atc::ui
