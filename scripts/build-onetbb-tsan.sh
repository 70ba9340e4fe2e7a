#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds oneTBB with ThreadSanitizer into DIR/install, for build-tsan.
#
# Debian's libtbb.so is not instrumented: the synchronisation inside it (how
# its workers hand tasks over and how its small-object pool hands memory back)
# is invisible to ThreadSanitizer, which then reports races in oneTBB's own
# header code on every parallel_for. An instrumented runtime of exactly the
# installed version (same headers) removes them without suppressing anything.
# The source comes from Debian's archive through apt-get, which checks it
# against the signed Release files. About a minute on 2 cores; skipped when
# DIR already holds this version.
# Usage: scripts/build-onetbb-tsan.sh DIR   (prints DIR/install/lib/cmake/TBB)
set -euo pipefail
dir="$(mkdir -p "$1" && cd "$1" && pwd)"
version="$(dpkg-query -W -f='${source:Version}' libtbb-dev)"
stamp="$dir/install/version"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then
  echo "$dir/install/lib/cmake/TBB"
  exit 0
fi

# A private apt state with the system's sources turned into source entries,
# so the machine's own apt configuration is left as it is.
apt_dir="$dir/apt"
rm -rf "$apt_dir" "$dir/src" "$dir/build" "$dir/install"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/parts" "$apt_dir/cache/archives/partial" "$dir/src"
for f in /etc/apt/sources.list.d/*.sources; do
  [ -e "$f" ] || continue
  sed 's/^Types:.*/Types: deb-src/' "$f" >"$apt_dir/parts/$(basename "$f")"
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [ -e "$f" ] || continue
  sed -n 's/^deb /deb-src /p' "$f" >>"$apt_dir/parts/from-lists.list"
done
apt_options=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/parts"
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache")
apt-get "${apt_options[@]}" update -qq >&2
(cd "$dir/src" && apt-get "${apt_options[@]}" source --download-only -qq "onetbb=$version" >&2)
tar -C "$dir/src" -xf "$dir/src"/onetbb_*.orig.tar.*
source_dir="$(find "$dir/src" -mindepth 1 -maxdepth 1 -type d -name 'oneTBB*' | head -n1)"

cmake -S "$source_dir" -B "$dir/build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTBB_SANITIZE=thread -DTBB_TEST=OFF -DTBBMALLOC_BUILD=OFF \
  -DTBB_STRICT=OFF -DTBB_DISABLE_HWLOC_AUTOMATIC_SEARCH=ON \
  -DCMAKE_INSTALL_PREFIX="$dir/install" >&2
cmake --build "$dir/build" -j"$(nproc)" >&2
cmake --install "$dir/build" >&2
echo "$version" >"$stamp"
echo "$dir/install/lib/cmake/TBB"
