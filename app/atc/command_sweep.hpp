// SPDX-License-Identifier: GPL-3.0-or-later
// `atc sweep`: the Average signal's performance over a grid of one or two
// parameters on one symbol of the database (atc/sweep.hpp), as a table or JSON.
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_sweep(std::span<const std::string> args);

}  // namespace atc::cli
