// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpus of fuzz_cache_codec: one encoded full result and two
// encoded scans (with and without per-bar series) of a short synthetic series.
// Run it again when the codec's format version changes:
//   build/tests/fuzz/make_codec_seeds tests/fuzz/corpus/cache_codec
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <vector>

#include "atc/batch.hpp"
#include "atc/cache/codec.hpp"
#include "atc/compute.hpp"

namespace {

void write_blob(const std::filesystem::path& file, const std::vector<std::byte>& blob) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(blob.data()),
              static_cast<std::streamsize>(blob.size()));
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
}

atc::SymbolScan scan_of(std::span<const double> close, const atc::AtcParams& params,
                        bool keep_series) {
    const std::span<const double> closes[] = {close};
    atc::BatchOptions options;
    options.keep_series = keep_series;
    return atc::compute_batch(closes, params, options).symbols.at(0);
}

}  // namespace

int main(int argc, char* argv[]) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_codec_seeds DIRECTORY\n");
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    // Short enough that libFuzzer mutates it quickly, long enough (24 bars,
    // members up to 14 bars) that every series has warm-up and live values.
    std::vector<double> close;
    for (int i = 0; i < 24; ++i)
        close.push_back(100.0 + 10.0 * std::sin(i * 0.3) + i * 0.2);
    atc::AtcParams params;
    params.lengths = {8, 8, 8, 8, 8, 8};
    try {
        write_blob(dir / "result_24_bars.bin",
                   atc::cache::encode_result(atc::compute_symbol(close, params)));
        write_blob(dir / "scan_with_series.bin",
                   atc::cache::encode_scan(scan_of(close, params, true)));
        write_blob(dir / "scan_summary.bin",
                   atc::cache::encode_scan(scan_of(close, params, false)));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_codec_seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
