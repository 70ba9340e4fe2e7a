// SPDX-License-Identifier: GPL-3.0-or-later
// `atc hw`: the hardware and the backend the engine would run on, as JSON.
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_hw(std::span<const std::string> args);

}  // namespace atc::cli
