#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Packs what gpu/device/check.sh runs on a lent GPU machine: the Release
# build's test_gpu_backend and atc-gpu-bench (sm_90 code inside) and the shared
# libraries they need beyond glibc, into .devcarry/ (ignored by git). The GPU
# machines of this workplace have the CUDA driver but neither Qt nor oneTBB,
# and cannot install packages, so the binaries are built here and carried.
# Usage: gpu/device/pack.sh [build-dir]   (then: device run, carry .devcarry)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"
out="$root/.devcarry"
rm -rf "$out" && mkdir -p "$out/bin" "$out/lib"
grep -qx '/.devcarry/' "$root/.git/info/exclude" 2>/dev/null ||
    echo '/.devcarry/' >>"$(git -C "$root" rev-parse --git-common-dir)/info/exclude"
bins=("$build/tests/test_gpu_backend" "$build/gpu/atc-gpu-bench")
cp "${bins[@]}" "$out/bin/"
# Every library ldd resolves, except the C library's own (the device's glibc
# is newer and must be the one used).
ldd "${bins[@]}" | awk '/=> \//{print $3}' | sort -u |
    grep -Ev '/(libc|libm|libpthread|libdl|librt|ld-linux[^/]*)\.so' |
    xargs -I{} cp -L {} "$out/lib/"
tar -C "$out" -cJf "$out/libs.tar.xz" lib && rm -rf "$out/lib"
du -sh "$out"/*
