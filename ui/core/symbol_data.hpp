// SPDX-License-Identifier: GPL-3.0-or-later
// One symbol as the windows show it: its bars and its ATC result, computed off
// the GUI thread. Immutable once made, so it is shared between widgets by
// std::shared_ptr<const SymbolData> without copies or locks.
#pragma once

#include <QMetaType>
#include <QString>
#include <array>
#include <cstdint>
#include <memory>

#include "atc/compute_service.hpp"
#include "atc/params.hpp"
#include "atc/price_csv.hpp"
#include "atc/result.hpp"
#include "atc/store/scan_bars_reader.hpp"

namespace atc::ui {

struct SymbolData {
    QString name;
    PriceSeries bars;  // times, OHLC where the data has them, close
    // Never null. The app asks for the drawn series only (KeptSeries::drawn):
    // the views that draw a family's members ask for them apart (MemberSet).
    std::shared_ptr<const AtcResult> result;
    AtcParams params;  // what `result` was computed with
    // The timeframe the bars are at (timeframe_label: "4h", "1d America/New_York")
    // and the data's own ("1m"); equal when the data's own bars are shown,
    // empty for data without times.
    QString timeframe;
    QString source_timeframe;
    // The last bar is a bucket the data does not fill yet (atc/resample.hpp):
    // drawn all the same, and said so in the status bar and reports.
    bool last_forming = false;

    // The timeframe the bars were resampled to; "" when they are the data's own.
    QString resampledTo() const { return timeframe == source_timeframe ? QString() : timeframe; }
    std::uint64_t generation = 0;  // the request that produced it
    double compute_ms = 0.0;       // load + compute (or cache hit)
    // Which backend computed it and why, or that the cache answered.
    ComputeRecord compute;

    std::size_t barCount() const { return bars.close.size(); }
    bool hasOhlc() const { return !bars.open.empty() && !bars.high.empty() && !bars.low.empty(); }
};

// The member series (MA, states, equity of the nine members) of some families
// of one SymbolData, by family; nullptr where not known. The calibration view
// and a family's member equities draw them; over a drawn result they are
// computed when such a view opens (EngineService::requestMembers) and held
// only while it shows them.
using MemberSet = std::array<std::shared_ptr<const FamilyMembers>, kFamilyCount>;

// `family`'s members where `data`'s result keeps them (a full result), sharing
// the result's ownership; nullptr for a drawn result.
std::shared_ptr<const FamilyMembers> keptMembers(const std::shared_ptr<const SymbolData>& data,
                                                 MaType family);

// Puts the symbol's stored bars into `data` at `timeframe` (a timeframe's
// text, "" for the data's own bars) and fills its timeframe fields. Throws
// atc::ResampleError when the data cannot be shown at that timeframe (the
// message names the data's own) and std::invalid_argument for text that is
// not a timeframe.
void setBarsAt(SymbolData& data, PriceSeries stored, const QString& timeframe);

// "4h (from 1m)", "1d", "" for data without times: the status bar's and the
// reports' words for what the bars are.
QString timeframeCaption(const SymbolData& data);

// Text for bar i on axes and in the legend: the bar's date ("2024-01-31"), or
// date and time for intraday data, else the file's label, else "bar i".
QString barLabel(const SymbolData& data, std::size_t bar);
// The same for bars without a result.
QString barLabel(const PriceSeries& bars, std::size_t bar);
// The same for bar `bar` of a stored symbol, as the scan reads it (the
// scanner labels entry markers with it).
QString barLabel(const store::BarName& name, std::size_t bar);
// Shorter form for axis ticks where space is tight (same as barLabel for dates).
QString barAxisLabel(const SymbolData& data, std::size_t bar);

}  // namespace atc::ui

// Signals carry it between threads (EngineService) and between widgets.
Q_DECLARE_METATYPE(std::shared_ptr<const atc::ui::SymbolData>)
