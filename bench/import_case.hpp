// SPDX-License-Identifier: GPL-3.0-or-later
// The import case: a Binance kline file (data.binance.vision's spot shape, no
// header, 12 columns, times in epoch milliseconds) read by the import
// detector and saved into a symbol database, as `atc import` does.
#pragma once

#include <cstddef>
#include <functional>

#include "cases.hpp"

namespace atc::bench {

// Writes a file of `bars` one-minute klines to a temporary folder, then runs
// `measure` with one import of it into a database there (parse + store); the
// folder is removed afterwards. input_mib is the file's size.
CaseResult run_import_case(std::size_t bars,
                           const std::function<CaseResult(const std::function<void()>&)>& measure);

// The same file imported once, then `measure` with one load of the symbol on
// a connection of its own (the app's worker opens one per chart). input_mib is
// the bars' size in memory.
CaseResult run_load_case(std::size_t bars,
                         const std::function<CaseResult(const std::function<void()>&)>& measure);

}  // namespace atc::bench
