// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/cache/disk_cache.hpp"

#include <algorithm>
#include <chrono>
#include <map>

namespace atc::cache {
namespace {

using store::Database;
using store::Statement;
using store::Transaction;
using KeyBytes = std::array<std::byte, kKeyBytes>;

// Batched last_used updates are written once this many hits are pending.
constexpr std::size_t kMaxPendingTouches = 256;
// Rows looked at per round of eviction.
constexpr int kEvictBatch = 64;

// A statement left mid-result keeps a read transaction open on the file (and
// blocks WAL checkpoints), so every use ends with a reset, even on a throw.
class ResetOnExit {
public:
    explicit ResetOnExit(Statement& s) : s_(s) { s_.reset(); }
    // A failure is dropped here: a throw would end the program (this may run
    // while another StoreError unwinds), and SQLite rewinds the statement even
    // when its reset reports an error, so no read transaction is left open.
    ~ResetOnExit() {
        try {
            s_.reset();
        } catch (const store::StoreError&) {
        }
    }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    Statement& s_;
};

}  // namespace

struct DiskCache::Impl {
    Database db;
    std::string version;
    std::uint64_t capacity;
    Statement select_row;
    Statement select_bytes;
    Statement upsert;
    Statement touch;
    Statement remove;
    Statement oldest;
    Statement totals;
    std::int64_t last_tick = 0;
    std::map<KeyBytes, std::int64_t> pending_touches;
    DiskStats stats;

    Impl(const std::filesystem::path& path, std::uint64_t cap, std::string engine_version)
        : db(Database::connect(path)),
          version(std::move(engine_version)),
          capacity(cap),
          select_row(
              db, "SELECT kind, engine_version, bytes, payload FROM result_cache WHERE key = ?1"),
          select_bytes(db, "SELECT bytes FROM result_cache WHERE key = ?1"),
          upsert(db,
                 "INSERT OR REPLACE INTO result_cache"
                 "(key, kind, engine_version, bytes, last_used, payload) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
          touch(db, "UPDATE result_cache SET last_used = ?2 WHERE key = ?1"),
          remove(db, "DELETE FROM result_cache WHERE key = ?1"),
          oldest(db, "SELECT key, bytes FROM result_cache ORDER BY last_used LIMIT ?1"),
          totals(db,
                 "SELECT COUNT(*), COALESCE(SUM(bytes), 0), COALESCE(MAX(last_used), 0) "
                 "FROM result_cache") {
        stats.capacity_bytes = capacity;
        last_tick = read_totals(stats.entries, stats.bytes);
    }

    // Counts the rows (another process may share the file); returns MAX(last_used).
    std::int64_t read_totals(std::uint64_t& entries, std::uint64_t& bytes) {
        ResetOnExit guard(totals);
        totals.step();
        entries = static_cast<std::uint64_t>(totals.int64(0));
        bytes = static_cast<std::uint64_t>(totals.int64(1));
        return totals.int64(2);
    }

    // last_used is wall-clock microseconds, so recency is comparable between
    // processes sharing the file, but strictly increasing within this one so
    // that the order of uses is exact even within one clock tick.
    std::int64_t next_tick() {
        const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        last_tick = std::max<std::int64_t>(now, last_tick + 1);
        return last_tick;
    }

    std::optional<std::uint64_t> stored_bytes(const KeyBytes& key) {
        ResetOnExit guard(select_bytes);
        select_bytes.bind_blob(1, key);
        if (!select_bytes.step())
            return std::nullopt;
        return static_cast<std::uint64_t>(select_bytes.int64(0));
    }

    // Inside a transaction.
    void write_touches() {
        for (const auto& [key, tick] : pending_touches) {
            ResetOnExit guard(touch);
            touch.bind_blob(1, key).bind(2, tick);
            touch.run();
        }
    }

    void flush_touches() {
        if (pending_touches.empty())
            return;
        Transaction tx(db);
        write_touches();
        tx.commit();
        pending_touches.clear();
    }

    // Inside a transaction: deletes least recently used rows until `bytes` fits.
    std::uint64_t evict(std::uint64_t& entries, std::uint64_t& bytes) {
        std::uint64_t evicted = 0;
        while (bytes > capacity) {
            // Keys are copied as stored (whatever their length), so that even a
            // row this program did not write is deleted exactly.
            std::vector<std::pair<std::vector<std::byte>, std::uint64_t>> victims;
            {
                ResetOnExit guard(oldest);
                oldest.bind(1, std::int64_t{kEvictBatch});
                while (oldest.step()) {
                    const auto blob = oldest.blob(0);
                    victims.emplace_back(std::vector<std::byte>(blob.begin(), blob.end()),
                                         static_cast<std::uint64_t>(oldest.int64(1)));
                }
            }
            if (victims.empty())
                break;
            for (const auto& [key, size] : victims) {
                if (bytes <= capacity)
                    break;
                ResetOnExit guard(remove);
                remove.bind_blob(1, key);
                remove.run();
                if (key.size() == kKeyBytes) {
                    KeyBytes exact{};
                    std::copy(key.begin(), key.end(), exact.begin());
                    pending_touches.erase(exact);
                }
                bytes -= std::min(bytes, size);
                entries -= std::min<std::uint64_t>(entries, 1);
                ++evicted;
            }
        }
        return evicted;
    }
};

DiskCache::DiskCache(const std::filesystem::path& database, std::uint64_t capacity_bytes,
                     std::string engine_version)
    : impl_(std::make_unique<Impl>(database, capacity_bytes, std::move(engine_version))) {}

DiskCache::~DiskCache() {
    try {
        impl_->flush_touches();
    } catch (...) {
        // Only recency information is lost; the rows themselves are intact.
    }
}

std::optional<DiskCache::Row> DiskCache::get(const CacheKey& key) {
    const std::lock_guard lock(mutex_);
    Impl& d = *impl_;
    if (d.pending_touches.size() >= kMaxPendingTouches)
        d.flush_touches();
    const KeyBytes key_bytes = key.bytes();
    ResetOnExit guard(d.select_row);
    d.select_row.bind_blob(1, key_bytes);
    if (!d.select_row.step())
        return std::nullopt;
    Row row;
    const auto blob = d.select_row.blob(3);
    row.payload.assign(blob.begin(), blob.end());
    // Anything that does not match the key and the payload is a damaged row
    // (the key already includes the engine version, so a mismatch is not a
    // legitimate entry of another version).
    row.valid = d.select_row.int64(0) == static_cast<std::int64_t>(key.kind) &&
                d.select_row.text(1) == d.version &&
                d.select_row.int64(2) == static_cast<std::int64_t>(row.payload.size());
    if (row.valid)
        d.pending_touches[key_bytes] = d.next_tick();
    return row;
}

std::uint64_t DiskCache::put(std::span<const std::pair<CacheKey, std::vector<std::byte>>> entries) {
    const std::lock_guard lock(mutex_);
    Impl& d = *impl_;
    // Work on copies of the totals: they are adopted only once the transaction
    // has committed, so a failure leaves them describing the file.
    std::uint64_t count = d.stats.entries;
    std::uint64_t bytes = d.stats.bytes;
    Transaction tx(d.db);
    d.write_touches();
    for (const auto& [key, payload] : entries) {
        if (payload.size() > d.capacity)
            continue;
        const KeyBytes key_bytes = key.bytes();
        if (const auto old = d.stored_bytes(key_bytes)) {
            bytes -= std::min(bytes, *old);
            count -= std::min<std::uint64_t>(count, 1);
        }
        ResetOnExit guard(d.upsert);
        d.upsert.bind_blob(1, key_bytes)
            .bind(2, static_cast<std::int64_t>(key.kind))
            .bind(3, std::string_view(d.version))
            .bind(4, static_cast<std::int64_t>(payload.size()))
            .bind(5, d.next_tick())
            .bind_blob(6, payload);
        d.upsert.run();
        d.pending_touches.erase(key_bytes);
        bytes += payload.size();
        ++count;
    }
    std::uint64_t evicted = 0;
    if (bytes > d.capacity) {
        d.read_totals(count, bytes);  // other processes may have added rows too
        evicted = d.evict(count, bytes);
    }
    tx.commit();
    d.pending_touches.clear();
    d.stats.entries = count;
    d.stats.bytes = bytes;
    d.stats.evictions += evicted;
    return evicted;
}

std::uint64_t DiskCache::put(const CacheKey& key, std::vector<std::byte> payload) {
    const std::pair<CacheKey, std::vector<std::byte>> entry{key, std::move(payload)};
    return put(std::span(&entry, 1));
}

bool DiskCache::remove(const CacheKey& key) {
    const std::lock_guard lock(mutex_);
    Impl& d = *impl_;
    const KeyBytes key_bytes = key.bytes();
    const auto old = d.stored_bytes(key_bytes);
    if (!old)
        return false;
    ResetOnExit guard(d.remove);
    d.remove.bind_blob(1, key_bytes);
    d.remove.run();
    d.pending_touches.erase(key_bytes);
    d.stats.bytes -= std::min(d.stats.bytes, *old);
    d.stats.entries -= std::min<std::uint64_t>(d.stats.entries, 1);
    return true;
}

void DiskCache::flush() {
    const std::lock_guard lock(mutex_);
    impl_->flush_touches();
}

DiskStats DiskCache::stats() const {
    const std::lock_guard lock(mutex_);
    return impl_->stats;
}

const std::filesystem::path& DiskCache::path() const {
    return impl_->db.path();
}

}  // namespace atc::cache
