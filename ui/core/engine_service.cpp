#include "core/engine_service.hpp"

#include <QMetaObject>
#include <chrono>
#include <exception>

#include "atc/cache/cached_compute.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::ui {
namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

}  // namespace

EngineService::EngineService(std::filesystem::path database, cache::ResultCache& cache,
                             QObject* parent)
    : QObject(parent), database_(std::move(database)), cache_(cache) {
    qRegisterMetaType<std::shared_ptr<const SymbolData>>();
    qRegisterMetaType<std::shared_ptr<const ScanOutcome>>();
    // One thread for symbol requests and one for scans is enough: each job
    // fans out over all cores through oneTBB itself.
    pool_.setMaxThreadCount(2);
}

EngineService::~EngineService() {
    if (scan_cancel_)
        *scan_cancel_ = true;
    pool_.waitForDone();
}

void EngineService::waitForIdle() {
    pool_.waitForDone();
}

void EngineService::job_started() {
    if (running_++ == 0)
        emit busyChanged(true);
}

void EngineService::job_finished() {
    if (--running_ == 0)
        emit busyChanged(false);
}

std::uint64_t EngineService::requestSymbol(const QString& name, const AtcParams& params) {
    const std::uint64_t generation = ++symbol_generation_;
    job_started();
    pool_.start([this, name, params, generation] {
        const auto start = std::chrono::steady_clock::now();
        std::shared_ptr<SymbolData> data;
        QString error;
        try {
            // Each job has its own connection: SQLite connections are not shared
            // between threads, and WAL lets this read while the GUI imports.
            store::Database db = store::Database::connect(database_);
            store::SymbolStore store(db);
            data = std::make_shared<SymbolData>();
            data->name = name;
            data->bars = store.load(name.toStdString());
            data->params = params;
            data->generation = generation;
            const auto stats_before = cache_.stats();
            data->result = cache::compute_symbol_cached(cache_, data->bars.close, params);
            const auto stats_after = cache_.stats();
            data->from_cache = stats_after.memory_hits + stats_after.disk_hits >
                               stats_before.memory_hits + stats_before.disk_hits;
            data->compute_ms = ms_since(start);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, data, error, name, generation] {
                job_finished();
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
    return generation;
}

std::uint64_t EngineService::requestScan(const QStringList& names, const AtcParams& params) {
    if (scan_cancel_)
        *scan_cancel_ = true;  // a newer scan replaces the running one
    const std::uint64_t generation = ++scan_generation_;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    scan_cancel_ = cancel;
    job_started();
    pool_.start([this, names, params, generation, cancel] {
        const auto start = std::chrono::steady_clock::now();
        auto outcome = std::make_shared<ScanOutcome>();
        outcome->generation = generation;
        outcome->params = params;
        outcome->names = names;
        outcome->errors.resize(names.size());
        outcome->results.resize(static_cast<std::size_t>(names.size()));
        outcome->last_close.resize(static_cast<std::size_t>(names.size()), 0.0);
        try {
            store::Database db = store::Database::connect(database_);
            store::SymbolStore store(db);
            std::vector<PriceSeries> series;
            std::vector<std::size_t> slot_of;  // index into `series` -> index into names
            for (qsizetype i = 0; i < names.size() && !*cancel; ++i) {
                try {
                    series.push_back(store.load(names[i].toStdString()));
                    slot_of.push_back(static_cast<std::size_t>(i));
                } catch (const std::exception& e) {
                    outcome->errors[i] = QString::fromStdString(e.what());
                }
            }
            std::vector<std::span<const double>> closes;
            closes.reserve(series.size());
            for (const PriceSeries& s : series)
                closes.emplace_back(s.close);
            BatchOptions options;
            options.keep_series = false;
            options.cancel = cancel.get();
            const qsizetype total = names.size();
            options.progress = [this, generation, total](std::size_t done, std::size_t) {
                // Called from oneTBB workers: hop to the GUI thread.
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, done, total] {
                        emit scanProgress(generation, static_cast<qsizetype>(done), total);
                    },
                    Qt::QueuedConnection);
            };
            cache::CachedBatchResult batch =
                cache::compute_scan_cached(cache_, closes, params, options);
            outcome->cancelled = batch.cancelled || *cancel;
            outcome->from_cache = batch.from_cache;
            for (std::size_t k = 0; k < batch.symbols.size(); ++k) {
                const std::size_t i = slot_of[k];
                outcome->results[i] = batch.symbols[k];
                outcome->last_close[i] = series[k].close.back();
                if (!batch.symbols[k]->error.empty()) {
                    outcome->errors[static_cast<qsizetype>(i)] =
                        QString::fromStdString(batch.symbols[k]->error);
                }
            }
        } catch (const std::exception& e) {
            for (QString& err : outcome->errors) {
                if (err.isEmpty())
                    err = QString::fromStdString(e.what());
            }
        }
        outcome->elapsed_ms = ms_since(start);
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                job_finished();
                if (outcome->generation != scan_generation_)
                    return;  // superseded
                emit scanFinished(outcome);
            },
            Qt::QueuedConnection);
    });
    return generation;
}

void EngineService::cancelScan() {
    if (scan_cancel_)
        *scan_cancel_ = true;
}

}  // namespace atc::ui
