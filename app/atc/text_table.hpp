// SPDX-License-Identifier: GPL-3.0-or-later
// Plain-text tables for the terminal (`atc scan`, `atc sweep`): columns as
// wide as their widest cell, numbers right-aligned so their digits line up.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atc::cli {

struct TextColumn {
    std::string_view header;
    bool right_aligned = false;  // numbers; text is left-aligned
};

// The header line and one line per row (each as many cells as columns), each
// line indented by two spaces and ending in a newline.
std::string text_table(std::span<const TextColumn> columns,
                       const std::vector<std::vector<std::string>>& rows);

}  // namespace atc::cli
