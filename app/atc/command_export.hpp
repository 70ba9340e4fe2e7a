// SPDX-License-Identifier: GPL-3.0-or-later
// `atc export`: a stored symbol's bars as CSV, to take them elsewhere or back up.
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_export(std::span<const std::string> args);

}  // namespace atc::cli
