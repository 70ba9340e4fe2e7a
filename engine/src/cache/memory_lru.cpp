// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/cache/memory_lru.hpp"

namespace atc::cache {
namespace {

template <typename T>
std::size_t vector_bytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

// Per entry bookkeeping (list node, hash node, control block), roughly.
constexpr std::size_t kEntryOverhead = 160;

}  // namespace

std::size_t estimated_bytes(const AtcResult& result) {
    std::size_t total = sizeof(AtcResult) + kEntryOverhead;
    for (const FamilyResult& family : result.families) {
        for (const MemberSeries& member : family.members)
            total +=
                vector_bytes(member.ma) + vector_bytes(member.state) + vector_bytes(member.equity);
        total += vector_bytes(family.signal) + vector_bytes(family.weight_equity);
    }
    return total + vector_bytes(result.average) + vector_bytes(result.markers);
}

std::size_t estimated_bytes(const SymbolScan& scan) {
    std::size_t total = sizeof(SymbolScan) + kEntryOverhead + scan.error.capacity();
    for (std::size_t t = 0; t < kFamilyCount; ++t)
        total += vector_bytes(scan.layer1_signals[t]) + vector_bytes(scan.layer2_equities[t]);
    return total + vector_bytes(scan.average) + vector_bytes(scan.markers);
}

MemoryLru::MemoryLru(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}

std::optional<CachedValue> MemoryLru::get(const CacheKey& key) {
    const std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end())
        return std::nullopt;
    order_.splice(order_.begin(), order_, it->second);  // O(1), iterators stay valid
    return it->second->value;
}

bool MemoryLru::put(const CacheKey& key, CachedValue value, std::size_t bytes) {
    std::list<Entry> dropped;  // destroyed after the lock is released
    const std::lock_guard lock(mutex_);
    if (const auto it = index_.find(key); it != index_.end()) {
        bytes_ -= it->second->bytes;
        dropped.splice(dropped.end(), order_, it->second);
        index_.erase(it);
    }
    if (bytes > capacity_)
        return false;
    order_.push_front(Entry{key, std::move(value), bytes});
    index_.emplace(key, order_.begin());
    bytes_ += bytes;
    evict_to_capacity(dropped);
    return true;
}

bool MemoryLru::contains(const CacheKey& key) const {
    const std::lock_guard lock(mutex_);
    return index_.contains(key);
}

bool MemoryLru::erase(const CacheKey& key) {
    std::list<Entry> dropped;
    const std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end())
        return false;
    bytes_ -= it->second->bytes;
    dropped.splice(dropped.end(), order_, it->second);
    index_.erase(it);
    return true;
}

void MemoryLru::clear() {
    std::list<Entry> dropped;
    const std::lock_guard lock(mutex_);
    index_.clear();
    dropped.swap(order_);
    bytes_ = 0;
}

void MemoryLru::set_capacity(std::size_t capacity_bytes) {
    std::list<Entry> dropped;
    const std::lock_guard lock(mutex_);
    capacity_ = capacity_bytes;
    evict_to_capacity(dropped);
}

MemoryLruStats MemoryLru::stats() const {
    const std::lock_guard lock(mutex_);
    return {order_.size(), bytes_, capacity_, evictions_};
}

void MemoryLru::evict_to_capacity(std::list<Entry>& dropped) {
    while (bytes_ > capacity_ && !order_.empty()) {
        const auto victim = std::prev(order_.end());
        bytes_ -= victim->bytes;
        index_.erase(victim->key);
        dropped.splice(dropped.end(), order_, victim);
        ++evictions_;
    }
}

}  // namespace atc::cache
