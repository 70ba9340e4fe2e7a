// SPDX-License-Identifier: GPL-3.0-or-later
// The frame probe behind `atc-studio --measure-interaction`: plays a fixed
// script of chart interactions on the open symbol and times every frame from
// the input to the painted window. A benchmark for people (docs/PERFORMANCE.md),
// not a test: nothing here asserts a time.
#pragma once

#include <QString>
#include <functional>
#include <vector>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace atc::ui {

class ChartStack;

struct ProbeStep {
    QString name;
    std::vector<double> frame_ms;  // input to painted, one per frame
};

// Sizes the window to 1600 x 1000 and plays the script: zoom out to the whole
// series (wheel), sweep the crosshair there, pan across the series (arrow
// keys), zoom in to 200 bars (wheel), sweep the crosshair again, switch the
// equity view through its seven choices. Each frame sends one input event and
// processes events until the window is painted. A step ends early after
// kStepBudgetMs (a slow build would otherwise take many minutes); `done` hears
// each step as it ends, so a run cut short still tells what it measured.
inline constexpr double kStepBudgetMs = 20000.0;
std::vector<ProbeStep> measureInteraction(QWidget* window, ChartStack* stack,
                                          const std::function<void(const ProbeStep&)>& done);

// "NAME: frames N, median X ms, p95 Y ms, worst Z ms".
QString stepSummary(const QString& name, const std::vector<double>& frame_ms);
// The same line for all the frames of all steps, named "total".
QString probeTotal(const std::vector<ProbeStep>& steps);

}  // namespace atc::ui
