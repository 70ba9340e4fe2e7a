// SPDX-License-Identifier: GPL-3.0-or-later
// The cache codec: bit-exact round trips of real results (golden inputs and
// random walks, NaN payloads and -0.0 included) and refusal of every truncated,
// garbled or inconsistent blob.
#include <QtTest>
#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "atc/batch.hpp"
#include "atc/cache/codec.hpp"
#include "atc/cache/hash.hpp"
#include "atc/compute.hpp"
#include "direct_moving_averages.hpp"
#include "golden_case.hpp"
#include "test_result_cache_support.hpp"

using namespace atc;
using namespace atc::cache;

namespace {

using Blob = std::vector<std::byte>;

constexpr std::size_t kHeaderBytes = 16;

// A quiet NaN with a payload, and a negative one: both must survive bit for bit.
const double kOddNaN = std::bit_cast<double>(std::uint64_t{0x7ff80000deadbeefULL});
const double kNegNaN = std::bit_cast<double>(std::uint64_t{0xfff8000000000001ULL});

SymbolScan scan_of(std::span<const double> close, const AtcParams& params, bool keep_series) {
    const std::span<const double> one[] = {close};
    BatchOptions options;
    options.keep_series = keep_series;
    return std::move(compute_batch(one, params, options).symbols.front());
}

// Rewrites the trailing checksum so a deliberately edited blob passes it and
// reaches the structural checks behind it.
void reseal(Blob& blob) {
    const std::size_t body = blob.size() - 8;
    std::uint64_t sum = murmur3_x64_128(std::span(blob).first(body)).h1;
    for (std::size_t i = 0; i < 8; ++i, sum >>= 8)
        blob[body + i] = static_cast<std::byte>(sum & 0xff);
}

void put_u64(Blob& blob, std::size_t at, std::uint64_t v) {
    for (std::size_t i = 0; i < 8; ++i, v >>= 8)
        blob[at + i] = static_cast<std::byte>(v & 0xff);
}

template <typename Decode>
bool rejected(Decode decode, const Blob& blob) {
    try {
        decode(std::span<const std::byte>(blob));
    } catch (const CodecError&) {
        return true;
    }
    return false;
}

// A tiny hand-made result (3 bars, one marker) for exhaustive corruption tests.
AtcResult tiny_result() {
    const std::vector<double> close = {10.0, 10.5, 10.25, 10.75, 11.0, 10.5, 10.0, 10.25};
    AtcResult r;
    r.bars = 3;
    r.params = AtcParams{};
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        FamilyResult& f = r.families[t];
        f.type = static_cast<MaType>(t);
        f.base_length = 28;
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            MemberSeries& m = f.members[k];
            m.length = 28 + static_cast<int>(k);
            m.offset = static_cast<int>(k);
            m.ma = {test::kNaN, close[k % close.size()], 1.5};
            m.state = {0, 1, -1};
            m.equity = {test::kNaN, 1.0, 0.99};
        }
        f.signal = {test::kNaN, 0.5, -0.25};
        f.weight_equity = {test::kNaN, 1.0, 1.01};
    }
    r.average = {0.0, 0.5, -0.25};
    r.markers = {EntryMarker{1, Direction::Long, 0.5}, EntryMarker{2, Direction::Short, -0.25}};
    r.row = ScanRow{3, -0.25, Direction::Short, 10.25, r.markers.back()};
    return r;
}

}  // namespace

class TestResultCacheCodec : public QObject {
    Q_OBJECT

private slots:
    void goldenResultsRoundTripBitExact_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name : test::golden_case_names())
            QTest::newRow(qPrintable(name)) << name;
    }

    void goldenResultsRoundTripBitExact() {
        QFETCH(QString, name);
        const test::GoldenCase c = test::load_golden_case(name);
        AtcResult result = compute_symbol(c.close, c.params);
        // Plant odd NaNs and a -0.0 where a real result could hold any double.
        result.families[1].members[3].ma[0] = kOddNaN;
        result.families[2].signal[c.close.size() / 2] = kNegNaN;
        result.average[c.close.size() - 1] = -0.0;
        const Blob blob = encode_result(result);
        const AtcResult back = decode_result(blob);
        const std::string diff = test::result_difference(result, back);
        QVERIFY2(diff.empty(), diff.c_str());
        // Deterministic: encoding the decoded result gives the same bytes.
        QVERIFY(encode_result(back) == blob);
    }

    void goldenScansRoundTripBitExact_data() { goldenResultsRoundTripBitExact_data(); }

    void goldenScansRoundTripBitExact() {
        QFETCH(QString, name);
        const test::GoldenCase c = test::load_golden_case(name);
        for (const bool keep_series : {true, false}) {
            SymbolScan scan = scan_of(c.close, c.params, keep_series);
            QVERIFY(scan.ok());
            if (keep_series) {
                scan.layer1_signals[0][0] = kOddNaN;
                scan.layer2_equities[5][1] = kNegNaN;
            }
            const Blob blob = encode_scan(scan);
            const SymbolScan back = decode_scan(blob);
            const std::string diff = test::scan_difference(scan, back);
            QVERIFY2(diff.empty(), diff.c_str());
            QVERIFY(back.ok());
            QCOMPARE(back.average.empty(), !keep_series);
        }
    }

    void randomWalksRoundTrip() {
        for (const std::size_t bars : {std::size_t{2000}, std::size_t{5000}}) {
            const std::vector<double> close = test::random_walk(bars, 11);
            AtcParams p;
            p.cutout = 10;
            const AtcResult result = compute_symbol(close, p);
            QVERIFY(!result.markers.empty());
            const std::string diff =
                test::result_difference(result, decode_result(encode_result(result)));
            QVERIFY2(diff.empty(), diff.c_str());
        }
    }

    void headerIsLittleEndianWithMagicKindAndBars() {
        const Blob blob = encode_result(tiny_result());
        QCOMPARE(std::to_integer<char>(blob[0]), 'A');
        QCOMPARE(std::to_integer<char>(blob[3]), 'R');
        QCOMPARE(std::to_integer<int>(blob[4]), int{kCodecFormatVersion});
        QCOMPARE(std::to_integer<int>(blob[5]), 0);
        QCOMPARE(std::to_integer<int>(blob[6]), 1);  // kind: AtcResult
        QCOMPARE(std::to_integer<int>(blob[8]), 3);  // bars
        const Blob scan = encode_scan(*test::tagged_scan(0.5));
        QCOMPARE(std::to_integer<int>(scan[6]), 2);  // kind: SymbolScan
        QCOMPARE(std::to_integer<int>(scan[7]), 0);  // no series
    }

    // Every prefix of a blob is refused, for both kinds.
    void everyTruncationIsRejected() {
        const Blob result = encode_result(tiny_result());
        for (std::size_t n = 0; n < result.size(); ++n) {
            const Blob cut(result.begin(), result.begin() + static_cast<std::ptrdiff_t>(n));
            QVERIFY2(rejected(decode_result, cut), qPrintable(QString::number(n)));
        }
        const test::GoldenCase c = test::load_golden_case("short_series");
        const Blob scan = encode_scan(scan_of(c.close, c.params, true));
        for (std::size_t n = 0; n < scan.size(); ++n) {
            const Blob cut(scan.begin(), scan.begin() + static_cast<std::ptrdiff_t>(n));
            QVERIFY2(rejected(decode_scan, cut), qPrintable(QString::number(n)));
        }
        // Large blobs: a sample of cuts, including one byte short.
        const Blob big = encode_result(compute_symbol(test::random_walk(2000, 5), AtcParams{}));
        for (const std::size_t n :
             {std::size_t{0}, kHeaderBytes, big.size() / 3, big.size() - 9, big.size() - 1}) {
            const Blob cut(big.begin(), big.begin() + static_cast<std::ptrdiff_t>(n));
            QVERIFY(rejected(decode_result, cut));
        }
    }

    // Flipping any single bit anywhere is caught (by a structural check or the checksum).
    void everyBitFlipIsRejected() {
        const Blob blob = encode_result(tiny_result());
        for (std::size_t i = 0; i < blob.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                Blob bad = blob;
                bad[i] ^= static_cast<std::byte>(1 << bit);
                QVERIFY2(rejected(decode_result, bad),
                         qPrintable(QString("byte %1 bit %2").arg(i).arg(bit)));
            }
        }
    }

    void garbageAndForeignBlobsAreRejected() {
        std::mt19937_64 rng(42);
        for (int round = 0; round < 2000; ++round) {
            Blob junk(static_cast<std::size_t>(rng() % 300));
            for (std::byte& b : junk)
                b = static_cast<std::byte>(rng() & 0xff);
            if (round % 2 == 0 && junk.size() >= 8) {  // a valid magic, to get further
                const std::byte header[] = {std::byte{'A'},
                                            std::byte{'T'},
                                            std::byte{'C'},
                                            std::byte{'R'},
                                            std::byte{1},
                                            std::byte{0},
                                            static_cast<std::byte>(1 + round % 4 / 2)};
                std::copy(std::begin(header), std::end(header), junk.begin());
            }
            QVERIFY(rejected(decode_result, junk));
            QVERIFY(rejected(decode_scan, junk));
        }
        // The other kind's blob, and a blob with bytes after its end.
        QVERIFY(rejected(decode_scan, encode_result(tiny_result())));
        QVERIFY(rejected(decode_result, encode_scan(*test::tagged_scan(1.0))));
        Blob longer = encode_result(tiny_result());
        longer.push_back(std::byte{0});
        QVERIFY(rejected(decode_result, longer));
    }

    // Edits that keep a valid checksum: the structural checks alone must refuse them.
    void inconsistentContentIsRejectedBehindAValidChecksum() {
        const Blob good = encode_result(tiny_result());
        QVERIFY(!rejected(decode_result, good));
        auto refused_after = [&good](auto edit) {
            Blob bad = good;
            edit(bad);
            reseal(bad);
            return rejected(decode_result, bad);
        };
        // An unknown format version (the one before, a later one), flags, and an
        // absurd bar count (must not allocate it).
        QVERIFY(refused_after([](Blob& b) { b[4] = std::byte{kCodecFormatVersion - 1}; }));
        QVERIFY(refused_after([](Blob& b) { b[4] = std::byte{kCodecFormatVersion + 1}; }));
        QVERIFY(refused_after([](Blob& b) { b[7] = std::byte{1}; }));
        QVERIFY(refused_after([](Blob& b) { put_u64(b, 8, std::uint64_t{1} << 60); }));
        QVERIFY(refused_after([](Blob& b) { put_u64(b, 8, 4); }));
        // The params block: robustness byte (after 6 x i32 + 6 x f64).
        const std::size_t robustness_at = kHeaderBytes + 24 + 48;
        QVERIFY(refused_after([&](Blob& b) { b[robustness_at] = std::byte{3}; }));
        // Family 0's type byte, then member 0's first state byte.
        const std::size_t family_at = kHeaderBytes + 24 + 48 + 1 + 8 + 8 + 4 + 8 + 8 + 1 + 1;
        QVERIFY(refused_after([&](Blob& b) { b[family_at] = std::byte{1}; }));
        const std::size_t state_at = family_at + 1 + 4 + 4 + 4 + 3 * 8;
        QVERIFY(refused_after([&](Blob& b) { b[state_at] = std::byte{2}; }));
        QVERIFY(refused_after([&](Blob& b) { b[state_at] = std::byte{0x80}; }));
        // The markers come after 6 families and the average; the count, then the first bar.
        const std::size_t family_bytes = 1 + 4 + kMembersPerFamily * (8 + 3 * 17) + 2 * 3 * 8;
        const std::size_t markers_at = family_at + kFamilyCount * family_bytes + 3 * 8;
        {
            Blob probe = good;
            QCOMPARE(std::to_integer<int>(probe[markers_at]), 2);  // the layout is as computed
        }
        QVERIFY(refused_after([&](Blob& b) { put_u64(b, markers_at, 4); }));  // > bars
        QVERIFY(refused_after([&](Blob& b) { put_u64(b, markers_at, ~std::uint64_t{0}); }));
        QVERIFY(refused_after([&](Blob& b) { put_u64(b, markers_at + 8, 3); }));      // bar >= bars
        QVERIFY(refused_after([&](Blob& b) { b[markers_at + 16] = std::byte{5}; }));  // direction
        // The row: bar count must match the header.
        const std::size_t row_at = markers_at + 8 + 2 * 17;
        QVERIFY(refused_after([&](Blob& b) { put_u64(b, row_at, 2); }));
        QVERIFY(refused_after([&](Blob& b) { b[row_at + 8 + 8 + 1 + 8] = std::byte{2}; }));
    }

    void scanFlagsAndShapesAreChecked() {
        const std::vector<double> close = test::random_walk(300, 9);
        const Blob with_series = encode_scan(scan_of(close, AtcParams{}, true));
        Blob bad = with_series;
        bad[7] = std::byte{2};  // unknown flag
        reseal(bad);
        QVERIFY(rejected(decode_scan, bad));
        bad = with_series;
        bad[7] = std::byte{0};  // claims no series: the series bytes are then garbage
        reseal(bad);
        QVERIFY(rejected(decode_scan, bad));
    }

    void encoderRefusesWhatItCannotRepresent() {
        AtcResult r = tiny_result();
        r.families[2].members[4].equity.pop_back();
        QVERIFY_THROWS_EXCEPTION(CodecError, encode_result(r));
        r = tiny_result();
        r.markers.push_back(EntryMarker{3, Direction::Long, 0.1});
        QVERIFY_THROWS_EXCEPTION(CodecError, encode_result(r));
        r = tiny_result();
        r.row.bars = 4;
        QVERIFY_THROWS_EXCEPTION(CodecError, encode_result(r));

        SymbolScan failed;
        failed.error = "too short";
        QVERIFY_THROWS_EXCEPTION(CodecError, encode_scan(failed));
        SymbolScan not_reached;  // cancelled: computed = false
        QVERIFY_THROWS_EXCEPTION(CodecError, encode_scan(not_reached));
        SymbolScan partial = scan_of(test::random_walk(100, 2), AtcParams{}, true);
        partial.layer2_equities[3].clear();
        QVERIFY_THROWS_EXCEPTION(CodecError, encode_scan(partial));
    }
};

QTEST_APPLESS_MAIN(TestResultCacheCodec)
#include "test_result_cache_codec.moc"
