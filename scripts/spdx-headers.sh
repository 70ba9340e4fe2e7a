#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The license line at the top of every source file of the project:
#   // SPDX-License-Identifier: GPL-3.0-or-later   (C++ and CUDA: line 1)
#   # SPDX-License-Identifier: GPL-3.0-or-later    (CMake: line 1; shell and
#                                                    Python: after the #! line)
# Usage: spdx-headers.sh          add the line where it is missing (idempotent)
#        spdx-headers.sh --check  list the files without it; exit 1 if any
# ctest runs --check (test spdx_headers), so a new file without the line fails.
# The files: git's tracked and untracked-but-not-ignored files (so a new file
# counts before it is committed); outside a git checkout (a source tarball),
# every file but the build folders.
set -euo pipefail

readonly kIdentifier="SPDX-License-Identifier: GPL-3.0-or-later"
root=$(cd "$(dirname "$0")/.." && pwd)
mode=add
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

list_files() {
    if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git -C "$root" ls-files --cached --others --exclude-standard
    else
        (cd "$root" && find . -type d \( -name .git -o -name 'build*' -o -name .cache \) -prune -o \
             -type f -print | sed 's|^\./||')
    fi
}

# The source files: C++ and CUDA take "//", CMake, shell and Python "#".
source_files() {
    grep -E '\.(cpp|hpp|cu|cuh|cmake|sh|py)$|(^|/)CMakeLists\.txt$|^\.ci/run$'
}

# Prints the files (relative to the root) whose identifier line is missing: it
# belongs on line 1, or on line 2 after a #! line. One awk for all the files,
# reading two lines of each.
files_without_line() {
    (cd "$root" && xargs -r -d '\n' awk -v id="$kIdentifier" '
        function comment(name) { return name ~ /\.(cpp|hpp|cu|cuh)$/ ? "//" : "#" }
        function settle() { if (pending != "") print pending; pending = "" }
        FNR == 1 {
            settle()
            pending = FILENAME
            want = /^#!/ ? 2 : 1
        }
        FNR == want {
            if ($0 == comment(FILENAME) " " id) pending = ""
            settle()
            nextfile
        }
        END { settle() }')
}

mapfile -t missing < <(list_files | source_files | while IFS= read -r f; do
    [[ -f $root/$f ]] && echo "$f"  # skip files deleted but still in the index
done | LC_ALL=C sort | files_without_line)

if [[ $mode == add ]]; then
    for file in "${missing[@]}"; do
        path=$root/$file
        case $file in
            *.cpp | *.hpp | *.cu | *.cuh) line="// $kIdentifier" ;;
            *) line="# $kIdentifier" ;;
        esac
        # sed -i keeps the file's mode (scripts stay executable).
        if [[ $(head -c 2 "$path") == "#!" ]]; then
            sed -i "1a $line" "$path"
        else
            sed -i "1i $line" "$path"
        fi
        echo "added: $file"
    done
    exit 0
fi

if [[ ${#missing[@]} -gt 0 ]]; then
    printf '%s\n' "${missing[@]}"
    echo "spdx-headers: ${#missing[@]} file(s) without the line '$kIdentifier' at the top;" \
         "scripts/spdx-headers.sh adds it" >&2
    exit 1
fi
