// SPDX-License-Identifier: GPL-3.0-or-later
// Fills the watchlist's ATC columns (last Average, bars since the last entry)
// in the background: the listed symbols go to the engine's watchlist lane
// (EngineService::requestScan, ScanLane::Watchlist) a chunk at a time, with the
// parameters the chart was last computed with, each at its own bars. Each
// chunk's answers go into the model as they arrive, so the cells fill in
// while the window stays free; the result cache answers what was computed
// before (another run, a scan), so a restart or a switch back is quick. New
// parameters empty the cells and fill them anew; a refreshed list (import,
// update) fills the symbols whose bars changed.
#pragma once

#include <QObject>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <optional>

#include "atc/params.hpp"

namespace atc::ui {

class EngineService;
class SymbolListModel;
struct ScanOutcome;
struct SymbolData;

class WatchlistSignalFill : public QObject {
    Q_OBJECT

public:
    // `engine` and `model` outlive the fill.
    WatchlistSignalFill(EngineService& engine, SymbolListModel& model, QObject* parent = nullptr);

    // The parameters the columns show. The first call starts the fill; a call
    // with other parameters empties the cells and starts again; the same
    // parameters change nothing. `shown`, the chart just drawn, answers for
    // its symbol when it is at its own bars and these parameters: on a
    // million-bar symbol, computing it again beside the window cost frames.
    void setParams(const AtcParams& params, const SymbolData* shown = nullptr);
    // Symbols are waiting for their answers (the fill has started and not finished).
    bool isFilling() const { return generation_ != 0; }

signals:
    // Every listed symbol has its answer (or the reason it has none).
    void filled();

private:
    // Asks again for every row without an answer.
    void restart();
    // Puts the drawn chart's answer in its row; false when it is not one for these cells.
    bool takeShown(const SymbolData* shown);
    void requestNext();
    void take(const std::shared_ptr<const ScanOutcome>& outcome);

    EngineService& engine_;
    SymbolListModel& model_;
    std::optional<AtcParams> params_;  // none before the first chart
    QStringList waiting_;              // not asked for yet
    std::uint64_t generation_ = 0;     // of the chunk in flight; 0 when none
};

}  // namespace atc::ui
