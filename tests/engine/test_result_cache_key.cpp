// SPDX-License-Identifier: GPL-3.0-or-later
// Cache keys: MurmurHash3_x64_128 against its published test vectors, and a key
// that changes with every change of data, parameters, engine version or kind.
#include <QtTest>
#include <cstring>
#include <string_view>
#include <vector>

#include "atc/cache/cache_key.hpp"
#include "atc/cache/hash.hpp"
#include "atc/params_json.hpp"
#include "direct_moving_averages.hpp"

using namespace atc;
using namespace atc::cache;

namespace {

Hash128 hash_text(std::string_view text, std::uint32_t seed = 0) {
    return murmur3_x64_128(std::as_bytes(std::span<const char>(text.data(), text.size())), seed);
}

}  // namespace

class TestResultCacheKey : public QObject {
    Q_OBJECT

private slots:
    // SMHasher's VerificationTest: hash keys {}, {0}, {0,1}, ... {0..254} with
    // seed 256 - length, hash the concatenated digests with seed 0; the first
    // four bytes, little-endian, are 0x6384BA69 for MurmurHash3_x64_128.
    void smhasherVerificationValue() {
        std::vector<std::byte> key(256);
        std::vector<std::byte> digests(256 * 16);
        for (std::size_t i = 0; i < 256; ++i) {
            key[i] = static_cast<std::byte>(i);
            const Hash128 h =
                murmur3_x64_128(std::span(key).first(i), static_cast<std::uint32_t>(256 - i));
            for (std::size_t b = 0; b < 8; ++b) {
                digests[i * 16 + b] = static_cast<std::byte>((h.h1 >> (8 * b)) & 0xff);
                digests[i * 16 + 8 + b] = static_cast<std::byte>((h.h2 >> (8 * b)) & 0xff);
            }
        }
        const Hash128 final_hash = murmur3_x64_128(digests, 0);
        QCOMPARE(static_cast<std::uint32_t>(final_hash.h1 & 0xffffffffu), 0x6384BA69u);
    }

    // Digests published for the reference implementation (and Python's mmh3).
    void knownDigests() {
        QCOMPARE(hash_text(""), (Hash128{0, 0}));
        // mmh3.hash64("hello") == (-3758069500696749310, 6565844092913065241)
        QCOMPARE(hash_text("hello"), (Hash128{0xcbd8a7b341bd9b02ULL, 0x5b1e906a48ae1d19ULL}));
        // Digest bytes 6c1b07bc7bbc4be3 47939ac4a93c437a.
        QCOMPARE(hash_text("The quick brown fox jumps over the lazy dog"),
                 (Hash128{0xe34bbc7bbc071b6cULL, 0x7a433ca9c49a9347ULL}));
    }

    // Every tail length 0..15 goes through its own branch of the tail switch.
    void everyTailLengthDiffers() {
        const std::string_view text = "0123456789abcdefghijklmnopqrstuvwxyz";
        std::vector<Hash128> seen;
        for (std::size_t n = 0; n <= 33; ++n) {
            const Hash128 h = hash_text(text.substr(0, n));
            for (const Hash128& other : seen)
                QVERIFY(!(h == other));
            seen.push_back(h);
        }
        QVERIFY(!(hash_text("abc", 1) == hash_text("abc", 2)));
    }

    void closesHashTheirExactBytes() {
        const std::vector<double> close = test::random_walk(2000, 7);
        QCOMPARE(hash_closes(close), murmur3_x64_128(std::as_bytes(std::span(close))));
        std::vector<double> changed = close;
        changed[1234] = std::nextafter(changed[1234], 1e9);  // one bit of one close
        QVERIFY(!(hash_closes(changed) == hash_closes(close)));
        // A prefix, and the same values with one more bar, are other data.
        QVERIFY(!(hash_closes(std::span(close).first(1999)) == hash_closes(close)));
        std::vector<double> longer = close;
        longer.push_back(close.back());
        QVERIFY(!(hash_closes(longer) == hash_closes(close)));
    }

    void keyChangesWithDataParamsVersionAndKind() {
        const std::vector<double> close = test::random_walk(500, 3);
        const AtcParams p;
        const Hash128 context = context_hash(p, "atc-engine-1");
        const CacheKey base = make_key(EntryKind::Result, close, context);
        QCOMPARE(make_key(EntryKind::Result, close, context_hash(p, "atc-engine-1")), base);

        std::vector<double> other_close = close;
        other_close[0] += 0.01;
        QVERIFY(!(make_key(EntryKind::Result, other_close, context) == base));
        QVERIFY(!(make_key(EntryKind::Scan, close, context) == base));
        QVERIFY(!(make_key(EntryKind::ScanSummary, close, context) ==
                  make_key(EntryKind::Scan, close, context)));
        QVERIFY(!(context_hash(p, "atc-engine-2") == context));

        // Each parameter on its own changes the context.
        std::vector<AtcParams> variants;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            AtcParams q;
            q.lengths[t] += 1;
            variants.push_back(q);
            q = AtcParams{};
            q.weights[t] = 1.5;
            variants.push_back(q);
        }
        auto vary = [&variants](auto change) {
            AtcParams q;
            change(q);
            variants.push_back(q);
        };
        vary([](AtcParams& q) { q.robustness = Robustness::Wide; });
        vary([](AtcParams& q) { q.lambda = 0.021; });
        vary([](AtcParams& q) { q.decay = 0.031; });
        vary([](AtcParams& q) { q.cutout = 1; });
        vary([](AtcParams& q) { q.long_threshold = 0.2; });
        vary([](AtcParams& q) { q.short_threshold = -0.2; });
        vary([](AtcParams& q) { q.strategy_mode = true; });
        vary([](AtcParams& q) { q.profile = MaProfile::Pine; });
        for (const AtcParams& q : variants) {
            QVERIFY2(!(context_hash(q, "atc-engine-1") == context), params_to_json(q).c_str());
        }
    }

    // The version and the parameter text are length-prefixed: moving characters
    // from one to the other cannot produce the same bytes.
    void contextIsUnambiguous() {
        const AtcParams p;
        QVERIFY(!(context_hash(p, "v1") == context_hash(p, "v1 ")));
        QVERIFY(!(context_hash(p, "") == context_hash(p, "x")));
    }

    // The data's own bars ("") keep the key they had before timeframes; every
    // timeframe is a context of its own.
    void timeframeIsPartOfTheContext() {
        const AtcParams p;
        const Hash128 own = context_hash(p, "atc-engine-1");
        QCOMPARE(context_hash(p, "atc-engine-1", ""), own);
        QVERIFY(!(context_hash(p, "atc-engine-1", "4h") == own));
        QVERIFY(!(context_hash(p, "atc-engine-1", "4h") == context_hash(p, "atc-engine-1", "1d")));
        QVERIFY(!(context_hash(p, "atc-engine-1", "1d") ==
                  context_hash(p, "atc-engine-1", "1d America/New_York")));
        // Length-prefixed as the version is: characters cannot move between the two.
        QVERIFY(!(context_hash(p, "atc-engine-14h") == context_hash(p, "atc-engine-1", "4h")));
    }

    void keyBytesAreLittleEndianAndFixed() {
        CacheKey key;
        key.kind = EntryKind::Scan;
        key.bars = 0x0102030405060708ULL;
        key.data = {0x1112131415161718ULL, 0x2122232425262728ULL};
        key.context = {0x3132333435363738ULL, 0x4142434445464748ULL};
        const auto bytes = key.bytes();
        QCOMPARE(bytes.size(), std::size_t{41});
        QCOMPARE(std::to_integer<int>(bytes[0]), 2);
        QCOMPARE(std::to_integer<int>(bytes[1]), 0x08);
        QCOMPARE(std::to_integer<int>(bytes[8]), 0x01);
        QCOMPARE(std::to_integer<int>(bytes[9]), 0x18);
        QCOMPARE(std::to_integer<int>(bytes[24]), 0x21);
        QCOMPARE(std::to_integer<int>(bytes[25]), 0x38);
        QCOMPARE(std::to_integer<int>(bytes[40]), 0x41);
    }
};

QTEST_APPLESS_MAIN(TestResultCacheKey)
#include "test_result_cache_key.moc"
