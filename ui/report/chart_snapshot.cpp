// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/chart_snapshot.hpp"

#include <QCoreApplication>
#include <QPainter>

#include "atc/compute.hpp"
#include "charts/chart_stack.hpp"
#include "charts/drawing_layer.hpp"

namespace atc::ui {
namespace {

// Qt Charts and the panes lay themselves out through posted events: layout
// requests (the charts are QGraphicsWidgets, outside the stack's object tree)
// and the stack's own deferred work. Delivering only those keeps unrelated
// queued work (a result arriving for the window) from running in the middle of
// an export.
void settle(QWidget& stack) {
    for (int round = 0; round < 3; ++round) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::sendPostedEvents(&stack);
        for (QObject* child : stack.findChildren<QObject*>())
            QCoreApplication::sendPostedEvents(child);
    }
}

// A stack that is laid out like a shown window but never appears on screen.
class OffscreenStack {
public:
    OffscreenStack(const std::shared_ptr<const SymbolData>& data, const MemberSet& members,
                   const ChartView& view, QSize size) {
        stack_.setAttribute(Qt::WA_DontShowOnScreen);
        stack_.resize(size);
        // Shown (off screen) before the theme is set, as in the window: the
        // splitter's style sheet polishes the panes on show, and a theme set
        // before that would leave the legends with the first theme's palette.
        stack_.show();
        stack_.setTheme(view.theme);
        stack_.setCandles(view.candles);
        for (MaType t : kAllFamilies)
            stack_.setMaVisible(t, view.ma_visible[static_cast<std::size_t>(t)]);
        stack_.setEquityFamily(view.equity_family);
        if (view.calibration)
            stack_.setCalibrationFamily(*view.calibration);
        stack_.setCalibrationVisible(view.calibration.has_value());
        stack_.setData(data);
        stack_.drawingLayer()->setDrawings(data->name, view.drawings);
        for (const MaType family : kAllFamilies) {
            if (const auto& m = members[static_cast<std::size_t>(family)])
                stack_.setMembers(data, family, m);
        }
        if (view.range)
            stack_.setVisibleRange(view.range->first, view.range->second);
        settle(stack_);
    }
    ~OffscreenStack() { stack_.hide(); }
    OffscreenStack(const OffscreenStack&) = delete;
    OffscreenStack& operator=(const OffscreenStack&) = delete;

    ChartStack& stack() { return stack_; }

private:
    ChartStack stack_;
};

}  // namespace

MemberSet viewMembers(const std::shared_ptr<const SymbolData>& data, const MemberSet& held,
                      const ChartView& view) {
    MemberSet out;
    for (const std::optional<MaType> family : {view.calibration, view.equity_family}) {
        if (!family)
            continue;
        const auto f = static_cast<std::size_t>(*family);
        out[f] = held[f] ? held[f] : keptMembers(data, *family);
        // Exported before the window had them: the report cannot wait.
        if (!out[f])
            out[f] = std::make_shared<const FamilyMembers>(
                compute_members(data->bars.close, data->params, *family));
    }
    return out;
}

ChartView captureView(const ChartStack& charts) {
    ChartView view;
    view.candles = charts.candles();
    for (MaType t : kAllFamilies)
        view.ma_visible[static_cast<std::size_t>(t)] = charts.maVisible(t);
    view.equity_family = charts.equityFamily();
    if (charts.calibrationVisible())
        view.calibration = charts.calibrationFamily();
    view.range = charts.visibleRange();
    view.theme = charts.theme();
    if (const DrawingLayer* drawings = charts.drawingLayer(); !drawings->hidden())
        view.drawings = drawings->drawings();
    return view;
}

QPicture recordCharts(const std::shared_ptr<const SymbolData>& data, const MemberSet& members,
                      const ChartView& view, QSize size) {
    OffscreenStack offscreen(data, members, view, size);
    QPicture picture;
    QPainter painter(&picture);
    offscreen.stack().render(&painter, QPoint(), QRegion(),
                             QWidget::DrawWindowBackground | QWidget::DrawChildren);
    painter.end();
    return picture;
}

QImage renderCharts(const std::shared_ptr<const SymbolData>& data, const MemberSet& members,
                    const ChartView& view, QSize size) {
    OffscreenStack offscreen(data, members, view, size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(1.0);
    image.fill(view.theme.chart_background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    offscreen.stack().render(&painter, QPoint(), QRegion(),
                             QWidget::DrawWindowBackground | QWidget::DrawChildren);
    painter.end();
    return image.convertToFormat(QImage::Format_RGB32);
}

}  // namespace atc::ui
