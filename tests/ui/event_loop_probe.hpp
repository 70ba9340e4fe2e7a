// SPDX-License-Identifier: GPL-3.0-or-later
// Measuring whether the window stays responsive: how long the GUI thread's
// event loop goes without running a 5 ms timer. The waits here run a plain
// QEventLoop, as the application does; QTest::qWait and qWaitFor sleep 10 ms
// between their rounds, which a probe would count as stalls.
#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>

namespace atc::test {

// Responsiveness bounds are in milliseconds of an optimised build. Under
// AddressSanitizer or ThreadSanitizer every instruction of the GUI thread costs
// 2-5 times as much, so the bounds are widened by this stated factor there; the
// measurement itself is unchanged, and a real stall still fails.
#ifdef ATC_SANITIZED
inline constexpr int kLatencyScale = 4;
#else
inline constexpr int kLatencyScale = 1;
#endif

// `ms` of an optimised build, in this build.
constexpr qint64 latency_bound_ms(qint64 ms) {
    return ms * kLatencyScale;
}

class EventLoopProbe {
public:
    EventLoopProbe() {
        timer_.setInterval(5);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            const qint64 now = clock_.elapsed();
            worst_ = std::max(worst_, now - last_);
            last_ = now;
        });
    }
    void start() {
        clock_.start();
        last_ = 0;
        worst_ = 0;
        timer_.start();
    }
    // The longest gap between two turns of the event loop since start(), in ms.
    qint64 worst() const { return std::max(worst_, clock_.elapsed() - last_); }
    qint64 stop() {
        timer_.stop();
        return worst();
    }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    qint64 worst_ = 0;
};

// Runs the event loop for `ms` milliseconds.
inline void run_event_loop(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until it has turned without a gap over `calm_gap_ms` for
// `calm_ms` in a row: what earlier steps left to lay out and paint (a theme
// switch repaints every chart) is done, so a probe started next measures only
// what comes after. False if it was not calm within `limit_ms`.
inline bool settle_event_loop(int calm_ms = 150, int calm_gap_ms = 25, int limit_ms = 5000) {
    QElapsedTimer total;
    total.start();
    while (total.elapsed() < limit_ms) {
        EventLoopProbe probe;
        probe.start();
        run_event_loop(calm_ms);
        if (probe.stop() <= calm_gap_ms)
            return true;
    }
    return false;
}

}  // namespace atc::test
