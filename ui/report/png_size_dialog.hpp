// SPDX-License-Identifier: GPL-3.0-or-later
// The question a PNG export asks: how many pixels wide and high.
#pragma once

#include <QSize>
#include <optional>

class QWidget;

namespace atc::ui {

// `initial` is offered (the charts' size on screen); nullopt when cancelled.
std::optional<QSize> askPngSize(QWidget* parent, QSize initial);

}  // namespace atc::ui
