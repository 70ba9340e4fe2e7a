// SPDX-License-Identifier: GPL-3.0-or-later
// `atc import` and `atc list`: the symbol store from the command line.
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_import(std::span<const std::string> args);
int run_list(std::span<const std::string> args);

}  // namespace atc::cli
