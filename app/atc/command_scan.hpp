// SPDX-License-Identifier: GPL-3.0-or-later
// `atc scan`: every price file of a folder, or every symbol of the database,
// ranked by its latest Average signal.
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_scan(std::span<const std::string> args);

}  // namespace atc::cli
