// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/validation.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "atc/param_table.hpp"

namespace atc {
namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

}  // namespace

std::vector<ParamIssue> check_params(const AtcParams& p) {
    std::vector<ParamIssue> issues;
    const int smallest_offset = robustness_offsets(p.robustness)[3];
    const int min_length = smallest_offset + 1;
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        const int len = p.lengths[t];
        const std::string key(kLengthKeys[t]);
        if (len < min_length || len > kMaxLength) {
            issues.push_back({key, key + " = " + std::to_string(len) + " is out of range: with " +
                                       std::string(robustness_name(p.robustness)) +
                                       " robustness the shortest member is " + key + " - " +
                                       std::to_string(smallest_offset) +
                                       ", which must be at least 1, so the allowed range is " +
                                       std::to_string(min_length) + " to " +
                                       std::to_string(kMaxLength) + " bars"});
        }
    }
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        const double w = p.weights[t];
        const std::string key(kWeightKeys[t]);
        if (!std::isfinite(w) || w <= 0.0) {
            issues.push_back({key, key + " = " + number(w) +
                                       " is invalid: an initial weight must be a finite number "
                                       "greater than 0"});
        }
    }
    if (!std::isfinite(p.lambda)) {
        issues.push_back({"La", "La (growth) = " + number(p.lambda) +
                                    " is invalid: it must be a finite number"});
    }
    if (!std::isfinite(p.decay) || p.decay < 0.0 || p.decay > 100.0) {
        issues.push_back({"De", "De (decay, percent) = " + number(p.decay) +
                                    " is out of range: allowed 0 to 100"});
    }
    if (p.cutout < 0) {
        issues.push_back({"cutout", "cutout = " + std::to_string(p.cutout) +
                                        " is out of range: it counts bars and must be 0 or more"});
    }
    if (!std::isfinite(p.long_threshold)) {
        issues.push_back({"long_threshold", "long_threshold = " + number(p.long_threshold) +
                                                " is invalid: it must be a finite number"});
    }
    if (!std::isfinite(p.short_threshold)) {
        issues.push_back({"short_threshold", "short_threshold = " + number(p.short_threshold) +
                                                 " is invalid: it must be a finite number"});
    }
    if (std::isfinite(p.long_threshold) && std::isfinite(p.short_threshold) &&
        p.long_threshold <= p.short_threshold) {
        issues.push_back({"long_threshold", "long_threshold (" + number(p.long_threshold) +
                                                ") must be greater than short_threshold (" +
                                                number(p.short_threshold) + ")"});
    }
    return issues;
}

std::vector<ParamIssue> check_series(std::span<const double> close, const AtcParams& p) {
    std::vector<ParamIssue> issues;
    if (close.empty()) {
        issues.push_back({"close", "the price series is empty: at least one bar is needed"});
        return issues;
    }
    for (std::size_t i = 0; i < close.size(); ++i) {
        const double c = close[i];
        if (!std::isfinite(c) || c <= 0.0) {
            issues.push_back({"close", "close at bar " + std::to_string(i) + " is " + number(c) +
                                           ": prices must be finite and greater than 0"});
            break;
        }
    }
    const auto counted = check_bar_count(close.size(), p);
    issues.insert(issues.end(), counted.begin(), counted.end());
    return issues;
}

std::vector<ParamIssue> check_bar_count(std::size_t bar_count, const AtcParams& p) {
    std::vector<ParamIssue> issues;
    if (bar_count == 0)
        return issues;
    // The growth factor e^(L·(i − cutout)), L = La/1000, must stay a number
    // up to the last bar: beyond e^709.78 a double is infinite, and every
    // equity and signal after it would be NaN or 0 (a result that only looks
    // like one). Negative La only shrinks the factor towards 0, which is fine.
    const std::size_t grown_bars = p.cutout >= 0 && static_cast<std::size_t>(p.cutout) < bar_count
                                       ? bar_count - 1 - static_cast<std::size_t>(p.cutout)
                                       : 0;
    if (std::isfinite(p.lambda) && p.lambda > 0.0 && grown_bars > 0) {
        const double max_exponent = std::log(std::numeric_limits<double>::max());
        const double max_lambda = max_exponent * 1000.0 / static_cast<double>(grown_bars);
        if (p.lambda > max_lambda) {
            issues.push_back(
                {"La", "La (growth) = " + number(p.lambda) + " is too large for " +
                           std::to_string(bar_count) +
                           " bars: the growth factor e^(La/1000 × bars) would exceed the largest "
                           "number; for this series La must be at most " +
                           number(max_lambda)});
        }
    }
    if (p.cutout >= 0 && static_cast<std::size_t>(p.cutout) >= bar_count) {
        issues.push_back(
            {"cutout", "cutout = " + std::to_string(p.cutout) +
                           " leaves no bars: the series has only " + std::to_string(bar_count) +
                           " bars, so cutout must be at most " + std::to_string(bar_count - 1)});
    }
    return issues;
}

std::vector<ParamIssue> check_input(std::span<const double> close, const AtcParams& p) {
    std::vector<ParamIssue> issues = check_params(p);
    auto series = check_series(close, p);
    issues.insert(issues.end(), series.begin(), series.end());
    return issues;
}

void validate_or_throw(std::span<const double> close, const AtcParams& params) {
    const auto issues = check_input(close, params);
    if (!issues.empty())
        throw InvalidInput(issues.front().key, issues.front().message);
}

}  // namespace atc
