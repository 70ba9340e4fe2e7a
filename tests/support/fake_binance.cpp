// SPDX-License-Identifier: GPL-3.0-or-later
#include "fake_binance.hpp"

#include <thread>

#include <chrono>

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace atc::test {
namespace {

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string http_date() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return text;
}

// The value of `key` in a query string "a=1&b=2".
std::optional<std::string> query_value(const std::string& query, const std::string& key) {
    std::size_t start = 0;
    while (start <= query.size()) {
        const std::size_t end = std::min(query.find('&', start), query.size());
        const std::string pair = query.substr(start, end - start);
        if (pair.starts_with(key + "="))
            return pair.substr(key.size() + 1);
        start = end + 1;
    }
    return std::nullopt;
}

std::string decimal(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.8f", value);
    return text;
}

FakeAnswer binance_error(int status, int code, const std::string& message) {
    return {status, "{\"code\":" + std::to_string(code) + ",\"msg\":\"" + message + "\"}", {}, 0};
}

void send_all(int socket, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(socket, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return;  // the client went away (killed, timed out): nothing to do
        sent += static_cast<std::size_t>(n);
    }
}

}  // namespace

std::int64_t aligned_open_ms(std::int64_t interval_ms, std::int64_t back) {
    // The candle forming now must stay forming while the test runs: a test
    // started seconds before the interval ends would see it close and count
    // one bar more (it happened at 10:00:01 UTC). Too close to the end, wait
    // for the next interval to begin.
    const std::int64_t margin = std::min<std::int64_t>(30'000, interval_ms / 4);
    std::int64_t now = now_ms();
    if (interval_ms - now % interval_ms < margin) {
        std::this_thread::sleep_for(
            std::chrono::milliseconds(interval_ms - now % interval_ms + 50));
        now = now_ms();
    }
    return now - now % interval_ms - back * interval_ms;
}

double FakeBinance::fake_close(std::size_t index) {
    return 100.0 + static_cast<double>(index % 97) * 0.5 + static_cast<double>(index) * 0.01;
}

FakeBinance::FakeBinance() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listener_ < 0)
        throw std::runtime_error("fake Binance: no socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // never reachable from outside
    address.sin_port = 0;                              // any free port
    socklen_t length = sizeof address;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(listener_);
        throw std::runtime_error("fake Binance: cannot listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
}

FakeBinance::~FakeBinance() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
}

std::string FakeBinance::url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

void FakeBinance::add_series(const std::string& symbol, const std::string& interval,
                             std::int64_t first_open_ms, std::int64_t interval_ms,
                             std::size_t count) {
    std::lock_guard lock(mutex_);
    series_[symbol + " " + interval] = {first_open_ms, interval_ms, count};
}

void FakeBinance::limit_series(std::optional<std::size_t> count) {
    std::lock_guard lock(mutex_);
    limit_ = count;
}

void FakeBinance::queue(FakeAnswer answer) {
    std::lock_guard lock(mutex_);
    queued_.push_back(std::move(answer));
}

void FakeBinance::set_used_weight(int weight) {
    std::lock_guard lock(mutex_);
    used_weight_ = weight;
}

void FakeBinance::set_delay(std::chrono::milliseconds delay) {
    std::lock_guard lock(mutex_);
    delay_ = delay;
}

void FakeBinance::add_file(const std::string& path, const std::string& body) {
    std::lock_guard lock(mutex_);
    files_[path] = body;
}

std::vector<std::string> FakeBinance::targets() const {
    std::lock_guard lock(mutex_);
    return targets_;
}

std::string FakeBinance::last_user_agent() const {
    std::lock_guard lock(mutex_);
    return user_agent_;
}

void FakeBinance::serve() {
    while (!stop_) {
        pollfd waiting{listener_, POLLIN, 0};
        if (::poll(&waiting, 1, 50) <= 0)
            continue;
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0)
            continue;
        answer(client);
        ::close(client);
    }
}

void FakeBinance::answer(int client) {
    // The request: a GET without a body, so everything up to the blank line.
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
        pollfd readable{client, POLLIN, 0};
        if (::poll(&readable, 1, 5000) <= 0)
            return;
        const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
        if (n <= 0)
            return;
        request.append(buffer, static_cast<std::size_t>(n));
    }
    const std::size_t first_space = request.find(' ');
    const std::size_t second_space = request.find(' ', first_space + 1);
    const std::string target = request.substr(first_space + 1, second_space - first_space - 1);
    std::string agent;
    if (const std::size_t at = request.find("User-Agent: "); at != std::string::npos)
        agent = request.substr(at + 12, request.find("\r\n", at) - at - 12);

    FakeAnswer reply;
    std::chrono::milliseconds delay{0};
    int weight = 0;
    {
        std::lock_guard lock(mutex_);
        targets_.push_back(target);
        user_agent_ = agent;
        delay = delay_;
        weight = used_weight_;
        if (!queued_.empty()) {
            reply = std::move(queued_.front());
            queued_.pop_front();
        } else {
            reply = route(target);
        }
    }
    // Slow answers wake up for the destructor, so a test never waits on them.
    for (auto waited = std::chrono::milliseconds(0); waited < delay && !stop_;
         waited += std::chrono::milliseconds(10))
        std::this_thread::sleep_for(std::chrono::milliseconds(10));

    std::string head =
        "HTTP/1.1 " + std::to_string(reply.status) + " Fake\r\n" +
        "Content-Type: " + reply.content_type + "\r\n" +
        "Content-Length: " + std::to_string(reply.body.size() + reply.missing_bytes) +
        "\r\nDate: " + http_date() + "\r\nx-mbx-used-weight-1m: " + std::to_string(weight) +
        "\r\nConnection: close\r\n";
    for (const auto& [name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    send_all(client, head + "\r\n" + reply.body);
}

FakeAnswer FakeBinance::route(const std::string& target) {
    const std::size_t question = target.find('?');
    const std::string path = target.substr(0, question);
    const std::string query = question == std::string::npos ? "" : target.substr(question + 1);
    if (path == "/api/v3/klines" || path == "/fapi/v1/klines")
        return klines(query);
    if (path == "/api/v3/exchangeInfo" || path == "/fapi/v1/exchangeInfo") {
        std::string body = "{\"timezone\":\"UTC\",\"serverTime\":" + std::to_string(now_ms()) +
                           ",\"rateLimits\":[],\"symbols\":[";
        const char* listed[][4] = {{"ETHBTC", "ETH", "BTC", "TRADING"},
                                   {"BTCUSDT", "BTC", "USDT", "TRADING"},
                                   {"WBTCBTC", "WBTC", "BTC", "TRADING"},
                                   {"BTCFDUSD", "BTC", "FDUSD", "TRADING"},
                                   {"BTCBUSD", "BTC", "BUSD", "BREAK"}};
        for (std::size_t i = 0; i < std::size(listed); ++i) {
            body += std::string(i > 0 ? "," : "") + "{\"symbol\":\"" + listed[i][0] +
                    "\",\"status\":\"" + listed[i][3] + "\",\"baseAsset\":\"" + listed[i][1] +
                    "\",\"quoteAsset\":\"" + listed[i][2] + "\",\"filters\":[]}";
        }
        return {200, body + "]}", {}, 0};
    }
    if (const auto file = files_.find(path); file != files_.end())
        return {200, file->second, {}, 0, "text/csv"};
    return {404, "<html>not found</html>", {}, 0};
}

FakeAnswer FakeBinance::klines(const std::string& query) {
    const auto symbol = query_value(query, "symbol");
    const auto interval = query_value(query, "interval");
    const auto found = series_.find(symbol.value_or("") + " " + interval.value_or(""));
    if (found == series_.end())
        return binance_error(400, -1121, "Invalid symbol.");
    const Series& s = found->second;
    const std::int64_t start = std::stoll(query_value(query, "startTime").value_or("0"));
    const std::size_t limit = std::stoul(query_value(query, "limit").value_or("500"));
    const std::size_t count = std::min(s.count, limit_.value_or(s.count));
    const std::int64_t now = now_ms();
    std::string body = "[";
    std::size_t served = 0;
    for (std::size_t i = 0; i < count && served < limit; ++i) {
        const std::int64_t open = s.first_open_ms + static_cast<std::int64_t>(i) * s.interval_ms;
        if (open < start)
            continue;
        if (open > now)
            break;
        const double close = fake_close(i);
        body += std::string(served > 0 ? "," : "") + "[" + std::to_string(open) + ",\"" +
                decimal(close - 0.25) + "\",\"" + decimal(close + 1) + "\",\"" +
                decimal(close - 1) + "\",\"" + decimal(close) + "\",\"" +
                decimal(10.0 + static_cast<double>(i)) + "\"," +
                std::to_string(open + s.interval_ms - 1) + ",\"" + decimal(close * 10) +
                "\",42,\"1.00000000\",\"100.00000000\",\"0\"]";
        ++served;
    }
    return {200, body + "]", {}, 0};
}

}  // namespace atc::test
