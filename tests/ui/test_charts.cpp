// SPDX-License-Identifier: GPL-3.0-or-later
// The chart stack draws exactly the engine's numbers, and its navigation,
// crosshair, toggles and theme behave as a trader expects.
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <set>

#include "atc/compute.hpp"
#include "atc/price_csv.hpp"
#include "charts/calibration_pane.hpp"
#include "charts/chart_format.hpp"
#include "charts/chart_stack.hpp"
#include "charts/column_envelope.hpp"
#include "charts/drawing_timeline.hpp"
#include "charts/equity_pane.hpp"
#include "charts/indexed_series.hpp"
#include "charts/line_thinning.hpp"
#include "charts/measurement.hpp"
#include "charts/minmax_pyramid.hpp"
#include "charts/pane_base.hpp"
#include "charts/symbol_ranges.hpp"
#include "charts/value_axis.hpp"
#include "charts/value_ticks.hpp"
#include "core/symbol_data.hpp"
#include "theme/theme.hpp"

using namespace atc;
using namespace atc::ui;

namespace {

std::shared_ptr<const SymbolData> make_symbol(const QString& name, const PriceSeries& bars,
                                              const AtcParams& params) {
    auto data = std::make_shared<SymbolData>();
    data->name = name;
    data->bars = bars;
    data->params = params;
    data->result = std::make_shared<const AtcResult>(compute_symbol(bars.close, params));
    return data;
}

// The first `count` bars of `bars`.
PriceSeries first_bars(PriceSeries bars, std::size_t count) {
    for (auto* v : {&bars.close, &bars.open, &bars.high, &bars.low, &bars.volume})
        v->resize(count);
    bars.time_ms.resize(count);
    bars.labels.resize(count);
    return bars;
}

QLineSeries* series_named(QChart* chart, const QString& name) {
    for (QAbstractSeries* s : chart->series()) {
        if (s->objectName() == name)
            return qobject_cast<QLineSeries*>(s);
    }
    return nullptr;
}

QStringList series_names(QChart* chart) {
    QStringList names;
    for (QAbstractSeries* s : chart->series())
        names << s->objectName();
    return names;
}

std::pair<double, double> x_range(QChart* chart) {
    auto* axis = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).first());
    return {axis->min(), axis->max()};
}

// The bars a dense line keeps, computed the plain way: per bucket of `per_bucket`
// bars (aligned to bar 0) within [first, last], the first and the last defined
// bars and those of the lowest and the highest value (the first of equals).
std::vector<std::size_t> plain_envelope(const std::vector<double>& values, std::size_t first,
                                        std::size_t last, std::size_t per_bucket) {
    std::set<std::size_t> keep;
    for (std::size_t b = first / per_bucket; b * per_bucket <= last; ++b) {
        std::vector<std::size_t> defined;
        for (std::size_t i = std::max(first, b * per_bucket);
             i <= std::min(last, (b + 1) * per_bucket - 1); ++i) {
            if (std::isfinite(values[i]))
                defined.push_back(i);
        }
        if (defined.empty())
            continue;
        const auto by_value = [&](std::size_t a, std::size_t c) { return values[a] < values[c]; };
        keep.insert({defined.front(), defined.back(),
                     *std::min_element(defined.begin(), defined.end(), by_value),
                     *std::max_element(defined.begin(), defined.end(), by_value)});
    }
    return {keep.begin(), keep.end()};
}

// With bars denser than pixels, the points of a series are the plain envelope
// `want` thinned to the pixels: a subsequence of it from its first bar to its
// last, and every bar of the envelope lies within the thinning tolerance,
// vertically, of the line drawn through the points (px_per_value pixels per unit).
void expect_thinned_envelope(const QList<QPointF>& points, const std::vector<double>& values,
                             const std::vector<std::size_t>& want, double px_per_value) {
    QVERIFY(px_per_value > 0.0);
    QVERIFY(!want.empty() && points.size() >= 2);
    QCOMPARE(points.front().x(), static_cast<double>(want.front()));
    QCOMPARE(points.back().x(), static_cast<double>(want.back()));
    for (qsizetype k = 0; k < points.size(); ++k) {
        QVERIFY(
            std::binary_search(want.begin(), want.end(), static_cast<std::size_t>(points[k].x())));
        QVERIFY(k == 0 || points[k - 1].x() < points[k].x());
    }
    qsizetype segment = 0;  // the segment of `points` over the bar looked at
    for (std::size_t i : want) {
        const double x = static_cast<double>(i);
        while (segment + 2 < points.size() && points[segment + 1].x() < x)
            ++segment;
        const QPointF& a = points[segment];
        const QPointF& b = points[segment + 1];
        const double drawn = a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x());
        QVERIFY2(std::abs(drawn - values[i]) * px_per_value <= kThinningTolerancePx + 1e-9,
                 qPrintable(QStringLiteral("bar %1 strays %2 px from the drawn line")
                                .arg(i)
                                .arg(std::abs(drawn - values[i]) * px_per_value)));
    }
}

// Points (i, values[i]) of the bars `picks`.
QList<QPointF> points_of(const std::vector<double>& values, const std::vector<std::size_t>& picks) {
    QList<QPointF> points;
    for (std::size_t i : picks)
        points.append(QPointF(static_cast<double>(i), values[i]));
    return points;
}

// Every point of the series is (i, values[i]), exactly the engine's number, and
// every defined bar in the visible range has its point. (Series hold the visible
// bars, plus one on each side, not the whole history: see series_window.hpp.)
// With per_bucket > 1 (bars denser than pixels) the points are the plain
// per-bucket envelope of those bars, thinned to the pixels of a value axis of
// px_per_value pixels per unit, instead.
void expect_series_equals(QLineSeries* series, const std::vector<double>& values,
                          std::pair<double, double> visible, std::size_t per_bucket = 1,
                          double px_per_value = 0.0) {
    QVERIFY(series != nullptr);
    const QList<QPointF> points = series->points();
    QVERIFY(!points.isEmpty());
    for (qsizetype k = 0; k < points.size(); ++k) {
        const QPointF& p = points[k];
        const auto i = static_cast<std::size_t>(p.x());
        QCOMPARE(p.x(), static_cast<double>(i));
        QVERIFY(i < values.size());
        QCOMPARE(p.y(), values[i]);  // exact: the chart shows the engine's numbers
        if (k > 0 && per_bucket <= 1) {
            // No defined bar is skipped between two points.
            for (auto j = static_cast<std::size_t>(points[k - 1].x()) + 1; j < i; ++j)
                QVERIFY(!std::isfinite(values[j]));
        }
    }
    if (per_bucket > 1) {
        const double top = static_cast<double>(values.size() - 1);
        const auto lo =
            static_cast<std::size_t>(std::clamp(std::floor(visible.first) - 1, 0.0, top));
        const auto hi =
            static_cast<std::size_t>(std::clamp(std::ceil(visible.second) + 1, 0.0, top));
        expect_thinned_envelope(points, values, plain_envelope(values, lo, hi, per_bucket),
                                px_per_value);
        return;
    }
    const auto first_visible = static_cast<std::size_t>(std::max(0.0, std::ceil(visible.first)));
    const auto last_visible = std::min(values.size() - 1, static_cast<std::size_t>(visible.second));
    for (std::size_t i = first_visible; i <= last_visible; ++i) {
        if (!std::isfinite(values[i]))
            continue;
        QVERIFY2(points.front().x() <= static_cast<double>(i) &&
                     points.back().x() >= static_cast<double>(i),
                 qPrintable(QStringLiteral("visible bar %1 has no point").arg(i)));
    }
}

// `bars` bars of a seeded random walk around `level` (each bar moves by about
// `relative` of the price), quoted to `decimals` decimals, with OHLC.
PriceSeries random_walk(double level, double relative, int decimals, std::size_t bars = 600) {
    PriceSeries s;
    std::mt19937 rng(16);
    std::normal_distribution<double> move(0.0, relative);
    const double scale = std::pow(10.0, decimals);
    const auto quote = [scale](double v) { return std::round(v * scale) / scale; };
    double v = level;
    for (std::size_t i = 0; i < bars; ++i) {
        const double open = v;
        v *= 1.0 + move(rng);
        s.open.push_back(quote(open));
        s.close.push_back(quote(v));
        s.high.push_back(quote(std::max(open, v) * (1.0 + relative / 2)));
        s.low.push_back(quote(std::min(open, v) * (1.0 - relative / 2)));
        s.volume.push_back(0.0);
    }
    return s;
}

// Significant digits of a number as written: "0.00012345" -> 5, "4.012B" -> 4.
int significant_digits(const QString& text) {
    int digits = 0;
    bool leading = true;
    for (const QChar c : text) {
        if (c == QLatin1Char('.') || c == QLatin1Char(',') || c == QLatin1Char('-'))
            continue;
        if (!c.isDigit())
            break;
        if (leading && c == QLatin1Char('0'))
            continue;
        leading = false;
        ++digits;
    }
    return digits;
}

// Shows a stack of `size` on screen; false if it never appeared.
bool show_stack(ChartStack& stack, QSize size) {
    stack.resize(size);
    stack.show();
    return QTest::qWaitForWindowExposed(&stack);
}

// The mouse over `pos` of a pane's viewport, without a button (QTest::mouseMove
// goes through the cursor, which lands on whichever test window is on top).
void hover(QWidget* viewport, QPoint pos) {
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), viewport->mapToGlobal(QPointF(pos)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
}

// Where a double-click lands on a pane's title: just right of the arrow.
QPoint title_point(const LegendStrip* strip) {
    const QFontMetrics fm(strip->font());
    return {fm.horizontalAdvance(QStringLiteral("\u25BE ")) + 3, strip->height() / 2};
}

// Every shown pane has a plot of at least the minimum height, or is folded to
// its legend line (no plot drawn).
void expect_readable_panes(const ChartStack& stack) {
    for (const QString& name : ChartStack::paneNames()) {
        ChartPane* pane = stack.pane(name);
        QVERIFY(pane != nullptr);
        if (pane->isHidden())
            continue;
        if (pane->titleOnly()) {
            QCOMPARE(pane->height(), pane->titleOnlyHeight());
            QVERIFY(!pane->chart()->isVisible());
        } else {
            QVERIFY2(pane->chart()->plotArea().height() >= ChartPane::kMinPlotHeight,
                     qPrintable(QStringLiteral("%1: plot %2 px")
                                    .arg(name)
                                    .arg(pane->chart()->plotArea().height())));
            // Inside the stack, not cut off under its bottom edge.
            QVERIFY(pane->mapTo(&stack, QPoint(0, pane->height())).y() <= stack.height());
        }
    }
}

// Same length, NaN exactly where the reference has NaN, equal values elsewhere.
void expect_same_values(const std::vector<double>& got, const std::vector<double>& want) {
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        QCOMPARE(std::isnan(got[i]), std::isnan(want[i]));
        if (!std::isnan(got[i]))
            QCOMPARE(got[i], want[i]);
    }
}

}  // namespace

class TestCharts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void series_hold_engine_numbers();
    void ma_toggle_hides_line();
    void candles_switch();
    void equity_family_shows_members();
    void calibration_shows_nine_mas();
    void member_views_of_a_drawn_result();
    void crosshair_legend();
    void zoom_and_pan_move_all_panes();
    void keyboard_navigation();
    void mouse_navigation();
    void measurement_numbers();
    void drawing_anchors_follow_time();
    void shift_drag_measures();
    void measure_tool_measures_a_plain_drag();
    void log_scale_over_five_decades();
    void percent_scale_from_the_first_visible_bar();
    void value_axis_drag_stretches_and_double_click_fits();
    void no_symbol_and_short_symbol();
    void parameter_change_keeps_range();
    void other_symbol_resets_range();
    void symbol_ranges_keep_the_most_recent();
    void symbol_shown_again_gets_its_range();
    void date_ticks_readable();
    void fractional_year_ticks();
    void theme_switch();
    void legend_is_one_line();
    void double_click_title_collapses();
    void panes_keep_a_readable_plot();
    void axis_shortens_large_numbers();
    void small_prices_keep_significant_digits();
    void set_data_timing();
    void envelope_matches_plain_computation();
    void thinning_stays_within_half_a_pixel();
    void candles_merge_and_markers_thin();
    void pyramid_matches_brute_force();
    void pyramid_builds_in_the_background();
    void long_series_stay_lines();
    void showcase();

private:
    PriceSeries ttrc_;
    std::shared_ptr<const SymbolData> data_;
    std::unique_ptr<ChartStack> stack_;
};

void TestCharts::initTestCase() {
    ttrc_ = read_price_csv(ATC_SAMPLE_DIR "/TTRC.csv");
    QCOMPARE(ttrc_.close.size(), std::size_t{5550});
    data_ = make_symbol(QStringLiteral("TTRC"), ttrc_, AtcParams{});
    stack_ = std::make_unique<ChartStack>();
    stack_->resize(1400, 900);
    stack_->show();
    QVERIFY(QTest::qWaitForWindowExposed(stack_.get()));
    stack_->setData(data_);
    QCoreApplication::processEvents();
}

void TestCharts::series_hold_engine_numbers() {
    const AtcResult& r = *data_->result;
    // The close line is drawn without candles, hidden behind them.
    QVERIFY(stack_->candlesDrawn());
    QVERIFY(!stack_->closeLineShown());
    stack_->setCandles(false);
    QVERIFY(stack_->closeLineShown());
    expect_same_values(stack_->plottedClose(), ttrc_.close);
    stack_->setCandles(true);
    QVERIFY(!stack_->closeLineShown());
    for (MaType t : kAllFamilies) {
        const QString fam = familyLabel(t);
        expect_same_values(stack_->plottedSignal(t), r.family(t).signal);
        expect_series_equals(series_named(stack_->equityChart(), fam + QStringLiteral("_S")),
                             r.family(t).weight_equity, stack_->visibleRange());
        const MemberSeries& base = r.family(t).members[0];
        expect_same_values(stack_->plottedMa(t), base.ma);
        QVERIFY(stack_->plottedMaStates(t) == base.state);
    }
    expect_series_equals(series_named(stack_->signalChart(), QStringLiteral("Average_Signal")),
                         r.average, stack_->visibleRange());
    // Thresholds span the data at the parameters' levels.
    for (const auto& [name, level] : {std::pair{QStringLiteral("long_threshold"), 0.1},
                                      std::pair{QStringLiteral("short_threshold"), -0.1}}) {
        QLineSeries* s = series_named(stack_->signalChart(), name);
        QVERIFY(s != nullptr);
        QCOMPARE(s->count(), 2);
        QCOMPARE(s->at(0).y(), level);
        QCOMPARE(s->at(1).y(), level);
        QVERIFY(s->pen().style() == Qt::DashLine);
    }
    const auto markers = stack_->plottedMarkers();
    QVERIFY(!markers.empty());
    QCOMPARE(markers.size(), r.markers.size());
    for (std::size_t i = 0; i < markers.size(); ++i) {
        QCOMPARE(markers[i].bar, r.markers[i].bar);
        QVERIFY(markers[i].direction == r.markers[i].direction);
    }
    // The signal pane's scale is fixed.
    auto* y = qobject_cast<QValueAxis*>(stack_->signalChart()->axes(Qt::Vertical).first());
    QCOMPARE(y->min(), -1.05);
    QCOMPARE(y->max(), 1.05);
}

void TestCharts::ma_toggle_hides_line() {
    QVERIFY(stack_->maVisible(MaType::HMA));
    QVERIFY(stack_->legendText().contains(QStringLiteral("HMA 28")));
    stack_->setMaVisible(MaType::HMA, false);
    QVERIFY(!stack_->maVisible(MaType::HMA));
    QVERIFY(stack_->maVisible(MaType::EMA));
    QVERIFY(!stack_->legendText().contains(QStringLiteral("HMA 28")));
    stack_->setMaVisible(MaType::HMA, true);
    QVERIFY(stack_->maVisible(MaType::HMA));
}

void TestCharts::candles_switch() {
    stack_->setCandles(true);
    QVERIFY(stack_->candlesDrawn());  // TTRC has OHLC
    QVERIFY(!stack_->closeLineShown());
    QVERIFY(stack_->legendText().contains(QStringLiteral("O ")));
    stack_->setCandles(false);
    QVERIFY(!stack_->candlesDrawn());
    QVERIFY(stack_->closeLineShown());

    // Close-only data cannot show candles: the line stays.
    PriceSeries close_only = ttrc_;
    close_only.open.clear();
    close_only.high.clear();
    close_only.low.clear();
    ChartStack other;
    other.setData(make_symbol(QStringLiteral("CLOSE"), close_only, AtcParams{}));
    other.setCandles(true);
    QVERIFY(!other.candlesDrawn());
    QVERIFY(other.closeLineShown());
    stack_->setCandles(true);
}

void TestCharts::equity_family_shows_members() {
    const AtcResult& r = *data_->result;
    stack_->setEquityFamily(MaType::EMA);
    QCOMPARE(stack_->equityChart()->series().size(), 9);
    const FamilyResult& ema = r.family(MaType::EMA);
    for (const MemberSeries& m : ema.members) {
        const QString name = QStringLiteral("eq_EMA_%1").arg(m.length);
        QLineSeries* s = series_named(stack_->equityChart(), name);
        QVERIFY2(s != nullptr, qPrintable(series_names(stack_->equityChart()).join(',')));
        expect_series_equals(s, m.equity, stack_->visibleRange());
    }
    QCOMPARE(series_named(stack_->equityChart(), QStringLiteral("eq_EMA_28"))->name(),
             QStringLiteral("EMA 28"));
    QCOMPARE(series_named(stack_->equityChart(), QStringLiteral("eq_EMA_29"))->name(),
             QStringLiteral("EMA 29 (+1)"));
    QCOMPARE(series_named(stack_->equityChart(), QStringLiteral("eq_EMA_27"))->name(),
             QStringLiteral("EMA 27 (-1)"));
    QVERIFY(stack_->legendText().contains(QStringLiteral("EMA 34 (+6)")));
    // Back to the six family curves.
    stack_->setEquityFamily(std::nullopt);
    QCOMPARE(stack_->equityChart()->series().size(), 6);
    expect_series_equals(series_named(stack_->equityChart(), QStringLiteral("KAMA_S")),
                         r.family(MaType::KAMA).weight_equity, stack_->visibleRange());
}

void TestCharts::calibration_shows_nine_mas() {
    const AtcResult& r = *data_->result;
    QVERIFY(!stack_->calibrationVisible());  // hidden by default
    stack_->setCalibrationFamily(MaType::KAMA);
    stack_->setCalibrationVisible(true);
    QVERIFY(stack_->calibrationVisible());
    QCOMPARE(stack_->calibrationFamily(), MaType::KAMA);
    const FamilyResult& kama = r.family(MaType::KAMA);
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        expect_same_values(stack_->plottedCalibrationMa(k), kama.members[k].ma);
        QVERIFY(stack_->plottedCalibrationStates(k) == kama.members[k].state);
    }
    QVERIFY(stack_->legendText().contains(QStringLiteral("KAMA calibration")));
    // Its x range follows the others.
    QCOMPARE(x_range(stack_->calibrationChart()), x_range(stack_->priceChart()));
    stack_->setCalibrationVisible(false);
    QVERIFY(!stack_->legendText().contains(QStringLiteral("KAMA calibration")));
}

// The app keeps only the drawn series (KeptSeries::drawn). The calibration
// view and the member equities, opened on such a result, ask for their
// family's members (nothing while they stay closed), say they are being
// computed until the answer comes, then draw the full compute's numbers.
// Answers for other data or for a family no view shows are ignored; a request
// whose view closed, or whose symbol went, is cancelled; members are let go
// when their view closes.
void TestCharts::member_views_of_a_drawn_result() {
    const auto drawn = [this] {
        auto data = std::make_shared<SymbolData>();
        data->name = QStringLiteral("TTRC");
        data->bars = ttrc_;
        data->result = std::make_shared<const AtcResult>(
            compute_symbol(ttrc_.close, AtcParams{}, KeptSeries::drawn()));
        return std::shared_ptr<const SymbolData>(std::move(data));
    };
    const auto members_of = [this](MaType family) {
        return std::make_shared<const FamilyMembers>(
            compute_members(ttrc_.close, AtcParams{}, family));
    };
    const std::shared_ptr<const SymbolData> lean = drawn();
    const std::shared_ptr<const SymbolData> other = drawn();  // the same symbol computed again
    const AtcResult full = compute_symbol(ttrc_.close, AtcParams{});
    struct Asked {
        std::shared_ptr<const SymbolData> data;
        MaType family;
        std::shared_ptr<const std::atomic<bool>> cancelled;
    };
    std::vector<Asked> asked;
    ChartStack stack;
    connect(&stack, &ChartStack::membersWanted, &stack,
            [&asked](std::shared_ptr<const SymbolData> data, MaType family,
                     std::shared_ptr<const std::atomic<bool>> cancelled) {
                asked.push_back({std::move(data), family, std::move(cancelled)});
            });
    QVERIFY(show_stack(stack, {900, 700}));
    stack.setData(lean);
    QCoreApplication::processEvents();
    // Closed: nothing asked for, neither by the legends the crosshair updates
    // (the members are seconds of computing for a million bars).
    stack.setCrosshairBar(100);
    stack.setCrosshairBar(-1);
    QVERIFY(asked.empty());
    QVERIFY(stack.plottedCalibrationMa(0).empty());

    const auto* calibration =
        qobject_cast<CalibrationPane*>(stack.pane(QStringLiteral("calibration")));
    const auto* equity = qobject_cast<EquityPane*>(stack.pane(QStringLiteral("equity")));
    stack.setCalibrationFamily(MaType::HMA);
    stack.setCalibrationVisible(true);
    QCOMPARE(asked.size(), std::size_t(1));
    QCOMPARE(asked[0].data, lean);
    QCOMPARE(asked[0].family, MaType::HMA);
    QCOMPARE(calibration->note(), QStringLiteral("Computing HMA members\u2026"));
    QVERIFY(stack.legendText().contains(QStringLiteral("HMA calibration  Computing HMA members")));
    QVERIFY(stack.plottedCalibrationMa(0).empty());
    stack.setMembers(other, MaType::HMA, members_of(MaType::HMA));  // not the data shown
    QVERIFY(stack.plottedCalibrationMa(0).empty());
    stack.setMembers(lean, MaType::HMA, members_of(MaType::HMA));
    QVERIFY(calibration->note().isEmpty());
    QVERIFY(!stack.legendText().contains(QStringLiteral("Computing")));
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        expect_same_values(stack.plottedCalibrationMa(k), full.family(MaType::HMA).members[k].ma);
        QVERIFY(stack.plottedCalibrationStates(k) == full.family(MaType::HMA).members[k].state);
    }

    stack.setEquityFamily(MaType::LSMA);
    QCOMPARE(asked.size(), std::size_t(2));
    QCOMPARE(asked[1].family, MaType::LSMA);
    QCOMPARE(stack.equityChart()->series().size(), 0);
    QCOMPARE(equity->note(), QStringLiteral("Computing LSMA members\u2026"));
    // Another family chosen before the answer: its request is cancelled and
    // its late answer ignored.
    stack.setEquityFamily(MaType::EMA);
    QVERIFY(asked[1].cancelled->load());
    QCOMPARE(asked.size(), std::size_t(3));
    stack.setMembers(lean, MaType::LSMA, members_of(MaType::LSMA));
    QCOMPARE(stack.equityChart()->series().size(), 0);
    stack.setMembers(lean, MaType::EMA, members_of(MaType::EMA));
    QVERIFY(equity->note().isEmpty());
    for (const MemberSeries& m : full.family(MaType::EMA).members)
        expect_series_equals(
            series_named(stack.equityChart(), QStringLiteral("eq_EMA_%1").arg(m.length)), m.equity,
            stack.visibleRange());
    QVERIFY(stack.members()[static_cast<std::size_t>(MaType::HMA)]);
    QVERIFY(stack.members()[static_cast<std::size_t>(MaType::EMA)]);
    QVERIFY(!asked[0].cancelled->load() && !asked[2].cancelled->load());

    // Closed views let their members go; opened again, they ask again.
    stack.setCalibrationVisible(false);
    stack.setEquityFamily(std::nullopt);
    for (const auto& held : stack.members())
        QVERIFY(!held);
    QCOMPARE(stack.equityChart()->series().size(), 6);
    stack.setEquityFamily(MaType::DEMA);
    QCOMPARE(asked.size(), std::size_t(4));
    stack.setMembersFailed(lean, MaType::DEMA, QStringLiteral("out of memory"));
    QCOMPARE(equity->note(),
             QStringLiteral("The DEMA members could not be computed: out of memory"));

    // Another symbol (or timeframe, or parameters) cancels what is asked for
    // and asks for its own.
    stack.setEquityFamily(MaType::WMA);
    QCOMPARE(asked.size(), std::size_t(5));
    stack.setData(other);
    QVERIFY(asked[4].cancelled->load());
    QCOMPARE(asked.size(), std::size_t(6));
    QCOMPARE(asked[5].data, other);
    QCOMPARE(asked[5].family, MaType::WMA);
    stack.setMembers(lean, MaType::WMA, members_of(MaType::WMA));  // the old symbol's
    QCOMPARE(stack.equityChart()->series().size(), 0);
}

void TestCharts::crosshair_legend() {
    const AtcResult& r = *data_->result;
    QSignalSpy moved(stack_.get(), &ChartStack::crosshairMoved);
    stack_->setCrosshairBar(0);
    QCOMPARE(stack_->crosshairBar(), 0);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.first().first().toInt(), 0);
    QString legend = stack_->legendText();
    QVERIFY2(legend.contains(QStringLiteral("1985-01-02")), qPrintable(legend));
    QVERIFY(legend.contains(QStringLiteral("Average ") + formatAverage(r.average[0])));

    const std::size_t bar = 4000;
    stack_->setCrosshairBar(static_cast<int>(bar));
    legend = stack_->legendText();
    QVERIFY(legend.contains(barLabel(*data_, bar)));
    QVERIFY2(legend.contains(QStringLiteral("Average ") + formatAverage(r.average[bar])),
             qPrintable(legend));
    QVERIFY(legend.contains(QStringLiteral("C ") + formatPrice(ttrc_.close[bar], 2)));
    for (MaType t : kAllFamilies) {
        const QString fam = familyLabel(t);
        QVERIFY(legend.contains(fam + QLatin1Char(' ') + formatSignal(r.family(t).signal[bar])));
        QVERIFY(
            legend.contains(fam + QLatin1Char(' ') + formatEquity(r.family(t).weight_equity[bar])));
        const MemberSeries& base = r.family(t).members[0];
        QVERIFY2(legend.contains(fam + QStringLiteral(" 28 ") + formatPrice(base.ma[bar], 2) +
                                 QLatin1Char(' ') + stateGlyph(base.state[bar])),
                 qPrintable(legend));
    }
    // Out of range clamps to the last bar; -1 hides it and the legend shows the last bar.
    stack_->setCrosshairBar(100000);
    QCOMPARE(stack_->crosshairBar(), 5549);
    stack_->setCrosshairBar(-1);
    QCOMPARE(stack_->crosshairBar(), -1);
    QVERIFY(stack_->legendText().contains(barLabel(*data_, 5549)));
}

void TestCharts::zoom_and_pan_move_all_panes() {
    stack_->resetZoom();
    const auto initial = stack_->visibleRange();
    QCOMPARE(initial.second - initial.first, 500.0 * 1.03);
    QVERIFY(initial.first > 5549.0 - 501.0);
    QSignalSpy changed(stack_.get(), &ChartStack::visibleRangeChanged);

    stack_->zoomIn();
    const auto zoomed = stack_->visibleRange();
    QVERIFY(zoomed.second - zoomed.first < initial.second - initial.first);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(x_range(stack_->priceChart()), zoomed);
    QCOMPARE(x_range(stack_->signalChart()), zoomed);
    QCOMPARE(x_range(stack_->equityChart()), zoomed);

    stack_->panBars(-100);
    const auto panned = stack_->visibleRange();
    QCOMPARE(panned.first, zoomed.first - 100.0);
    QCOMPARE(panned.second, zoomed.second - 100.0);
    QCOMPARE(x_range(stack_->priceChart()), panned);
    QCOMPARE(x_range(stack_->equityChart()), panned);

    // The price axis is refitted to the visible bars.
    auto* y = qobject_cast<QValueAxis*>(stack_->priceChart()->axes(Qt::Vertical).first());
    double lo = 1e300, hi = -1e300;
    for (auto i = static_cast<std::size_t>(std::ceil(panned.first));
         i <= static_cast<std::size_t>(std::floor(panned.second)); ++i) {
        lo = std::min(lo, ttrc_.low[i]);
        hi = std::max(hi, ttrc_.high[i]);
    }
    QVERIFY(y->min() <= lo && y->max() >= hi);
    QVERIFY(y->max() - y->min() < 2.0 * (hi - lo) + 1.0);

    // Panning stops at the first bar; zooming out stops at the whole series.
    stack_->panBars(-100000);
    QCOMPARE(stack_->visibleRange().first, -0.5);
    for (int i = 0; i < 40; ++i)
        stack_->zoomOut();
    const auto all = stack_->visibleRange();
    QVERIFY(all.first <= -0.5 && all.second >= 5549.0);
    // Zoomed out to everything, more bars than pixels: the series hold the
    // envelope of every bar, at most about two points per pixel column.
    const double width = stack_->pane(QStringLiteral("signals"))->plotWidth();
    const std::size_t per_bucket = barsPerBucket(all.second - all.first, width, kLineBucketPx);
    QVERIFY(per_bucket > 1);
    expect_series_equals(series_named(stack_->signalChart(), QStringLiteral("Average_Signal")),
                         data_->result->average, all, per_bucket,
                         stack_->pane(QStringLiteral("signals"))->pixelsPerValue());

    stack_->resetZoom();
    QCOMPARE(stack_->visibleRange(), initial);
    QCOMPARE(x_range(stack_->signalChart()), initial);
}

void TestCharts::keyboard_navigation() {
    stack_->resetZoom();
    const auto initial = stack_->visibleRange();
    QTest::keyClick(stack_.get(), Qt::Key_Plus);
    QVERIFY(stack_->visibleRange().second - stack_->visibleRange().first <
            initial.second - initial.first);
    const auto zoomed = stack_->visibleRange();
    QTest::keyClick(stack_.get(), Qt::Key_Left);
    QVERIFY(stack_->visibleRange().first < zoomed.first);
    QTest::keyClick(stack_.get(), Qt::Key_Minus);
    QTest::keyClick(stack_.get(), Qt::Key_Minus);
    QVERIFY(stack_->visibleRange().second - stack_->visibleRange().first >
            zoomed.second - zoomed.first);
    QTest::keyClick(stack_.get(), Qt::Key_Home);
    QCOMPARE(stack_->visibleRange(), initial);
}

QChartView* view_of(ChartStack& stack, QChart* chart) {
    for (auto* view : stack.findChildren<QChartView*>()) {
        if (view->chart() == chart)
            return view;
    }
    return nullptr;
}

void TestCharts::mouse_navigation() {
    stack_->resetZoom();
    QCoreApplication::processEvents();
    QChartView* price = view_of(*stack_, stack_->priceChart());
    QVERIFY(price != nullptr);
    QWidget* vp = price->viewport();
    const QRectF plot = stack_->priceChart()->plotArea();
    const QPoint mid(static_cast<int>(plot.center().x()), static_cast<int>(plot.center().y()));

    // Hover: the crosshair goes to the bar under the mouse, in every pane.
    QSignalSpy moved(stack_.get(), &ChartStack::crosshairMoved);
    QTest::mouseMove(vp, mid);
    QVERIFY(moved.count() >= 1);
    const auto r0 = stack_->visibleRange();
    const double mid_x = r0.first + (mid.x() - plot.left()) * (r0.second - r0.first) / plot.width();
    QVERIFY(std::abs(stack_->crosshairBar() - mid_x) <= 1.0);
    QVERIFY(stack_->legendText().contains(
        barLabel(*data_, static_cast<std::size_t>(stack_->crosshairBar()))));

    // Wheel: zooms in around the bar under the cursor, which stays in place.
    QWheelEvent wheel(QPointF(mid), vp->mapToGlobal(QPointF(mid)), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(vp, &wheel);
    const auto r1 = stack_->visibleRange();
    QVERIFY(r1.second - r1.first < r0.second - r0.first);
    const double anchor_before = (mid_x - r0.first) / (r0.second - r0.first);
    const double anchor_after = (mid_x - r1.first) / (r1.second - r1.first);
    QVERIFY(std::abs(anchor_before - anchor_after) < 1e-6);
    QCOMPARE(x_range(stack_->equityChart()), r1);

    // Left drag to the right: earlier bars come into view.
    QTest::mousePress(vp, Qt::LeftButton, Qt::NoModifier, mid);
    QTest::mouseMove(vp, mid + QPoint(200, 0));
    QTest::mouseRelease(vp, Qt::LeftButton, Qt::NoModifier, mid + QPoint(200, 0));
    const auto r2 = stack_->visibleRange();
    const double bars_per_px = (r1.second - r1.first) / plot.width();
    QVERIFY(std::abs((r1.first - r2.first) - 200.0 * bars_per_px) < 1.0);

    // Ctrl + drag: zooms to the dragged bars (Shift + drag measures).
    const QPoint a(static_cast<int>(plot.left() + plot.width() * 0.25), mid.y());
    const QPoint b(static_cast<int>(plot.left() + plot.width() * 0.50), mid.y());
    QTest::mousePress(vp, Qt::LeftButton, Qt::ControlModifier, a);
    QTest::mouseMove(vp, b);
    QTest::mouseRelease(vp, Qt::LeftButton, Qt::ControlModifier, b);
    const auto r3 = stack_->visibleRange();
    QVERIFY(std::abs((r3.second - r3.first) - 0.25 * (r2.second - r2.first)) < 1.0);

    // Double-click: back to the initial view.
    QTest::mouseDClick(vp, Qt::LeftButton, Qt::NoModifier, mid);
    QCOMPARE(stack_->visibleRange(), r0);
}

namespace {

std::int64_t utc_ms(int year, int month, int day, int hour = 0) {
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

// The bar and value under viewport point `pos` of a pane, from its plot's mapping.
MeasurePoint point_under(const ChartPane& pane, QPoint pos) {
    const QRectF plot = pane.chart()->plotArea();
    const QValueAxis* x = pane.xAxis();
    const QValueAxis* y = pane.yAxis();
    const double bar = x->min() + (pos.x() - plot.left()) * (x->max() - x->min()) / plot.width();
    return {static_cast<std::size_t>(std::lround(bar)),
            y->min() + (plot.bottom() - pos.y()) * (y->max() - y->min()) / plot.height()};
}

// A pane's point at fractions of its plot's width and height (0, 0: top left).
QPoint plot_point(const ChartPane& pane, double fx, double fy) {
    const QRectF plot = pane.chart()->plotArea();
    return {static_cast<int>(plot.left() + plot.width() * fx),
            static_cast<int>(plot.top() + plot.height() * fy)};
}

void drag(QWidget* viewport, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers) {
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, to);
}

// "+" before a rise: the sign a measurement's label writes.
QString signed_text(double value, const QString& text) {
    return value >= 0.0 ? QLatin1Char('+') + text : text;
}

}  // namespace

// Drawings are anchored to time: a 1h anchor falls between the 4h bars in
// proportion, reaches past the data at the last bars' spacing, and goes back
// to the same time exactly; bars without times keep bar indices.
void TestCharts::drawing_anchors_follow_time() {
    constexpr std::int64_t kHour = 3'600'000;
    constexpr std::int64_t kStart = 1'704'067'200'000;  // 2024-01-01 00:00 UTC
    PriceSeries four_hours;
    for (std::int64_t i = 0; i < 6; ++i) {
        four_hours.time_ms.push_back(kStart + i * 4 * kHour);
        four_hours.close.push_back(100.0 + static_cast<double>(i));
    }
    QVERIFY(!anchorsByBar(four_hours));
    QCOMPARE(barPositionOf(four_hours, kStart + 8 * kHour, false), 2.0);
    QCOMPARE(barPositionOf(four_hours, kStart + 9 * kHour, false), 2.25);  // 09:00 in the 08:00 bar
    QCOMPARE(barPositionOf(four_hours, kStart + 26 * kHour, false), 6.5);  // past the last bar
    QCOMPARE(barPositionOf(four_hours, kStart - 8 * kHour, false), -2.0);  // before the first
    for (const double position : {-3.0, 0.0, 2.25, 5.0, 9.0})
        QCOMPARE(barPositionOf(four_hours, anchorXAt(four_hours, position, false), false),
                 position);
    QCOMPARE(anchorXAt(four_hours, 3.0, false), kStart + 12 * kHour);
    QCOMPARE(anchorXAt(four_hours, 7.0, false), kStart + 28 * kHour);

    PriceSeries labelled;
    labelled.close = {1.0, 2.0, 3.0};
    labelled.labels = {"1991.5", "1991.6", "1991.7"};
    QVERIFY(anchorsByBar(labelled));
    QCOMPARE(anchorXAt(labelled, 2.0, true), std::int64_t{2});
    QCOMPARE(barPositionOf(labelled, 2, true), 2.0);
    QCOMPARE(anchorXAt(labelled, 4.0, true), std::int64_t{4});
}

void TestCharts::measurement_numbers() {
    const auto price = [](double v) { return formatPrice(v, 2); };
    std::vector<std::int64_t> hourly;
    for (int i = 0; i < 200; ++i)
        hourly.push_back(utc_ms(2024, 3, 1) + std::int64_t{i} * 3'600'000);

    // A rise: 123 hourly bars are 5 days 3 hours.
    Measurement m = measure({10, 100.0}, {133, 103.21}, hourly, price);
    QCOMPARE(m.bars, std::int64_t{123});
    QCOMPARE(m.seconds, std::optional<std::int64_t>(123 * 3600));
    QVERIFY(std::abs(m.delta - 3.21) < 1e-9);
    QVERIFY(m.percent && std::abs(*m.percent - 3.21) < 1e-9);
    QCOMPARE(m.value_line, QStringLiteral("+3.21 (+3.21 %)"));
    QCOMPARE(m.span_line, QStringLiteral("123 bars, 5d 3h"));
    // A fall, measured leftwards.
    m = measure({5, 200.0}, {2, 150.0}, hourly, price);
    QCOMPARE(m.bars, std::int64_t{-3});
    QCOMPARE(m.value_line, QStringLiteral("-50.00 (-25.00 %)"));
    QCOMPARE(m.span_line, QStringLiteral("-3 bars, -3h"));
    // From zero there is no percent; one bar is a bar.
    m = measure({0, 0.0}, {1, 1234.5}, hourly, price);
    QVERIFY(!m.percent);
    QCOMPARE(m.value_line, QStringLiteral("+1,234.50 (\u2014)"));
    QCOMPARE(m.span_line, QStringLiteral("1 bar, 1h"));
    // Without times only the bars; the same bar has no time to tell.
    m = measure({3, 1.0}, {1237, 2.0}, {}, price);
    QVERIFY(!m.seconds);
    QCOMPARE(m.span_line, QStringLiteral("1,234 bars"));
    QCOMPARE(measure({7, 1.0}, {7, 1.0}, hourly, price).span_line, QStringLiteral("0 bars"));
    // A signal from -0.50 to -0.25 rose by half of its size.
    QCOMPARE(measure({0, -0.5}, {1, -0.25}, hourly, formatSignal).value_line,
             QStringLiteral("+0.25 (+50.00 %)"));

    // Time spans, to the units that matter at their size; calendar months and years.
    QCOMPARE(spanText(0, 45'000), QStringLiteral("45s"));
    QCOMPARE(spanText(0, 90'000), QStringLiteral("1m 30s"));
    QCOMPARE(spanText(0, 45 * 60'000), QStringLiteral("45m"));
    QCOMPARE(spanText(0, 3 * 3'600'000), QStringLiteral("3h"));
    QCOMPARE(spanText(0, 195 * 60'000), QStringLiteral("3h 15m"));
    QCOMPARE(spanText(3 * 3'600'000, 0), QStringLiteral("-3h"));
    QCOMPARE(spanText(utc_ms(2024, 2, 1), utc_ms(2024, 2, 29, 6)), QStringLiteral("28d 6h"));
    QCOMPARE(spanText(utc_ms(2024, 1, 15), utc_ms(2024, 2, 15)), QStringLiteral("1 month"));
    QCOMPARE(spanText(utc_ms(2024, 1, 15), utc_ms(2024, 6, 18)), QStringLiteral("5 months 3d"));
    QCOMPARE(spanText(utc_ms(2023, 1, 15), utc_ms(2024, 1, 15)), QStringLiteral("1 year"));
    QCOMPARE(spanText(utc_ms(2021, 1, 15), utc_ms(2023, 4, 20)),
             QStringLiteral("2 years 3 months"));
}

void TestCharts::shift_drag_measures() {
    stack_->resetZoom();
    QCoreApplication::processEvents();
    ChartPane* price = stack_->pane(QStringLiteral("price"));
    QWidget* vp = price->viewport();
    const auto range = stack_->visibleRange();

    // Shift + drag up and to the right on the price pane: the measurement of
    // the bars and prices under the two points, and the view does not move.
    const QPoint a = plot_point(*price, 0.25, 0.7);
    const QPoint b = plot_point(*price, 0.6, 0.3);
    const MeasurePoint start = point_under(*price, a);
    const MeasurePoint end = point_under(*price, b);
    drag(vp, a, b, Qt::ShiftModifier);
    QCOMPARE(stack_->visibleRange(), range);
    QVERIFY(price->measureShown());
    const double delta = end.value - start.value;
    const double percent = delta / start.value * 100.0;
    const std::int64_t bars =
        static_cast<std::int64_t>(end.bar) - static_cast<std::int64_t>(start.bar);
    QVERIFY(delta > 0.0 && bars > 100);
    const QString want = signed_text(delta, formatPrice(delta, priceDecimals(ttrc_.close))) +
                         QStringLiteral(" (") +
                         signed_text(percent, QString::number(percent, 'f', 2)) +
                         QStringLiteral(" %)\n%1 bars, ").arg(bars) +
                         spanText(ttrc_.time_ms[start.bar], ttrc_.time_ms[end.bar]);
    QCOMPARE(stack_->measureText(), want);

    // It stays on its bars while the view pans and zooms.
    stack_->panBars(-40);
    stack_->zoomIn();
    QCOMPARE(stack_->measureText(), want);
    stack_->resetZoom();

    // Esc, with the focus on the charts, removes it.
    stack_->setFocus();
    QTest::keyClick(stack_.get(), Qt::Key_Escape);
    QVERIFY(!price->measureShown());
    QVERIFY(stack_->measureText().isEmpty());

    // A measurement down the Signals pane, in signal units, replaces one on the price.
    drag(vp, a, b, Qt::ShiftModifier);
    ChartPane* signal = stack_->pane(QStringLiteral("signals"));
    const QPoint high = plot_point(*signal, 0.4, 0.2);
    const QPoint low = plot_point(*signal, 0.5, 0.8);
    const double fall = point_under(*signal, low).value - point_under(*signal, high).value;
    drag(signal->viewport(), high, low, Qt::ShiftModifier);
    QVERIFY(!price->measureShown());
    QVERIFY(signal->measureShown());
    QVERIFY2(stack_->measureText().startsWith(formatSignal(fall) + QStringLiteral(" (-")),
             qPrintable(stack_->measureText()));

    // A click elsewhere removes it too; a Shift+click alone measures nothing.
    QTest::mouseClick(vp, Qt::LeftButton, Qt::NoModifier, a);
    QVERIFY(stack_->measureText().isEmpty());
    QTest::mouseClick(vp, Qt::LeftButton, Qt::ShiftModifier, a);
    QVERIFY(stack_->measureText().isEmpty());
    QCOMPARE(stack_->visibleRange(), range);
}

namespace {

// A coin from 0.002 to about 200: five decades, most of them below 1.
PriceSeries five_decades() {
    PriceSeries s;
    constexpr std::size_t kBars = 3000;
    double previous = 0.002;
    for (std::size_t i = 0; i < kBars; ++i) {
        const double x = static_cast<double>(i);
        const double close =
            0.002 * std::pow(10.0, 5.0 * x / (kBars - 1)) * (1.0 + 0.03 * std::sin(x / 9.0));
        s.open.push_back(previous);
        s.close.push_back(close);
        s.high.push_back(std::max(previous, close) * 1.01);
        s.low.push_back(std::min(previous, close) * 0.99);
        s.volume.push_back(0.0);
        previous = close;
    }
    return s;
}

// The value a pane reports under a viewport point (what the crosshair and a
// measurement use), through its hovered signal.
double value_under(ChartPane& pane, QPoint pos) {
    QSignalSpy spy(&pane, &ChartPane::hovered);
    hover(pane.viewport(), pos);
    return spy.isEmpty() ? std::nan("") : spy.back().at(1).toDouble();
}

// An axis label read back as a number ("1,250" -> 1250).
double label_value(QString label) {
    return label.remove(QLatin1Char(',')).toDouble();
}

// Every pane's plot has the price pane's left and right edges.
void expect_aligned_plots(const ChartStack& stack) {
    const QRectF price = stack.pane(QStringLiteral("price"))->chart()->plotArea();
    for (const QString& name : ChartStack::paneNames()) {
        const ChartPane* pane = stack.pane(name);
        if (!pane->isVisible() || pane->titleOnly())
            continue;
        QCOMPARE(pane->chart()->plotArea().left(), price.left());
        QCOMPARE(pane->chart()->plotArea().right(), price.right());
    }
}

}  // namespace

void TestCharts::log_scale_over_five_decades() {
    ChartStack stack;
    QVERIFY(show_stack(stack, {1000, 800}));
    const PriceSeries coin = five_decades();
    stack.setData(make_symbol(QStringLiteral("COIN"), coin, AtcParams{}));
    stack.setVisibleRange(-0.5, static_cast<double>(coin.close.size()) - 0.5);
    QCoreApplication::processEvents();
    ChartPane* price = stack.pane(QStringLiteral("price"));
    const QPoint middle = plot_point(*price, 0.5, 0.5);
    const QPoint quarter = plot_point(*price, 0.5, 0.75);  // a quarter up from the bottom

    // Linear: the middle of the plot is the middle of the values.
    auto [lo, hi] = price->valueRange();
    QVERIFY(std::abs(value_under(*price, middle) - (lo + hi) / 2.0) < (hi - lo) * 0.01);

    // Log: equal ratios, equal heights. The range still fits every bar, down to
    // the lows below 1 (and the MAs, whose overshoots widen it a little), and
    // the middle is the geometric mean.
    stack.setPriceScale(PriceScale::Log);
    QCOMPARE(stack.priceScale(), PriceScale::Log);
    std::tie(lo, hi) = price->valueRange();
    const double low = *std::min_element(coin.low.begin(), coin.low.end());
    const double high = *std::max_element(coin.high.begin(), coin.high.end());
    QVERIFY2(lo > 0.0 && lo <= low && hi >= high && hi / lo < high / low * 4.0,
             qPrintable(QStringLiteral("%1 .. %2").arg(lo).arg(hi)));
    const double ratio = hi / lo;
    QVERIFY(std::abs(value_under(*price, middle) / std::sqrt(lo * hi) - 1.0) < 0.02);
    QVERIFY(std::abs(value_under(*price, quarter) / (lo * std::pow(ratio, 0.25)) - 1.0) < 0.02);

    // The labels: round numbers, rising, evenly spread on screen (none
    // crowding another), at least one in each decade from 0.01 to 100.
    const QStringList labels = price->valueAxisLabels();
    const double height = price->plotHeight();
    std::vector<double> values;
    for (const QString& label : labels) {
        // Round: at most two significant digits (0.005, 0.02, 150).
        const double v = label_value(label);
        const double unit = std::pow(10.0, std::floor(std::log10(v)) - 1.0);
        QVERIFY2(v > 0.0 && std::abs(v / unit - std::round(v / unit)) < 1e-6,
                 qPrintable(labels.join(u' ')));
        values.push_back(v);
    }
    QVERIFY2(values.size() >= 6, qPrintable(labels.join(u' ')));
    for (std::size_t i = 1; i < values.size(); ++i) {
        const double gap_px = height * std::log10(values[i] / values[i - 1]) / std::log10(ratio);
        QVERIFY2(gap_px >= 30.0 && gap_px <= 200.0, qPrintable(labels.join(u' ')));
    }
    for (int decade = -2; decade <= 1; ++decade) {
        const double from = std::pow(10.0, decade);
        QVERIFY2(std::any_of(values.begin(), values.end(),
                             [&](double v) { return v >= from * 0.999 && v < from * 10.0; }),
                 qPrintable(labels.join(u' ')));
    }
    // The crosshair's tag keeps a small price's digits.
    hover(price->viewport(), plot_point(*price, 0.2, 0.9));
    QVERIFY2(price->crosshairValueTag().startsWith(QStringLiteral("0.00")),
             qPrintable(price->crosshairValueTag()));
    expect_aligned_plots(stack);

    // Back to linear: the middle is the arithmetic mean again.
    stack.setPriceScale(PriceScale::Linear);
    std::tie(lo, hi) = price->valueRange();
    QVERIFY(std::abs(value_under(*price, middle) - (lo + hi) / 2.0) < (hi - lo) * 0.01);
}

void TestCharts::percent_scale_from_the_first_visible_bar() {
    stack_->setCandles(true);
    stack_->setVisibleRange(999.5, 1999.5);
    stack_->setPriceScale(PriceScale::Percent);
    QCoreApplication::processEvents();
    ChartPane* price = stack_->pane(QStringLiteral("price"));
    // 0 % is the first visible bar's close; the labels read the change from it.
    const auto expect_percent_from = [&](std::size_t first_bar) {
        const double base = ttrc_.close[first_bar];
        const QStringList labels = price->valueAxisLabels();
        QVERIFY2(labels.contains(QStringLiteral("0 %")), qPrintable(labels.join(u' ')));
        for (const QString& label : labels)
            QVERIFY2(label.endsWith(QStringLiteral(" %")), qPrintable(labels.join(u' ')));
        const QPoint at = plot_point(*price, 0.5, 0.3);
        const double value = value_under(*price, at);
        QCOMPARE(price->crosshairValueTag(), signedPercent(percentFrom(value, base), 2));
    };
    expect_percent_from(1000);
    // Panned: the base moves with the first visible bar.
    stack_->panBars(300);
    QCoreApplication::processEvents();
    expect_percent_from(1300);
    // Percent labels are wider: the panes still share the plot edges.
    expect_aligned_plots(*stack_);
    // A measurement's Δ still reads in prices ("+1.25 (+3.10 %)"), not in percent of the base.
    drag(price->viewport(), plot_point(*price, 0.2, 0.7), plot_point(*price, 0.6, 0.3),
         Qt::ShiftModifier);
    const QString delta = stack_->measureText().section(QStringLiteral(" ("), 0, 0);
    QVERIFY2(!delta.isEmpty() && !delta.contains(u'%'), qPrintable(stack_->measureText()));
    stack_->clearMeasure();
    stack_->setPriceScale(PriceScale::Linear);
    for (const QString& label : price->valueAxisLabels())
        QVERIFY(!label.contains(u'%'));
    stack_->resetZoom();
}

void TestCharts::value_axis_drag_stretches_and_double_click_fits() {
    stack_->resetZoom();
    QCoreApplication::processEvents();
    ChartPane* price = stack_->pane(QStringLiteral("price"));
    QWidget* vp = price->viewport();
    const QRectF plot = price->chart()->plotArea();
    const auto fitted = price->valueRange();
    const double span = fitted.second - fitted.first;
    QVERIFY(price->autoFit());

    // 120 px down on the axis: twice the values in the same height, about the
    // same middle; auto-fit is off.
    const QPoint axis(static_cast<int>(plot.right()) + 12, static_cast<int>(plot.center().y()));
    drag(vp, axis, axis + QPoint(0, 120), Qt::NoModifier);
    QVERIFY(!price->autoFit());
    auto [lo, hi] = price->valueRange();
    QVERIFY2(std::abs((hi - lo) / span - 2.0) < 0.01,
             qPrintable(QString::number((hi - lo) / span)));
    QVERIFY(std::abs((lo + hi) - (fitted.first + fitted.second)) < span * 1e-6);
    // Up again compresses it back.
    drag(vp, axis, axis - QPoint(0, 120), Qt::NoModifier);
    std::tie(lo, hi) = price->valueRange();
    QVERIFY(std::abs((hi - lo) / span - 1.0) < 0.01);
    // The scale stays while the bars pan sideways, and a drag on the plot moves it up and down.
    stack_->panBars(-200);
    QVERIFY(std::abs(price->valueRange().first - lo) < span * 1e-9);
    const QPoint inside = plot_point(*price, 0.5, 0.5);
    drag(vp, inside, inside + QPoint(0, 50), Qt::NoModifier);
    const double shift = 50.0 * (hi - lo) / price->plotHeight();
    QVERIFY(std::abs(price->valueRange().first - (lo + shift)) < span * 1e-6);

    // A double-click on the axis: fitted to the visible bars again.
    QTest::mouseDClick(vp, Qt::LeftButton, Qt::NoModifier, axis);
    QVERIFY(price->autoFit());
    stack_->resetZoom();
    QCOMPARE(price->valueRange(), fitted);
    // Reset zoom fits every axis too.
    drag(vp, axis, axis + QPoint(0, 60), Qt::NoModifier);
    QVERIFY(!price->autoFit());
    stack_->resetZoom();
    QVERIFY(price->autoFit());
    QCOMPARE(price->valueRange(), fitted);
}

void TestCharts::measure_tool_measures_a_plain_drag() {
    stack_->resetZoom();
    QCoreApplication::processEvents();
    ChartPane* equity = stack_->pane(QStringLiteral("equity"));
    QSignalSpy armed(stack_.get(), &ChartStack::measureToolArmedChanged);
    stack_->setMeasureToolArmed(true);
    const auto range = stack_->visibleRange();
    const QPoint a = plot_point(*equity, 0.3, 0.5);
    const QPoint b = plot_point(*equity, 0.45, 0.4);
    const std::int64_t bars = static_cast<std::int64_t>(point_under(*equity, b).bar) -
                              static_cast<std::int64_t>(point_under(*equity, a).bar);
    // The armed tool turns the next plain drag into a measurement instead of a
    // pan, then disarms itself.
    drag(equity->viewport(), a, b, Qt::NoModifier);
    QCOMPARE(stack_->visibleRange(), range);
    QVERIFY2(stack_->measureText().contains(QStringLiteral("\n%1 bars, ").arg(bars)),
             qPrintable(stack_->measureText()));
    QVERIFY(!stack_->measureToolArmed());
    QCOMPARE(armed.count(), 2);
    QCOMPARE(armed.last().at(0).toBool(), false);
    // The next plain drag pans again, and the measurement stays on its bars.
    const QString shown = stack_->measureText();
    drag(equity->viewport(), a, b, Qt::NoModifier);
    QVERIFY(stack_->visibleRange() != range);
    QCOMPARE(stack_->measureText(), shown);
    // Esc drops an armed tool as well.
    stack_->setMeasureToolArmed(true);
    QTest::keyClick(stack_.get(), Qt::Key_Escape);
    QVERIFY(!stack_->measureToolArmed());
    QVERIFY(stack_->measureText().isEmpty());
    stack_->resetZoom();
}

void TestCharts::no_symbol_and_short_symbol() {
    ChartStack stack;
    stack.resize(900, 700);
    stack.show();
    // No symbol: empty panes, navigation does nothing harmful.
    stack.setData(nullptr);
    stack.zoomIn();
    stack.panBars(10);
    stack.setCrosshairBar(3);
    QCOMPARE(stack.crosshairBar(), -1);
    QVERIFY(stack.legendText().isEmpty());
    stack.setEquityFamily(MaType::HMA);
    stack.setCalibrationVisible(true);
    QCoreApplication::processEvents();

    // 30 bars: shorter than the longest member (34), so some MAs never start.
    PriceSeries few = ttrc_;
    for (auto* v : {&few.close, &few.open, &few.high, &few.low, &few.volume})
        v->resize(30);
    few.time_ms.resize(30);
    few.labels.resize(30);
    auto data = make_symbol(QStringLiteral("FEW"), few, AtcParams{});
    stack.setData(data);
    QCoreApplication::processEvents();
    QCOMPARE(stack.visibleRange().first, -0.5);
    QCOMPARE(stack.equityChart()->series().size(), 9);
    stack.setCrosshairBar(0);
    QVERIFY(stack.legendText().contains(QStringLiteral("1985-01-02")));
    QVERIFY(stack.legendText().contains(QString(QChar(kNoValue))));  // MAs not started yet
    for (int i = 0; i < 10; ++i)
        stack.zoomIn();
    QVERIFY(stack.visibleRange().second - stack.visibleRange().first >= 10.0 - 1e-9);
    stack.setData(nullptr);
    QCoreApplication::processEvents();
}

void TestCharts::parameter_change_keeps_range() {
    stack_->resetZoom();
    stack_->zoomIn();
    stack_->panBars(-700);
    const auto before = stack_->visibleRange();
    AtcParams params;
    params.lengths = {20, 20, 20, 20, 20, 20};
    params.long_threshold = 0.2;
    auto changed = make_symbol(QStringLiteral("TTRC"), ttrc_, params);
    stack_->setData(changed);
    QCOMPARE(stack_->visibleRange(), before);
    expect_series_equals(series_named(stack_->signalChart(), QStringLiteral("Average_Signal")),
                         changed->result->average, stack_->visibleRange());
    QCOMPARE(series_named(stack_->signalChart(), QStringLiteral("long_threshold"))->at(0).y(), 0.2);
    expect_same_values(stack_->plottedMa(MaType::WMA),
                       changed->result->family(MaType::WMA).members[0].ma);
    QVERIFY(stack_->plottedMaStates(MaType::WMA) ==
            changed->result->family(MaType::WMA).members[0].state);
    stack_->setData(data_);
}

void TestCharts::other_symbol_resets_range() {
    stack_->zoomIn();
    stack_->panBars(-300);
    stack_->setData(make_symbol(QStringLiteral("SHORT"), first_bars(ttrc_, 300), AtcParams{}));
    // Fewer bars than the initial window: all of them.
    const auto r = stack_->visibleRange();
    QCOMPARE(r.first, -0.5);
    QVERIFY(r.second >= 299.5);
    stack_->setData(data_);
    stack_->resetZoom();
}

void TestCharts::symbol_ranges_keep_the_most_recent() {
    SymbolRanges ranges;
    const auto name = [](std::size_t i) { return QStringLiteral("S%1").arg(i); };
    for (std::size_t i = 0; i < SymbolRanges::kCapacity + 5; ++i)
        ranges.remember(name(i), {static_cast<double>(i), static_cast<double>(i) + 100.0});
    QCOMPARE(ranges.entries().size(), SymbolRanges::kCapacity);
    QCOMPARE(ranges.entries().front().symbol, name(SymbolRanges::kCapacity + 4));
    QVERIFY(!ranges.recall(name(4)));  // the five least recent are forgotten
    QCOMPARE(ranges.recall(name(5)), std::optional<ViewRange>({5.0, 105.0}));
    // Remembered again: its new range, and the most recent, once.
    ranges.remember(name(5), {1.0, 50.0});
    QCOMPARE(ranges.entries().size(), SymbolRanges::kCapacity);
    QCOMPARE(ranges.entries().front().symbol, name(5));
    QCOMPARE(ranges.recall(name(5)), std::optional<ViewRange>({1.0, 50.0}));
    ranges.forget(name(5));
    QVERIFY(!ranges.recall(name(5)));
    QCOMPARE(ranges.entries().size(), SymbolRanges::kCapacity - 1);
}

// As TradingView does: a symbol shown again comes back at the range it was
// left at, clamped to its bars when they changed; a reset view is not kept.
void TestCharts::symbol_shown_again_gets_its_range() {
    stack_->setData(data_);
    stack_->resetZoom();
    stack_->zoomIn();
    stack_->panBars(-400);
    const auto ttrc = stack_->visibleRange();
    const auto dax =
        make_symbol(QStringLiteral("DAX"), read_price_csv(ATC_SAMPLE_DIR "/DAX.csv"), AtcParams{});
    stack_->setData(dax);
    QCOMPARE(stack_->visibleRange(), std::pair(initialRange(1860).first, initialRange(1860).last));
    stack_->zoomIn();
    const auto dax_range = stack_->visibleRange();
    stack_->setData(data_);
    QCOMPARE(stack_->visibleRange(), ttrc);
    stack_->setData(dax);
    QCOMPARE(stack_->visibleRange(), dax_range);

    // TTRC again with fewer bars: the same span, moved inside them.
    stack_->setData(make_symbol(QStringLiteral("TTRC"), first_bars(ttrc_, 3000), AtcParams{}));
    const auto clamped = stack_->visibleRange();
    QVERIFY(std::abs((clamped.second - clamped.first) - (ttrc.second - ttrc.first)) < 1e-9);
    QVERIFY(clamped.first >= -0.5);
    QVERIFY(clamped.second <= 2999.5 + rightMargin(ttrc.second - ttrc.first) + 1e-9);

    // Reset to the last bars: nothing left to remember.
    stack_->setData(data_);
    stack_->resetZoom();
    QVERIFY(!stack_->rememberedRanges().recall(QStringLiteral("TTRC")));
    QVERIFY(stack_->rememberedRanges().recall(QStringLiteral("DAX")));
}

// R's EuStockMarkets series have fractional years and no dates: ticks open a
// year ("1997") or a twelfth of one ("Jul"), never a decimal like "1996.88".
void TestCharts::fractional_year_ticks() {
    const PriceSeries dax = read_price_csv(ATC_SAMPLE_DIR "/DAX.csv");
    QVERIFY(dax.time_ms.empty());
    const auto data = make_symbol(QStringLiteral("DAX"), dax, AtcParams{});
    stack_->setData(data);
    stack_->resetZoom();
    QCoreApplication::processEvents();
    const auto month_of = [&](std::size_t bar) {
        return static_cast<int>(std::floor(std::stod(std::string(dax.labels[bar])) * 12.0 + 1e-9));
    };
    const auto ticks = stack_->timeTicks();
    QVERIFY(ticks.size() >= 3);
    for (const TimeTick& t : ticks) {
        QVERIFY(t.bar > 0);
        QVERIFY(month_of(t.bar) != month_of(t.bar - 1));  // opens a month
        const int month = month_of(t.bar) % 12;
        if (month == 0) {
            QCOMPARE(t.label, QString::number(month_of(t.bar) / 12));
        } else {
            QCOMPARE(t.label, QLocale::c().monthName(month + 1, QLocale::ShortFormat));
        }
    }
    // All 1860 bars (1991.5 to 1998.6): every year 1992..1998 is labelled, and
    // nothing reads as a decimal.
    stack_->setVisibleRange(0, 1859);
    QCoreApplication::processEvents();
    QStringList labels;
    for (const TimeTick& t : stack_->timeTicks())
        labels << t.label;
    for (int year = 1992; year <= 1998; ++year)
        QVERIFY2(labels.contains(QString::number(year)), qPrintable(labels.join(u' ')));
    for (const QString& label : labels)
        QVERIFY2(!label.contains(QLatin1Char('.')), qPrintable(label));
    stack_->setData(data_);
    stack_->resetZoom();
    QCoreApplication::processEvents();
}

void TestCharts::date_ticks_readable() {
    QCoreApplication::processEvents();
    const auto check = [this] {
        const auto ticks = stack_->timeTicks();
        QVERIFY(ticks.size() >= 3);
        QVERIFY(ticks.size() <= 20);
        for (std::size_t i = 1; i < ticks.size(); ++i)
            QVERIFY(ticks[i].bar > ticks[i - 1].bar);
        for (const TimeTick& t : ticks)
            QCOMPARE(t.label, barAxisLabel(*data_, t.bar));
    };
    stack_->resetZoom();
    check();
    const auto wide = stack_->timeTicks();
    // Daily data: ticks open a month (the day before lies in another month).
    for (const TimeTick& t : wide) {
        QVERIFY(t.bar > 0);
        QVERIFY(barLabel(*data_, t.bar).left(7) != barLabel(*data_, t.bar - 1).left(7));
    }
    for (int i = 0; i < 6; ++i)
        stack_->zoomIn();
    check();
    for (int i = 0; i < 30; ++i)
        stack_->zoomOut();
    check();
    stack_->resetZoom();

    // Without times the ticks fall on round bar numbers ("bar 5000").
    PriceSeries plain = ttrc_;
    plain.time_ms.clear();
    plain.time_kind = TimeKind::None;
    plain.labels.clear();
    ChartStack stack;
    stack.resize(1400, 900);
    stack.show();
    stack.setData(make_symbol(QStringLiteral("PLAIN"), plain, AtcParams{}));
    QCoreApplication::processEvents();
    const auto ticks = stack.timeTicks();
    QVERIFY(ticks.size() >= 3);
    for (const TimeTick& t : ticks) {
        QCOMPARE(t.bar % 50, std::size_t{0});
        QCOMPARE(t.label, QStringLiteral("bar %1").arg(t.bar));
    }
}

void TestCharts::theme_switch() {
    const Theme light = lightTheme();
    stack_->setTheme(light);
    QCOMPARE(stack_->priceChart()->backgroundBrush().color(), light.chart_background);
    QCOMPARE(stack_->signalChart()->backgroundBrush().color(), light.chart_background);
    QCOMPARE(series_named(stack_->signalChart(), QStringLiteral("Average_Signal"))->pen().color(),
             light.average);
    QCOMPARE(stack_->plottedSignalColor(MaType::EMA).rgb(),
             light.familyColor(MaType::EMA).rgb());  // drawn translucent
    QVERIFY(stack_->plottedSignalColor(MaType::EMA).alpha() < 255);
    const Theme dark = darkTheme();
    stack_->setTheme(dark);
    QCOMPARE(stack_->priceChart()->backgroundBrush().color(), dark.chart_background);
    QCOMPARE(stack_->equityChart()->backgroundBrush().color(), dark.chart_background);
    QCOMPARE(series_named(stack_->equityChart(), QStringLiteral("EMA_S"))->pen().color(),
             dark.familyColor(MaType::EMA));
}

// Each pane's legend is one line of its font, however narrow the pane: what does
// not fit is cut ("…"), the tooltip and the crosshair readout keep all of it.
void TestCharts::legend_is_one_line() {
    ChartStack stack;
    QVERIFY(show_stack(stack, {520, 700}));
    stack.setCandles(true);
    stack.setData(data_);
    stack.setCrosshairBar(4000);
    QCoreApplication::processEvents();
    const AtcResult& r = *data_->result;
    for (const QString& name :
         {QStringLiteral("price"), QStringLiteral("signals"), QStringLiteral("equity")}) {
        ChartPane* pane = stack.pane(name);
        const LegendStrip* strip = pane->legendStrip();
        QCOMPARE(strip->height(), QFontMetrics(strip->font()).height());
        QVERIFY(strip->toolTip().contains(strip->plainText()));
        // The plot starts right under that line.
        QVERIFY(pane->chart()->plotArea().top() <= strip->geometry().bottom() + 8);
    }
    const LegendStrip* price = stack.pane(QStringLiteral("price"))->legendStrip();
    QVERIFY(price->elided());  // OHLC and six MAs do not fit 520 px
    const MemberSeries& kama = r.family(MaType::KAMA).members[0];
    const QString kama_entry = QStringLiteral("KAMA 28 ") + formatPrice(kama.ma[4000], 2) +
                               QLatin1Char(' ') + stateGlyph(kama.state[4000]);
    QVERIFY2(price->toolTip().contains(kama_entry), qPrintable(price->toolTip()));
    QVERIFY(stack.legendText().contains(kama_entry));
    QVERIFY(
        stack.legendText().contains(QStringLiteral("Average ") + formatAverage(r.average[4000])));
    // Wide enough, nothing is cut.
    stack.resize(1900, 700);
    QCoreApplication::processEvents();
    QVERIFY(!stack.pane(QStringLiteral("signals"))->legendStrip()->elided());
}

// A double-click on a pane's title folds it to that line and gives its height
// to the others; another one brings the plot back. Elsewhere on the legend a
// double-click is the chart's (reset the view).
void TestCharts::double_click_title_collapses() {
    stack_->resetZoom();
    QCoreApplication::processEvents();
    ChartPane* signal = stack_->pane(QStringLiteral("signals"));
    ChartPane* price = stack_->pane(QStringLiteral("price"));
    QVERIFY(!signal->titleOnly());
    const int price_before = price->height();
    QSignalSpy changed(stack_.get(), &ChartStack::paneCollapsedChanged);

    QTest::mouseDClick(signal->legendStrip(), Qt::LeftButton, {},
                       title_point(signal->legendStrip()));
    QVERIFY(stack_->paneCollapsed(QStringLiteral("signals")));
    QVERIFY(signal->titleOnly());
    QCOMPARE(signal->height(), signal->titleOnlyHeight());
    QVERIFY(price->height() > price_before);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toString(), QStringLiteral("signals"));
    QCOMPARE(changed.first().at(1).toBool(), true);
    // Folded, its legend still follows the crosshair.
    stack_->setCrosshairBar(4000);
    QVERIFY(stack_->legendText().contains(QStringLiteral("Average ") +
                                          formatAverage(data_->result->average[4000])));
    // Collapsed stays collapsed at another size.
    stack_->resize(1400, 1000);
    QCoreApplication::processEvents();
    QVERIFY(signal->titleOnly());
    stack_->resize(1400, 900);

    QTest::mouseDClick(signal->legendStrip(), Qt::LeftButton, {},
                       title_point(signal->legendStrip()));
    QVERIFY(!stack_->paneCollapsed(QStringLiteral("signals")));
    QVERIFY(!signal->titleOnly());
    QVERIFY(signal->chart()->plotArea().height() >= ChartPane::kMinPlotHeight);
    QCOMPARE(changed.count(), 2);

    // Past the title: the chart's double-click, which resets the zoom.
    const auto initial = stack_->visibleRange();
    stack_->zoomIn();
    const LegendStrip* strip = signal->legendStrip();
    QTest::mouseDClick(signal->legendStrip(), Qt::LeftButton, {},
                       QPoint(strip->width() - 4, strip->height() / 2));
    QCOMPARE(stack_->visibleRange(), initial);
    QVERIFY(!signal->titleOnly());

    // The API (for the session) does what the double-click does.
    stack_->setPaneCollapsed(QStringLiteral("equity"), true);
    QVERIFY(stack_->pane(QStringLiteral("equity"))->titleOnly());
    stack_->setPaneCollapsed(QStringLiteral("equity"), false);
    QVERIFY(!stack_->pane(QStringLiteral("equity"))->titleOnly());
    stack_->setCrosshairBar(-1);
}

// However short the stack, no plot is squeezed below the minimum: what does not
// fit is folded to its title, the price last. A folded pane's title asks for room.
void TestCharts::panes_keep_a_readable_plot() {
    ChartStack stack;
    QVERIFY(show_stack(stack, {900, 400}));
    stack.setData(data_);
    stack.setCalibrationVisible(true);
    QCoreApplication::processEvents();
    expect_readable_panes(stack);
    ChartPane* price = stack.pane(QStringLiteral("price"));
    QVERIFY(!price->titleOnly());
    std::vector<ChartPane*> folded;
    for (const QString& name : ChartStack::paneNames()) {
        if (stack.pane(name)->titleOnly())
            folded.push_back(stack.pane(name));
    }
    QVERIFY(!folded.empty());  // 400 px do not hold four plots
    // The stack asks the window for no more than the price's plot and the titles.
    QVERIFY(stack.minimumSizeHint().height() <= 400);

    // A folded pane's title: it gets a plot, a less important pane folds instead.
    ChartPane* wanted = folded.back();
    QTest::mouseDClick(wanted->legendStrip(), Qt::LeftButton, {},
                       title_point(wanted->legendStrip()));
    QVERIFY(!wanted->titleOnly());
    QVERIFY(!price->titleOnly());
    expect_readable_panes(stack);
    QVERIFY(!stack.paneCollapsed(wanted->objectName()));

    // Tall enough, every pane has its plot, the calibration view included.
    stack.resize(900, 900);
    QCoreApplication::processEvents();
    for (const QString& name : ChartStack::paneNames())
        QVERIFY2(!stack.pane(name)->titleOnly(), qPrintable(name));
    expect_readable_panes(stack);
    // The dates go under the lowest pane with a plot.
    QVERIFY(stack.pane(QStringLiteral("equity"))->timeLabelsVisible());
    stack.setPaneCollapsed(QStringLiteral("equity"), true);
    QVERIFY(stack.pane(QStringLiteral("signals"))->timeLabelsVisible());
    QVERIFY(!stack.pane(QStringLiteral("equity"))->timeLabelsVisible());
}

// Billions read "4.00B" on the axis and in the crosshair's tag, thousands are
// grouped; the legend groups the full price.
void TestCharts::axis_shortens_large_numbers() {
    ChartStack stack;
    QVERIFY(show_stack(stack, {1000, 700}));
    const PriceSeries big = random_walk(4e9, 0.004, 2);
    stack.setData(make_symbol(QStringLiteral("BIG"), big, AtcParams{}));
    QCoreApplication::processEvents();
    ChartPane* price = stack.pane(QStringLiteral("price"));
    const QStringList labels = price->valueAxisLabels();
    QVERIFY(labels.size() >= 2);
    const QRegularExpression billions(QStringLiteral("^\\d\\.\\d{2,}B$"));
    for (const QString& label : labels)
        QVERIFY2(billions.match(label).hasMatch(), qPrintable(labels.join(u' ')));
    // The axis column holds the widest label.
    const QFontMetricsF fm(price->axisFont());
    double widest = 0.0;
    for (const QString& label : labels)
        widest = std::max(widest, fm.horizontalAdvance(label));
    QVERIFY(price->chart()->plotArea().right() + ValueAxisItem::kLabelGap + widest <=
            price->viewport()->width());
    QVERIFY(stack.legendText().contains(
        QRegularExpression(QStringLiteral("C \\d,\\d{3},\\d{3},\\d{3}\\.\\d{2}"))));
    // The crosshair's tag: the axis's scale, one decimal finer.
    const QRectF plot = price->chart()->plotArea();
    hover(price->viewport(), plot.center().toPoint());
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\.\\d{3,}B$"))
                 .match(price->crosshairValueTag())
                 .hasMatch(),
             qPrintable(price->crosshairValueTag()));

    // Below a million: grouped digits.
    stack.setData(make_symbol(QStringLiteral("MID"), random_walk(12345.0, 0.004, 2), AtcParams{}));
    QCoreApplication::processEvents();
    for (const QString& label : price->valueAxisLabels())
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{1,2},\\d{3}(\\.\\d+)?$"))
                     .match(label)
                     .hasMatch(),
                 qPrintable(label));
}

// A coin at 0.000123: the legend, the axis and the crosshair tag keep its
// significant digits instead of rounding them away.
void TestCharts::small_prices_keep_significant_digits() {
    ChartStack stack;
    QVERIFY(show_stack(stack, {1000, 700}));
    const PriceSeries coin = random_walk(0.000123, 0.01, 8);
    stack.setData(make_symbol(QStringLiteral("COIN"), coin, AtcParams{}));
    QCoreApplication::processEvents();
    const double last = coin.close.back();
    QVERIFY2(stack.legendText().contains(QStringLiteral("C ") + QString::number(last, 'f', 8)),
             qPrintable(stack.legendText()));
    ChartPane* price = stack.pane(QStringLiteral("price"));
    const QStringList labels = price->valueAxisLabels();
    QVERIFY(labels.size() >= 2);
    for (const QString& label : labels) {
        QVERIFY2(label.startsWith(QStringLiteral("0.000")) && significant_digits(label) >= 2 &&
                     label.size() == labels.front().size(),
                 qPrintable(labels.join(u' ')));
    }
    QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
    const QRectF plot = price->chart()->plotArea();
    hover(price->viewport(), plot.center().toPoint());
    const QString tag = price->crosshairValueTag();
    QVERIFY2(tag.startsWith(QStringLiteral("0.000")) && significant_digits(tag) >= 4,
             qPrintable(tag));
}

// Milliseconds of `step` (and the repaint it causes), median and worst of `runs`.
template <class Step>
std::pair<double, double> time_ms(int runs, Step step) {
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < runs; ++i) {
        t.start();
        step(i);
        QCoreApplication::processEvents();
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}

void TestCharts::set_data_timing() {
    // Alternating symbols, so that every call is a full new symbol (no range kept).
    auto other = make_symbol(QStringLiteral("TTRC2"), ttrc_, AtcParams{});
    stack_->setCandles(true);
    QCoreApplication::processEvents();
    // The call alone (what the GUI thread is blocked for before the next event)...
    std::vector<double> call_ms;
    QElapsedTimer t;
    const auto set_data = time_ms(9, [&](int i) {
        t.start();
        stack_->setData(i % 2 == 0 ? other : data_);
        call_ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    });
    std::sort(call_ms.begin(), call_ms.end());
    // ...and with the repaint of all panes that follows it.
    qInfo(
        "setData, %zu bars: the call median %.1f ms, worst %.1f ms; with the repaint median "
        "%.1f ms, worst %.1f ms",
        ttrc_.close.size(), call_ms[call_ms.size() / 2], call_ms.back(), set_data.first,
        set_data.second);
    stack_->setData(data_);
    QCoreApplication::processEvents();

    // Navigation and hover at the initial zoom, and zoomed out to 4,400 bars.
    const auto report = [this](const char* what) {
        const auto pan = time_ms(10, [this](int i) { stack_->panBars(i % 2 == 0 ? -25 : 20); });
        const auto hover = time_ms(10, [this](int i) { stack_->setCrosshairBar(5000 + 7 * i); });
        qInfo(
            "%s: pan step median %.1f / worst %.1f ms; crosshair move median %.1f / worst %.1f ms",
            what, pan.first, pan.second, hover.first, hover.second);
    };
    stack_->resetZoom();
    report("500 bars shown");
    stack_->setVisibleRange(-0.5, 5549.5);
    stack_->zoomIn();
    report("4,400 bars shown");
    stack_->resetZoom();
    stack_->setCrosshairBar(-1);
}

void TestCharts::thinning_stays_within_half_a_pixel() {
    // A random walk's envelope at several scales: every bar of it within the
    // tolerance of the thinned line, and fewer points the coarser the scale.
    const std::vector<double> walk = random_walk(100.0, 0.002, 2, 20000).close;
    const std::vector<std::size_t> envelope = plain_envelope(walk, 0, walk.size() - 1, 40);
    std::size_t previous = envelope.size() + 1;
    for (double px_per_value : {50.0, 5.0, 0.5, 0.05}) {
        std::vector<std::size_t> kept;
        thinLine(walk, envelope, px_per_value, kThinningTolerancePx, kept);
        expect_thinned_envelope(points_of(walk, kept), walk, envelope, px_per_value);
        QVERIFY(kept.size() < previous);
        previous = kept.size();
    }
    QVERIFY(previous < 20);  // the whole walk spans two pixels there

    // A straight line needs its two ends; a bump of one pixel stays, one of
    // less than half a pixel goes.
    std::vector<double> line(100);
    std::vector<std::size_t> all(100);
    for (std::size_t i = 0; i < 100; ++i) {
        line[i] = 2.0 * static_cast<double>(i);
        all[i] = i;
    }
    std::vector<std::size_t> kept;
    thinLine(line, all, 1.0, kThinningTolerancePx, kept);
    QCOMPARE(kept, (std::vector<std::size_t>{0, 99}));
    line[40] += 1.0;  // one pixel at one pixel per unit
    line[70] += 0.4;
    kept.clear();
    thinLine(line, all, 1.0, kThinningTolerancePx, kept);
    QVERIFY(std::find(kept.begin(), kept.end(), 40) != kept.end());
    QVERIFY(std::find(kept.begin(), kept.end(), 70) == kept.end());
    expect_thinned_envelope(points_of(line, kept), line, all, 1.0);

    // A gap breaks the line: the NaN and its neighbours stay.
    line[50] = std::nan("");
    kept.clear();
    thinLine(line, all, 1.0, kThinningTolerancePx, kept);
    for (std::size_t i : {49, 50, 51})
        QVERIFY(std::find(kept.begin(), kept.end(), i) != kept.end());

    // A colour change stays where it is: the last bar of each run is kept.
    std::vector<double> flat(10, 1.0);
    const std::vector<std::int8_t> states{0, 0, 0, 1, 1, 1, 1, -1, -1, -1};
    std::vector<std::size_t> ten{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    kept.clear();
    thinLine(flat, ten, 1.0, kThinningTolerancePx, kept, states);
    QCOMPARE(kept, (std::vector<std::size_t>{0, 2, 6, 9}));

    // No scale yet (before a layout): nothing is dropped.
    kept.clear();
    thinLine(flat, ten, 0.0, kThinningTolerancePx, kept);
    QCOMPARE(kept, ten);
}

void TestCharts::envelope_matches_plain_computation() {
    // A noisy walk with undefined warm-up bars, a lone spike each way and flat stretches.
    std::vector<double> values = random_walk(100.0, 0.01, 2, 5000).close;
    std::fill(values.begin(), values.begin() + 37, std::nan(""));
    values[1234] = 1000.0;
    values[2345] = -1000.0;
    std::fill(values.begin() + 3000, values.begin() + 3400, 42.0);
    std::vector<std::size_t> got;
    for (std::size_t per_bucket : {1, 2, 3, 7, 64, 1000, 6000}) {
        for (const auto& [first, last] :
             {std::pair<std::size_t, std::size_t>{0, 4999}, {30, 40}, {1200, 2400}, {4990, 4999}}) {
            const std::vector<std::size_t> want = plain_envelope(values, first, last, per_bucket);
            // Bar by bar, and from the pyramid's blocks: the same bars.
            std::vector<std::size_t> indexed;
            appendEnvelope(MinMaxPyramid(values), first, last, per_bucket, indexed);
            QCOMPARE(indexed, want);
            got.clear();
            appendEnvelope(MinMaxPyramid::unindexed(values), first, last, per_bucket, got);
            QCOMPARE(got, want);
            // At most four bars per bucket: first, lowest, highest, last.
            const std::size_t buckets = last / per_bucket - first / per_bucket + 1;
            QVERIFY(got.size() <= 4 * buckets);
            // The spikes are never lost.
            for (std::size_t spike : {std::size_t{1234}, std::size_t{2345}}) {
                if (spike >= first && spike <= last)
                    QVERIFY(std::find(got.begin(), got.end(), spike) != got.end());
            }
        }
    }
    // Two pixels per bucket, and only once the bars are denser than two per pixel.
    QCOMPARE(barsPerBucket(1000.0, 1000.0, kLineBucketPx), std::size_t{1});
    QCOMPARE(barsPerBucket(2000.0, 1000.0, kLineBucketPx), std::size_t{1});
    QCOMPARE(barsPerBucket(100000.0, 1000.0, kLineBucketPx), std::size_t{200});
}

void TestCharts::candles_merge_and_markers_thin() {
    const PriceSeries bars = random_walk(50.0, 0.02, 3, 1000);
    std::vector<OhlcBucket> buckets;
    const MinMaxPyramid highs(bars.high), lows(bars.low);
    appendOhlcBuckets(bars.open, highs, lows, bars.close, 95, 904, 10, buckets);
    // Buckets [95, 99], [100, 109], ..., [900, 904]: aligned to bar 0, cut at the ends.
    QCOMPARE(buckets.size(), std::size_t{82});
    for (const OhlcBucket& c : buckets) {
        const std::size_t end = std::min<std::size_t>(904, (c.bar / 10 + 1) * 10 - 1);
        QCOMPARE(c.open, bars.open[c.bar]);
        QCOMPARE(c.close, bars.close[end]);
        QCOMPARE(c.high, *std::max_element(bars.high.begin() + c.bar, bars.high.begin() + end + 1));
        QCOMPARE(c.low, *std::min_element(bars.low.begin() + c.bar, bars.low.begin() + end + 1));
    }
    buckets.clear();
    appendOhlcBuckets(bars.open, highs, lows, bars.close, 0, 9, 1, buckets);
    QCOMPARE(buckets.size(), std::size_t{10});  // one per bar when bars are wide

    // Markers on bars 3, 5, 8, 12, 13, 19, 40: buckets of 10 keep the newest of each.
    std::vector<EntryMarker> markers;
    for (std::size_t bar : {3, 5, 8, 12, 13, 19, 40})
        markers.push_back({bar, Direction::Long, 0.5});
    std::vector<std::size_t> kept;
    appendNewestMarkers(markers, 0, 100, 10, kept);
    QCOMPARE(kept, (std::vector<std::size_t>{2, 5, 6}));
    kept.clear();
    appendNewestMarkers(markers, 4, 15, 10, kept);  // only the markers shown count
    QCOMPARE(kept, (std::vector<std::size_t>{2, 4}));
    kept.clear();
    appendNewestMarkers(markers, 0, 100, 1, kept);  // wide bars: every marker
    QCOMPARE(kept.size(), markers.size());
}

// The first bar of the lowest and of the highest defined value of [first, last],
// plainly; npos when none.
std::pair<std::size_t, std::size_t> plain_extremes(const std::vector<double>& v, std::size_t first,
                                                   std::size_t last) {
    std::size_t lo = MinMaxPyramid::kNone, hi = MinMaxPyramid::kNone;
    for (std::size_t i = first; i <= last; ++i) {
        if (!std::isfinite(v[i]))
            continue;
        if (lo == MinMaxPyramid::kNone || v[i] < v[lo])
            lo = i;
        if (hi == MinMaxPyramid::kNone || v[i] > v[hi])
            hi = i;
    }
    return {lo, hi};
}

void TestCharts::pyramid_matches_brute_force() {
    // 270,000 values: runs, blocks of 64, of 4,096 and one of 262,144 bars. A
    // walk with ties (a flat stretch, equal spikes), an undefined warm-up that
    // covers whole runs and blocks, NaN gaps and an infinity inside, and spikes
    // on both sides of run and block edges.
    constexpr std::size_t n = 270000;
    std::vector<double> v(n);
    std::mt19937 rng(20);
    std::normal_distribution<double> step(0.0, 1.0);
    double x = 1000.0;
    for (double& e : v) {
        x += step(rng);
        e = std::round(x * 4.0) / 4.0;  // quarter steps: many equal values
    }
    std::fill(v.begin(), v.begin() + 1000, std::nan(""));
    std::fill(v.begin() + 8100, v.begin() + 8500, std::nan(""));
    std::fill(v.begin() + 20000, v.begin() + 21000, 1000.25);
    v[30001] = std::nan("");
    v[30002] = std::numeric_limits<double>::infinity();
    v[30003] = -std::numeric_limits<double>::infinity();
    double spike = 5000.0;
    for (std::size_t edge :
         {std::size_t{1023}, std::size_t{1024}, std::size_t{4095}, std::size_t{4096},
          std::size_t{12287}, std::size_t{12288}, std::size_t{16383}, std::size_t{16400},
          std::size_t{262143}, std::size_t{262144}}) {
        v[edge] = spike;
        v[edge + 2] = -spike;
        spike += 10.0;
    }
    v[100000] = v[200000] = 1e6;  // equal highs: the first wins
    v[150000] = v[250000] = -1e6;
    const MinMaxPyramid indexed(v);
    QCOMPARE(indexed.levelCount(), std::size_t{3});
    const MinMaxPyramid plain = MinMaxPyramid::unindexed(v);
    QCOMPARE(plain.levelCount(), std::size_t{0});

    std::vector<std::pair<std::size_t, std::size_t>> ranges{
        {0, n - 1},     {0, 999},         {0, 1000},      {999, 1000},     {1000, 1000},
        {8100, 8499},   {8099, 8500},     {63, 64},       {1023, 1025},    {4095, 4096},
        {64, 4095},     {4096, 8191},     {16, 31},       {15, 16},        {30000, 30005},
        {30002, 30003}, {262143, 262146}, {0, 262143},    {99999, 250001}, {20000, 20999},
        {20001, 21000}, {n - 1, n - 1},   {n - 70, n + 5}};
    std::uniform_int_distribution<std::size_t> any_bar(0, n - 1);
    std::uniform_int_distribution<std::size_t> short_span(0, 5000);
    for (int k = 0; k < 60; ++k) {
        const std::size_t a = any_bar(rng);
        ranges.push_back({a, std::min(n - 1, a + (k % 2 == 0 ? short_span(rng) : any_bar(rng)))});
    }
    for (const auto& [first, last] : ranges) {
        const std::size_t end = std::min(last, n - 1);
        const auto [lo, hi] = plain_extremes(v, first, end);
        for (const MinMaxPyramid* p : {&indexed, &plain}) {
            const MinMaxPyramid::Extremes e = p->extremes(first, last);
            QCOMPARE(e.low, lo);
            QCOMPARE(e.high, hi);
            std::size_t head = MinMaxPyramid::kNone, tail = MinMaxPyramid::kNone;
            for (std::size_t i = first; i <= end; ++i) {
                if (std::isfinite(v[i])) {
                    if (head == MinMaxPyramid::kNone)
                        head = i;
                    tail = i;
                }
            }
            QCOMPARE(p->firstDefined(first, last), head);
            QCOMPARE(p->lastDefined(first, last), tail);
            std::pair<double, double> range{std::numeric_limits<double>::infinity(),
                                            -std::numeric_limits<double>::infinity()};
            p->widenRange(range, first, last);
            if (lo != MinMaxPyramid::kNone) {
                QCOMPARE(range.first, v[lo]);
                QCOMPARE(range.second, v[hi]);
            } else {
                QVERIFY(range.first > range.second);  // nothing defined: untouched
            }
        }
    }

    // Kept from frame to frame: panned both ways, zoomed, panned again, the
    // kept envelope is always the one computed afresh.
    KeptEnvelope kept;
    std::vector<std::size_t> scratch;
    std::size_t from = 500, span = 40000, bucket = 134;
    for (int frame = 0; frame < 40; ++frame) {
        if (frame == 20) {
            span = 250000;  // a zoom step: new buckets
            bucket = 1333;
        }
        from = std::min(n - 1 - span,
                        from + (frame % 7 == 3 ? 0 : 1) * (frame % 5 == 0 ? 9999 : 3777));
        if (frame % 9 == 8)
            from = from > 20000 ? from - 20000 : 0;  // back
        updateEnvelope(indexed, from, from + span, bucket, kept, scratch);
        QCOMPARE(kept.picks, plain_envelope(v, from, from + span, bucket));
    }

    // The envelope of a line and merged candles from the pyramid, at the
    // densities of a zoomed-out chart, over ranges that start and end off the
    // bucket and block edges.
    for (std::size_t per_bucket : {2, 15, 64, 134, 1333, 4097, 100000}) {
        for (const auto& [first, last] : {std::pair<std::size_t, std::size_t>{0, n - 1},
                                          {37, 200011},
                                          {8000, 8600},
                                          {261999, n - 2}}) {
            std::vector<std::size_t> got;
            appendEnvelope(indexed, first, last, per_bucket, got);
            QCOMPARE(got, plain_envelope(v, first, last, per_bucket));
        }
    }
    std::vector<double> open(v), close(v), low(v), high(v);
    for (std::size_t i = 0; i < n; ++i) {
        low[i] = std::isfinite(v[i]) ? v[i] - 0.5 * static_cast<double>(i % 3) : 1.0;
        high[i] = std::isfinite(v[i]) ? v[i] + 0.25 * static_cast<double>(i % 5) : 2.0;
    }
    std::vector<OhlcBucket> merged;
    appendOhlcBuckets(open, MinMaxPyramid(high), MinMaxPyramid(low), close, 1234, 265432, 1333,
                      merged);
    QCOMPARE(merged.size(), std::size_t{265432 / 1333 - 1234 / 1333 + 1});
    for (const OhlcBucket& c : merged) {
        const std::size_t end = std::min<std::size_t>(265432, (c.bar / 1333 + 1) * 1333 - 1);
        QCOMPARE(c.open, open[c.bar]);
        QCOMPARE(c.close, close[end]);
        QCOMPARE(c.high, *std::max_element(high.begin() + c.bar, high.begin() + end + 1));
        QCOMPARE(c.low, *std::min_element(low.begin() + c.bar, low.begin() + end + 1));
    }
}

void TestCharts::pyramid_builds_in_the_background() {
    // A long series gets its pyramid from the builder thread; until then (and
    // a short series always) queries scan the bars, with the same answers.
    auto values = std::make_shared<std::vector<double>>(random_walk(100.0, 0.01, 2, 100000).close);
    const IndexedSeries series(values, *values);
    const std::size_t low = MinMaxPyramid::unindexed(*values).extremes(10, 99990).low;
    QCOMPARE(series.pyramid().extremes(10, 99990).low, low);
    QTRY_VERIFY(series.pyramid().levelCount() > 0);
    QCOMPARE(series.pyramid().extremes(10, 99990).low, low);
    const IndexedSeries short_series(values, std::span<const double>(*values).first(5000));
    QTest::qWait(50);
    QCOMPARE(short_series.pyramid().levelCount(), std::size_t{0});
}

void TestCharts::long_series_stay_lines() {
    // 100,000 bars with one spike up and one down: zoomed out to everything, the
    // Qt Charts lines (an equity curve, the Average) are envelopes of about two
    // points per pixel column, and they come back to every bar when zoomed in
    // again. (Our own line items thin with the same code: thinning_stays_within_half_a_pixel.)
    PriceSeries bars = random_walk(100.0, 0.002, 2, 100000);
    bars.close[54321] = bars.high[54321] = 1000.0;
    bars.close[77777] = bars.low[77777] = 1.0;
    const auto data = make_symbol(QStringLiteral("LONG"), bars, AtcParams{});
    ChartStack stack;
    QVERIFY(show_stack(stack, QSize(1400, 900)));
    stack.setData(data);
    stack.setCandles(false);  // the close line
    stack.setVisibleRange(-0.5, 99999.5);
    QCoreApplication::processEvents();
    QVERIFY(stack.closeLineShown());
    expect_same_values(stack.plottedClose(), bars.close);
    const double width = stack.pane(QStringLiteral("equity"))->plotWidth();
    const auto all = stack.visibleRange();
    const std::size_t per_bucket = barsPerBucket(all.second - all.first, width, kLineBucketPx);
    const std::vector<double>& ema_equity = data->result->family(MaType::EMA).weight_equity;
    QLineSeries* equity = series_named(stack.equityChart(), QStringLiteral("EMA_S"));
    const double equity_px = stack.pane(QStringLiteral("equity"))->pixelsPerValue();
    expect_series_equals(equity, ema_equity, all, per_bucket, equity_px);
    // A line, not specks: within half a pixel of every bar of the envelope, no
    // more than about two points per pixel column, and fewer than the envelope.
    QVERIFY(equity->isVisible());
    QVERIFY(equity->count() >= 2 && equity->count() <= 2 * width + 8);
    QVERIFY(static_cast<std::size_t>(equity->count()) <
            plain_envelope(ema_equity, 0, ema_equity.size() - 1, per_bucket).size());
    QLineSeries* average = series_named(stack.signalChart(), QStringLiteral("Average_Signal"));
    expect_series_equals(average, data->result->average, all, per_bucket,
                         stack.pane(QStringLiteral("signals"))->pixelsPerValue());
    QVERIFY(average->count() <= 2 * width + 8);
    for (MaType t : kAllFamilies)
        expect_same_values(stack.plottedSignal(t), data->result->family(t).signal);
    // Zoomed in, every bar again, and as many points as before the zoom-out.
    stack.resetZoom();
    const auto shown = stack.visibleRange();
    expect_series_equals(equity, ema_equity, shown);
    const qsizetype zoomed_in = equity->count();
    stack.setVisibleRange(-0.5, 99999.5);
    stack.resetZoom();
    QCOMPARE(equity->count(), zoomed_in);
}

void TestCharts::showcase() {
    // Shows the stack for a while when ATC_CHARTS_SHOW_MS is set, so that a
    // screenshot can be taken under Xvfb; ATC_CHARTS_GRAB saves a grab() as well.
    // ATC_CHARTS_MEASURE=price shows a measurement on that pane.
    stack_->setCandles(true);
    stack_->setCalibrationVisible(qEnvironmentVariableIsSet("ATC_CHARTS_CALIBRATION"));
    if (qEnvironmentVariableIsSet("ATC_CHARTS_LIGHT"))
        stack_->setTheme(lightTheme());
    if (qEnvironmentVariableIsSet("ATC_CHARTS_EQUITY_EMA"))
        stack_->setEquityFamily(MaType::EMA);
    stack_->resize(1560, 960);
    stack_->move(20, 20);
    stack_->resetZoom();
    for (int i = qEnvironmentVariableIntValue("ATC_CHARTS_ZOOM"); i != 0; i += i > 0 ? -1 : 1)
        i > 0 ? stack_->zoomIn() : stack_->zoomOut();
    stack_->setCrosshairBar(5400);
    QCoreApplication::processEvents();
    if (qEnvironmentVariableIsSet("ATC_CHARTS_HOVER")) {
        // As a mouse over the price pane: crosshair with its value and date tags.
        QChartView* price = nullptr;
        for (auto* view : stack_->findChildren<QChartView*>()) {
            if (view->chart() == stack_->priceChart())
                price = view;
        }
        QTest::mouseMove(price->viewport(),
                         QPoint(price->width() * 7 / 10, price->height() * 2 / 5));
        QCoreApplication::processEvents();
    }
    const QString measure_pane = qEnvironmentVariable("ATC_CHARTS_MEASURE");
    if (!measure_pane.isEmpty()) {
        // A Shift+drag on that pane ("price", "signals", "equity"), up and to the right.
        ChartPane* pane = stack_->pane(measure_pane);
        drag(pane->viewport(), plot_point(*pane, 0.45, 0.75), plot_point(*pane, 0.75, 0.3),
             Qt::ShiftModifier);
        QCoreApplication::processEvents();
    }
    const int ms = qEnvironmentVariableIntValue("ATC_CHARTS_SHOW_MS");
    if (ms > 0)
        QTest::qWait(ms);
    const QString grab = qEnvironmentVariable("ATC_CHARTS_GRAB");
    if (!grab.isEmpty())
        QVERIFY(stack_->grab().save(grab));
}

QTEST_MAIN(TestCharts)
#include "test_charts.moc"
