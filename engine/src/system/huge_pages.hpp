// SPDX-License-Identifier: GPL-3.0-or-later
// Large per-bar buffers on transparent huge pages.
//
// A million-bar compute writes about half a gigabyte of fresh memory. On 4 KiB
// pages that is over 100,000 page faults, and on a virtual machine each one
// costs microseconds: they were five sixths of a lean 1M-bar compute's time
// (docs/PERFORMANCE.md, "A million bars: first draw and memory"). Linux backs
// a region with 2 MiB pages when the program asks for it (madvise, which the
// usual transparent_hugepage setting "madvise" waits for): 512 times fewer
// faults. Only the page size changes, never a value.
#pragma once

#include <cstddef>
#include <vector>

namespace atc::system {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// Asks for huge pages over the whole 2 MiB blocks inside [data, data + bytes),
// so a buffer never holds more resident memory than it spans. Does nothing
// where there are none, or where the system does not offer them.
void advise_huge_pages(void* data, std::size_t bytes);

// v.resize(n), where new storage of a huge page or more is advised before its
// first touch (resize writes every element, which is when the pages fault in).
template <typename T>
void resize_on_huge_pages(std::vector<T>& v, std::size_t n) {
    if (n > v.capacity() && n * sizeof(T) >= kHugePageBytes) {
        v.reserve(n);
        advise_huge_pages(v.data(), n * sizeof(T));
    }
    v.resize(n);
}

}  // namespace atc::system
