// SPDX-License-Identifier: GPL-3.0-or-later
// Inputs of absurd size: refused before the big allocation, with the memory
// the work would need and the memory there is; MA lengths beyond the series:
// well-defined output (NaN warm-up), never a crash. The available memory is
// set with AvailableMemoryOverride, so every refusal here happens on any
// machine; the real allocations stay below 100 MB (the suite also runs under
// AddressSanitizer).
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "atc/batch.hpp"
#include "atc/compute.hpp"
#include "atc/memory_limits.hpp"
#include "atc/params_json.hpp"
#include "atc/price_csv.hpp"
#include "atc/system/available_memory.hpp"
#include "atc/system/process_memory.hpp"

using namespace atc;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;
constexpr std::uint64_t kGiB = 1024 * kMiB;

// A gently trending walk, strictly positive.
std::vector<double> walk(std::size_t bars) {
    std::vector<double> close(bars);
    for (std::size_t i = 0; i < bars; ++i)
        close[i] = 100.0 + 10.0 * std::sin(static_cast<double>(i) * 0.01) +
                   static_cast<double>(i % 13) * 0.1;
    return close;
}

// Bytes the vectors of a result hold: what estimate_result_bytes must cover.
std::uint64_t held_bytes(const AtcResult& r) {
    std::uint64_t bytes = sizeof(AtcResult) + r.average.capacity() * sizeof(double) +
                          r.markers.capacity() * sizeof(EntryMarker);
    for (const FamilyResult& f : r.families) {
        bytes += (f.signal.capacity() + f.weight_equity.capacity()) * sizeof(double);
        for (const MemberSeries& m : f.members)
            bytes += (m.ma.capacity() + m.equity.capacity()) * sizeof(double) + m.state.capacity();
    }
    return bytes;
}

std::string expected_refusal(const std::string& what, std::uint64_t needed,
                             std::uint64_t available) {
    return what + " needs " + format_bytes(needed) + " of memory; " + format_bytes(available) +
           " is available, of which one task may use " + format_bytes(available / 4 * 3);
}

std::uint64_t peak_rss() {
    return system::read_process_memory().peak_rss_bytes;
}

}  // namespace

class TestLimits : public QObject {
    Q_OBJECT

private slots:
    void formatsSizesAndCounts() {
        QCOMPARE(format_bytes(812), std::string("812 bytes"));
        QCOMPARE(format_bytes(12 * 1024), std::string("12.0 KiB"));
        QCOMPARE(format_bytes(640 * kMiB), std::string("640.0 MiB"));
        QCOMPARE(format_bytes(9 * kGiB + kGiB / 2), std::string("9.5 GiB"));
        QCOMPARE(format_count(7), std::string("7"));
        QCOMPARE(format_count(1000), std::string("1,000"));
        QCOMPARE(format_count(10'000'000), std::string("10,000,000"));
    }

    void cgroupLimitLeavesItsRoom() {
        QCOMPARE(system::cgroup_room_bytes("1073741824\n", "268435456\n"),
                 std::optional<std::uint64_t>(768 * kMiB));
        QCOMPARE(system::cgroup_room_bytes("100\n", "200\n"), std::optional<std::uint64_t>(0));
        QCOMPARE(system::cgroup_room_bytes("max\n", "268435456\n"), std::nullopt);
        QCOMPARE(system::cgroup_room_bytes("", ""), std::nullopt);
    }

    void overrideIsWhatTheLimitsSee() {
        QVERIFY(system::available_memory_bytes() > 0);  // this machine's figure is readable
        {
            const system::AvailableMemoryOverride small(123 * kMiB);
            QCOMPARE(system::available_memory_bytes(), 123 * kMiB);
        }
        QVERIFY(system::available_memory_bytes() != 123 * kMiB);
    }

    void estimateCoversWhatAFullResultHolds() {
        // A series long enough that the per-bar terms dominate.
        const AtcResult r = compute_symbol(walk(20000), AtcParams{});
        const std::uint64_t held = held_bytes(r);
        const std::uint64_t estimate = estimate_result_bytes(20000, KeptSeries::everything());
        QVERIFY2(estimate >= held,
                 qPrintable(QString::number(estimate) + " < " + QString::number(held)));
        // ... and not wildly more: the result itself is most of it.
        QVERIFY2(estimate < 2 * held, qPrintable(QString::number(estimate)));
    }

    void estimateCoversWhatTheDrawnSeriesHold() {
        const AtcResult r = compute_symbol(walk(20000), AtcParams{}, KeptSeries::drawn());
        const std::uint64_t held = held_bytes(r);
        const std::uint64_t estimate = estimate_result_bytes(20000, KeptSeries::drawn());
        QVERIFY2(estimate >= held,
                 qPrintable(QString::number(estimate) + " < " + QString::number(held)));
        // The members are most of a full result: a lean one is checked for far less.
        QVERIFY(estimate < estimate_result_bytes(20000, KeptSeries::everything()) / 2);
    }

    // ---- refused up front -------------------------------------------------

    // The check is of what the compute holds: the drawn series fit where the
    // full result would not, and are computed; the full one is refused.
    void drawnSeriesCheckedForWhatTheyHold() {
        const std::vector<double> close = walk(170'000);
        const std::uint64_t drawn = estimate_result_bytes(close.size(), KeptSeries::drawn());
        const std::uint64_t full = estimate_result_bytes(close.size(), KeptSeries::everything());
        QVERIFY(drawn >= kMemoryCheckFromBytes);          // checked at all
        QVERIFY(drawn <= 90 * kMiB && full > 90 * kMiB);  // one task may use 3/4 of 120 MiB
        {
            const system::AvailableMemoryOverride available(120 * kMiB);
            QCOMPARE(compute_symbol(close, AtcParams{}, KeptSeries::drawn()).bars, close.size());
            QVERIFY_THROWS_EXCEPTION(InsufficientMemory, compute_symbol(close, AtcParams{}));
        }
        const system::AvailableMemoryOverride tight(64 * kMiB);
        try {
            compute_symbol(close, AtcParams{}, KeptSeries::drawn());
            QFAIL("the drawn series of 170,000 bars were computed in 64 MiB");
        } catch (const InsufficientMemory& e) {
            QCOMPARE(e.needed_bytes(), drawn);
            QCOMPARE(std::string(e.what()),
                     expected_refusal("the drawn series of 170,000 bars", drawn, 64 * kMiB));
        }
    }

    void fullResultRefusedWithTheMemoryNamed() {
        const system::AvailableMemoryOverride available(1 * kGiB);
        const std::vector<double> close = walk(1'000'000);  // 8 MB
        const std::uint64_t needed = estimate_result_bytes(close.size(), KeptSeries::everything());
        QVERIFY(needed > 768 * kMiB);  // more than 3/4 of 1 GiB: must be refused
        try {
            compute_symbol(close, AtcParams{});
            QFAIL("a full result of 1,000,000 bars was computed in 1 GiB");
        } catch (const InsufficientMemory& e) {
            QCOMPARE(e.key(), std::string("close"));
            QCOMPARE(e.needed_bytes(), needed);
            QCOMPARE(std::string(e.what()),
                     expected_refusal("a full result for 1,000,000 bars", needed, 1 * kGiB));
        }
    }

    void tenMillionBarsRefusedBeforeAllocating() {
        // The series itself is real (80 MB); the ~13 GB its full result needs
        // must never be asked for: the high-water mark stays where it was.
        const std::vector<double> close = walk(10'000'000);
        const system::AvailableMemoryOverride available(2 * kGiB);
        const std::uint64_t peak_before = peak_rss();
        QVERIFY_THROWS_EXCEPTION(InsufficientMemory, compute_symbol(close, AtcParams{}));
        QVERIFY2(peak_rss() < peak_before + 32 * kMiB,
                 qPrintable(
                     QStringLiteral("peak grew by %1 MiB").arg((peak_rss() - peak_before) / kMiB)));
    }

    void fitsWhenThereIsRoom() {
        // 70,000 bars: past the threshold, so the check is made, and it passes.
        const std::vector<double> close = walk(70'000);
        QVERIFY(estimate_result_bytes(close.size(), KeptSeries::everything()) >=
                kMemoryCheckFromBytes);
        const system::AvailableMemoryOverride available(64 * kGiB);
        QCOMPARE(compute_symbol(close, AtcParams{}).bars, close.size());
    }

    void smallWorkIsNeverChecked() {
        // Even with (pretended) nothing left, a normal series computes: the
        // check only runs from kMemoryCheckFromBytes, far above it.
        const system::AvailableMemoryOverride available(1);
        QCOMPARE(compute_symbol(walk(5000), AtcParams{}).bars, std::size_t{5000});
    }

    void scanSkipsTheSymbolThatCannotFit() {
        const system::AvailableMemoryOverride available(256 * kMiB);
        const std::vector<double> small = walk(3000);
        const std::vector<double> huge = walk(1'000'000);  // ~250 MB of scan buffers
        const std::vector<std::span<const double>> closes = {small, huge, small};
        const BatchResult batch = compute_batch(closes, AtcParams{}, BatchOptions{});
        QVERIFY(batch.symbols[0].ok());
        QVERIFY(batch.symbols[2].ok());
        QVERIFY(!batch.symbols[1].ok());
        const std::string& error = batch.symbols[1].error;
        QVERIFY2(error.starts_with("scanning 1,000,000 bars needs "), error.c_str());
        QVERIFY2(error.ends_with("; 256.0 MiB is available, of which one task may use 192.0 MiB"),
                 error.c_str());
    }

    void priceFileTooLargeForMemoryIsNotRead() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A sparse file: 200 MiB long, no disk and no memory used.
        const std::filesystem::path path = dir.filePath(QStringLiteral("huge.csv")).toStdString();
        {
            std::FILE* f = std::fopen(path.c_str(), "wb");
            QVERIFY(f);
            std::fclose(f);
        }
        std::filesystem::resize_file(path, 200 * kMiB);
        const system::AvailableMemoryOverride available(256 * kMiB);
        const std::uint64_t peak_before = peak_rss();
        try {
            read_price_csv(path);
            QFAIL("a 200 MiB file was read with 256 MiB available");
        } catch (const CsvError& e) {
            QCOMPARE(e.line(), std::size_t{0});
            QCOMPARE(e.source(), path.string());
            QCOMPARE(e.problem(),
                     expected_refusal("reading this 200.0 MiB file", 600 * kMiB, 256 * kMiB));
        }
        QVERIFY(peak_rss() < peak_before + 32 * kMiB);
    }

    void paramsFileOfMegabytesIsNotRead() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path path =
            dir.filePath(QStringLiteral("params.json")).toStdString();
        {
            std::FILE* f = std::fopen(path.c_str(), "wb");
            QVERIFY(f);
            std::fclose(f);
        }
        std::filesystem::resize_file(path, 3 * kMiB);
        try {
            read_params_json(path);
            QFAIL("a 3 MiB parameters file was read");
        } catch (const ParamsError& e) {
            QCOMPARE(std::string(e.what()),
                     path.string() +
                         ": the file is 3.0 MiB; a parameters file is a small JSON object of "
                         "at most 1.0 MiB");
        }
    }

    // ---- lengths beyond the series ----------------------------------------

    void lengthsBeyondTheSeriesGiveNanWarmUp() {
        // 40 bars, every family at length 60 (members 54..66): no window ever
        // fills. Spec: NaN until defined, so every windowed MA is NaN and its
        // member never crosses. KAMA is the exception: it is defined from bar
        // 0 (KAMA[i] = close[0] until bar N). The Average stays finite.
        const std::vector<double> close = walk(40);
        AtcParams params;
        params.lengths = {60, 60, 60, 60, 60, 60};
        const AtcResult r = compute_symbol(close, params);
        QCOMPARE(r.bars, close.size());
        for (const FamilyResult& family : r.families) {
            for (const MemberSeries& member : family.members) {
                QCOMPARE(member.ma.size(), close.size());
                for (std::size_t i = 0; i < close.size(); ++i) {
                    if (family.type == MaType::KAMA)
                        QCOMPARE(member.ma[i], close[0]);
                    else
                        QVERIFY2(std::isnan(member.ma[i]), qPrintable(QString::number(i)));
                }
            }
        }
        for (std::size_t i = 0; i < close.size(); ++i)
            QVERIFY(std::isfinite(r.average[i]));

        // The scan of the same series agrees with the full result.
        const std::vector<std::span<const double>> closes = {close};
        const BatchResult batch = compute_batch(closes, params, BatchOptions{});
        QVERIFY(batch.symbols[0].ok());
        QCOMPARE(batch.symbols[0].row.average, r.row.average);
        QCOMPARE(batch.symbols[0].row.trend, r.row.trend);
    }

    void longestLengthOnAShortSeries() {
        // The largest length accepted on a 3-bar series: no window, no crash.
        AtcParams params;
        params.lengths = {kMaxLength, kMaxLength, kMaxLength, kMaxLength, kMaxLength, kMaxLength};
        const std::vector<double> close = {10.0, 11.0, 12.0};
        const AtcResult r = compute_symbol(close, params);
        // Only KAMA (defined from bar 0) can cross; every windowed member stays flat.
        for (const FamilyResult& family : r.families) {
            if (family.type == MaType::KAMA)
                continue;
            for (const MemberSeries& member : family.members) {
                QVERIFY(std::isnan(member.ma.back()));
                QCOMPARE(member.state, (std::vector<std::int8_t>{0, 0, 0}));
            }
        }
        for (const double a : r.average)
            QVERIFY(std::isfinite(a));
    }

    void lengthEqualToTheSeriesDefinesTheLastBar() {
        // N = bars: the window fills exactly at the last bar.
        const std::vector<double> close = walk(30);
        AtcParams params;
        params.lengths = {30, 30, 30, 30, 30, 30};
        const AtcResult r = compute_symbol(close, params);
        const MemberSeries& base = r.family(MaType::WMA).members[0];
        QCOMPARE(base.length, 30);
        QVERIFY(std::isnan(base.ma[28]));
        QVERIFY(std::isfinite(base.ma[29]));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "test_limits.moc"
