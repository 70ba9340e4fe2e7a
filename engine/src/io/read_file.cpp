// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/read_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>
#include <utility>

namespace atc::detail {

ReadFileError::ReadFileError(std::string path, std::string problem)
    : std::runtime_error(path + ": " + problem),
      path_(std::move(path)),
      problem_(std::move(problem)) {}

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::string read_file(const std::filesystem::path& file) {
    const std::string name = file.string();
    // errno is read right after the failing call; anything in between may reset it.
    const auto fail = [&name](const char* what, int error) {
        throw ReadFileError(name, std::string(what) + ": " + std::strerror(error));
    };
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(name.c_str(), "rb"));
    if (!f)
        fail("cannot open the file", errno);
    std::string content;
    // The size is only a hint for one allocation; a file that grows or shrinks
    // while we read is still read to its end.
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec)
        content.reserve(static_cast<std::size_t>(size));
    std::array<char, 1 << 16> buffer;
    while (true) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), f.get());
        content.append(buffer.data(), got);
        if (got < buffer.size())
            break;
    }
    if (std::ferror(f.get()))
        fail("cannot read the file", errno);
    return content;
}

MappedFile::MappedFile(const std::filesystem::path& file) {
    const std::string name = file.string();
    const auto fail = [&name](const char* what, int error) {
        throw ReadFileError(name, std::string(what) + ": " + std::strerror(error));
    };
    const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open the file", errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
        const int error = S_ISDIR(info.st_mode) ? EISDIR : errno;
        ::close(fd);
        fail("cannot read the file", error);
    }
    size_ = static_cast<std::size_t>(info.st_size);
    if (size_ > 0) {
        void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        const int error = errno;
        ::close(fd);
        if (mapped == MAP_FAILED)
            fail("cannot read the file", error);
        data_ = static_cast<const char*>(mapped);
    } else {
        ::close(fd);
    }
}

MappedFile::~MappedFile() {
    if (data_)
        ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace atc::detail
