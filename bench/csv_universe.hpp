// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark's universe (universe.hpp) written as price files, one per
// symbol, the way `atc scan --csv-dir` reads them: what the CSV cases parse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "temp_folder.hpp"

namespace atc::bench {

// Writes S0000.csv, S0001.csv, ... into `dir` (which must exist): a header
// `Date,Open,High,Low,Close,Volume` and `bars` rows each, business days from
// 2016-01-04 as YYYY-MM-DD, the universe's closes with an open, high and low
// derived from them (all on the 0.01 grid, the close within [low, high]) and
// a whole-number volume, prices with two decimals.
void write_csv_universe(const std::filesystem::path& dir, std::size_t symbols, std::size_t bars);

// A temporary folder holding such files, removed with the object.
class CsvUniverseFolder {
public:
    CsvUniverseFolder(std::size_t symbols, std::size_t bars);

    const std::filesystem::path& dir() const { return folder_.path(); }
    const std::vector<std::filesystem::path>& files() const { return files_; }
    std::uint64_t total_bytes() const { return total_bytes_; }

private:
    TempFolder folder_;
    std::vector<std::filesystem::path> files_;  // in symbol order
    std::uint64_t total_bytes_ = 0;
};

}  // namespace atc::bench
