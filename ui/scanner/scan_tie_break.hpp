// SPDX-License-Identifier: GPL-3.0-or-later
// How the scanner ranks symbols whose Average is the same to the three
// decimals it shows: many end at +1.000 or −1.000 (every family agrees), and
// their order would otherwise be only alphabetical. The trader picks the
// second key ("Ties by:"); it is remembered with the session.
#pragma once

#include <QString>
#include <optional>

namespace atc::ui {

enum class ScanTieBreak {
    BarsSinceEntry = 0,  // the freshest entry first (fewest bars since it)
    FamilyEquity,        // the largest Layer-2 equity of the strongest family first
    ChangeSinceEntry,    // the largest move since the entry in the table's direction first
};

inline constexpr int kScanTieBreakCount = 3;

// What the "Ties by:" box says: "bars since entry (fewest first)".
QString tieBreakLabel(ScanTieBreak tie);

// The session's word for it ("bars_since_entry"), and back; none for a word
// that names no tie-break.
QString tieBreakKey(ScanTieBreak tie);
std::optional<ScanTieBreak> tieBreakFromKey(const QString& key);

}  // namespace atc::ui
