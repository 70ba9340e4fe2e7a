// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/scan_bars_reader.hpp"

#include <sqlite3.h>

#include <span>
#include <utility>

#include "store/column_blob.hpp"
#include "system/huge_pages.hpp"

namespace atc::store {
namespace {

// The columns of ScanBarsReader::find_. length() is read from the record
// header, so finding a symbol reads none of its values.
enum FindColumn : int {
    kFindBarCount,
    kFindRow,
    kFindCloseBytes,
    kFindTimeKind,
    kFindTimeBytes,
    kFindLabelsBytes
};

// Rewinds the statement once the blobs are read, even on a throw: left
// mid-result it would keep its read transaction.
class ResetFind {
public:
    explicit ResetFind(Statement& s) : s_(s) {}
    ResetFind(const ResetFind&) = delete;
    ResetFind& operator=(const ResetFind&) = delete;
    // SQLite rewinds the statement even when its reset reports an error, and
    // a throw here could end the program while a StoreError unwinds.
    ~ResetFind() {
        try {
            s_.reset();
        } catch (const StoreError&) {
        }
    }

private:
    Statement& s_;
};

}  // namespace

ScanBarsReader::ScanBarsReader(Database& db)
    : snapshot_(db),
      find_(db,
            "SELECT s.bar_count, b.symbol_id, length(b.close), b.time_kind, length(b.time_ms), "
            "length(b.labels) FROM symbols s JOIN bars b ON b.symbol_id = s.id WHERE s.name = ?"),
      // The symbols table alone: its rows are small, where finding a row of
      // bars reads the 64 KiB page that holds its start.
      digest_(db, "SELECT bar_count, close_hash FROM symbols WHERE name = ?"),
      close_(db, "bars", "close"),
      time_(db, "bars", "time_ms"),
      labels_(db, "bars", "labels") {}

ScanBarsReader::Snapshot::Snapshot(Database& db) : db_(db) {
    // Inside a transaction someone else opened, that one is the snapshot.
    if (sqlite3_get_autocommit(db.handle()) == 0)
        return;
    // Deferred: the read transaction starts with the first read, and no
    // write lock is taken.
    db.exec("BEGIN");
    began_ = true;
}

ScanBarsReader::Snapshot::~Snapshot() {
    if (!began_)
        return;
    try {
        db_.exec("COMMIT");  // nothing was written: this only ends the read
    } catch (const StoreError&) {
        // SQLite ends the transaction when the connection closes.
    }
}

void ScanBarsReader::find(std::string_view name) {
    find_.bind(1, name);
    if (!find_.step())
        throw detail::no_symbol_error(name);
}

std::size_t ScanBarsReader::find_closes(std::string_view name) {
    find(name);
    const auto n = static_cast<std::size_t>(find_.int64(kFindBarCount));
    if (find_.is_null(kFindCloseBytes))
        throw detail::missing_closes_error(name);
    if (static_cast<std::uint64_t>(find_.int64(kFindCloseBytes)) != n * sizeof(double))
        throw detail::damaged_column_error(name, "close");
    return n;
}

std::optional<cache::SeriesDigest> ScanBarsReader::closes_digest(std::string_view name) {
    const ResetFind reset(digest_);
    digest_.bind(1, name);
    if (!digest_.step())
        throw detail::no_symbol_error(name);
    // Only SymbolStore writes the hash, with closes of exactly bar_count
    // values, and any other change of the closes forgets it (schema.cpp):
    // where it is there, the closes are whole and it is theirs.
    const auto hash = cache::hash_from_bytes(digest_.blob(1));
    if (!hash)
        return std::nullopt;
    return cache::SeriesDigest{static_cast<std::uint64_t>(digest_.int64(0)), *hash};
}

void ScanBarsReader::read_closes(std::string_view name, std::vector<double>& out) {
    const ResetFind reset(find_);
    const std::size_t n = find_closes(name);
    system::resize_on_huge_pages(out, n);
    close_.open(find_.int64(kFindRow));
    close_.read(std::as_writable_bytes(std::span<double>(out)));
}

BarName ScanBarsReader::bar_name(std::string_view name, std::size_t bar) {
    const ResetFind reset(find_);
    find(name);
    const auto n = static_cast<std::size_t>(find_.int64(kFindBarCount));
    if (bar >= n) {
        std::string message = "symbol \"";
        message.append(name).append("\" has no bar ").append(std::to_string(bar));
        throw StoreError(message);
    }
    const std::int64_t row = find_.int64(kFindRow);
    BarName named;
    if (!find_.is_null(kFindLabelsBytes)) {
        // Labels are joined by '\n': the one asked for is found by counting.
        labels_text_.resize(static_cast<std::size_t>(find_.int64(kFindLabelsBytes)));
        labels_.open(row);
        labels_.read(std::as_writable_bytes(std::span<char>(labels_text_)));
        const auto label = detail::label_at(labels_text_, n, bar);
        if (!label)
            throw detail::damaged_labels_error(name);
        named.label = std::string(*label);
    }
    if (!find_.is_null(kFindTimeBytes)) {
        if (static_cast<std::uint64_t>(find_.int64(kFindTimeBytes)) != n * sizeof(std::int64_t))
            throw detail::damaged_column_error(name, "time");
        std::int64_t time_ms = 0;
        time_.open(row);
        time_.read(std::as_writable_bytes(std::span<std::int64_t>(&time_ms, 1)),
                   bar * sizeof(std::int64_t));
        named.time_ms = time_ms;
        named.time_kind = static_cast<TimeKind>(find_.int64(kFindTimeKind));
    }
    return named;
}

}  // namespace atc::store
