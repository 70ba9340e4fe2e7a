// SPDX-License-Identifier: GPL-3.0-or-later
// `atc compute`: one price series in, the per-bar signal table out.
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_compute(std::span<const std::string> args);

}  // namespace atc::cli
