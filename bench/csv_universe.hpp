// SPDX-License-Identifier: GPL-3.0-or-later
// TEMPORARY (lead's local stand-in until the csv helper's version is merged)
#pragma once
#include <cstddef>
#include <filesystem>
namespace atc::bench {
void write_csv_universe(const std::filesystem::path& dir, std::size_t symbols, std::size_t bars);
}
