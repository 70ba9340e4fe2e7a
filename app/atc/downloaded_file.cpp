// SPDX-License-Identifier: GPL-3.0-or-later
#include "downloaded_file.hpp"

#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <system_error>

#include "atc/feeds/http.hpp"

namespace atc::cli {
namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

// The link's last path segment, reduced to characters safe in a file name.
std::string file_name_of(std::string_view url) {
    url = url.substr(0, url.find_first_of("?#"));
    const std::size_t authority = url.find("://");
    const std::size_t slash = url.find_last_of('/');
    std::string name;
    if (slash != std::string_view::npos && slash > authority + 2) {
        for (char c : url.substr(slash + 1)) {
            const bool safe =
                std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
            name += safe ? c : '_';
        }
    }
    return name.empty() || name.front() == '.' ? "download.csv" : name;
}

}  // namespace

bool is_url(std::string_view text) {
    return starts_with_nocase(text, "http://") || starts_with_nocase(text, "https://");
}

DownloadedFile::DownloadedFile(const std::string& url) {
    std::string pattern = (std::filesystem::temp_directory_path() / "atc-import-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw DownloadError("cannot create a temporary folder for " + url + ": " +
                            std::generic_category().message(errno));
    folder_ = pattern;
    file_ = folder_ / file_name_of(url);
    feeds::HttpOptions options;
    options.total_timeout = std::chrono::minutes(10);  // price histories can be large
    std::string problem;
    try {
        const feeds::HttpResponse r = feeds::download_to_file(url, file_, options);
        if (r.status < 200 || r.status >= 300)
            problem = "GET " + url + ": the server answered HTTP " + std::to_string(r.status);
    } catch (const feeds::HttpError& e) {
        problem = e.what();
    }
    if (!problem.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
        throw DownloadError(problem);
    }
}

DownloadedFile::~DownloadedFile() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

}  // namespace atc::cli
