// SPDX-License-Identifier: GPL-3.0-or-later
// The visible range (zoom and position) of the symbols shown recently, so that
// a symbol shown again, later in the session or after a restart, comes back as
// the trader left it. Bounded: the most recent kCapacity symbols are kept, the
// least recently shown is forgotten first, so the settings file that keeps
// them between sessions does not grow with every symbol ever opened.
#pragma once

#include <QString>
#include <cstddef>
#include <optional>
#include <vector>

#include "charts/view_range.hpp"

namespace atc::ui {

class SymbolRanges {
public:
    static constexpr std::size_t kCapacity = 50;

    struct Entry {
        QString symbol;
        ViewRange range;
    };

    // Makes `range` the symbol's range and the symbol the most recent one.
    void remember(const QString& symbol, ViewRange range);
    void forget(const QString& symbol);
    std::optional<ViewRange> recall(const QString& symbol) const;
    // Most recent first.
    const std::vector<Entry>& entries() const { return entries_; }

private:
    std::vector<Entry> entries_;
};

}  // namespace atc::ui
