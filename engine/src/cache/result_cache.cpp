// SPDX-License-Identifier: GPL-3.0-or-later
// Measurements behind the disk tier's design (Release, Debian 12 VM, 2 cores,
// database in the page cache; random walks and the golden inputs):
//
//                           payload   compute   disk write   disk read+decode
//   AtcResult, 2,000 bars    2.0 MB    1.1 ms    ~15-25 ms    ~1.5-2.5 ms
//   AtcResult, 5,000 bars    5.1 MB    3.2 ms    ~30-45 ms    ~7 ms
//   scan + series, 5,000     0.53 MB   ~3 ms     ~5 ms        ~2-4 ms    (per symbol, 200 at once)
//   scan summary, 5,000      ~11 KB    ~3 ms     ~0.1 ms      ~0.05 ms   (per symbol, 200 at once)
//
// zstd (CLI benchmark on the same payloads) does not pay, so payloads are stored
// raw: full results compress only 1.19-1.29x at levels 1-3 (MA and equity
// doubles are noise in their low bits) while decompressing 5 MB takes ~8 ms at
// ~600 MB/s, more than computing the result; scans with series compress ~2.0x,
// but compressing costs ~2 ms per 0.5 MB symbol on a write path already slower
// than computing, and decompressing adds ~0.5 ms to every hit. Summaries are too
// small to matter. DiskKinds lets the application keep only what pays.
#include "atc/cache/result_cache.hpp"

#include <stdexcept>

#include <tbb/parallel_for.h>

#include "atc/cache/codec.hpp"
#include "atc/cache/disk_cache.hpp"
#include "atc/store/database_location.hpp"

namespace atc::cache {
namespace {

bool is_result(EntryKind kind) {
    return kind == EntryKind::Result || kind == EntryKind::DrawnResult;
}

bool is_scan(EntryKind kind) {
    return kind == EntryKind::Scan || kind == EntryKind::ScanSummary;
}

// Decodes a disk payload for `key`, checking that it is what the key promises
// (bar count; series present exactly for Scan). Throws CodecError otherwise.
std::pair<CachedValue, std::size_t> decode_for(const CacheKey& key,
                                               std::span<const std::byte> payload) {
    if (key.kind == EntryKind::Result) {
        auto result = std::make_shared<const AtcResult>(decode_result(payload));
        if (result->bars != key.bars)
            throw CodecError("cached result: bar count differs from its key");
        const std::size_t bytes = estimated_bytes(*result);
        return {std::move(result), bytes};
    }
    auto scan = std::make_shared<const SymbolScan>(decode_scan(payload));
    const bool has_series = !scan->average.empty();
    if (scan->row.bars != key.bars || has_series != (key.kind == EntryKind::Scan && key.bars > 0))
        throw CodecError("cached scan: shape differs from its key");
    const std::size_t bytes = estimated_bytes(*scan);
    return {std::move(scan), bytes};
}

}  // namespace

ResultCache::ResultCache(ResultCacheOptions options)
    : engine_version_(std::move(options.engine_version)),
      memory_(options.memory_capacity_bytes),
      disk_capacity_(options.disk_capacity_bytes),
      disk_kinds_(options.disk_kinds),
      on_disk_error_(std::move(options.on_disk_error)),
      on_disk_off_(std::move(options.on_disk_off)),
      disk_location_(options.database),
      disk_off_reason_(options.database.empty() ? options.memory_only_reason : std::string()) {
    if (!options.database.empty()) {
        try {
            disk_ = std::make_unique<DiskCache>(options.database, options.disk_capacity_bytes,
                                                engine_version_);
        } catch (const std::exception& e) {
            disk_failed("result cache: working without the disk tier: connecting", e);
        }
    }
}

ResultCache::~ResultCache() = default;

Hash128 ResultCache::context(const AtcParams& params, std::string_view timeframe) const {
    return context_hash(params, engine_version_, timeframe);
}

CacheKey ResultCache::key(EntryKind kind, std::span<const double> close, const AtcParams& params,
                          std::string_view timeframe) const {
    return make_key(kind, close, context(params, timeframe));
}

std::shared_ptr<const AtcResult> ResultCache::find_result(const CacheKey& key) {
    if (!is_result(key.kind))
        throw std::invalid_argument("find_result needs a key of kind Result or DrawnResult");
    const auto value = find(key);
    if (!value)
        return nullptr;
    const auto* result = std::get_if<std::shared_ptr<const AtcResult>>(&*value);
    return result ? *result : nullptr;
}

std::shared_ptr<const SymbolScan> ResultCache::find_scan(const CacheKey& key) {
    if (!is_scan(key.kind))
        throw std::invalid_argument("find_scan needs a key of kind Scan or ScanSummary");
    const auto value = find(key);
    if (!value)
        return nullptr;
    const auto* scan = std::get_if<std::shared_ptr<const SymbolScan>>(&*value);
    return scan ? *scan : nullptr;
}

std::optional<CachedValue> ResultCache::find(const CacheKey& key) {
    if (auto value = memory_.get(key)) {
        memory_hits_.fetch_add(1, std::memory_order_relaxed);
        return value;
    }
    if (disk_on_for(key.kind)) {
        std::optional<DiskCache::Row> row;
        try {
            row = disk_->get(key);  // may write batched recency updates
        } catch (const std::exception& e) {
            disk_failed("result cache: reading", e);
        }
        if (row) {
            if (auto value = take_disk_row(key, row->valid, row->payload))
                return value;
        }
    }
    misses_.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
}

std::optional<CachedValue> ResultCache::take_disk_row(const CacheKey& key, bool valid,
                                                      std::span<const std::byte> payload) {
    std::string damage = valid ? "" : "row does not match its key";
    if (valid) {
        try {
            auto [value, bytes] = decode_for(key, payload);
            memory_.put(key, value, bytes);
            disk_hits_.fetch_add(1, std::memory_order_relaxed);
            return value;
        } catch (const CodecError& e) {
            damage = e.what();
        } catch (const std::exception& e) {  // e.g. out of memory: not the row's fault
            disk_failed(std::string("result cache: decoding failed: ") + e.what());
        }
    }
    if (!damage.empty()) {
        disk_failed("result cache: removed a damaged entry: " + damage);
        try {
            disk_->remove(key);
        } catch (const std::exception& e) {
            disk_failed("result cache: removing", e);
        }
    }
    return std::nullopt;
}

std::vector<std::shared_ptr<const SymbolScan>> ResultCache::find_scans(
    std::span<const CacheKey> keys) {
    std::vector<std::shared_ptr<const SymbolScan>> found(keys.size());
    std::vector<std::size_t> on_disk;  // indexes of keys the memory tier lacks
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!is_scan(keys[i].kind))
            throw std::invalid_argument("find_scans needs keys of kind Scan or ScanSummary");
        if (auto value = memory_.get(keys[i])) {
            memory_hits_.fetch_add(1, std::memory_order_relaxed);
            if (const auto* scan = std::get_if<std::shared_ptr<const SymbolScan>>(&*value))
                found[i] = *scan;
        } else if (disk_on_for(keys[i].kind)) {
            on_disk.push_back(i);
        } else {
            misses_.fetch_add(1, std::memory_order_relaxed);
        }
    }
    if (on_disk.empty())
        return found;
    std::vector<CacheKey> asked;
    asked.reserve(on_disk.size());
    for (const std::size_t i : on_disk)
        asked.push_back(keys[i]);
    std::vector<std::optional<DiskCache::Row>> rows;
    try {
        rows = disk_->get(asked);
    } catch (const std::exception& e) {
        disk_failed("result cache: reading", e);
        rows.resize(asked.size());  // every one a miss
    }
    // Decoding is most of a hit's cost: the rows are decoded in parallel.
    tbb::parallel_for(std::size_t{0}, asked.size(), [&](std::size_t k) {
        std::optional<CachedValue> value;
        if (rows[k])
            value = take_disk_row(asked[k], rows[k]->valid, rows[k]->payload);
        if (!value) {
            misses_.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        if (const auto* scan = std::get_if<std::shared_ptr<const SymbolScan>>(&*value))
            found[on_disk[k]] = *scan;
    });
    return found;
}

void ResultCache::store(const CacheKey& key, std::shared_ptr<const AtcResult> result) {
    if (!is_result(key.kind))
        throw std::invalid_argument(
            "storing an AtcResult needs a key of kind Result or DrawnResult");
    if (!result)
        return;
    std::vector<std::pair<CacheKey, std::vector<std::byte>>> encoded;
    if (disk_on_for(key.kind)) {
        try {
            encoded.emplace_back(key, encode_result(*result));
        } catch (const CodecError& e) {
            disk_failed(e.what());
        }
    }
    memory_.put(key, result, estimated_bytes(*result));
    store_encoded(encoded);
}

void ResultCache::store(const CacheKey& key, std::shared_ptr<const SymbolScan> scan) {
    const std::pair<CacheKey, std::shared_ptr<const SymbolScan>> one{key, std::move(scan)};
    store(std::span(&one, 1));
}

void ResultCache::store(
    std::span<const std::pair<CacheKey, std::shared_ptr<const SymbolScan>>> scans) {
    std::vector<std::pair<CacheKey, std::vector<std::byte>>> encoded;
    for (const auto& [key, scan] : scans) {
        if (!is_scan(key.kind))
            throw std::invalid_argument("storing a SymbolScan needs a key of kind Scan");
        if (!scan || !scan->ok())
            continue;
        if (disk_on_for(key.kind)) {
            try {
                encoded.emplace_back(key, encode_scan(*scan));
            } catch (const CodecError& e) {
                disk_failed(e.what());
            }
        }
        memory_.put(key, scan, estimated_bytes(*scan));
    }
    store_encoded(encoded);
}

void ResultCache::store_encoded(
    std::span<const std::pair<CacheKey, std::vector<std::byte>>> entries) {
    // The entries are in memory already: a failed write loses nothing but the
    // next session's speed-up, and SQLite rolls the whole transaction back.
    if (!disk_ || disk_off_ || entries.empty())
        return;
    try {
        disk_->put(entries);
    } catch (const std::exception& e) {
        disk_failed("result cache: writing", e);
    }
}

void ResultCache::clear_memory() {
    memory_.clear();
}

void ResultCache::set_memory_capacity(std::size_t bytes) {
    memory_.set_capacity(bytes);
}

CacheStats ResultCache::stats() const {
    CacheStats s;
    s.memory_hits = memory_hits_.load(std::memory_order_relaxed);
    s.disk_hits = disk_hits_.load(std::memory_order_relaxed);
    s.misses = misses_.load(std::memory_order_relaxed);
    s.disk_errors = disk_errors_.load(std::memory_order_relaxed);
    const MemoryLruStats memory = memory_.stats();
    s.memory_evictions = memory.evictions;
    s.memory_bytes = memory.bytes;
    s.memory_entries = memory.entries;
    s.memory_capacity_bytes = memory.capacity_bytes;
    s.disk_capacity_bytes = disk_capacity_;
    std::string totals_error;
    if (disk_) {
        s.disk_enabled = !disk_off_;
        try {
            const DiskStats disk = disk_->stats();  // counts the totals the first time
            s.disk_evictions = disk.evictions;
            s.disk_bytes = disk.bytes;
            s.disk_entries = disk.entries;
        } catch (const std::exception& e) {
            totals_error = std::string("result cache: counting the entries failed: ") + e.what();
        }
    }
    const std::lock_guard lock(error_mutex_);
    s.last_disk_error = totals_error.empty() ? last_disk_error_ : totals_error;
    s.disk_off_reason = disk_off_reason_;
    return s;
}

bool ResultCache::disk_on_for(EntryKind kind) const {
    return disk_ && !disk_off_ && disk_kinds_.includes(kind);
}

void ResultCache::disk_failed(const std::string& doing, const std::exception& error) {
    disk_failed(doing + " failed: " + error.what());
    const auto* store_error = dynamic_cast<const store::StoreError*>(&error);
    if (!store_error || !store_error->is_unwritable())
        return;
    const std::string reason = store::why_not_writable(disk_location_, *store_error);
    if (disk_off_.exchange(true))
        return;  // another thread turned it off first and said so
    {
        const std::lock_guard lock(error_mutex_);
        disk_off_reason_ = reason;
    }
    if (on_disk_off_)
        on_disk_off_(reason);
}

void ResultCache::disk_failed(const std::string& message) {
    disk_errors_.fetch_add(1, std::memory_order_relaxed);
    {
        const std::lock_guard lock(error_mutex_);
        last_disk_error_ = message;
    }
    if (on_disk_error_)
        on_disk_error_(message);
}

}  // namespace atc::cache
