#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs, builds and runs every test suite with ctest (Release), then the
# reliability checks: the whole suite under AddressSanitizer and UBSan, the
# fuzzers for a bounded time, the concurrency suites under ThreadSanitizer
# (scripts/run-sanitizers.sh). ATC_SKIP_SANITIZERS=1 stops after the first part.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
(cd "$root/build" && ctest --output-on-failure -j"$(nproc)")
if [ "${ATC_SKIP_SANITIZERS:-0}" != 1 ]; then
  "$root/scripts/run-sanitizers.sh"
fi
