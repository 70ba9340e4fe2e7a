// SPDX-License-Identifier: GPL-3.0-or-later
// The mouse wheel never edits a value by accident: a spin box or combo box
// takes the wheel only while it has keyboard focus (click or Tab into it);
// otherwise the wheel goes on to what holds it, so a dock or dialog scrolls
// as the pointer passes over its fields.
//
// Qt's default is the opposite: these boxes take focus from the wheel
// (Qt::WheelFocus) and step on every notch under the pointer, so scrolling
// the Parameters dock changed whichever field went by.
#pragma once

class QApplication;

namespace atc::ui {

// Applies the rule to every spin box and combo box of `app`, now and later
// (an event filter on the application). Installing it again changes nothing.
void installWheelGuard(QApplication& app);

}  // namespace atc::ui
