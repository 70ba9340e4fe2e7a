// SPDX-License-Identifier: GPL-3.0-or-later
// A dock's View-menu toggle whose keyboard shortcut means "show me that dock":
// Qt's toggle action counts a dock that sits behind another tab as shown, so
// its shortcut would close the dock the user is asking for. With this, the
// shortcut brings such a dock to the front; otherwise it toggles as usual
// (open and in front: close; closed: open, in front).
#pragma once

#include <QKeySequence>

class QDockWidget;

namespace atc::ui {

void setDockShortcut(QDockWidget* dock, const QKeySequence& shortcut);

// True when the dock is open but hidden behind another dock of its tab group.
bool isBehindAnotherTab(const QDockWidget* dock);

}  // namespace atc::ui
