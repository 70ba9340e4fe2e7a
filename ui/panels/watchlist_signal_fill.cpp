// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/watchlist_signal_fill.hpp"

#include <utility>
#include <vector>

#include "atc/scan_ranking.hpp"
#include "atc/signals.hpp"
#include "core/engine_service.hpp"
#include "core/symbol_data.hpp"
#include "panels/symbol_list_model.hpp"

namespace atc::ui {
namespace {

// What the ATC columns show of a symbol's last row (a scan's or a chart's).
SymbolSignal signalOf(const ScanRow& row, const AtcParams& params, const QString& entry_label) {
    SymbolSignal signal;
    signal.average = row.average;
    signal.zone = static_cast<Direction>(static_cast<int>(
        threshold_cut(row.average, params.long_threshold, params.short_threshold)));
    if (row.last_marker) {
        signal.bars_since_entry = bars_since_entry(row);
        signal.entry = row.last_marker->direction;
        signal.entry_label = entry_label;
    }
    return signal;
}

// What the ATC columns show of the scan of `outcome.names[i]`.
SymbolSignal signalOf(const ScanOutcome& outcome, qsizetype i) {
    const std::shared_ptr<const SymbolScan>& scan = outcome.results[static_cast<std::size_t>(i)];
    if (!scan || !scan->ok()) {
        SymbolSignal signal;
        signal.error = outcome.errors.value(i);
        if (signal.error.isEmpty())
            signal.error = QObject::tr("Not computed");
        return signal;
    }
    return signalOf(scan->row, outcome.params, outcome.marker_labels.value(i));
}

}  // namespace

WatchlistSignalFill::WatchlistSignalFill(EngineService& engine, SymbolListModel& model,
                                         QObject* parent)
    : QObject(parent), engine_(engine), model_(model) {
    connect(&engine_, &EngineService::watchlistScanFinished, this, &WatchlistSignalFill::take);
    // A new list (import, update, download) keeps the answers of unchanged
    // symbols; the others are asked for.
    connect(&model_, &QAbstractItemModel::modelReset, this, [this] {
        if (params_)
            restart();
    });
}

void WatchlistSignalFill::setParams(const AtcParams& params, const SymbolData* shown) {
    if (params_ == params) {
        // The chart's answer saves asking for it again.
        if (takeShown(shown))
            waiting_.removeAll(shown->name);
        return;
    }
    const bool first = !params_;
    params_ = params;
    if (!first)
        model_.clearSignals();  // made with other parameters
    takeShown(shown);
    restart();
}

bool WatchlistSignalFill::takeShown(const SymbolData* shown) {
    // The watchlist shows each symbol at its own bars and these parameters.
    if (!shown || !shown->resampledTo().isEmpty() || shown->params != *params_)
        return false;
    const ScanRow& row = shown->result->row;
    const QString entry = row.last_marker ? barLabel(*shown, row.last_marker->bar) : QString();
    model_.setSignals({{shown->name, signalOf(row, *params_, entry)}});
    return true;
}

void WatchlistSignalFill::restart() {
    waiting_.clear();
    for (int row = 0; row < model_.rowCount(); ++row) {
        if (!model_.signalAt(row))
            waiting_ << model_.nameAt(row);
    }
    // The chunk in flight, if any, is dropped: its answers may be for bars or
    // parameters no longer listed.
    if (generation_ != 0)
        engine_.cancelScan(ScanLane::Watchlist);
    generation_ = 0;
    requestNext();
}

void WatchlistSignalFill::requestNext() {
    if (waiting_.isEmpty()) {
        const bool was_filling = generation_ != 0;
        generation_ = 0;
        if (was_filling || model_.rowCount() > 0)
            emit filled();
        return;
    }
    // A chunk per request: small enough for the cells to fill steadily, and
    // a newer request (parameters, list) waits for at most one chunk.
    const QStringList chunk = waiting_.mid(0, EngineService::kScanChunk);
    waiting_.remove(0, chunk.size());
    generation_ = engine_.requestScan(chunk, *params_, QString(), ScanLane::Watchlist);
}

void WatchlistSignalFill::take(const std::shared_ptr<const ScanOutcome>& outcome) {
    if (outcome->generation != generation_)
        return;  // asked for before a restart
    std::vector<std::pair<QString, SymbolSignal>> answers;
    answers.reserve(static_cast<std::size_t>(outcome->names.size()));
    for (qsizetype i = 0; i < outcome->names.size(); ++i)
        answers.emplace_back(outcome->names[i], signalOf(*outcome, i));
    model_.setSignals(answers);
    requestNext();
}

}  // namespace atc::ui
