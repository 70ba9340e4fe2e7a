// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON document of `atc hw`: the hardware report and the process's memory.
// Its keys are documented in `atc help hw` (cli.cpp); keep the two together.
#pragma once

#include <string>

#include "atc/system/hardware.hpp"
#include "atc/system/process_memory.hpp"

namespace atc::cli {

std::string hardware_json(const system::HardwareReport& report,
                          const system::ProcessMemory& process);

}  // namespace atc::cli
