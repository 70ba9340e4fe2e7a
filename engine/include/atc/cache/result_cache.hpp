// SPDX-License-Identifier: GPL-3.0-or-later
// The result cache: a memory LRU of decoded outputs in front of an optional
// SQLite disk tier (docs/DESIGN.md: request -> memory LRU -> SQLite -> compute).
//
// Thread-safe: engine workers and the GUI thread may call everything at once.
// The disk tier can only ever cost a recomputation: any failure there (busy past
// the timeout, disk full, a damaged row, a missing table) is counted in
// disk_errors, reported through on_disk_error, and answered as a miss; a damaged
// row is deleted when found. A failure that says the file cannot be written any
// more (disk full, read-only: StoreError::is_unwritable) turns the disk tier off
// for the rest of the cache's life, once, through on_disk_off: results are kept
// in memory from then on, and what the file holds is left as it was. No global
// instance: the application owns one and passes it in.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "atc/batch.hpp"
#include "atc/cache/cache_key.hpp"
#include "atc/cache/memory_lru.hpp"
#include "atc/result.hpp"
#include "atc/version.hpp"

namespace atc::cache {

class DiskCache;

// Which kinds of entries the disk tier keeps. Measured on the 2-core dev box
// (see the comment in result_cache.cpp): a disk hit pays for scan summaries
// (~50x faster than computing them), roughly breaks even for scans with their
// series, and is slower than recomputing for a full AtcResult (5,000 bars:
// ~7 ms to read and decode 5 MB against ~3 ms to compute, ~30 ms to write).
struct DiskKinds {
    bool result = true;
    bool scan = true;
    bool scan_summary = true;

    // A drawn (lean) result is never written: it is what is cheap to compute
    // again, and the codec holds full results only.
    bool includes(EntryKind kind) const {
        switch (kind) {
            case EntryKind::Result:
                return result;
            case EntryKind::Scan:
                return scan;
            case EntryKind::ScanSummary:
                return scan_summary;
            case EntryKind::DrawnResult:
                return false;
        }
        return false;
    }

    // What the measurements above say is worth a disk write: scan summaries only.
    // The app and the CLI use this; the all-true default is for tests and tools.
    static constexpr DiskKinds summaries_only() { return {false, false, true}; }
};

struct ResultCacheOptions {
    // Decoded outputs kept in memory (estimated_bytes). A 5,000-bar AtcResult
    // is about 5.1 MB, a 5,000-bar scan with series about 0.5 MB.
    std::size_t memory_capacity_bytes = std::size_t{512} << 20;
    // The SQLite database (already opened once with Database::open, which
    // creates the result_cache table). Empty: memory only.
    std::filesystem::path database;
    // Why `database` is empty, where the application knows (the database file
    // cannot be written); stats().disk_off_reason reports it.
    std::string memory_only_reason;
    // Encoded payload bytes kept in result_cache.
    std::uint64_t disk_capacity_bytes = std::uint64_t{2} << 30;
    DiskKinds disk_kinds;
    // Part of every key; tests change it to prove a new engine never reuses old results.
    std::string engine_version = kEngineVersion;
    // Called (from whichever thread hit it, never under a cache lock) with a
    // message for each disk-tier failure. Optional.
    std::function<void(const std::string&)> on_disk_error;
    // Called once, from the thread that found it, when the disk tier is turned
    // off because the file cannot be written, with the reason naming the folder
    // or file ("the disk holding /data is full"). Optional.
    std::function<void(const std::string&)> on_disk_off;
};

// A snapshot for the status panel.
struct CacheStats {
    std::uint64_t memory_hits = 0;
    std::uint64_t disk_hits = 0;
    std::uint64_t misses = 0;  // looked up in every tier and not found
    std::uint64_t memory_evictions = 0;
    std::uint64_t disk_evictions = 0;
    std::uint64_t memory_bytes = 0;
    std::uint64_t memory_entries = 0;
    std::uint64_t memory_capacity_bytes = 0;
    std::uint64_t disk_bytes = 0;
    std::uint64_t disk_entries = 0;
    std::uint64_t disk_capacity_bytes = 0;
    std::uint64_t disk_errors = 0;
    bool disk_enabled = false;    // a disk tier is connected and on
    std::string last_disk_error;  // empty if none
    std::string disk_off_reason;  // why the disk tier was turned off; empty if it was not
};

class ResultCache {
public:
    // Never throws for a disk problem: if the database cannot be connected to,
    // the cache runs memory-only and stats() says why (disk_enabled false, one
    // disk error).
    explicit ResultCache(ResultCacheOptions options = {});
    ~ResultCache();
    ResultCache(const ResultCache&) = delete;
    ResultCache& operator=(const ResultCache&) = delete;

    const std::string& engine_version() const { return engine_version_; }

    // The context of a request under this cache's engine version; compute it once
    // per request and build each symbol's key with make_key(kind, close, context).
    // `timeframe`: the one the closes were resampled to, "" for the data's own.
    Hash128 context(const AtcParams& params, std::string_view timeframe = {}) const;
    CacheKey key(EntryKind kind, std::span<const double> close, const AtcParams& params,
                 std::string_view timeframe = {}) const;

    // Memory, then disk (a disk hit is promoted to memory); null on a miss.
    // `key.kind` must be Result or DrawnResult for find_result and for
    // storing an AtcResult, and Scan or ScanSummary for find_scan
    // (std::invalid_argument otherwise).
    std::shared_ptr<const AtcResult> find_result(const CacheKey& key);
    std::shared_ptr<const SymbolScan> find_scan(const CacheKey& key);
    // find_scan for many keys at once (same order; null where missing): the
    // disk tier is asked in one go and the rows decoded in parallel.
    std::vector<std::shared_ptr<const SymbolScan>> find_scans(std::span<const CacheKey> keys);

    // Stores in memory and, encoded, on disk. Scans that are not ok() are not
    // stored (an error or a cancelled symbol is not a result).
    void store(const CacheKey& key, std::shared_ptr<const AtcResult> result);
    void store(const CacheKey& key, std::shared_ptr<const SymbolScan> scan);
    // Many scans with one disk transaction (a scan of a universe).
    void store(std::span<const std::pair<CacheKey, std::shared_ptr<const SymbolScan>>> scans);

    // Drops the memory tier (the disk tier is kept).
    void clear_memory();
    // Changes the memory tier's cap; shrinking evicts least recently used
    // entries at once (a memory budget, scan_budget.hpp). The disk tier is kept.
    void set_memory_capacity(std::size_t bytes);
    CacheStats stats() const;

private:
    std::optional<CachedValue> find(const CacheKey& key);
    // The value of a row the disk tier returned for `key` (`valid`: its
    // metadata matches the key), kept in memory too; nothing where the row
    // is damaged (it is then reported and deleted).
    std::optional<CachedValue> take_disk_row(const CacheKey& key, bool valid,
                                             std::span<const std::byte> payload);
    void store_encoded(std::span<const std::pair<CacheKey, std::vector<std::byte>>> entries);
    void disk_failed(const std::string& message);
    // disk_failed, and turns the disk tier off if `error` says the file cannot
    // be written any more.
    void disk_failed(const std::string& doing, const std::exception& error);
    bool disk_on_for(EntryKind kind) const;

    std::string engine_version_;
    MemoryLru memory_;
    std::uint64_t disk_capacity_;
    std::unique_ptr<DiskCache> disk_;  // null: memory only
    DiskKinds disk_kinds_;
    std::function<void(const std::string&)> on_disk_error_;
    std::function<void(const std::string&)> on_disk_off_;
    std::filesystem::path disk_location_;
    std::atomic<bool> disk_off_{false};
    std::string disk_off_reason_;  // under error_mutex_
    std::atomic<std::uint64_t> memory_hits_{0};
    std::atomic<std::uint64_t> disk_hits_{0};
    std::atomic<std::uint64_t> misses_{0};
    std::atomic<std::uint64_t> disk_errors_{0};
    mutable std::mutex error_mutex_;
    std::string last_disk_error_;
};

}  // namespace atc::cache
