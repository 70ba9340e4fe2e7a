// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic file writes: a success replaces the content completely; a failure
// leaves the old file exactly as it was and no temporary file behind.
#include <sys/stat.h>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "atc/atomic_file.hpp"

using namespace atc;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_plain(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

std::set<std::string> entries(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.insert(entry.path().filename().string());
    }
    return names;
}

fs::perms mode_of(const fs::path& path) {
    return fs::status(path).permissions() & fs::perms::mask;
}

// The message must name the target and carry the OS reason.
void expect_write_error(const fs::path& target, const std::string& reason) {
    try {
        write_file_atomically(target, "new content");
    } catch (const FileWriteError& e) {
        const std::string what = e.what();
        QVERIFY2(what.find(target.string()) != std::string::npos, e.what());
        QVERIFY2(what.find(reason) != std::string::npos, e.what());
        return;
    }
    QFAIL("the write succeeded");
}

// Whether chmod can actually stop us writing (it cannot for root).
bool read_only_dirs_are_enforced(const fs::path& dir) {
    std::ofstream probe(dir / "probe");
    const bool written = probe.is_open();
    probe.close();
    if (written)
        fs::remove(dir / "probe");
    return !written;
}

}  // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

private slots:
    // Each test gets its own empty directory, so listing it shows exactly what was left behind.
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
        root_ = dir_->path().toStdString();
    }

    void cleanup() {
        // Undo a read-only test so QTemporaryDir can delete everything.
        for (const auto& entry : fs::recursive_directory_iterator(root_)) {
            if (entry.is_directory()) {
                fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add);
            }
        }
        dir_.reset();
    }

    void createsNewFile() {
        const fs::path target = root_ / "new.csv";
        write_file_atomically(target, "bar,close\n0,1\n");
        QCOMPARE(read_file(target), std::string("bar,close\n0,1\n"));
        QCOMPARE(entries(root_), (std::set<std::string>{"new.csv"}));
    }

    void newFileFollowsUmask() {
        const mode_t mask = ::umask(022);
        ::umask(mask);
        const fs::path target = root_ / "umask.txt";
        write_file_atomically(target, "x");
        QCOMPARE(static_cast<unsigned>(mode_of(target)), 0666u & ~static_cast<unsigned>(mask));
    }

    void replacesExistingContent() {
        const fs::path target = root_ / "params.json";
        write_plain(target, std::string(10000, 'o'));  // longer than the new content
        write_file_atomically(target, "{}\n");
        QCOMPARE(read_file(target), std::string("{}\n"));
        QCOMPARE(entries(root_), (std::set<std::string>{"params.json"}));
    }

    void writesEmptyAndLargeContent() {
        const fs::path target = root_ / "data.bin";
        write_file_atomically(target, "");
        QCOMPARE(read_file(target), std::string());
        std::string big(3 * 1024 * 1024 + 7, '\0');
        for (std::size_t i = 0; i < big.size(); ++i)
            big[i] = static_cast<char>(i * 31 % 251);
        write_file_atomically(target, big);
        QVERIFY(read_file(target) == big);
    }

    void keepsPermissionsOfReplacedFile() {
        const fs::path target = root_ / "private.json";
        write_plain(target, "old");
        fs::permissions(target,
                        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
        write_file_atomically(target, "new");
        QCOMPARE(read_file(target), std::string("new"));
        QCOMPARE(mode_of(target),
                 fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    }

    void missingDirectoryThrowsAndCreatesNothing() {
        const fs::path target = root_ / "no-such-dir" / "out.csv";
        expect_write_error(target, "No such file or directory");
        QVERIFY(!fs::exists(root_ / "no-such-dir"));
        QVERIFY(entries(root_).empty());
    }

    void targetIsDirectoryLeavesItUntouched() {
        const fs::path target = root_ / "results";
        fs::create_directory(target);
        write_plain(target / "inside.txt", "keep");
        expect_write_error(target, "Is a directory");
        QVERIFY(fs::is_directory(target));
        QCOMPARE(read_file(target / "inside.txt"), std::string("keep"));
        QCOMPARE(entries(root_), (std::set<std::string>{"results"}));
        QCOMPARE(entries(target), (std::set<std::string>{"inside.txt"}));
    }

    void readOnlyDirectoryLeavesOldFileUntouched() {
        const fs::path locked = root_ / "locked";
        fs::create_directory(locked);
        const fs::path target = locked / "params.json";
        write_plain(target, "old content");
        fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
        if (!read_only_dirs_are_enforced(locked)) {
            QSKIP("running with privileges that ignore directory permissions (root?)");
        }
        expect_write_error(target, "Permission denied");
        QCOMPARE(read_file(target), std::string("old content"));
        QCOMPARE(entries(locked), (std::set<std::string>{"params.json"}));
    }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    fs::path root_;
};

QTEST_APPLESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
