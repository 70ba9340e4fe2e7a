// SPDX-License-Identifier: GPL-3.0-or-later
// Arrays stored as little-endian blobs: one per column of a symbol's bars.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atc/label_column.hpp"
#include "atc/store/database.hpp"

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
// Label `index` of `count` joined ones, without splitting the others; nullopt
// when the blob does not hold `count` labels (damaged).
std::optional<std::string_view> label_at(std::string_view joined, std::size_t count,
                                         std::size_t index);

// What the user hears about a symbol that cannot be read, wherever its bars
// are read from (SymbolStore::load, ScanBarsReader).
StoreError no_symbol_error(std::string_view name);
StoreError damaged_column_error(std::string_view name, std::string_view column_words);
StoreError missing_closes_error(std::string_view name);
StoreError damaged_labels_error(std::string_view name);

}  // namespace atc::store::detail
