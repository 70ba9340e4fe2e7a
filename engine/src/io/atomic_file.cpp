// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic replace on POSIX: the new content goes to a fresh file in the target's
// directory (rename is only atomic within one file system), is flushed to disk,
// and is then renamed over the target in one step.

#include "atc/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

namespace atc {
namespace {

// Owns the temporary file until it has been renamed into place; a failure at any
// step before that closes and removes it.
class TempFile {
public:
    explicit TempFile(const std::filesystem::path& target) : target_(target.string()) {}
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    ~TempFile() {
        if (fd_ >= 0)
            ::close(fd_);
        if (!committed_ && !path_.empty())
            ::unlink(path_.c_str());
    }

    void create() {
        // O_EXCL makes the name ours alone; mode 0666 lets the umask decide the
        // permissions of a new file exactly as for any ordinary file.
        std::random_device seed;
        std::mt19937 random(seed());
        constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
        for (int attempt = 0; attempt < 100; ++attempt) {
            std::string name = target_ + ".tmp-";
            for (int i = 0; i < 6; ++i)
                name += kAlphabet[pick(random)];
            fd_ = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd_ >= 0) {
                path_ = std::move(name);
                return;
            }
            if (errno != EEXIST)
                fail("cannot create a temporary file beside it");
        }
        fail("cannot create a temporary file beside it");
    }

    // A replaced file keeps its permission bits (a private file stays private).
    void copy_mode_of_target() {
        struct stat st {};
        if (::stat(target_.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
            return;
        if (::fchmod(fd_, st.st_mode & 07777) != 0)
            fail("cannot set the file permissions");
    }

    void write_all(std::string_view content) {
        while (!content.empty()) {
            const ssize_t n = ::write(fd_, content.data(), content.size());
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                fail("cannot write");
            }
            content.remove_prefix(static_cast<std::size_t>(n));
        }
    }

    // fsync before rename: otherwise a crash could leave the new name pointing
    // at a file whose data never reached the disk.
    void sync_and_close() {
        if (::fsync(fd_) != 0)
            fail("cannot flush to disk");
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0)
            fail("cannot close");
    }

    void rename_over_target() {
        if (::rename(path_.c_str(), target_.c_str()) != 0)
            fail("cannot replace it");
        committed_ = true;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw FileWriteError("cannot save " + target_ + ": " + what + ": " + std::strerror(errno));
    }

    std::string target_;
    std::string path_;
    int fd_ = -1;
    bool committed_ = false;
};

// Makes the rename itself durable. Best effort: the new content is already in
// place, so a failure here must not be reported as a failed save.
void sync_directory(const std::filesystem::path& target) {
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
    TempFile temp(target);
    temp.create();
    temp.copy_mode_of_target();
    temp.write_all(content);
    temp.sync_and_close();
    temp.rename_over_target();
    sync_directory(target);
}

}  // namespace atc
