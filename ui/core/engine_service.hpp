// SPDX-License-Identifier: GPL-3.0-or-later
// The bridge between the windows and the engine: every load and computation
// runs on a worker thread, never on the GUI thread, and results come back as
// queued signals. Each request gets a generation number; a symbol result that
// is no longer the newest request is dropped, so a quick succession of clicks
// or parameter edits only ever shows the last one.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "atc/backend_router.hpp"
#include "atc/batch.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/compute_service.hpp"
#include "atc/params.hpp"
#include "core/background_arena.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

// The outcome of a scan request, in the order of the names asked for.
struct ScanOutcome {
    std::uint64_t generation = 0;
    AtcParams params;
    QString timeframe;  // what the scan asked for; "" for each symbol's own bars
    QStringList names;
    // Null where loading failed or a cancel came first; not ok() where the
    // engine refused the series or did not reach it.
    std::vector<std::shared_ptr<const SymbolScan>> results;
    QStringList errors;  // per name; empty string when fine
    // Per name: its data cannot give `timeframe` (coarser, not a divisor, no
    // times); its error says why. Not a failure of the data or the engine.
    QList<bool> timeframe_refused;
    std::vector<double> last_close;
    // Per name: the date (or label) of the bar of the last entry marker, made
    // on the worker from the stored bars; empty without a marker.
    QStringList marker_labels;
    bool cancelled = false;  // stopped before every symbol was reached
    double elapsed_ms = 0.0;
    // For the performance panel: worker time per pipeline stage (symbols the
    // cache answered cost none) and the bars of every series sent to the engine.
    StageTimes stage_times;
    std::size_t bars_computed = 0;
    // The backend that computed the scan (chosen once for all its chunks), why,
    // and how many symbols the result cache answered.
    ComputeRecord compute;
};

// Where a running scan stands: symbols finished (computed, answered by the
// cache, or failed) of the total, and the time since its worker started.
struct ScanProgress {
    std::uint64_t generation = 0;
    qsizetype done = 0;
    qsizetype total = 0;
    double elapsed_ms = 0.0;

    // Symbols per second so far; 0 until one is done.
    double symbolsPerSecond() const;
    // Seconds left at that rate; negative while the rate is unknown.
    double secondsLeft() const;
};

// Who a scan is for. Each lane has its own newest request and cancel, so the
// watchlist filling its ATC columns in the background and a scan the trader
// started never cancel each other.
enum class ScanLane {
    Scanner,    // the Scanner panel: progress as scanProgress, the outcome as scanFinished
    Watchlist,  // the watchlist's columns: no progress, the outcome as watchlistScanFinished
};

class EngineService : public QObject {
    Q_OBJECT

public:
    // `database`: the store's file (already opened once with Database::open);
    // `cache`: the application's result cache; `router`: the CPU and, where
    // one is usable, the GPU backend (atc::gpu::make_router). Every chart and
    // scan is computed through them (atc::ComputeService). All three outlive
    // the service.
    EngineService(std::filesystem::path database, cache::ResultCache& cache, BackendRouter& router,
                  QObject* parent = nullptr);
    ~EngineService() override;  // waits for running work

    // Loads `name` from the store, at `timeframe` ("4h"; "" for the data's own
    // bars), and computes the series its charts draw. Returns the request's generation;
    // the result arrives as symbolReady only if no newer symbol request was
    // made meanwhile. A timeframe the data cannot give fails with the reason.
    std::uint64_t requestSymbol(const QString& name, const AtcParams& params,
                                const QString& timeframe = {});
    // Starts the same work ahead of the request that will ask for it: at
    // start, before the window is built, so that loading and computing the
    // first chart overlap building the window. The next requestSymbol, if it
    // asks for exactly this before the result has arrived, takes this job
    // over instead of starting another.
    void prefetchSymbol(const QString& name, const AtcParams& params,
                        const QString& timeframe = {});

    // Computes `family`'s member series of `data` (from its bars and
    // parameters) for the views that draw them over a drawn result: the
    // calibration view and a family's member equities (compute_members: that
    // family alone). One request at a time, beside symbols and scans. The
    // answer arrives as membersReady or membersFailed, unless `cancelled` was
    // set meanwhile (the view closed, or another symbol, timeframe or
    // parameters came): a request cancelled before its worker starts, or
    // whose data nobody holds any more, is skipped.
    void requestMembers(std::shared_ptr<const atc::ui::SymbolData> data, atc::MaType family,
                        std::shared_ptr<const std::atomic<bool>> cancelled);

    // Loads `name`'s stored bars (the data's own) and computes their drawn
    // result with `params` on a scan worker, below the GUI thread's priority:
    // background work on a symbol's newest bars (the alerts, when new bars
    // arrive). Never dropped for a newer request and not shown as busy; the
    // answer arrives as storedReady or storedFailed.
    void requestStored(const QString& name, const AtcParams& params);

    // Computes the scan outputs of `names` on the batch engine, each at
    // `timeframe` ("" for its own bars; a symbol that cannot be shown at it
    // gets the reason as its error). A newer scan request of the same lane
    // cancels the running one. Progress and the outcome arrive as signals.
    // Generations are unique over both lanes.
    std::uint64_t requestScan(const QStringList& names, const AtcParams& params,
                              const QString& timeframe = {}, ScanLane lane = ScanLane::Scanner);
    void cancelScan(ScanLane lane = ScanLane::Scanner);

    // A scan loads and computes this many symbols at a time on the CPU
    // (compute_service.hpp says why); the watchlist fills its cells as many.
    static constexpr qsizetype kScanChunk = static_cast<qsizetype>(kCpuScanChunk);

    // Bytes the batch workers' scratch buffers hold now (for the status panel).
    const WorkspaceGauge& workspaceGauge() const { return workspace_gauge_; }

    // The router every chart and scan goes through: its setting (auto, cpu,
    // gpu) and what it reports about this machine.
    BackendRouter& router() { return compute_.router(); }

    // A chart, members or a Scanner scan is being computed (the watchlist
    // lane's background scans do not count).
    bool isBusy() const { return running_ > 0; }
    std::uint64_t latestSymbolGeneration() const { return symbol_generation_; }

    // Blocks until every started job has finished (tests and shutdown).
    void waitForIdle();

signals:
    void symbolReady(std::shared_ptr<const atc::ui::SymbolData> data);
    void symbolFailed(quint64 generation, const QString& name, const QString& message);
    void storedReady(std::shared_ptr<const atc::ui::SymbolData> data);
    void storedFailed(const QString& name, const QString& message);
    void membersReady(std::shared_ptr<const atc::ui::SymbolData> data, atc::MaType family,
                      std::shared_ptr<const atc::FamilyMembers> members);
    void membersFailed(std::shared_ptr<const atc::ui::SymbolData> data, atc::MaType family,
                       const QString& message);
    // At most one is queued at a time, however fast the workers finish symbols,
    // so a large scan cannot flood the GUI thread's event queue.
    void scanProgress(const atc::ui::ScanProgress& progress);
    void scanFinished(std::shared_ptr<const atc::ui::ScanOutcome> outcome);
    // The newest scan of the watchlist lane (a superseded one is dropped).
    void watchlistScanFinished(std::shared_ptr<const atc::ui::ScanOutcome> outcome);
    void busyChanged(bool busy);

private:
    // A symbol request's arguments, to tell a prefetched one when it is asked for.
    struct SymbolRequest {
        QString name;
        AtcParams params;
        QString timeframe;
        std::uint64_t generation = 0;
    };

    // Queues the load and compute of a symbol request; its result is
    // delivered only if `generation` is still the newest then.
    void startSymbolJob(const SymbolRequest& request);
    // The body of a symbol job, on its worker thread: the bars at the
    // request's timeframe and their drawn result. Throws what loading or the
    // engine throws.
    std::shared_ptr<const SymbolData> loadSymbol(const SymbolRequest& request);
    // The same, with the message of what it throws in `error` and null instead.
    std::shared_ptr<const SymbolData> loadSymbolOrError(const SymbolRequest& request,
                                                        QString& error);
    void jobStarted();
    void jobFinished();
    // The newest request of a scan lane and the flag that cancels it.
    struct LaneState {
        std::uint64_t generation = 0;
        std::shared_ptr<std::atomic<bool>> cancel;
    };
    LaneState& lane(ScanLane which) {
        return which == ScanLane::Scanner ? scanner_lane_ : watchlist_lane_;
    }
    // The body of a scan job, on its worker thread; `reached` (empty for no
    // progress) hears how many symbols are finished, from any thread.
    std::shared_ptr<const ScanOutcome> runScan(const QStringList& names, const AtcParams& params,
                                               const QString& timeframe, std::uint64_t generation,
                                               const std::atomic<bool>& cancel,
                                               const std::function<void(qsizetype)>& reached);

    std::filesystem::path database_;
    cache::ResultCache& cache_;
    ComputeService compute_;
    // Charts: the trader waits for them, so they run at the GUI thread's
    // priority. One thread computes a chart (compute_symbol is sequential),
    // so on two cores or more the GUI keeps one of its own.
    QThreadPool symbol_pool_;
    // Scans: every core, below the GUI thread's priority (BackgroundArena).
    QThreadPool scan_pool_;
    QThreadPool member_pool_;  // members (requestMembers)
    BackgroundArena arena_;    // below the GUI thread's priority
    WorkspaceGauge workspace_gauge_;
    // Written on the GUI thread; symbol jobs read it when they start, to skip
    // a request superseded while it waited for a thread.
    std::atomic<std::uint64_t> symbol_generation_ = 0;
    std::optional<SymbolRequest> prefetched_;  // not yet asked for nor delivered
    std::uint64_t scan_generation_ = 0;        // the last one given, over both lanes
    LaneState scanner_lane_;
    LaneState watchlist_lane_;
    int running_ = 0;  // touched on the GUI thread only
};

}  // namespace atc::ui

Q_DECLARE_METATYPE(std::shared_ptr<const atc::ui::ScanOutcome>)
Q_DECLARE_METATYPE(atc::ui::ScanProgress)
