// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/drawing_layer.hpp"

#include <QAction>
#include <QMenu>
#include <QUndoCommand>
#include <QUndoStack>
#include <QWidget>
#include <utility>

namespace atc::ui {

using store::Drawing;
using store::DrawingKind;

// One step of the undo stack: the whole list before and after (a symbol has a
// handful of drawings, so a copy is the simplest exact inverse).
class DrawingEdit : public QUndoCommand {
public:
    DrawingEdit(DrawingLayer* layer, std::vector<Drawing> after, std::optional<std::size_t> select,
                const QString& text)
        : QUndoCommand(text),
          layer_(layer),
          before_(layer->drawings()),
          before_selected_(layer->selected()),
          after_(std::move(after)),
          after_selected_(select) {}

    void redo() override { layer_->apply(after_, after_selected_); }
    void undo() override { layer_->apply(before_, before_selected_); }

private:
    DrawingLayer* layer_;
    std::vector<Drawing> before_;
    std::optional<std::size_t> before_selected_;
    std::vector<Drawing> after_;
    std::optional<std::size_t> after_selected_;
};

namespace {

bool twoPoints(DrawingKind kind) {
    return kind == DrawingKind::TrendLine || kind == DrawingKind::Rectangle;
}

}  // namespace

DrawingLayer::DrawingLayer(DrawingItem* item, QWidget* view)
    : QObject(view), item_(item), view_(view), undo_(new QUndoStack(this)) {}

void DrawingLayer::setDrawings(const QString& symbol, std::vector<Drawing> drawings) {
    symbol_ = symbol;
    drawings_ = std::move(drawings);
    draft_.reset();
    drag_.reset();
    selected_.reset();
    item_->setDraft(std::nullopt);
    item_->setDrawings(drawings_);
    item_->setSelected(std::nullopt);
    // Undoing into another symbol's drawings would make no sense.
    undo_->clear();
}

void DrawingLayer::apply(const std::vector<Drawing>& drawings, std::optional<std::size_t> select) {
    drawings_ = drawings;
    item_->setDrawings(drawings_);
    this->select(select && *select < drawings_.size() ? select : std::nullopt);
    emit edited(symbol_, drawings_);
}

void DrawingLayer::commit(std::vector<Drawing> after, std::optional<std::size_t> select,
                          const QString& text) {
    undo_->push(new DrawingEdit(this, std::move(after), select, text));
}

void DrawingLayer::select(std::optional<std::size_t> index) {
    selected_ = index;
    item_->setSelected(index);
}

void DrawingLayer::setTool(std::optional<DrawingKind> kind) {
    if (kind == tool_)
        return;
    tool_ = kind;
    draft_.reset();
    item_->setDraft(std::nullopt);
    if (kind && hidden_)
        setHidden(false);  // a drawing placed unseen would be a surprise
    emit toolChanged(kind);
}

void DrawingLayer::setMagnet(bool on) {
    magnet_ = on;
}

void DrawingLayer::setHidden(bool hidden) {
    if (hidden == hidden_)
        return;
    hidden_ = hidden;
    item_->setVisible(!hidden);
    if (hidden) {
        select(std::nullopt);
        drag_.reset();
    }
    emit hiddenChanged(hidden);
}

bool DrawingLayer::cancel() {
    if (draft_ || tool_) {
        setTool(std::nullopt);  // drops the draft too
        return true;
    }
    if (selected_) {
        select(std::nullopt);
        return true;
    }
    return false;
}

bool DrawingLayer::deleteSelected() {
    if (!selected_ || hidden_)
        return false;
    std::vector<Drawing> after = drawings_;
    after.erase(after.begin() + static_cast<std::ptrdiff_t>(*selected_));
    commit(std::move(after), std::nullopt, tr("Delete drawing"));
    return true;
}

bool DrawingLayer::grabs(QPointF pos) const {
    return !hidden_ && item_->hitAt(pos).has_value();
}

bool DrawingLayer::press(QPointF pos) {
    if (tool_) {
        const std::optional<store::DrawingAnchor> at = item_->anchorAt(pos, magnet_);
        if (!at)
            return true;  // armed: a press never pans
        if (draft_) {     // the second click of a two-click placement
            finishDraft(pos);
            return true;
        }
        const Drawing d{*tool_, item_->placesByBar(), *at, *at, false};
        if (!twoPoints(*tool_)) {
            std::vector<Drawing> after = drawings_;
            after.push_back(d);
            setTool(std::nullopt);
            commit(std::move(after), drawings_.size(), tr("Add drawing"));
            return true;
        }
        draft_ = d;
        draft_press_ = pos;
        draft_dragging_ = true;
        item_->setDraft(draft_);
        return true;
    }
    if (hidden_)
        return false;
    const std::optional<DrawingHit> hit = item_->hitAt(pos);
    if (!hit) {
        select(std::nullopt);
        return false;  // the pane pans
    }
    select(hit->index);
    drag_ = Drag{hit->index, hit->handle, drawings_[hit->index], pos};
    return true;
}

void DrawingLayer::move(QPointF pos) {
    if (draft_) {
        if (const std::optional<store::DrawingAnchor> at = item_->anchorAt(pos, magnet_)) {
            draft_->end = *at;
            item_->setDraft(draft_);
        }
        return;
    }
    // A click's jitter moves nothing (the magnet would pull a line that was
    // only meant to be selected).
    if (!drag_ || (pos - drag_->from).manhattanLength() < kLeastDragPx)
        return;
    const std::optional<Drawing> moved = dragged(pos);
    if (!moved)
        return;
    // Shown as it goes; one undo step when the button is released.
    std::vector<Drawing> preview = drawings_;
    preview[drag_->index] = *moved;
    item_->setDrawings(std::move(preview));
}

bool DrawingLayer::release(QPointF pos) {
    if (draft_ && draft_dragging_) {
        draft_dragging_ = false;
        if ((pos - draft_press_).manhattanLength() >= kLeastDragPx)
            finishDraft(pos);
        return true;  // else the next click places the second point
    }
    if (draft_)
        return true;
    if (!drag_)
        return false;
    const bool clicked = (pos - drag_->from).manhattanLength() < kLeastDragPx;
    const Drawing moved = clicked ? drag_->original : dragged(pos).value_or(drag_->original);
    const Drag drag = *std::exchange(drag_, std::nullopt);
    if (moved == drag.original) {
        item_->setDrawings(drawings_);  // a click: selected, not moved
        return true;
    }
    std::vector<Drawing> after = drawings_;
    after[drag.index] = moved;
    commit(std::move(after), drag.index, tr("Move drawing"));
    return true;
}

std::optional<Drawing> DrawingLayer::dragged(QPointF pos) const {
    if (!drag_->handle)
        return item_->movedBy(drag_->original, drag_->from, pos, magnet_);
    if (const std::optional<store::DrawingAnchor> at = item_->anchorAt(pos, magnet_))
        return withHandleAt(drag_->original, *drag_->handle, *at);
    return std::nullopt;
}

void DrawingLayer::finishDraft(QPointF pos) {
    Drawing d = *draft_;
    if (const std::optional<store::DrawingAnchor> at = item_->anchorAt(pos, magnet_))
        d.end = *at;
    draft_.reset();
    draft_dragging_ = false;
    item_->setDraft(std::nullopt);
    std::vector<Drawing> after = drawings_;
    after.push_back(d);
    setTool(std::nullopt);
    commit(std::move(after), drawings_.size(), tr("Add drawing"));
}

bool DrawingLayer::openMenu(QPointF pos, const QPoint& global_pos) {
    if (hidden_ || tool_)
        return false;
    const std::optional<DrawingHit> hit = item_->hitAt(pos);
    if (!hit)
        return false;
    const std::size_t index = hit->index;
    select(index);
    const Drawing d = drawings_[index];
    auto* menu = new QMenu(view_);
    menu->setObjectName(QStringLiteral("drawingMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (d.kind == DrawingKind::HorizontalLine) {
        QAction* alert = menu->addAction(tr("Add alert at this price…"));
        alert->setObjectName(QStringLiteral("addAlertAction"));
        const double price = d.start.price;
        connect(alert, &QAction::triggered, this, [this, price] { emit alertRequested(price); });
    }
    if (d.kind == DrawingKind::TrendLine) {
        QAction* extend = menu->addAction(tr("Extend right"));
        extend->setObjectName(QStringLiteral("extendRightAction"));
        extend->setCheckable(true);
        extend->setChecked(d.extend_right);
        connect(extend, &QAction::toggled, this, [this, index](bool on) {
            if (index >= drawings_.size())
                return;
            std::vector<Drawing> after = drawings_;
            after[index].extend_right = on;
            commit(std::move(after), index, tr("Extend drawing"));
        });
    }
    QAction* remove = menu->addAction(tr("Delete"));
    remove->setObjectName(QStringLiteral("deleteDrawingAction"));
    remove->setShortcut(QKeySequence::Delete);
    connect(remove, &QAction::triggered, this, [this, index] {
        if (index >= drawings_.size())
            return;
        select(index);
        deleteSelected();
    });
    // Not exec(): the window keeps running while the menu is open.
    menu->popup(global_pos);
    return true;
}

}  // namespace atc::ui
