// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

#include "atc/feeds/http.hpp"
#include "atc/version.hpp"
#include "feeds/curl_library.hpp"

namespace atc::feeds {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

std::string_view trimmed(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return text;
}

// What the callbacks fill while libcurl runs one transfer.
struct Transfer {
    HttpResponse response;
    std::FILE* file = nullptr;  // download_to_file: the body goes here, not into response.body
    bool file_failed = false;
    const std::atomic<bool>* cancel = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (t.file == nullptr) {
        t.response.body.append(data, bytes);
        return bytes;
    }
    if (std::fwrite(data, 1, bytes, t.file) != bytes) {
        t.file_failed = true;
        return 0;  // libcurl ends the transfer with CURLE_WRITE_ERROR
    }
    return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    const std::string_view line(data, bytes);
    // A status line starts the headers of a new answer (after a redirect, a
    // proxy's CONNECT or a 100 Continue): only the final answer's are kept.
    if (line.starts_with("HTTP/")) {
        t.response.headers.clear();
        return bytes;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
        t.response.headers.emplace_back(std::string(trimmed(line.substr(0, colon))),
                                        std::string(trimmed(line.substr(colon + 1))));
    }
    return bytes;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto& t = *static_cast<Transfer*>(user);
    return t.cancel != nullptr && t.cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

struct CurlDeleter {
    void operator()(CURL* curl) const { curl_library().easy_cleanup(curl); }
};

HttpError::Kind error_kind(CURLcode code, const Transfer& t) {
    if (code == CURLE_ABORTED_BY_CALLBACK)
        return HttpError::Kind::Cancelled;
    if (code == CURLE_OPERATION_TIMEDOUT)
        return HttpError::Kind::Timeout;
    if (code == CURLE_WRITE_ERROR && t.file_failed)
        return HttpError::Kind::File;
    return HttpError::Kind::Network;
}

void perform(const std::string& url, const HttpOptions& options, Transfer& t) {
    const CurlLibrary& lib = curl_library();
    std::unique_ptr<CURL, CurlDeleter> curl(lib.easy_init());
    if (!curl)
        throw HttpError(HttpError::Kind::Network, "GET " + url + ": libcurl could not start");
    t.cancel = options.cancel;
    char error[CURL_ERROR_SIZE] = {};
    CURL* c = curl.get();
    const std::string agent = user_agent();
    lib.easy_setopt(c, CURLOPT_URL, url.c_str());
    lib.easy_setopt(c, CURLOPT_HTTPGET, 1L);
    lib.easy_setopt(c, CURLOPT_USERAGENT, agent.c_str());
    lib.easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    // Only web addresses, also after redirects (CSV links often redirect).
    lib.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    lib.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    lib.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    lib.easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    lib.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decompress
    lib.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                    static_cast<long>(options.connect_timeout.count()));
    lib.easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
    // Timeouts without SIGALRM: the engine runs requests on worker threads.
    lib.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    // No CURLOPT_PROXY: libcurl then takes the proxy from the environment
    // (http_proxy, https_proxy, all_proxy, no_proxy), as the user set it.
    lib.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    lib.easy_setopt(c, CURLOPT_WRITEDATA, &t);
    lib.easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    lib.easy_setopt(c, CURLOPT_HEADERDATA, &t);
    lib.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    lib.easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    lib.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    const CURLcode code = lib.easy_perform(c);
    if (code != CURLE_OK) {
        const std::string why = error[0] != 0 ? error : lib.easy_strerror(code);
        const HttpError::Kind kind = error_kind(code, t);
        throw HttpError(
            kind, "GET " + url + ": " + (kind == HttpError::Kind::Cancelled ? "cancelled" : why));
    }
    lib.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &t.response.status);
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (iequals(key, name))
            return value;
    }
    return std::nullopt;
}

std::string user_agent() {
    return std::string("atc-studio/") + release_version();
}

HttpResponse http_get(const std::string& url, const HttpOptions& options) {
    Transfer t;
    perform(url, options, t);
    return std::move(t.response);
}

HttpResponse download_to_file(const std::string& url, const std::filesystem::path& file,
                              const HttpOptions& options) {
    std::FILE* out = std::fopen(file.c_str(), "wb");
    if (out == nullptr) {
        throw HttpError(HttpError::Kind::File, "cannot write " + file.string() + ": " +
                                                   std::generic_category().message(errno));
    }
    Transfer t;
    t.file = out;
    bool complete = false;
    try {
        perform(url, options, t);
        complete = t.response.status >= 200 && t.response.status < 300;
    } catch (...) {
        std::fclose(out);
        std::filesystem::remove(file);
        throw;
    }
    const bool closed = std::fclose(out) == 0;
    if (!complete || !closed)
        std::filesystem::remove(file);
    if (!closed)
        throw HttpError(HttpError::Kind::File, "cannot write " + file.string());
    return std::move(t.response);
}

}  // namespace atc::feeds
