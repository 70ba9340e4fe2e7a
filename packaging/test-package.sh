#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The package test (ctest -L package): builds the Debian package with cpack
# into a temporary folder, unpacks it with dpkg -x into a temporary root and
# checks what it installed: the control fields, the files (with Debian's
# copyright and changelogs), that the packaged programs run from there (compute
# on the installed sample data; the database goes to
# $HOME/.local/share/atc-studio/; atc, which links no Qt, finds its report
# renderer for a PDF), that the desktop entry and the AppStream metadata
# validate without a single remark, and that lintian finds no error.
# Usage: test-package.sh BUILD_DIR VERSION DEBIAN_VERSION [CPACK]
#   VERSION is the project's (x.y.z), DEBIAN_VERSION the package's (x.y.z-1).
set -euo pipefail

build=$(cd "$1" && pwd)
version=$2
debian_version=$3
cpack=${4:-cpack}

fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
step() { echo "== [${SECONDS}s] $*"; }
trap 'echo "test-package: FAIL at line $LINENO: $BASH_COMMAND" >&2' ERR

for tool in "$cpack" dpkg-deb dpkg-shlibdeps dpkg-parsechangelog readelf desktop-file-validate \
            appstreamcli rsvg-convert file; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/atc-package-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- build the package --------------------------------------------------------
step "cpack -G DEB (from $build into a temporary folder)"
if ! (cd "$build" && "$cpack" -G DEB -B "$tmp/out") >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log" >&2
    # cpack builds what is out of date first; show why that failed.
    find "$tmp/out" -name PreinstallOutput.log -exec tail -n 40 {} + >&2 2>/dev/null || true
    fail "cpack failed"
fi
debs=("$tmp"/out/atc-studio_*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "expected one atc-studio_*.deb, found: ${debs[*]}"
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

# --- control fields -------------------------------------------------------------
step "control fields"
dpkg-deb -f "$deb"
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == atc-studio ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$debian_version" && $debian_version == "$version"-* ]] ||
    fail "Version is '$(field Version)', expected $debian_version (the project's $version and a revision)"
[[ $(field Maintainer) == *"<"*"@"*".invalid>" ]] ||
    fail "Maintainer '$(field Maintainer)' is not the project's reserved .invalid address"
[[ -n $(field Maintainer) && -n $(field Description) && -n $(field Section) ]] ||
    fail "Maintainer, Description or Section is empty"
depends=$(field Depends)
depends_names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/^ *//; s/[ (].*//')
# From dpkg-shlibdeps, and the Qt platform plugins, tz database and CA
# certificates it cannot see.
for dep in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libtbb12 \
           libsqlite3-0 libdate-tz3 libcurl4 qt6-qpa-plugins tzdata ca-certificates; do
    grep -qxF "$dep" <<<"$depends_names" || fail "Depends lacks $dep: $depends"
done

# --- files ----------------------------------------------------------------------
step "unpack (dpkg -x) and check the files"
root=$tmp/root
dpkg -x "$deb" "$root"
usr=$root/usr
desktop=$usr/share/applications/atc-studio.desktop
icon=$usr/share/icons/hicolor/scalable/apps/atc-studio.svg
metainfo=$usr/share/metainfo/io.github.atcstudio.AtcStudio.metainfo.xml
sample=$usr/share/atc-studio/sample
renderer=$usr/libexec/atc-studio/atc-report-render
doc=$usr/share/doc/atc-studio
for f in "$usr/bin/atc" "$usr/bin/atc-studio" "$renderer" "$desktop" "$icon" "$metainfo" \
         "$sample/README.md" "$doc/README.md" "$doc/copyright" "$doc/changelog.Debian.gz" \
         "$doc/changelog.gz"; do
    [[ -f $f ]] || fail "the package has no ${f#"$root"}"
done
for name in DAX SMI CAC FTSE TTRC; do
    [[ -f $sample/$name.csv ]] || fail "the package has no ${sample#"$root"}/$name.csv"
done
for exe in "$usr/bin/atc" "$usr/bin/atc-studio" "$renderer"; do
    [[ -x $exe ]] || fail "${exe#"$root"} is not executable"
    if readelf -d "$exe" | grep -Eq 'RPATH|RUNPATH'; then
        fail "${exe#"$root"} still has a build-tree RPATH: $(readelf -d "$exe" | grep -E 'RPATH|RUNPATH')"
    fi
    if ldd "$exe" | grep -q 'not found'; then
        fail "${exe#"$root"} misses libraries: $(ldd "$exe" | grep 'not found')"
    fi
done
dpkg-deb -c "$deb" | awk '$NF !~ /\/$/ { print "  " $NF }'
unexpected=$(cd "$root" && find . -type f | grep -Ev '^\./usr/(bin|libexec/atc-studio|share/(applications|icons|metainfo|atc-studio|doc/atc-studio))/' || true)
[[ -z $unexpected ]] || fail "unexpected files in the package: $unexpected"

step "copyright (DEP-5) and changelogs"
# Machine-readable: the format line, the project's license for every file, and
# a stanza with origin and license for each bundled sample data set.
[[ $(head -n 1 "$doc/copyright") == "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ]] ||
    fail "copyright is not DEP-5: $(head -n 1 "$doc/copyright")"
awk -v RS= '/^Files: \*\n/ && /\nLicense: GPL-3\.0\+(\n|$)/ { found = 1 } END { exit !found }' \
    "$doc/copyright" || fail "copyright has no 'Files: *' stanza with License: GPL-3.0+"
for data in 'EuStockMarkets.*\n(.*\n)*.*Erste Bank' 'ttrc data set of R.s TTR package'; do
    grep -Pzq "$data" "$doc/copyright" || fail "copyright does not describe the sample data ($data)"
done
for name in DAX SMI CAC FTSE TTRC; do
    grep -q "resources/sample/$name.csv" "$doc/copyright" || fail "copyright has no Files: for $name.csv"
done
# gzip -9n: no file name or time stamp in the header (reproducible builds).
for gz in "$doc/changelog.Debian.gz" "$doc/changelog.gz"; do
    gzip -t "$gz" || fail "${gz#"$root"} is not gzip"
    [[ $(od -An -tx1 -j3 -N5 "$gz" | tr -d ' ') == 0000000000 ]] ||
        fail "${gz#"$root"} carries a name or time stamp (not gzip -n)"
done
changelog_version=$(zcat "$doc/changelog.Debian.gz" | dpkg-parsechangelog -l- -SVersion)
[[ $changelog_version == "$debian_version" ]] ||
    fail "changelog.Debian.gz's newest entry is $changelog_version, the package's $debian_version"
zcat "$doc/changelog.gz" | grep -q "^## \[$version\] - " ||
    fail "changelog.gz (CHANGELOG.md) has no entry for $version"

# --- the packaged programs, run from the unpacked root ----------------------------
# A clean user: HOME in the temporary folder, no XDG overrides, no ATC_DB, and a
# working directory with nothing in it, so nothing can come from the source tree.
home=$tmp/home
mkdir -p "$home" "$tmp/cwd"
mkdir -m 700 "$tmp/runtime"
cd "$tmp/cwd"
as_user() {
    env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u ATC_DB \
        HOME="$home" XDG_RUNTIME_DIR="$tmp/runtime" QT_QPA_PLATFORM=offscreen "$@"
}

step "atc --version"
v=$(as_user "$usr/bin/atc" --version)
echo "$v"
grep -qF "$version" <<<"$v" || fail "atc --version does not name $version"

step "atc compute on the installed DAX.csv"
out=$tmp/out.csv
as_user "$usr/bin/atc" compute --csv "$sample/DAX.csv" --out "$out"
expected_header=bar,EMA_Signal,HMA_Signal,WMA_Signal,DEMA_Signal,LSMA_Signal,KAMA_Signal,EMA_S,HMA_S,WMA_S,DEMA_S,LSMA_S,KAMA_S,Average_Signal
[[ $(head -n 1 "$out") == "$expected_header" ]] || fail "unexpected header: $(head -n 1 "$out")"
bars=$(( $(wc -l <"$sample/DAX.csv") - 1 ))
rows=$(( $(wc -l <"$out") - 1 ))
[[ $rows -eq $bars ]] || fail "$rows signal rows for $bars bars"
awk -F, 'END { if (NF != 14 || $14 == "" || $14 < -1 || $14 > 1) exit 1 }' "$out" ||
    fail "the last row has no Average_Signal in [-1, 1]: $(tail -n 1 "$out")"
echo "$rows rows, header ok"

step "atc list: the database goes to \$HOME/.local/share/atc-studio/"
db=$home/.local/share/atc-studio/atc-studio.sqlite
as_user "$usr/bin/atc" list >"$tmp/list.txt"
[[ -s $db ]] || fail "no database at $db; \$HOME has: $(cd "$home" && find . -type f)"
for name in DAX SMI CAC FTSE TTRC; do
    grep -Eq "^$name( |$)" "$tmp/list.txt" || fail "atc list does not show the bundled $name"
done
echo "$(wc -l <"$tmp/list.txt") lines listed, database at ~${db#"$home"}"

step "atc report: atc finds its report renderer in the unpacked tree"
# atc links no Qt; the reports run in atc-report-render, found relative to atc.
if readelf -d "$usr/bin/atc" | grep -q 'NEEDED.*libQt'; then
    fail "atc links Qt: $(readelf -d "$usr/bin/atc" | grep 'NEEDED.*libQt')"
fi
as_user "$usr/bin/atc" report --symbol DAX --out "$tmp/DAX.pdf"
[[ $(head -c 5 "$tmp/DAX.pdf") == %PDF- ]] || fail "atc report wrote no PDF"
echo "DAX.pdf: $(stat -c %s "$tmp/DAX.pdf") bytes"

step "atc-studio --version and a first draw (offscreen)"
v=$(as_user "$usr/bin/atc-studio" --version)
grep -qF "$version" <<<"$v" || fail "atc-studio --version does not name $version: $v"
as_user timeout 60 "$usr/bin/atc-studio" --quit-after-first-draw | tee "$tmp/studio.txt"
grep -q 'first chart drawn' "$tmp/studio.txt" || fail "atc-studio did not draw a chart"

stray=$(find "$root" "$tmp/cwd" -name '*.sqlite*' -o -name '*.ini' | head -n 5)
[[ -z $stray ]] || fail "files written next to the programs or into the working directory: $stray"

# --- desktop entry, icon, AppStream ----------------------------------------------
step "desktop-file-validate"
remarks=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $remarks"
[[ -z $remarks ]] || fail "desktop-file-validate has remarks: $remarks"
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
icon_name=$(sed -n 's/^Icon=//p' "$desktop")
[[ -x $usr/bin/$exec_name ]] || fail "Exec=$exec_name is not an installed program"
[[ $icon_name == "$(basename "$icon" .svg)" ]] || fail "Icon=$icon_name but the icon is $(basename "$icon")"

step "icon renders"
rsvg-convert -w 48 -h 48 "$icon" -o "$tmp/icon.png"
file "$tmp/icon.png" | grep -q 'PNG image data, 48 x 48' || fail "the icon does not render: $(file "$tmp/icon.png")"

step "appstreamcli validate --no-net"
# Errors, warnings and infos fail the test; pedantic hints (P:) do not.
remarks=$(appstreamcli validate --no-net "$metainfo" 2>&1) || fail "appstreamcli validate: $remarks"
echo "$remarks"
! grep -Eq '^[EWI]:' <<<"$remarks" || fail "appstreamcli validate has remarks"
remarks=$(appstreamcli validate-tree --no-net "$root" 2>&1) || fail "appstreamcli validate-tree: $remarks"
! grep -Eq '^[EWI]:' <<<"$remarks" || fail "appstreamcli validate-tree has remarks: $remarks"
launchable=$(sed -n 's:.*<launchable type="desktop-id">\(.*\)</launchable>.*:\1:p' "$metainfo")
[[ $launchable == "$(basename "$desktop")" ]] || fail "launchable '$launchable' is not the desktop entry"
release=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
[[ $release == "$version" ]] ||
    fail "the newest <release> in the metainfo is '$release', the project version $version: add a release entry"

step "lintian"
# Errors (E:) fail the test; warnings are listed (packaging/README.md says
# which remain and why). Without lintian the step is skipped, loudly.
if command -v lintian >/dev/null; then
    # Exit status 1 is "found errors", 2 and above that lintian itself failed.
    lintian_status=0
    lintian_out=$(lintian --tag-display-limit 0 "$deb" 2>&1) || lintian_status=$?
    [[ -z $lintian_out ]] || echo "$lintian_out"
    [[ $lintian_status -le 1 ]] || fail "lintian could not check the package (exit $lintian_status)"
    ! grep -q '^E: ' <<<"$lintian_out" || fail "lintian reports errors"
else
    echo "test-package: SKIP lintian: not installed (scripts/install-deps.sh installs it)"
fi

step "package ok: $(basename "$deb")"
