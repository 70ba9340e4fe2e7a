// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme/theme.hpp"

#include <QApplication>
#include <QPalette>

#include "theme/studio_style.hpp"

namespace atc::ui {

Theme darkTheme() {
    Theme t;
    t.kind = ThemeKind::Dark;
    t.name = QStringLiteral("Dark");
    t.window = QColor(0x1e, 0x22, 0x2a);
    t.panel = QColor(0x23, 0x28, 0x31);
    t.text = QColor(0xd8, 0xde, 0xe9);
    t.muted_text = QColor(0x8a, 0x93, 0xa3);
    t.chart_background = QColor(0x15, 0x18, 0x1e);
    t.grid = QColor(0x2c, 0x32, 0x3c);
    t.crosshair = QColor(0xa0, 0xa8, 0xb8);
    t.bull = QColor(0x26, 0xa6, 0x9a);  // teal green, readable on dark
    t.bear = QColor(0xef, 0x53, 0x50);  // soft red
    t.neutral = QColor(0x78, 0x80, 0x90);
    t.price = QColor(0xe0, 0xe4, 0xec);
    t.average = QColor(0xff, 0xd5, 0x4f);
    t.threshold = QColor(0x6c, 0x75, 0x85);
    t.warning = QColor(0xff, 0xb7, 0x4d);
    t.danger = QColor(0xff, 0x6e, 0x6e);
    t.family = {QColor(0x42, 0xa5, 0xf5), QColor(0xab, 0x47, 0xbc), QColor(0x66, 0xbb, 0x6a),
                QColor(0xff, 0xa7, 0x26), QColor(0x26, 0xc6, 0xda), QColor(0xec, 0x40, 0x7a)};
    t.compare = {QColor(0xd4, 0xe1, 0x57), QColor(0xff, 0x8a, 0x65), QColor(0x9f, 0xa8, 0xda),
                 QColor(0xd7, 0xb9, 0x8e)};
    return t;
}

Theme lightTheme() {
    Theme t;
    t.kind = ThemeKind::Light;
    t.name = QStringLiteral("Light");
    t.window = QColor(0xf3, 0xf4, 0xf6);
    t.panel = QColor(0xff, 0xff, 0xff);
    t.text = QColor(0x1f, 0x25, 0x30);
    t.muted_text = QColor(0x5f, 0x67, 0x75);
    t.chart_background = QColor(0xff, 0xff, 0xff);
    t.grid = QColor(0xe3, 0xe6, 0xeb);
    t.crosshair = QColor(0x50, 0x58, 0x68);
    t.bull = QColor(0x00, 0x89, 0x7b);
    t.bear = QColor(0xd3, 0x2f, 0x2f);
    t.neutral = QColor(0x9e, 0xa4, 0xae);
    t.price = QColor(0x26, 0x2b, 0x35);
    t.average = QColor(0xc7, 0x8a, 0x00);
    t.threshold = QColor(0x9a, 0xa0, 0xaa);
    t.warning = QColor(0xe6, 0x8a, 0x00);
    t.danger = QColor(0xc6, 0x28, 0x28);
    t.family = {QColor(0x1e, 0x88, 0xe5), QColor(0x8e, 0x24, 0xaa), QColor(0x43, 0xa0, 0x47),
                QColor(0xef, 0x6c, 0x00), QColor(0x00, 0xac, 0xc1), QColor(0xd8, 0x1b, 0x60)};
    t.compare = {QColor(0x82, 0x77, 0x17), QColor(0xf4, 0x51, 0x1e), QColor(0x39, 0x49, 0xab),
                 QColor(0x8d, 0x6e, 0x63)};
    return t;
}

Theme themeOf(ThemeKind kind) {
    return kind == ThemeKind::Dark ? darkTheme() : lightTheme();
}

void applyToApplication(const Theme& theme, QApplication& app) {
    app.setStyle(new StudioStyle);
    QPalette p;
    p.setColor(QPalette::Window, theme.window);
    p.setColor(QPalette::WindowText, theme.text);
    p.setColor(QPalette::Base, theme.panel);
    p.setColor(QPalette::AlternateBase, theme.window);
    p.setColor(QPalette::Text, theme.text);
    p.setColor(QPalette::Button, theme.panel);
    p.setColor(QPalette::ButtonText, theme.text);
    p.setColor(QPalette::ToolTipBase, theme.panel);
    p.setColor(QPalette::ToolTipText, theme.text);
    p.setColor(QPalette::PlaceholderText, theme.muted_text);
    p.setColor(QPalette::Highlight, theme.family[0]);
    p.setColor(QPalette::HighlightedText, QColor(Qt::white));
    p.setColor(QPalette::BrightText, theme.danger);
    p.setColor(QPalette::Disabled, QPalette::Text, theme.muted_text);
    p.setColor(QPalette::Disabled, QPalette::WindowText, theme.muted_text);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, theme.muted_text);
    app.setPalette(p);
}

}  // namespace atc::ui
