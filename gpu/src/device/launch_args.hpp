// SPDX-License-Identifier: GPL-3.0-or-later
// The plain data the kernels read: one chunk of symbols in bars-major layout,
// the signal parameters and each MA member's constants. Filled on the host
// (host/request_const.cpp, host/chunk_plan.cpp) and passed to the kernels by
// value or through a small device buffer. Plain types only: nvcc and the host
// compiler both include this.
#pragma once

#include <cstdint>

namespace atc::gpu::device {

inline constexpr int kFamilies = 6;
inline constexpr int kMembers = 9;
// Layer 1 runs one block per (32 symbols, family): a warp per member, a lane
// per symbol.
inline constexpr int kSymbolsPerBlock = 32;
// Bars per shared-memory tile in Layer 1: each member thread computes this many
// bars, then the block reduces them. 8 bars x 9 members x 32 symbols x two
// doubles = 36 KiB of shared memory.
inline constexpr int kTileBars = 8;
// The Layer-1 signal, Layer-2 equity and Average series of one symbol that
// come back with keep_series: six signals, six equities, the Average.
inline constexpr int kKeptSeries = 13;

// The MA a member computes, by family and profile.
enum class MaKind : std::int32_t { Ema, Dema, Wma, Sma, Lsma, Hma, Kama };

// One sliding window of the CPU's WindowSums
// (engine/src/ma/reference/window_sums.hpp): `length` bars, first value at bar
// `first`, re-anchored by direct summation at `first` and every `interval`
// bars after.
struct WindowConst {
    std::int32_t length = 1;
    std::int32_t first = 0;
    std::int32_t interval = 1;
    double length_value = 1.0;  // double(length), the weighted sum's step
};

struct MemberConst {
    std::int32_t length = 1;  // N
    std::int32_t first = 0;   // EMA/DEMA: the seed bar N-1
    double length_value = 1.0;
    double alpha = 0.0;     // EMA/DEMA: 2/(N+1)
    double ema_keep = 0.0;  // EMA/DEMA: 1 - alpha
    // WMA/SMA/LSMA: the window; KAMA: its noise window (first = N); HMA: the
    // outer WMA over 2*WMA(half) - WMA(N).
    WindowConst window;
    WindowConst half;    // HMA: WMA(max(1, N/2))
    WindowConst full;    // HMA: WMA(N)
    double scale = 1.0;  // WMA/HMA outer: 1/(N(N+1)/2) of its window; SMA: 1/N
    double half_scale = 1.0;
    double full_scale = 1.0;
    double line_xy = 0.0;  // LSMA: weights of the weighted sum and the sum
    double line_y = 0.0;
    std::int32_t single_point = 0;  // LSMA(1): the price itself
    std::int32_t ring_slots = 1;    // HMA: the outer window's raw history, root + 1 bars
    double kama_span = 0.0;         // KAMA: fast - slow
    double kama_slow = 0.0;
};

struct FamilyConst {
    MaKind kind = MaKind::Ema;
    std::int32_t ring_slots = 0;  // the most any member needs (HMA), else 0
    MemberConst member[kMembers];
};

// The per-request constants of the signal stages.
struct SignalConst {
    double keep = 1.0;  // 1 - D
    double tie = 0.0;   // kTieTolerance
    double long_threshold = 0.0;
    double short_threshold = 0.0;
    double start_weight[kFamilies] = {};  // max(0.25, w_t): Layer-2 starts
    std::int32_t cutout = 0;
    std::int32_t strategy_mode = 0;
};

// One chunk of symbols on the device.
struct Chunk {
    std::int32_t symbols = 0;            // S
    std::int32_t stride = 0;             // row length of the bars-major arrays: S rounded up to 32
    std::int32_t max_bars = 0;           // rows
    const std::int32_t* bars = nullptr;  // [S] each symbol's bar count
    const std::int32_t* block_bars = nullptr;  // [ceil(S/32)] the most bars in each block of 32
    const std::int64_t* offsets = nullptr;     // [S] where each symbol starts in the packed arrays
    std::int64_t packed_bars = 0;              // sum of bars: the packed arrays' length
    const double* close = nullptr;             // bars-major [max_bars][stride]
    double* keep_return = nullptr;             // bars-major: (1-D) * r[i]
    const double* growth = nullptr;            // [max_bars] e^(L(b - cutout)), from the host
};

struct DeviceMarker {
    std::int32_t bar = 0;
    std::int32_t direction = 0;  // +1 long, -1 short
    double average = 0.0;
};

struct Layer1Args {
    Chunk chunk;
    SignalConst signal;
    const FamilyConst* families = nullptr;  // [6]
    double* ring = nullptr;                 // [ring slots][9][stride]
    double* family_signals = nullptr;       // [6][max_bars][stride]: S_t
};

struct Layer2Args {
    Chunk chunk;
    SignalConst signal;
    const double* family_signals = nullptr;  // [6][max_bars][stride]: S_t
    double* equities = nullptr;              // [6][max_bars][stride], or null (not kept)
    double* average = nullptr;               // [max_bars][stride]
    std::int32_t* marker_counts = nullptr;   // [S]
    double* last_average = nullptr;          // [S]
    double* last_equities = nullptr;         // [S][6]: W_t at each symbol's last bar
};

struct MarkerArgs {
    Chunk chunk;
    SignalConst signal;
    const double* average = nullptr;               // [max_bars][stride]
    const std::int64_t* marker_offsets = nullptr;  // [S] where each symbol's markers go
    DeviceMarker* markers = nullptr;
};

// Symbol-major packed <-> bars-major.
struct PackArgs {
    Chunk chunk;
    const double* packed = nullptr;  // [packed_bars]
    double* bars_major = nullptr;    // [max_bars][stride]
};

struct UnpackArgs {
    Chunk chunk;
    const double* series[kKeptSeries] = {};  // bars-major sources
    double* packed = nullptr;                // [kKeptSeries][packed_bars]
};

}  // namespace atc::gpu::device
