// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz harnesses' checks. A violated property aborts, which libFuzzer
// reports as a crash and saves the input that caused it (tests/fuzz/README.md).
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_REQUIRE(condition, what)                                                         \
    do {                                                                                      \
        if (!(condition)) {                                                                   \
            std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, what); \
            std::abort();                                                                     \
        }                                                                                     \
    } while (false)
