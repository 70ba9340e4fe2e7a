// The per-bar signal table of `atc compute`, in the column layout of the golden
// expected.csv files, so the output can be diffed against reference data.
#pragma once

#include <string>

#include "atc/result.hpp"

namespace atc::cli {

// "bar,EMA_Signal,...,KAMA_Signal,EMA_S,...,KAMA_S,Average_Signal" and one row per
// bar: bar index from 0, numbers as %.17g (exact round trip), empty field for NaN.
// Throws std::logic_error if a series does not have one value per bar.
std::string format_signal_csv(const AtcResult& result);

}  // namespace atc::cli
