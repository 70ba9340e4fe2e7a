// SPDX-License-Identifier: GPL-3.0-or-later
// What a scan reads of the stored symbols, and nothing more: each symbol's
// closes (the compute and the result cache's key need no other column) and,
// once computed, what names one bar (the last entry marker's). SymbolStore::load
// reads all six columns and every label into new vectors; a scan of the 505
// bundled symbols spent most of its time there (docs/PERFORMANCE.md, "Scanning
// the database").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atc/cache/cache_key.hpp"
#include "atc/price_csv.hpp"
#include "atc/store/database.hpp"

namespace atc::store {

// What names one stored bar: its label where the symbol has labels, its time
// where it has times (either may be missing, or both).
struct BarName {
    std::optional<std::string> label;
    std::optional<std::int64_t> time_ms;
    TimeKind time_kind = TimeKind::None;
};

// One statement, prepared once, finds a symbol's row and its columns' lengths;
// one blob handle per column read, moved from row to row (sqlite3_blob_reopen),
// copies the values straight from the file's pages into the caller's buffer.
// While the reader lives it holds one read transaction on the connection (it
// begins one unless the caller has), so every digest, every symbol and every
// bar name comes from the same snapshot of the file: a cached result found by
// a digest, and a marker's name, belong to the closes stored, even while
// another program re-imports. Nothing may be written through `db` meanwhile;
// other connections may write.
class ScanBarsReader {
public:
    explicit ScanBarsReader(Database& db);

    // What names the closes of symbol `name` in a result cache key, as the
    // store keeps it (symbols.close_hash), without reading any bars; nullopt
    // where the store does not know it (read_closes and hash them then: a
    // symbol whose closes are missing or damaged has none, and read_closes
    // says what is wrong). Throws StoreError where there is no such symbol.
    std::optional<cache::SeriesDigest> closes_digest(std::string_view name);

    // The closes of symbol `name` into `out`, whose capacity is kept: passing
    // the same vector for every symbol reuses its memory. Throws StoreError with
    // SymbolStore::load's messages where there is no such symbol or its stored
    // closes are missing or damaged.
    void read_closes(std::string_view name, std::vector<double>& out);

    // What names bar `bar` of symbol `name`. Throws StoreError where there is no
    // such symbol or bar, or its stored labels or times are damaged.
    BarName bar_name(std::string_view name, std::size_t bar);

private:
    // Steps find_ to the row of `name` (throws when there is none); the caller
    // resets it once done, so that the blobs are read in its transaction.
    void find(std::string_view name);
    // find(), then checks the closes' stored size; returns the bar count.
    std::size_t find_closes(std::string_view name);

    // BEGIN ... COMMIT around the reader's life (a read: nothing to roll back).
    class Snapshot {
    public:
        explicit Snapshot(Database& db);
        Snapshot(const Snapshot&) = delete;
        Snapshot& operator=(const Snapshot&) = delete;
        ~Snapshot();

    private:
        Database& db_;
        bool began_ = false;
    };

    // First: ended after the statement and the blob handles are done.
    Snapshot snapshot_;
    Statement find_;
    Statement digest_;
    BlobReader close_;
    BlobReader time_;
    BlobReader labels_;
    std::string labels_text_;  // reused for the labels of each symbol asked
};

}  // namespace atc::store
