// SPDX-License-Identifier: GPL-3.0-or-later
// atc-studio --symbol S [--timeframe TF] [--scale linear|log|percent] [--goto DATE]
// --screenshot FILE.png:
// draws that view in the normal window (1600×1000) and writes the PNG; or says
// why not (no such symbol, a timeframe the data cannot give, a date outside
// the data, a file that cannot be written). The session is left as it was.
#pragma once

#include <QString>
#include <functional>
#include <optional>

#include "charts/value_scale.hpp"
#include "core/go_to_date.hpp"

namespace atc::ui {

class MainWindow;

struct ScreenshotRequest {
    QString symbol;
    std::optional<TypedMoment> go_to;  // the chart centred there
    QString file;
    std::optional<PriceScale> scale;  // none: the session's
};

// The size of the window a screenshot shows (the frame probe's too).
inline constexpr int kScriptedWidth = 1600;
inline constexpr int kScriptedHeight = 1000;
// How long the chart may take before the run gives up.
inline constexpr int kScreenshotTimeoutMs = 120000;

// How a run ended: the error, empty when the PNG was written.
using ScreenshotDone = std::function<void(const QString& error)>;

// Sets the run up on a window whose restoreSession() comes next; `done` hears
// once how it ended.
void runScreenshot(MainWindow& window, const ScreenshotRequest& request, ScreenshotDone done);

}  // namespace atc::ui
