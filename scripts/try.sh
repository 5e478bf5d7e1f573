#!/usr/bin/env bash
# Set up tollwatch and extract the claims of the example report that ships with it.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
example="$root/src/tollwatch/examples/balochistan-restated.txt"
tollwatch extract --published 2026-02-01 "$example" "$@"
