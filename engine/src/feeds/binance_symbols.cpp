// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/feeds/binance.hpp"
#include "feeds/binance_requester.hpp"

namespace atc::feeds {

std::vector<ListedSymbol> binance_symbols(BinanceMarket market,
                                          const BinanceConnection& connection) {
    detail::BinanceRequester requester(connection, market);
    // Weights as documented: spot's exchangeInfo costs 20, futures' 1.
    const int weight = market == BinanceMarket::Futures ? 1 : 20;
    const detail::BinanceAnswer answer =
        requester.get(std::string(requester.api_prefix()) + "/exchangeInfo", weight);
    return parse_exchange_info(answer.body, answer.url);
}

}  // namespace atc::feeds
