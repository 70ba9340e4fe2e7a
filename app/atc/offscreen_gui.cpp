// SPDX-License-Identifier: GPL-3.0-or-later
#include "offscreen_gui.hpp"

#include <QApplication>
#include <QtGlobal>

namespace atc::cli {
namespace {

char kProgramName[] = "atc";

// Qt's chatter about the platform (no runtime folder, window hints the
// offscreen platform ignores) is not the command's business: the reports'
// own failures are exceptions with messages. Critical errors still show.
void quiet_handler(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type != QtCriticalMsg && type != QtFatalMsg)
        return;
    fprintf(stderr, "atc: Qt: %s\n", qPrintable(message));
}

}  // namespace

OffscreenGui::OffscreenGui() {
    // A platform the user chose (QT_QPA_PLATFORM=xcb to debug) is respected.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quiet_handler);
    argv_[0] = kProgramName;
    app_ = std::make_unique<QApplication>(argc_, argv_);
}

OffscreenGui::~OffscreenGui() = default;

}  // namespace atc::cli
