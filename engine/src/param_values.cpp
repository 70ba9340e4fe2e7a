// SPDX-License-Identifier: GPL-3.0-or-later
// Values of one parameter (param_table.hpp): set from a number or from text,
// written as text, and the messages when a value or a key does not fit.

#include "param_values.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <system_error>
#include <utility>

namespace atc {
namespace detail {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::string quoted_choices(const ParamDescriptor& param) {
    std::string allowed;
    for (const auto name : param.choices) {
        allowed += (allowed.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    }
    return allowed;
}

std::optional<std::string> whole_number_problem(const ParamDescriptor& param, double value,
                                                std::string_view written) {
    const std::string named = std::string(param.key) + " = " + std::string(written);
    if (value != std::floor(value)) {
        return named + " is not a whole number" +
               (param.unit.empty() ? "" : " of " + std::string(param.unit));
    }
    if (value < static_cast<double>(INT_MIN) || value > static_cast<double>(INT_MAX)) {
        return named + " is out of range: it must be a whole number from " +
               std::to_string(INT_MIN) + " to " + std::to_string(INT_MAX);
    }
    return std::nullopt;
}

std::optional<std::size_t> choice_index(const ParamDescriptor& param, std::string_view name) {
    for (std::size_t i = 0; i < param.choices.size(); ++i) {
        if (equals_ignoring_case(name, param.choices[i]))
            return i;
    }
    return std::nullopt;
}

std::string choice_problem(const ParamDescriptor& param, std::string_view name) {
    return std::string(param.key) + " = \"" + std::string(name) + "\" is not allowed: use one of " +
           quoted_choices(param);
}

}  // namespace detail

namespace {

// The shortest text that reads back to exactly `v`.
std::string shortest_text(double v) {
    std::array<char, 64> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), ec == std::errc() ? end : buf.data());
}

ParamIssue issue(const ParamDescriptor& param, std::string message) {
    return {std::string(param.key), std::move(message)};
}

// `value`, written as `written`, if it suits an Integer or Number parameter.
std::optional<ParamIssue> set_number(AtcParams& params, const ParamDescriptor& param, double value,
                                     std::string_view written) {
    if (param.type() == ParamType::Integer) {
        if (auto problem = detail::whole_number_problem(param, value, written))
            return issue(param, std::move(*problem));
    }
    param.set(params, value);
    return std::nullopt;
}

}  // namespace

std::string unknown_param_message(std::string_view key) {
    std::string allowed;
    std::string hint;
    for (const ParamDescriptor& known : param_table()) {
        if (!allowed.empty())
            allowed += ", ";
        allowed += known.key;
        if (detail::equals_ignoring_case(known.key, key)) {
            hint = " (keys are case-sensitive: did you mean \"" + std::string(known.key) + "\"?)";
        }
    }
    return "unknown key \"" + std::string(key) + "\"" + hint + "; allowed keys are " + allowed;
}

std::string param_value_text(const ParamDescriptor& param, const AtcParams& params) {
    const double value = param.get(params);
    switch (param.type()) {
        case ParamType::Integer:
            return std::to_string(static_cast<int>(value));
        case ParamType::Number:
            return shortest_text(value);
        case ParamType::Choice:
        case ParamType::Flag:
            break;
    }
    const auto index = static_cast<std::size_t>(value);
    return index < param.choices.size() ? std::string(param.choices[index]) : "?";
}

std::optional<ParamIssue> set_param(AtcParams& params, const ParamDescriptor& param, double value) {
    if (param.type() == ParamType::Integer || param.type() == ParamType::Number)
        return set_number(params, param, value, shortest_text(value));
    const double last = static_cast<double>(param.choices.size()) - 1.0;
    if (!(value >= 0.0 && value <= last && value == std::floor(value))) {
        return issue(param, std::string(param.key) + " = " + shortest_text(value) +
                                " is not allowed: use 0 to " + shortest_text(last) + " for " +
                                detail::quoted_choices(param));
    }
    param.set(params, value);
    return std::nullopt;
}

std::optional<ParamIssue> set_param_from_text(AtcParams& params, const ParamDescriptor& param,
                                              std::string_view text) {
    if (param.type() == ParamType::Choice || param.type() == ParamType::Flag) {
        const auto index = detail::choice_index(param, text);
        if (!index)
            return issue(param, detail::choice_problem(param, text));
        param.set(params, static_cast<double>(*index));
        return std::nullopt;
    }
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range)
        return issue(param,
                     std::string(param.key) + " = " + std::string(text) + " is out of range");
    if (ec != std::errc() || end != text.data() + text.size()) {
        return issue(param,
                     std::string(param.key) + " = \"" + std::string(text) + "\" is not a number");
    }
    return set_number(params, param, value, text);
}

}  // namespace atc
