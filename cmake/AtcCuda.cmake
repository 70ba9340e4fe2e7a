# SPDX-License-Identifier: GPL-3.0-or-later
# The CUDA backend (gpu/) is built when ATC_WITH_CUDA is ON (the default) and a
# CUDA compiler is found; without one the project still configures and builds,
# and the backend reports "built without the CUDA backend". Sets
# ATC_CUDA_ENABLED and, when it is ON, enables the CUDA language and finds
# CUDA::cudart_static. Include it from the top-level CMakeLists.txt (CUDA must
# be enabled at the top).
option(ATC_WITH_CUDA "Build the CUDA backend (gpu/) when a CUDA compiler is found" ON)
set(ATC_CUDA_ENABLED OFF)
set(_atc_cuda_why "ATC_WITH_CUDA is OFF")

if(ATC_WITH_CUDA)
    include(CheckLanguage)
    if(DEFINED CMAKE_CUDA_COMPILER AND CMAKE_CUDA_COMPILER AND NOT EXISTS "${CMAKE_CUDA_COMPILER}")
        # A compiler named on the command line that is not there: say so and
        # build without CUDA rather than fail in enable_language.
        set(_atc_cuda_why "CMAKE_CUDA_COMPILER ${CMAKE_CUDA_COMPILER} does not exist")
    else()
        # nvcc lives in /usr/local/cuda/bin on our machines, often not on PATH.
        if(NOT DEFINED CMAKE_CUDA_COMPILER AND "$ENV{CUDACXX}" STREQUAL ""
           AND EXISTS /usr/local/cuda/bin/nvcc)
            set(ENV{CUDACXX} /usr/local/cuda/bin/nvcc)
        endif()
        check_language(CUDA)
        if(CMAKE_CUDA_COMPILER)
            # Machine code for sm_80 (A100; it also runs on the other 8.x GPUs)
            # and sm_90 (H100/H200), plus sm_90's PTX so that newer GPUs run it
            # after a one-time JIT compilation. Each architecture adds about a
            # second of compile time. `native` fails on machines without a GPU
            # (CI), so the list is fixed; override with -DCMAKE_CUDA_ARCHITECTURES=.
            if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
                set(CMAKE_CUDA_ARCHITECTURES "80-real;90")
            endif()
            enable_language(CUDA)
            # CMake 3.25 does not know nvcc's C++20 flag.
            if(NOT DEFINED CMAKE_CUDA20_STANDARD_COMPILE_OPTION)
                set(CMAKE_CUDA20_STANDARD_COMPILE_OPTION "-std=c++20")
                set(CMAKE_CUDA20_EXTENSION_COMPILE_OPTION "-std=c++20")
            endif()
            # Statically linked: the programs run where no CUDA is installed
            # (and report "no NVIDIA driver" there).
            set(CMAKE_CUDA_RUNTIME_LIBRARY Static)
            find_package(CUDAToolkit)
            if(CUDAToolkit_FOUND AND TARGET CUDA::cudart_static)
                set(ATC_CUDA_ENABLED ON)
            else()
                set(_atc_cuda_why "the CUDA runtime (cudart_static) was not found")
            endif()
        else()
            set(_atc_cuda_why "no CUDA compiler found")
        endif()
    endif()
endif()

if(ATC_CUDA_ENABLED)
    message(STATUS "CUDA backend: on (${CMAKE_CUDA_COMPILER}, CUDA ${CMAKE_CUDA_COMPILER_VERSION}, architectures ${CMAKE_CUDA_ARCHITECTURES})")
else()
    message(STATUS "CUDA backend: off (${_atc_cuda_why})")
endif()
