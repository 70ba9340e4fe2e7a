// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/scan_bars_reader.hpp"

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
    : find_(db,
            "SELECT s.bar_count, b.symbol_id, length(b.close), b.time_kind, length(b.time_ms), "
            "length(b.labels) FROM symbols s JOIN bars b ON b.symbol_id = s.id WHERE s.name = ?"),
      close_(db, "bars", "close"),
      time_(db, "bars", "time_ms"),
      labels_(db, "bars", "labels") {}

void ScanBarsReader::find(std::string_view name) {
    find_.bind(1, name);
    if (!find_.step())
        throw detail::no_symbol_error(name);
}

void ScanBarsReader::read_closes(std::string_view name, std::vector<double>& out) {
    const ResetFind reset(find_);
    find(name);
    const auto n = static_cast<std::size_t>(find_.int64(kFindBarCount));
    if (find_.is_null(kFindCloseBytes))
        throw detail::missing_closes_error(name);
    if (static_cast<std::uint64_t>(find_.int64(kFindCloseBytes)) != n * sizeof(double))
        throw detail::damaged_column_error(name, "close");
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
