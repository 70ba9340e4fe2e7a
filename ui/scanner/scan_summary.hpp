// SPDX-License-Identifier: GPL-3.0-or-later
// The words around a scan: the running line under the progress bar (rate and
// time left), the summary once it is done, and the list of failed symbols.
#pragma once

#include <QString>
#include <QStringList>

#include "atc/system/backend_choice.hpp"

namespace atc::ui {

struct ScanOutcome;
struct ScanProgress;

struct ScanCounts {
    qsizetype total = 0;      // symbols asked for
    qsizetype computed = 0;   // with a result (long + short + flat)
    qsizetype longs = 0;      // Average > 0
    qsizetype shorts = 0;     // Average < 0
    qsizetype flats = 0;      // Average == 0
    qsizetype failed = 0;     // with an error (not loadable, refused by the engine)
    qsizetype unreached = 0;  // not reached before a cancel
};

ScanCounts countScan(const ScanOutcome& outcome);

// "0.4 s", "12 s", "2 min 05 s".
QString durationText(double seconds);
// "1,630 symbols/s · 0.2 s left"; "starting…" before the first symbol is done.
QString progressText(const ScanProgress& progress);
// "CPU" or "GPU", for sentences such as "computed on the GPU".
QString backendText(system::BackendKind kind);
// "505 symbols in 0.31 s (1,630/s) · computed on the GPU · 120 from cache ·
// 2 flat", or, after a
// cancel, "Cancelled after 123 of 505 symbols: the tables show those".
QString summaryText(const ScanOutcome& outcome, const ScanCounts& counts);
// One line per failed symbol, "NAME: reason", in the scan's order.
QStringList failureLines(const ScanOutcome& outcome);

}  // namespace atc::ui
