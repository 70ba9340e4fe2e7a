// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/scripted_view.hpp"

#include <QCoreApplication>
#include <QImageWriter>
#include <QObject>
#include <QPixmap>
#include <QSaveFile>
#include <QTimer>
#include <memory>

#include "charts/chart_stack.hpp"
#include "shell/chart_toolbar.hpp"
#include "shell/main_window.hpp"

namespace atc::ui {
namespace {

// Written through a temporary file: a failed write leaves whatever was there.
QString savePng(const QPixmap& pixmap, const QString& file) {
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return QObject::tr("cannot write %1: %2").arg(file, out.errorString());
    QImageWriter writer(&out, "png");
    if (!writer.write(pixmap.toImage()))
        return QObject::tr("cannot write %1: %2").arg(file, writer.errorString());
    if (!out.commit())
        return QObject::tr("cannot write %1: %2").arg(file, out.errorString());
    return {};
}

// The error, empty when written.
QString capture(MainWindow& window, const ScreenshotRequest& request) {
    const auto data = window.currentData();
    // Through the toolbar, as a click: its buttons show the scale drawn.
    if (request.scale)
        window.chartToolbar()->setPriceScale(*request.scale);
    if (request.go_to) {
        const DateTarget target = barForMoment(data->bars, *request.go_to);
        if (!target.bar)
            return target.error;
        window.charts()->centerOnBar(*target.bar);
    }
    // Everything the new view posted (layouts, repaints) before the grab.
    for (int round = 0; round < 3; ++round)
        QCoreApplication::processEvents();
    return savePng(window.grab(), request.file);
}

}  // namespace

void runScreenshot(MainWindow& window, const ScreenshotRequest& request, ScreenshotDone done) {
    window.setSessionKept(false);
    window.resize(kScriptedWidth, kScriptedHeight);
    // The first of: drawn, failed, timed out. Its end disconnects the others.
    auto* run = new QObject(&window);
    auto ended = std::make_shared<bool>(false);
    const auto end = [run, ended] {
        if (*ended)
            return false;
        *ended = true;
        run->deleteLater();
        return true;
    };
    QObject::connect(
        &window, &MainWindow::symbolShown, run, [&window, request, end, done](const QString& name) {
            if (name != request.symbol || !end())
                return;
            // Queued: after the window has painted the new chart.
            QTimer::singleShot(0, &window,
                               [&window, request, done] { done(capture(window, request)); });
        });
    QObject::connect(&window, &MainWindow::symbolFailed, run,
                     [request, end, done](const QString& name, const QString& message) {
                         if (name != request.symbol || !end())
                             return;
                         done(QObject::tr("%1: %2").arg(name, message));
                     });
    QTimer::singleShot(kScreenshotTimeoutMs, run, [request, end, done] {
        if (!end())
            return;
        done(QObject::tr("%1 was not drawn within %2 s")
                 .arg(request.symbol)
                 .arg(kScreenshotTimeoutMs / 1000));
    });
}

}  // namespace atc::ui
