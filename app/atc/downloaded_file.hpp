// SPDX-License-Identifier: GPL-3.0-or-later
// A price file given as a link: downloaded into a private temporary folder,
// so that `atc import` reads it exactly like a file, and removed afterwards.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace atc::cli {

// True for "http://..." and "https://..." (any case).
bool is_url(std::string_view text);

// Why a link could not be downloaded: no answer, an HTTP error status, no room.
class DownloadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class DownloadedFile {
public:
    // Downloads `url`; the file keeps the link's file name ("BTCUSDT-1h.csv"),
    // which names the symbol as a file's name would. Throws DownloadError.
    explicit DownloadedFile(const std::string& url);
    ~DownloadedFile();
    DownloadedFile(const DownloadedFile&) = delete;
    DownloadedFile& operator=(const DownloadedFile&) = delete;

    const std::filesystem::path& path() const { return file_; }

private:
    std::filesystem::path folder_;
    std::filesystem::path file_;
};

}  // namespace atc::cli
