// SPDX-License-Identifier: GPL-3.0-or-later
// Why a market-data download stopped, in words a trader understands.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace atc::feeds {

class FeedError : public std::runtime_error {
public:
    enum class Kind {
        Network,       // no answer after the retries: timeouts, connection failures, 5xx
        RateLimited,   // still answered 429 after waiting Retry-After each time
        Banned,        // 418: the exchange bans this IP until banned_until_ms
        Rejected,      // a 4xx answer: unknown symbol, bad interval, region blocked ...
        BadResponse,   // a 2xx answer that is not the documented JSON (malformed, truncated)
        NameTaken,     // the store holds that name with other data: choose another name
        NotUpdatable,  // the symbol has no source record (not downloaded by ATC Studio)
    };
    FeedError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

    // For Banned: when the ban ends (UTC ms), from the answer's Retry-After.
    std::optional<std::int64_t> banned_until_ms;
    // Bars of this fetch committed before it failed: they stay stored, and the
    // next update resumes after them.
    std::size_t stored_bars = 0;

private:
    Kind kind_;
};

}  // namespace atc::feeds
