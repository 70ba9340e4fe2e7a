// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alert_notifier.hpp"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace atc::ui {

void TrayNotifier::notify(const QString& title, const QString& message) {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!tray_) {
        // A tray message needs a visible icon: the app's, or a plain one.
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        tray_ = new QSystemTrayIcon(icon, owner_);
        tray_->setToolTip(QStringLiteral("ATC Studio"));
        tray_->show();
    }
    tray_->showMessage(title, message, QSystemTrayIcon::Information);
}

}  // namespace atc::ui
