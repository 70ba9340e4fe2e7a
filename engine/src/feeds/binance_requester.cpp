// SPDX-License-Identifier: GPL-3.0-or-later
#include "feeds/binance_requester.hpp"
#include "feeds/curl_library.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <thread>

namespace atc::feeds::detail {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
// The longest single wait: a cancel is noticed within it.
constexpr std::int64_t kPauseSliceMs = 200;
// Without a usable Retry-After, a 429 waits for the weight window to pass.
constexpr std::int64_t kDefaultRetryAfterS = 60;

// REQUEST_WEIGHT per minute and IP, as documented for each market.
int weight_limit(BinanceMarket market) {
    return market == BinanceMarket::Futures ? 2400 : 6000;
}

std::optional<std::int64_t> integer_header(const HttpResponse& r, std::string_view name) {
    const auto text = r.header(name);
    std::int64_t value = 0;
    if (!text)
        return std::nullopt;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < 0)
        return std::nullopt;
    return value;
}

std::string utc_text(std::int64_t time_ms) {
    const auto seconds = static_cast<std::time_t>(time_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &utc);
    return text;
}

// Binance's {"code": -1121, "msg": "Invalid symbol."}, as "Invalid symbol. (code -1121)".
std::string binance_message(const std::string& body) {
    const auto doc = nlohmann::json::parse(body, nullptr, false);
    if (!doc.is_object() || !doc.contains("msg") || !doc["msg"].is_string())
        return body.substr(0, 200);
    std::string message = doc["msg"].get<std::string>();
    if (doc.contains("code") && doc["code"].is_number_integer())
        message += " (code " + std::to_string(doc["code"].get<std::int64_t>()) + ")";
    return message;
}

std::string refusal(long status, const std::string& url, const std::string& body) {
    switch (status) {
        case 403:
            return "Binance's firewall refused GET " + url +
                   " (HTTP 403); wait a few minutes before trying again";
        case 451:
            return "Binance does not serve this region (HTTP 451) for GET " + url;
        default:
            return "Binance refused GET " + url + " (HTTP " + std::to_string(status) +
                   "): " + binance_message(body);
    }
}

}  // namespace

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

BinanceRequester::BinanceRequester(const BinanceConnection& connection, BinanceMarket market)
    : connection_(connection), market_(market) {}

std::string_view BinanceRequester::api_prefix() const {
    return market_ == BinanceMarket::Futures ? "/fapi/v1" : "/api/v3";
}

void BinanceRequester::pause(std::int64_t ms) {
    const NetworkPolicy& policy = connection_.policy;
    while (ms > 0) {
        if (policy.http.cancel != nullptr && policy.http.cancel->load())
            throw HttpError(HttpError::Kind::Cancelled, "cancelled");
        const std::chrono::milliseconds slice(std::min(ms, kPauseSliceMs));
        if (policy.sleep)
            policy.sleep(slice);
        else
            std::this_thread::sleep_for(slice);
        ms -= slice.count();
    }
}

void BinanceRequester::wait_for_weight(int weight) {
    if (!used_weight_)
        return;
    const std::int64_t now = now_ms();
    // The weight counts per minute: a report from an earlier minute is spent.
    if (now / kMinuteMs != used_weight_minute_) {
        used_weight_.reset();
        return;
    }
    const double allowed = connection_.policy.weight_headroom * weight_limit(market_);
    if (*used_weight_ + weight <= allowed)
        return;
    // Until the next minute begins, plus a margin for the clocks' difference.
    pause(kMinuteMs - now % kMinuteMs + 1'000);
    used_weight_.reset();
}

void BinanceRequester::note_weight(const HttpResponse& response) {
    if (const auto used = integer_header(response, "X-MBX-USED-WEIGHT-1M")) {
        used_weight_ = static_cast<int>(std::min<std::int64_t>(*used, 1'000'000));
        used_weight_minute_ = now_ms() / kMinuteMs;
    }
}

BinanceAnswer BinanceRequester::get(std::string_view path_and_query, int weight) {
    const NetworkPolicy& policy = connection_.policy;
    const std::string url = connection_.endpoints.base(market_) + std::string(path_and_query);
    const int attempts = std::max(1, policy.max_attempts);
    std::int64_t backoff = policy.first_backoff.count();
    std::string last_problem;
    bool rate_limited = false;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        if (attempt > 1 && !rate_limited) {
            pause(backoff);
            backoff = std::min<std::int64_t>(backoff * 2, policy.max_backoff.count());
        }
        wait_for_weight(weight);
        HttpResponse response;
        try {
            response = http_get(url, policy.http);
        } catch (const HttpError& e) {
            if (!e.transient())
                throw;
            last_problem = e.what();
            rate_limited = false;
            continue;
        }
        note_weight(response);
        const long status = response.status;
        if (status >= 200 && status < 300) {
            std::int64_t server_time = now_ms();
            if (const auto date = response.header("Date")) {
                const std::time_t seconds = curl_library().getdate(date->c_str(), nullptr);
                if (seconds > 0)
                    server_time = std::min<std::int64_t>(server_time, seconds * 1000LL);
            }
            return {url, std::move(response.body), server_time};
        }
        if (status == 418) {
            const std::int64_t until =
                now_ms() + integer_header(response, "Retry-After").value_or(0) * 1000;
            FeedError banned(FeedError::Kind::Banned,
                             "Binance has banned this IP address until " + utc_text(until) +
                                 " for too many requests (HTTP 418); try again after that");
            banned.banned_until_ms = until;
            throw banned;
        }
        if (status == 429) {
            // Waiting as told is what keeps a 429 from becoming a ban.
            rate_limited = true;
            last_problem = "GET " + url + ": too many requests (HTTP 429)";
            if (attempt < attempts)
                pause(integer_header(response, "Retry-After").value_or(kDefaultRetryAfterS) * 1000);
            continue;
        }
        if (status >= 500) {
            rate_limited = false;
            last_problem = "GET " + url + ": Binance answered HTTP " + std::to_string(status);
            continue;
        }
        throw FeedError(FeedError::Kind::Rejected, refusal(status, url, response.body));
    }
    throw FeedError(rate_limited ? FeedError::Kind::RateLimited : FeedError::Kind::Network,
                    last_problem + " (gave up after " + std::to_string(attempts) + " tries)");
}

}  // namespace atc::feeds::detail
