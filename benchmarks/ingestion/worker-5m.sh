#!/usr/bin/env bash
# Peak memory of the mailbox worker over 5,000,000 lines (README "Speed"). One AW319 holds at most 999,999 lines (9904 has
# 6 positions), so the 5,000,000 lines come as five files of one provider, January to May, processed by one `wlz run --once`
# that keeps its reference snapshot between them. The reference data is January's: a few percent of the later months'
# lines fall outside its MAZ periods and are rejected (8287/8290), which costs the same to store as approving them.
# Prints the worker's summary per file and what /usr/bin/time saw (wall clock, CPU, peak resident memory).
#
#   benchmarks/ingestion/worker-5m.sh [WORKDIR]      (default /tmp/wlz-5m; about 8 GB of disk)
set -euo pipefail
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package: time)"; exit 1; }
cd "$(dirname "$0")/../.."
work=${1:-/tmp/wlz-5m}
rm -rf "$work"
mkdir -p "$work/inbox"

dotnet build src/WlzMessaging.Host -c Release -v q -nologo >/dev/null
wlz=(dotnet src/WlzMessaging.Host/bin/Release/net10.0/wlz.dll)

echo "== generate five files of 999,999 lines"
for month in 01 02 03 04 05; do
  reference=()
  [[ $month == 01 ]] && reference=(--reference-out "$work/ref" --clients 50000 --providers 300)
  "${wlz[@]}" generate --out "$work/m$month.aw319" --lines 999999 --seed 101 --month "2026-$month" --period-days 6 "${reference[@]}" | cut -c1-140
done

echo "== reference import"
"${wlz[@]}" reference import "$work/ref" --data-dir "$work/db" | tail -n 1

# Complete files only: the worker takes a file once it has not changed for Worker:StableSeconds.
mv "$work"/m0?.aw319 "$work/inbox/"

echo "== wlz run --once over 4,999,995 lines"
/usr/bin/time -f "  worker: wall %e s, user %U s, sys %S s, peak memory %M KiB" \
  "${wlz[@]}" run --once --uzovi 5509 --inbox "$work/inbox" --outbox "$work/outbox" --archive "$work/archive" --quarantine "$work/quarantine" \
  --data-dir "$work/db" >"$work/worker.log" 2>"$work/time.txt" || true
grep -hE "Processed|Rejected|Quarantined|Not a Vektis" "$work/worker.log" "$work/time.txt" | sed "s/^/  /" || true
tail -n 1 "$work/time.txt"
ls -l "$work/outbox" | sed 's/^/  /'
