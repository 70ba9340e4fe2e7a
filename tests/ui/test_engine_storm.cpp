// SPDX-License-Identifier: GPL-3.0-or-later
// 1,000 random symbol requests, scan requests and cancels against the engine
// bridge, interleaved with event processing, from a fixed seed: nothing
// crashes or leaks (CI runs this suite under AddressSanitizer, LeakSanitizer
// and UBSan), no superseded result is ever delivered, and the last request of
// each kind is answered exactly, bit for bit, as the engine computes it
// directly on the same bars.
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "../engine/direct_moving_averages.hpp"
#include "../engine/test_result_cache_support.hpp"
#include "atc/batch.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/compute.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "core/engine_service.hpp"
#include "studio_fixture.hpp"

using namespace atc;
using namespace atc::ui;
namespace fs = std::filesystem;

namespace {

constexpr int kRequests = 1000;
constexpr int kSymbols = 12;

// Parameter sets the storm picks from: valid ones of different shapes, and one
// the engine refuses (a length below its minimum).
std::vector<AtcParams> parameter_sets() {
    std::vector<AtcParams> sets(5);
    sets[1].lengths = {10, 12, 14, 16, 18, 20};
    sets[1].robustness = Robustness::Narrow;
    sets[2].lambda = 0.05;
    sets[2].decay = 0.1;
    sets[2].cutout = 20;
    sets[3].strategy_mode = true;
    sets[3].robustness = Robustness::Wide;
    sets[4].lengths[0] = 0;  // invalid
    return sets;
}

}  // namespace

class TestEngineStorm : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    fs::path db_path_;
    QStringList names_;
    std::vector<std::vector<double>> closes_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        db_path_ = fs::path(dir_.path().toStdString()) / "storm.sqlite";
        store::Database db = store::Database::open(db_path_);
        store::SymbolStore symbols(db);
        for (int s = 0; s < kSymbols; ++s) {
            PriceSeries bars;
            bars.close = test::random_walk(250 + 25 * static_cast<std::size_t>(s),
                                           static_cast<unsigned>(300 + s));
            const std::string name = "S" + std::to_string(s);
            symbols.save({name, "", "1d", "", store::SymbolKind::Imported, s}, bars);
            names_ << QString::fromStdString(name);
            closes_.push_back(bars.close);
        }
    }

    void randomRequestsEndWithTheLastOnesExact() {
        // A small memory tier, so entries are evicted and looked up on disk too.
        cache::ResultCacheOptions options;
        options.database = db_path_;
        options.memory_capacity_bytes = std::size_t{2} << 20;
        cache::ResultCache cache(options);
        // Declared before the engine, which is destroyed (and stops delivering) first.
        std::shared_ptr<const SymbolData> last_symbol;
        std::shared_ptr<const ScanOutcome> last_scan;
        int stale = 0;
        int symbol_answers = 0;
        int scan_answers = 0;
        const auto router = gui_test::cpu_router();
        EngineService engine(db_path_, cache, *router);
        connect(&engine, &EngineService::symbolReady, this,
                [&](std::shared_ptr<const SymbolData> data) {
                    if (data->generation != engine.latestSymbolGeneration())
                        ++stale;
                    last_symbol = data;
                    ++symbol_answers;
                });
        connect(&engine, &EngineService::symbolFailed, this,
                [&](quint64 generation, const QString&, const QString&) {
                    if (generation != engine.latestSymbolGeneration())
                        ++stale;
                    last_symbol.reset();
                    ++symbol_answers;
                });
        connect(&engine, &EngineService::scanFinished, this,
                [&](std::shared_ptr<const ScanOutcome> outcome) {
                    if (outcome->generation <= (last_scan ? last_scan->generation : 0))
                        ++stale;  // scans are answered newest-last, never out of order
                    last_scan = outcome;
                    ++scan_answers;
                });

        const std::vector<AtcParams> sets = parameter_sets();
        std::mt19937 rng(9001);
        const auto pick = [&rng](int n) {
            return std::uniform_int_distribution<int>(0, n - 1)(rng);
        };
        const auto random_names = [&] {
            QStringList chosen;
            const int count = 1 + pick(kSymbols);
            for (int k = 0; k < count; ++k)
                chosen << (pick(20) == 0 ? QStringLiteral("NO-SUCH") : names_[pick(kSymbols)]);
            return chosen;
        };
        for (int r = 0; r < kRequests; ++r) {
            switch (pick(10)) {
                case 0:
                case 1:
                case 2:
                case 3:
                    engine.requestSymbol(
                        pick(25) == 0 ? QStringLiteral("NO-SUCH") : names_[pick(kSymbols)],
                        sets[static_cast<std::size_t>(pick(5))]);
                    break;
                case 4:
                case 5:
                case 6:
                    engine.requestScan(random_names(), sets[static_cast<std::size_t>(pick(5))]);
                    break;
                case 7:
                    engine.cancelScan();
                    break;
                case 8:
                    // Let some results and progress reports arrive in between.
                    QCoreApplication::processEvents(QEventLoop::AllEvents, pick(3));
                    break;
                default:
                    // Now and then everything in flight lands, so that answers are
                    // delivered (and checked for staleness) throughout the storm.
                    if (pick(3) == 0)
                        engine.waitForIdle();
                    QCoreApplication::processEvents();
                    break;
            }
        }

        // The last requests: one of each, with valid parameters.
        const std::size_t symbol_index = 5;
        const std::vector<std::size_t> scan_indices = {0, 3, 7, 11, 2};
        QStringList scan_names;
        for (const std::size_t i : scan_indices)
            scan_names << names_[static_cast<qsizetype>(i)];
        const AtcParams symbol_params = sets[1];
        const AtcParams scan_params = sets[2];
        const std::uint64_t symbol_generation =
            engine.requestSymbol(names_[symbol_index], symbol_params);
        const std::uint64_t scan_generation = engine.requestScan(scan_names, scan_params);
        const auto answered = [&] {
            return last_symbol && last_symbol->generation == symbol_generation && last_scan &&
                   last_scan->generation == scan_generation && !engine.isBusy();
        };
        QTRY_VERIFY_WITH_TIMEOUT(answered(), 60'000);
        engine.waitForIdle();
        QCoreApplication::processEvents();
        QCOMPARE(stale, 0);
        QVERIFY(symbol_answers > 0 && scan_answers > 0);

        // The symbol: as atc::compute_symbol makes it from the same bars,
        // keeping the drawn series as the app asks.
        QCOMPARE(last_symbol->name, names_[symbol_index]);
        QVERIFY(last_symbol->params == symbol_params);
        QVERIFY(test::same_bits(last_symbol->bars.close, closes_[symbol_index]));
        const std::string diff = test::result_difference(
            *last_symbol->result,
            compute_symbol(closes_[symbol_index], symbol_params, KeptSeries::drawn()));
        QVERIFY2(diff.empty(), diff.c_str());

        // The scan: as one direct batch call on the same bars.
        QVERIFY(!last_scan->cancelled);
        QVERIFY(last_scan->params == scan_params);
        std::vector<std::span<const double>> closes;
        for (const std::size_t i : scan_indices)
            closes.emplace_back(closes_[i]);
        BatchOptions summaries;
        summaries.keep_series = false;
        const BatchResult direct = compute_batch(closes, scan_params, summaries);
        QCOMPARE(last_scan->results.size(), direct.symbols.size());
        for (std::size_t k = 0; k < direct.symbols.size(); ++k) {
            QVERIFY(last_scan->results[k]);
            QVERIFY2(last_scan->errors[static_cast<qsizetype>(k)].isEmpty(),
                     qPrintable(last_scan->errors[static_cast<qsizetype>(k)]));
            const std::string scan_diff =
                test::scan_difference(*last_scan->results[k], direct.symbols[k]);
            QVERIFY2(scan_diff.empty(), scan_diff.c_str());
        }
        const cache::CacheStats stats = cache.stats();
        qInfo(
            "%d symbol and %d scan answers delivered; cache: %llu memory hits, %llu disk hits, "
            "%llu misses",
            symbol_answers, scan_answers, static_cast<unsigned long long>(stats.memory_hits),
            static_cast<unsigned long long>(stats.disk_hits),
            static_cast<unsigned long long>(stats.misses));
    }

    // The members a view opens over a drawn result: answered as the full
    // compute has them; a request cancelled before its worker starts is
    // neither computed nor answered; a failure says why.
    void membersAreAnsweredUnlessCancelled() {
        cache::ResultCache cache;
        const auto router = gui_test::cpu_router();
        EngineService engine(db_path_, cache, *router);
        const AtcParams params = parameter_sets()[3];
        std::shared_ptr<const SymbolData> data;
        connect(&engine, &EngineService::symbolReady, this,
                [&data](std::shared_ptr<const SymbolData> d) { data = std::move(d); });
        engine.requestSymbol(names_[4], params);
        QTRY_VERIFY_WITH_TIMEOUT(data, 30'000);
        QVERIFY(!data->result->kept.members);

        struct Answer {
            std::shared_ptr<const SymbolData> data;
            MaType family;
            std::shared_ptr<const FamilyMembers> members;
            QString failure;
        };
        std::vector<Answer> answers;
        connect(&engine, &EngineService::membersReady, this,
                [&answers](std::shared_ptr<const SymbolData> d, MaType family,
                           std::shared_ptr<const FamilyMembers> members) {
                    answers.push_back({std::move(d), family, std::move(members), {}});
                });
        connect(
            &engine, &EngineService::membersFailed, this,
            [&answers](std::shared_ptr<const SymbolData> d, MaType family, const QString& message) {
                answers.push_back({std::move(d), family, nullptr, message});
            });
        auto invalid = std::make_shared<SymbolData>(*data);
        invalid->params.lengths[0] = 0;
        engine.requestMembers(data, MaType::LSMA, std::make_shared<std::atomic<bool>>(true));
        engine.requestMembers(data, MaType::DEMA, std::make_shared<std::atomic<bool>>(false));
        engine.requestMembers(invalid, MaType::EMA, std::make_shared<std::atomic<bool>>(false));
        QVERIFY(engine.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!engine.isBusy(), 30'000);
        QCOMPARE(answers.size(), std::size_t(2));
        const auto dema = std::find_if(answers.begin(), answers.end(),
                                       [](const Answer& a) { return a.family == MaType::DEMA; });
        QVERIFY(dema != answers.end() && dema->data == data && dema->members);
        const AtcResult full = compute_symbol(closes_[4], params);
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            const MemberSeries& want = full.family(MaType::DEMA).members[k];
            const MemberSeries& got = (*dema->members)[k];
            QVERIFY(test::same_bits(got.ma, want.ma));
            QVERIFY(test::same_bits(got.state, want.state));
            QVERIFY(test::same_bits(got.equity, want.equity));
        }
        const auto failed = std::find_if(answers.begin(), answers.end(),
                                         [](const Answer& a) { return a.family == MaType::EMA; });
        QVERIFY(failed != answers.end() && !failed->members);
        QVERIFY2(failed->failure.contains(QStringLiteral("ema_len")), qPrintable(failed->failure));
    }
};

QTEST_MAIN(TestEngineStorm)
#include "test_engine_storm.moc"
