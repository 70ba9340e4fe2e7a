#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs on the lent GPU machine (the device tool, from the repository root, with
# .devcarry carried; see pack.sh): the device, test_gpu_backend against the
# CPU, then atc-gpu-bench with its calibration. Everything goes to $OUT too.
set -uo pipefail
out="${OUT:-/tmp/out}"
mkdir -p "$out" /tmp/atc-libs
tar -C /tmp/atc-libs -xJf .devcarry/libs.tar.xz
export LD_LIBRARY_PATH=/tmp/atc-libs/lib QT_QPA_PLATFORM=offscreen
# The tests find the golden cases at the path they were built with.
mkdir -p /work && [ -e /work/main ] || ln -s "$PWD" /work/main
nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm \
    --format=csv 2>&1 | tee "$out/device.txt"
nproc | tee -a "$out/device.txt"
echo "== test_gpu_backend"
timeout 240 .devcarry/bin/test_gpu_backend 2>&1 | tee "$out/test_gpu_backend.txt" | tail -25
echo "== atc-gpu-bench"
timeout 240 .devcarry/bin/atc-gpu-bench --runs 11 "$@" 2>&1 | tee "$out/bench.txt"
