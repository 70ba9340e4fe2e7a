// SPDX-License-Identifier: GPL-3.0-or-later
// One notch of the mouse wheel over a widget, delivered as a real mouse's is:
// to the widget under the pointer, spontaneous, through QApplication::notify,
// which gives wheel focus, runs the application's event filters and offers an
// ignored event to the parents in turn. QApplication::sendEvent would do none
// of that (a wheel event it sends is not spontaneous and never propagates), so
// a test of what the wheel scrolls must come this way.
#pragma once

#include <QtTest/qtestspontaneevent.h>
#include <QApplication>
#include <QWheelEvent>
#include <QWidget>

namespace atc::test {

// `notches` > 0 turns the wheel away from the user (up, scrolling towards the
// top); < 0 towards the user (down). Over the centre of `over`.
inline void turnWheel(QWidget* over, int notches) {
    QWidget* window = over->window();
    const QPoint at = over->mapTo(window, over->rect().center());
    QWidget* target = window->childAt(at);
    if (target == nullptr)
        target = window;
    const QPoint local = target->mapFrom(window, at);
    QWheelEvent event(QPointF(local), QPointF(target->mapToGlobal(local)), QPoint(),
                      QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                      false);
    QSpontaneKeyEvent::setSpontaneous(&event);
    QApplication::instance()->notify(target, &event);
}

}  // namespace atc::test
