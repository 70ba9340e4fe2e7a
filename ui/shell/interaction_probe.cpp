// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/interaction_probe.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <functional>

#include "charts/chart_stack.hpp"
#include "charts/pane_base.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {
namespace {

// Runs the input, then every event it caused: the scene's queued item updates
// post the viewport's repaint, which posts the window's update request, which
// paints. Three rounds reach the paint; further ones find nothing to do.
double timeFrame(const std::function<void()>& input) {
    QElapsedTimer timer;
    timer.start();
    input();
    for (int round = 0; round < 3; ++round)
        QCoreApplication::processEvents();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double span(const ChartStack* stack) {
    const auto [first, last] = stack->visibleRange();
    return last - first;
}

void wheel(QWidget* viewport, QPoint at, int notches) {
    QWheelEvent event(QPointF(at), QPointF(viewport->mapToGlobal(at)), QPoint(),
                      QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                      false);
    QCoreApplication::sendEvent(viewport, &event);
}

void moveMouse(QWidget* viewport, QPoint at) {
    QMouseEvent event(QEvent::MouseMove, QPointF(at), QPointF(viewport->mapToGlobal(at)),
                      Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &event);
}

void pressKey(QWidget* target, int key) {
    QKeyEvent event(QEvent::KeyPress, key, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &event);
}

// Frames so far fit the step's budget and its frame count.
bool goOn(const ProbeStep& step, std::size_t frames) {
    double spent = 0.0;
    for (double ms : step.frame_ms)
        spent += ms;
    return step.frame_ms.size() < frames && spent < kStepBudgetMs;
}

// Moves the crosshair over the price plot from left to right in `frames` steps.
ProbeStep sweepCrosshair(const QString& name, ChartPane* pane, int frames) {
    ProbeStep step{name, {}};
    QWidget* viewport = pane->viewport();
    const int y = viewport->height() / 2;
    const double width = pane->plotWidth();
    for (int k = 0; goOn(step, static_cast<std::size_t>(frames)); ++k) {
        const QPoint at(static_cast<int>(8 + width * (k + 0.5) / frames), y);
        step.frame_ms.push_back(timeFrame([&] { moveMouse(viewport, at); }));
    }
    return step;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size()))) - 1;
    return values[std::min(k, values.size() - 1)];
}

}  // namespace

QString stepSummary(const QString& name, const std::vector<double>& ms) {
    const double worst = ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end());
    return QStringLiteral("%1: frames %2, median %3 ms, p95 %4 ms, worst %5 ms")
        .arg(name)
        .arg(ms.size())
        .arg(percentile(ms, 0.5), 0, 'f', 1)
        .arg(percentile(ms, 0.95), 0, 'f', 1)
        .arg(worst, 0, 'f', 1);
}

std::vector<ProbeStep> measureInteraction(QWidget* window, ChartStack* stack,
                                          const std::function<void(const ProbeStep&)>& done) {
    std::vector<ProbeStep> steps;
    const auto finish = [&](ProbeStep step) {
        done(step);
        steps.push_back(std::move(step));
    };
    ChartPane* price = stack->pane(QStringLiteral("price"));
    const double bars = stack->data() ? static_cast<double>(stack->data()->barCount()) : 0.0;
    if (price == nullptr || bars < 2)
        return steps;
    // The size the targets are set for (issue 20): 1600 x 1000.
    window->showNormal();
    window->resize(1600, 1000);
    window->activateWindow();
    stack->setFocus();
    QCoreApplication::processEvents();
    QWidget* viewport = price->viewport();
    const QPoint centre(static_cast<int>(8 + price->plotWidth() / 2), viewport->height() / 2);

    // Wheel steps out (at most 200, a guard) until the whole series shows.
    ProbeStep zoom_out{QStringLiteral("zoom out to the whole series"), {}};
    while (span(stack) < bars - 1.0 && goOn(zoom_out, 200))
        zoom_out.frame_ms.push_back(timeFrame([&] { wheel(viewport, centre, -1); }));
    finish(std::move(zoom_out));
    finish(sweepCrosshair(QStringLiteral("crosshair over the whole series"), price, 100));

    // A tenth of the series in view, from the start to the end: a tenth per key.
    stack->setVisibleRange(0.0, bars / 10.0);
    QCoreApplication::processEvents();
    ProbeStep pan{QStringLiteral("pan across (a tenth in view)"), {}};
    while (stack->visibleRange().second < bars - 1.5 && goOn(pan, 200))
        pan.frame_ms.push_back(timeFrame([&] { pressKey(stack, Qt::Key_Right); }));
    finish(std::move(pan));

    ProbeStep zoom_in{QStringLiteral("zoom in to 200 bars"), {}};
    stack->setVisibleRange(0.0, bars - 1.0);
    QCoreApplication::processEvents();
    while (span(stack) > 200.0 && goOn(zoom_in, 200))
        zoom_in.frame_ms.push_back(timeFrame([&] { wheel(viewport, centre, 1); }));
    finish(std::move(zoom_in));
    finish(sweepCrosshair(QStringLiteral("crosshair over 200 bars"), price, 100));

    // The six Layer-2 curves, then each family's nine members, twice round.
    ProbeStep equity{QStringLiteral("switch the equity view"), {}};
    for (int round = 0; round < 2; ++round) {
        equity.frame_ms.push_back(timeFrame([&] { stack->setEquityFamily(std::nullopt); }));
        for (MaType t : kAllFamilies)
            equity.frame_ms.push_back(timeFrame([&] { stack->setEquityFamily(t); }));
    }
    stack->setEquityFamily(std::nullopt);
    finish(std::move(equity));
    return steps;
}

QString probeTotal(const std::vector<ProbeStep>& steps) {
    std::vector<double> all;
    for (const ProbeStep& s : steps)
        all.insert(all.end(), s.frame_ms.begin(), s.frame_ms.end());
    return stepSummary(QStringLiteral("total"), all);
}

}  // namespace atc::ui
