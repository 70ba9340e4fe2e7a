// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a whole file into memory, for the parsers that want all of their
// input at once (price CSV, params JSON). One place that knows how fopen/fread
// report errors, so every reader names the path and the OS's reason alike.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
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

// The bytes of a price file, for the price reader, whose files range from a
// few KB (a scan reads hundreds of them at once) to hundreds of MB. A file up
// to kThreadBufferBytes is read (read(2)) into a buffer that each thread
// keeps for the next file: mapping it instead cost a munmap per file, and in
// a multi-threaded process every munmap interrupts the other cores to flush
// their TLBs (a fifth of `atc scan --csv-dir`'s time went to page faults and
// unmapping). A larger file is mapped read-only (MAP_POPULATE): its pages come
// straight from the page cache, where reading 143 MB into fresh memory cost
// more than parsing it on the 2-core dev VM. Errors as read_file's. The
// bytes are valid while the object lives.
class FileBytes {
public:
    static constexpr std::size_t kThreadBufferBytes = std::size_t{4} << 20;

    explicit FileBytes(const std::filesystem::path& file);
    ~FileBytes();
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;

    std::string_view bytes() const { return {data_, size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
    bool uses_thread_buffer_ = false;
    std::unique_ptr<char[]> own_;  // when this thread's buffer is taken by another FileBytes
};

}  // namespace atc::detail
