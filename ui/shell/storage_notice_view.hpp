// SPDX-License-Identifier: GPL-3.0-or-later
// Shows the StorageStatus notices in a window: the latest headline in a
// permanent status-bar label (every notice's detail in its tooltip), and each
// notice once in a non-modal message box, so the app stays usable while the
// user reads why nothing (or not everything) is saved.
#pragma once

#include <QObject>

#include "core/storage_status.hpp"

class QLabel;
class QMainWindow;

namespace atc::ui {

class StorageNoticeView : public QObject {
    Q_OBJECT

public:
    // Adds the label to `window`'s status bar and shows the notices reported so
    // far (after the window is shown) and every later one.
    StorageNoticeView(StorageStatus& status, QMainWindow* window);

    // Hidden while there is nothing to say.
    QLabel* label() const { return label_; }

private:
    void showNotice(const StorageNotice& notice);

    QMainWindow* window_;
    QLabel* label_;
};

}  // namespace atc::ui
