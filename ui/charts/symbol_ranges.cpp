// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/symbol_ranges.hpp"

#include <algorithm>

namespace atc::ui {

void SymbolRanges::remember(const QString& symbol, ViewRange range) {
    forget(symbol);
    entries_.insert(entries_.begin(), Entry{symbol, range});
    if (entries_.size() > kCapacity)
        entries_.resize(kCapacity);
}

void SymbolRanges::forget(const QString& symbol) {
    std::erase_if(entries_, [&](const Entry& e) { return e.symbol == symbol; });
}

std::optional<ViewRange> SymbolRanges::recall(const QString& symbol) const {
    const auto it = std::find_if(entries_.begin(), entries_.end(),
                                 [&](const Entry& e) { return e.symbol == symbol; });
    if (it == entries_.end())
        return std::nullopt;
    return it->range;
}

}  // namespace atc::ui
