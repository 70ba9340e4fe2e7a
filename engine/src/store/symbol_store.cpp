// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/symbol_store.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <functional>

#include "atc/cache/hash.hpp"
#include "store/column_blob.hpp"
#include "store/wall_clock.hpp"
#include "system/huge_pages.hpp"

namespace atc::store {
namespace detail {

std::string join_labels(const LabelColumn& labels) {
    std::string joined;
    joined.reserve(labels.chars().size() + labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0)
            joined += '\n';
        joined += labels[i];
    }
    return joined;
}

std::optional<LabelColumn> split_labels(std::span<const std::byte> blob, std::size_t count) {
    const std::string_view text(reinterpret_cast<const char*>(blob.data()), blob.size());
    LabelColumn labels;
    labels.reserve(count, text.size());
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        labels.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    if (labels.size() != count)
        return std::nullopt;
    return labels;
}

std::optional<std::string_view> label_at(std::string_view joined, std::size_t count,
                                         std::size_t index) {
    std::optional<std::string_view> found;
    std::size_t start = 0;
    for (std::size_t i = 0;; ++i) {
        const std::size_t end = joined.find('\n', start);
        if (i == index)
            found = joined.substr(start, end - start);
        if (end == std::string_view::npos)
            return i + 1 == count ? found : std::nullopt;
        start = end + 1;
    }
}

StoreError no_symbol_error(std::string_view name) {
    std::string message = "no symbol named \"";
    message.append(name).append("\" in the database");
    return StoreError(message);
}

StoreError damaged_column_error(std::string_view name, std::string_view column_words) {
    std::string message = "symbol \"";
    message.append(name).append("\": stored column ").append(column_words);
    message.append(" is damaged (wrong size); re-import the symbol");
    return StoreError(message);
}

StoreError missing_closes_error(std::string_view name) {
    std::string message = "symbol \"";
    message.append(name).append("\" has no stored closes; re-import it");
    return StoreError(message);
}

StoreError damaged_labels_error(std::string_view name) {
    std::string message = "symbol \"";
    message.append(name).append("\": stored labels are damaged; re-import it");
    return StoreError(message);
}

}  // namespace detail

namespace {

constexpr const char* kSymbolColumns =
    "id, name, source, timeframe, provenance, kind, sort_order, bar_count, first_time_ms, "
    "last_time_ms, imported_at_ms";

// A kind this version does not know (written by a newer one) reads as imported:
// the bars are still the user's data.
SymbolKind kind_from_stored(std::int64_t stored) {
    switch (stored) {
        case static_cast<int>(SymbolKind::Generated):
            return SymbolKind::Generated;
        case static_cast<int>(SymbolKind::Bundled):
            return SymbolKind::Bundled;
        case static_cast<int>(SymbolKind::Downloaded):
            return SymbolKind::Downloaded;
        default:
            return SymbolKind::Imported;
    }
}

SymbolInfo read_info(const Statement& q) {
    SymbolInfo info;
    info.id = q.int64(0);
    info.meta.name = q.text(1);
    info.meta.source = q.text(2);
    info.meta.timeframe = q.text(3);
    info.meta.provenance = q.text(4);
    info.meta.kind = kind_from_stored(q.int64(5));
    info.meta.sort_order = static_cast<int>(q.int64(6));
    info.bar_count = static_cast<std::size_t>(q.int64(7));
    if (!q.is_null(8))
        info.first_time_ms = q.int64(8);
    if (!q.is_null(9))
        info.last_time_ms = q.int64(9);
    info.imported_at_ms = q.int64(10);
    return info;
}

// Optional columns are either absent (empty) or one value per bar.
void check_shape(const std::string& name, const PriceSeries& bars) {
    const std::size_t n = bars.close.size();
    auto fits = [n](std::size_t size) { return size == 0 || size == n; };
    if (n == 0)
        throw StoreError("symbol \"" + name + "\" has no bars to save");
    if (!fits(bars.time_ms.size()) || !fits(bars.open.size()) || !fits(bars.high.size()) ||
        !fits(bars.low.size()) || !fits(bars.volume.size()) || !fits(bars.labels.size())) {
        throw StoreError("symbol \"" + name + "\": its columns have different numbers of bars");
    }
}

template <typename T>
void bind_column(Statement& q, int index, const std::vector<T>& values) {
    if (values.empty()) {
        q.bind_null(index);
    } else {
        q.bind_blob(index, detail::as_blob(values));
    }
}

// One column of a symbol's stored bars, read straight from the database
// file's pages into the vector (BlobReader).
struct StoredColumn {
    const char* sql;    // the bars table's column
    const char* words;  // what a message calls it
    int length_index;   // the load query's column holding length(sql): NULL without data
};

template <typename T>
void read_column(Database& db, const Statement& q, const StoredColumn& column, std::int64_t row,
                 std::size_t count, std::vector<T>& out, const std::string& name) {
    if (q.is_null(column.length_index))
        return;
    if (static_cast<std::uint64_t>(q.int64(column.length_index)) != count * sizeof(T))
        throw detail::damaged_column_error(name, column.words);
    system::resize_on_huge_pages(out, count);
    BlobReader blob(db, "bars", column.sql);
    blob.open(row);
    blob.read(std::as_writable_bytes(std::span<T>(out)));
}

// Appended bars carry times in strictly increasing order, after `after_ms`
// (the stored last bar) when there is one.
void check_appended_times(const std::string& name, const std::vector<std::int64_t>& times,
                          std::optional<std::int64_t> after_ms) {
    if (times.empty())
        throw StoreError("symbol \"" + name + "\": bars without times cannot be appended");
    if (after_ms && times.front() <= *after_ms) {
        throw StoreError("symbol \"" + name +
                         "\": the bars to append do not all come after the last stored bar");
    }
    if (std::adjacent_find(times.begin(), times.end(), std::greater_equal<>()) != times.end())
        throw StoreError("symbol \"" + name + "\": the bars to append are not in time order");
}

// Joined columns stay one value per bar: each column is in both or in neither.
void check_same_columns(const std::string& name, const PriceSeries& stored,
                        const PriceSeries& bars) {
    auto same = [](const auto& a, const auto& b) { return a.empty() == b.empty(); };
    if (stored.time_kind != bars.time_kind || !same(stored.time_ms, bars.time_ms) ||
        !same(stored.open, bars.open) || !same(stored.high, bars.high) ||
        !same(stored.low, bars.low) || !same(stored.volume, bars.volume) ||
        !stored.labels.empty() || !bars.labels.empty()) {
        throw StoreError("symbol \"" + name +
                         "\": the bars to append do not have the stored bars' columns");
    }
}

template <typename T>
void extend(std::vector<T>& column, const std::vector<T>& more) {
    column.insert(column.end(), more.begin(), more.end());
}

}  // namespace

std::string_view symbol_kind_name(SymbolKind kind) {
    switch (kind) {
        case SymbolKind::Imported:
            return "imported";
        case SymbolKind::Generated:
            return "generated";
        case SymbolKind::Bundled:
            return "sample";
        case SymbolKind::Downloaded:
            return "downloaded";
    }
    return "imported";
}

std::string symbol_origin(const SymbolMeta& meta) {
    const std::string file = std::filesystem::path(meta.source).filename().string();
    switch (meta.kind) {
        case SymbolKind::Imported:
            return file.empty() ? "imported" : "imported from " + file;
        case SymbolKind::Generated:
            return "generated, not market data";
        case SymbolKind::Bundled: {
            constexpr std::string_view kPrefix = "bundled:";
            const std::string_view name = std::string_view(meta.source).starts_with(kPrefix)
                                              ? std::string_view(meta.source).substr(kPrefix.size())
                                              : std::string_view();
            return name.empty() ? "bundled sample" : "bundled sample (" + std::string(name) + ")";
        }
        case SymbolKind::Downloaded:
            return meta.source.empty() ? "downloaded" : "downloaded from " + meta.source;
    }
    return "imported";
}

std::vector<SymbolInfo> SymbolStore::list() {
    Statement q(db_, std::string("SELECT ") + kSymbolColumns +
                         " FROM symbols ORDER BY kind = 1, sort_order, name");
    std::vector<SymbolInfo> symbols;
    while (q.step())
        symbols.push_back(read_info(q));
    return symbols;
}

std::unordered_map<std::int64_t, LastCloses> SymbolStore::last_closes() {
    // The last 16 bytes of each close array, read alone (BlobReader): substr()
    // in SQL would first load the whole array, 8 MB for a million bars.
    // length() is read from the record header, so a damaged array (of the
    // wrong size) costs nothing and is skipped.
    Statement q(db_,
                "SELECT s.id, s.bar_count FROM symbols s JOIN bars b ON b.symbol_id = s.id "
                "WHERE s.bar_count > 0 AND length(b.close) = 8 * s.bar_count");
    BlobReader close(db_, "bars", "close");
    std::unordered_map<std::int64_t, LastCloses> closes;
    while (q.step()) {
        const std::int64_t id = q.int64(0);  // the bars' rowid too
        const std::size_t bytes = close.open(id);
        const std::size_t count = std::min<std::size_t>(2, static_cast<std::size_t>(q.int64(1)));
        std::array<double, 2> tail{};
        close.read(std::as_writable_bytes(std::span<double>(tail.data(), count)),
                   bytes - count * sizeof(double));
        LastCloses found{tail[count - 1], std::nullopt};
        if (count == 2)
            found.previous = tail[0];
        closes.emplace(id, found);
    }
    return closes;
}

std::optional<SymbolInfo> SymbolStore::find(std::string_view name) {
    Statement q(db_, std::string("SELECT ") + kSymbolColumns + " FROM symbols WHERE name = ?");
    q.bind(1, name);
    if (!q.step())
        return std::nullopt;
    return read_info(q);
}

std::size_t SymbolStore::count() {
    Statement q(db_, "SELECT COUNT(*) FROM symbols");
    q.step();
    return static_cast<std::size_t>(q.int64(0));
}

PriceSeries SymbolStore::load(std::string_view name) {
    // The columns' lengths only (SQLite reads them without the values); the
    // values follow through BlobReader, while this statement, not finished,
    // keeps the read transaction they are read in.
    Statement q(db_,
                "SELECT s.bar_count, b.time_kind, length(b.time_ms), length(b.open), "
                "length(b.high), length(b.low), length(b.close), length(b.volume), "
                "b.label_column, b.labels, b.time_column, b.symbol_id FROM symbols s JOIN bars b "
                "ON b.symbol_id = s.id WHERE s.name = ?");
    q.bind(1, name);
    const std::string symbol(name);
    if (!q.step())
        throw detail::no_symbol_error(symbol);
    const auto n = static_cast<std::size_t>(q.int64(0));
    const std::int64_t row = q.int64(11);
    PriceSeries bars;
    bars.time_kind = static_cast<TimeKind>(q.int64(1));
    read_column(db_, q, {"time_ms", "time", 2}, row, n, bars.time_ms, symbol);
    read_column(db_, q, {"open", "open", 3}, row, n, bars.open, symbol);
    read_column(db_, q, {"high", "high", 4}, row, n, bars.high, symbol);
    read_column(db_, q, {"low", "low", 5}, row, n, bars.low, symbol);
    read_column(db_, q, {"close", "close", 6}, row, n, bars.close, symbol);
    read_column(db_, q, {"volume", "volume", 7}, row, n, bars.volume, symbol);
    if (bars.close.size() != n)
        throw detail::missing_closes_error(symbol);
    bars.label_column = q.text(8);
    if (!q.is_null(9)) {
        auto labels = detail::split_labels(q.blob(9), n);
        if (!labels)
            throw detail::damaged_labels_error(symbol);
        bars.labels = std::move(*labels);
    }
    bars.time_column = q.text(10);
    return bars;
}

void SymbolStore::save_unlocked(const SymbolMeta& meta, const PriceSeries& bars) {
    check_shape(meta.name, bars);
    // Upsert keeps the id (and so anything that refers to it) stable on re-import.
    Statement upsert(db_,
                     "INSERT INTO symbols(name, source, timeframe, provenance, kind, sort_order, "
                     "bar_count, first_time_ms, last_time_ms, imported_at_ms) VALUES "
                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                     "source = excluded.source, timeframe = excluded.timeframe, provenance = "
                     "excluded.provenance, kind = excluded.kind, sort_order = excluded.sort_order, "
                     "bar_count = excluded.bar_count, first_time_ms = excluded.first_time_ms, "
                     "last_time_ms = excluded.last_time_ms, imported_at_ms = "
                     "excluded.imported_at_ms RETURNING id");
    upsert.bind(1, std::string_view(meta.name))
        .bind(2, std::string_view(meta.source))
        .bind(3, std::string_view(meta.timeframe))
        .bind(4, std::string_view(meta.provenance))
        .bind(5, std::int64_t{static_cast<int>(meta.kind)})
        .bind(6, std::int64_t{meta.sort_order})
        .bind(7, static_cast<std::int64_t>(bars.close.size()));
    if (bars.time_ms.empty()) {
        upsert.bind_null(8).bind_null(9);
    } else {
        upsert.bind(8, bars.time_ms.front()).bind(9, bars.time_ms.back());
    }
    upsert.bind(10, detail::now_ms());
    if (!upsert.step())
        db_.fail("saving symbol \"" + meta.name + "\"");
    const std::int64_t id = upsert.int64(0);
    upsert.run();

    Statement put(db_,
                  "INSERT OR REPLACE INTO bars(symbol_id, time_kind, time_ms, open, high, low, "
                  "close, volume, label_column, labels, time_column) VALUES "
                  "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    put.bind(1, id).bind(2, std::int64_t{static_cast<int>(bars.time_kind)});
    bind_column(put, 3, bars.time_ms);
    bind_column(put, 4, bars.open);
    bind_column(put, 5, bars.high);
    bind_column(put, 6, bars.low);
    bind_column(put, 7, bars.close);
    bind_column(put, 8, bars.volume);
    put.bind(9, std::string_view(bars.label_column));
    if (bars.labels.empty()) {
        put.bind_null(10);
    } else {
        const std::string joined = detail::join_labels(bars.labels);
        put.bind_blob(10, std::as_bytes(std::span<const char>(joined)));
    }
    put.bind(11, std::string_view(bars.time_column));
    put.run();

    // A scan finds its cached results by this hash without reading the bars
    // (schema.cpp, 5 -> 6). Written after the bars: their insert trigger has
    // just forgotten the old one.
    Statement remember(db_, "UPDATE symbols SET close_hash = ? WHERE id = ?");
    remember.bind_blob(1, cache::to_bytes(cache::hash_closes(bars.close))).bind(2, id).run();
}

SymbolInfo SymbolStore::save(const SymbolMeta& meta, const PriceSeries& bars) {
    Transaction tx(db_);
    save_unlocked(meta, bars);
    tx.commit();
    return *find(meta.name);
}

SymbolInfo SymbolStore::append(const SymbolMeta& meta, const PriceSeries& bars) {
    Transaction tx(db_);
    check_shape(meta.name, bars);
    if (!find(meta.name)) {
        check_appended_times(meta.name, bars.time_ms, std::nullopt);
        save_unlocked(meta, bars);
    } else {
        PriceSeries joined = load(meta.name);
        check_same_columns(meta.name, joined, bars);
        check_appended_times(meta.name, bars.time_ms, joined.time_ms.back());
        extend(joined.time_ms, bars.time_ms);
        extend(joined.open, bars.open);
        extend(joined.high, bars.high);
        extend(joined.low, bars.low);
        extend(joined.close, bars.close);
        extend(joined.volume, bars.volume);
        save_unlocked(meta, joined);
    }
    tx.commit();
    return *find(meta.name);
}

void SymbolStore::save_all(const std::vector<std::pair<SymbolMeta, PriceSeries>>& symbols) {
    Transaction tx(db_);
    for (const auto& [meta, bars] : symbols)
        save_unlocked(meta, bars);
    tx.commit();
}

bool SymbolStore::remove(std::string_view name) {
    Statement q(db_, "DELETE FROM symbols WHERE name = ?");
    q.bind(1, name).run();
    return db_.changes() > 0;
}

}  // namespace atc::store
