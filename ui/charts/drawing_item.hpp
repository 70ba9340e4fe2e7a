// SPDX-License-Identifier: GPL-3.0-or-later
// The trader's drawings on the price pane, painted as TradingView paints them:
// horizontal and vertical lines across the plot (a horizontal line's price
// tagged on the price scale), trend lines (continued to the right edge when
// extended), rectangles with a translucent fill, and round handles on the
// selected one. It also answers the geometry the mouse needs: which drawing
// or handle is under a point, and the anchor a point stands for (snapped to
// the bar's open, high, low or close by the magnet). Values and pixels are
// mapped only through PlotMap, at paint time, so the drawings follow pan, zoom
// and the price scale.
#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "atc/store/drawing_store.hpp"
#include "charts/plot_overlay.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

// Which anchor coordinates a handle moves: a trend line's ends are
// {true, true} (start) and {false, false} (end); a rectangle's four corners
// mix them ({true, false}: the start's time with the end's price).
struct DrawingHandle {
    bool x_of_start = true;
    bool price_of_start = true;
    friend bool operator==(const DrawingHandle&, const DrawingHandle&) = default;
};

struct DrawingHit {
    std::size_t index = 0;
    std::optional<DrawingHandle> handle;  // nullopt: the drawing itself (moves whole)
};

class DrawingItem : public PlotOverlay {
public:
    // Pixels within which the mouse grabs a line or a handle.
    static constexpr double kGrabPx = 6.0;
    // Pixels within which the magnet pulls a point to an open, high, low or close.
    static constexpr double kMagnetPx = 12.0;

    DrawingItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // The bars the anchors are placed among (nullptr: none).
    void setData(std::shared_ptr<const SymbolData> data);
    void setDrawings(std::vector<store::Drawing> drawings);
    void setSelected(std::optional<std::size_t> index);
    // A drawing being placed, drawn over the others; nullopt when none.
    void setDraft(std::optional<store::Drawing> draft);
    void setPriceFormat(std::function<QString(double)> format);
    void setTagFont(const QFont& font);
    void setBackground(const QColor& background);

    // The drawing or handle under `pos` (chart coordinates), handles of the
    // selected drawing first, then the drawings from the topmost.
    std::optional<DrawingHit> hitAt(QPointF pos) const;
    // The anchor `pos` stands for: the nearest bar's time and the price there,
    // pulled to the bar's open, high, low or close within kMagnetPx when
    // `magnet`. nullopt without bars or before a layout.
    std::optional<store::DrawingAnchor> anchorAt(QPointF pos, bool magnet) const;
    // `drawing` moved whole by the mouse going from `from` to `to`: by whole
    // bars and by the pixels moved up or down; a one-point kind (horizontal or
    // vertical line) snaps to the magnet where its point lands.
    std::optional<store::Drawing> movedBy(const store::Drawing& drawing, QPointF from, QPointF to,
                                          bool magnet) const;
    // Where an anchor is on the chart now (for tests and menus).
    QPointF pixelOf(const store::DrawingAnchor& anchor, bool by_bar) const;
    // Whether anchors placed now are bar indices (bars without times).
    bool placesByBar() const;

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Ends {
        QPointF start, end;
    };
    Ends endsOf(const store::Drawing& drawing, const PlotMap& map) const;
    std::vector<QPointF> handlesOf(const store::Drawing& drawing, const PlotMap& map) const;
    double distanceTo(const store::Drawing& drawing, QPointF pos, const PlotMap& map) const;
    double barPosition(const store::DrawingAnchor& anchor, bool by_bar) const;
    std::optional<double> magnetPrice(double bar, double pixel_y, const PlotMap& map) const;
    void paintDrawing(QPainter* painter, const store::Drawing& drawing, const PlotMap& map) const;
    void paintPriceTag(QPainter* painter, double price, const QColor& color,
                       const PlotMap& map) const;

    std::shared_ptr<const SymbolData> data_;
    std::vector<store::Drawing> drawings_;
    std::optional<std::size_t> selected_;
    std::optional<store::Drawing> draft_;
    std::function<QString(double)> format_;
    QFont font_;
    QColor background_ = Qt::black;
};

// A drawing's handles in the order hitAt() reports them: none for the
// one-point kinds (they move whole), the two ends of a trend line, a
// rectangle's four corners.
std::vector<DrawingHandle> drawingHandles(store::DrawingKind kind);

// `drawing` with the coordinates `handle` moves set from `to`.
store::Drawing withHandleAt(store::Drawing drawing, DrawingHandle handle,
                            const store::DrawingAnchor& to);

}  // namespace atc::ui
