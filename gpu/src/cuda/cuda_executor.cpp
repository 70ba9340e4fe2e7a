// SPDX-License-Identifier: GPL-3.0-or-later
#include "cuda/cuda_executor.hpp"

#include <algorithm>
#include <cstring>

#include "cuda/cuda_error.hpp"
#include "kernels/launch.hpp"

namespace atc::gpu {
namespace {

using host::ChunkLayout;

// One chunk may take this share of the device memory that is free (plus what
// the slots hold already), split between the two slots: the rest is left to
// other programs and to the CUDA context.
constexpr double kDeviceShare = 0.7;
// More per chunk gains nothing (the device is busy long before) and makes the
// first chunk's upload, which nothing overlaps, longer.
constexpr std::uint64_t kMaxChunkDeviceBytes = 8ull << 30;
// Pinned host memory per slot: page-locking is slow and takes memory from the
// rest of the machine; chunks of this size already copy at full PCIe speed.
constexpr std::uint64_t kMaxChunkStagingBytes = 256ull << 20;
// Markers expected per bar when reserving their buffers (grown on demand).
constexpr std::int64_t kBarsPerMarkerGuess = 32;

// The chunk's layout as one blob: offsets (int64) | bars (int32) | block bars (int32).
struct MetaLayout {
    std::size_t bars = 0;
    std::size_t block_bars = 0;
    std::size_t bytes = 0;
};

MetaLayout meta_layout(std::size_t symbols, std::size_t blocks) {
    MetaLayout m;
    m.bars = symbols * sizeof(std::int64_t);
    m.block_bars = m.bars + symbols * sizeof(std::int32_t);
    m.bytes = m.block_bars + blocks * sizeof(std::int32_t);
    return m;
}

// The most each buffer of a slot needs over a request's chunks.
struct SlotShape {
    std::int64_t padded = 0;  // stride * max_bars
    std::int64_t packed = 0;
    std::int64_t stride = 0;
    std::int64_t blocks = 0;
    std::int64_t ring = 0;

    void include(const ChunkLayout& c, std::int32_t ring_slots) {
        padded = std::max(padded, static_cast<std::int64_t>(c.stride) * c.max_bars);
        packed = std::max(packed, c.packed_bars);
        stride = std::max<std::int64_t>(stride, c.stride);
        blocks = std::max<std::int64_t>(blocks, static_cast<std::int64_t>(c.block_bars.size()));
        ring = std::max(ring, static_cast<std::int64_t>(ring_slots) * device::kMembers * c.stride);
    }
};

std::size_t count(std::int64_t n) {
    return static_cast<std::size_t>(std::max<std::int64_t>(n, 1));
}

}  // namespace

class CudaExecutor::Slot final : public host::ChunkSlot {
public:
    explicit Slot(CudaExecutor& owner) : owner_(owner) {}

    void reserve(const SlotShape& s, bool keep_series) {
        packed_.reserve(count(s.packed), "the prices");
        close_.reserve(count(s.padded), "the prices by bar");
        keep_return_.reserve(count(s.padded), "the returns");
        signals_.reserve(count(device::kFamilies * s.padded), "the Layer-1 signals");
        average_.reserve(count(s.padded), "the Average");
        if (s.ring > 0)
            ring_.reserve(count(s.ring), "the Hull averages' history");
        meta_.reserve(count(meta_layout(count(s.stride), count(s.blocks)).bytes), "the layout");
        counts_.reserve(count(s.stride), "the marker counts");
        last_average_.reserve(count(s.stride), "the last Averages");
        last_equities_.reserve(count(device::kFamilies * s.stride), "the last equities");
        offsets_.reserve(count(s.stride + 1), "the marker offsets");
        markers_.reserve(count(s.packed / kBarsPerMarkerGuess), "the markers");
        host_packed_.reserve(count(s.packed), "the prices");
        host_meta_.reserve(count(meta_layout(count(s.stride), count(s.blocks)).bytes),
                           "the layout");
        host_counts_.reserve(count(s.stride), "the marker counts");
        host_last_average_.reserve(count(s.stride), "the last Averages");
        host_last_equities_.reserve(count(device::kFamilies * s.stride), "the last equities");
        host_offsets_.reserve(count(s.stride + 1), "the marker offsets");
        host_markers_.reserve(count(s.packed / kBarsPerMarkerGuess), "the markers");
        if (keep_series) {
            equities_.reserve(count(device::kFamilies * s.padded), "the Layer-2 equities");
            kept_.reserve(count(device::kKeptSeries * s.packed), "the kept series");
            host_kept_.reserve(count(device::kKeptSeries * s.packed), "the kept series");
        }
    }

    std::uint64_t device_bytes() const {
        return packed_.bytes() + close_.bytes() + keep_return_.bytes() + signals_.bytes() +
               average_.bytes() + ring_.bytes() + meta_.bytes() + counts_.bytes() +
               last_average_.bytes() + last_equities_.bytes() + offsets_.bytes() +
               markers_.bytes() + equities_.bytes() + kept_.bytes();
    }

    double* input_staging(std::int64_t doubles) override {
        return host_packed_.reserve(count(doubles), "the prices");
    }

    void enqueue(const ChunkLayout& layout, bool keep_series) override {
        SlotShape shape;
        shape.include(layout, owner_.request().ring_slots);
        reserve(shape, keep_series);  // no-ops after CudaExecutor::reserve
        const cudaStream_t s = stream_.get();
        const std::size_t symbols = layout.symbols.size();
        const MetaLayout m = meta_layout(symbols, layout.block_bars.size());
        std::byte* meta = host_meta_.data();
        std::memcpy(meta, layout.offsets.data(), symbols * sizeof(std::int64_t));
        std::memcpy(meta + m.bars, layout.bars.data(), symbols * sizeof(std::int32_t));
        std::memcpy(meta + m.block_bars, layout.block_bars.data(),
                    layout.block_bars.size() * sizeof(std::int32_t));

        check(cudaEventRecord(begin_.get(), s), "timing a chunk");
        check(cudaMemcpyAsync(packed_.data(), host_packed_.data(),
                              static_cast<std::size_t>(layout.packed_bars) * sizeof(double),
                              cudaMemcpyHostToDevice, s),
              "copying the prices to the GPU");
        check(cudaMemcpyAsync(meta_.data(), meta, m.bytes, cudaMemcpyHostToDevice, s),
              "copying the chunk's layout to the GPU");
        check(cudaEventRecord(uploaded_.get(), s), "timing a chunk");

        const std::byte* device_meta = meta_.data();
        device::Chunk& c = chunk_;
        c.symbols = layout.count();
        c.stride = layout.stride;
        c.max_bars = layout.max_bars;
        c.offsets = reinterpret_cast<const std::int64_t*>(device_meta);
        c.bars = reinterpret_cast<const std::int32_t*>(device_meta + m.bars);
        c.block_bars = reinterpret_cast<const std::int32_t*>(device_meta + m.block_bars);
        c.packed_bars = layout.packed_bars;
        c.close = close_.data();
        c.keep_return = keep_return_.data();
        c.growth = owner_.device_growth();
        const host::RequestConst& request = owner_.request();
        const std::int64_t padded = static_cast<std::int64_t>(c.stride) * c.max_bars;

        check(kernels::pack_to_bars_major({c, packed_.data(), close_.data()}, s),
              "starting the layout kernel");
        check(kernels::prepare(c, request.signal, s), "starting the returns kernel");
        device::Layer1Args l1;
        l1.chunk = c;
        l1.signal = request.signal;
        l1.families = owner_.device_families();
        l1.ring = request.ring_slots > 0 ? ring_.data() : nullptr;
        l1.family_signals = signals_.data();
        check(kernels::layer1(l1, s), "starting the Layer-1 kernel");
        device::Layer2Args l2;
        l2.chunk = c;
        l2.signal = request.signal;
        l2.family_signals = signals_.data();
        l2.equities = keep_series ? equities_.data() : nullptr;
        l2.average = average_.data();
        l2.marker_counts = counts_.data();
        l2.last_average = last_average_.data();
        l2.last_equities = last_equities_.data();
        check(kernels::layer2(l2, s), "starting the Layer-2 kernel");
        if (keep_series) {
            device::UnpackArgs unpack;
            unpack.chunk = c;
            for (int t = 0; t < device::kFamilies; ++t) {
                unpack.series[t] = signals_.data() + t * padded;
                unpack.series[device::kFamilies + t] = equities_.data() + t * padded;
            }
            unpack.series[2 * device::kFamilies] = average_.data();
            unpack.packed = kept_.data();
            check(kernels::bars_major_to_packed(unpack, s), "starting the output layout kernel");
        }
        check(cudaEventRecord(computed_.get(), s), "timing a chunk");

        check(cudaMemcpyAsync(host_counts_.data(), counts_.data(), symbols * sizeof(std::int32_t),
                              cudaMemcpyDeviceToHost, s),
              "copying the marker counts from the GPU");
        check(cudaMemcpyAsync(host_last_average_.data(), last_average_.data(),
                              symbols * sizeof(double), cudaMemcpyDeviceToHost, s),
              "copying the last Averages from the GPU");
        check(cudaMemcpyAsync(host_last_equities_.data(), last_equities_.data(),
                              symbols * device::kFamilies * sizeof(double), cudaMemcpyDeviceToHost,
                              s),
              "copying the last equities from the GPU");
        if (keep_series) {
            check(
                cudaMemcpyAsync(host_kept_.data(), kept_.data(),
                                static_cast<std::size_t>(device::kKeptSeries * layout.packed_bars) *
                                    sizeof(double),
                                cudaMemcpyDeviceToHost, s),
                "copying the series from the GPU");
        }
        check(cudaEventRecord(downloaded_.get(), s), "timing a chunk");
    }

    host::ChunkOutputs finish(const ChunkLayout& layout, bool keep_series,
                              host::RunTimings& timings) override {
        // Where a kernel failed (a bad address, a lost device), it shows here.
        check(cudaEventSynchronize(downloaded_.get()), "computing a chunk on the GPU");
        timings.upload_seconds += elapsed_seconds(begin_, uploaded_);
        timings.kernel_seconds += elapsed_seconds(uploaded_, computed_);
        timings.download_seconds += elapsed_seconds(computed_, downloaded_);

        const cudaStream_t s = stream_.get();
        const std::int32_t symbols = layout.count();
        const std::int64_t total =
            host::running_offsets(host_counts_.data(), symbols, host_offsets_.data());
        check(cudaEventRecord(markers_begin_.get(), s), "timing the markers");
        if (total > 0) {
            // Rarely grows: reserved for one marker per 32 bars.
            markers_.reserve(count(total), "the markers");
            host_markers_.reserve(count(total), "the markers");
            check(cudaMemcpyAsync(offsets_.data(), host_offsets_.data(),
                                  static_cast<std::size_t>(symbols) * sizeof(std::int64_t),
                                  cudaMemcpyHostToDevice, s),
                  "copying the marker offsets to the GPU");
            device::MarkerArgs args;
            args.chunk = chunk_;
            args.signal = owner_.request().signal;
            args.average = average_.data();
            args.marker_offsets = offsets_.data();
            args.markers = markers_.data();
            check(kernels::markers(args, s), "starting the marker kernel");
            check(cudaMemcpyAsync(host_markers_.data(), markers_.data(),
                                  static_cast<std::size_t>(total) * sizeof(device::DeviceMarker),
                                  cudaMemcpyDeviceToHost, s),
                  "copying the markers from the GPU");
        }
        check(cudaEventRecord(markers_end_.get(), s), "timing the markers");
        check(cudaEventSynchronize(markers_end_.get()), "finding the markers on the GPU");
        timings.marker_seconds += elapsed_seconds(markers_begin_, markers_end_);

        host::ChunkOutputs out;
        out.marker_counts = host_counts_.data();
        out.last_average = host_last_average_.data();
        out.last_equities = host_last_equities_.data();
        out.marker_offsets = host_offsets_.data();
        out.markers = host_markers_.data();
        out.kept = keep_series ? host_kept_.data() : nullptr;
        return out;
    }

    void wait_quietly() noexcept { cudaStreamSynchronize(stream_.get()); }

private:
    CudaExecutor& owner_;
    Stream stream_;
    Event begin_, uploaded_, computed_, downloaded_, markers_begin_, markers_end_;
    device::Chunk chunk_;  // the chunk in flight, with device pointers
    DeviceBuffer<double> packed_, close_, keep_return_, signals_, equities_, average_, ring_, kept_;
    DeviceBuffer<double> last_average_, last_equities_;
    DeviceBuffer<std::byte> meta_;
    DeviceBuffer<std::int32_t> counts_;
    DeviceBuffer<std::int64_t> offsets_;
    DeviceBuffer<device::DeviceMarker> markers_;
    PinnedBuffer<double> host_packed_, host_kept_, host_last_average_, host_last_equities_;
    PinnedBuffer<std::byte> host_meta_;
    PinnedBuffer<std::int32_t> host_counts_;
    PinnedBuffer<std::int64_t> host_offsets_;
    PinnedBuffer<device::DeviceMarker> host_markers_;
};

CudaExecutor::CudaExecutor(int device, std::uint64_t max_chunk_bytes)
    : device_(device), max_chunk_bytes_(max_chunk_bytes) {}

CudaExecutor::~CudaExecutor() {
    cudaSetDevice(device_);
    abandon();
}

void CudaExecutor::begin_request(const host::RequestConst& request) {
    // The calling thread may be any worker: select the device every time.
    check(cudaSetDevice(device_), "selecting the GPU");
    request_ = &request;
    for (auto& slot : slots_) {
        if (!slot)
            slot = std::make_unique<Slot>(*this);
    }
    families_.reserve(device::kFamilies, "the MA constants");
    check(cudaMemcpy(families_.data(), request.families.data(),
                     sizeof(device::FamilyConst) * device::kFamilies, cudaMemcpyHostToDevice),
          "copying the MA constants to the GPU");
    growth_.reserve(count(static_cast<std::int64_t>(request.growth.size())), "the growth factors");
    check(cudaMemcpy(growth_.data(), request.growth.data(), request.growth.size() * sizeof(double),
                     cudaMemcpyHostToDevice),
          "copying the growth factors to the GPU");
    warm_ = true;
}

host::ChunkLimits CudaExecutor::limits(bool) {
    std::size_t free = 0;
    std::size_t total = 0;
    check(cudaMemGetInfo(&free, &total), "reading the GPU's free memory");
    std::uint64_t held = 0;
    for (const auto& slot : slots_)
        held += slot ? slot->device_bytes() : 0;
    host::ChunkLimits limits;
    const double usable =
        kDeviceShare * static_cast<double>(free + held) / static_cast<double>(slots_.size());
    limits.device_bytes = std::min(kMaxChunkDeviceBytes, static_cast<std::uint64_t>(usable));
    if (max_chunk_bytes_ > 0)
        limits.device_bytes = std::min(limits.device_bytes, max_chunk_bytes_);
    limits.staging_bytes = kMaxChunkStagingBytes;
    return limits;
}

void CudaExecutor::reserve(std::span<const ChunkLayout> chunks, bool keep_series) {
    // Both slots take every shape: chunk c runs in slot c % 2.
    SlotShape shape;
    for (const ChunkLayout& c : chunks)
        shape.include(c, request_->ring_slots);
    for (auto& slot : slots_)
        slot->reserve(shape, keep_series);
}

host::ChunkSlot& CudaExecutor::slot(std::size_t index) {
    return *slots_[index];
}

void CudaExecutor::abandon() noexcept {
    // Wait for whatever is in flight, then drop the slots and their memory
    // (an out-of-memory error should not stay for the next request). Errors
    // are ignored: a lost context fails again at the next request, loudly.
    for (auto& slot : slots_) {
        if (slot)
            slot->wait_quietly();
        slot.reset();
    }
    cudaGetLastError();
}

}  // namespace atc::gpu
