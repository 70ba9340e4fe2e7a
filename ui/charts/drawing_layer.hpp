// SPDX-License-Identifier: GPL-3.0-or-later
// What the mouse and keys do with drawings on the price pane, as on
// TradingView: a tool from the toolbar (or Alt+H, Alt+T, Alt+V, Alt+R) places
// one drawing and disarms itself: a click for a horizontal or vertical line,
// a drag or two clicks for a trend line or a rectangle; Esc cancels one in
// progress. A click on a drawing selects it (its handles show), a drag moves
// it whole or by a handle, Del deletes it, the right button opens its menu.
// Every change is one step of an undo stack (Ctrl+Z / Ctrl+Y) and is told
// through edited(), which the window saves. The pane hands the layer its
// mouse events first; what the layer does not take (a press on empty chart)
// pans as before.
#pragma once

#include <QObject>
#include <QPointF>
#include <QString>
#include <optional>
#include <vector>

#include "atc/store/drawing_store.hpp"
#include "charts/drawing_item.hpp"

QT_BEGIN_NAMESPACE
class QUndoStack;
class QWidget;
QT_END_NAMESPACE

namespace atc::ui {

class DrawingLayer : public QObject {
    Q_OBJECT

public:
    // `item` paints; `view` is the pane's viewport (menus open over it).
    DrawingLayer(DrawingItem* item, QWidget* view);

    // The drawings of `symbol` (its base name: they show on every timeframe),
    // as loaded from the database: what was shown and its undo history go.
    void setDrawings(const QString& symbol, std::vector<store::Drawing> drawings);
    const QString& symbol() const { return symbol_; }
    const std::vector<store::Drawing>& drawings() const { return drawings_; }
    std::optional<std::size_t> selected() const { return selected_; }
    std::optional<store::DrawingKind> tool() const { return tool_; }
    bool magnet() const { return magnet_; }
    bool hidden() const { return hidden_; }
    // A trend line or rectangle whose first point is placed.
    bool placing() const { return draft_.has_value(); }
    QUndoStack* undoStack() const { return undo_; }
    DrawingItem* item() const { return item_; }

    // Mouse events from the pane, in chart coordinates; true when the layer
    // took the event (the pane then neither pans nor measures).
    bool press(QPointF pos);
    void move(QPointF pos);
    bool release(QPointF pos);
    // The right button: the menu of the drawing under `pos`, if any.
    bool openMenu(QPointF pos, const QPoint& global_pos);
    // True over a drawing (a double-click there is not a zoom reset).
    bool grabs(QPointF pos) const;

public slots:
    // Arms a tool (nullopt disarms); arming shows hidden drawings.
    void setTool(std::optional<atc::store::DrawingKind> kind);
    void setMagnet(bool on);
    void setHidden(bool hidden);
    // Esc: drops a drawing being placed, else the armed tool, else the
    // selection. False when there was none of these.
    bool cancel();
    // Del: the selected drawing (undoable). False when none is selected.
    bool deleteSelected();

signals:
    // After every change (undo and redo included): what to save for `symbol`.
    void edited(const QString& symbol, const std::vector<atc::store::Drawing>& drawings);
    void toolChanged(std::optional<atc::store::DrawingKind> kind);
    void hiddenChanged(bool hidden);
    // "Add alert at this price…" on a horizontal line's menu.
    void alertRequested(double price);

private:
    friend class DrawingEdit;
    // The undo stack's commands land here: the list, and what to select.
    void apply(const std::vector<store::Drawing>& drawings, std::optional<std::size_t> select);
    void commit(std::vector<store::Drawing> after, std::optional<std::size_t> select,
                const QString& text);
    void finishDraft(QPointF pos);
    // The dragged drawing with the mouse at `pos`.
    std::optional<store::Drawing> dragged(QPointF pos) const;
    void select(std::optional<std::size_t> index);

    DrawingItem* item_;
    QWidget* view_;
    QUndoStack* undo_;
    QString symbol_;
    std::vector<store::Drawing> drawings_;
    std::optional<std::size_t> selected_;
    std::optional<store::DrawingKind> tool_;
    bool magnet_ = true;
    bool hidden_ = false;

    std::optional<store::Drawing> draft_;  // a trend line or rectangle being placed
    QPointF draft_press_;                  // where its first point was pressed
    bool draft_dragging_ = false;          // the button is still down since then

    struct Drag {
        std::size_t index = 0;
        std::optional<DrawingHandle> handle;
        store::Drawing original;
        QPointF from;
    };
    std::optional<Drag> drag_;
};

}  // namespace atc::ui
