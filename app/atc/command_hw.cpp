// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_hw.hpp"

#include "atc/gpu/gpu_backend.hpp"
#include "atc/system/process_memory.hpp"
#include "cli.hpp"
#include "hardware_json.hpp"

namespace atc::cli {

int run_hw(std::span<const std::string> args) {
    parse_options(args, {});  // no options: anything given is a usage error
    // The CUDA backend's probe (gpu/; "built without the CUDA backend" in a
    // build without it), and what auto does with it: the router's cost model.
    const auto router = gpu::make_router();
    const system::HardwareReport report = router->hardware_report();
    const std::string json = hardware_json(report, system::read_process_memory());
    return write_stdout(json) ? kExitOk : kExitFailure;
}

}  // namespace atc::cli
