// SPDX-License-Identifier: GPL-3.0-or-later
// The key of a cached result: what kind of output, the bar data, and the
// context (engine version + canonical parameters) it was computed under.
//
// Results depend only on the close series and the parameters (ATC_SPEC.md), and
// the math only on the engine version, so a key built from exactly these three
// can never let a stale entry answer for changed data, parameters or engine.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "atc/cache/hash.hpp"
#include "atc/params.hpp"
#include "atc/result.hpp"

namespace atc::cache {

// Which output an entry holds. Stored in the key (a chart result and a scan of
// the same data are different entries) and in result_cache.kind.
enum class EntryKind : std::uint8_t {
    Result = 1,       // the full AtcResult (charts)
    Scan = 2,         // SymbolScan with its per-bar series (BatchOptions::keep_series)
    ScanSummary = 3,  // SymbolScan without series (markers and row only)
    DrawnResult = 4,  // an AtcResult keeping KeptSeries::drawn() (memory tier only)
};

// The kind of entry a chart result keeping `kept` is stored as: a lean result
// must never answer for a full one.
constexpr EntryKind result_kind(KeptSeries kept) {
    return kept.members ? EntryKind::Result : EntryKind::DrawnResult;
}

// Bytes of CacheKey::bytes(): kind, bars, data hash, context hash.
inline constexpr std::size_t kKeyBytes = 1 + 8 + 16 + 16;

struct CacheKey {
    EntryKind kind = EntryKind::Result;
    std::uint64_t bars = 0;  // length of the close series (also inside `data`)
    Hash128 data;            // hash_closes(close)
    Hash128 context;         // context_hash(params, engine version, timeframe)

    // The fixed little-endian encoding used as result_cache.key.
    std::array<std::byte, kKeyBytes> bytes() const;

    friend bool operator==(const CacheKey&, const CacheKey&) = default;
};

struct CacheKeyHasher {
    std::size_t operator()(const CacheKey& key) const noexcept;
};

// Hash of the engine version, params_to_json(params) (its canonical text:
// every key, fixed order, shortest round-trip doubles) and the timeframe the
// closes were resampled to ("4h"; "" for the data's own bars), each preceded
// by its length so that no two different triples give the same bytes. The
// data's own timeframe adds nothing, so keys made before timeframes existed
// still answer. Compute it once per request and reuse it for every symbol.
Hash128 context_hash(const AtcParams& params, std::string_view engine_version,
                     std::string_view timeframe = {});

// What names a close series in a key without the closes themselves: the
// store keeps it with every symbol (symbols.close_hash), so that a scan finds
// its cached results before reading any bars.
struct SeriesDigest {
    std::uint64_t bars = 0;
    Hash128 closes;  // hash_closes(close)
};

CacheKey make_key(EntryKind kind, std::span<const double> close, const Hash128& context);
// The same key as make_key(kind, close, context) for the series `series` digests.
CacheKey make_key(EntryKind kind, const SeriesDigest& series, const Hash128& context);

}  // namespace atc::cache
