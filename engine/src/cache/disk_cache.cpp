// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/cache/disk_cache.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace atc::cache {
namespace {

using store::Database;
using store::Statement;
using store::Transaction;
using KeyBytes = std::array<std::byte, kKeyBytes>;

// A hit's last_used is rewritten in the file only where the stored one is
// older than this: a row used again within the hour keeps its stored time
// (LRU order between processes is then by the hour), so that reading the
// cache, a scan answered from it above all, writes nothing. Within one
// process the order stays exact: every pending touch goes into the next
// write transaction (put), before anything is evicted.
constexpr std::int64_t kStaleTouchMicros = std::int64_t{3600} * 1'000'000;
// Due touches are written once this many are pending; past kMaxPendingTouches
// in all, the others (recent enough in the file) are forgotten.
constexpr std::size_t kMaxDueTouches = 256;
constexpr std::size_t kMaxPendingTouches = 4096;
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

void rollback_quietly(Database& db) {
    try {
        db.exec("ROLLBACK");
    } catch (const store::StoreError&) {
        // A failed statement may have ended the transaction already.
    }
}

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
    Statement newest;
    std::int64_t last_tick = 0;
    // A hit's new last_used, and whether the file's is older than
    // kStaleTouchMicros (due: written at the latest when the cache closes).
    struct Touch {
        std::int64_t tick = 0;
        bool due = false;
    };
    std::map<KeyBytes, Touch> pending_touches;
    std::size_t due_touches = 0;
    // stats.entries and stats.bytes are counted on first need (a SUM over the
    // whole table: a scan answered from the cache never needs them).
    bool totals_known = false;
    DiskStats stats;

    Impl(const std::filesystem::path& path, std::uint64_t cap, std::string engine_version)
        : db(Database::connect(path)),
          version(std::move(engine_version)),
          capacity(cap),
          select_row(db,
                     "SELECT kind, engine_version, bytes, payload, last_used FROM result_cache "
                     "WHERE key = ?1"),
          select_bytes(db, "SELECT bytes FROM result_cache WHERE key = ?1"),
          upsert(db,
                 "INSERT OR REPLACE INTO result_cache"
                 "(key, kind, engine_version, bytes, last_used, payload) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
          touch(db, "UPDATE result_cache SET last_used = ?2 WHERE key = ?1"),
          remove(db, "DELETE FROM result_cache WHERE key = ?1"),
          oldest(db, "SELECT key, bytes FROM result_cache ORDER BY last_used LIMIT ?1"),
          totals(db, "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM result_cache"),
          // From the last_used index: one step, not a pass over the table.
          newest(db, "SELECT COALESCE(MAX(last_used), 0) FROM result_cache") {
        stats.capacity_bytes = capacity;
        ResetOnExit guard(newest);
        newest.step();
        last_tick = newest.int64(0);
    }

    // Counts the rows (another process may share the file).
    void read_totals(std::uint64_t& entries, std::uint64_t& bytes) {
        ResetOnExit guard(totals);
        totals.step();
        entries = static_cast<std::uint64_t>(totals.int64(0));
        bytes = static_cast<std::uint64_t>(totals.int64(1));
    }

    void know_totals() {
        if (totals_known)
            return;
        read_totals(stats.entries, stats.bytes);
        totals_known = true;
    }

    // The row of `key`, or nothing; a valid hit is marked as used.
    std::optional<Row> get(const CacheKey& key, const KeyBytes& key_bytes) {
        ResetOnExit guard(select_row);
        select_row.bind_blob(1, key_bytes);
        if (!select_row.step())
            return std::nullopt;
        Row row;
        const auto blob = select_row.blob(3);
        row.payload.assign(blob.begin(), blob.end());
        // Anything that does not match the key and the payload is a damaged row
        // (the key already includes the engine version, so a mismatch is not a
        // legitimate entry of another version).
        row.valid = select_row.int64(0) == static_cast<std::int64_t>(key.kind) &&
                    select_row.text(1) == version &&
                    select_row.int64(2) == static_cast<std::int64_t>(row.payload.size());
        if (row.valid)
            touch_later(key_bytes, select_row.int64(4));
        return row;
    }

    void touch_later(const KeyBytes& key, std::int64_t stored_last_used) {
        const std::int64_t tick = next_tick();
        Touch& t = pending_touches[key];
        t.tick = tick;
        if (!t.due && tick - stored_last_used >= kStaleTouchMicros) {
            t.due = true;
            ++due_touches;
        }
    }

    // Between lookups: keeps the pending touches bounded.
    void bound_touches() {
        if (due_touches >= kMaxDueTouches) {
            flush_touches();
        } else if (pending_touches.size() >= kMaxPendingTouches) {
            flush_touches();
        }
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

    // Inside a transaction: `all` false writes the due touches alone.
    void write_touches(bool all) {
        for (const auto& [key, t] : pending_touches) {
            if (!all && !t.due)
                continue;
            ResetOnExit guard(touch);
            touch.bind_blob(1, key).bind(2, t.tick);
            touch.run();
        }
    }

    // Writes the due touches (if any) and forgets the others.
    void flush_touches() {
        if (due_touches > 0) {
            Transaction tx(db);
            write_touches(false);
            tx.commit();
        }
        forget_touches();
    }

    void forget_touches() {
        pending_touches.clear();
        due_touches = 0;
    }

    void forget_touch(const KeyBytes& key) {
        const auto it = pending_touches.find(key);
        if (it == pending_touches.end())
            return;
        due_touches -= it->second.due ? 1 : 0;
        pending_touches.erase(it);
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
                    forget_touch(exact);
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
    d.bound_touches();
    return d.get(key, key.bytes());
}

std::vector<std::optional<DiskCache::Row>> DiskCache::get(std::span<const CacheKey> keys) {
    std::vector<KeyBytes> key_bytes(keys.size());
    std::vector<std::size_t> order(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        key_bytes[i] = keys[i].bytes();
        order[i] = i;
    }
    // In key order the look-ups walk the table's b-tree from left to right.
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return key_bytes[a] < key_bytes[b]; });
    std::vector<std::optional<Row>> rows(keys.size());
    const std::lock_guard lock(mutex_);
    Impl& d = *impl_;
    d.bound_touches();
    // One read transaction for all of them (when none is open): each
    // statement would otherwise take and let go of its own.
    const bool own_read = sqlite3_get_autocommit(d.db.handle()) != 0;
    if (own_read)
        d.db.exec("BEGIN");
    try {
        for (const std::size_t i : order)
            rows[i] = d.get(keys[i], key_bytes[i]);
    } catch (...) {
        if (own_read)
            rollback_quietly(d.db);
        throw;
    }
    if (own_read)
        d.db.exec("COMMIT");
    return rows;
}

std::uint64_t DiskCache::put(std::span<const std::pair<CacheKey, std::vector<std::byte>>> entries) {
    const std::lock_guard lock(mutex_);
    Impl& d = *impl_;
    // Work on copies of the totals: they are adopted only once the transaction
    // has committed, so a failure leaves them describing the file.
    d.know_totals();
    std::uint64_t count = d.stats.entries;
    std::uint64_t bytes = d.stats.bytes;
    Transaction tx(d.db);
    d.write_touches(true);
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
        bytes += payload.size();
        ++count;
    }
    std::uint64_t evicted = 0;
    if (bytes > d.capacity) {
        d.read_totals(count, bytes);  // other processes may have added rows too
        evicted = d.evict(count, bytes);
    }
    tx.commit();
    d.forget_touches();  // all written
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
    d.know_totals();
    const auto old = d.stored_bytes(key_bytes);
    if (!old)
        return false;
    ResetOnExit guard(d.remove);
    d.remove.bind_blob(1, key_bytes);
    d.remove.run();
    d.forget_touch(key_bytes);
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
    impl_->know_totals();
    return impl_->stats;
}

const std::filesystem::path& DiskCache::path() const {
    return impl_->db.path();
}

}  // namespace atc::cache
