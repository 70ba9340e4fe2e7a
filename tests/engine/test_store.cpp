// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite symbol store: schema and migration, saving and loading bars,
// corrupt and foreign files, and concurrent readers while a writer works.
#include <sqlite3.h>

#include <QtTest>
#include <array>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <limits>
#include <thread>

#include "atc/cache/hash.hpp"
#include "atc/store/alert_store.hpp"
#include "atc/store/database.hpp"
#include "atc/store/drawing_store.hpp"
#include "atc/store/scan_bars_reader.hpp"
#include "atc/store/symbol_store.hpp"

using namespace atc;
using namespace atc::store;
namespace fs = std::filesystem;

namespace {

PriceSeries make_bars(std::size_t n, double start, bool with_ohlcv = true) {
    PriceSeries s;
    for (std::size_t i = 0; i < n; ++i) {
        const double c = start + static_cast<double>(i % 17) * 0.25;
        s.close.push_back(c);
        if (with_ohlcv) {
            s.time_ms.push_back(1'700'000'000'000 + static_cast<std::int64_t>(i) * 86'400'000);
            s.open.push_back(c - 0.1);
            s.high.push_back(c + 0.5);
            s.low.push_back(c - 0.5);
            s.volume.push_back(1000.0 + static_cast<double>(i));
            s.labels.push_back("d" + std::to_string(i));
        }
    }
    if (with_ohlcv) {
        s.label_column = "date";
        s.time_column = "date";
        s.time_kind = TimeKind::Date;
    }
    return s;
}

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Runs SQL on a raw connection, bypassing the store (to build old or foreign files).
void raw_exec(const fs::path& p, const char* sql) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(p.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    QVERIFY2(rc == SQLITE_OK, err ? err : "");
    sqlite3_close(db);
}

// Opens `p` after `take_back` (SQL) turned its current layout back into
// schema `version`'s, as a file of that version would be.
// What version 6 added (the close hashes, store_meta), taken back.
constexpr const char* kTakeBackSix =
    "DROP TRIGGER bars_insert_forgets_close_hash; DROP TRIGGER bars_update_forgets_close_hash; "
    "DROP TRIGGER bars_delete_forgets_close_hash; "
    "DROP TABLE store_meta; ALTER TABLE symbols DROP COLUMN close_hash";

Database open_taken_back(const fs::path& p, const std::string& take_back, int version,
                         OpenReport& report) {
    const std::string before_six = version < 6 ? std::string(kTakeBackSix) + "; " : std::string();
    raw_exec(p, (before_six + take_back + "; UPDATE schema_version SET version = " +
                 std::to_string(version) + "; PRAGMA wal_checkpoint(TRUNCATE);")
                    .c_str());
    return Database::open(p, &report);
}

// The page size of the file whose bytes are `bytes`: the header's big-endian
// field at offset 16 (1 stands for 65536).
std::size_t page_size_of(const std::string& bytes) {
    const std::size_t field =
        (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
    return field == 1 ? 65536 : field;
}

// Twenty symbols of 2,000 bars, all in the main file (the WAL checkpointed):
// what the damage tests scribble over.
void save_twenty_symbols(Database& db) {
    SymbolStore store(db);
    for (int i = 0; i < 20; ++i) {
        store.save({"S" + std::to_string(i), "", "", "", SymbolKind::Imported, 0},
                   make_bars(2000, 10.0 + i));
    }
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// Scribbles over the page in the middle of the file `p`, which holds 20
// symbols' bars and nothing else that large: a page of the bars' b-tree or
// of a row's values, which only the full check reads. Returns the new bytes.
std::string scribble_over_a_bars_page(const fs::path& p) {
    std::string bytes = read_bytes(p);
    const std::size_t page = page_size_of(bytes);
    const std::size_t middle = bytes.size() / page / 2;
    for (std::size_t i = middle * page; i < (middle + 1) * page; ++i)
        bytes[i] = static_cast<char>(i * 31 + 7);
    write_bytes(p, bytes);
    return bytes;
}

// SQLite's quick_check of the whole file, through `db`.
std::string quick_check(Database& db) {
    try {
        Statement check(db, "PRAGMA quick_check");
        return check.step() ? check.text(0) : std::string();
    } catch (const StoreError& e) {
        return e.what();
    }
}

}  // namespace

class TestStore : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    fs::path path(const char* name) const { return fs::path(tmp_.path().toStdString()) / name; }

private slots:
    void createsFreshDatabase() {
        OpenReport report;
        Database db = Database::open(path("sub/dir/new.sqlite"), &report);
        QVERIFY(report.created);
        QCOMPARE(report.migrated_from, 0);
        QVERIFY(report.moved_aside.empty());
        QCOMPARE(db.schema_version(), kSchemaVersion);
        Statement mode(db, "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(QString::fromStdString(mode.text(0)), QStringLiteral("wal"));
        SymbolStore store(db);
        QCOMPARE(store.count(), std::size_t{0});
    }

    void saveAndLoadRoundTrip() {
        Database db = Database::open(path("roundtrip.sqlite"));
        SymbolStore store(db);
        const PriceSeries bars = make_bars(300, 50.0);
        const SymbolInfo info = store.save(
            {"ACME", "/data/acme.csv", "1d", "vendor X export", SymbolKind::Imported, 0}, bars);
        QCOMPARE(info.bar_count, std::size_t{300});
        QCOMPARE(*info.first_time_ms, bars.time_ms.front());
        QCOMPARE(*info.last_time_ms, bars.time_ms.back());
        QVERIFY(info.imported_at_ms > 0);
        const PriceSeries loaded = store.load("ACME");
        QVERIFY(loaded.close == bars.close);
        QVERIFY(loaded.time_ms == bars.time_ms);
        QVERIFY(loaded.open == bars.open);
        QVERIFY(loaded.high == bars.high);
        QVERIFY(loaded.low == bars.low);
        QVERIFY(loaded.volume == bars.volume);
        QVERIFY(loaded.labels == bars.labels);
        QCOMPARE(loaded.label_column, std::string("date"));
        QCOMPARE(loaded.time_kind, TimeKind::Date);
        QCOMPARE(loaded.time_column, std::string("date"));
        const auto found = store.find("ACME");
        QVERIFY(found.has_value());
        QCOMPARE(found->meta.provenance, std::string("vendor X export"));
        QCOMPARE(found->meta.timeframe, std::string("1d"));
    }

    void closeOnlySeries() {
        Database db = Database::open(path("closeonly.sqlite"));
        SymbolStore store(db);
        const PriceSeries bars = make_bars(40, 10.0, false);
        const SymbolInfo info = store.save({"C", "", "", "", SymbolKind::Imported, 0}, bars);
        QVERIFY(!info.first_time_ms.has_value());
        const PriceSeries loaded = store.load("C");
        QVERIFY(loaded.close == bars.close);
        QVERIFY(loaded.time_ms.empty() && loaded.open.empty() && loaded.labels.empty());
    }

    void reimportReplacesBarsAndKeepsId() {
        Database db = Database::open(path("reimport.sqlite"));
        SymbolStore store(db);
        const auto first =
            store.save({"X", "a.csv", "1d", "", SymbolKind::Imported, 0}, make_bars(10, 1.0));
        const auto second =
            store.save({"X", "b.csv", "1d", "", SymbolKind::Imported, 0}, make_bars(20, 2.0));
        QCOMPARE(second.id, first.id);
        QCOMPARE(store.count(), std::size_t{1});
        QCOMPARE(store.load("X").close.size(), std::size_t{20});
        QCOMPARE(store.find("X")->meta.source, std::string("b.csv"));
    }

    void failedSaveChangesNothing() {
        Database db = Database::open(path("failed.sqlite"));
        SymbolStore store(db);
        const PriceSeries good = make_bars(10, 1.0);
        store.save({"X", "a.csv", "1d", "", SymbolKind::Imported, 0}, good);
        PriceSeries bad = make_bars(12, 3.0);
        bad.volume.pop_back();  // columns of different lengths
        QVERIFY_THROWS_EXCEPTION(
            StoreError, store.save({"X", "b.csv", "1d", "", SymbolKind::Imported, 0}, bad));
        QVERIFY(store.load("X").close == good.close);
        QCOMPARE(store.find("X")->meta.source, std::string("a.csv"));
        // save_all is all or nothing.
        std::vector<std::pair<SymbolMeta, PriceSeries>> batch = {
            {{"Y", "", "", "", SymbolKind::Imported, 0}, make_bars(5, 1.0)},
            {{"Z", "", "", "", SymbolKind::Imported, 0}, bad}};
        QVERIFY_THROWS_EXCEPTION(StoreError, store.save_all(batch));
        QVERIFY(!store.find("Y").has_value());
    }

    // A download commits page after page: append() creates the symbol, then
    // adds only bars after the last stored one, and refuses anything else
    // without changing what is stored.
    void appendAddsBarsAfterTheLast() {
        Database db = Database::open(path("append.sqlite"));
        SymbolStore store(db);
        auto without_labels = [](PriceSeries s) {
            s.labels.clear();
            s.label_column.clear();
            return s;
        };
        const PriceSeries all = without_labels(make_bars(30, 5.0));
        auto slice = [&all](std::size_t from, std::size_t to) {
            PriceSeries s;
            s.time_kind = all.time_kind;
            s.time_column = all.time_column;
            for (std::size_t i = from; i < to; ++i) {
                s.time_ms.push_back(all.time_ms[i]);
                s.open.push_back(all.open[i]);
                s.high.push_back(all.high[i]);
                s.low.push_back(all.low[i]);
                s.close.push_back(all.close[i]);
                s.volume.push_back(all.volume[i]);
            }
            return s;
        };
        const SymbolMeta meta{"BTC", "binance:spot:BTCUSDT:1d", "1d",
                              "",    SymbolKind::Downloaded,    0};
        const SymbolInfo first = store.append(meta, slice(0, 10));
        QCOMPARE(first.bar_count, std::size_t{10});
        const SymbolInfo second = store.append(meta, slice(10, 30));
        QCOMPARE(second.id, first.id);
        QCOMPARE(second.bar_count, std::size_t{30});
        QCOMPARE(*second.first_time_ms, all.time_ms.front());
        QCOMPARE(*second.last_time_ms, all.time_ms.back());
        const PriceSeries loaded = store.load("BTC");
        QVERIFY(loaded.time_ms == all.time_ms && loaded.close == all.close &&
                loaded.open == all.open && loaded.high == all.high && loaded.low == all.low &&
                loaded.volume == all.volume);
        QCOMPARE(loaded.time_kind, all.time_kind);

        // Overlapping the stored bars, out of order, or with other columns: refused.
        QVERIFY_THROWS_EXCEPTION(StoreError, store.append(meta, slice(29, 30)));
        PriceSeries unordered = without_labels(make_bars(3, 1.0));
        for (auto& t : unordered.time_ms)
            t += 100LL * 86'400'000;
        std::swap(unordered.time_ms[0], unordered.time_ms[1]);
        QVERIFY_THROWS_EXCEPTION(StoreError, store.append(meta, unordered));
        PriceSeries close_only = make_bars(3, 1.0, false);
        QVERIFY_THROWS_EXCEPTION(StoreError, store.append(meta, close_only));
        PriceSeries no_volume = without_labels(make_bars(3, 1.0));
        for (auto& t : no_volume.time_ms)
            t += 100LL * 86'400'000;
        no_volume.volume.clear();
        QVERIFY_THROWS_EXCEPTION(StoreError, store.append(meta, no_volume));
        QCOMPARE(store.find("BTC")->bar_count, std::size_t{30});
        QVERIFY(store.load("BTC").close == all.close);
    }

    void listsRealBeforeGenerated() {
        Database db = Database::open(path("order.sqlite"));
        SymbolStore store(db);
        store.save({"AAA-GEN", "", "", "", SymbolKind::Generated, 0}, make_bars(5, 1.0));
        store.save({"ZZZ", "", "", "", SymbolKind::Imported, 2}, make_bars(5, 1.0));
        store.save({"MMM", "", "", "", SymbolKind::Imported, 1}, make_bars(5, 1.0));
        store.save({"BBB", "", "", "", SymbolKind::Imported, 1}, make_bars(5, 1.0));
        QStringList names;
        for (const auto& s : store.list())
            names << QString::fromStdString(s.meta.name);
        QCOMPARE(names, (QStringList{"BBB", "MMM", "ZZZ", "AAA-GEN"}));
    }

    // The watchlist's "Last" and "Chg %" columns: every symbol's last two
    // closes in one query (one for a symbol of one bar); a damaged close
    // array gives no price rather than a wrong one.
    void lastClosesOfEverySymbol() {
        const fs::path file = path("last_closes.sqlite");
        std::int64_t damaged_id = 0;
        {
            Database db = Database::open(file);
            SymbolStore store(db);
            store.save({"A", "", "1d", "", SymbolKind::Imported, 0}, make_bars(30, 4'000.0));
            store.save({"B", "", "", "", SymbolKind::Imported, 0}, make_bars(7, 0.001, false));
            store.save({"ONE", "", "1d", "", SymbolKind::Imported, 0}, make_bars(1, 50.0));
            damaged_id =
                store.save({"C", "", "1d", "", SymbolKind::Imported, 0}, make_bars(5, 1.0)).id;
        }
        raw_exec(file, ("UPDATE bars SET close = x'0102030405060708090a' WHERE symbol_id = " +
                        std::to_string(damaged_id))
                           .c_str());
        Database db = Database::open(file);
        SymbolStore store(db);
        const auto closes = store.last_closes();
        QCOMPARE(closes.size(), std::size_t{3});
        const std::vector<double> a = make_bars(30, 4'000.0).close;
        QCOMPARE(closes.at(store.find("A")->id).last, a.back());
        QCOMPARE(closes.at(store.find("A")->id).previous, std::optional<double>(a[a.size() - 2]));
        const std::vector<double> b = make_bars(7, 0.001, false).close;
        QCOMPARE(closes.at(store.find("B")->id).last, b.back());
        QCOMPARE(closes.at(store.find("B")->id).previous, std::optional<double>(b[b.size() - 2]));
        QCOMPARE(closes.at(store.find("ONE")->id).last, make_bars(1, 50.0).close.back());
        QVERIFY(!closes.at(store.find("ONE")->id).previous);
        QVERIFY(!closes.contains(damaged_id));
    }

    // A column of the wrong length (a damaged file, another program's write)
    // is refused by name rather than read as bars.
    void damagedColumnIsRefusedOnLoad() {
        const fs::path file = path("damaged_column.sqlite");
        std::int64_t id = 0;
        {
            Database db = Database::open(file);
            SymbolStore store(db);
            id = store.save({"D", "", "1d", "", SymbolKind::Imported, 0}, make_bars(6, 10.0)).id;
        }
        raw_exec(
            file,
            ("UPDATE bars SET high = x'01020304' WHERE symbol_id = " + std::to_string(id)).c_str());
        Database db = Database::open(file);
        try {
            SymbolStore(db).load("D");
            QFAIL("a damaged column was loaded");
        } catch (const StoreError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("column high is damaged")),
                     qPrintable(message));
        }
    }

    // The scan's reader refuses what load() refuses, with its messages: a close
    // column of the wrong size, a symbol that is not there, damaged labels or
    // times (when it names a bar); the symbols after a refused one still read.
    void scanReaderRefusesDamagedColumns() {
        const fs::path file = path("scan_reader_damage.sqlite");
        std::int64_t short_id = 0, times_id = 0, labels_id = 0;
        {
            Database db = Database::open(file);
            SymbolStore store(db);
            short_id =
                store.save({"S", "", "1d", "", SymbolKind::Imported, 0}, make_bars(6, 10.0)).id;
            times_id =
                store.save({"N", "", "1d", "", SymbolKind::Imported, 0}, make_bars(6, 10.0)).id;
            labels_id =
                store.save({"L", "", "1d", "", SymbolKind::Imported, 0}, make_bars(6, 10.0)).id;
            store.save({"OK", "", "1d", "", SymbolKind::Imported, 0}, make_bars(9, 3.0));
            store.save({"BARE", "", "", "", SymbolKind::Imported, 0}, make_bars(3, 1.0, false));
        }
        raw_exec(
            file,
            ("UPDATE bars SET close = x'01020304' WHERE symbol_id = " + std::to_string(short_id) +
             "; UPDATE bars SET time_ms = x'0102' WHERE symbol_id = " + std::to_string(times_id) +
             "; UPDATE bars SET labels = CAST('a' || char(10) || 'b' AS BLOB) WHERE symbol_id = " +
             std::to_string(labels_id))
                .c_str());
        Database db = Database::open(file);
        SymbolStore store(db);
        ScanBarsReader reader(db);
        std::vector<double> closes;
        const auto refusal = [&](const char* name, auto read) {
            try {
                read();
            } catch (const StoreError& e) {
                return std::string(e.what());
            }
            return std::string("read ") + name;
        };
        for (const char* name : {"S", "NONE"}) {
            const std::string loaded = refusal(name, [&] { store.load(name); });
            QCOMPARE(refusal(name, [&] { reader.read_closes(name, closes); }), loaded);
        }
        // The times are not a scan's to read, but the name of a bar is.
        reader.read_closes("N", closes);
        QCOMPARE(closes.size(), std::size_t{6});
        QCOMPARE(refusal("N", [&] { reader.bar_name("N", 1); }),
                 refusal("N", [&] { store.load("N"); }));
        QVERIFY(refusal("S", [&] {
                    reader.read_closes("S", closes);
                }).find("column close is damaged") != std::string::npos);
        QCOMPARE(refusal("L", [&] { reader.bar_name("L", 1); }),
                 refusal("L", [&] { store.load("L"); }));
        QVERIFY(refusal("OK", [&] { reader.bar_name("OK", 9); }).find("no bar 9") !=
                std::string::npos);
        reader.read_closes("OK", closes);
        QVERIFY(closes == make_bars(9, 3.0).close);
        const BarName last = reader.bar_name("OK", 8);
        QCOMPARE(last.label, std::optional<std::string>("d8"));
        QCOMPARE(last.time_ms, std::optional<std::int64_t>(make_bars(9, 3.0).time_ms[8]));
        QCOMPARE(last.time_kind, TimeKind::Date);
        const BarName bare = reader.bar_name("BARE", 2);
        QVERIFY(!bare.label && !bare.time_ms);
    }

    // Blobs read into the caller's memory, whole or from an offset, row after
    // row; a NULL value is an error, not an empty read.
    void blobReaderReadsStraightIntoMemory() {
        Database db = Database::open(path("blob_reader.sqlite"));
        db.exec(
            "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB); "
            "INSERT INTO t VALUES (1, x'00010203040506070809'), (2, x'FFFE'), (3, NULL)");
        BlobReader reader(db, "t", "v");
        QCOMPARE(reader.open(1), std::size_t{10});
        std::array<std::byte, 4> part{};
        reader.read(part, 6);
        QCOMPARE(part, (std::array{std::byte{6}, std::byte{7}, std::byte{8}, std::byte{9}}));
        QCOMPARE(reader.open(2), std::size_t{2});
        std::array<std::byte, 2> whole{};
        reader.read(whole);
        QCOMPARE(whole, (std::array{std::byte{0xFF}, std::byte{0xFE}}));
        QVERIFY_THROWS_EXCEPTION(StoreError, reader.open(3));
        QVERIFY_THROWS_EXCEPTION(StoreError, reader.open(4));
        QCOMPARE(reader.open(1), std::size_t{10});  // usable again after a failure
        std::array<std::byte, 11> too_much{};
        QVERIFY_THROWS_EXCEPTION(StoreError, reader.read(too_much));
    }

    void removeDeletesBars() {
        Database db = Database::open(path("remove.sqlite"));
        SymbolStore store(db);
        store.save({"X", "", "", "", SymbolKind::Imported, 0}, make_bars(5, 1.0));
        QVERIFY(store.remove("X"));
        QVERIFY(!store.remove("X"));
        Statement q(db, "SELECT COUNT(*) FROM bars");
        q.step();
        QCOMPARE(q.int64(0), std::int64_t{0});
        QVERIFY_THROWS_EXCEPTION(StoreError, store.load("X"));
    }

    // SQLite's reset repeats the error of the step before it: step() reports it,
    // reset() does not report it twice, and the statement runs again afterwards
    // with the values bound anew.
    void statementRunsAgainAfterFailedStep() {
        Database db = Database::open(path("reset.sqlite"));
        db.exec("CREATE TABLE t(x INTEGER NOT NULL UNIQUE)");
        Statement insert(db, "INSERT INTO t(x) VALUES (?1)");
        insert.bind(1, std::int64_t{1}).run();
        insert.reset();
        insert.bind(1, std::int64_t{1});
        QVERIFY_THROWS_EXCEPTION(StoreError, insert.run());
        insert.reset();
        insert.bind(1, std::int64_t{2}).run();
        insert.reset();
        // The bindings are cleared too: an unbound parameter is NULL.
        QVERIFY_THROWS_EXCEPTION(StoreError, insert.run());
        insert.reset();
        Statement count(db, "SELECT COUNT(*) FROM t");
        QVERIFY(count.step());
        QCOMPARE(count.int64(0), std::int64_t{2});
    }

    // A file written by schema version 1 (before provenance and the cache) opens,
    // is migrated, and keeps its symbols.
    void migratesVersionOneFile() {
        const fs::path p = path("v1.sqlite");
        raw_exec(p, R"sql(
            CREATE TABLE schema_version(version INTEGER NOT NULL);
            INSERT INTO schema_version VALUES (1);
            CREATE TABLE symbols(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL DEFAULT '', timeframe TEXT NOT NULL DEFAULT '',
                imported_at_ms INTEGER NOT NULL DEFAULT 0, bar_count INTEGER NOT NULL DEFAULT 0,
                first_time_ms INTEGER, last_time_ms INTEGER);
            CREATE TABLE bars(symbol_id INTEGER PRIMARY KEY REFERENCES symbols(id) ON DELETE CASCADE,
                time_kind INTEGER NOT NULL DEFAULT 0, time_column TEXT NOT NULL DEFAULT '', time_ms BLOB, open BLOB, high BLOB, low BLOB,
                close BLOB NOT NULL, volume BLOB, label_column TEXT NOT NULL DEFAULT '', labels BLOB);
            INSERT INTO symbols(id, name, source, timeframe, bar_count) VALUES (7, 'OLD', 'old.csv', '1d', 2);
            INSERT INTO bars(symbol_id, close) VALUES (7, X'000000000000F03F0000000000000040');
        )sql");
        OpenReport report;
        Database db = Database::open(p, &report);
        QCOMPARE(report.migrated_from, 1);
        QVERIFY(!report.created);
        QCOMPARE(db.schema_version(), kSchemaVersion);
        SymbolStore store(db);
        const auto info = store.find("OLD");
        QVERIFY(info.has_value());
        QCOMPARE(info->id, std::int64_t{7});
        QCOMPARE(info->meta.kind, SymbolKind::Imported);
        QCOMPARE(store.load("OLD").close, (std::vector<double>{1.0, 2.0}));
        Statement cache(db, "SELECT COUNT(*) FROM result_cache");
        QVERIFY(cache.step());
        QVERIFY(AlertStore(db).list().alerts.empty());  // the alert tables of version 5
    }

    // A version 3 file (before drawings) gains the drawings table and keeps its symbols.
    void migratesVersionThreeToDrawings() {
        const fs::path p = path("v3.sqlite");
        {
            Database db = Database::open(p);
            SymbolStore(db).save({"DAX", "bundled:DAX.csv", "1d", "", SymbolKind::Bundled, 0},
                                 make_bars(5, 1.0));
        }
        OpenReport report;
        Database db = open_taken_back(
            p, "DROP TABLE drawings; DROP TABLE alert_events; DROP TABLE alerts", 3, report);
        QCOMPARE(report.migrated_from, 3);
        QCOMPARE(db.schema_version(), kSchemaVersion);
        QCOMPARE(SymbolStore(db).load("DAX").close.size(), std::size_t{5});
        DrawingStore drawings(db);
        QVERIFY(drawings.load("DAX").drawings.empty());
        const Drawing line{DrawingKind::HorizontalLine,
                           false,
                           {1'700'000'000'000, 15000.5},
                           {1'700'000'000'000, 15000.5},
                           false};
        drawings.save("DAX", std::span(&line, 1));
        QCOMPARE(drawings.load("DAX").drawings, std::vector<Drawing>{line});
    }

    // Each symbol's drawings come back as saved, in their order; a save
    // replaces them all, and another symbol's stay.
    void drawingsRoundTripPerSymbol() {
        Database db = Database::open(path("drawings.sqlite"));
        DrawingStore store(db);
        const std::vector<Drawing> dax = {
            {DrawingKind::TrendLine,
             false,
             {1'700'000'000'000, 100.25},
             {1'700'086'400'000, 120.5},
             true},
            {DrawingKind::Rectangle,
             false,
             {1'690'000'000'000, 90.0},
             {1'695'000'000'000, 80.0},
             false},
            {DrawingKind::VerticalLine, true, {42, 10.0}, {42, 10.0}, false},
            {DrawingKind::HorizontalLine, false, {-5, 0.001}, {-5, 0.001}, false},
        };
        const std::vector<Drawing> smi = {
            {DrawingKind::HorizontalLine, false, {1, 11000.0}, {1, 11000.0}, false}};
        store.save("DAX", dax);
        store.save("SMI", smi);
        LoadedDrawings loaded = store.load("DAX");
        QCOMPARE(loaded.drawings, dax);
        QVERIFY(loaded.skipped.empty());
        QCOMPARE(store.load("SMI").drawings, smi);
        QVERIFY(store.load("CAC").drawings.empty());

        store.save("DAX", std::span(dax).subspan(1, 2));
        QCOMPARE(store.load("DAX").drawings,
                 std::vector<Drawing>(dax.begin() + 1, dax.begin() + 3));
        store.save("DAX", {});
        QVERIFY(store.load("DAX").drawings.empty());
        QCOMPARE(store.load("SMI").drawings, smi);

        // A price that is not a number is refused whole: what was saved stays.
        Drawing bad = smi.front();
        bad.end.price = std::nan("");
        QVERIFY_THROWS_EXCEPTION(StoreError, store.save("SMI", std::span(&bad, 1)));
        QCOMPARE(store.load("SMI").drawings, smi);
    }

    // Rows this version cannot draw (a later version's kind, a price that is
    // NULL or not finite) are skipped with a sentence each; the others load.
    void badDrawingRowsAreSkipped() {
        const fs::path p = path("bad-drawings.sqlite");
        {
            Database db = Database::open(p);
            const Drawing good{DrawingKind::HorizontalLine, false, {7, 50.0}, {7, 50.0}, false};
            DrawingStore(db).save("ACME", std::span(&good, 1));
        }
        raw_exec(p, R"sql(
            INSERT INTO drawings(symbol, position, kind, x1, price1, x2, price2)
                VALUES ('ACME', 1, 99, 0, 1.0, 0, 1.0);
            INSERT INTO drawings(symbol, position, kind, x1, price1, x2, price2)
                VALUES ('ACME', 2, 1, 0, NULL, 5, 2.0);
            INSERT INTO drawings(symbol, position, kind, x1, price1, x2, price2)
                VALUES ('ACME', 3, 3, 0, 1.0, 5, 9e999);
        )sql");
        Database db = Database::open(p);
        const LoadedDrawings loaded = DrawingStore(db).load("ACME");
        QCOMPARE(loaded.drawings.size(), std::size_t{1});
        QCOMPARE(loaded.drawings.front().start.price, 50.0);
        QCOMPARE(loaded.skipped.size(), std::size_t{3});
        QVERIFY2(QString::fromStdString(loaded.skipped[0]).contains("kind (99)"),
                 loaded.skipped[0].c_str());
        QVERIFY2(QString::fromStdString(loaded.skipped[1]).contains("not a number"),
                 loaded.skipped[1].c_str());
        QVERIFY2(QString::fromStdString(loaded.skipped[2]).contains("not a number"),
                 loaded.skipped[2].c_str());
    }

    // Version 2 called the bundled samples and the user's files alike "real";
    // the migration tells them apart by source, and list order is unchanged.
    void migratesVersionTwoKinds() {
        const fs::path p = path("v2.sqlite");
        {
            Database db = Database::open(p);
            SymbolStore store(db);
            store.save({"DAX", "bundled:DAX.csv", "", "", SymbolKind::Bundled, 0},
                       make_bars(5, 1.0));
            store.save({"MINE", "/home/u/mine.csv", "1d", "", SymbolKind::Imported, 1},
                       make_bars(5, 1.0));
            store.save({"GEN-0001", "generator", "1d", "", SymbolKind::Generated, 0},
                       make_bars(5, 1.0));
        }
        OpenReport report;
        Database db =
            open_taken_back(p,
                            "UPDATE symbols SET kind = 0 WHERE kind = 2; DROP TABLE drawings; "
                            "DROP TABLE alert_events; DROP TABLE alerts",
                            2, report);
        QCOMPARE(report.migrated_from, 2);
        SymbolStore store(db);
        const std::vector<SymbolInfo> list = store.list();
        QCOMPARE(list.size(), std::size_t{3});
        QCOMPARE(list[0].meta.name, std::string("DAX"));
        QCOMPARE(list[0].meta.kind, SymbolKind::Bundled);
        QCOMPARE(symbol_origin(list[0].meta), std::string("bundled sample (DAX.csv)"));
        QCOMPARE(list[1].meta.kind, SymbolKind::Imported);
        QCOMPARE(symbol_origin(list[1].meta), std::string("imported from mine.csv"));
        QCOMPARE(list[2].meta.kind, SymbolKind::Generated);
        QCOMPARE(symbol_kind_name(list[2].meta.kind), std::string_view("generated"));
    }

    void garbageFileIsMovedAsideNotDeleted() {
        const fs::path p = path("garbage.sqlite");
        const std::string junk =
            "this is not a database, it is a note a user saved here\n" + std::string(5000, 'x');
        write_bytes(p, junk);
        OpenReport report;
        Database db = Database::open(p, &report);
        QVERIFY(!report.moved_aside.empty());
        QVERIFY(!report.problem.empty());
        QVERIFY(report.created);
        QCOMPARE(read_bytes(report.moved_aside), junk);  // kept byte for byte
        QVERIFY(QString::fromStdString(report.moved_aside.filename().string())
                    .startsWith("garbage.sqlite.corrupt-"));
        SymbolStore store(db);
        store.save({"NEW", "", "", "", SymbolKind::Imported, 0}, make_bars(5, 1.0));
        QCOMPARE(store.count(), std::size_t{1});
    }

    void damagedPagesAreDetected() {
        const fs::path p = path("damaged.sqlite");
        {
            Database db = Database::open(p);
            save_twenty_symbols(db);
        }
        std::string bytes = read_bytes(p);
        QVERIFY(bytes.size() > 64 * 1024);
        // Scribble over the b-tree pages after the header page (the schema stays
        // readable).
        const std::size_t page = page_size_of(bytes);
        QVERIFY(bytes.size() > page * 6);
        for (std::size_t i = page; i < page * 6; ++i)
            bytes[i] = static_cast<char>(i * 31 + 7);
        write_bytes(p, bytes);
        OpenReport report;
        Database db = Database::open(p, &report);
        QVERIFY2(!report.moved_aside.empty(), "a damaged file must be detected at open");
        QCOMPARE(read_bytes(report.moved_aside), bytes);
        QCOMPARE(SymbolStore(db).count(), std::size_t{0});
    }

    // Between full checks an open checks all but the bars: damage there is
    // not looked for (the whole file is tens of milliseconds to read), and
    // the file stays in use until a full check is due.
    void damageInTheBarsWaitsForTheFullCheck() {
        const fs::path p = path("bars-damaged.sqlite");
        {
            OpenReport report;
            Database db = Database::open(p, &report);
            QVERIFY(report.created);
            QVERIFY(!report.fully_checked);
            save_twenty_symbols(db);
        }
        const std::string bytes = scribble_over_a_bars_page(p);
        {
            // A new file counts as checked: the next full check is a day away.
            OpenReport report;
            Database db = Database::open(p, &report);
            QVERIFY2(report.moved_aside.empty(), report.problem.c_str());
            QVERIFY(!report.fully_checked);
            QCOMPARE(SymbolStore(db).count(), std::size_t{20});
            QVERIFY2(quick_check(db) != "ok", "the page was not damaged: the test proves nothing");
        }
        // A day later the whole file is read, the damage found, the file kept.
        raw_exec(p,
                 "UPDATE store_meta SET value = value - 2 * 86400000 WHERE name = "
                 "'full_check_ms'; PRAGMA wal_checkpoint(TRUNCATE);");
        const std::string aged = read_bytes(p);
        OpenReport report;
        Database db = Database::open(p, &report);
        QVERIFY(report.fully_checked);
        QVERIFY2(QString::fromStdString(report.full_check_reason).contains("day"),
                 report.full_check_reason.c_str());
        QVERIFY2(!report.moved_aside.empty(), "the full check must find the damaged page");
        QCOMPARE(read_bytes(report.moved_aside), aged);
        QVERIFY(!report.problem.empty());
        QCOMPARE(SymbolStore(db).count(), std::size_t{0});
    }

    // A -wal file that holds changes when the file is opened means its last
    // user did not close it (killed, a power cut): the whole file is read.
    void unsafeShutdownChecksTheWholeFile() {
        const fs::path p = path("unclean.sqlite");
        {
            Database db = Database::open(p);
            save_twenty_symbols(db);
        }
        scribble_over_a_bars_page(p);
        // A program that wrote and never closed: its WAL, copied while it
        // was open, is what a kill leaves behind.
        const fs::path copy = path("unclean-copy.sqlite");
        {
            sqlite3* raw = nullptr;
            QCOMPARE(sqlite3_open(p.c_str(), &raw), SQLITE_OK);
            QCOMPARE(sqlite3_exec(raw,
                                  "PRAGMA wal_autocheckpoint = 0; UPDATE symbols SET "
                                  "sort_order = 1 WHERE name = 'S0'",
                                  nullptr, nullptr, nullptr),
                     SQLITE_OK);
            fs::copy_file(p, copy);
            fs::path wal = p;
            wal += "-wal";
            fs::path wal_copy = copy;
            wal_copy += "-wal";
            fs::copy_file(wal, wal_copy);
            QVERIFY(fs::file_size(wal_copy) > 0);
            sqlite3_close(raw);
        }
        OpenReport report;
        Database db = Database::open(copy, &report);
        QVERIFY(report.fully_checked);
        QVERIFY2(QString::fromStdString(report.full_check_reason).contains("not closed cleanly"),
                 report.full_check_reason.c_str());
        QVERIFY2(!report.moved_aside.empty(), "the full check must find the damaged page");
        QCOMPARE(SymbolStore(db).count(), std::size_t{0});
    }

    // A full check that passes is recorded: the next open checks less.
    void passedFullCheckIsRecorded() {
        const fs::path p = path("recorded.sqlite");
        {
            Database db = Database::open(p);
            SymbolStore(db).save({"A", "", "", "", SymbolKind::Imported, 0}, make_bars(50, 1.0));
        }
        raw_exec(p, "DELETE FROM store_meta; PRAGMA wal_checkpoint(TRUNCATE);");
        {
            OpenReport report;
            Database db = Database::open(p, &report);
            QVERIFY(report.fully_checked);
            QVERIFY(report.moved_aside.empty());
        }
        OpenReport report;
        Database db = Database::open(p, &report);
        QVERIFY2(!report.fully_checked, report.full_check_reason.c_str());
        QCOMPARE(SymbolStore(db).count(), std::size_t{1});
    }

    // The store keeps hash_closes of every symbol's closes, so that a scan
    // finds its cached results without reading the bars; whatever changes
    // the closes changes it, and a writer that does not know it (the sqlite3
    // shell) leaves none rather than a wrong one.
    void closeHashFollowsTheCloses() {
        Database db = Database::open(path("hashes.sqlite"));
        SymbolStore store(db);
        // Appending takes bars without labels.
        const auto unlabelled = [](PriceSeries bars) {
            bars.labels = {};
            bars.label_column.clear();
            return bars;
        };
        const PriceSeries first = unlabelled(make_bars(300, 5.0));
        store.save({"H", "", "", "", SymbolKind::Imported, 0}, first);
        const auto digest_of = [&db](const char* name) {
            return ScanBarsReader(db).closes_digest(name);
        };
        auto digest = digest_of("H");
        QVERIFY(digest.has_value());
        QCOMPARE(digest->bars, std::uint64_t{300});
        QVERIFY(digest->closes == cache::hash_closes(first.close));

        PriceSeries more = unlabelled(make_bars(10, 7.0));
        for (std::int64_t& t : more.time_ms)
            t += 400LL * 86'400'000;
        store.append({"H", "", "", "", SymbolKind::Imported, 0}, more);
        digest = digest_of("H");
        QVERIFY(digest.has_value());
        QCOMPARE(digest->bars, std::uint64_t{310});
        QVERIFY(digest->closes == cache::hash_closes(store.load("H").close));

        const PriceSeries replaced = make_bars(300, 6.0);
        store.save({"H", "", "", "", SymbolKind::Imported, 0}, replaced);
        digest = digest_of("H");
        QVERIFY(digest.has_value());
        QVERIFY(digest->closes == cache::hash_closes(replaced.close));

        // Closes changed behind the store's back, even to the same length.
        db.exec("UPDATE bars SET close = zeroblob(length(close))");
        QVERIFY(!digest_of("H").has_value());
        store.save({"H", "", "", "", SymbolKind::Imported, 0}, replaced);
        QVERIFY(digest_of("H").has_value());
        db.exec("DELETE FROM bars");
        QVERIFY(!digest_of("H").has_value());
        std::vector<double> close;
        QVERIFY_THROWS_EXCEPTION(StoreError, ScanBarsReader(db).read_closes("H", close));
        store.save({"H", "", "", "", SymbolKind::Imported, 0}, replaced);
        QVERIFY(digest_of("H").has_value());
        db.exec(
            "DELETE FROM bars; INSERT INTO bars(symbol_id, close) SELECT id, zeroblob(8 * "
            "bar_count) FROM symbols");
        QVERIFY(!digest_of("H").has_value());
        // Removed through the store, the symbol goes with its bars.
        store.save({"H", "", "", "", SymbolKind::Imported, 0}, replaced);
        QVERIFY(store.remove("H"));
        QVERIFY_THROWS_EXCEPTION(StoreError, digest_of("H"));
        QVERIFY_THROWS_EXCEPTION(StoreError, digest_of("nothing"));
    }

    // A version 5 file gains the close hashes of the symbols it holds.
    void migratesVersionFiveToCloseHashes() {
        const fs::path p = path("v5.sqlite");
        const PriceSeries bars = make_bars(40, 3.0);
        {
            Database db = Database::open(p);
            SymbolStore store(db);
            store.save({"FIVE", "", "", "", SymbolKind::Imported, 0}, bars);
            store.save({"BROKEN", "", "", "", SymbolKind::Imported, 0}, bars);
        }
        raw_exec(p,
                 "UPDATE bars SET close = x'0102' WHERE symbol_id = (SELECT id FROM symbols "
                 "WHERE name = 'BROKEN')");
        OpenReport report;
        Database db = open_taken_back(p, "SELECT 1", 5, report);
        QCOMPARE(report.migrated_from, 5);
        QCOMPARE(db.schema_version(), kSchemaVersion);
        ScanBarsReader reader(db);
        const auto digest = reader.closes_digest("FIVE");
        QVERIFY(digest.has_value());
        QCOMPARE(digest->bars, std::uint64_t{40});
        QVERIFY(digest->closes == cache::hash_closes(bars.close));
        // Closes of the wrong size get no hash: reading them says what is wrong.
        QVERIFY(!reader.closes_digest("BROKEN").has_value());
        std::vector<double> close;
        QVERIFY_THROWS_EXCEPTION(StoreError, reader.read_closes("BROKEN", close));
    }

    void foreignDatabaseIsLeftAlone() {
        const fs::path p = path("foreign.sqlite");
        raw_exec(p,
                 "CREATE TABLE invoices(id INTEGER, amount REAL); INSERT INTO invoices VALUES (1, "
                 "9.5);");
        const std::string before = read_bytes(p);
        try {
            Database::open(p);
            QFAIL("a foreign database was accepted");
        } catch (const StoreError& e) {
            QVERIFY(QString::fromLatin1(e.what()).contains("not an ATC Studio database"));
        }
        QCOMPARE(read_bytes(p), before);
        QVERIFY(fs::exists(p));
    }

    void newerSchemaIsRefusedUntouched() {
        const fs::path p = path("newer.sqlite");
        { Database::open(p); }
        raw_exec(p, "UPDATE schema_version SET version = 99; PRAGMA wal_checkpoint(TRUNCATE);");
        const std::string before = read_bytes(p);
        try {
            Database::open(p);
            QFAIL("a newer schema was accepted");
        } catch (const StoreError& e) {
            QVERIFY(QString::fromLatin1(e.what()).contains("newer ATC Studio"));
        }
        QCOMPARE(read_bytes(p), before);
    }

    // Engine workers read with their own connections while the GUI re-imports.
    void concurrentReadersAndWriter() {
        const fs::path p = path("concurrent.sqlite");
        {
            Database db = Database::open(p);
            SymbolStore store(db);
            for (int i = 0; i < 8; ++i) {
                store.save({"S" + std::to_string(i), "", "1d", "", SymbolKind::Imported, 0},
                           make_bars(2000, 100.0));
            }
        }
        std::atomic<bool> stop{false};
        std::atomic<int> failures{0};
        std::atomic<int> reads{0};
        std::vector<std::thread> readers;
        for (int t = 0; t < 4; ++t) {
            readers.emplace_back([&, t] {
                try {
                    Database db = Database::connect(p);
                    SymbolStore store(db);
                    for (int k = 0; !stop || k < 50; ++k) {
                        const PriceSeries s = store.load("S" + std::to_string((k + t) % 8));
                        // Every load sees one complete version of the bars, never a mix.
                        const double base = s.close.front();
                        if (s.close.size() != 2000 || (base != 100.0 && base != 200.0))
                            ++failures;
                        ++reads;
                        if (k > 5000)
                            break;
                    }
                } catch (const std::exception& e) {
                    qWarning("reader failed: %s", e.what());
                    ++failures;
                }
            });
        }
        {
            Database db = Database::connect(p);
            SymbolStore store(db);
            for (int round = 0; round < 40; ++round) {
                store.save({"S" + std::to_string(round % 8), "", "1d", "", SymbolKind::Imported, 0},
                           make_bars(2000, round % 2 ? 200.0 : 100.0));
            }
        }
        stop = true;
        for (auto& r : readers)
            r.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(reads.load() >= 200);
    }

    // Alerts: a new one has seen the symbol's bars of now; checks and fired
    // events are saved; events outlive their alert, alerts go with their symbol.
    void alertsAreKeptWithTheirSymbol() {
        Database db = Database::open(path("alerts.sqlite"));
        SymbolStore symbols(db);
        symbols.save({"AAA", "a.csv", "1d", "", SymbolKind::Imported, 0}, make_bars(30, 10.0));
        symbols.save({"BBB", "b.csv", "", "", SymbolKind::Imported, 1}, make_bars(8, 5.0, false));
        AlertStore alerts(db);
        const AlertDefinition price = alerts.add("AAA", AlertKind::PriceCrossing, 12.5);
        QCOMPARE(price.checked_bars, std::size_t{30});
        QCOMPARE(*price.checked_time_ms, make_bars(30, 10.0).time_ms.back());
        const AlertDefinition average = alerts.add("BBB", AlertKind::AverageAboveLong, 7.0);
        QCOMPARE(average.level, 0.0);  // the thresholds come from the parameters
        QCOMPARE(average.checked_bars, std::size_t{8});
        QVERIFY(!average.checked_time_ms);

        QCOMPARE(alerts.list().alerts.size(), std::size_t{2});
        const AlertList of_aaa = alerts.list_for("AAA");
        QCOMPARE(of_aaa.alerts.size(), std::size_t{1});
        QCOMPARE(of_aaa.alerts[0].kind, AlertKind::PriceCrossing);
        QCOMPARE(of_aaa.alerts[0].level, 12.5);
        QVERIFY(of_aaa.alerts[0].enabled);
        QVERIFY(of_aaa.skipped.empty());

        alerts.record({{price.id, 31, 1'800'000'000'000, AlertEvent{0, {}, "AAA", 5000, "up"}},
                       {average.id, 9, std::nullopt, std::nullopt}});
        alerts.record({{price.id, 32, 1'800'000'100'000, AlertEvent{0, {}, "AAA", 6000, "down"}}});
        const AlertDefinition seen = alerts.list_for("AAA").alerts.at(0);
        QCOMPARE(seen.checked_bars, std::size_t{32});
        QCOMPARE(*seen.checked_time_ms, std::int64_t{1'800'000'100'000});
        QCOMPARE(alerts.list_for("BBB").alerts.at(0).checked_bars, std::size_t{9});
        std::vector<AlertEvent> events = alerts.events();
        QCOMPARE(events.size(), std::size_t{2});
        QCOMPARE(events[0].message, std::string("down"));  // newest first
        QCOMPARE(events[1].fired_ms, std::int64_t{5000});
        QCOMPARE(*events[1].alert_id, price.id);
        QCOMPARE(alerts.events(1).size(), std::size_t{1});

        // Off, then on again: what the symbol has by then is history.
        QVERIFY(alerts.set_enabled(price.id, false));
        QVERIFY(!alerts.list_for("AAA").alerts.at(0).enabled);
        QVERIFY(alerts.set_enabled(price.id, true));
        const AlertDefinition again = alerts.list_for("AAA").alerts.at(0);
        QVERIFY(again.enabled);
        QCOMPARE(again.checked_bars, std::size_t{30});

        // Removing the alert keeps what it fired; removing a symbol its alerts.
        QVERIFY(alerts.remove(price.id));
        QVERIFY(!alerts.remove(price.id));
        events = alerts.events();
        QCOMPARE(events.size(), std::size_t{2});
        QVERIFY(!events[0].alert_id);
        QCOMPARE(events[0].symbol, std::string("AAA"));
        QVERIFY(symbols.remove("BBB"));
        QVERIFY(alerts.list().alerts.empty());
        // A check of an alert removed meanwhile records nothing.
        alerts.record({{average.id, 10, std::nullopt, AlertEvent{0, {}, "BBB", 7000, "late"}}});
        QCOMPARE(alerts.events().size(), std::size_t{2});
    }

    void alertNeedsAStoredSymbolAndAPrice() {
        Database db = Database::open(path("alerts-refused.sqlite"));
        SymbolStore(db).save({"AAA", "", "", "", SymbolKind::Imported, 0}, make_bars(5, 1.0));
        AlertStore alerts(db);
        QVERIFY_THROWS_EXCEPTION(StoreError, alerts.add("NOPE", AlertKind::PriceCrossing, 1.0));
        QVERIFY_THROWS_EXCEPTION(StoreError, alerts.add("AAA", AlertKind::PriceCrossing, 0.0));
        QVERIFY_THROWS_EXCEPTION(StoreError, alerts.add("AAA", AlertKind::PriceCrossing,
                                                        std::numeric_limits<double>::infinity()));
        QVERIFY(alerts.list().alerts.empty());
    }

    // Rows this version cannot use are left out, each with its reason.
    void badAlertRowsAreSkippedWithAMessage() {
        const fs::path p = path("alerts-bad.sqlite");
        std::int64_t good = 0;
        {
            Database db = Database::open(p);
            SymbolStore(db).save({"AAA", "", "", "", SymbolKind::Imported, 0}, make_bars(5, 1.0));
            AlertStore alerts(db);
            good = alerts.add("AAA", AlertKind::PriceCrossing, 2.0).id;
            alerts.add("AAA", AlertKind::PriceCrossing, 3.0);
            alerts.add("AAA", AlertKind::AverageBelowShort);
        }
        raw_exec(p,
                 "UPDATE alerts SET level = -4 WHERE level = 3; "
                 "UPDATE alerts SET kind = 9 WHERE kind = 1;");
        Database db = Database::open(p);
        const AlertList list = AlertStore(db).list();
        QCOMPARE(list.alerts.size(), std::size_t{1});
        QCOMPARE(list.alerts[0].id, good);
        QCOMPARE(list.skipped.size(), std::size_t{2});
        QVERIFY2(list.skipped[0].find("alert 2 on AAA skipped: its price level -4") == 0,
                 list.skipped[0].c_str());
        QVERIFY2(list.skipped[1].find("unknown kind 9") != std::string::npos,
                 list.skipped[1].c_str());
    }
};

QTEST_APPLESS_MAIN(TestStore)
#include "test_store.moc"
