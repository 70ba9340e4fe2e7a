# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings for the project's own targets: atc_enable_warnings(<target>).
# Third-party headers (Qt, oneTBB) come in as system includes and stay quiet.
function(atc_enable_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
            -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wdouble-promotion)
    endif()
endfunction()
