# SPDX-License-Identifier: GPL-3.0-or-later
# Sanitizer and fuzzing builds (README.md, "Reliability"; CMakePresets.json).
#
#   ATC_SANITIZE=address,undefined   AddressSanitizer (with LeakSanitizer) and
#                                    UndefinedBehaviorSanitizer on every target
#   ATC_SANITIZE=thread              ThreadSanitizer on every target
#   ATC_FUZZ=ON                      the libFuzzer harnesses of tests/fuzz (clang)
#
# The flags go on every C++ target of the project, tests included, so a report
# points into our code wherever it happens. CUDA sources are not instrumented:
# the sanitizer presets build without the CUDA backend.
set(ATC_SANITIZE "" CACHE STRING
    "Sanitizers for every target: empty, 'address,undefined' or 'thread'")
set_property(CACHE ATC_SANITIZE PROPERTY STRINGS "" "address,undefined" "thread")
option(ATC_FUZZ "Build the libFuzzer harnesses in tests/fuzz (needs clang)" OFF)

if(ATC_SANITIZE)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        message(FATAL_ERROR "ATC_SANITIZE needs GCC or Clang, not ${CMAKE_CXX_COMPILER_ID}")
    endif()
    if(ATC_SANITIZE MATCHES "thread" AND ATC_SANITIZE MATCHES "address")
        message(FATAL_ERROR "ATC_SANITIZE: ThreadSanitizer cannot be combined with "
                            "AddressSanitizer; build them in separate trees")
    endif()
    set(_atc_sanitize_flags -fsanitize=${ATC_SANITIZE} -fno-omit-frame-pointer)
    if(ATC_SANITIZE MATCHES "undefined")
        # Every UB report fails the test that caused it instead of scrolling by.
        list(APPEND _atc_sanitize_flags -fno-sanitize-recover=undefined)
        if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
            # Casting an out-of-range double to an integer is UB that GCC's
            # -fsanitize=undefined does not check by default.
            list(APPEND _atc_sanitize_flags -fsanitize=float-cast-overflow)
        endif()
    endif()
    add_compile_options("$<$<COMPILE_LANGUAGE:CXX>:${_atc_sanitize_flags}>")
    add_link_options(${_atc_sanitize_flags})
    # The latency tests widen their bounds by a stated factor under
    # instrumentation (tests/ui/event_loop_probe.hpp).
    add_compile_definitions(ATC_SANITIZED=1)
    message(STATUS "Sanitizers: ${ATC_SANITIZE}")
endif()

if(ATC_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "ATC_FUZZ needs clang (libFuzzer): "
                            "configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    if(NOT ATC_SANITIZE MATCHES "address")
        message(FATAL_ERROR "ATC_FUZZ needs ATC_SANITIZE=address,undefined: a fuzzer "
                            "without AddressSanitizer misses most memory errors")
    endif()
    message(STATUS "Fuzzing harnesses: tests/fuzz")
endif()
