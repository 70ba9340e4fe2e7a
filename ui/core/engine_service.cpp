// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine_service.hpp"

#include <QMetaObject>
#include <algorithm>
#include <chrono>
#include <exception>
#include <utility>

#include "atc/compute.hpp"
#include "atc/resample.hpp"
#include "atc/store/database.hpp"
#include "atc/store/scan_bars_reader.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::ui {
namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// Carries a scan's progress from the workers to the GUI thread. Workers only
// raise an atomic count; a queued call is posted only when none is pending, so
// however many symbols finish per millisecond, the GUI thread handles at most
// one progress event at a time and always ends up with the latest count.
class ScanProgressRelay : public std::enable_shared_from_this<ScanProgressRelay> {
public:
    ScanProgressRelay(EngineService* service, std::uint64_t generation, qsizetype total,
                      std::chrono::steady_clock::time_point start)
        : service_(service), generation_(generation), total_(total), start_(start) {}

    // Any thread. Counts only grow: workers report out of order.
    void report(qsizetype done) {
        qsizetype seen = done_.load();
        while (seen < done && !done_.compare_exchange_weak(seen, done)) {
        }
        if (posted_.exchange(true))
            return;  // the pending call will read the newer count
        QMetaObject::invokeMethod(
            service_,
            [relay = shared_from_this()] {
                // Clear first: a report after the load below posts again.
                relay->posted_ = false;
                emit relay->service_->scanProgress(ScanProgress{relay->generation_,
                                                                relay->done_.load(), relay->total_,
                                                                msSince(relay->start_)});
            },
            Qt::QueuedConnection);
    }

private:
    EngineService* service_;
    std::uint64_t generation_;
    qsizetype total_;
    std::chrono::steady_clock::time_point start_;
    std::atomic<qsizetype> done_{0};
    std::atomic<bool> posted_{false};
};

// Names the bar of symbol i's last entry marker in outcome.marker_labels:
// read from the store where the scan read the closes alone (`reader`), else
// from the loaded `bars`. A symbol whose stored labels or times turn out to be
// damaged fails, as it would have when its bars were loaded whole.
void nameScanMarker(ScanOutcome& outcome, qsizetype i, store::ScanBarsReader* reader,
                    const PriceSeries& bars) {
    const auto slot = static_cast<std::size_t>(i);
    const std::size_t bar = outcome.results[slot]->row.last_marker->bar;
    if (!reader) {
        outcome.marker_labels[i] = barLabel(bars, bar);
        return;
    }
    try {
        outcome.marker_labels[i] =
            barLabel(reader->bar_name(outcome.names[i].toStdString(), bar), bar);
    } catch (const store::StoreError& e) {
        outcome.results[slot] = nullptr;
        outcome.errors[i] = QString::fromStdString(e.what());
    }
}

// The scan's BatchOptions that do not change from chunk to chunk.
BatchOptions scanOptions(const std::atomic<bool>& cancel, ScanOutcome& outcome,
                         WorkspaceGauge& gauge) {
    BatchOptions options;
    options.keep_series = false;
    options.cancel = &cancel;
    options.stage_times = &outcome.stage_times;  // summed over the chunks
    // Equal-length symbols four to a vector, as in an untimed scan: the panel
    // shows their time whole (StageTimes::fused) instead of slowing them down.
    options.stages_apart = false;
    options.workspace_gauge = &gauge;  // the panel's "engine buffers"
    return options;
}

// Answers from the result cache the symbols whose closes the store knows by
// their hash (store::ScanBarsReader::closes_digest), without reading their
// bars; returns the indexes of the others, in order, to load and compute. A
// symbol the store cannot tell about is left to loading, which says why.
std::vector<qsizetype> answerFromStore(ScanOutcome& outcome, store::ScanBarsReader& reader,
                                       ScanRun& run, const BatchOptions& options,
                                       const std::string& timeframe) {
    const qsizetype total = outcome.names.size();
    std::vector<qsizetype> known;
    std::vector<cache::SeriesDigest> digests;
    for (qsizetype i = 0; i < total; ++i) {
        try {
            if (const auto digest = reader.closes_digest(outcome.names[i].toStdString())) {
                known.push_back(i);
                digests.push_back(*digest);
            }
        } catch (const store::StoreError&) {
        }
    }
    std::vector<bool> answered(static_cast<std::size_t>(total), false);
    if (!known.empty()) {
        const auto found = run.stored(digests, outcome.params, options, timeframe);
        const PriceSeries unread;  // the reader names the markers' bars
        for (std::size_t k = 0; k < known.size(); ++k) {
            if (!found[k])
                continue;
            const qsizetype i = known[k];
            const auto slot = static_cast<std::size_t>(i);
            outcome.results[slot] = found[k];
            outcome.last_close[slot] = found[k]->row.last_close;
            if (found[k]->ok() && found[k]->row.last_marker)
                nameScanMarker(outcome, i, &reader, unread);
            answered[slot] = true;
        }
    }
    std::vector<qsizetype> to_load;
    for (qsizetype i = 0; i < total; ++i) {
        if (!answered[static_cast<std::size_t>(i)])
            to_load.push_back(i);
    }
    return to_load;
}

}  // namespace

double ScanProgress::symbolsPerSecond() const {
    if (done <= 0 || elapsed_ms <= 0.0)
        return 0.0;
    return static_cast<double>(done) / (elapsed_ms / 1000.0);
}

double ScanProgress::secondsLeft() const {
    const double rate = symbolsPerSecond();
    if (rate <= 0.0)
        return -1.0;
    return static_cast<double>(std::max<qsizetype>(0, total - done)) / rate;
}

EngineService::EngineService(std::filesystem::path database, cache::ResultCache& cache,
                             BackendRouter& router, QObject* parent)
    : QObject(parent), database_(std::move(database)), cache_(cache), compute_(router, &cache) {
    qRegisterMetaType<std::shared_ptr<const SymbolData>>();
    qRegisterMetaType<std::shared_ptr<const ScanOutcome>>();
    qRegisterMetaType<ScanProgress>();
    // Two of each: a superseded job that already runs (a chart cannot be
    // stopped half-way, a scan stops at its next chunk) does not hold up the
    // newest one.
    symbol_pool_.setMaxThreadCount(2);
    scan_pool_.setMaxThreadCount(2);
    // The members views ask for, one at a time: a trader flipping through the
    // families queues requests whose views are gone by the time the thread is
    // free, and those are skipped without a compute.
    member_pool_.setMaxThreadCount(1);
}

EngineService::~EngineService() {
    cancelScan(ScanLane::Scanner);
    cancelScan(ScanLane::Watchlist);
    waitForIdle();
}

void EngineService::waitForIdle() {
    symbol_pool_.waitForDone();
    scan_pool_.waitForDone();
    member_pool_.waitForDone();
}

void EngineService::jobStarted() {
    if (running_++ == 0)
        emit busyChanged(true);
}

void EngineService::jobFinished() {
    if (--running_ == 0)
        emit busyChanged(false);
}

std::uint64_t EngineService::requestSymbol(const QString& name, const AtcParams& params,
                                           const QString& timeframe) {
    if (const std::optional<SymbolRequest> ahead = std::exchange(prefetched_, std::nullopt);
        ahead && ahead->generation == symbol_generation_ && ahead->name == name &&
        ahead->params == params && ahead->timeframe == timeframe) {
        return ahead->generation;  // already loading and computing
    }
    const SymbolRequest request{name, params, timeframe, ++symbol_generation_};
    startSymbolJob(request);
    return request.generation;
}

void EngineService::prefetchSymbol(const QString& name, const AtcParams& params,
                                   const QString& timeframe) {
    prefetched_ = SymbolRequest{name, params, timeframe, ++symbol_generation_};
    startSymbolJob(*prefetched_);
}

void EngineService::startSymbolJob(const SymbolRequest& request) {
    jobStarted();
    symbol_pool_.start([this, request] {
        std::shared_ptr<const SymbolData> data;
        QString error;
        // Superseded while it waited for a thread (a burst of clicks): its
        // result would be dropped, so nothing is loaded nor computed.
        if (request.generation == symbol_generation_)
            data = loadSymbolOrError(request, error);
        QMetaObject::invokeMethod(
            this,
            [this, data, error, name = request.name, generation = request.generation] {
                jobFinished();
                // Delivered: a later request for it computes again (or hits the cache).
                if (prefetched_ && prefetched_->generation == generation)
                    prefetched_.reset();
                // Only the newest request is shown; older ones were superseded.
                if (generation != symbol_generation_)
                    return;
                if (!error.isEmpty() || !data) {
                    emit symbolFailed(generation, name, error);
                } else {
                    emit symbolReady(data);
                }
            },
            Qt::QueuedConnection);
    });
}

std::shared_ptr<const SymbolData> EngineService::loadSymbol(const SymbolRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    // Each job has its own connection: SQLite connections are not shared
    // between threads, and WAL lets this read while the GUI imports.
    store::Database db = store::Database::connect(database_);
    store::SymbolStore store(db);
    auto data = std::make_shared<SymbolData>();
    data->name = request.name;
    setBarsAt(*data, store.load(request.name.toStdString()), request.timeframe);
    data->params = request.params;
    data->generation = request.generation;
    const std::string cache_timeframe = data->resampledTo().toStdString();
    // Only what the panes draw: the members' series are computed when a view
    // that draws them opens (requestMembers).
    ChartAnswer answer =
        compute_.chart(data->bars.close, request.params, cache_timeframe, KeptSeries::drawn());
    data->result = std::move(answer.result);
    data->compute = std::move(answer.record);
    data->compute_ms = msSince(start);
    return data;
}

std::shared_ptr<const SymbolData> EngineService::loadSymbolOrError(const SymbolRequest& request,
                                                                   QString& error) {
    try {
        return loadSymbol(request);
    } catch (const std::exception& e) {
        error = QString::fromStdString(e.what());
        return nullptr;
    }
}

void EngineService::requestStored(const QString& name, const AtcParams& params) {
    scan_pool_.start([this, request = SymbolRequest{name, params, QString(), 0}] {
        lowerCurrentThreadPriority();
        QString error;
        const std::shared_ptr<const SymbolData> data = loadSymbolOrError(request, error);
        QMetaObject::invokeMethod(
            this,
            [this, data, error, name = request.name] {
                if (data)
                    emit storedReady(data);
                else
                    emit storedFailed(name, error);
            },
            Qt::QueuedConnection);
    });
}

void EngineService::requestMembers(std::shared_ptr<const SymbolData> data, MaType family,
                                   std::shared_ptr<const std::atomic<bool>> cancelled) {
    jobStarted();
    // Held weakly until the worker starts: a request left behind by another
    // symbol must not keep that symbol's bars alive in the queue.
    member_pool_.start([this, weak = std::weak_ptr<const SymbolData>(data), family, cancelled] {
        lowerCurrentThreadPriority();
        const std::shared_ptr<const SymbolData> of = *cancelled ? nullptr : weak.lock();
        std::shared_ptr<const FamilyMembers> members;
        QString error;
        if (of) {
            try {
                arena_.execute([&] {
                    members = std::make_shared<const FamilyMembers>(
                        compute_members(of->bars.close, of->params, family));
                });
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, of, family, members, error, cancelled] {
                jobFinished();
                if (!of || *cancelled)
                    return;
                if (members)
                    emit membersReady(of, family, members);
                else
                    emit membersFailed(of, family, error);
            },
            Qt::QueuedConnection);
    });
}

std::uint64_t EngineService::requestScan(const QStringList& names, const AtcParams& params,
                                         const QString& timeframe, ScanLane which) {
    cancelScan(which);  // a newer scan replaces the running one of its lane
    LaneState& state = lane(which);
    state.generation = ++scan_generation_;
    state.cancel = std::make_shared<std::atomic<bool>>(false);
    const std::uint64_t generation = state.generation;
    // The busy indicator means what the trader waits for: the watchlist's
    // background fill does not light it.
    const bool counted = which == ScanLane::Scanner;
    if (counted)
        jobStarted();
    scan_pool_.start(
        [this, names, params, timeframe, generation, which, counted, cancel = state.cancel] {
            lowerCurrentThreadPriority();  // loading, too, yields to the GUI
            // Only the Scanner shows progress: the watchlist's cells fill as each
            // request's outcome arrives.
            std::function<void(qsizetype)> reached;
            if (which == ScanLane::Scanner) {
                reached = [relay = std::make_shared<ScanProgressRelay>(
                               this, generation, names.size(), std::chrono::steady_clock::now())](
                              qsizetype done) { relay->report(done); };
            }
            std::shared_ptr<const ScanOutcome> outcome =
                runScan(names, params, timeframe, generation, *cancel, reached);
            QMetaObject::invokeMethod(
                this,
                [this, outcome, which, counted] {
                    if (counted)
                        jobFinished();
                    if (outcome->generation != lane(which).generation)
                        return;  // superseded
                    if (which == ScanLane::Scanner)
                        emit scanFinished(outcome);
                    else
                        emit watchlistScanFinished(outcome);
                },
                Qt::QueuedConnection);
        });
    return generation;
}

std::shared_ptr<const ScanOutcome> EngineService::runScan(
    const QStringList& names, const AtcParams& params, const QString& timeframe,
    std::uint64_t generation, const std::atomic<bool>& cancel,
    const std::function<void(qsizetype)>& reached) {
    const auto start = std::chrono::steady_clock::now();
    const qsizetype total = names.size();
    auto outcome = std::make_shared<ScanOutcome>();
    outcome->generation = generation;
    outcome->params = params;
    outcome->timeframe = timeframe;
    outcome->names = names;
    outcome->errors.resize(total);
    outcome->timeframe_refused.resize(total, false);
    outcome->marker_labels.resize(total);
    outcome->results.resize(static_cast<std::size_t>(total));
    outcome->last_close.resize(static_cast<std::size_t>(total), 0.0);
    const auto report = [&reached](qsizetype done) {
        if (reached)
            reached(done);
    };
    qsizetype finished = 0;  // symbols finished or failed
    ScanRun run = compute_.scan(static_cast<std::size_t>(total));
    // Each symbol at its own timeframe is its own bars: the cache keys them as such.
    const std::string cache_timeframe = timeframe.toStdString();
    try {
        store::Database db = store::Database::connect(database_);
        store::SymbolStore store(db);
        BatchOptions options = scanOptions(cancel, *outcome, workspace_gauge_);
        // The data's own bars need only the closes, read into the same vectors
        // chunk after chunk; a timeframe resamples every column. Their cached
        // results are found before any bars are read.
        std::optional<store::ScanBarsReader> reader;
        std::vector<qsizetype> to_load;
        if (timeframe.isEmpty()) {
            reader.emplace(db);
            arena_.execute([&] {  // decoding the cached rows runs on the workers
                to_load = answerFromStore(*outcome, *reader, run, options, cache_timeframe);
            });
        } else {
            for (qsizetype i = 0; i < total; ++i)
                to_load.push_back(i);
        }
        finished = total - static_cast<qsizetype>(to_load.size());
        if (finished > 0)
            report(finished);
        std::vector<PriceSeries> series;  // the chunk's first `loaded` are its symbols
        // Load and compute a chunk at a time rather than loading everything
        // first: progress then counts finished symbols at one steady rate (so
        // the time left means something), only one chunk's prices are held,
        // and a cancel during loading stops before the compute.
        const auto pending = static_cast<qsizetype>(to_load.size());
        for (qsizetype first = 0, chunk = kScanChunk; first < pending && !cancel; first += chunk) {
            chunk = static_cast<qsizetype>(run.chunk_symbols());
            const qsizetype last = std::min(pending, first + chunk);
            series.resize(std::max(series.size(), static_cast<std::size_t>(chunk)));
            std::size_t loaded = 0;
            std::vector<qsizetype> slot_of;  // index into `series` -> index into names
            qsizetype load_failures = 0;
            for (qsizetype k = first; k < last && !cancel; ++k) {
                const qsizetype i = to_load[static_cast<std::size_t>(k)];
                try {
                    if (reader) {
                        reader->read_closes(names[i].toStdString(), series[loaded].close);
                    } else {
                        SymbolData at_timeframe;
                        setBarsAt(at_timeframe, store.load(names[i].toStdString()), timeframe);
                        series[loaded] = std::move(at_timeframe.bars);
                    }
                    ++loaded;
                    slot_of.push_back(i);
                } catch (const ResampleError& e) {
                    outcome->errors[i] = QString::fromStdString(e.what());
                    outcome->timeframe_refused[i] = true;
                    ++load_failures;
                } catch (const std::exception& e) {
                    outcome->errors[i] = QString::fromStdString(e.what());
                    ++load_failures;
                }
            }
            if (cancel)
                break;
            std::vector<std::span<const double>> closes;
            closes.reserve(loaded);
            for (std::size_t k = 0; k < loaded; ++k)
                closes.emplace_back(series[k].close);
            for (const auto& c : closes)
                outcome->bars_computed += c.size();
            // Called from oneTBB workers.
            options.progress = [&report, offset = finished + load_failures](std::size_t done,
                                                                            std::size_t) {
                report(offset + static_cast<qsizetype>(done));
            };
            cache::CachedBatchResult batch;
            arena_.execute([&] { batch = run.compute(closes, params, options, cache_timeframe); });
            for (std::size_t k = 0; k < batch.symbols.size(); ++k) {
                const qsizetype i = slot_of[k];
                const auto slot = static_cast<std::size_t>(i);
                const std::shared_ptr<const SymbolScan>& scan = batch.symbols[k];
                outcome->results[slot] = scan;
                outcome->last_close[slot] = series[k].close.empty() ? 0.0 : series[k].close.back();
                if (!scan->error.empty())
                    outcome->errors[i] = QString::fromStdString(scan->error);
                if (scan->ok() && scan->row.last_marker)
                    nameScanMarker(*outcome, i, reader ? &*reader : nullptr, series[k]);
            }
            if (batch.cancelled)
                break;
            finished += last - first;
            report(finished);
        }
    } catch (const std::exception& e) {
        // The store or the parameters failed as a whole: every symbol without
        // an answer yet gets this one.
        for (qsizetype i = 0; i < total; ++i) {
            if (!outcome->results[static_cast<std::size_t>(i)] && outcome->errors[i].isEmpty())
                outcome->errors[i] = QString::fromStdString(e.what());
        }
        finished = total;
    }
    outcome->compute = run.record();
    outcome->cancelled = finished < total;
    outcome->elapsed_ms = msSince(start);
    return outcome;
}

void EngineService::cancelScan(ScanLane which) {
    if (const auto& cancel = lane(which).cancel)
        *cancel = true;
}

}  // namespace atc::ui
