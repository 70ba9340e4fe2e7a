// SPDX-License-Identifier: GPL-3.0-or-later
#include "system/proc_text.hpp"

#include <charconv>
#include <fstream>
#include <iterator>

namespace atc::system::detail {
namespace {

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

}  // namespace

std::string read_proc_text(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::optional<std::string_view> field_value(std::string_view text, std::string_view key) {
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const auto colon = line.find(':');
        if (colon != std::string_view::npos && trimmed(line.substr(0, colon)) == key)
            return trimmed(line.substr(colon + 1));
    }
    return std::nullopt;
}

std::optional<std::uint64_t> kib_value_bytes(std::string_view text, std::string_view key) {
    const auto value = field_value(text, key);
    if (!value)
        return std::nullopt;
    std::uint64_t kib = 0;
    const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), kib);
    if (ec != std::errc() || ptr == value->data())
        return std::nullopt;
    return kib * 1024;
}

}  // namespace atc::system::detail
