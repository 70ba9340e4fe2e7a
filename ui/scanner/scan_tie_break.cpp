// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/scan_tie_break.hpp"

#include <QObject>

namespace atc::ui {

QString tieBreakLabel(ScanTieBreak tie) {
    switch (tie) {
        case ScanTieBreak::BarsSinceEntry:
            return QObject::tr("bars since entry (fewest first)");
        case ScanTieBreak::FamilyEquity:
            return QObject::tr("strongest family equity");
        case ScanTieBreak::ChangeSinceEntry:
            return QObject::tr("change since entry");
    }
    return {};
}

QString tieBreakKey(ScanTieBreak tie) {
    switch (tie) {
        case ScanTieBreak::BarsSinceEntry:
            return QStringLiteral("bars_since_entry");
        case ScanTieBreak::FamilyEquity:
            return QStringLiteral("strongest_family_equity");
        case ScanTieBreak::ChangeSinceEntry:
            return QStringLiteral("change_since_entry");
    }
    return {};
}

std::optional<ScanTieBreak> tieBreakFromKey(const QString& key) {
    for (int i = 0; i < kScanTieBreakCount; ++i) {
        const auto tie = static_cast<ScanTieBreak>(i);
        if (tieBreakKey(tie) == key)
            return tie;
    }
    return std::nullopt;
}

}  // namespace atc::ui
