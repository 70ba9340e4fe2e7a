// SPDX-License-Identifier: GPL-3.0-or-later
// The source record of a downloaded symbol: one line of text in
// SymbolMeta::source, "binance:<market>:<symbol>:<interval>", written and read
// only here.
#include <array>

#include "atc/feeds/fetch.hpp"

namespace atc::feeds {
namespace {

constexpr std::string_view kExchange = "binance";

}  // namespace

std::string format_feed_source(const FeedSource& source) {
    return std::string(kExchange) + ":" + std::string(market_name(source.market)) + ":" +
           source.symbol + ":" + source.interval;
}

std::optional<FeedSource> parse_feed_source(std::string_view text) {
    std::array<std::string_view, 4> parts;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::size_t colon = text.find(':');
        const bool last = i + 1 == parts.size();
        if (last != (colon == std::string_view::npos))
            return std::nullopt;
        parts[i] = text.substr(0, colon);
        text.remove_prefix(last ? text.size() : colon + 1);
    }
    const auto market = parse_market(parts[1]);
    if (parts[0] != kExchange || !market || parts[2].empty() || !is_binance_interval(parts[3]))
        return std::nullopt;
    return FeedSource{*market, std::string(parts[2]), std::string(parts[3])};
}

std::optional<FeedSource> feed_source_of(const store::SymbolMeta& meta) {
    if (meta.kind != store::SymbolKind::Downloaded)
        return std::nullopt;
    return parse_feed_source(meta.source);
}

}  // namespace atc::feeds
