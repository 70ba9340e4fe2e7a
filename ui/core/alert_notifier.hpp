// SPDX-License-Identifier: GPL-3.0-or-later
// How a fired alert reaches the trader outside the window: a desktop
// notification. An interface, so that the window can be given another one
// (the tests record what would have been shown).
#pragma once

#include <QString>

class QObject;
class QSystemTrayIcon;

namespace atc::ui {

class AlertNotifier {
public:
    virtual ~AlertNotifier() = default;
    virtual void notify(const QString& title, const QString& message) = 0;
};

// The desktop's notification through the system tray
// (QSystemTrayIcon::showMessage). Where the desktop has no tray, nothing is
// shown here: the Alerts list and the status bar still show every alert.
class TrayNotifier final : public AlertNotifier {
public:
    // The tray icon is made on the first alert, as a child of `owner`.
    explicit TrayNotifier(QObject* owner) : owner_(owner) {}
    void notify(const QString& title, const QString& message) override;

private:
    QObject* owner_;
    QSystemTrayIcon* tray_ = nullptr;
};

}  // namespace atc::ui
