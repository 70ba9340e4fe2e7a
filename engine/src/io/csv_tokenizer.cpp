// SPDX-License-Identifier: GPL-3.0-or-later
// Each physical line is one record: a quoted field may not span lines, so every
// error points at the line that has it.

#include "io/csv_tokenizer.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "atc/price_csv.hpp"
#include "io/line_masks.hpp"
#include "io/swar.hpp"
#include "io/utf8.hpp"

namespace atc::detail {

namespace {

using swar::bytes_equal_to;
using swar::kHighBits;
using swar::zero_bytes;

// Where the first byte that is not text is: a NUL or an invalid UTF-8
// sequence; text.size() when there is none. Runs of ASCII are skipped eight
// bytes at a time, since a price file is almost all ASCII.
std::size_t first_binary_byte(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (i + 8 <= text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & kHighBits) == 0 && zero_bytes(word) == 0) {
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

bool split_plain_fields(std::string_view line, char delimiter, std::vector<RawField>& fields) {
    if (line.size() > kMaxCsvLineBytes)
        return false;
    fields.clear();
    const char* data = line.data();
    std::size_t field_start = 0;
    const auto end_field = [&](std::size_t end) {
        fields.push_back({line.substr(field_start, end - field_start), false});
        field_start = end + 1;
    };
    // Marks the line's bytes in `word` (bytes at..at+7, `in_line` masking the
    // ones that belong to the line); false for a byte the fast path leaves alone.
    const auto scan = [&](std::uint64_t word, std::uint64_t in_line, std::size_t at) {
        if ((((word & kHighBits) | zero_bytes(word) | bytes_equal_to(word, '"') |
              bytes_equal_to(word, '\r')) &
             in_line) != 0)
            return false;
        for (std::uint64_t found = bytes_equal_to(word, delimiter) & in_line; found != 0;
             found &= found - 1)
            end_field(at + static_cast<std::size_t>(std::countr_zero(found)) / 8);
        return true;
    };
    std::size_t at = 0;
    for (; at + 8 <= line.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, data + at, 8);
        if (!scan(word, ~std::uint64_t{0}, at))
            return false;
    }
    if (const std::size_t rest = line.size() - at; rest > 0) {
        // The last bytes, fewer than eight: read as the last eight bytes of
        // the line (never past its end), shifted so that they come first.
        std::uint64_t word = 0;
        if (line.size() >= 8) {
            std::memcpy(&word, data + line.size() - 8, 8);
            word >>= 8 * (8 - rest);
        } else {
            std::memcpy(&word, data, rest);
        }
        if (!scan(word, (std::uint64_t{1} << (8 * rest)) - 1, at))
            return false;
    }
    fields.push_back({line.substr(field_start), false});
    return true;
}

void unquote_into(std::string_view quoted, std::string& out) {
    const std::string_view inner = quoted.substr(1, quoted.size() - 2);
    out.clear();
    for (std::size_t i = 0; i < inner.size(); ++i) {
        out.push_back(inner[i]);
        if (inner[i] == '"')
            ++i;  // skip the second quote of a doubled pair
    }
}

std::string decode(const RawField& field) {
    if (!field.quoted)
        return std::string(trim(field.text));
    std::string out;
    unquote_into(field.text, out);
    return out;
}

std::optional<std::string_view> LineReader::next() {
    while (pos_ < text_.size()) {
        const char* const text_end = text_.data() + text_.size();
        const auto end =
            static_cast<std::size_t>(find_line_feed(text_.data() + pos_, text_end) - text_.data());
        std::string_view line = text_.substr(pos_, end - pos_);
        pos_ = end == text_.size() ? end : end + 1;
        ++line_number_;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (!trim(line).empty())
            return line;
    }
    return std::nullopt;
}

}  // namespace atc::detail
