#!/usr/bin/env bash
# Installs, builds and runs ATC Studio on the bundled sample data.
# Until the desktop app lands this runs the command line scanner over the symbol
# database, which is loaded with the bundled sample data on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
exec "$root/build/app/atc/atc" scan --top 20
