// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/time_axis.hpp"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "atc/price_csv.hpp"
#include "atc/timeframe.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {
namespace {

// Floor division (times before 1970 are negative).
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Months (year * 12 + twelfth) of labels that are all increasing fractional
// years in a plausible range; empty if any label is something else.
std::vector<std::int32_t> fractionalYearMonths(const PriceSeries& bars) {
    const std::size_t n = bars.close.size();
    std::vector<std::int32_t> months;
    if (bars.labels.size() != n || n == 0)
        return months;
    months.reserve(n);
    double previous = -1.0;
    for (const std::string_view label : bars.labels) {
        bool numeric = false;
        const double year = QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()))
                                .toDouble(&numeric);
        if (!numeric || !(year > previous) || year < 1800.0 || year > 2300.0)
            return {};
        previous = year;
        months.push_back(static_cast<std::int32_t>(std::floor(year * 12.0 + 1e-9)));
    }
    return months;
}

}  // namespace

TimeScale::TimeScale(const PriceSeries& bars) {
    const std::size_t n = bars.close.size();
    if (bars.time_ms.size() != n || n == 0) {
        months_ = fractionalYearMonths(bars);
        fractional_years_ = !months_.empty();
        if (fractional_years_) {
            for (std::int64_t m : {1, 2, 3, 6, 12, 24, 60, 120})
                steps_.push_back({Step::Months, m});
        }
    }
    if (bars.time_ms.size() == n && n > 0) {
        ms_ = bars.time_ms;
        days_.resize(n);
        months_.resize(n);
        // The calendar once a day rather than once a bar: a million one-minute
        // bars are 700 days, and this runs on the GUI thread as a chart opens.
        std::int64_t month_of = std::numeric_limits<std::int64_t>::min();  // the day `month` is of
        std::int32_t month = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t day = floorDiv(ms_[i], kDayMs);
            days_[i] = static_cast<std::int32_t>(day);
            if (day != month_of) {
                const std::chrono::year_month_day ymd{
                    std::chrono::sys_days{std::chrono::days{day}}};
                month = static_cast<std::int32_t>(
                    static_cast<int>(ymd.year()) * 12 +
                    static_cast<int>(static_cast<unsigned>(ymd.month())) - 1);
                month_of = day;
            }
            months_[i] = month;
        }
        if (has_time_of_day(bars.time_kind)) {
            for (std::int64_t m : {1, 5, 15, 30, 60, 120, 240, 360, 720})
                steps_.push_back({Step::Millis, m * kMinuteMs});
        }
        for (std::int64_t d : {1, 2, 7, 14})
            steps_.push_back({Step::Days, d});
        for (std::int64_t m : {1, 2, 3, 6, 12, 24, 60, 120, 240, 600})
            steps_.push_back({Step::Months, m});
    }
    // Without times, and as the last resort with them: round bar numbers.
    for (std::int64_t magnitude = 1; magnitude <= 100'000'000; magnitude *= 10) {
        for (std::int64_t f : {1, 2, 5})
            steps_.push_back({Step::Bars, f * magnitude});
    }
}

std::int64_t TimeScale::bucket(const Step& step, std::size_t bar) const {
    switch (step.kind) {
        case Step::Millis:
            return floorDiv(ms_[bar], step.size);
        case Step::Days:
            // Weeks start on Monday: 1970-01-01 was a Thursday, so shift by 3 days.
            return floorDiv(days_[bar] + (step.size == 7 || step.size == 14 ? 3 : 0), step.size);
        case Step::Months:
            return floorDiv(months_[bar], step.size);
        case Step::Bars:
            return floorDiv(static_cast<std::int64_t>(bar), step.size);
    }
    return 0;
}

std::size_t TimeScale::nextTick(const Step& step, std::size_t bar, std::size_t last) const {
    // Buckets never decrease along the bars (times increase), so the bars of
    // `bar`'s bucket are a run: the next tick ends it.
    const std::int64_t key = bucket(step, bar);
    std::size_t lo = bar + 1, hi = last + 1;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (bucket(step, mid) == key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

std::vector<std::size_t> TimeScale::tickBars(std::size_t first, std::size_t last,
                                             int max_ticks) const {
    std::vector<std::size_t> ticks;
    if (first > last || max_ticks < 1)
        return ticks;
    for (const Step& step : steps_) {
        if (step.kind != Step::Bars && ms_.empty() && !fractional_years_)
            continue;
        ticks.clear();
        // A tick is a bar that opens a new bucket; bar 0 opens the first one.
        // Found by binary search, the cost follows the ticks, not the bars shown.
        std::size_t bar = first;
        if (bar > 0 && bucket(step, bar) == bucket(step, bar - 1))
            bar = nextTick(step, bar, last);
        for (; bar <= last && static_cast<int>(ticks.size()) <= max_ticks;
             bar = nextTick(step, bar, last))
            ticks.push_back(bar);
        if (static_cast<int>(ticks.size()) <= max_ticks)
            return ticks;
    }
    ticks.clear();
    return ticks;
}

QString TimeScale::fractionalYearLabel(std::size_t bar) const {
    if (!fractional_years_ || bar >= months_.size())
        return {};
    const std::int32_t year = months_[bar] / 12;
    const int month = static_cast<int>(months_[bar] % 12) + 1;
    if (month == 1)
        return QString::number(year);
    return QLocale::c().monthName(month, QLocale::ShortFormat);
}

std::vector<TimeTick> ticksInRange(const SymbolData& data, const TimeScale& scale, double x_first,
                                   double x_last, double plot_width, const QFont& font) {
    std::vector<TimeTick> out;
    const std::size_t n = data.barCount();
    if (n == 0 || plot_width <= 0.0 || x_last <= x_first)
        return out;
    const double lo = std::max(0.0, std::ceil(x_first));
    const double hi = std::min(static_cast<double>(n - 1), std::floor(x_last));
    if (hi < lo)
        return out;
    // Room per label: the widest label of the data (the last one is as wide as
    // any for dates) plus a gap that keeps neighbours clearly apart.
    const QFontMetricsF fm(font);
    const double label_px =
        fm.horizontalAdvance(barAxisLabel(data, n - 1)) + 3.0 * fm.averageCharWidth();
    const int max_ticks = std::max(1, static_cast<int>(plot_width / label_px));
    for (std::size_t bar :
         scale.tickBars(static_cast<std::size_t>(lo), static_cast<std::size_t>(hi), max_ticks)) {
        out.push_back({bar, scale.fractionalYears() ? scale.fractionalYearLabel(bar)
                                                    : barAxisLabel(data, bar)});
    }
    return out;
}

TimeAxisItem::TimeAxisItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : AxisOverlay(chart, x_axis, y_axis) {}

void TimeAxisItem::setTicks(std::vector<TimeTick> ticks) {
    ticks_ = std::move(ticks);
    update();
}

void TimeAxisItem::setLabelsVisible(bool visible) {
    labels_visible_ = visible;
    update();
}

void TimeAxisItem::setKeepClear(const QRectF& rect) {
    keep_clear_ = rect;  // the crosshair repaints the area around its tag
}

QList<QLineF> TimeAxisItem::gridLines(const PlotMap& map) const {
    QList<QLineF> lines;
    lines.reserve(static_cast<qsizetype>(ticks_.size()));
    for (const TimeTick& t : ticks_) {
        const double x = std::floor(map.px(static_cast<double>(t.bar))) + 0.5;
        if (x < map.area.left() || x > map.area.right())
            continue;
        lines.append(QLineF(x, map.area.top(), x, map.area.bottom()));
    }
    return lines;
}

void TimeAxisItem::paintLabels(QPainter* painter, const PlotMap& map) const {
    if (!labels_visible_)
        return;
    const QFontMetricsF fm(labelFont());
    const double gap = fm.averageCharWidth();
    const double top = map.area.bottom() + 3.0;
    double previous_right = -1e9;
    for (const TimeTick& t : ticks_) {
        const double x = map.px(static_cast<double>(t.bar));
        if (x < map.area.left() || x > map.area.right())
            continue;
        const double w = fm.horizontalAdvance(t.label);
        // Centred under its tick, but kept inside the chart at both ends.
        const double left =
            std::clamp(x - w / 2, 0.0, std::max(0.0, boundingRect().right() - w - 2.0));
        if (left < previous_right + gap)
            continue;
        const QRectF box(left, top, w, fm.height());
        if (!keep_clear_.isEmpty() && box.adjusted(-gap, 0, gap, 0).intersects(keep_clear_))
            continue;
        painter->drawText(QRectF(left, top, w + 1.0, fm.height()), Qt::AlignLeft | Qt::AlignTop,
                          t.label);
        previous_right = left + w;
    }
}

}  // namespace atc::ui
