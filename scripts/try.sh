#!/usr/bin/env bash
# Set up tollwatch, extract the claims of the example report, then ingest three example
# reports of the same operation into a SQLite file and list the events reconciled from them.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
examples="$root/src/tollwatch/examples"
db="${TOLLWATCH_DB:-$root/tollwatch-example.db}"
tollwatch extract --published 2026-02-01 "$examples/balochistan-restated.txt" "$@"
echo
tollwatch ingest --db "$db" --no-reconcile --published 2026-02-01 "$examples/balochistan-restated.txt"
tollwatch ingest --db "$db" --no-reconcile --published 2026-02-02 "$examples/hospital-and-rights-group.txt"
tollwatch ingest --db "$db" --published 2026-02-03 "$examples/military-update.txt"
echo
tollwatch events --db "$db"
echo
echo "The reports are stored in $db. Look further with an event id from above:"
echo "  $venv/bin/tollwatch show ID --db $db"
echo "  $venv/bin/tollwatch claims --db $db"
echo "  $venv/bin/tollwatch export --format ucdp --db $db"
