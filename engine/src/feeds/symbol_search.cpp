// SPDX-License-Identifier: GPL-3.0-or-later
// Searching a market's symbol list as the user types ("btc" -> BTCUSDT, ...).
#include <algorithm>
#include <array>
#include <cctype>

#include "atc/feeds/binance.hpp"

namespace atc::feeds {
namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Lower is a better match; kNoMatch leaves the symbol out.
constexpr int kNoMatch = 4;
int match_rank(const ListedSymbol& s, const std::string& query) {
    if (s.symbol == query)
        return 0;
    if (s.symbol.starts_with(query))
        return 1;
    if (s.base_asset.starts_with(query))
        return 2;
    if (s.symbol.find(query) != std::string::npos)
        return 3;
    return kNoMatch;
}

}  // namespace

std::vector<ListedSymbol> search_symbols(std::span<const ListedSymbol> symbols,
                                         std::string_view query, std::size_t limit) {
    const std::string wanted = upper(query);
    if (wanted.empty())
        return {};
    // Buckets by (rank, trading or not) keep the list's order within each.
    std::array<std::vector<const ListedSymbol*>, 2 * kNoMatch> buckets;
    for (const ListedSymbol& s : symbols) {
        const int rank = match_rank(s, wanted);
        if (rank != kNoMatch)
            buckets[static_cast<std::size_t>(2 * rank + (s.status == "TRADING" ? 0 : 1))].push_back(
                &s);
    }
    std::vector<ListedSymbol> found;
    for (const auto& bucket : buckets) {
        for (const ListedSymbol* s : bucket) {
            if (found.size() == limit)
                return found;
            found.push_back(*s);
        }
    }
    return found;
}

}  // namespace atc::feeds
