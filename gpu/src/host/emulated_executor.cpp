// SPDX-License-Identifier: GPL-3.0-or-later
#include "host/emulated_executor.hpp"

#include <algorithm>
#include <chrono>

#include "device/layer1_block.cuh"
#include "device/symbol_passes.cuh"

namespace atc::gpu::host {
namespace {

using namespace device;

template <class T>
T* grown(std::vector<T>& v, std::int64_t count) {
    if (static_cast<std::int64_t>(v.size()) < count)
        v.resize(static_cast<std::size_t>(count));
    return v.data();
}

// kernels/layer1.cu's block, its threads one after another between barriers.
template <MaKind kKind>
void layer1_block(const Layer1Args& a, int family, int block) {
    std::vector<double> numerators(kTileTerms);
    std::vector<double> equities(kTileTerms);
    const FamilyConst& f = a.families[family];
    std::vector<Layer1Thread> threads(kMembers * kSymbolsPerBlock);
    for (int k = 0; k < kMembers; ++k) {
        for (int lane = 0; lane < kSymbolsPerBlock; ++lane) {
            layer1_thread_start(threads[k * kSymbolsPerBlock + lane], a, f.member[k],
                                block * kSymbolsPerBlock + lane, k);
        }
    }
    const std::int32_t bars = a.chunk.block_bars[block];
    for (std::int32_t tile = 0; tile < bars; tile += kTileBars) {
        for (int k = 0; k < kMembers; ++k) {
            for (int lane = 0; lane < kSymbolsPerBlock; ++lane) {
                layer1_member_tile<kKind>(a, f.member[k], threads[k * kSymbolsPerBlock + lane],
                                          block * kSymbolsPerBlock + lane, lane, k, tile,
                                          numerators.data(), equities.data());
            }
        }
        // __syncthreads()
        for (int r = 0; r < kTileBars * kSymbolsPerBlock; ++r)
            layer1_reduce(a, family, block, r, tile, numerators.data(), equities.data());
        // __syncthreads()
    }
}

void layer1(const Layer1Args& a, int blocks) {
    for (int family = 0; family < kFamilies; ++family) {
        for (int block = 0; block < blocks; ++block) {
            switch (a.families[family].kind) {
                case MaKind::Ema:
                    layer1_block<MaKind::Ema>(a, family, block);
                    break;
                case MaKind::Dema:
                    layer1_block<MaKind::Dema>(a, family, block);
                    break;
                case MaKind::Wma:
                    layer1_block<MaKind::Wma>(a, family, block);
                    break;
                case MaKind::Sma:
                    layer1_block<MaKind::Sma>(a, family, block);
                    break;
                case MaKind::Lsma:
                    layer1_block<MaKind::Lsma>(a, family, block);
                    break;
                case MaKind::Hma:
                    layer1_block<MaKind::Hma>(a, family, block);
                    break;
                case MaKind::Kama:
                    layer1_block<MaKind::Kama>(a, family, block);
                    break;
            }
        }
    }
}

}  // namespace

// One slot's "device memory" as host vectors; enqueue runs every kernel at once.
class EmulatedExecutor::Slot final : public ChunkSlot {
public:
    explicit Slot(const RequestConst& request) : request_(request) {}

    double* input_staging(std::int64_t doubles) override { return grown(packed_, doubles); }

    void enqueue(const ChunkLayout& layout, bool keep_series) override {
        const auto started = std::chrono::steady_clock::now();
        const std::int64_t padded = static_cast<std::int64_t>(layout.stride) * layout.max_bars;
        Chunk chunk;
        chunk.symbols = layout.count();
        chunk.stride = layout.stride;
        chunk.max_bars = layout.max_bars;
        chunk.bars = layout.bars.data();
        chunk.block_bars = layout.block_bars.data();
        chunk.offsets = layout.offsets.data();
        chunk.packed_bars = layout.packed_bars;
        chunk.close = grown(close_, padded);
        chunk.keep_return = grown(keep_return_, padded);
        chunk.growth = request_.growth.data();
        chunk_ = chunk;

        // One loop nest per kernel: kernels/layout.cu, kernels/prepare.cu, ...
        const PackArgs pack{chunk, packed_.data(), close_.data()};
        for (std::int32_t s = 0; s < layout.stride; ++s) {
            for (std::int32_t i = 0; i < layout.max_bars; ++i)
                pack_to_bars_major(pack, s, i);
        }
        for (std::int32_t s = 0; s < layout.stride; ++s) {
            for (std::int32_t i = 0; i < layout.max_bars; ++i)
                prepare_element(chunk, request_.signal, s, i);
        }

        Layer1Args l1;
        l1.chunk = chunk;
        l1.signal = request_.signal;
        l1.families = request_.families.data();
        l1.ring = request_.ring_slots > 0
                      ? grown(ring_, static_cast<std::int64_t>(request_.ring_slots) * kMembers *
                                         layout.stride)
                      : nullptr;
        l1.family_signals = grown(signals_, kFamilies * padded);
        layer1(l1, static_cast<int>(layout.block_bars.size()));

        Layer2Args l2;
        l2.chunk = chunk;
        l2.signal = request_.signal;
        l2.family_signals = signals_.data();
        l2.equities = keep_series ? grown(equities_, kFamilies * padded) : nullptr;
        l2.average = grown(average_, padded);
        l2.marker_counts = grown(counts_, layout.stride);
        l2.last_average = grown(last_average_, layout.stride);
        l2.last_equities = grown(last_equities_, kFamilies * layout.stride);
        for (std::int32_t s = 0; s < layout.stride; ++s)
            layer2_symbol(l2, s);

        if (keep_series) {
            UnpackArgs unpack;
            unpack.chunk = chunk;
            for (int t = 0; t < kFamilies; ++t) {
                unpack.series[t] = signals_.data() + t * padded;
                unpack.series[kFamilies + t] = equities_.data() + t * padded;
            }
            unpack.series[2 * kFamilies] = average_.data();
            unpack.packed = grown(kept_, kKeptSeries * layout.packed_bars);
            for (int q = 0; q < kKeptSeries; ++q) {
                for (std::int32_t s = 0; s < layout.stride; ++s) {
                    for (std::int32_t i = 0; i < layout.max_bars; ++i)
                        bars_major_to_packed(unpack, q, s, i);
                }
            }
        }
        kernel_seconds_ =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }

    ChunkOutputs finish(const ChunkLayout& layout, bool keep_series, RunTimings& timings) override {
        const auto started = std::chrono::steady_clock::now();
        const std::int64_t total =
            running_offsets(counts_.data(), layout.count(), grown(offsets_, layout.count() + 1));
        MarkerArgs m;
        m.chunk = chunk_;
        m.signal = request_.signal;
        m.average = average_.data();
        m.marker_offsets = offsets_.data();
        m.markers = grown(markers_, std::max<std::int64_t>(total, 1));
        for (std::int32_t s = 0; s < layout.stride; ++s)
            markers_symbol(m, s);
        timings.kernel_seconds += kernel_seconds_;
        timings.marker_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

        ChunkOutputs out;
        out.marker_counts = counts_.data();
        out.last_average = last_average_.data();
        out.last_equities = last_equities_.data();
        out.marker_offsets = offsets_.data();
        out.markers = markers_.data();
        out.kept = keep_series ? kept_.data() : nullptr;
        return out;
    }

private:
    const RequestConst& request_;
    Chunk chunk_;
    double kernel_seconds_ = 0.0;
    std::vector<double> packed_, close_, keep_return_, ring_, signals_, equities_, average_, kept_;
    std::vector<std::int32_t> counts_;
    std::vector<double> last_average_, last_equities_;
    std::vector<std::int64_t> offsets_;
    std::vector<DeviceMarker> markers_;
};

EmulatedExecutor::EmulatedExecutor(ChunkLimits limits) : limits_(limits) {
    for (auto& slot : slots_)
        slot = std::make_unique<Slot>(request_);
}

EmulatedExecutor::~EmulatedExecutor() = default;

void EmulatedExecutor::begin_request(const RequestConst& request) {
    request_ = request;
}

ChunkLimits EmulatedExecutor::limits(bool) {
    return limits_;
}

ChunkSlot& EmulatedExecutor::slot(std::size_t index) {
    return *slots_[index];
}

}  // namespace atc::gpu::host
