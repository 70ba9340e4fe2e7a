// Reading one number from a field, with messages that say what is wrong with it.

#include "io/csv_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>
#include <utility>

#include "io/csv_tokenizer.hpp"

namespace atc::detail {

namespace {

enum class NumberStatus { Ok, Empty, NotANumber, OutOfRange };

// std::from_chars converts the decimal text exactly and ignores the locale.
// `text` is trimmed; a leading '+' is allowed (from_chars knows only '-').
NumberStatus read_number(std::string_view text, double& value) {
    if (text.empty())
        return NumberStatus::Empty;
    std::string_view number = text;
    if (number.front() == '+')
        number.remove_prefix(1);
    const char* last = number.data() + number.size();
    const auto [end, ec] = std::from_chars(number.data(), last, value);
    const bool second_sign = number.size() < text.size() && !number.empty() &&
                             (number.front() == '-' || number.front() == '+');
    if (ec == std::errc::result_out_of_range)
        return NumberStatus::OutOfRange;
    if (ec != std::errc() || end != last || second_sign)
        return NumberStatus::NotANumber;
    return NumberStatus::Ok;
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

// Why `text`, read with `status`, is not a value of the column `name`.
std::string column_value_problem(std::string_view text, NumberStatus status, ValueRule rule,
                                 const std::string& name) {
    std::string message = "column \"" + name + "\": ";
    switch (status) {
        case NumberStatus::Empty:
            return message + "the field is empty";
        case NumberStatus::OutOfRange:
            return message + quote(text) + " is out of range";
        case NumberStatus::NotANumber:
            message += quote(text) + " is not a number";
            if (looks_like_decimal_comma(text))
                message += kDecimalCommaHint;
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

CsvResult<double> parse_close(std::string_view raw) {
    const std::string_view text = detail::trim(raw);
    double value = 0.0;
    switch (read_number(text, value)) {
        case NumberStatus::Empty:
            return CsvProblem{"close is empty"};
        case NumberStatus::OutOfRange:
            return CsvProblem{"close is " + std::string(text) + ": the number is out of range"};
        case NumberStatus::NotANumber: {
            std::string message = "close is \"";
            message.append(text).append("\", not a number");
            if (looks_like_decimal_comma(text))
                message += kDecimalCommaHint;
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
CsvResult<double> parse_column_value(std::string_view text, ValueRule rule,
                                     const std::string& name) {
    double value = 0.0;
    const NumberStatus status = read_number(text, value);
    if (status == NumberStatus::Ok && std::isfinite(value) &&
        (rule == ValueRule::Volume ? value >= 0.0 : value > 0.0)) {
        return value;
    }
    return CsvProblem{column_value_problem(text, status, rule, name)};
}

}  // namespace atc::detail
