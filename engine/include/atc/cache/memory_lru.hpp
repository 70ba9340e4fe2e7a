// SPDX-License-Identifier: GPL-3.0-or-later
// The memory tier: a thread-safe LRU of decoded outputs, capped in bytes.
//
// Values are shared_ptr<const ...>, so a hit hands out the same immutable object
// to every caller (no copy) and an eviction never invalidates one in use: it
// lives until its last holder lets go.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <variant>

#include "atc/batch.hpp"
#include "atc/cache/cache_key.hpp"
#include "atc/result.hpp"

namespace atc::cache {

using CachedValue =
    std::variant<std::shared_ptr<const AtcResult>, std::shared_ptr<const SymbolScan>>;

// Approximate heap + object size of a decoded output, from its vector sizes.
std::size_t estimated_bytes(const AtcResult& result);
std::size_t estimated_bytes(const SymbolScan& scan);

struct MemoryLruStats {
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;  // sum of the entries' estimated bytes
    std::uint64_t capacity_bytes = 0;
    std::uint64_t evictions = 0;  // entries dropped to stay under the cap
};

class MemoryLru {
public:
    explicit MemoryLru(std::size_t capacity_bytes);
    MemoryLru(const MemoryLru&) = delete;
    MemoryLru& operator=(const MemoryLru&) = delete;

    // The value for `key`, which becomes the most recently used; empty if absent.
    std::optional<CachedValue> get(const CacheKey& key);

    // Inserts (or replaces) `key` as the most recently used entry, then drops the
    // least recently used ones until the total is within the cap. A value larger
    // than the whole cap is not kept (returns false): it would only flush
    // everything else and then be dropped itself.
    bool put(const CacheKey& key, CachedValue value, std::size_t bytes);

    bool contains(const CacheKey& key) const;  // does not change the order
    bool erase(const CacheKey& key);
    void clear();
    // Shrinking evicts at once.
    void set_capacity(std::size_t capacity_bytes);
    MemoryLruStats stats() const;

private:
    struct Entry {
        CacheKey key;
        CachedValue value;
        std::size_t bytes = 0;
    };
    // Moves least recently used entries into `dropped` until within the cap;
    // mutex_ held. The caller destroys `dropped` after unlocking, so freeing a
    // big result never happens while other threads wait for the lock.
    void evict_to_capacity(std::list<Entry>& dropped);

    mutable std::mutex mutex_;
    std::list<Entry> order_;  // front = most recently used
    std::unordered_map<CacheKey, std::list<Entry>::iterator, CacheKeyHasher> index_;
    std::size_t capacity_;
    std::size_t bytes_ = 0;
    std::uint64_t evictions_ = 0;
};

}  // namespace atc::cache
