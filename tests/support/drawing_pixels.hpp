// SPDX-License-Identifier: GPL-3.0-or-later
// How the tests find the trader's drawings in a picture of the charts: by
// their blue (TradingView's #2962FF, 41/98/255), deeper than any series of
// either theme (the EMA's 66/165/245 and 30/136/229 have far more green).
#pragma once

#include <QColor>
#include <QImage>

namespace atc::test {

inline bool isDrawingBlue(const QColor& c) {
    return c.blue() > c.red() + 140 && c.blue() > c.green() + 110;
}

// Pixels of the drawings' blue in the whole image.
inline int drawingBluePixels(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += isDrawingBlue(image.pixelColor(x, y)) ? 1 : 0;
    }
    return count;
}

}  // namespace atc::test
