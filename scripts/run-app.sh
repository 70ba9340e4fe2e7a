#!/usr/bin/env bash
# Installs, builds and runs ATC Studio on the bundled sample data.
# Until the desktop app lands this runs the scanner of the command line tool.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
exec "$root/build/app/atc/atc" scan --csv-dir "$root/resources/sample"
