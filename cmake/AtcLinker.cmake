# SPDX-License-Identifier: GPL-3.0-or-later
# The linker: lld where the compiler can use it. GNU ld took ~2.5 s per test
# executable against lld's 0.6 s (test_charts, Release), and CI links about
# sixty executables in each of its builds (Release, ASan with debug info,
# TSan). ATC_LLD=OFF keeps the compiler's default linker.
option(ATC_LLD "Link with lld when the compiler accepts -fuse-ld=lld" ON)
if(ATC_LLD)
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-fuse-ld=lld" ATC_HAS_LLD)
    if(ATC_HAS_LLD)
        # Only where the C++ driver links: nvcc would not take the flag.
        add_link_options("$<$<LINK_LANGUAGE:CXX>:-fuse-ld=lld>")
    endif()
endif()
