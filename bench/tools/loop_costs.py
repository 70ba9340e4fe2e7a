#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Instructions and cycles of a function's hot loops, side by side.

docs/PERFORMANCE.md ("Issue 23, round 3") uses it to show that each loop of
the symbol-lane pass takes the share of the cycles that its share of the
instructions predicts. Inputs:

  valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file=cg.out \
      build/bench/atc-bench --case scan-500x2000 --runs 1 --threads 1
  perf record -o perf.data -F 5000 build/bench/atc-bench --case scan-500x2000 --runs 31 --threads 1
  perf script -i perf.data -F ip,sym | grep run_scan_group | awk '{print $1}' > ips.txt
  perf script -i perf.data --show-mmap-events | grep -m1 'r-xp .*atc-bench'
      # load base = the mapping's start - (its file offset + the text segment's
      # vaddr - offset, from readelf -lW)

  bench/tools/loop_costs.py cg.out 'run_avx2<atc::detail::run_scan_group' ips.txt BASE 500000

The last argument divides the instruction counts: 500000 group-bars (two
scans of 125 groups x 2,000 bars) gives instructions per group-bar.
"""
import collections
import re
import sys


def self_counts(path, pattern):
    """Self instruction count per address of the functions matching pattern."""
    counts = collections.Counter()
    names = {}
    matching = False
    addr = line = 0
    skip_next = False

    def position(tok, prev):
        if tok == "*":
            return prev
        if tok.startswith(("+", "-")):
            return prev + int(tok, 0)
        return int(tok, 0)

    for raw in open(path):
        raw = raw.rstrip("\n")
        if not raw:
            continue
        m = re.match(r"c?fn=\((\d+)\)(?: (.*))?", raw)
        if m:
            if m.group(2):
                names[m.group(1)] = m.group(2)
            if raw.startswith("fn="):
                matching = re.search(pattern, names.get(m.group(1), "")) is not None
            continue
        if raw.startswith("calls="):
            skip_next = True  # the next line is the call's inclusive cost
            continue
        if raw[0].isdigit() or raw[0] in "+-*":
            toks = raw.split()
            addr, line = position(toks[0], addr), position(toks[1], line)
            if skip_next:
                skip_next = False
            elif matching and len(toks) > 2:
                counts[addr] += int(toks[2])
    return counts


def hot_loops(counts, floor=100000):
    """Runs of neighbouring instructions executed about equally often."""
    loops, cur = [], None
    for a, c in sorted(counts.items()):
        hot = c >= floor
        if cur and hot and a - cur["end"] < 40 and abs(c - cur["typ"]) < cur["typ"] * 0.5:
            cur["end"] = a
            cur["n"] += 1
            cur["sum"] += c
        else:
            if cur:
                loops.append(cur)
            cur = {"start": a, "end": a, "n": 1, "sum": c, "typ": c} if hot else None
    if cur:
        loops.append(cur)
    return loops


def main():
    cg_path, pattern, ips_path, base, per = sys.argv[1:6]
    counts = self_counts(cg_path, pattern)
    ips = [int(l, 16) - int(base, 16) for l in open(ips_path) if l.strip()]
    total_instr = sum(counts.values())
    print("instructions per unit in the function: %d" % (total_instr / float(per)))
    for loop in hot_loops(counts):
        samples = sum(1 for ip in ips if loop["start"] <= ip <= loop["end"] + 8)
        si = loop["sum"] / total_instr
        ss = samples / len(ips) if ips else 0
        print("%s %4d instr/unit %5.1f%% of instructions %5.1f%% of cycles  ratio %.2f"
              % (hex(loop["start"]), loop["sum"] / float(per), 100 * si, 100 * ss,
                 si / ss if ss else 0))


if __name__ == "__main__":
    main()
