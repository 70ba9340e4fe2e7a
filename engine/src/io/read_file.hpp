// Reading a whole file into memory, for the parsers that want all of their
// input at once (price CSV, params JSON). One place that knows how fopen/fread
// report errors, so every reader names the path and the OS's reason alike.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

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

}  // namespace atc::detail
