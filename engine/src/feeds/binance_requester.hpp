// SPDX-License-Identifier: GPL-3.0-or-later
// Requests to one Binance market as a good network citizen: paced by the
// weight Binance reports, retried on 429 (after Retry-After), 5xx and network
// failures with bounded exponential backoff, stopped on a 418 ban.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "atc/feeds/binance.hpp"

namespace atc::feeds::detail {

// A successful (2xx) answer and when it was given.
struct BinanceAnswer {
    std::string url;
    std::string body;
    // The server's time when it answered (the Date header, never later than
    // this machine's clock), UTC ms: a candle closed before it is final.
    std::int64_t server_time_ms = 0;
};

// Now, UTC ms since the epoch.
std::int64_t now_ms();

class BinanceRequester {
public:
    BinanceRequester(const BinanceConnection& connection, BinanceMarket market);

    // GETs base + path_and_query, which costs `weight` of the market's
    // budget. Throws FeedError when Binance refuses or no answer comes after
    // the retries, HttpError Cancelled when the cancel flag is raised.
    BinanceAnswer get(std::string_view path_and_query, int weight);

    // The path prefix of the market's API: "/api/v3" or "/fapi/v1".
    std::string_view api_prefix() const;

private:
    void wait_for_weight(int weight);
    void pause(std::int64_t ms);
    void note_weight(const HttpResponse& response);

    const BinanceConnection& connection_;
    BinanceMarket market_;
    // The weight Binance last reported and the minute (ms since the epoch /
    // 60000) it counts for.
    std::optional<int> used_weight_;
    std::int64_t used_weight_minute_ = 0;
};

}  // namespace atc::feeds::detail
