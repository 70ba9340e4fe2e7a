#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The reliability checks (README.md, "Reliability"), all with clang:
#   1. build-asan: every test suite under AddressSanitizer (with LeakSanitizer)
#      and UndefinedBehaviorSanitizer;
#   2. the libFuzzer harnesses of tests/fuzz, ATC_FUZZ_SECONDS each (default 30),
#      side by side;
#   3. build-tsan: the suites labelled "concurrency" under ThreadSanitizer.
# Any sanitizer report, fuzzer crash or failed test fails the script.
# Usage: scripts/run-sanitizers.sh [asan|fuzz|tsan ...]   (default: all three)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/install-deps.sh"

fuzz_seconds="${ATC_FUZZ_SECONDS:-30}"
jobs="$(nproc)"
supp="$root/tests/sanitizers"
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Only leaks inside third-party libraries (fontconfig, Mesa, ...) are
# suppressed; each entry says why (tests/sanitizers/lsan.supp).
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp"

run_asan() {
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer: whole suite (build-asan)"
  cmake --preset asan
  # Only what the suites run (with the programs they start, their
  # dependencies): the app's and the benchmarks' own files are Release
  # matters, and compiling them again here costs CI minutes.
  local suites
  suites=$(cd build-asan && ctest -N -LE 'package|source' | awk '/Test +#/ {print $3}')
  # shellcheck disable=SC2086  # one target per word
  cmake --build build-asan -j"$jobs" --target $suites
  # The .deb test packages the Release build's layout, and the SPDX check
  # reads the sources: neither says more under a sanitizer, and both are left
  # to scripts/run-tests.sh.
  (cd build-asan && ctest --output-on-failure -j"$jobs" -LE 'package|source')
}

run_fuzz() {
  echo "== libFuzzer: ${fuzz_seconds} s per harness (build-asan)"
  if [ ! -d build-asan ]; then
    cmake --preset asan
  fi
  local harnesses=(price_csv params_json cache_codec)
  cmake --build build-asan -j"$jobs" --target "${harnesses[@]/#/fuzz_}"
  local pids=() failed=0
  for h in "${harnesses[@]}"; do
    local work="build-asan/fuzz-runs/$h"
    rm -rf "$work" && mkdir -p "$work/corpus"
    # New inputs go to the scratch corpus; the seeds in the repository are
    # only read. A crash is saved as $work/crash-* (or leak-*, timeout-*).
    "build-asan/tests/fuzz/fuzz_$h" -max_total_time="$fuzz_seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/" \
      "$work/corpus" "tests/fuzz/corpus/$h" >"$work/log.txt" 2>&1 &
    pids+=($!)
  done
  for i in "${!harnesses[@]}"; do
    local h="${harnesses[$i]}"
    if wait "${pids[$i]}"; then
      echo "fuzz_$h: $(grep -E '^stat::number_of_executed_units' "build-asan/fuzz-runs/$h/log.txt" |
        awk '{print $2}') inputs in ${fuzz_seconds} s, no crash"
    else
      failed=1
      echo "fuzz_$h FAILED; its log:"
      tail -n 60 "build-asan/fuzz-runs/$h/log.txt"
      for artifact in "build-asan/fuzz-runs/$h"/{crash,leak,timeout,oom}-*; do
        [ -e "$artifact" ] || continue
        echo "Saved input $artifact (base64), add it to tests/fuzz/regressions/$h/:"
        base64 "$artifact"
      done
    fi
  done
  return "$failed"
}

run_tsan() {
  echo "== ThreadSanitizer: the concurrency suites (build-tsan)"
  local tbb_dir
  tbb_dir="$("$root/scripts/build-onetbb-tsan.sh" build-tsan/onetbb)"
  cmake --preset tsan -DTBB_DIR="$tbb_dir"
  local suites
  suites=$(cd build-tsan && ctest -N -L concurrency | awk '/Test +#/ {print $3}')
  # shellcheck disable=SC2086  # one target per word
  cmake --build build-tsan -j"$jobs" --target $suites
  (cd build-tsan && ctest --output-on-failure -j"$jobs" -L concurrency)
}

steps=("$@")
if [ ${#steps[@]} -eq 0 ]; then steps=(asan fuzz tsan); fi
for step in "${steps[@]}"; do
  case "$step" in
    asan) run_asan ;;
    fuzz) run_fuzz ;;
    tsan) run_tsan ;;
    *) echo "unknown step '$step' (asan, fuzz or tsan)" >&2; exit 2 ;;
  esac
done
