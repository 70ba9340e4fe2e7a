// SPDX-License-Identifier: GPL-3.0-or-later
// Each physical line is one record: a quoted field may not span lines, so every
// error points at the line that has it.

#include "io/csv_tokenizer.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "io/utf8.hpp"

namespace atc::detail {

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank_char(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_blank_char(s.back()))
        s.remove_suffix(1);
    return s;
}

namespace {

// Where the first byte that is not text is: a NUL or an invalid UTF-8
// sequence; text.size() when there is none. Runs of ASCII are skipped eight
// bytes at a time, since a price file is almost all ASCII.
std::size_t first_binary_byte(std::string_view text) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    constexpr std::uint64_t kLowBits = 0x0101010101010101ULL;
    std::size_t i = 0;
    while (i < text.size()) {
        if (i + 8 <= text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, 8);
            // No byte >= 0x80 and no zero byte (the classic "has zero byte" test).
            if ((word & kHighBits) == 0 && ((word - kLowBits) & ~word & kHighBits) == 0) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0)
            return i;
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0)
            return i;
        i += len;
    }
    return i;
}

}  // namespace

CsvResult<> check_is_text(std::string_view text) {
    const std::size_t bad = first_binary_byte(text);
    if (bad == text.size())
        return {};
    const auto line =
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n') + 1;
    return CsvProblem{"not a text file (binary data at line " + std::to_string(line) + ")"};
}

CsvResult<> split_fields(std::string_view line, char delimiter, std::vector<RawField>& fields) {
    fields.clear();
    const auto is_padding = [delimiter](char c) { return c != delimiter && is_blank_char(c); };
    std::size_t i = 0;
    while (true) {
        std::size_t start = i;
        while (start < line.size() && is_padding(line[start]))
            ++start;
        if (start < line.size() && line[start] == '"') {
            std::size_t j = start + 1;
            while (true) {
                const std::size_t quote = line.find('"', j);
                if (quote == std::string_view::npos) {
                    return CsvProblem{"broken quoting: a quoted field is not closed on this line"};
                }
                if (quote + 1 < line.size() && line[quote + 1] == '"') {
                    j = quote + 2;  // a doubled quote stands for one quote
                    continue;
                }
                j = quote + 1;
                break;
            }
            const std::size_t end = j;
            while (j < line.size() && is_padding(line[j]))
                ++j;
            if (j < line.size() && line[j] != delimiter) {
                return CsvProblem{"broken quoting: unexpected text after a closing quote"};
            }
            fields.push_back({line.substr(start, end - start), true});
            if (j >= line.size())
                return {};
            i = j + 1;
        } else {
            const std::size_t next = line.find(delimiter, i);
            const std::size_t end = next == std::string_view::npos ? line.size() : next;
            const std::string_view text = line.substr(i, end - i);
            if (text.find('"') != std::string_view::npos) {
                return CsvProblem{"broken quoting: a quote inside an unquoted field"};
            }
            fields.push_back({text, false});
            if (next == std::string_view::npos)
                return {};
            i = next + 1;
        }
    }
}

std::string decode(const RawField& field) {
    if (!field.quoted)
        return std::string(trim(field.text));
    const std::string_view inner = field.text.substr(1, field.text.size() - 2);
    std::string out;
    out.reserve(inner.size());
    for (std::size_t i = 0; i < inner.size(); ++i) {
        out.push_back(inner[i]);
        if (inner[i] == '"')
            ++i;  // skip the second quote of a doubled pair
    }
    return out;
}

std::string_view field_value(const RawField& field, std::string& scratch) {
    if (!field.quoted)
        return trim(field.text);
    scratch = decode(field);
    return scratch;
}

std::optional<std::string_view> LineReader::next() {
    while (pos_ < text_.size()) {
        const std::size_t nl = text_.find('\n', pos_);
        const std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
        std::string_view line = text_.substr(pos_, end - pos_);
        pos_ = nl == std::string_view::npos ? text_.size() : nl + 1;
        ++line_number_;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (!trim(line).empty())
            return line;
    }
    return std::nullopt;
}

}  // namespace atc::detail
