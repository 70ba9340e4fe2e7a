// SPDX-License-Identifier: GPL-3.0-or-later
// How a sweep's axes are written: "NAME=V1,V2,..." or "NAME=FROM:TO:STEP".
#include <algorithm>
#include <charconv>
#include <cmath>

#include "atc/sweep.hpp"
#include "atc/validation.hpp"

namespace atc {
namespace {

constexpr int kMostDecimals = 12;

[[noreturn]] void refuse(const ParamDescriptor& param, const std::string& message) {
    throw InvalidInput(std::string(param.key), message);
}

std::vector<std::string_view> split_on(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

// The parameter's value for one text, checked against its type alone (ranges
// and relations are each cell's business: they depend on the other values).
double value_of(const ParamDescriptor& param, std::string_view text) {
    AtcParams scratch;
    if (text.empty())
        refuse(param, "an empty value in the values of " + std::string(param.key));
    if (auto issue = set_param_from_text(scratch, param, text))
        refuse(param, issue->message);
    return param.get(scratch);
}

// The fewest decimals that write `x` (up to kMostDecimals): 0.01 has 2, 5 has 0.
int decimals_of(double x) {
    for (int d = 0; d < kMostDecimals; ++d) {
        const double scaled = std::fabs(x) * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, scaled))
            return d;
    }
    return kMostDecimals;
}

// "Narrow,Medium,Wide": a Choice's or Flag's values as an axis lists them.
std::string choice_list(const ParamDescriptor& param) {
    std::string list;
    for (std::string_view name : param.choices) {
        if (!list.empty())
            list += ',';
        list += name;
    }
    return list;
}

void check_count(const ParamDescriptor& param, std::size_t count) {
    if (count > kMaxSweepValues)
        refuse(param, std::string(param.key) + " takes " + std::to_string(count) +
                          " values; a sweep axis takes at most " + std::to_string(kMaxSweepValues));
}

}  // namespace

std::vector<double> sweep_range(const ParamDescriptor& param, double from, double to, double step) {
    const std::string key(param.key);
    if (!(step > 0.0) || !std::isfinite(step))
        refuse(param, "the step of " + key + " must be above 0");
    if (!(to >= from))
        refuse(param, "the range of " + key + " ends (" + sweep_value_text(param, to) +
                          ") before it starts (" + sweep_value_text(param, from) + ")");
    // Counted before anything is built: 0:1e9:1 must not allocate a billion values.
    const double steps = std::floor((to - from) / step + 1e-6);
    check_count(param, static_cast<std::size_t>(std::min(steps, 1e9)) + 1);
    const double unit = std::pow(10.0, std::max(decimals_of(from), decimals_of(step)));
    std::vector<double> values;
    for (double k = 0; k <= steps; ++k)
        values.push_back(std::round((from + k * step) * unit) / unit);
    return values;
}

std::string sweep_value_text(const ParamDescriptor& param, double value) {
    AtcParams scratch;
    param.set(scratch, value);
    return param_value_text(param, scratch);
}

SweepAxis parse_sweep_axis(std::string_view text) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos)
        throw InvalidInput("vary", "expected NAME=V1,V2,... or NAME=FROM:TO:STEP, got \"" +
                                       std::string(text) + "\"");
    const std::string_view key = text.substr(0, eq);
    const std::string_view values = text.substr(eq + 1);
    SweepAxis axis;
    axis.param = find_param(key);
    if (axis.param == nullptr)
        throw InvalidInput("vary", unknown_param_message(key));
    const ParamDescriptor& param = *axis.param;

    if (values.find(':') != std::string_view::npos) {
        const auto parts = split_on(values, ':');
        if (parts.size() != 3)
            refuse(param, "a range is FROM:TO:STEP, got \"" + std::string(values) + "\"");
        if (param.type() != ParamType::Integer && param.type() != ParamType::Number)
            refuse(param, std::string(param.key) +
                              " is not a number: list its values instead, e.g. " +
                              std::string(param.key) + "=" + choice_list(param));
        // The step need not be a valid value itself (a length step of 2 is, a
        // weight step of 0.5 is, a cutout step of -1 is not a step at all).
        double step = 0.0;
        const std::string_view step_text = parts[2];
        const auto [end, ec] =
            std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
        if (ec != std::errc() || end != step_text.data() + step_text.size())
            refuse(param, "the step of " + std::string(param.key) + " is not a number: \"" +
                              std::string(step_text) + "\"");
        if (param.type() == ParamType::Integer && step != std::floor(step))
            refuse(param, "the step of " + std::string(param.key) +
                              " must be a whole number, got \"" + std::string(step_text) + "\"");
        axis.values =
            sweep_range(param, value_of(param, parts[0]), value_of(param, parts[1]), step);
        return axis;
    }

    for (std::string_view part : split_on(values, ','))
        axis.values.push_back(value_of(param, part));
    check_count(param, axis.values.size());
    auto sorted = axis.values;
    std::sort(sorted.begin(), sorted.end());
    if (const auto twin = std::adjacent_find(sorted.begin(), sorted.end()); twin != sorted.end())
        refuse(param, std::string(param.key) + " = " + sweep_value_text(param, *twin) +
                          " is listed twice");
    return axis;
}

}  // namespace atc
