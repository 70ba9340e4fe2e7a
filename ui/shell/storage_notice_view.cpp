// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/storage_notice_view.hpp"

#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace atc::ui {

StorageNoticeView::StorageNoticeView(StorageStatus& status, QMainWindow* window)
    : QObject(window), window_(window), label_(new QLabel(window)) {
    label_->setObjectName(QStringLiteral("storageNotice"));
    label_->setVisible(false);
    window->statusBar()->addPermanentWidget(label_);
    connect(&status, &StorageStatus::noticeAdded, this, &StorageNoticeView::showNotice);
    // Notices from before the window existed (the database opened read-only):
    // once the event loop runs, i.e. after show(), so the box sits on top.
    // Later ones arrive through the signal.
    QTimer::singleShot(0, this, [this, earlier = status.notices()] {
        for (const StorageNotice& notice : earlier)
            showNotice(notice);
    });
}

void StorageNoticeView::showNotice(const StorageNotice& notice) {
    label_->setText(QStringLiteral("⚠ %1").arg(notice.headline));
    const QString earlier = label_->toolTip();
    label_->setToolTip(earlier.isEmpty() ? notice.detail
                                         : earlier + QStringLiteral("\n\n") + notice.detail);
    label_->setVisible(true);

    auto* box = new QMessageBox(QMessageBox::Warning, tr("Not everything is saved"), notice.detail,
                                QMessageBox::Ok, window_);
    box->setObjectName(QStringLiteral("storageNoticeBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

}  // namespace atc::ui
