// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/plain_row.hpp"

#include <bit>
#include <cstdint>

#include "atc/price_csv.hpp"
#include "io/ascii.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/line_masks.hpp"
#include "io/short_decimal.hpp"
#include "io/swar.hpp"

namespace atc::detail {

namespace {

// A byte that split_plain_fields leaves to the general path: a quote, a
// carriage return, a NUL or a byte of a non-ASCII character.
bool is_plain_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte != 0 && byte < 0x80 && c != '"' && c != '\r';
}

// A delimiter that cannot be taken for part of a number or of a field's text.
bool can_end_numbers(char delimiter, char point) {
    return delimiter != point && delimiter != '-' && !is_digit(delimiter) &&
           is_plain_byte(delimiter) && delimiter != '\n';
}

// The usual number, up to 8 bytes: [DIGITS][POINT DIGITS] followed by a byte
// that is not part of it within the same word, read a word at a time into
// `digits` (all of them, as one integer) and `fraction` (how many follow the
// point): read_short_decimal's integer and power of ten, so the same double.
// nullptr for anything else, which read_short_decimal then reads. At least
// 8 bytes from `p` must be readable; the number may seem to go on past its
// line's end only where the text does, which the caller checks.
const char* read_word_decimal(const char* p, char point, std::uint64_t& digits,
                              unsigned& fraction) {
    const std::uint64_t word = swar::load(p);
    std::uint64_t others = swar::non_digit_bytes(word);
    const unsigned whole = swar::first_marked(others);
    if (whole == 0 || whole == 8)
        return nullptr;
    if (p[whole] != point) {
        fraction = 0;
        digits = swar::digits_value(word, whole);
        return p + whole;
    }
    others &= others - 1;  // past the point
    const unsigned end = swar::first_marked(others);
    if (end == whole + 1 || end == 8)
        return nullptr;  // no digit after the point, or the number goes on
    fraction = end - whole - 1;
    // The digits after the point moved down over it: one run of digits.
    const std::uint64_t before_point = (std::uint64_t{1} << (8 * whole)) - 1;
    digits = swar::digits_value((word & before_point) | ((word >> 8) & ~before_point), end - 1);
    return p + end;
}

// One number of a Number field from `p`: where it ends (nullptr when it is
// not a short decimal, or one that `volume` or a price column refuses).
const char* read_field_number(const char* p, const char* end, const char* readable_end, char point,
                              bool volume, double& value) {
    static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    if (p + 8 <= readable_end) {
        std::uint64_t digits = 0;
        unsigned fraction = 0;
        if (const char* number_end = read_word_decimal(p, point, digits, fraction)) {
            // Not negative: above 0 unless every digit is 0, which only a
            // volume may be. Checked on the integer, so that nothing waits
            // for the division.
            value = static_cast<double>(digits) / kPowersOfTen[fraction];
            return digits != 0 || volume ? number_end : nullptr;
        }
    }
    const char* number_end = read_short_decimal(p, end, point, value);
    // Short decimals are finite.
    return number_end && (volume ? value >= 0.0 : value > 0.0) ? number_end : nullptr;
}

// Where the text field from `p` ends (at the delimiter or `end`), or nullptr
// when it holds a byte that is not plain. Words are read while 8 bytes are
// readable; a line ends at a line feed, which stops the search, or a
// carriage return just before it, which is not plain but at `end`.
const char* text_field_end(const char* p, const char* end, const char* readable_end,
                           char delimiter) {
    for (; p + 8 <= readable_end; p += 8) {
        const std::uint64_t word = swar::load(p);
        const std::uint64_t stops =
            swar::bytes_equal_to(word, delimiter) | swar::bytes_equal_to(word, '\n') |
            swar::bytes_equal_to(word, '"') | swar::bytes_equal_to(word, '\r') |
            swar::zero_bytes(word) | (word & swar::kHighBits);
        if (stops == 0)
            continue;
        const char* stop = p + std::countr_zero(stops) / 8;
        if (stop >= end)
            return end;
        return *stop == delimiter ? stop : nullptr;
    }
    for (; p < end && *p != delimiter; ++p) {
        if (!is_plain_byte(*p))
            return nullptr;
    }
    return p;
}

// One number of a Number field that is the bytes [start, end) of a short
// line classified by `masks` (at least 8 bytes from `start` readable): up
// to 8 bytes of digits with at most one point between them are converted
// from one word, anything else by read_short_decimal. False when it is not
// a short decimal or one that `volume` or a price column refuses.
bool read_masked_number(const char* line, unsigned start, unsigned end, const LineMasks& masks,
                        char point, bool volume, double& value) {
    static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    const unsigned width = end - start;
    const std::uint64_t others = masks.non_digits & (((std::uint64_t{1} << width) - 1) << start);
    const auto one_point_inside = [&] {
        return (others & (others - 1)) == 0 && (others & ~masks.points) == 0 &&
               (others & (std::uint64_t{1} << start)) == 0 &&
               (others & (std::uint64_t{1} << (end - 1))) == 0;
    };
    if (width == 0 || width > 8 || !one_point_inside()) {
        const char* number_end = read_short_decimal(line + start, line + end, point, value);
        // Short decimals are finite.
        return number_end == line + end && (volume ? value >= 0.0 : value > 0.0);
    }
    const std::uint64_t word = swar::load(line + start);
    // Not negative: above 0 unless every digit is 0, which only a volume may be.
    if (others == 0) {
        // A whole number (most volumes): no division by 1 to wait for.
        const std::uint64_t digits = swar::digits_value(word, width);
        value = static_cast<double>(digits);
        return digits != 0 || volume;
    }
    const unsigned whole = static_cast<unsigned>(std::countr_zero(others)) - start;
    const unsigned fraction = width - 1 - whole;
    // The digits after the point moved down over it: one run of digits.
    const std::uint64_t before_point = (std::uint64_t{1} << (8 * whole)) - 1;
    const std::uint64_t digits =
        swar::digits_value((word & before_point) | ((word >> 8) & ~before_point), width - 1);
    value = static_cast<double>(digits) / kPowersOfTen[fraction];
    return digits != 0 || volume;
}

}  // namespace

PlainRowPlan::PlainRowPlan(const ColumnLayout& layout, std::span<const NumberColumn> numbers,
                           std::optional<std::size_t> time, std::optional<std::size_t> time_of_day,
                           char delimiter, NumberStyle style)
    : delimiter_(delimiter), point_(style.decimal) {
    if (layout.ticker || numbers.size() > PlainRow::kMaxNumbers ||
        !can_end_numbers(delimiter, point_))
        return;
    std::vector<Field> fields(layout.field_count());
    for (std::size_t slot = 0; slot < numbers.size(); ++slot) {
        Field& field = fields[numbers[slot].index];
        if (field.kind != Kind::Skip)
            return;  // one column for two values: not a layout the reader makes
        field.kind = Kind::Number;
        field.slot = static_cast<std::uint8_t>(slot);
        field.volume = numbers[slot].rule == ValueRule::Volume;
    }
    const auto text_use = [&fields](const std::optional<std::size_t>& index, bool Field::*use) {
        if (!index)
            return true;
        Field& field = fields[*index];
        if (field.kind == Kind::Number)
            return false;
        field.kind = Kind::Text;
        field.*use = true;
        return true;
    };
    if (!text_use(time, &Field::time) || !text_use(time_of_day, &Field::time_of_day) ||
        !text_use(layout.label, &Field::label))
        return;
    fields_ = std::move(fields);
}

bool PlainRowPlan::read(std::string_view line, const char* readable_end, PlainRow& row) const {
    // Nearly every row: a short line, classified 16 bytes at a time.
    if (kHasLineMasks && line.size() < LineMasks::kBytes &&
        line.data() + LineMasks::kBytes + 16 <= readable_end)
        return read_short_line(line, row);
    if (line.size() > kMaxCsvLineBytes)
        return false;
    const char* p = line.data();
    const char* const end = p + line.size();
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        const Field& field = fields_[i];
        const char* field_end = nullptr;
        if (field.kind == Kind::Number) {
            // What the column refuses is left to the general path, which names it.
            field_end = read_field_number(p, end, readable_end, point_, field.volume,
                                          row.numbers[field.slot]);
            if (field_end == nullptr || field_end > end)
                return false;
        } else {
            field_end = text_field_end(p, end, readable_end, delimiter_);
            if (field_end == nullptr)
                return false;
            if (field.kind == Kind::Text) {
                field.keep_text(trim(std::string_view(p, field_end - p)), row);
            }
        }
        // Fields end at the delimiter, the last one at the line's end: more
        // or fewer fields than the header's is the general path's problem.
        if (i + 1 == fields_.size())
            return field_end == end;
        if (field_end == end || *field_end != delimiter_)
            return false;
        p = field_end + 1;
    }
    return false;
}

}  // namespace atc::detail

namespace atc::detail {

bool PlainRowPlan::read_short_line(std::string_view line, PlainRow& row) const {
    const LineMasks masks = classify_line(line.data(), delimiter_, point_);
    const auto length = static_cast<unsigned>(line.size());
    if ((masks.not_plain & ((std::uint64_t{1} << length) - 1)) != 0)
        return false;
    // Where each field ends: at a delimiter, the last one at the line's end.
    std::uint64_t ends =
        (masks.delimiters & ((std::uint64_t{1} << length) - 1)) | (std::uint64_t{1} << length);
    unsigned start = 0;
    for (const Field& field : fields_) {
        if (ends == 0)
            return false;  // fewer fields than the header's: the general path's problem
        const auto end = static_cast<unsigned>(std::countr_zero(ends));
        ends &= ends - 1;
        if (field.kind == Kind::Number) {
            // What the column refuses is left to the general path, which names it.
            if (!read_masked_number(line.data(), start, end, masks, point_, field.volume,
                                    row.numbers[field.slot]))
                return false;
        } else if (field.kind == Kind::Text) {
            field.keep_text(trim(line.substr(start, end - start)), row);
        }
        start = end + 1;
    }
    return ends == 0;  // more fields than the header's: the general path's problem
}

}  // namespace atc::detail
