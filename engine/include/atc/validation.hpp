// SPDX-License-Identifier: GPL-3.0-or-later
// Parameter and input validation with messages a trader understands.
// Nothing is silently repaired: invalid input is reported, never adjusted.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "atc/params.hpp"

namespace atc {

// One problem with one parameter. `key` is the parameter's name as spelled in
// params.json (e.g. "hull_len", "De"); `message` says what is wrong and what is allowed.
struct ParamIssue {
    std::string key;
    std::string message;
};

// Thrown by the compute functions for input they refuse. what() is the full
// message; key() names the parameter ("close" for the price series).
class InvalidInput : public std::invalid_argument {
public:
    InvalidInput(std::string key, const std::string& message)
        : std::invalid_argument(message), key_(std::move(key)) {}
    const std::string& key() const { return key_; }

private:
    std::string key_;
};

// Largest base length accepted; longer windows are almost surely a typo and
// would only produce NaN on any realistic series.
inline constexpr int kMaxLength = 100000;

// Every problem with the parameters alone (lengths, weights, La, De, cutout >= 0,
// thresholds). Empty when they are valid. Used by the UI for inline messages.
std::vector<ParamIssue> check_params(const AtcParams& params);

// Problems of the series under these parameters: empty series, non-finite or
// non-positive prices (first offending bar named), then check_bar_count's.
std::vector<ParamIssue> check_series(std::span<const double> close, const AtcParams& params);

// The problems that only the number of bars decides: cutout >= bar_count, La
// so large that the growth factor e^(La/1000 × bars) overflows a double on this
// many bars (the largest La allowed for the series is named). Empty for 0 bars
// (check_series says the series is empty). The parameter panel checks the
// symbol on screen with it before anything is computed.
std::vector<ParamIssue> check_bar_count(std::size_t bar_count, const AtcParams& params);

// check_params followed by check_series.
std::vector<ParamIssue> check_input(std::span<const double> close, const AtcParams& params);

// Throws InvalidInput with the first problem of check_params + check_input.
void validate_or_throw(std::span<const double> close, const AtcParams& params);

}  // namespace atc
