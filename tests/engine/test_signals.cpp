// SPDX-License-Identifier: GPL-3.0-or-later
// The stages after the moving averages, on hand-made series whose answers can
// be worked out on paper.
#include <QtTest>
#include <cmath>
#include <numeric>
#include <vector>

#include "atc/alerts.hpp"
#include "atc/compute.hpp"
#include "atc/performance.hpp"
#include "atc/price_csv.hpp"
#include "atc/signals.hpp"
#include "atc/sweep.hpp"
#include "direct_moving_averages.hpp"

using namespace atc;
using atc::test::kNaN;

namespace {

constexpr std::int64_t kJan1st2024 = 1'704'067'200'000;  // 2024-01-01 00:00 UTC

std::vector<std::int64_t> daily_times(std::size_t n, std::int64_t from = kJan1st2024) {
    std::vector<std::int64_t> t(n);
    for (std::size_t i = 0; i < n; ++i)
        t[i] = from + static_cast<std::int64_t>(i) * 86'400'000;
    return t;
}

bool close_to(double a, double b, double tolerance = 1e-12) {
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= tolerance * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

// ATC_SPEC "Signal performance" written out the plain way, one definition at
// a time, to check the engine's single pass against.
PerformanceFigures plain_performance(const std::vector<double>& c,
                                     const std::vector<std::int64_t>& time,
                                     const std::vector<double>& a, double lt, double st,
                                     bool long_only, double cost_bps) {
    std::size_t t0 = 0;
    while (std::isnan(a[t0]))
        ++t0;
    const std::size_t T = c.size() - 1;
    const double fee = cost_bps / 10000.0;
    std::vector<int> p(c.size(), 0);
    std::vector<double> r, bh;
    for (std::size_t t = t0 + 1; t <= T; ++t) {
        int position = 0;
        if (a[t - 1] > lt)
            position = 1;
        else if (a[t - 1] < st)
            position = -1;
        if (long_only)
            position = std::max(position, 0);
        p[t] = position;
        r.push_back(p[t] * (c[t] / c[t - 1] - 1.0) - fee * std::abs(p[t] - p[t - 1]));
        bh.push_back(c[t] / c[t - 1] - 1.0);
    }
    const auto equity_of = [](const std::vector<double>& returns) {
        std::vector<double> e{1.0};
        for (double x : returns)
            e.push_back(e.back() * (1.0 + x));
        return e;
    };
    const auto drawdown_of = [](const std::vector<double>& e) {
        double worst = 0.0;
        for (std::size_t t = 0; t < e.size(); ++t) {
            const double peak = *std::max_element(e.begin(), e.begin() + t + 1);
            worst = std::max(worst, 1.0 - e[t] / peak);
        }
        return worst;
    };
    const double years = static_cast<double>(time[T] - time[t0]) / (365.25 * 86'400'000.0);
    const double bars = static_cast<double>(T - t0);
    const double ppy = bars / years;
    const auto sharpe_of = [&](const std::vector<double>& x) {
        const double size = static_cast<double>(x.size());
        const double mean = std::accumulate(x.begin(), x.end(), 0.0) / size;
        double var = 0.0;
        for (double v : x)
            var += (v - mean) * (v - mean);
        return mean / std::sqrt(var / (size - 1.0)) * std::sqrt(ppy);
    };
    PerformanceFigures f;
    const std::vector<double> e = equity_of(r);
    f.total_return = e.back() - 1.0;
    f.cagr = std::pow(1.0 + f.total_return, 1.0 / years) - 1.0;
    f.sharpe = sharpe_of(r);
    double down = 0.0;
    for (double v : r)
        down += std::min(v, 0.0) * std::min(v, 0.0);
    const double n = static_cast<double>(r.size());
    f.sortino = std::accumulate(r.begin(), r.end(), 0.0) / n / std::sqrt(down / n) * std::sqrt(ppy);
    f.max_drawdown = drawdown_of(e);
    f.time_in_market =
        static_cast<double>(std::count_if(p.begin() + static_cast<std::ptrdiff_t>(t0) + 1, p.end(),
                                          [](int v) { return v != 0; })) /
        bars;
    std::vector<double> trade_returns;
    std::vector<std::size_t> trade_bars;
    for (std::size_t t = t0 + 1; t <= T; ++t) {
        if (p[t] == 0)
            continue;
        if (t == t0 + 1 || p[t] != p[t - 1]) {
            trade_returns.push_back(1.0);
            trade_bars.push_back(0);
        }
        trade_returns.back() *= 1.0 + r[t - t0 - 1];
        ++trade_bars.back();
    }
    f.trades = trade_returns.size();
    const double trades = static_cast<double>(f.trades);
    double wins = 0, win_sum = 0, loss_sum = 0;
    for (double& g : trade_returns) {
        g -= 1.0;
        (g > 0.0 ? win_sum : loss_sum) += g;
        wins += g > 0.0 ? 1 : 0;
    }
    f.win_rate = trades > 0 ? wins / trades : 0.0;
    f.avg_win = wins > 0 ? win_sum / wins : 0.0;
    f.avg_loss = trades - wins > 0 ? loss_sum / (trades - wins) : 0.0;
    f.longest_trade =
        trade_bars.empty() ? 0 : *std::max_element(trade_bars.begin(), trade_bars.end());
    f.buy_and_hold_return = c[T] / c[t0] - 1.0;
    f.buy_and_hold_cagr = std::pow(1.0 + f.buy_and_hold_return, 1.0 / years) - 1.0;
    f.buy_and_hold_sharpe = sharpe_of(bh);
    f.buy_and_hold_max_drawdown = drawdown_of(equity_of(bh));
    return f;
}

#define EXPECT_FIGURE(got, want, field)                      \
    QVERIFY2(close_to((got).field, (want).field, tolerance), \
             qPrintable(QStringLiteral(#field ": %1 vs %2")  \
                            .arg((got).field, 0, 'g', 17)    \
                            .arg((want).field, 0, 'g', 17)))

// Within `tolerance` relative (0: bit for bit, NaN where the other is NaN).
void expect_same_figures(const PerformanceFigures& got, const PerformanceFigures& want,
                         double tolerance = 1e-12) {
    EXPECT_FIGURE(got, want, total_return);
    EXPECT_FIGURE(got, want, cagr);
    EXPECT_FIGURE(got, want, sharpe);
    EXPECT_FIGURE(got, want, sortino);
    EXPECT_FIGURE(got, want, max_drawdown);
    EXPECT_FIGURE(got, want, time_in_market);
    QCOMPARE(got.trades, want.trades);
    EXPECT_FIGURE(got, want, win_rate);
    EXPECT_FIGURE(got, want, avg_win);
    EXPECT_FIGURE(got, want, avg_loss);
    QCOMPARE(got.longest_trade, want.longest_trade);
    EXPECT_FIGURE(got, want, buy_and_hold_return);
    EXPECT_FIGURE(got, want, buy_and_hold_cagr);
    EXPECT_FIGURE(got, want, buy_and_hold_sharpe);
    EXPECT_FIGURE(got, want, buy_and_hold_max_drawdown);
}

}  // namespace

class TestSignals : public QObject {
    Q_OBJECT

private slots:
    // ATC_SPEC "Signal performance" on a series worked out on paper: long over
    // bars 2-3 (-10 %, then flat), short over bar 4 (the price rises 10 %),
    // flat on bar 5 (it falls 10 %).
    void performanceWorkedByHand() {
        const std::vector<double> c = {100, 110, 99, 99, 108.9, 98.01};
        const std::vector<double> a = {kNaN, 0.5, 0.5, -0.5, 0.0, 0.5};
        const std::vector<std::int64_t> t = daily_times(c.size());
        const auto perf = compute_performance(c, t, a, 0.1, -0.1);
        QVERIFY(perf);
        QCOMPARE(perf->first_bar, std::size_t{1});
        QCOMPARE(perf->position, (std::vector<std::int8_t>{0, 0, 1, 1, -1, 0}));
        const std::vector<double> equity = {kNaN, 1.0, 0.9, 0.9, 0.81, 0.81};
        for (std::size_t i = 1; i < c.size(); ++i)
            QVERIFY2(close_to(perf->equity[i], equity[i]), qPrintable(QString::number(i)));
        QVERIFY(std::isnan(perf->equity[0]));
        const PerformanceFigures& f = perf->figures;
        QVERIFY(close_to(f.total_return, -0.19));
        QVERIFY(close_to(f.max_drawdown, 0.19));
        QVERIFY(close_to(perf->drawdown[4], 0.19));
        QVERIFY(close_to(f.time_in_market, 0.75));
        QCOMPARE(f.trades, std::size_t{2});  // -10 % long, -10 % short
        QCOMPARE(f.win_rate, 0.0);
        QCOMPARE(f.avg_win, 0.0);
        QVERIFY(close_to(f.avg_loss, -0.1));
        QCOMPARE(f.longest_trade, std::size_t{2});
        const double years = 4.0 / 365.25;
        QVERIFY(close_to(f.cagr, std::pow(0.81, 1.0 / years) - 1.0));
        // r = -0.1, 0, -0.1, 0: mean -0.05, sample stdev sqrt(0.01 / 3), downside sqrt(0.005).
        QVERIFY(close_to(f.sharpe, -0.05 / std::sqrt(0.01 / 3.0) * std::sqrt(4.0 / years)));
        QVERIFY(close_to(f.sortino, -0.05 / std::sqrt(0.005) * std::sqrt(4.0 / years)));
        QVERIFY(close_to(f.buy_and_hold_return, 98.01 / 110.0 - 1.0));
        QVERIFY(close_to(f.buy_and_hold_max_drawdown, 1.0 - 98.01 / 110.0));
        QCOMPARE(perf->monthly.size(), std::size_t{1});
        QCOMPARE(perf->monthly[0].year, 2024);
        QCOMPARE(perf->monthly[0].month, 1);
        QVERIFY(close_to(perf->monthly[0].value, -0.19));

        // 10 bps per unit of change: entering costs it once, the flip twice, leaving once.
        const auto costly = compute_performance(c, t, a, 0.1, -0.1, {PositionMode::LongShort, 10});
        QVERIFY(close_to(costly->bar_return[2], -0.101));
        QVERIFY(close_to(costly->bar_return[4], -0.102));
        QVERIFY(close_to(costly->bar_return[5], -0.001));
        QVERIFY(close_to(costly->figures.total_return, 0.899 * 1.0 * 0.898 * 0.999 - 1.0));
        // Long only: the short bar is flat (leaving the long costs nothing here).
        const auto long_only = compute_performance(c, t, a, 0.1, -0.1, {PositionMode::LongOnly, 0});
        QCOMPARE(long_only->position, (std::vector<std::int8_t>{0, 0, 1, 1, 0, 0}));
        QVERIFY(close_to(long_only->figures.total_return, -0.1));
        QCOMPARE(long_only->figures.trades, std::size_t{1});
        // Without bar times: no years, so no CAGR, Sharpe, Sortino, monthly table.
        const auto untimed = compute_performance(c, {}, a, 0.1, -0.1);
        QVERIFY(std::isnan(untimed->figures.cagr) && std::isnan(untimed->figures.sharpe));
        QVERIFY(untimed->monthly.empty());
        QVERIFY(close_to(untimed->figures.total_return, -0.19));
        // An Average never defined, or defined only on the last bar: nothing to say.
        QVERIFY(!compute_performance(c, t, std::vector<double>(c.size(), kNaN), 0.1, -0.1));
    }

    // Monthly returns compound the bars whose close falls in each month.
    void performanceMonthlyReturns() {
        const std::vector<double> c = {100, 110, 121, 121, 108.9};
        const std::vector<double> a = {0.5, 0.5, 0.5, 0.5, 0.5};
        // 30, 31 January, 1, 2, 3 February 2024.
        const std::vector<std::int64_t> t = daily_times(c.size(), kJan1st2024 + 29 * 86'400'000LL);
        const auto perf = compute_performance(c, t, a, 0.1, -0.1);
        QCOMPARE(perf->monthly.size(), std::size_t{2});
        QCOMPARE(perf->monthly[0].month, 1);
        QVERIFY(close_to(perf->monthly[0].value, 0.1));  // 31 Jan: +10 %
        QCOMPARE(perf->monthly[1].month, 2);
        QVERIFY(close_to(perf->monthly[1].value, 1.1 * 1.0 * 0.9 - 1.0));
    }

    // On real data (TTRC, 5,550 daily bars), every figure equals the plain
    // implementation of the definitions, in both modes, with and without costs.
    void performanceMatchesThePlainDefinitions() {
        const PriceSeries bars = read_price_csv(ATC_SAMPLE_DIR "/TTRC.csv");
        const AtcResult result = compute_symbol(bars.close, AtcParams{});
        for (const bool long_only : {false, true}) {
            for (const double bps : {0.0, 7.5}) {
                const auto perf = compute_performance(
                    bars.close, bars.time_ms, result.average, 0.1, -0.1,
                    {long_only ? PositionMode::LongOnly : PositionMode::LongShort, bps});
                QVERIFY(perf);
                expect_same_figures(perf->figures,
                                    plain_performance(bars.close, bars.time_ms, result.average, 0.1,
                                                      -0.1, long_only, bps));
                if (QTest::currentTestFailed())
                    return;
                QVERIFY(perf->figures.trades > 10);
            }
        }
    }
    // Every cell of a two-parameter sweep is what the report computes for its
    // parameters: compute_symbol's Average, compute_performance's figures, to
    // the bit; so are the split's two parts over their bars.
    void sweepCellsEqualTheReportsFigures() {
        const PriceSeries bars = read_price_csv(ATC_SAMPLE_DIR "/TTRC.csv");
        SweepRequest request;
        request.close = bars.close;
        request.time_ms = bars.time_ms;
        request.axes = {parse_sweep_axis("La=0.01,0.05"), parse_sweep_axis("ema_len=10:30:10")};
        request.performance = {PositionMode::LongOnly, 5.0};
        request.split = 0.6;
        const SweepResult sweep = run_sweep(request);
        QCOMPARE(sweep.cells.size(), std::size_t{6});
        QCOMPARE(sweep.split_bar, std::optional<std::size_t>(std::llround(
                                      0.6 * static_cast<double>(bars.close.size() - 1))));
        const std::size_t s = *sweep.split_bar;
        const std::size_t n = bars.close.size();
        for (std::size_t i = 0; i < 2; ++i) {
            for (std::size_t j = 0; j < 3; ++j) {
                const SweepCell& cell = sweep.cell(i, j);
                AtcParams params;
                params.lambda = i == 0 ? 0.01 : 0.05;
                params.lengths[0] = 10 + 10 * static_cast<int>(j);
                QCOMPARE(cell.params, params);
                QCOMPARE(cell.values,
                         (std::vector<double>{params.lambda, 1.0 * params.lengths[0]}));
                QVERIFY(cell.ok() && cell.figures && cell.in_sample && cell.out_of_sample);
                const auto average = compute_symbol(bars.close, params).average;
                const auto over = [&](std::size_t begin, std::size_t end) {
                    const auto span = [&](const auto& v) {
                        return std::span(v).subspan(begin, end - begin);
                    };
                    return compute_performance(span(bars.close), span(bars.time_ms), span(average),
                                               0.1, -0.1, request.performance)
                        ->figures;
                };
                expect_same_figures(*cell.figures, over(0, n), 0.0);
                expect_same_figures(*cell.in_sample, over(0, s + 1), 0.0);
                expect_same_figures(*cell.out_of_sample, over(s, n), 0.0);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        // The cells differ: a sweep that ignored its axes would pass the rest.
        QVERIFY(sweep.cell(0, 0).figures->total_return != sweep.cell(1, 2).figures->total_return);
    }

    // Parameters a cell cannot run with are its error; the others go on.
    void sweepCellsWithRefusedParameters() {
        const PriceSeries bars = read_price_csv(ATC_SAMPLE_DIR "/TTRC.csv");
        SweepRequest request;
        request.close = bars.close;
        request.axes = {parse_sweep_axis("long_threshold=-0.2,0.1"),
                        parse_sweep_axis("robustness=Narrow,Wide")};
        request.base.lengths = {6, 6, 6, 6, 6, 6};  // Wide needs 8 (offsets up to 7)
        const SweepResult sweep = run_sweep(request);
        QVERIFY(sweep.cell(0, 0).error.find("threshold") != std::string::npos);
        QVERIFY(!sweep.cell(1, 1).error.empty());
        QVERIFY(sweep.cell(1, 0).ok() && sweep.cell(1, 0).figures);
        QVERIFY(std::isnan(sweep.cell(1, 0).figures->cagr));  // no times given: no years
    }

    void sweepCancelledBeforeItStarts() {
        const PriceSeries bars = read_price_csv(ATC_SAMPLE_DIR "/TTRC.csv");
        std::atomic<bool> cancel{true};
        SweepRequest request;
        request.close = bars.close;
        request.axes = {parse_sweep_axis("De=0:0.1:0.05")};
        request.cancel = &cancel;
        const SweepResult sweep = run_sweep(request);
        QVERIFY(sweep.cancelled);
        for (const SweepCell& cell : sweep.cells)
            QVERIFY(!cell.computed);
    }

    void sweepAxesAsTyped() {
        QCOMPARE(parse_sweep_axis("La=0.1:0.3:0.1").values, (std::vector<double>{0.1, 0.2, 0.3}));
        QCOMPARE(parse_sweep_axis("cutout=0:10:5").values, (std::vector<double>{0, 5, 10}));
        QCOMPARE(parse_sweep_axis("robustness=wide,Narrow").values, (std::vector<double>{2, 0}));
        QCOMPARE(parse_sweep_axis("De=0.5").values, (std::vector<double>{0.5}));
        QCOMPARE(parse_sweep_axis("ema_len=2:100:2").values.size(), kMaxSweepValues);
        const auto refused = [](const char* text, const char* words) {
            try {
                parse_sweep_axis(text);
            } catch (const InvalidInput& e) {
                if (std::string(e.what()).find(words) != std::string::npos)
                    return true;
                qWarning("%s: %s", text, e.what());
            }
            return false;
        };
        QVERIFY(refused("la=0.1", "did you mean \"La\""));
        QVERIFY(refused("La", "NAME=V1,V2"));
        QVERIFY(refused("ema_len=1:101:2", "at most 50"));
        QVERIFY(refused("La=0.3:0.1:0.1", "ends (0.1) before it starts (0.3)"));
        QVERIFY(refused("La=0.1:0.3:0", "step of La must be above 0"));
        QVERIFY(refused("ema_len=10:20:2.5", "whole number"));
        QVERIFY(refused("ema_len=10.5", "whole number"));
        QVERIFY(refused("La=0.1,0.2,0.1", "listed twice"));
        QVERIFY(refused("La=0.1,,0.2", "empty value"));
        QVERIFY(refused("robustness=Narrow:Wide:1", "robustness=Narrow,Medium,Wide"));
        QVERIFY(refused("La=x", "not a number"));
    }

    void crossingUpDownAndHold() {
        const std::vector<double> price = {10, 10, 12, 12, 8, 8, 9};
        const std::vector<double> ma = {kNaN, 11, 11, 11, 11, 11, 11};
        std::vector<std::int8_t> s(price.size());
        crossing_states(price, ma, s);
        // bar 1: NaN before -> no cross; bar 2: up; held; bar 4: down; held.
        const std::vector<std::int8_t> expected = {0, 0, 1, 1, -1, -1, -1};
        QCOMPARE(s, expected);
    }

    void crossingNeedsDefinedPreviousBar() {
        const std::vector<double> price = {12, 12, 12};
        const std::vector<double> ma = {kNaN, 11, 11};
        std::vector<std::int8_t> s(3);
        crossing_states(price, ma, s);
        QCOMPARE(s, (std::vector<std::int8_t>{0, 0, 0}));
    }

    // |p - m| <= 1e-10 |p| is a tie: touching the MA is not crossing it, and a
    // bar sitting on it does not count as the "from" side of a later cross
    // unless it is on that side in exact arithmetic.
    void tiesAreEquality() {
        const double p = 100.0;
        const double tiny = p * 1e-12;  // far inside the tie band
        const std::vector<double> price = {p, p, p, p, 101};
        const std::vector<double> ma = {p + 1, p - tiny, p + tiny, p - tiny, p};
        std::vector<std::int8_t> s(price.size());
        crossing_states(price, ma, s);
        // bars 1-3 are ties (no crossing); bar 4 crosses up from the tie.
        QCOMPARE(s, (std::vector<std::int8_t>{0, 0, 0, 0, 1}));
    }

    void growthMultiplierQuirkAtBarZero() {
        QCOMPARE(growth_multiplier(0, 0.001, 0), std::exp(0.001));
        QCOMPARE(growth_multiplier(1, 0.001, 0), std::exp(0.001));
        QCOMPARE(growth_multiplier(5, 0.001, 0), std::exp(0.005));
        QCOMPARE(growth_multiplier(3, 0.001, 10), 1.0);
        QCOMPARE(growth_multiplier(12, 0.001, 10), std::exp(0.002));
    }

    void equityFollowsPreviousState() {
        const std::vector<double> close = {100, 110, 99, 99};
        std::vector<double> r(4);
        scaled_returns(close, 0.0, 0, r);
        QVERIFY(std::isnan(r[0]));
        QVERIFY(std::fabs(r[1] - 0.1) < 1e-15);
        const std::vector<std::int8_t> state = {1, -1, 0, 0};
        std::vector<double> e(4);
        equity_curve(1.0, std::span<const std::int8_t>(state), r, 0, 1.0, e);
        QCOMPARE(e[0], 1.0);
        QCOMPARE(e[1], 1.0 * (1.0 + r[1]));   // long into bar 1
        QCOMPARE(e[2], e[1] * (1.0 - r[2]));  // short into bar 2 (price fell: gain)
        QCOMPARE(e[3], e[2]);                 // flat
    }

    void equityDecayFloorAndCutout() {
        const std::vector<double> close(6, 50.0);
        std::vector<double> r(6);
        scaled_returns(close, 0.0, 2, r);
        const std::vector<std::int8_t> state(6, 0);
        std::vector<double> e(6);
        equity_curve(0.3, std::span<const std::int8_t>(state), r, 2, 0.5, e);
        QVERIFY(std::isnan(e[0]) && std::isnan(e[1]));
        QCOMPARE(e[2], 0.3);
        QCOMPARE(e[3], 0.25);  // 0.15 floored
        QCOMPARE(e[5], 0.25);
        equity_curve(0.1, std::span<const std::int8_t>(state), r, 2, 1.0, e);
        QCOMPARE(e[2], 0.25);  // the floor applies to the first value too
    }

    void layer2UsesSignOfSignal() {
        const std::vector<double> close = {100, 110, 121};
        std::vector<double> r(3);
        scaled_returns(close, 0.0, 0, r);
        const std::vector<double> signal = {0.3, kNaN, -0.01};
        std::vector<double> w(3);
        equity_curve(2.0, std::span<const double>(signal), r, 0, 1.0, w);
        QCOMPARE(w[1], 2.0 * (1.0 + r[1]));
        QCOMPARE(w[2], w[1]);  // NaN is flat
    }

    void round2IsHalfToEven() {
        QCOMPARE(round2(0.125), 0.12);
        QCOMPARE(round2(0.135), 0.14);  // 13.5 -> 14 (0.135*100 = 13.500000000000002)
        QCOMPARE(round2(-0.125), -0.12);
        QCOMPARE(round2(0.375), 0.38);
        QVERIFY(std::isnan(round2(kNaN)));
    }

    void layer1IsEquityWeightedVote() {
        std::vector<double> num(1, 0.0), den(1, 0.0), s(1);
        const std::vector<std::int8_t> up = {1}, down = {-1}, flat = {0};
        const std::vector<double> e1 = {3.0}, e2 = {1.0}, e3 = {4.0};
        layer1_add_member(up, e1, num, den);
        layer1_add_member(down, e2, num, den);
        layer1_add_member(flat, e3, num, den);
        layer1_finish(num, den, s);
        QCOMPARE(s[0], 0.25);  // (3 - 1) / 8
    }

    void thresholdCut() {
        QCOMPARE(threshold_cut(0.11, 0.1, -0.1), 1.0);
        QCOMPARE(threshold_cut(0.1, 0.1, -0.1), 0.0);
        QCOMPARE(threshold_cut(-0.2, 0.1, -0.1), -1.0);
        QCOMPARE(threshold_cut(kNaN, 0.1, -0.1), 0.0);
    }

    void averageAndStrategyShift() {
        AtcParams p;
        const std::size_t n = 3;
        std::array<std::vector<double>, kFamilyCount> sig, w;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            sig[t] = {0.5, 0.5, -0.5};
            w[t] = {1.0, 1.0, 1.0};
        }
        sig[0] = {0.5, 0.0, 0.05};  // EMA flat at bars 1 and 2
        w[0] = {2.0, 2.0, 2.0};
        std::array<std::span<const double>, kFamilyCount> sv, wv;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            sv[t] = sig[t];
            wv[t] = w[t];
        }
        std::vector<double> avg(n);
        average_signal(sv, wv, p, avg);
        QCOMPARE(avg[0], 1.0);
        QCOMPARE(avg[1], 5.0 / 7.0);
        QCOMPARE(avg[2], -5.0 / 7.0);
        p.strategy_mode = true;
        average_signal(sv, wv, p, avg);
        QCOMPARE(avg, (std::vector<double>{0.0, 1.0, 5.0 / 7.0}));
    }

    void averageIsZeroBeforeCutoutAndWhenUndefined() {
        AtcParams p;
        p.cutout = 1;
        std::array<std::vector<double>, kFamilyCount> sig, w;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            sig[t] = {kNaN, 1.0};
            w[t] = {kNaN, 1.0};
        }
        std::array<std::span<const double>, kFamilyCount> sv, wv;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            sv[t] = sig[t];
            wv[t] = w[t];
        }
        std::vector<double> avg(2);
        average_signal(sv, wv, p, avg);
        QCOMPARE(avg, (std::vector<double>{0.0, 1.0}));
    }

    void markersAlternate() {
        const std::vector<double> avg = {0, 0.5, 0.05, 0.6, -0.3, -0.05, -0.4, 0.2};
        const auto m = entry_markers(avg, 0.1, -0.1);
        // long at 1; no second long at 3 (last was long); short at 4; no short at 6; long at 7.
        QCOMPARE(m.size(), std::size_t{3});
        QCOMPARE(m[0].bar, std::size_t{1});
        QCOMPARE(m[0].direction, Direction::Long);
        QCOMPARE(m[1].bar, std::size_t{4});
        QCOMPARE(m[1].direction, Direction::Short);
        QCOMPARE(m[2].bar, std::size_t{7});
        QCOMPARE(m[2].average, 0.2);
    }

    void scanRowSummarisesLastBar() {
        const std::vector<double> close = {10, 11, 12};
        const std::vector<double> avg = {0, 0.4, -0.2};
        const auto markers = entry_markers(avg, 0.1, -0.1);
        const std::vector<double> w = {kNaN, 1.0, 1.5};
        const std::vector<double> none;  // a family without a series keeps NaN
        const ScanRow row = scan_row(close, avg, markers, {w, w, none, w, w, w});
        QCOMPARE(row.bars, std::size_t{3});
        QCOMPARE(row.average, -0.2);
        QCOMPARE(row.trend, Direction::Short);
        QCOMPARE(row.last_close, 12.0);
        QVERIFY(row.last_marker.has_value());
        QCOMPARE(row.last_marker->direction, Direction::Short);
        QCOMPARE(row.entry_close, 12.0);  // the short entry is at the last bar
        QCOMPARE(row.family_equity[0], 1.5);
        QVERIFY(std::isnan(row.family_equity[2]));
        const std::vector<double> flat = {0.0, 0.0, 0.0};
        const ScanRow no_entry = scan_row(close, flat, {}, {w, w, w, w, w, w});
        QVERIFY(!no_entry.last_marker);
        QVERIFY(std::isnan(no_entry.entry_close));
    }

    // compute_symbol keeps what charts need, shaped and labelled as documented.
    void fullResultShape() {
        const auto close = test::random_walk(500, 11);
        AtcParams p;
        p.robustness = Robustness::Wide;
        p.lengths = {20, 30, 25, 35, 40, 15};
        const AtcResult r = compute_symbol(close, p);
        QCOMPARE(r.bars, close.size());
        for (const MaType t : kAllFamilies) {
            const FamilyResult& f = r.family(t);
            QCOMPARE(f.type, t);
            QCOMPARE(f.base_length, p.length(t));
            QCOMPARE(f.members[4].length, p.length(t) + 7);
            QCOMPARE(f.members[8].offset, -7);
            for (const MemberSeries& m : f.members) {
                QCOMPARE(m.ma.size(), close.size());
                QCOMPARE(m.state.size(), close.size());
                QCOMPARE(m.equity.size(), close.size());
            }
        }
        QCOMPARE(r.average.size(), close.size());
        QCOMPARE(r.row.last_close, close.back());
        QCOMPARE(r.row.average, r.average.back());
    }

    void pineProfileChangesOnlyItsSlots() {
        const auto close = test::random_walk(400, 5);
        AtcParams ref, pine;
        pine.profile = MaProfile::Pine;
        const AtcResult a = compute_symbol(close, ref);
        const AtcResult b = compute_symbol(close, pine);
        QVERIFY(a.family(MaType::EMA).signal == b.family(MaType::EMA).signal);
        QVERIFY(a.family(MaType::KAMA).members[0].ma == b.family(MaType::KAMA).members[0].ma);
        const auto sma28 = test::direct_sma(close, 28);
        for (std::size_t i = 27; i < close.size(); ++i) {
            QVERIFY(std::fabs(b.family(MaType::HMA).members[0].ma[i] - sma28[i]) < 1e-9);
        }
        QVERIFY(a.family(MaType::LSMA).members[0].ma != b.family(MaType::LSMA).members[0].ma);
    }

    // Alerts (atc/alerts.hpp): only crossings at new bars fire, the latest one;
    // a crossing is the previous bar on one side and the new bar on the other.
    void priceAlertFiresOnlyOnNewBars() {
        const std::vector<double> close = {10, 11, 12, 11, 10, 9, 11};
        const std::vector<double> average(close.size(), 0.0);
        const AtcParams p;
        // Every bar new: the latest crossing of 10.5 (up at bar 6), not the
        // earlier ones (up at 1, down at 4).
        auto all = latest_crossing(AlertKind::PriceCrossing, 10.5, close, average, p, 0);
        QVERIFY(all.has_value());
        QCOMPARE(all->bar, std::size_t{6});
        QCOMPARE(all->direction, Direction::Long);
        QCOMPARE(all->value, 11.0);
        QCOMPARE(all->level, 10.5);
        // Bars 0-5 are history: bar 6 still crosses from bar 5.
        QCOMPARE(latest_crossing(AlertKind::PriceCrossing, 10.5, close, average, p, 6)->bar,
                 std::size_t{6});
        // Nothing new: no replay of the history's crossings.
        QVERIFY(!latest_crossing(AlertKind::PriceCrossing, 10.5, close, average, p, 7));
        // A level only the history crossed.
        QVERIFY(!latest_crossing(AlertKind::PriceCrossing, 11.5, close, average, p, 4));
        // Down as well; the bars up to 5 only (bar 6 crosses 9.5 back up).
        const std::span<const double> to_five = std::span<const double>(close).first(6);
        const auto down = latest_crossing(AlertKind::PriceCrossing, 9.5, to_five, average, p, 4);
        QVERIFY(down.has_value());
        QCOMPARE(down->bar, std::size_t{5});
        QCOMPARE(down->direction, Direction::Short);
    }

    // Touching the level is not crossing it; leaving it on the other side is.
    void priceAlertTouchingTheLevel() {
        const std::vector<double> up = {10, 11, 11, 12};
        const std::vector<double> average(up.size(), 0.0);
        const AtcParams p;
        QCOMPARE(latest_crossing(AlertKind::PriceCrossing, 11, up, average, p, 1)->bar,
                 std::size_t{3});
        QVERIFY(!latest_crossing(AlertKind::PriceCrossing, 11, up, average, p, 4));
        QVERIFY(!latest_crossing(AlertKind::PriceCrossing, 11, std::vector<double>{10, 11, 11},
                                 average, p, 0));
        const std::vector<double> down = {12, 11, 10};
        QCOMPARE(latest_crossing(AlertKind::PriceCrossing, 11, down, average, p, 0)->direction,
                 Direction::Short);
    }

    // The Average against the parameters' thresholds, on a made-up series.
    void averageAlertsCrossTheThresholds() {
        const std::vector<double> average = {0.0, 0.05, 0.1, 0.3, 0.05, -0.2, -0.1};
        const std::vector<double> close(average.size(), 100.0);
        AtcParams p;  // long 0.1, short -0.1
        // 0.1 <= 0.1 < 0.3 at bar 3; reaching 0.1 at bar 2 is not crossing it.
        const auto above = latest_crossing(AlertKind::AverageAboveLong, 0, close, average, p, 2);
        QVERIFY(above.has_value());
        QCOMPARE(above->bar, std::size_t{3});
        QCOMPARE(above->direction, Direction::Long);
        QCOMPARE(above->value, 0.3);
        QCOMPARE(above->level, 0.1);
        QVERIFY(!latest_crossing(AlertKind::AverageAboveLong, 0, close, average, p, 4));
        // 0.05 >= -0.1 > -0.2 at bar 5; the way back up to -0.1 is not "below".
        const auto below = latest_crossing(AlertKind::AverageBelowShort, 0, close, average, p, 4);
        QVERIFY(below.has_value());
        QCOMPARE(below->bar, std::size_t{5});
        QCOMPARE(below->direction, Direction::Short);
        QVERIFY(!latest_crossing(AlertKind::AverageBelowShort, 0, close, average, p, 6));
        // The thresholds of the parameters given.
        p.long_threshold = 0.2;
        QCOMPARE(latest_crossing(AlertKind::AverageAboveLong, 0, close, average, p, 0)->level, 0.2);
        p.long_threshold = 0.5;
        QVERIFY(!latest_crossing(AlertKind::AverageAboveLong, 0, close, average, p, 0));
    }

    // Which bars an alert has not evaluated yet: by time where both have one.
    void firstNewBarOfAnAlert() {
        const std::vector<std::int64_t> times = {100, 200, 300};
        QCOMPARE(first_new_bar(times, 3, 2, 200), std::size_t{2});
        QCOMPARE(first_new_bar(times, 3, 3, 300), std::size_t{3});
        // A re-import that added older history and one new bar: only that one.
        const std::vector<std::int64_t> rewritten = {50, 100, 200, 300, 400};
        QCOMPARE(first_new_bar(rewritten, 5, 3, 300), std::size_t{4});
        // Without times, by count (and never past the end).
        QCOMPARE(first_new_bar({}, 5, 3, std::nullopt), std::size_t{3});
        QCOMPARE(first_new_bar({}, 5, 7, std::nullopt), std::size_t{5});
        QCOMPARE(first_new_bar({}, 5, 3, 300), std::size_t{3});
        // The stored kinds and their names.
        QCOMPARE(alert_kind_from_int(2), std::optional<AlertKind>(AlertKind::PriceCrossing));
        QVERIFY(!alert_kind_from_int(9));
        QCOMPARE(alert_kind_name(AlertKind::AverageAboveLong),
                 std::string_view("Average crosses above the long threshold"));
    }
};

QTEST_APPLESS_MAIN(TestSignals)
#include "test_signals.moc"
