// SPDX-License-Identifier: GPL-3.0-or-later
// A QApplication for the commands that draw (PDF and PNG reports): fonts and
// the chart widgets need one. It draws off screen: the command line never
// shows a window, so the output does not depend on a display (and none is
// needed: ssh sessions, cron, CI). Commands that do not draw never create it,
// so `atc compute` and friends run without Qt's GUI being initialised at all.
#pragma once

#include <memory>

class QApplication;

namespace atc::cli {

class OffscreenGui {
public:
    OffscreenGui();
    ~OffscreenGui();
    OffscreenGui(const OffscreenGui&) = delete;
    OffscreenGui& operator=(const OffscreenGui&) = delete;

private:
    int argc_ = 1;
    char* argv_[2] = {nullptr, nullptr};
    std::unique_ptr<QApplication> app_;
};

}  // namespace atc::cli
