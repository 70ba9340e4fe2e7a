// SPDX-License-Identifier: GPL-3.0-or-later
// The constants of one request, worked out on the host with the engine's own
// helpers (so the device uses exactly the CPU's alphas, window weights, line
// weights and growth multipliers): per family the MA kind and the nine
// members' constants, the signal parameters, and the growth multipliers
// e^(L(b - cutout)) of every bar.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "atc/params.hpp"
#include "device/launch_args.hpp"

namespace atc::gpu::host {

struct RequestConst {
    std::array<device::FamilyConst, device::kFamilies> families;
    device::SignalConst signal;
    std::vector<double> growth;   // [bars] for the longest symbol of the request
    std::int32_t ring_slots = 0;  // the most any family needs (the Hull family)
};

// `params` must be valid (check_params); `max_bars` is the longest series.
RequestConst make_request_const(const AtcParams& params, std::size_t max_bars);

}  // namespace atc::gpu::host
