// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP GET over libcurl: the one network client of the engine, shared by the
// `atc` command line and the desktop app. Proxies come from the environment
// as libcurl reads them (https_proxy, http_proxy, all_proxy, no_proxy), TLS
// checks the system's CA certificates, and every request names itself with
// the User-Agent "atc-studio/<version>".
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atc::feeds {

// Why a request got no HTTP answer. An HTTP status (404, 429, 500 ...) is an
// answer, not an HttpError: HttpResponse::status carries it.
class HttpError : public std::runtime_error {
public:
    enum class Kind {
        Timeout,    // no connection or no complete answer in time
        Network,    // DNS, connection refused or reset, TLS, proxy, a truncated body
        Cancelled,  // the cancel flag was raised
        File,       // download_to_file could not write its file
    };
    HttpError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }
    // Timeouts and network failures may succeed when tried again.
    bool transient() const { return kind_ == Kind::Timeout || kind_ == Kind::Network; }

private:
    Kind kind_;
};

struct HttpOptions {
    std::chrono::milliseconds connect_timeout{10'000};
    // The whole exchange, body included.
    std::chrono::milliseconds total_timeout{60'000};
    // Checked while the transfer runs (libcurl's progress callback, several
    // times a second): raising it ends the request with HttpError Cancelled.
    const std::atomic<bool>* cancel = nullptr;
};

struct HttpResponse {
    long status = 0;  // 200, 429, ...
    std::string body;
    // Every header line of the final answer, names as the server wrote them.
    std::vector<std::pair<std::string, std::string>> headers;

    // The value of the first header called `name` (ASCII case-insensitive),
    // without surrounding blanks.
    std::optional<std::string> header(std::string_view name) const;
};

// "atc-studio/" and atc::release_version(): the User-Agent of every request.
std::string user_agent();

// GETs `url` and returns whatever the server answered, any status. Throws
// HttpError when there is no complete answer (a body shorter than its
// Content-Length is a Network error).
HttpResponse http_get(const std::string& url, const HttpOptions& options = {});

// GETs `url` into `file` (created or replaced), for documents too large to
// hold in memory. Returns the status and headers (body empty); on a status
// other than 2xx, or on an HttpError, `file` is removed.
HttpResponse download_to_file(const std::string& url, const std::filesystem::path& file,
                              const HttpOptions& options = {});

}  // namespace atc::feeds
