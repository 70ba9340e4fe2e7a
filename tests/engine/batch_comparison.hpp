// SPDX-License-Identifier: GPL-3.0-or-later
// Comparing two batch results symbol by symbol, for the tests that hold another
// backend against the CPU's compute_batch: either bit for bit, or within the
// tolerances of ATC_SPEC.md (values 1e-9 relative, Layer-1 signals 1e-12, the
// same markers, trends and errors). Returns the first difference in words,
// empty when there is none.
#pragma once

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "atc/batch.hpp"

namespace atc::test {

enum class Exactness { Bitwise, SpecTolerance };

inline bool values_match(double ours, double ref, double tolerance, Exactness mode) {
    if (std::isnan(ref) || std::isnan(ours))
        return std::isnan(ref) && std::isnan(ours);
    if (mode == Exactness::Bitwise)
        return ours == ref;
    return std::fabs(ours - ref) <= tolerance * std::max(1.0, std::fabs(ref));
}

inline std::string series_difference(const char* what, std::size_t family,
                                     const std::vector<double>& ours,
                                     const std::vector<double>& ref, double tolerance,
                                     Exactness mode) {
    if (ours.size() != ref.size()) {
        return std::string(what) + "[" + std::to_string(family) +
               "]: " + std::to_string(ours.size()) + " bars, expected " +
               std::to_string(ref.size());
    }
    for (std::size_t i = 0; i < ref.size(); ++i) {
        if (!values_match(ours[i], ref[i], tolerance, mode)) {
            char text[160];
            std::snprintf(text, sizeof text, "%s[%zu] bar %zu: %.17g, expected %.17g", what, family,
                          i, ours[i], ref[i]);
            return text;
        }
    }
    return {};
}

// The first difference of symbol `s`, or empty.
inline std::string scan_difference(const SymbolScan& ours, const SymbolScan& ref, Exactness mode) {
    if (ours.computed != ref.computed || ours.error != ref.error) {
        return "computed/error: '" + ours.error + "' (" + std::to_string(ours.computed) +
               "), expected '" + ref.error + "' (" + std::to_string(ref.computed) + ")";
    }
    constexpr double kValues = 1e-9;   // MAs, equities, Average
    constexpr double kLayer1 = 1e-12;  // Layer-1 signals are rounded to hundredths
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        std::string d = series_difference("layer1", t, ours.layer1_signals[t],
                                          ref.layer1_signals[t], kLayer1, mode);
        if (d.empty()) {
            d = series_difference("layer2", t, ours.layer2_equities[t], ref.layer2_equities[t],
                                  kValues, mode);
        }
        if (!d.empty())
            return d;
    }
    if (std::string d = series_difference("average", 0, ours.average, ref.average, kValues, mode);
        !d.empty())
        return d;
    if (ours.markers.size() != ref.markers.size()) {
        return std::to_string(ours.markers.size()) + " markers, expected " +
               std::to_string(ref.markers.size());
    }
    for (std::size_t m = 0; m < ref.markers.size(); ++m) {
        const EntryMarker& a = ours.markers[m];
        const EntryMarker& b = ref.markers[m];
        if (a.bar != b.bar || a.direction != b.direction ||
            !values_match(a.average, b.average, kValues, mode))
            return "marker " + std::to_string(m) + " differs (bar " + std::to_string(a.bar) +
                   ", expected " + std::to_string(b.bar) + ")";
    }
    const ScanRow& a = ours.row;
    const ScanRow& b = ref.row;
    if (a.bars != b.bars || a.trend != b.trend || a.last_close != b.last_close ||
        !values_match(a.average, b.average, kValues, mode) ||
        a.last_marker.has_value() != b.last_marker.has_value() ||
        (a.last_marker && a.last_marker->bar != b.last_marker->bar) ||
        !values_match(a.entry_close, b.entry_close, 0.0, Exactness::Bitwise))
        return "scan row differs";
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        if (!values_match(a.family_equity[t], b.family_equity[t], kValues, mode))
            return "scan row: family " + std::to_string(t) + "'s last equity differs";
    }
    return {};
}

// The first difference between two results, naming the symbol; empty if none.
inline std::string batch_difference(const BatchResult& ours, const BatchResult& ref,
                                    Exactness mode) {
    if (ours.symbols.size() != ref.symbols.size())
        return "symbol count differs";
    if (ours.cancelled != ref.cancelled)
        return "cancelled differs";
    for (std::size_t s = 0; s < ref.symbols.size(); ++s) {
        if (std::string d = scan_difference(ours.symbols[s], ref.symbols[s], mode); !d.empty())
            return "symbol " + std::to_string(s) + ": " + d;
    }
    return {};
}

}  // namespace atc::test
