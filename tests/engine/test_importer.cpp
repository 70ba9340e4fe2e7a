// SPDX-License-Identifier: GPL-3.0-or-later
// Importing CSV files into the store, the timeframe guess, the generated
// universe and loading the bundled data into a new store.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "atc/bundled_samples.hpp"
#include "atc/sample_universe.hpp"
#include "atc/store/database.hpp"
#include "atc/store/default_location.hpp"
#include "atc/store/importer.hpp"
#include "atc/store/scan_bars_reader.hpp"
#include "atc/timeframe.hpp"

using namespace atc;
using namespace atc::store;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 86'400'000;

ImportOptions as_symbol(const std::string& name) {
    ImportOptions options;
    options.symbol = name;
    return options;
}

void write_text(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

}  // namespace

class TestImporter : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    fs::path path(const std::string& name) const {
        return fs::path(tmp_.path().toStdString()) / name;
    }

private slots:
    void timeframeFromMedianGap() {
        std::vector<std::int64_t> daily;
        for (std::int64_t d = 0; d < 30; ++d) {
            if (d % 7 < 5)
                daily.push_back(d * kDay);  // weekends skipped
        }
        QCOMPARE(infer_timeframe(daily), std::string("1d"));
        QCOMPARE(infer_timeframe(std::vector<std::int64_t>{0, 3'600'000, 7'200'000}),
                 std::string("1h"));
        QCOMPARE(infer_timeframe(std::vector<std::int64_t>{0, 900'000, 1'800'000}),
                 std::string("15m"));
        QCOMPARE(infer_timeframe(std::vector<std::int64_t>{0, 7 * kDay, 14 * kDay}),
                 std::string("1w"));
        QCOMPARE(infer_timeframe(std::vector<std::int64_t>{0, 31 * kDay, 59 * kDay, 90 * kDay}),
                 std::string("1M"));
        QCOMPARE(infer_timeframe(std::vector<std::int64_t>{0, 4 * 3'600'000}), std::string("4h"));
        QCOMPARE(infer_timeframe(std::vector<std::int64_t>{}), std::string(""));
    }

    void importsAFileAsOneSymbol() {
        const fs::path csv = path("ACME.csv");
        write_text(csv,
                   "Date,Open,High,Low,Close,Adj Close,Volume\n"
                   "2024-01-02,10,11,9,10.5,10.4,1000\n"
                   "2024-01-03,10.5,12,10,11.5,11.4,1200\n"
                   "2024-01-04,11.5,12,11,11.8,11.7,900\n");
        Database db = Database::open(path("import.sqlite"));
        SymbolStore store(db);
        const ImportReport r = import_csv_file(store, csv);
        QCOMPARE(r.symbols.size(), std::size_t{1});
        QCOMPARE(r.symbols[0].symbol.meta.name, std::string("ACME"));
        QCOMPARE(r.symbols[0].symbol.bar_count, std::size_t{3});
        QCOMPARE(r.symbols[0].symbol.meta.timeframe, std::string("1d"));
        QVERIFY(!r.symbols[0].replaced);
        QCOMPARE(r.detection.format, std::string("Yahoo Finance"));
        const PriceSeries loaded = store.load("ACME");
        QCOMPARE(loaded.close, (std::vector<double>{10.5, 11.5, 11.8}));
        QCOMPARE(loaded.volume, (std::vector<double>{1000, 1200, 900}));
        QCOMPARE(loaded.time_ms.front(), std::int64_t{1'704'153'600'000});  // 2024-01-02Z
        const ImportReport again = import_csv_file(store, csv, as_symbol("ACME.X"));
        QCOMPARE(again.symbols.at(0).symbol.meta.name, std::string("ACME.X"));
        QCOMPARE(store.count(), std::size_t{2});
    }

    // A rejected file leaves the database exactly as it was, also when it would
    // have replaced an existing symbol.
    void badFileChangesNothing() {
        const fs::path good = path("X.csv");
        write_text(good, "date,close\n2024-01-02,10\n2024-01-03,11\n");
        Database db = Database::open(path("bad.sqlite"));
        SymbolStore store(db);
        import_csv_file(store, good);
        const fs::path bad = path("X2.csv");
        write_text(bad, "date,close\n2024-01-02,10\n2024-01-03,abc\n");
        try {
            import_csv_file(store, bad, as_symbol("X"));
            QFAIL("a bad file was imported");
        } catch (const CsvError& e) {
            QCOMPARE(e.line(), std::size_t{3});
        }
        QCOMPARE(store.load("X").close, (std::vector<double>{10, 11}));
        QCOMPARE(store.count(), std::size_t{1});
    }

    void universeIsDeterministicAndPlausible() {
        UniverseSpec spec;
        spec.symbols = 20;
        spec.bars = 600;
        const auto a = generate_universe(spec);
        const auto b = generate_universe(spec);
        QCOMPARE(a.size(), std::size_t{20});
        for (std::size_t k = 0; k < a.size(); ++k) {
            QVERIFY(a[k].bars.close == b[k].bars.close);
            QCOMPARE(a[k].bars.close.size(), std::size_t{600});
            QCOMPARE(a[k].bars.time_ms.size(), std::size_t{600});
            for (double c : a[k].bars.close)
                QVERIFY(c >= 0.01 && std::isfinite(c));
            for (std::size_t i = 1; i < 600; ++i) {
                QVERIFY(a[k].bars.time_ms[i] > a[k].bars.time_ms[i - 1]);
                const std::int64_t weekday = ((a[k].bars.time_ms[i] / kDay) + 3) % 7;
                QVERIFY2(weekday < 5, "bars fall on business days only");
            }
        }
        QCOMPARE(a[0].name, std::string("GEN-0001"));
        QCOMPARE(a.back().bars.time_ms.back(), spec.last_day_ms);
        QVERIFY(a[0].bars.close != a[1].bars.close);
        // A longer universe extends a shorter one; another seed is another universe.
        spec.symbols = 25;
        QVERIFY(generate_universe(spec)[19].bars.close == a[19].bars.close);
        spec.seed += 1;
        QVERIFY(generate_universe(spec)[0].bars.close != a[0].bars.close);
    }

    // Issue 16: the sample universe looked nothing like markets (closes from 0.04
    // to 3.9 billion, cent rounding turned charts below 1 into staircases).
    void universeLooksLikeMarkets() {
        const auto universe = generate_universe(UniverseSpec{});
        QCOMPARE(universe.size(), std::size_t{500});
        for (const GeneratedSymbol& g : universe) {
            const PriceSeries& b = g.bars;
            QCOMPARE(b.open.size(), b.close.size());
            QCOMPARE(b.volume.size(), b.close.size());
            double sum = 0.0, sum_sq = 0.0;
            for (std::size_t i = 0; i < b.close.size(); ++i) {
                QVERIFY2(b.close[i] >= 5.0 && b.close[i] <= 2000.0, g.name.c_str());
                QVERIFY2(b.low[i] <= std::min(b.open[i], b.close[i]), g.name.c_str());
                QVERIFY2(b.high[i] >= std::max(b.open[i], b.close[i]), g.name.c_str());
                QVERIFY2(b.volume[i] > 0.0 && b.volume[i] == std::round(b.volume[i]),
                         g.name.c_str());
                if (i > 0) {
                    const double r = std::log(b.close[i] / b.close[i - 1]);
                    sum += r;
                    sum_sq += r * r;
                }
            }
            const double n = static_cast<double>(b.close.size() - 1);
            const double daily_sd = std::sqrt(sum_sq / n - (sum / n) * (sum / n));
            QVERIFY2(daily_sd >= 0.004 && daily_sd <= 0.045, g.name.c_str());
        }
    }

    void seedsAnEmptyStoreOnly() {
        Database db = Database::open(path("seed.sqlite"));
        SymbolStore store(db);
        UniverseSpec spec;
        spec.symbols = 30;
        spec.bars = 300;
        const SeedReport first = seed_if_empty(store, bundled_samples(), spec);
        QVERIFY(first.seeded);
        QCOMPARE(first.real, std::size_t{5});
        QCOMPARE(first.generated, std::size_t{30});
        const auto list = store.list();
        QCOMPARE(list.size(), std::size_t{35});
        QStringList head;
        for (std::size_t i = 0; i < 5; ++i)
            head << QString::fromStdString(list[i].meta.name);
        QCOMPARE(head, (QStringList{"DAX", "SMI", "CAC", "FTSE", "TTRC"}));  // real first
        QCOMPARE(list[5].meta.kind, SymbolKind::Generated);
        QVERIFY(QString::fromStdString(list[5].meta.provenance).contains("not market data"));
        QCOMPARE(list[0].bar_count, std::size_t{1860});
        QCOMPARE(store.load("DAX").close.front(), 1628.75);
        QCOMPARE(store.load("TTRC").close.size(), std::size_t{5550});
        QCOMPARE(list[4].meta.timeframe, std::string("1d"));
        const SeedReport second = seed_if_empty(store, bundled_samples(), spec);
        QVERIFY(!second.seeded);
        QCOMPARE(store.count(), std::size_t{35});
    }

    // A scan reads each symbol's closes alone, into one reused vector, and
    // the bar an entry marker names afterwards: for every symbol of a new
    // store (the 505 bundled ones) they are what SymbolStore::load reads.
    void scanReaderReadsWhatLoadReads() {
        Database db = Database::open(path("scan_reader.sqlite"));
        SymbolStore store(db);
        QVERIFY(seed_if_empty(store, bundled_samples()).seeded);
        ScanBarsReader reader(db);
        std::vector<double> closes;
        const auto list = store.list();
        QCOMPARE(list.size(), std::size_t{505});
        for (const SymbolInfo& info : list) {
            const PriceSeries bars = store.load(info.meta.name);
            reader.read_closes(info.meta.name, closes);
            QVERIFY2(closes == bars.close, info.meta.name.c_str());
            for (const std::size_t bar : {std::size_t{0}, bars.close.size() - 1}) {
                const BarName name = reader.bar_name(info.meta.name, bar);
                QCOMPARE(name.label,
                         bars.labels.empty() ? std::nullopt : std::optional(bars.labels[bar]));
                QCOMPARE(name.time_ms,
                         bars.time_ms.empty() ? std::nullopt : std::optional(bars.time_ms[bar]));
                QCOMPARE(name.time_kind, bars.time_ms.empty() ? TimeKind::None : bars.time_kind);
            }
        }
        // The real series are named by their labels, the generated by their times.
        QVERIFY(reader.bar_name("DAX", 0).label);
        QVERIFY(!reader.bar_name("GEN-0001", 0).label);
        QVERIFY(reader.bar_name("GEN-0001", 0).time_ms);
    }

    void bundledSamplesMatchTheFiles() {
        const auto samples = bundled_samples();
        QCOMPARE(samples.size(), std::size_t{5});
        for (const BundledSeries& s : samples) {
            QFile file(QStringLiteral(ATC_SAMPLE_DIR) + "/" +
                       QString::fromUtf8(s.file_name.data(), qsizetype(s.file_name.size())));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), QByteArray(s.csv_text.data(), qsizetype(s.csv_text.size())));
        }
    }

    void defaultLocationFollowsEnvironment() {
        qputenv("ATC_DB", "/tmp/explicit.sqlite");
        QCOMPARE(QString::fromStdString(default_database_path().string()),
                 QStringLiteral("/tmp/explicit.sqlite"));
        qunsetenv("ATC_DB");
        qputenv("XDG_DATA_HOME", "/tmp/xdg-data");
        QCOMPARE(QString::fromStdString(default_database_path().string()),
                 QStringLiteral("/tmp/xdg-data/atc-studio/atc-studio.sqlite"));
        qunsetenv("XDG_DATA_HOME");
        qputenv("HOME", "/home/trader");
        QCOMPARE(QString::fromStdString(default_database_path().string()),
                 QStringLiteral("/home/trader/.local/share/atc-studio/atc-studio.sqlite"));
    }
};

QTEST_APPLESS_MAIN(TestImporter)
#include "test_importer.moc"
