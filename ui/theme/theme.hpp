// SPDX-License-Identifier: GPL-3.0-or-later
// Dark and light themes: one palette for the widgets and the charts alike.
#pragma once

#include <QColor>
#include <QString>
#include <array>

#include "atc/params.hpp"

class QApplication;

namespace atc::ui {

enum class ThemeKind { Dark, Light };

struct Theme {
    ThemeKind kind = ThemeKind::Dark;
    QString name;   // "Dark", "Light"
    QColor window;  // widget background
    QColor panel;   // docks, tables
    QColor text;
    QColor muted_text;  // axis labels, secondary text
    QColor chart_background;
    QColor grid;
    QColor crosshair;
    QColor bull;       // long / up-cross state
    QColor bear;       // short / down-cross state
    QColor neutral;    // flat state, no signal yet
    QColor price;      // close line, candle outline
    QColor average;    // the Average signal
    QColor threshold;  // long/short threshold lines
    QColor warning;    // multiplier warnings
    QColor danger;
    // One colour per MA family, indexed by atc::MaType (EMA..KAMA), used where the
    // families are told apart (signals, equities, legends).
    std::array<QColor, kFamilyCount> family;
    // The symbols compared on the price pane (View → Compare…), in the order
    // they take them: apart from the families, the states and the price.
    std::array<QColor, 4> compare;

    QColor familyColor(MaType t) const { return family[static_cast<std::size_t>(t)]; }
    QColor stateColor(int state) const { return state > 0 ? bull : (state < 0 ? bear : neutral); }
};

Theme darkTheme();
Theme lightTheme();
Theme themeOf(ThemeKind kind);

// Sets the app's style (StudioStyle: Fusion, corrected) and a palette from the
// theme on the whole application.
void applyToApplication(const Theme& theme, QApplication& app);

}  // namespace atc::ui
