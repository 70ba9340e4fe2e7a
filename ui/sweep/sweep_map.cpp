// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep/sweep_map.hpp"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "charts/value_ticks.hpp"
#include "core/number_format.hpp"
#include "core/qt_text.hpp"
#include "panels/contrast.hpp"

namespace atc::ui {
namespace {

constexpr double kSweepMargin = 10.0;
constexpr double kSweepLegendWidth = 16.0;
constexpr double kSweepTickGap = 6.0;
// Cells at least this large carry their figure as text.
constexpr double kSweepTextCellWidth = 46.0;
constexpr double kSweepTextCellHeight = 18.0;

QString sweepValueLabel(const SweepAxis& axis, std::size_t index) {
    return QString::fromStdString(sweep_value_text(*axis.param, axis.values[index]));
}

// The colours' middle: where a figure is neither good nor bad.
double sweepMidpoint(SweepMetric metric, std::vector<double> values) {
    switch (metric) {
        case SweepMetric::WinRate:
            return 0.5;
        case SweepMetric::MaxDrawdown:
        case SweepMetric::Trades: {
            // No natural middle: half the cells either side.
            if (values.empty())
                return 0.0;
            const auto mid = values.begin() + std::ptrdiff_t(values.size() / 2);
            std::nth_element(values.begin(), mid, values.end());
            return *mid;
        }
        default:
            return 0.0;  // returns and ratios: making money or not
    }
}

QString sweepFiguresText(const PerformanceFigures& f) {
    return QObject::tr("Total return %1 · CAGR %2\nSharpe %3 · max drawdown %4 · %5")
        .arg(sweepMetricText(SweepMetric::TotalReturn, f.total_return),
             sweepMetricText(SweepMetric::Cagr, f.cagr),
             sweepMetricText(SweepMetric::Sharpe, f.sharpe),
             sweepMetricText(SweepMetric::MaxDrawdown, f.max_drawdown),
             sweepCountText(f.trades, QObject::tr("trade"), QObject::tr("trades")));
}

// The decimals that tell ticks `step` apart (at least `minimum`).
int sweepTickDecimals(double step, int minimum) {
    return std::max(minimum, int(std::ceil(-std::log10(step) - 1e-9)));
}

// A figure with the decimals given for percentages (returns, drawdown), for
// ratios and for the win rate: the one spelling of the cells' and the ticks' text.
QString sweepFigureText(SweepMetric metric, double value, int percent_decimals, int ratio_decimals,
                        int win_rate_decimals) {
    switch (metric) {
        case SweepMetric::Trades:
            return groupedNumber(value, 0);
        case SweepMetric::WinRate:
            return QStringLiteral("%1 %").arg(100.0 * value, 0, 'f', win_rate_decimals);
        case SweepMetric::MaxDrawdown:
            return signedPercent(-100.0 * value, percent_decimals);
        default:
            return sweep_metric_is_fraction(metric) ? signedPercent(100.0 * value, percent_decimals)
                                                    : groupedNumber(value, ratio_decimals);
    }
}

// A tick of the line's value axis: as sweepMetricText, with the decimals its step needs.
QString sweepTickText(SweepMetric metric, double value, double step) {
    return sweepFigureText(metric, value, sweepTickDecimals(100.0 * step, 1),
                           sweepTickDecimals(step, 2), sweepTickDecimals(100.0 * step, 0));
}

}  // namespace

QString sweepParamTitle(const ParamDescriptor& param) {
    QString title = qs(param.label);
    if (!param.unit.empty())
        title += QStringLiteral(" (%1)").arg(qs(param.unit));
    return title;
}

QString sweepMetricLabel(SweepMetric metric) {
    return qs(sweep_metric_label(metric));
}

QString sweepMetricText(SweepMetric metric, double value) {
    if (!std::isfinite(value))
        return QStringLiteral("—");
    return sweepFigureText(metric, value, 1, 2, 0);
}

QString sweepCountText(std::size_t count, const QString& one, const QString& many) {
    return groupedCount(count) + QLatin1Char(' ') + (count == 1 ? one : many);
}

QString sweepCellName(const SweepResult& sweep, const SweepCell& cell) {
    QStringList parts;
    for (std::size_t a = 0; a < sweep.axes.size(); ++a)
        parts << QStringLiteral("%1 = %2").arg(
            qs(sweep.axes[a].param->key),
            qs(sweep_value_text(*sweep.axes[a].param, cell.values[a])));
    return parts.join(QStringLiteral(" · "));
}

SweepMap::SweepMap(QWidget* parent) : QWidget(parent), theme_(darkTheme()) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void SweepMap::setSweep(std::shared_ptr<const SweepResult> sweep, double split_percent) {
    sweep_ = std::move(sweep);
    split_percent_ = split_percent;
    marked_.reset();
    best_.reset();
    hovered_.reset();
    rescale();
    update();
}

void SweepMap::clear() {
    setSweep(nullptr, 0.0);
}

void SweepMap::setMetric(SweepMetric metric, SweepPart shown) {
    metric_ = metric;
    shown_ = shown;
    rescale();
    update();
}

void SweepMap::setMarked(std::optional<std::size_t> cell) {
    marked_ = cell;
    update();
}

void SweepMap::setBest(std::optional<std::size_t> cell) {
    best_ = cell;
    update();
}

void SweepMap::setTheme(const Theme& theme) {
    theme_ = theme;
    update();
}

double SweepMap::valueOf(std::size_t cell) const {
    const SweepCell& c = sweep_->cells[cell];
    if (!c.ok())
        return std::nan("");
    const auto& figures = sweep_part(c, shown_);
    return figures ? sweep_metric_value(*figures, metric_) : std::nan("");
}

void SweepMap::rescale() {
    if (!sweep_)
        return;
    std::vector<double> values;
    for (std::size_t i = 0; i < sweep_->cells.size(); ++i) {
        if (const double v = valueOf(i); std::isfinite(v))
            values.push_back(v);
    }
    middle_ = sweepMidpoint(metric_, values);
    reach_ = 0.0;
    low_ = values.empty() ? 0.0 : *std::min_element(values.begin(), values.end());
    high_ = values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
    for (double v : values)
        reach_ = std::max(reach_, std::abs(v - middle_));
    if (!(reach_ > 0.0))
        reach_ = 1.0;  // every cell at the middle: all neutral
}

QColor SweepMap::colorOf(double value) const {
    const QColor neutral = mix(theme_.panel, theme_.text, 0.18);
    if (!std::isfinite(value))
        return neutral;
    double t = std::clamp((value - middle_) / reach_, -1.0, 1.0);
    if (!sweep_metric_higher_is_better(metric_))
        t = -t;
    // Even a cell just off the middle is tinted, so the sign reads at a glance.
    const double amount = t == 0.0 ? 0.0 : 0.2 + 0.8 * std::abs(t);
    return mix(neutral, t > 0 ? theme_.bull : theme_.bear, amount);
}

SweepMap::Layout SweepMap::layoutFor() const {
    Layout l;
    const QFontMetricsF fm(font());
    const SweepAxis& across = sweep_->axes.back();
    l.columns = across.values.size();
    l.rows = sweep_->axes.size() == 2 ? sweep_->axes.front().values.size() : 1;
    // Left: the row labels (or the line's value ticks) and the rotated title.
    double label_width = fm.horizontalAdvance(QStringLiteral("−000.0 %"));
    if (sweep_->axes.size() == 2) {
        label_width = 0.0;
        for (std::size_t i = 0; i < l.rows; ++i)
            label_width =
                std::max(label_width, fm.horizontalAdvance(sweepValueLabel(sweep_->axes[0], i)));
    }
    const double left = kSweepMargin + fm.height() + kSweepTickGap + label_width + kSweepTickGap;
    const double bottom = kSweepMargin + 2 * fm.height() + 2 * kSweepTickGap;
    // Right: the colour scale and its labels.
    const double legend_labels = fm.horizontalAdvance(QStringLiteral("−000.0 %")) + kSweepTickGap;
    const double right = kSweepMargin + kSweepLegendWidth + kSweepTickGap + legend_labels;
    const double top = kSweepMargin + fm.height() + kSweepTickGap;  // the legend's title
    l.plot = QRectF(left, top, std::max(10.0, width() - left - right),
                    std::max(10.0, height() - top - bottom));
    l.legend = QRectF(l.plot.right() + 2 * kSweepTickGap, l.plot.top(), kSweepLegendWidth,
                      l.plot.height());
    return l;
}

QRectF SweepMap::cellRect(const Layout& l, std::size_t cell) const {
    const double w = l.plot.width() / double(l.columns);
    const double h = l.plot.height() / double(l.rows);
    const std::size_t row = cell / l.columns;
    const std::size_t column = cell % l.columns;
    // The first axis's first value at the bottom, as on a chart.
    return QRectF(l.plot.left() + double(column) * w, l.plot.bottom() - double(row + 1) * h, w, h);
}

std::pair<double, double> SweepMap::lineSpan() const {
    // A little room above the highest point and below the lowest.
    const double span = high_ - low_;
    const double pad = span > 0 ? 0.08 * span : 1.0;
    return {low_ - pad, high_ + pad};
}

QPointF SweepMap::linePoint(const Layout& l, std::size_t cell) const {
    const double w = l.plot.width() / double(l.columns);
    const double x = l.plot.left() + (double(cell) + 0.5) * w;
    const double v = valueOf(cell);
    return {x, std::isfinite(v) ? lineY(l, v) : l.plot.bottom()};
}

double SweepMap::lineY(const Layout& l, double value) const {
    const auto [lo, hi] = lineSpan();
    return l.plot.bottom() - (value - lo) / (hi - lo) * l.plot.height();
}

std::optional<std::size_t> SweepMap::cellAt(QPoint pos) const {
    if (!sweep_ || sweep_->cells.empty())
        return std::nullopt;
    const Layout l = layoutFor();
    if (isLine()) {
        // The nearest value along the line, anywhere over the plot.
        if (!l.plot.adjusted(0, -kSweepMargin, 0, kSweepMargin).contains(pos))
            return std::nullopt;
        const double w = l.plot.width() / double(l.columns);
        const auto i = static_cast<std::size_t>(
            std::clamp(std::floor((pos.x() - l.plot.left()) / w), 0.0, double(l.columns - 1)));
        return i;
    }
    for (std::size_t i = 0; i < sweep_->cells.size(); ++i) {
        if (cellRect(l, i).contains(pos))
            return i;
    }
    return std::nullopt;
}

QPoint SweepMap::cellCenter(std::size_t cell) const {
    const Layout l = layoutFor();
    return (isLine() ? linePoint(l, cell) : cellRect(l, cell).center()).toPoint();
}

QString SweepMap::cellToolTip(std::size_t index) const {
    const SweepCell& cell = sweep_->cells[index];
    QString text = sweepCellName(*sweep_, cell);
    if (!cell.computed)
        return text + tr("\nNot computed: the sweep was cancelled first");
    if (!cell.error.empty())
        return text + tr("\nCannot run: %1").arg(QString::fromStdString(cell.error));
    const QString metric = sweepMetricLabel(metric_);
    const auto part = [&](const QString& title, const std::optional<PerformanceFigures>& f) {
        text += QStringLiteral("\n\n") + title + QLatin1Char('\n');
        text += f ? QStringLiteral("%1 %2\n%3")
                        .arg(metric, sweepMetricText(metric_, sweep_metric_value(*f, metric_)),
                             sweepFiguresText(*f))
                  : tr("No signal: the Average is never defined");
    };
    if (split_percent_ > 0.0) {
        part(tr("Choose (first %1 %):").arg(split_percent_, 0, 'f', 0), cell.in_sample);
        part(tr("Check (last %1 %):").arg(100.0 - split_percent_, 0, 'f', 0), cell.out_of_sample);
    } else {
        part(tr("Whole series:"), cell.figures);
    }
    if (marked_ == index)
        text += tr("\n\n□ The app's current parameters");
    if (best_ == index)
        text += tr("\n★ Best by %1%2")
                    .arg(metric, split_percent_ > 0.0 ? tr(" on the choosing part") : QString());
    return text;
}

bool SweepMap::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip && sweep_) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const auto cell = cellAt(help->pos()))
            QToolTip::showText(help->globalPos(), cellToolTip(*cell), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void SweepMap::mouseMoveEvent(QMouseEvent* event) {
    const auto cell = sweep_ ? cellAt(event->position().toPoint()) : std::nullopt;
    if (cell != hovered_) {
        hovered_ = cell;
        setCursor(cell ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void SweepMap::leaveEvent(QEvent*) {
    hovered_.reset();
    update();
}

void SweepMap::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !sweep_)
        return;
    const auto cell = cellAt(event->position().toPoint());
    if (cell && sweep_->cells[*cell].ok())
        emit cellClicked(*cell);
}

void SweepMap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme_.chart_background);
    p.setRenderHint(QPainter::Antialiasing);
    if (!sweep_ || sweep_->cells.empty()) {
        p.setPen(theme_.muted_text);
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Choose one or two parameters and their values, then Run."));
        return;
    }
    const Layout l = layoutFor();
    if (isLine())
        paintLine(p, l);
    else
        paintHeatMap(p, l);
    paintAxisLabels(p, l);
    paintLegend(p, l);
    paintMarks(p, l);
}

void SweepMap::paintHeatMap(QPainter& p, const Layout& l) const {
    const bool text = l.plot.width() / double(l.columns) >= kSweepTextCellWidth &&
                      l.plot.height() / double(l.rows) >= kSweepTextCellHeight;
    for (std::size_t i = 0; i < sweep_->cells.size(); ++i) {
        const QRectF r = cellRect(l, i);
        const double v = valueOf(i);
        const QColor fill = colorOf(v);
        p.fillRect(r, fill);
        if (!sweep_->cells[i].ok()) {
            // Refused (or not reached): hatched, so it never reads as "neutral".
            p.fillRect(r, QBrush(theme_.muted_text, Qt::BDiagPattern));
        } else if (text && std::isfinite(v)) {
            p.setPen(contrastRatio(fill, Qt::white) >= contrastRatio(fill, Qt::black)
                         ? QColor(Qt::white)
                         : QColor(Qt::black));
            p.drawText(r, Qt::AlignCenter, sweepMetricText(metric_, v));
        }
    }
    // Hairlines between cells in the background colour keep them apart.
    p.setPen(QPen(theme_.chart_background, 1.0));
    for (std::size_t c = 1; c < l.columns; ++c) {
        const double x = l.plot.left() + l.plot.width() * double(c) / double(l.columns);
        p.drawLine(QPointF(x, l.plot.top()), QPointF(x, l.plot.bottom()));
    }
    for (std::size_t r = 1; r < l.rows; ++r) {
        const double y = l.plot.top() + l.plot.height() * double(r) / double(l.rows);
        p.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
    }
}

void SweepMap::paintLine(QPainter& p, const Layout& l) const {
    // Value ticks: round steps between the lowest and highest figure.
    const QFontMetricsF fm(font());
    const auto [lo, hi] = lineSpan();
    const double step = niceStep((hi - lo) / std::max(2.0, l.plot.height() / (3 * fm.height())));
    p.setPen(QPen(theme_.grid, 1.0));
    for (double v = std::ceil(lo / step) * step; v <= hi; v += step) {
        const double y = lineY(l, v);
        p.setPen(QPen(std::abs(v) < step * 1e-6 ? theme_.muted_text : theme_.grid, 1.0));
        p.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
        p.setPen(theme_.muted_text);
        p.drawText(QRectF(kSweepMargin, y - fm.height() / 2,
                          l.plot.left() - kSweepMargin - kSweepTickGap, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, sweepTickText(metric_, v, step));
    }
    // The line through every defined figure, each point in its colour.
    QPainterPath path;
    bool open = false;
    for (std::size_t i = 0; i < sweep_->cells.size(); ++i) {
        if (!std::isfinite(valueOf(i))) {
            open = false;
            continue;
        }
        const QPointF pt = linePoint(l, i);
        open ? path.lineTo(pt) : path.moveTo(pt);
        open = true;
    }
    p.setPen(QPen(theme_.average, 2.0));
    p.drawPath(path);
    const double radius = std::clamp(l.plot.width() / double(l.columns) / 4.0, 2.5, 5.0);
    for (std::size_t i = 0; i < sweep_->cells.size(); ++i) {
        const double v = valueOf(i);
        const QPointF pt = linePoint(l, i);
        if (!std::isfinite(v)) {
            p.setPen(QPen(theme_.muted_text, 1.0));
            p.drawText(QRectF(pt.x() - 10, pt.y() - fm.height(), 20, fm.height()), Qt::AlignCenter,
                       QStringLiteral("×"));
            continue;
        }
        p.setPen(Qt::NoPen);
        p.setBrush(colorOf(v));
        p.drawEllipse(pt, radius, radius);
    }
    p.setBrush(Qt::NoBrush);
}

void SweepMap::paintAxisLabels(QPainter& p, const Layout& l) const {
    const QFontMetricsF fm(font());
    p.setPen(theme_.muted_text);
    const SweepAxis& across = sweep_->axes.back();
    // Along the bottom: every value if they fit, else every k-th.
    double widest = 0.0;
    for (std::size_t c = 0; c < l.columns; ++c)
        widest = std::max(widest, fm.horizontalAdvance(sweepValueLabel(across, c)));
    const double w = l.plot.width() / double(l.columns);
    const auto every_x = static_cast<std::size_t>(std::max(1.0, std::ceil((widest + 8.0) / w)));
    for (std::size_t c = 0; c < l.columns; c += every_x) {
        const double x = l.plot.left() + (double(c) + 0.5) * w;
        p.drawText(QRectF(x - widest, l.plot.bottom() + kSweepTickGap, 2 * widest, fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, sweepValueLabel(across, c));
    }
    p.setPen(theme_.text);
    p.drawText(QRectF(l.plot.left(), l.plot.bottom() + 2 * kSweepTickGap + fm.height(),
                      l.plot.width(), fm.height()),
               Qt::AlignHCenter | Qt::AlignTop, sweepParamTitle(*across.param));
    // Up the left: the first axis's values and its title, or the metric's.
    const QString left_title = sweep_->axes.size() == 2
                                   ? sweepParamTitle(*sweep_->axes.front().param)
                                   : sweepMetricLabel(metric_);
    if (sweep_->axes.size() == 2) {
        p.setPen(theme_.muted_text);
        const double h = l.plot.height() / double(l.rows);
        const auto every_y =
            static_cast<std::size_t>(std::max(1.0, std::ceil((fm.height() + 2.0) / h)));
        for (std::size_t r = 0; r < l.rows; r += every_y) {
            const double y = l.plot.bottom() - (double(r) + 0.5) * h;
            p.drawText(QRectF(kSweepMargin, y - fm.height() / 2,
                              l.plot.left() - kSweepMargin - kSweepTickGap, fm.height()),
                       Qt::AlignRight | Qt::AlignVCenter, sweepValueLabel(sweep_->axes.front(), r));
        }
    }
    p.save();
    p.setPen(theme_.text);
    p.translate(kSweepMargin, l.plot.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-l.plot.height() / 2, 0, l.plot.height(), fm.height()),
               Qt::AlignHCenter | Qt::AlignTop, left_title);
    p.restore();
}

void SweepMap::paintLegend(QPainter& p, const Layout& l) const {
    const QFontMetricsF fm(font());
    // Best at the top, whichever way the metric counts as better.
    const bool higher = sweep_metric_higher_is_better(metric_);
    const double top_value = higher ? middle_ + reach_ : middle_ - reach_;
    const double bottom_value = higher ? middle_ - reach_ : middle_ + reach_;
    QLinearGradient gradient(l.legend.topLeft(), l.legend.bottomLeft());
    for (int k = 0; k <= 8; ++k) {
        const double f = k / 8.0;
        gradient.setColorAt(f, colorOf(top_value + f * (bottom_value - top_value)));
    }
    p.fillRect(l.legend, gradient);
    p.setPen(theme_.muted_text);
    const double label_left = l.legend.right() + kSweepTickGap;
    const double label_width = width() - label_left;
    const auto label = [&](double y, double value) {
        p.drawText(QRectF(label_left, y - fm.height() / 2, label_width, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, sweepMetricText(metric_, value));
    };
    label(l.legend.top() + fm.height() / 2, top_value);
    label(l.legend.center().y(), middle_);
    label(l.legend.bottom() - fm.height() / 2, bottom_value);
    p.setPen(theme_.text);
    const QString title = tr("%1 ↑ better").arg(sweepMetricLabel(metric_));
    p.drawText(QRectF(0, kSweepMargin, width() - kSweepMargin, fm.height()),
               Qt::AlignRight | Qt::AlignTop, title);
}

void SweepMap::paintMarks(QPainter& p, const Layout& l) const {
    const auto outline = [&](std::size_t cell, const QPen& pen) {
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        if (isLine()) {
            const QPointF c = linePoint(l, cell);
            p.drawEllipse(c, 8.0, 8.0);
        } else {
            p.drawRect(cellRect(l, cell).adjusted(1.0, 1.0, -1.0, -1.0));
        }
    };
    if (hovered_)
        outline(*hovered_, QPen(theme_.muted_text, 1.0));
    if (marked_)
        outline(*marked_, QPen(theme_.text, 2.5));
    if (best_) {
        // A star in the cell's corner (above the point on the line).
        const QRectF r = isLine() ? QRectF(linePoint(l, *best_) - QPointF(9, 26), QSizeF(18, 16))
                                  : cellRect(l, *best_);
        QFont star = font();
        star.setPixelSize(int(std::clamp(std::min(r.width(), r.height()) * 0.7, 9.0, 18.0)));
        p.setFont(star);
        p.setPen(QColor(0xff, 0xc8, 0x3d));
        p.drawText(isLine() ? r : r.adjusted(1, 0, 0, 0),
                   isLine() ? int(Qt::AlignCenter) : int(Qt::AlignLeft | Qt::AlignTop),
                   QStringLiteral("★"));
        p.setFont(font());
    }
}

}  // namespace atc::ui
