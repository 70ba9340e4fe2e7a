// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/dock_shortcut.hpp"

#include <QAction>
#include <QDockWidget>
#include <QEvent>

namespace atc::ui {
namespace {

// Watches the toggle action's shortcut events (menu clicks are no shortcut
// events, so the menu entry keeps toggling).
class BringToFrontOnShortcut : public QObject {
public:
    explicit BringToFrontOnShortcut(QDockWidget* dock) : QObject(dock), dock_(dock) {}

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Shortcut && isBehindAnotherTab(dock_)) {
            dock_->raise();
            return true;  // handled: no toggle
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QDockWidget* dock_;
};

}  // namespace

bool isBehindAnotherTab(const QDockWidget* dock) {
    // A tabbed dock that is not the current tab stays "visible" but is moved
    // out of sight, so nothing of it can be seen.
    return dock->isVisible() && !dock->isFloating() && dock->visibleRegion().isEmpty();
}

void setDockShortcut(QDockWidget* dock, const QKeySequence& shortcut) {
    QAction* toggle = dock->toggleViewAction();
    toggle->setShortcut(shortcut);
    toggle->installEventFilter(new BringToFrontOnShortcut(dock));
    QObject::connect(toggle, &QAction::triggered, dock, [dock](bool shown) {
        if (shown)
            dock->raise();  // opened: in front of the tabs it shares
    });
}

}  // namespace atc::ui
