#!/usr/bin/env bash
# Set up tollwatch with its test dependencies and run the whole test suite.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
cd "$root"
python -m pytest "$@"
