// SPDX-License-Identifier: GPL-3.0-or-later
#include "text_table.hpp"

#include <algorithm>

namespace atc::cli {
namespace {

// Display width in terminal columns: UTF-8 continuation bytes take no column,
// so symbols such as "NESTLÉ" do not push the following columns out of line.
std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

}  // namespace

std::string text_table(std::span<const TextColumn> columns,
                       const std::vector<std::vector<std::string>>& rows) {
    const std::size_t count = columns.size();
    std::vector<std::size_t> width(count);
    for (std::size_t c = 0; c < count; ++c)
        width[c] = display_width(columns[c].header);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < count; ++c)
            width[c] = std::max(width[c], display_width(row[c]));
    }
    std::string out;
    const auto append_row = [&](auto cell_of) {
        std::string line = " ";
        for (std::size_t c = 0; c < count; ++c) {
            const std::string_view cell = cell_of(c);
            const std::size_t pad = width[c] - display_width(cell);
            line += ' ';
            if (columns[c].right_aligned)
                line.append(pad, ' ');
            line += cell;
            // The last column gets no trailing padding.
            if (!columns[c].right_aligned && c + 1 < count)
                line.append(pad, ' ');
            if (c + 1 < count)
                line += ' ';
        }
        out += line;
        out += '\n';
    };
    append_row([&](std::size_t c) { return columns[c].header; });
    for (const auto& row : rows)
        append_row([&](std::size_t c) { return std::string_view(row[c]); });
    return out;
}

}  // namespace atc::cli
