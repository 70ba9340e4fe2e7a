#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates resources/sample/ from the real market data sets in ../shared/data/
# (R's EuStockMarkets and TTR's ttrc; see resources/sample/README.md).
# EuStockMarkets is split into one file per index; its time column is kept as R
# gives it (fractional years), since the data set carries no calendar dates.
set -euo pipefail
src=${1:-"$(dirname "$0")/../../shared/data"}
dst="$(dirname "$0")/../resources/sample"
mkdir -p "$dst"
for col in 3:DAX 4:SMI 5:CAC 6:FTSE; do
  idx=${col%%:*}; name=${col##*:}
  awk -F, -v c="$idx" 'NR==1 {print "year,close"; next} {print $2 "," $c}' \
    "$src/eustockmarkets.csv" > "$dst/$name.csv"
done
cp "$src/ttrc.csv" "$dst/TTRC.csv"
