// SPDX-License-Identifier: GPL-3.0-or-later
// A case's temporary folder: made empty when the case starts, removed with
// everything in it when the case ends. One per case and process, so cases
// run side by side never share one.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace atc::bench {

class TempFolder {
public:
    // <temp>/atc-bench-NAME-PID
    explicit TempFolder(const std::string& name)
        : path_(std::filesystem::temp_directory_path() /
                ("atc-bench-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace atc::bench
