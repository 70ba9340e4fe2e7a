# SPDX-License-Identifier: GPL-3.0-or-later
# Unity builds for the libraries with many small files: CMake compiles them in
# batches of 8 (one translation unit includes eight .cpp files), so the
# precompiled Qt headers are loaded and the templates shared by a batch are
# instantiated once per batch instead of once per file. Measured on ui/charts
# (30 files, g++ -O3 with the PCH): 107 s of CPU as separate files, 35 s in
# four batches. CI compiles everything twice (Release and AddressSanitizer).
#
# It asks one thing of the code: names at file scope (an anonymous namespace's
# constants and helpers) must not clash within a batch. A clash is a compile
# error, never a silent change, so ATC_UNITY_BUILD=OFF is only needed to check
# that each file includes what it uses.
option(ATC_UNITY_BUILD "Compile the libraries' files in batches (unity build)" ON)

function(atc_unity_build target)
    if(ATC_UNITY_BUILD)
        set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_MODE BATCH
                                                   UNITY_BUILD_BATCH_SIZE 8)
    endif()
endfunction()
