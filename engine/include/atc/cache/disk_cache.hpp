// SPDX-License-Identifier: GPL-3.0-or-later
// The disk tier: encoded outputs in the result_cache table of the SQLite store
// (schema version 2), capped in bytes with least-recently-used eviction.
//
// Connection: one Database::connect() connection of its own, used under a mutex.
// SQLite connections must not be used by two threads at once, and the callers
// are arbitrary threads (the GUI, oneTBB workers that come and go), so a
// per-thread connection would need thread-local lifetimes tied to the cache; and
// SQLite serializes writers on the file anyway. Every call holds the lock only for
// one short indexed statement or one small transaction (reads copy the blob out;
// decoding happens in the caller, outside the lock), so serializing them costs
// little next to computing a result.
//
// All methods throw store::StoreError on a database failure; the ResultCache
// turns that into a counted disk error and a recomputation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "atc/cache/cache_key.hpp"
#include "atc/store/database.hpp"

namespace atc::cache {

struct DiskStats {
    std::uint64_t entries = 0;  // rows in result_cache (as this connection last counted)
    std::uint64_t bytes = 0;    // sum of their payload sizes
    std::uint64_t capacity_bytes = 0;
    std::uint64_t evictions = 0;  // rows deleted to stay under the cap
};

class DiskCache {
public:
    // Connects to the database at `database`, which Database::open has already
    // created or migrated (it has the result_cache table). `engine_version` is
    // stored with each row and must match on read.
    DiskCache(const std::filesystem::path& database, std::uint64_t capacity_bytes,
              std::string engine_version);
    ~DiskCache();  // flushes pending last_used updates, best effort
    DiskCache(const DiskCache&) = delete;
    DiskCache& operator=(const DiskCache&) = delete;

    struct Row {
        std::vector<std::byte> payload;
        bool valid = true;  // false: the row's metadata is inconsistent (treat as corrupt)
    };
    // The stored row for `key`, or nothing. A hit is marked as used: the new
    // last_used goes into the next write (put), and reaches the file without
    // one (flush, or when the cache closes) only where the stored one is more
    // than an hour old; LRU order needs no more precision, and reading the
    // cache then writes nothing.
    std::optional<Row> get(const CacheKey& key);
    // The rows of many keys (same order), in one read transaction and one
    // hold of the lock: what a scan asks of the cache before reading any bars.
    std::vector<std::optional<Row>> get(std::span<const CacheKey> keys);

    // Stores (or replaces) entries in one transaction, then evicts the least
    // recently used rows until the table is within the cap. An entry larger than
    // the whole cap is skipped. Returns the number of rows evicted.
    std::uint64_t put(std::span<const std::pair<CacheKey, std::vector<std::byte>>> entries);
    std::uint64_t put(const CacheKey& key, std::vector<std::byte> payload);

    bool remove(const CacheKey& key);
    // Writes the pending last_used updates that are due (see get) now.
    void flush();
    // The entry and byte totals are counted (one pass over the table) on
    // the first call that needs them: this, put or remove.
    DiskStats stats() const;
    const std::filesystem::path& path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    mutable std::mutex mutex_;
};

}  // namespace atc::cache
