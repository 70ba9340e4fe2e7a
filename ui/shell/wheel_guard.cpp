// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/wheel_guard.hpp"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace atc::ui {
namespace {

constexpr const char* kGuardName = "atcWheelGuard";

bool holdsAValue(const QObject* object) {
    return qobject_cast<const QAbstractSpinBox*>(object) != nullptr ||
           qobject_cast<const QComboBox*>(object) != nullptr;
}

// Click or Tab gives focus, the wheel does not: QApplication hands focus to a
// WheelFocus widget before any filter sees the wheel event.
void takeNoFocusFromTheWheel(QWidget* widget) {
    if (widget->focusPolicy() == Qt::WheelFocus)
        widget->setFocusPolicy(Qt::StrongFocus);
}

class WheelGuard : public QObject {
public:
    explicit WheelGuard(QObject* parent) : QObject(parent) { setObjectName(kGuardName); }

    bool eventFilter(QObject* watched, QEvent* event) override {
        // Every widget is polished before it is first shown.
        if (event->type() == QEvent::Polish && holdsAValue(watched)) {
            takeNoFocusFromTheWheel(static_cast<QWidget*>(watched));
        } else if (event->type() == QEvent::Wheel && holdsAValue(watched) &&
                   !static_cast<QWidget*>(watched)->hasFocus()) {
            // Filtered out but not accepted: QApplication offers the event to
            // the parents in turn, up to the scroll area that scrolls.
            event->ignore();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }
};

}  // namespace

void installWheelGuard(QApplication& app) {
    if (app.findChild<QObject*>(QString::fromLatin1(kGuardName), Qt::FindDirectChildrenOnly))
        return;
    app.installEventFilter(new WheelGuard(&app));
    // Widgets polished before the guard came.
    for (QWidget* widget : QApplication::allWidgets()) {
        if (holdsAValue(widget))
            takeNoFocusFromTheWheel(widget);
    }
}

}  // namespace atc::ui
