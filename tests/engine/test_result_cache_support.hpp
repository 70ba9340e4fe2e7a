// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the result cache tests: bit-exact comparison of outputs and
// small synthetic keys and values.
#pragma once

#include <QtTest>
#include <bit>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "atc/batch.hpp"
#include "atc/cache/cache_key.hpp"
#include "atc/result.hpp"
#include "series_equality.hpp"

namespace atc::test {

inline bool same_marker(const EntryMarker& a, const EntryMarker& b) {
    return a.bar == b.bar && a.direction == b.direction && same_bits(a.average, b.average);
}

inline bool same_markers(const std::vector<EntryMarker>& a, const std::vector<EntryMarker>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!same_marker(a[i], b[i]))
            return false;
    }
    return true;
}

inline bool same_row(const ScanRow& a, const ScanRow& b) {
    return a.bars == b.bars && same_bits(a.average, b.average) && a.trend == b.trend &&
           same_bits(a.last_close, b.last_close) &&
           a.last_marker.has_value() == b.last_marker.has_value() &&
           (!a.last_marker || same_marker(*a.last_marker, *b.last_marker)) &&
           same_bits(a.entry_close, b.entry_close) &&
           std::memcmp(a.family_equity.data(), b.family_equity.data(), sizeof(a.family_equity)) ==
               0;
}

// Every field, bit for bit; names the first difference for QVERIFY2.
inline std::string result_difference(const AtcResult& a, const AtcResult& b) {
    if (a.bars != b.bars)
        return "bars";
    if (!(a.params == b.params))
        return "params";
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        const FamilyResult& fa = a.families[t];
        const FamilyResult& fb = b.families[t];
        const std::string where = "family " + std::to_string(t);
        if (fa.type != fb.type || fa.base_length != fb.base_length)
            return where + " header";
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            const MemberSeries& ma = fa.members[k];
            const MemberSeries& mb = fb.members[k];
            const std::string member = where + " member " + std::to_string(k);
            if (ma.length != mb.length || ma.offset != mb.offset)
                return member + " header";
            if (!same_bits(ma.ma, mb.ma))
                return member + " ma";
            if (!same_bits(ma.state, mb.state))
                return member + " state";
            if (!same_bits(ma.equity, mb.equity))
                return member + " equity";
        }
        if (!same_bits(fa.signal, fb.signal))
            return where + " signal";
        if (!same_bits(fa.weight_equity, fb.weight_equity))
            return where + " weight_equity";
    }
    if (!same_bits(a.average, b.average))
        return "average";
    if (!same_markers(a.markers, b.markers))
        return "markers";
    if (!same_row(a.row, b.row))
        return "row";
    return {};
}

inline std::string scan_difference(const SymbolScan& a, const SymbolScan& b) {
    if (a.ok() != b.ok() || a.error != b.error)
        return "status";
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        if (!same_bits(a.layer1_signals[t], b.layer1_signals[t]))
            return "layer1 " + std::to_string(t);
        if (!same_bits(a.layer2_equities[t], b.layer2_equities[t]))
            return "layer2 " + std::to_string(t);
    }
    if (!same_bits(a.average, b.average))
        return "average";
    if (!same_markers(a.markers, b.markers))
        return "markers";
    if (!same_row(a.row, b.row))
        return "row";
    return {};
}

// A distinct key per number, for tests of the tiers themselves.
inline cache::CacheKey numbered_key(std::uint64_t n,
                                    cache::EntryKind kind = cache::EntryKind::ScanSummary) {
    cache::CacheKey key;
    key.kind = kind;
    key.bars = 10;
    key.data = {n, ~n};
    key.context = {0x1234, 0x5678};
    return key;
}

// A successfully computed scan without series, whose value identifies it.
inline std::shared_ptr<const SymbolScan> tagged_scan(double tag, std::size_t bars = 10) {
    auto scan = std::make_shared<SymbolScan>();
    scan->computed = true;
    scan->row.bars = bars;
    scan->row.average = tag;
    scan->row.last_close = tag * 2;
    scan->row.trend = Direction::Long;
    return scan;
}

}  // namespace atc::test
