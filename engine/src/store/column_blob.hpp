// SPDX-License-Identifier: GPL-3.0-or-later
// Arrays stored as little-endian blobs: one per column of a symbol's bars.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "atc/label_column.hpp"

namespace atc::store::detail {

// The blobs hold the machine's own representation; every platform we build for
// is little-endian, and refusing to build elsewhere beats silently garbled data.
static_assert(std::endian::native == std::endian::little,
              "column blobs are little-endian; add byte swapping for this platform");

template <typename T>
std::span<const std::byte> as_blob(const std::vector<T>& values) {
    return std::as_bytes(std::span<const T>(values));
}

// Labels joined by '\n' (a CSV field never spans lines).
std::string join_labels(const LabelColumn& labels);
std::optional<LabelColumn> split_labels(std::span<const std::byte> blob, std::size_t count);

}  // namespace atc::store::detail
