// SPDX-License-Identifier: GPL-3.0-or-later
#include "host/request_const.hpp"

#include <algorithm>

#include "atc/moving_averages.hpp"
#include "atc/signals.hpp"
#include "ma/member_constants.hpp"

namespace atc::gpu::host {
namespace {

using device::MaKind;
using device::MemberConst;
using device::WindowConst;

// A window of `length` bars first defined at `first`, re-anchored like
// WindowSums: every max(kReanchorInterval, length) bars.
WindowConst window(int length, int first) {
    WindowConst w;
    w.length = length;
    w.first = first;
    w.interval = static_cast<std::int32_t>(
        std::max<std::size_t>(ma::kReanchorInterval, static_cast<std::size_t>(length)));
    w.length_value = static_cast<double>(length);
    return w;
}

MaKind kind_of(MaType type, MaProfile profile) {
    switch (type) {
        case MaType::EMA:
            return MaKind::Ema;
        case MaType::HMA:
            return profile == MaProfile::Pine ? MaKind::Sma : MaKind::Hma;
        case MaType::WMA:
            return MaKind::Wma;
        case MaType::DEMA:
            return MaKind::Dema;
        case MaType::LSMA:
            return MaKind::Lsma;
        case MaType::KAMA:
            break;
    }
    return MaKind::Kama;
}

MemberConst member(MaKind kind, int length, MaProfile profile) {
    MemberConst c;
    c.length = length;
    c.first = length - 1;
    c.length_value = static_cast<double>(length);
    c.window = window(length, length - 1);
    switch (kind) {
        case MaKind::Ema:
        case MaKind::Dema:
            c.alpha = ma::detail::ema_alpha(length);
            c.ema_keep = 1.0 - c.alpha;
            break;
        case MaKind::Wma:
            c.scale = ma::detail::wma_inverse_total(length);
            break;
        case MaKind::Sma:
            c.scale = 1.0 / static_cast<double>(length);
            break;
        case MaKind::Lsma: {
            c.single_point = length == 1 ? 1 : 0;
            const ma::detail::LineWeights line =
                ma::detail::lsma_weights(length, profile == MaProfile::Pine);
            c.line_xy = line.of_sum_xy;
            c.line_y = line.of_sum_y;
            break;
        }
        case MaKind::Hma: {
            // reference/hma.cpp: the half window is held at one bar for N = 1.
            const int half = std::max(1, length / 2);
            const int root = ma::integer_sqrt(length);
            c.half = window(half, half - 1);
            c.full = window(length, length - 1);
            c.window = window(root, (length - 1) + (root - 1));
            c.half_scale = ma::detail::wma_inverse_total(half);
            c.full_scale = ma::detail::wma_inverse_total(length);
            c.scale = ma::detail::wma_inverse_total(root);
            c.ring_slots = root + 1;
            break;
        }
        case MaKind::Kama:
            // reference/kama.cpp's NoiseSum: first update and first re-anchoring at bar N.
            c.window = window(length, length);
            c.kama_span = ma::kKamaFast - ma::kKamaSlow;
            c.kama_slow = ma::kKamaSlow;
            break;
    }
    return c;
}

}  // namespace

RequestConst make_request_const(const AtcParams& params, std::size_t max_bars) {
    RequestConst rc;
    for (const MaType type : kAllFamilies) {
        const auto t = static_cast<std::size_t>(type);
        device::FamilyConst& family = rc.families[t];
        family.kind = kind_of(type, params.profile);
        const auto lengths = member_lengths(params.length(type), params.robustness);
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            family.member[k] = member(family.kind, lengths[k], params.profile);
            if (family.kind == MaKind::Hma)
                family.ring_slots = std::max(family.ring_slots, family.member[k].ring_slots);
        }
        rc.ring_slots = std::max(rc.ring_slots, family.ring_slots);
    }
    device::SignalConst& sig = rc.signal;
    // symbol_inputs.cpp and layer2.cpp form these the same way.
    sig.keep = 1.0 - params.decay / 100.0;
    sig.tie = kTieTolerance;
    sig.long_threshold = params.long_threshold;
    sig.short_threshold = params.short_threshold;
    for (std::size_t t = 0; t < kFamilyCount; ++t)
        sig.start_weight[t] = std::max(0.25, params.weights[t]);
    sig.cutout = params.cutout;
    sig.strategy_mode = params.strategy_mode ? 1 : 0;

    const double lambda_per_bar = params.lambda / 1000.0;
    rc.growth.resize(max_bars);
    for (std::size_t i = 0; i < max_bars; ++i)
        rc.growth[i] = growth_multiplier(i, lambda_per_bar, params.cutout);
    return rc;
}

}  // namespace atc::gpu::host
