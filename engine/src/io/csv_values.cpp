// SPDX-License-Identifier: GPL-3.0-or-later
// Reading one number from a field, with messages that say what is wrong with it.

#include "io/csv_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>
#include <utility>

#include <fast_float/fast_float.h>

#include "io/ascii.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/short_decimal.hpp"

namespace atc::detail {

namespace {

enum class NumberStatus { Ok, Empty, NotANumber, OutOfRange };

// fast_float and std::from_chars both read the decimal text exactly (the
// nearest double) and ignore the locale. Per "123.45" on the dev VM:
// libstdc++ 12's from_chars (a library call) 12-17 ns, fast_float (inlined)
// 7-11 ns, read_short_decimal 5-8 ns. But fast_float reports no range
// errors (it returns infinity or zero), so any result that is not a normal
// finite number is read again by from_chars, which tells "1e400" (out of
// range) from "inf" and "1e-400" from "0".
std::from_chars_result read_double(const char* first, const char* last, double& value) {
    // Nearly every field: [-]DIGITS[.DIGITS] of up to 15 digits (short_decimal.hpp).
    if (const char* end = read_short_decimal(first, last, '.', value); end && end == last)
        return {last, std::errc()};
    const fast_float::from_chars_result fast = fast_float::from_chars(first, last, value);
    if (fast.ec == std::errc() && std::isnormal(value))
        return {fast.ptr, fast.ec};
    return std::from_chars(first, last, value);
}

// `text` is trimmed; a leading '+' is allowed (from_chars knows only '-').
NumberStatus read_plain_number(std::string_view text, double& value) {
    if (text.empty())
        return NumberStatus::Empty;
    std::string_view number = text;
    if (number.front() == '+')
        number.remove_prefix(1);
    const char* last = number.data() + number.size();
    const auto [end, ec] = read_double(number.data(), last, value);
    const bool second_sign = number.size() < text.size() && !number.empty() &&
                             (number.front() == '-' || number.front() == '+');
    if (ec == std::errc::result_out_of_range)
        return NumberStatus::OutOfRange;
    if (ec != std::errc() || end != last || second_sign)
        return NumberStatus::NotANumber;
    return NumberStatus::Ok;
}

// A volume's K, M or B: the factor, and `text` without the letter.
double take_suffix(std::string_view& text) {
    if (text.size() < 2 || !is_digit(text[text.size() - 2]))
        return 1.0;
    double factor = 1.0;
    switch (text.back()) {
        case 'K':
        case 'k':
            factor = 1e3;
            break;
        case 'M':
        case 'm':
            factor = 1e6;
            break;
        case 'B':
        case 'b':
            factor = 1e9;
            break;
        default:
            return 1.0;
    }
    text.remove_suffix(1);
    return factor;
}

// `text` rewritten as from_chars reads it: grouping separators out, the
// decimal separator a point. False unless every separator groups digits by
// three before the decimal separator.
bool plain_form(std::string_view text, NumberStyle style, std::string& out) {
    out.clear();
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        out.push_back(text[i++]);
    const auto is_group = [style](char c) {
        return style.decimal == '.' ? (c == ',' || c == '\'') : (c == '.' || c == ' ');
    };
    std::size_t run = 0;  // digits since the last separator
    std::size_t digits = 0;
    bool grouped = false;
    for (; i < text.size() && text[i] != style.decimal; ++i) {
        const char c = text[i];
        if (is_digit(c)) {
            out.push_back(c);
            ++run;
            ++digits;
        } else if (is_group(c) && run > 0 && (grouped ? run == 3 : run <= 3)) {
            grouped = true;
            run = 0;
        } else {
            return false;
        }
    }
    if (digits == 0 || (grouped && run != 3))
        return false;
    if (i < text.size()) {
        out.push_back('.');
        const std::string_view fraction = text.substr(i + 1);
        if (fraction.empty() || !std::all_of(fraction.begin(), fraction.end(), is_digit))
            return false;
        out.append(fraction);
    }
    return true;
}

// One number as the file's style writes it. The plain form is tried first:
// a point-decimal number without grouping, the common case, costs one
// from_chars.
NumberStatus read_number(std::string_view text, double& value, NumberStyle style,
                         bool allow_suffix) {
    NumberStatus status = NumberStatus::NotANumber;
    if (style.decimal == '.') {
        status = read_plain_number(text, value);
        if (status != NumberStatus::NotANumber)
            return status;
    } else if (text.empty()) {
        return NumberStatus::Empty;
    }
    std::string_view number = text;
    const double factor = allow_suffix ? take_suffix(number) : 1.0;
    thread_local std::string plain;
    if (!plain_form(number, style, plain))
        return status;
    status = read_plain_number(plain, value);
    value *= factor;
    return status;
}

bool looks_like_decimal_comma(std::string_view s) {
    const std::size_t comma = s.find(',');
    if (comma == std::string_view::npos || comma == 0 || comma + 1 == s.size())
        return false;
    const auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::string_view before = s.substr(0, comma);
    if (before.front() == '+' || before.front() == '-')
        before.remove_prefix(1);
    return !before.empty() && digits(before) && digits(s.substr(comma + 1));
}

constexpr std::string_view kDecimalCommaHint = " (use a point as the decimal separator)";
constexpr std::string_view kDecimalPointHint =
    " (this file writes decimals with a comma; a point may only group thousands)";

// What to add to "is not a number" for text that uses the other decimal separator.
std::string_view separator_hint(std::string_view text, NumberStyle style) {
    if (style.decimal == '.')
        return looks_like_decimal_comma(text) ? kDecimalCommaHint : std::string_view();
    return text.find('.') != std::string_view::npos ? kDecimalPointHint : std::string_view();
}

// Why `text`, read with `status`, is not a value of the column `name`.
std::string column_value_problem(std::string_view text, NumberStatus status, ValueRule rule,
                                 const std::string& name, NumberStyle style) {
    std::string message = "column \"" + name + "\": ";
    switch (status) {
        case NumberStatus::Empty:
            return message + "the field is empty";
        case NumberStatus::OutOfRange:
            return message + quote(text) + " is out of range";
        case NumberStatus::NotANumber:
            message += quote(text) + " is not a number";
            message += separator_hint(text, style);
            return message;
        case NumberStatus::Ok:
            break;
    }
    return message + quote(text) +
           (rule == ValueRule::Volume
                ? " is not a valid volume (volumes must be finite numbers of 0 or more)"
                : " is not a valid price (prices must be finite numbers greater than 0)");
}

}  // namespace

// Built with append: GCC 12 warns falsely (-Wrestrict) about "\"" + std::string(...).
std::string quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.append(1, '"').append(text).append(1, '"');
    return out;
}

CsvResult<double> parse_close(std::string_view raw, NumberStyle style) {
    const std::string_view text = detail::trim(raw);
    double value = 0.0;
    switch (read_number(text, value, style, false)) {
        case NumberStatus::Empty:
            return CsvProblem{"close is empty"};
        case NumberStatus::OutOfRange:
            return CsvProblem{"close is " + std::string(text) + ": the number is out of range"};
        case NumberStatus::NotANumber: {
            std::string message = "close is \"";
            message.append(text).append("\", not a number");
            message += separator_hint(text, style);
            return CsvProblem{std::move(message)};
        }
        case NumberStatus::Ok:
            break;
    }
    if (!std::isfinite(value))
        return CsvProblem{"close is " + std::string(text) + ": prices must be finite"};
    if (value <= 0.0)
        return CsvProblem{"close is " + std::string(text) + ": prices must be greater than 0"};
    return value;
}

// The message is only built on failure: this runs for every field.
CsvResult<double> parse_column_value(std::string_view text, ValueRule rule, const std::string& name,
                                     NumberStyle style) {
    double value = 0.0;
    const NumberStatus status = read_number(text, value, style, rule == ValueRule::Volume);
    if (status == NumberStatus::Ok && std::isfinite(value) &&
        (rule == ValueRule::Volume ? value >= 0.0 : value > 0.0)) {
        return value;
    }
    return CsvProblem{column_value_problem(text, status, rule, name, style)};
}

bool has_comma_between_digits(std::string_view text) {
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] == ',' && is_digit(text[i - 1]) && is_digit(text[i + 1]))
            return true;
    }
    return false;
}

}  // namespace atc::detail
