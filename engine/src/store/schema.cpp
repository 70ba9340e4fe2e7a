// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/schema.hpp"

#include <array>
#include <string>

#include "atc/cache/hash.hpp"

namespace atc::store::detail {
namespace {

// Each entry upgrades version i to i+1. Never edit a released step: add one.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    // 0 -> 1: symbols and their bars. A symbol's bars are one row of column
    // arrays (little-endian blobs), so loading a symbol is one read, not
    // thousands of rows.
    R"sql(
    CREATE TABLE schema_version(version INTEGER NOT NULL);
    INSERT INTO schema_version(version) VALUES (0);
    CREATE TABLE symbols(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL DEFAULT '',
        timeframe TEXT NOT NULL DEFAULT '',
        imported_at_ms INTEGER NOT NULL DEFAULT 0,
        bar_count INTEGER NOT NULL DEFAULT 0,
        first_time_ms INTEGER,
        last_time_ms INTEGER);
    CREATE TABLE bars(
        symbol_id INTEGER PRIMARY KEY REFERENCES symbols(id) ON DELETE CASCADE,
        time_kind INTEGER NOT NULL DEFAULT 0,
        time_column TEXT NOT NULL DEFAULT '',
        time_ms BLOB,
        open BLOB,
        high BLOB,
        low BLOB,
        close BLOB NOT NULL,
        volume BLOB,
        label_column TEXT NOT NULL DEFAULT '',
        labels BLOB);
    )sql",
    // 1 -> 2: provenance and ordering of symbols (real data before generated),
    // and the persistent result cache.
    R"sql(
    ALTER TABLE symbols ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
    ALTER TABLE symbols ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE symbols ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE result_cache(
        key BLOB PRIMARY KEY,
        kind INTEGER NOT NULL,
        engine_version TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        last_used INTEGER NOT NULL,
        payload BLOB NOT NULL) WITHOUT ROWID;
    CREATE INDEX result_cache_lru ON result_cache(last_used);
    )sql",
    // 2 -> 3: a symbol's kind says where it came from. Version 2 called the
    // bundled samples and the user's files alike "real" (0); the samples are
    // told apart by their source.
    R"sql(
    UPDATE symbols SET kind = 2 WHERE kind = 0 AND source LIKE 'bundled:%';
    )sql",
    // 3 -> 4: the trader's drawings on the price chart, by the symbol's name
    // (not its id: they stay with a symbol that is re-imported or removed and
    // imported again, as a trader expects), in the order they were drawn. The
    // columns may hold what a later version writes (another kind): the reader
    // skips rows it does not understand.
    R"sql(
    CREATE TABLE drawings(
        id INTEGER PRIMARY KEY,
        symbol TEXT NOT NULL,
        position INTEGER NOT NULL,
        kind INTEGER NOT NULL,
        by_bar INTEGER NOT NULL DEFAULT 0,
        x1 INTEGER NOT NULL,
        price1 REAL,
        x2 INTEGER NOT NULL,
        price2 REAL,
        extend_right INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX drawings_by_symbol ON drawings(symbol, position);
    )sql",
    // 4 -> 5: alerts (atc/store/alert_store.hpp). A definition goes with its
    // symbol; a fired event outlives both (it names the symbol as text).
    // checked_*: the bars the alert has evaluated, so only newer ones fire.
    R"sql(
    CREATE TABLE alerts(
        id INTEGER PRIMARY KEY,
        symbol_id INTEGER NOT NULL REFERENCES symbols(id) ON DELETE CASCADE,
        kind INTEGER NOT NULL,
        level REAL NOT NULL DEFAULT 0,
        enabled INTEGER NOT NULL DEFAULT 1,
        checked_bars INTEGER NOT NULL DEFAULT 0,
        checked_time_ms INTEGER);
    CREATE INDEX alerts_by_symbol ON alerts(symbol_id);
    CREATE TABLE alert_events(
        id INTEGER PRIMARY KEY,
        alert_id INTEGER REFERENCES alerts(id) ON DELETE SET NULL,
        symbol TEXT NOT NULL,
        fired_ms INTEGER NOT NULL,
        message TEXT NOT NULL);
    )sql",
    // 5 -> 6: what a scan needs to find its cached results without reading
    // the bars, and when the whole file was last checked (database.cpp).
    // symbols.close_hash is cache::hash_closes of the symbol's stored closes
    // (16 bytes: h1 then h2, little-endian), written with the bars by
    // SymbolStore; NULL means "not known", and a scan then reads and hashes
    // the closes. The triggers forget it whenever the closes change or go, so a
    // writer that does not know about it (an older tool, the sqlite3 shell)
    // can never leave a hash that no longer matches: the worst it costs is
    // the speed-up. After the SQL, fill_close_hashes() computes the hashes of
    // the symbols already stored. store_meta: small facts about the file.
    R"sql(
    ALTER TABLE symbols ADD COLUMN close_hash BLOB;
    CREATE TRIGGER bars_insert_forgets_close_hash AFTER INSERT ON bars BEGIN
        UPDATE symbols SET close_hash = NULL WHERE id = new.symbol_id;
    END;
    CREATE TRIGGER bars_update_forgets_close_hash AFTER UPDATE OF close, symbol_id ON bars BEGIN
        UPDATE symbols SET close_hash = NULL WHERE id IN (old.symbol_id, new.symbol_id);
    END;
    CREATE TRIGGER bars_delete_forgets_close_hash AFTER DELETE ON bars BEGIN
        UPDATE symbols SET close_hash = NULL WHERE id = old.symbol_id;
    END;
    CREATE TABLE store_meta(
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL) WITHOUT ROWID;
    )sql",
};

// The close hashes of every stored symbol (migration 5 -> 6). A symbol whose
// closes are missing or of the wrong size keeps NULL: reading it reports the
// damage as before.
void fill_close_hashes(Database& db) {
    Statement rows(db,
                   "SELECT b.symbol_id, b.close FROM bars b JOIN symbols s ON s.id = b.symbol_id "
                   "WHERE length(b.close) = 8 * s.bar_count");
    Statement set(db, "UPDATE symbols SET close_hash = ? WHERE id = ?");
    while (rows.step()) {
        // The blob holds the closes' little-endian bytes (column_blob.hpp),
        // which is what hash_closes hashes.
        const cache::HashBytes stored = cache::to_bytes(cache::murmur3_x64_128(rows.blob(1)));
        set.bind_blob(1, stored).bind(2, rows.int64(0)).run();
        set.reset();
    }
}

// Steps that SQL alone cannot do, run in the step's transaction after its SQL.
void finish_step(Database& db, int to_version) {
    if (to_version == 6)
        fill_close_hashes(db);
}

bool has_table(Database& db, const char* name) {
    Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind(1, std::string_view(name));
    return q.step();
}

bool has_any_table(Database& db) {
    Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1");
    return q.step();
}

}  // namespace

int read_schema_version(Database& db) {
    if (!has_table(db, "schema_version"))
        return 0;
    Statement q(db, "SELECT version FROM schema_version");
    return q.step() ? static_cast<int>(q.int64(0)) : 0;
}

void check_ownership(Database& db) {
    if (!has_table(db, "schema_version")) {
        if (has_any_table(db)) {
            throw ForeignDatabase("database \"" + db.path().string() +
                                  "\" is not an ATC Studio database (it has other tables); it "
                                  "was left untouched: choose another file");
        }
        return;
    }
    const int version = read_schema_version(db);
    if (version > kSchemaVersion) {
        throw ForeignDatabase("database \"" + db.path().string() +
                              "\" was written by a newer ATC Studio (schema " +
                              std::to_string(version) + "; this version understands up to " +
                              std::to_string(kSchemaVersion) +
                              "); it was left untouched: update ATC Studio or choose another file");
    }
}

int migrate(Database& db) {
    check_ownership(db);
    const int start = read_schema_version(db);
    for (int v = start; v < kSchemaVersion; ++v) {
        Transaction tx(db);
        db.exec(kMigrations[static_cast<std::size_t>(v)]);
        finish_step(db, v + 1);
        Statement set(db, "UPDATE schema_version SET version = ?");
        set.bind(1, std::int64_t{v + 1}).run();
        tx.commit();
    }
    return start > 0 && start < kSchemaVersion ? start : 0;
}

}  // namespace atc::store::detail
