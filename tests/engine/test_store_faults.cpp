// SPDX-License-Identifier: GPL-3.0-or-later
// The store when its file cannot be written: a read-only file or folder is
// opened read-only (its symbols intact and readable from every connection), a
// folder that cannot be made throws an "unwritable" StoreError, and the
// in-memory store the app falls back to works like a file and leaves none.
//
// chmod does not stop root, so the chmod cases skip where it does not (CI runs
// as root); the same fallback is then driven by a read-only SQLite URI, which
// SQLite refuses to write whoever runs it, and by a folder whose parent is a
// regular file, which nobody can create.
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "atc/store/database.hpp"
#include "atc/store/database_location.hpp"
#include "atc/store/symbol_store.hpp"

using namespace atc;
using namespace atc::store;
namespace fs = std::filesystem;

namespace {

PriceSeries make_bars(std::size_t n, double start) {
    PriceSeries s;
    for (std::size_t i = 0; i < n; ++i) {
        const double c = start + static_cast<double>(i % 23) * 0.37 - static_cast<double>(i) * 1e-3;
        s.close.push_back(c);
        s.time_ms.push_back(1'700'000'000'000 + static_cast<std::int64_t>(i) * 86'400'000);
        s.open.push_back(c - 0.1);
        s.high.push_back(c + 0.5);
        s.low.push_back(c - 0.5);
        s.volume.push_back(1000.0 + static_cast<double>(i));
    }
    s.time_column = "date";
    s.time_kind = TimeKind::Date;
    return s;
}

bool same_bars(const PriceSeries& a, const PriceSeries& b) {
    return a.close == b.close && a.time_ms == b.time_ms && a.open == b.open && a.high == b.high &&
           a.low == b.low && a.volume == b.volume && a.labels == b.labels;
}

std::string file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

// Whether chmod can stop this process writing into a folder (not for root).
bool permissions_bind_us(const fs::path& scratch) {
    fs::create_directories(scratch);
    fs::permissions(scratch, fs::perms::owner_read | fs::perms::owner_exec);
    const fs::path probe = scratch / "probe";
    const bool wrote = std::ofstream(probe).good();
    fs::permissions(scratch, fs::perms::owner_all);
    fs::remove(probe);
    return !wrote;
}

}  // namespace

class TestStoreFaults : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    const PriceSeries acme_ = make_bars(400, 50.0);
    const PriceSeries beta_ = make_bars(120, 7.0);

    fs::path dir(const char* name) const {
        const fs::path d = fs::path(tmp_.path().toStdString()) / name;
        fs::create_directories(d);
        return d;
    }

    // A database with two symbols, closed again (so no -wal or -shm is left).
    fs::path make_database(const fs::path& folder) {
        const fs::path file = folder / "atc.sqlite";
        Database db = Database::open(file);
        SymbolStore store(db);
        store.save({"ACME", "acme.csv", "1d", "", SymbolKind::Imported, 0}, acme_);
        store.save({"BETA", "beta.csv", "1d", "", SymbolKind::Imported, 1}, beta_);
        return file;
    }

    // What every read-only case must show: the symbols, bit for bit, on this
    // connection and another one, and a save refused as unwritable.
    void verify_read_only(Database& db) {
        SymbolStore store(db);
        QCOMPARE(store.count(), std::size_t{2});
        QVERIFY(same_bars(store.load("ACME"), acme_));
        QVERIFY(same_bars(store.load("BETA"), beta_));
        QVERIFY(db.read_only());
        try {
            store.save({"NEW", "", "1d", "", SymbolKind::Imported, 0}, beta_);
            QFAIL("a read-only database accepted a save");
        } catch (const StoreError& e) {
            QVERIFY2(e.is_unwritable(), e.what());
        }
        // Another thread's connection opens it the same way from path() alone.
        bool other_ok = false;
        std::thread([&] {
            Database other = Database::connect(db.path());
            SymbolStore s(other);
            other_ok = other.read_only() && same_bars(s.load("ACME"), acme_);
        }).join();
        QVERIFY(other_ok);
    }

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void uriRoundTripsOddPaths() {
        const fs::path odd = fs::path(tmp_.path().toStdString()) / "a b%20c?d#e" / "x.sqlite";
        const fs::path uri = file_uri(odd, "mode=ro");
        QVERIFY(is_sqlite_uri(uri));
        QCOMPARE(QString::fromStdString(file_of(uri).string()),
                 QString::fromStdString(odd.string()));
        QVERIFY(!is_sqlite_uri(odd));
        QCOMPARE(file_of(odd), odd);
        QVERIFY(file_of("file:/atc-x?vfs=memdb").empty());
    }

    // Works as root: SQLite itself refuses to write through a mode=ro URI, and
    // Database::open decides "read-only" from that refusal.
    void readOnlyUriOpensReadOnly() {
        const fs::path file = make_database(dir("uri"));
        const std::string before = file_bytes(file);
        OpenReport report;
        Database db = Database::open(file_uri(file, "mode=ro"), &report);
        QCOMPARE(report.access, Access::ReadOnly);
        // The reason names the file and that read-only was asked for.
        QCOMPARE(QString::fromStdString(report.not_writable),
                 QString::fromStdString(file.string() + " was opened read-only (mode=ro)"));
        QVERIFY(report.moved_aside.empty());
        QVERIFY(is_sqlite_uri(db.path()));
        QCOMPARE(file_of(db.path()), file);
        verify_read_only(db);
        QCOMPARE(file_bytes(file), before);
    }

    void readOnlyFolderOpensReadOnly() {
        if (!permissions_bind_us(dir("probe-folder")))
            QSKIP(
                "chmod does not stop this user (root); readOnlyUriOpensReadOnly covers the "
                "same fallback");
        const fs::path folder = dir("ro-folder");
        const fs::path file = make_database(folder);
        const auto listed = names_in(folder);
        fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
        {
            OpenReport report;
            Database db = Database::open(file, &report);
            QCOMPARE(report.access, Access::ReadOnly);
            QVERIFY2(QString::fromStdString(report.not_writable)
                         .contains(QString::fromStdString(folder.string() + " is read-only")),
                     report.not_writable.c_str());
            verify_read_only(db);
        }
        fs::permissions(folder, fs::perms::owner_all);
        QCOMPARE(names_in(folder), listed);  // nothing was created or moved
    }

    void readOnlyFileOpensReadOnly() {
        if (!permissions_bind_us(dir("probe-file")))
            QSKIP(
                "chmod does not stop this user (root); readOnlyUriOpensReadOnly covers the "
                "same fallback");
        const fs::path file = make_database(dir("ro-file"));
        const std::string before = file_bytes(file);
        fs::permissions(file, fs::perms::owner_read);
        {
            OpenReport report;
            Database db = Database::open(file, &report);
            QCOMPARE(report.access, Access::ReadOnly);
            QVERIFY2(QString::fromStdString(report.not_writable)
                         .contains(QString::fromStdString(file.string() + " is read-only")),
                     report.not_writable.c_str());
            verify_read_only(db);
        }
        fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
        QCOMPARE(file_bytes(file), before);
    }

    // No file to read and none can be made: the caller hears "unwritable"
    // (the app then runs on a store in memory). A regular file where a folder
    // should be stops root too.
    void folderThatCannotBeMadeIsUnwritable() {
        const fs::path blocker = dir("blocked") / "not-a-folder";
        std::ofstream(blocker) << "x";
        const fs::path file = blocker / "sub" / "atc.sqlite";
        try {
            Database::open(file);
            QFAIL("opened a database under a regular file");
        } catch (const StoreError& e) {
            QVERIFY2(e.is_unwritable(), e.what());
            const std::string why = why_not_writable(file, e);
            QVERIFY2(QString::fromStdString(why).contains(
                         QString::fromStdString(blocker.string() + " is not a folder")),
                     why.c_str());
        }
        QVERIFY(fs::is_regular_file(blocker));
    }

    // A file with an older layout cannot be upgraded without writing: refused
    // (unwritable), not half-read.
    void olderLayoutReadOnlyIsRefused() {
        const fs::path file = dir("old") / "old.sqlite";
        {
            // Today's layout taken back to version 1's.
            Database db = Database::open(file);
            db.exec(
                "ALTER TABLE symbols DROP COLUMN provenance;"
                "ALTER TABLE symbols DROP COLUMN kind;"
                "ALTER TABLE symbols DROP COLUMN sort_order;"
                "DROP TABLE result_cache;"
                "DROP TABLE drawings;"
                "DROP TABLE alert_events;"
                "DROP TABLE alerts;"
                "UPDATE schema_version SET version = 1");
        }
        try {
            Database::open(file_uri(file, "mode=ro"));
            QFAIL("opened an old layout read-only");
        } catch (const StoreError& e) {
            QVERIFY2(e.is_unwritable(), e.what());
            QVERIFY2(QString::fromStdString(e.what()).contains("older layout"), e.what());
        }
    }

    void memoryDatabaseIsSharedAndLeavesNoFile() {
        const fs::path cwd = fs::current_path();
        fs::current_path(dir("memory-cwd"));
        const auto listed = names_in(fs::current_path());
        {
            Database keeper = Database::open_memory("test-store-faults");
            QCOMPARE(keeper.schema_version(), kSchemaVersion);
            QVERIFY(file_of(keeper.path()).empty());
            SymbolStore(keeper).save({"ACME", "", "1d", "", SymbolKind::Imported, 0}, acme_);
            bool other_ok = false;
            std::thread([&] {
                Database other = Database::connect(keeper.path());
                other_ok = same_bars(SymbolStore(other).load("ACME"), acme_);
            }).join();
            QVERIFY(other_ok);
        }
        // It ended with its last connection.
        Database again = Database::open_memory("test-store-faults");
        QCOMPARE(SymbolStore(again).count(), std::size_t{0});
        QCOMPARE(names_in(fs::current_path()), listed);
        fs::current_path(cwd);
    }
};

QTEST_GUILESS_MAIN(TestStoreFaults)
#include "test_store_faults.moc"
