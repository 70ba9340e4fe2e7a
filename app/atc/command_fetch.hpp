// SPDX-License-Identifier: GPL-3.0-or-later
// `atc fetch` and `atc update`: market data from an exchange into the store.
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_fetch(std::span<const std::string> args);
int run_update(std::span<const std::string> args);

}  // namespace atc::cli
