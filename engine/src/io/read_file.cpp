// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/read_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

namespace {

// The buffer a thread reads small price files into, kept for its next file.
struct ThreadReadBuffer {
    std::unique_ptr<char[]> data;
    std::size_t capacity = 0;
    bool in_use = false;
};

thread_local ThreadReadBuffer t_read_buffer;

// Reads `size` bytes from the start of `fd` into `out`; fewer when the file
// shrank meanwhile. The count read, or -1 with errno set.
std::ptrdiff_t read_whole(int fd, char* out, std::size_t size) {
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::pread(fd, out + got, size - got, static_cast<off_t>(got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    return static_cast<std::ptrdiff_t>(got);
}

}  // namespace

FileBytes::FileBytes(const std::filesystem::path& file) {
    const std::string name = file.string();
    const auto fail = [&name](const char* what, int error) {
        throw ReadFileError(name, std::string(what) + ": " + std::strerror(error));
    };
    const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open the file", errno);
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode))
        fail("cannot read the file", S_ISDIR(info.st_mode) ? EISDIR : errno);
    const auto size = static_cast<std::size_t>(info.st_size);
    if (size == 0)
        return;
    if (size > kThreadBufferBytes) {
        void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (mapped == MAP_FAILED)
            fail("cannot read the file", errno);
        data_ = static_cast<const char*>(mapped);
        size_ = size;
        mapped_ = true;
        return;
    }
    char* out = nullptr;
    ThreadReadBuffer& buffer = t_read_buffer;
    if (!buffer.in_use) {
        if (buffer.capacity < size) {
            buffer.capacity = std::max(size, std::min(2 * buffer.capacity, kThreadBufferBytes));
            buffer.data = std::make_unique_for_overwrite<char[]>(buffer.capacity);
        }
        buffer.in_use = uses_thread_buffer_ = true;
        out = buffer.data.get();
    } else {
        own_ = std::make_unique_for_overwrite<char[]>(size);
        out = own_.get();
    }
    const std::ptrdiff_t got = read_whole(fd, out, size);
    if (got < 0) {
        const int error = errno;
        if (uses_thread_buffer_)
            buffer.in_use = false;
        fail("cannot read the file", error);
    }
    data_ = out;
    size_ = static_cast<std::size_t>(got);
}

FileBytes::~FileBytes() {
    if (mapped_)
        ::munmap(const_cast<char*>(data_), size_);
    if (uses_thread_buffer_)
        t_read_buffer.in_use = false;
}

}  // namespace atc::detail
