// SPDX-License-Identifier: GPL-3.0-or-later
#include "system/huge_pages.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace atc::system {

void advise_huge_pages(void* data, std::size_t bytes) {
#if defined(MADV_HUGEPAGE)
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (start + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
    const std::uintptr_t last = (start + bytes) & ~(kHugePageBytes - 1);
    if (last <= first)
        return;
    // Advice only: where it is refused (no transparent huge pages, an old
    // kernel), the buffer works the same on small pages.
    madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

}  // namespace atc::system
