// SPDX-License-Identifier: GPL-3.0-or-later
// Body layouts (after the header of codec.hpp):
//
// AtcResult:  params block; 6 families { u8 type (= its index), i32 base_length,
//             9 members { i32 length, i32 offset, ma f64[bars], state i8[bars],
//             equity f64[bars] }, signal f64[bars], weight_equity f64[bars] };
//             average f64[bars]; markers; row
// SymbolScan: if flags bit 0: layer1 6 x f64[bars], layer2 6 x f64[bars],
//             average f64[bars]; markers; row
//
// params block: lengths 6 x i32, weights 6 x f64, u8 robustness, f64 La, f64 De,
//               i32 cutout, f64 long_threshold, f64 short_threshold,
//               u8 strategy_mode, u8 profile
// markers:      u64 count (<= bars), count x { u64 bar (< bars), i8 direction, f64 average }
// row:          u64 bars (= header bars), f64 average, i8 trend, f64 last_close,
//               u8 has_marker, [marker as above], f64 entry_close,
//               family_equity 6 x f64
#include "atc/cache/codec.hpp"

#include <array>
#include <limits>
#include <string>

#include "atc/cache/hash.hpp"
#include "cache/byte_io.hpp"

namespace atc::cache {
namespace {

using detail::ByteReader;
using detail::ByteWriter;

constexpr std::array<std::byte, 4> kMagic = {std::byte{'A'}, std::byte{'T'}, std::byte{'C'},
                                             std::byte{'R'}};
constexpr std::uint8_t kKindResult = 1;
constexpr std::uint8_t kKindScan = 2;
constexpr std::uint8_t kFlagSeries = 1;
constexpr std::size_t kHeaderBytes = 4 + 2 + 1 + 1 + 8;
constexpr std::size_t kChecksumBytes = 8;
constexpr std::size_t kMarkerBytes = 8 + 1 + 8;
// The row without its marker: bars, average, trend, last_close, has_marker,
// entry_close, family_equity.
constexpr std::size_t kRowBytes = 8 + 8 + 1 + 8 + 1 + 8 + kFamilyCount * 8;

[[noreturn]] void refuse_encode(const std::string& why) {
    throw CodecError("cannot cache this result: " + why);
}

[[noreturn]] void refuse_decode(const std::string& why) {
    throw CodecError("cached result: " + why);
}

// --- writing ---------------------------------------------------------------

void write_header(ByteWriter& w, std::uint8_t kind, std::uint8_t flags, std::size_t bars) {
    w.raw(kMagic);
    w.u16(kCodecFormatVersion);
    w.u8(kind);
    w.u8(flags);
    w.u64(bars);
}

void write_params(ByteWriter& w, const AtcParams& p) {
    for (const int length : p.lengths)
        w.i32(length);
    for (const double weight : p.weights)
        w.f64(weight);
    w.u8(static_cast<std::uint8_t>(p.robustness));
    w.f64(p.lambda);
    w.f64(p.decay);
    w.i32(p.cutout);
    w.f64(p.long_threshold);
    w.f64(p.short_threshold);
    w.u8(p.strategy_mode ? 1 : 0);
    w.u8(static_cast<std::uint8_t>(p.profile));
}

void write_marker(ByteWriter& w, const EntryMarker& m, std::size_t bars) {
    if (m.bar >= bars)
        refuse_encode("an entry marker lies outside the series");
    w.u64(m.bar);
    w.i8(static_cast<std::int8_t>(m.direction));
    w.f64(m.average);
}

void write_markers_and_row(ByteWriter& w, const std::vector<EntryMarker>& markers,
                           const ScanRow& row, std::size_t bars) {
    w.u64(markers.size());
    for (const EntryMarker& m : markers)
        write_marker(w, m, bars);
    if (row.bars != bars)
        refuse_encode("the scan row's bar count differs from the series");
    w.u64(row.bars);
    w.f64(row.average);
    w.i8(static_cast<std::int8_t>(row.trend));
    w.f64(row.last_close);
    w.u8(row.last_marker ? 1 : 0);
    if (row.last_marker)
        write_marker(w, *row.last_marker, bars);
    w.f64(row.entry_close);
    for (const double equity : row.family_equity)
        w.f64(equity);
}

void write_series(ByteWriter& w, std::span<const double> values, std::size_t bars) {
    if (values.size() != bars)
        refuse_encode("a per-bar series has the wrong length");
    w.f64s(values);
}

std::vector<std::byte> finish(ByteWriter& w) {
    std::vector<std::byte>& out = w.bytes();
    w.u64(murmur3_x64_128(out).h1);
    return std::move(out);
}

// --- reading ---------------------------------------------------------------

struct Header {
    std::uint8_t kind = 0;
    std::uint8_t flags = 0;
    std::size_t bars = 0;
};

Header read_header(ByteReader& r, std::uint8_t expected_kind) {
    for (const std::byte expected : kMagic) {
        if (std::byte{r.u8("the header")} != expected)
            refuse_decode("not a cached ATC result (bad magic)");
    }
    const std::uint16_t version = r.u16("the header");
    if (version != kCodecFormatVersion)
        refuse_decode("unknown format version " + std::to_string(version));
    Header h;
    h.kind = r.u8("the header");
    if (h.kind != expected_kind)
        refuse_decode("holds another kind of output (" + std::to_string(h.kind) + ")");
    h.flags = r.u8("the header");
    const std::uint64_t bars = r.u64("the header");
    if (bars > std::numeric_limits<std::size_t>::max())
        refuse_decode("bar count out of range");
    h.bars = static_cast<std::size_t>(bars);
    return h;
}

template <typename Enum>
Enum read_enum(ByteReader& r, std::uint8_t count, const char* what) {
    const std::uint8_t v = r.u8(what);
    if (v >= count)
        refuse_decode(std::string("invalid ") + what);
    return static_cast<Enum>(v);
}

Direction read_direction(ByteReader& r, const char* what) {
    const std::int8_t v = r.i8(what);
    if (v < -1 || v > 1)
        refuse_decode(std::string("invalid direction in ") + what);
    return static_cast<Direction>(v);
}

bool read_bool(ByteReader& r, const char* what) {
    const std::uint8_t v = r.u8(what);
    if (v > 1)
        refuse_decode(std::string("invalid flag in ") + what);
    return v == 1;
}

AtcParams read_params(ByteReader& r) {
    AtcParams p;
    for (int& length : p.lengths)
        length = r.i32("the parameters");
    for (double& weight : p.weights)
        weight = r.f64("the parameters");
    p.robustness = read_enum<Robustness>(r, 3, "robustness");
    p.lambda = r.f64("the parameters");
    p.decay = r.f64("the parameters");
    p.cutout = r.i32("the parameters");
    p.long_threshold = r.f64("the parameters");
    p.short_threshold = r.f64("the parameters");
    p.strategy_mode = read_bool(r, "strategy_mode");
    p.profile = read_enum<MaProfile>(r, 2, "profile");
    return p;
}

EntryMarker read_marker(ByteReader& r, std::size_t bars) {
    EntryMarker m;
    const std::uint64_t bar = r.u64("an entry marker");
    if (bar >= bars)
        refuse_decode("an entry marker lies outside the series");
    m.bar = static_cast<std::size_t>(bar);
    m.direction = read_direction(r, "an entry marker");
    m.average = r.f64("an entry marker");
    return m;
}

void read_markers_and_row(ByteReader& r, std::size_t bars, std::vector<EntryMarker>& markers,
                          ScanRow& row) {
    const std::uint64_t count = r.u64("the markers");
    // At most one marker per bar, and never more than the bytes left can hold:
    // both bound the allocation before it happens.
    if (count > bars || count > r.remaining() / kMarkerBytes)
        refuse_decode("implausible marker count");
    markers.resize(static_cast<std::size_t>(count));
    for (EntryMarker& m : markers)
        m = read_marker(r, bars);
    if (r.u64("the scan row") != bars)
        refuse_decode("the scan row's bar count differs from the series");
    row.bars = bars;
    row.average = r.f64("the scan row");
    row.trend = read_direction(r, "the scan row");
    row.last_close = r.f64("the scan row");
    if (read_bool(r, "the scan row"))
        row.last_marker = read_marker(r, bars);
    row.entry_close = r.f64("the scan row");
    for (double& equity : row.family_equity)
        equity = r.f64("the scan row");
}

// The trailer must be exactly the last 8 bytes and match the bytes before it.
void read_checksum(ByteReader& r, std::span<const std::byte> blob) {
    const std::size_t covered = r.position();
    const std::uint64_t stored = r.u64("the checksum");
    if (r.remaining() != 0)
        refuse_decode("unexpected bytes after the end");
    if (stored != murmur3_x64_128(blob.first(covered)).h1)
        refuse_decode("checksum mismatch (the stored bytes are damaged)");
}

}  // namespace

// --- AtcResult ---------------------------------------------------------------

std::vector<std::byte> encode_result(const AtcResult& result) {
    const std::size_t n = result.bars;
    const std::size_t per_member = n * (2 * sizeof(double) + 1) + 8;
    ByteWriter w(kHeaderBytes + 128 +
                 kFamilyCount * (5 + kMembersPerFamily * per_member + 2 * n * sizeof(double)) +
                 n * sizeof(double) + (result.markers.size() + 1) * kMarkerBytes + kRowBytes +
                 kChecksumBytes);
    write_header(w, kKindResult, 0, n);
    write_params(w, result.params);
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        const FamilyResult& family = result.families[t];
        if (static_cast<std::size_t>(family.type) != t)
            refuse_encode("families are out of order");
        w.u8(static_cast<std::uint8_t>(t));
        w.i32(family.base_length);
        for (const MemberSeries& member : family.members) {
            w.i32(member.length);
            w.i32(member.offset);
            write_series(w, member.ma, n);
            if (member.state.size() != n)
                refuse_encode("a state series has the wrong length");
            w.i8s(member.state);
            write_series(w, member.equity, n);
        }
        write_series(w, family.signal, n);
        write_series(w, family.weight_equity, n);
    }
    write_series(w, result.average, n);
    write_markers_and_row(w, result.markers, result.row, n);
    return finish(w);
}

AtcResult decode_result(std::span<const std::byte> blob) {
    ByteReader r(blob);
    const Header h = read_header(r, kKindResult);
    if (h.flags != 0)
        refuse_decode("unknown flags");
    AtcResult result;
    result.bars = h.bars;
    result.params = read_params(r);
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        FamilyResult& family = result.families[t];
        if (r.u8("a family") != t)
            refuse_decode("families are out of order");
        family.type = static_cast<MaType>(t);
        family.base_length = r.i32("a family");
        for (MemberSeries& member : family.members) {
            member.length = r.i32("a member");
            member.offset = r.i32("a member");
            r.f64s(member.ma, h.bars, "a moving average");
            r.directions(member.state, h.bars, "a crossing state");
            r.f64s(member.equity, h.bars, "a member equity");
            if (h.bars > 0) {
                member.last_state = member.state.back();
                member.last_equity = member.equity.back();
            }
        }
        r.f64s(family.signal, h.bars, "a Layer-1 signal");
        r.f64s(family.weight_equity, h.bars, "a Layer-2 equity");
    }
    r.f64s(result.average, h.bars, "the Average signal");
    read_markers_and_row(r, h.bars, result.markers, result.row);
    read_checksum(r, blob);
    return result;
}

// --- SymbolScan --------------------------------------------------------------

std::vector<std::byte> encode_scan(const SymbolScan& scan) {
    if (!scan.ok())
        refuse_encode("the symbol was not computed");
    const std::size_t n = scan.row.bars;
    const bool series = !scan.average.empty();
    ByteWriter w(kHeaderBytes + (series ? (2 * kFamilyCount + 1) * n * sizeof(double) : 0) +
                 (scan.markers.size() + 1) * kMarkerBytes + kRowBytes + kChecksumBytes);
    write_header(w, kKindScan, series ? kFlagSeries : 0, n);
    for (const auto* group : {&scan.layer1_signals, &scan.layer2_equities}) {
        for (const std::vector<double>& values : *group)
            write_series(w, values, series ? n : 0);
    }
    write_series(w, scan.average, series ? n : 0);
    write_markers_and_row(w, scan.markers, scan.row, n);
    return finish(w);
}

SymbolScan decode_scan(std::span<const std::byte> blob) {
    ByteReader r(blob);
    const Header h = read_header(r, kKindScan);
    if ((h.flags & ~kFlagSeries) != 0)
        refuse_decode("unknown flags");
    const std::size_t series_bars = (h.flags & kFlagSeries) ? h.bars : 0;
    SymbolScan scan;
    for (std::vector<double>& values : scan.layer1_signals)
        r.f64s(values, series_bars, "a Layer-1 signal");
    for (std::vector<double>& values : scan.layer2_equities)
        r.f64s(values, series_bars, "a Layer-2 equity");
    r.f64s(scan.average, series_bars, "the Average signal");
    read_markers_and_row(r, h.bars, scan.markers, scan.row);
    read_checksum(r, blob);
    scan.computed = true;
    return scan;
}

}  // namespace atc::cache
