// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a fuzz harness over saved inputs, without libFuzzer: every file named on
// the command line, and every file under every directory named. The ordinary
// build runs the seed corpus and the regression inputs through the harnesses
// with this (ctest fuzz_replay_*), so an input that once crashed stays tested
// with every compiler and build type.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool replay_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return false;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>()};
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return true;
}

}  // namespace

int main(int argc, char* argv[]) {
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        if (std::filesystem::is_directory(path)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
                if (!entry.is_regular_file())
                    continue;
                if (!replay_file(entry.path()))
                    return 1;
                ++replayed;
            }
        } else {
            if (!replay_file(path))
                return 1;
            ++replayed;
        }
    }
    if (replayed == 0) {
        std::fprintf(stderr, "no inputs replayed: name files or directories\n");
        return 1;
    }
    std::printf("%zu inputs replayed, no property violated\n", replayed);
    return 0;
}
