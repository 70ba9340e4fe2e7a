// SPDX-License-Identifier: GPL-3.0-or-later
// Judging a value for one parameter by its type, in the words of the params.json
// reader: shared by that reader (which also knows the JSON kind of the value)
// and set_param (which reads command-line text).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "atc/param_table.hpp"

namespace atc::detail {

bool equals_ignoring_case(std::string_view a, std::string_view b);

// "\"Narrow\", \"Medium\", \"Wide\"": a Choice's or Flag's names, for messages.
std::string quoted_choices(const ParamDescriptor& param);

// Why `value` (written as `written`) is no Integer: "ema_len = 28.5 is not a
// whole number of bars", or out of the range of int; nullopt when it is one.
std::optional<std::string> whole_number_problem(const ParamDescriptor& param, double value,
                                                std::string_view written);

// The index of `name` among param.choices, ignoring case.
std::optional<std::size_t> choice_index(const ParamDescriptor& param, std::string_view name);
// "robustness = \"Huge\" is not allowed: use one of \"Narrow\", \"Medium\", \"Wide\"".
std::string choice_problem(const ParamDescriptor& param, std::string_view name);

}  // namespace atc::detail
