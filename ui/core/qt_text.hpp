// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's text (std::string, UTF-8) as Qt's: one spelling for the
// conversion the widgets make everywhere.
#pragma once

#include <QString>
#include <string>
#include <string_view>

namespace atc::ui {

inline QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

inline QString qs(const char* text) {
    return QString::fromUtf8(text);
}

inline QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace atc::ui
