// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a whole file into memory, for the parsers that want all of their
// input at once (price CSV, params JSON). One place that knows how fopen/fread
// report errors, so every reader names the path and the OS's reason alike.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace atc::detail {

// A file could not be read. what() reads "PATH: problem"; problem() is the part
// after the path ("cannot open the file: No such file or directory"), for
// callers that wrap it into their own error type.
class ReadFileError : public std::runtime_error {
public:
    ReadFileError(std::string path, std::string problem);
    const std::string& path() const { return path_; }
    const std::string& problem() const { return problem_; }

private:
    std::string path_;
    std::string problem_;
};

// The file's bytes, unchanged (no newline or encoding conversion). A directory
// or unreadable file throws ReadFileError with strerror's text.
std::string read_file(const std::filesystem::path& file);

// The file's bytes mapped read-only into memory, for the price reader, whose
// files reach hundreds of MB: the pages come straight from the page cache, so
// nothing is copied and no fresh memory is faulted in (on the 2-core dev VM,
// reading a 143 MB file into a string cost more than parsing it). Errors as
// read_file's. The bytes are valid while the object lives.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& file);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view bytes() const { return {data_, size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace atc::detail
