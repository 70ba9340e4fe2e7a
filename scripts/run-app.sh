#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs, builds and opens ATC Studio. On first start the symbol database
# (~/.local/share/atc-studio/atc-studio.sqlite) is loaded with the bundled
# sample data and the first real series is drawn. Extra arguments go to the
# app (atc-studio --help lists them, e.g. --db PATH, --symbol NAME).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
app="$root/build/app/studio/atc-studio"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "run-app.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset): atc-studio is a" >&2
    echo "desktop application. On a machine without a desktop, try it under a virtual" >&2
    echo "display:  xvfb-run -a -s '-screen 0 1600x1000x24' $app" >&2
    exit 1
fi
exec "$app" "$@"
