// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a file so that readers see either the old content or the complete new
// content, never a half-written file, and an error leaves the old file untouched.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace atc {

class FileWriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Writes `content` to a temporary file beside `target`, flushes it to disk and
// renames it over `target`. On any failure the temporary file is removed, the
// target is left exactly as it was, and FileWriteError names the path and cause.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace atc
