#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages ATC Studio needs to build, test and run
# (dpkg-dev ... librsvg2-bin: building and checking the Debian package).
# Safe to run repeatedly; skips apt entirely when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  lld  # the linker (cmake/AtcLinker.cmake): a quarter of GNU ld's time per test
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-qpa-plugins
  libtbb-dev libsqlite3-dev
  # Reading price files: IANA time zones over the system tz database, and
  # correctly rounded number parsing.
  libhowardhinnant-date-dev tzdata libfast-float-dev
  # Market data over HTTPS (libcurl, with the system's CA certificates) and
  # the exchanges' JSON.
  libcurl4-openssl-dev ca-certificates nlohmann-json3-dev
  fonts-dejavu-core
  xvfb xauth imagemagick
  dpkg-dev file desktop-file-utils appstream librsvg2-bin
  lintian  # the package test checks the .deb against Debian policy
  poppler-utils  # pdftotext, pdftoppm: the report tests read the PDFs back
  # The sanitizer and fuzzing builds (scripts/run-sanitizers.sh): clang, its
  # sanitizer and libFuzzer runtimes, llvm-symbolizer for readable stacks.
  clang libclang-rt-14-dev llvm
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "Installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
