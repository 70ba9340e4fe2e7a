// SPDX-License-Identifier: GPL-3.0-or-later
// atc-timeframe-bench [--bars N] [--runs N]
//
// Stores one symbol of N one-minute bars (default 1,000,000) in a new
// database, opens the ATC Studio window on it (offscreen unless
// QT_QPA_PLATFORM says otherwise) at its own 1m bars, then types timeframes
// into the chart toolbar's selector as a trader does ("1h" Enter, "4h" Enter,
// "1d" Enter, "1m" Enter), `runs` times. Each switch is timed from the Enter
// to the window repainted with the new bars: load, resample, compute (or the
// result cache on repeats), charts, tables and the status bar. Prints one row
// per switch and the median per timeframe.
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "atc/backend_router.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "shell/chart_toolbar.hpp"
#include "shell/main_window.hpp"
#include "shell/timeframe_selector.hpp"

namespace {

using namespace atc;

// A random walk of minute bars with OHLCV; deterministic, not timed.
PriceSeries minute_bars(std::size_t n) {
    PriceSeries s;
    s.time_kind = TimeKind::EpochMilliseconds;
    std::uint64_t state = 2024;
    double price = 30'000.0;
    const std::int64_t start = 1'700'000'040'000;  // 2023-11-14 22:14 UTC
    for (std::size_t i = 0; i < n; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
        const double open = price;
        price *= std::exp((u - 0.5) * 0.002);
        s.time_ms.push_back(start + static_cast<std::int64_t>(i) * 60'000);
        s.open.push_back(open);
        s.high.push_back(std::max(open, price) * 1.0003);
        s.low.push_back(std::min(open, price) * 0.9997);
        s.close.push_back(price);
        s.volume.push_back(1.0 + u);
    }
    return s;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::size_t bars = 1'000'000;
    int runs = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--bars")
            bars = std::stoul(argv[i + 1]);
        else if (arg == "--runs")
            runs = std::stoi(argv[i + 1]);
    }

    QTemporaryDir dir;
    const std::filesystem::path db_path =
        dir.filePath(QStringLiteral("bench.sqlite")).toStdString();
    {
        store::Database db = store::Database::open(db_path);
        store::SymbolStore symbols(db);
        store::SymbolMeta meta{"BENCH-1M", "atc-timeframe-bench", "1m", "generated", {}, 0};
        symbols.save(meta, minute_bars(bars));
    }
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    cache::ResultCache cache(cache::ResultCacheOptions{});
    auto router = make_cpu_router("atc-timeframe-bench computes on the CPU");
    ui::EngineService engine(db_path, cache, *router);
    ui::MainWindow window(ui::StudioContext{db_path, cache, engine, settings});
    window.resize(1600, 1000);
    window.show();

    const auto wait_shown = [&](const QString& timeframe) {
        const bool shown = QTest::qWaitFor(
            [&] {
                const auto data = window.currentData();
                return data && data->timeframe == timeframe && !engine.isBusy();
            },
            120'000);
        if (!shown) {
            std::fprintf(stderr, "atc-timeframe-bench: %s was not shown within two minutes\n",
                         qPrintable(timeframe));
            std::exit(1);
        }
        window.grab();  // the repaint of every pane and table, as a screen would
    };
    QElapsedTimer clock;
    clock.start();
    window.openSymbol(QStringLiteral("BENCH-1M"));
    wait_shown(QStringLiteral("1m"));
    std::printf("atc-timeframe-bench: %zu one-minute bars, opened at 1m in %lld ms\n", bars,
                static_cast<long long>(clock.elapsed()));

    ui::TimeframeSelector* selector = window.chartToolbar()->timeframeSelector();
    std::map<std::string, std::vector<double>> first, again;
    std::printf("%-4s %5s %10s %10s\n", "run", "to", "redraw ms", "engine ms");
    for (int run = 0; run < runs; ++run) {
        for (const char* tf : {"1h", "4h", "1d", "1m"}) {
            selector->lineEdit()->setFocus();
            selector->lineEdit()->selectAll();
            QTest::keyClicks(selector->lineEdit(), QString::fromLatin1(tf));
            clock.restart();
            QTest::keyClick(selector->lineEdit(), Qt::Key_Return);
            wait_shown(QString::fromLatin1(tf));
            const double ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
            (run == 0 ? first : again)[tf].push_back(ms);
            // The engine's part: load, resample and compute (or the cache), on its worker.
            std::printf("%-4d %5s %10.1f %10.1f\n", run + 1, tf, ms,
                        window.currentData()->compute_ms);
        }
    }
    std::printf("median redraw ms (first time | from the result cache):\n");
    for (const char* tf : {"1h", "4h", "1d", "1m"})
        std::printf("  %-3s %8.1f | %8.1f\n", tf, median(first[tf]), median(again[tf]));
    return 0;
}
