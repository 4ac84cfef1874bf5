#!/usr/bin/env bash
# End-to-end ingestion benchmark (README "Speed"): generate a 999,999-line AW319 with reference data for 50,000+ clients
# and 300 providers, import the reference data, process the file into a fresh embedded PostgreSQL; then a 100,000-line
# file, to compare peak memory. Prints each command's own summary line, its --verbose time split, and the wall clock and
# peak resident memory that /usr/bin/time measured.
#
#   benchmarks/ingestion/run.sh [WORKDIR]      (default /tmp/wlz-bench; about 2 GB of disk)
set -euo pipefail
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package: time)"; exit 1; }
cd "$(dirname "$0")/../.."
work=${1:-/tmp/wlz-bench}
rm -rf "$work"
mkdir -p "$work"

dotnet build src/WlzMessaging.Host -c Release -v q -nologo >/dev/null
wlz=(dotnet src/WlzMessaging.Host/bin/Release/net10.0/wlz.dll)
received=2026-02-16

measure() {
  local label=$1; shift
  /usr/bin/time -f "  $label: wall %e s, user %U s, sys %S s, peak memory %M KiB" "$@" 2>"$work/time.txt" | sed 's/^/  /'
  grep -v '^Command' "$work/time.txt" | tail -n 1
}

echo "== generate"
measure "generate 999,999 lines + reference" "${wlz[@]}" generate --out "$work/in/m1.aw319" --lines 999999 --seed 101 --period-days 6 \
  --reference-out "$work/ref" --clients 50000 --providers 300
measure "generate 100,000 lines" "${wlz[@]}" generate --out "$work/in/k100.aw319" --lines 100000 --seed 102

echo "== reference import (creates the embedded cluster on first use)"
measure "reference import" "${wlz[@]}" reference import "$work/ref" --data-dir "$work/db"
measure "reference import again" "${wlz[@]}" reference import "$work/ref" --data-dir "$work/db"

echo "== process"
measure "process 100,000 lines" "${wlz[@]}" process "$work/in/k100.aw319" --out "$work/out" --received $received --data-dir "$work/db" --verbose
measure "process 999,999 lines" "${wlz[@]}" process "$work/in/m1.aw319" --out "$work/out" --received $received --data-dir "$work/db" --verbose

echo "== stored"
ls -l "$work/out" | sed 's/^/  /'
