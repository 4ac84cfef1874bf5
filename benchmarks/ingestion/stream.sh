#!/usr/bin/env bash
# Issue 11's throughput figures (README "Speed", "A stream of files"): the published ReadyToRun wlz (./wlz) on
#   1. one 999,999-line file on a fresh store, the whole `wlz process` as a user runs it (start, JIT, server included);
#   2. `wlz run --once` over five 999,999-line files of five different providers on a fresh store.
# The reference data is run.sh's: the first provider's clients (621,676 with --clients 50000) and 300 providers with their
# tariffs and agreements. Files 2-5 are the same care declared by providers 41000002-41000005: those clients have their MAZ
# at the first provider, so their lines are rejected (8290), stored all the same. (Every line approved for five providers
# would need five times the clients in the reference data: 3.1 million MAZ rows, a snapshot of about 260 MB, far more
# than a zorgkantoor has.) "Fresh store" is a copy of the cluster taken right after the import. Every step is measured by
# cputime.py: wall time, CPU of wlz, CPU of wlz and the PostgreSQL server together, peak memory of wlz, and the load
# average (the machine may be shared: compare CPU seconds, not only wall time).
#
#   benchmarks/ingestion/stream.sh [WORKDIR [process|run]]   (default /tmp/wlz-stream, both parts; about 8 GB of disk)
#   WLZ=... benchmarks/ingestion/stream.sh         (another wlz to compare, e.g. "dotnet src/WlzMessaging.Host/bin/Release/net10.0/wlz.dll")
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-/tmp/wlz-stream}
part=${2:-both}
./wlz --help >/dev/null   # publishes bin/wlz when needed, before anything is measured
read -r -a wlz <<<"${WLZ:-$PWD/bin/wlz/wlz}"
measure=("$PWD/benchmarks/ingestion/cputime.py")
providers=(41000001 41000002 41000003 41000004 41000005)

if [[ ! -d "$work/template/pg" ]]; then
  rm -rf "$work"
  mkdir -p "$work/files" "$work/ref"
  echo "== generate five files of 999,999 lines, one per provider"
  for i in "${!providers[@]}"; do
    reference=()
    [[ $i == 0 ]] && reference=(--reference-out "$work/ref" --clients 50000 --providers 300)
    "${wlz[@]}" generate --out "$work/files/p$((i + 1)).aw319" --lines 999999 --seed 101 --agb "${providers[$i]}" \
      --period-days 6 "${reference[@]}" | cut -c1-120
  done
  echo "== reference import (the template store)"
  "${wlz[@]}" reference import "$work/ref" --data-dir "$work/template" | tail -n 1
fi

fresh() {
  rm -rf "$work/db" "$work/out" "$work/mailbox"
  cp -a "$work/template" "$work/db"
}

if [[ $part != run ]]; then
  echo "== one file: wlz process p1.aw319 (999,999 lines) on a fresh store"
  fresh
  "${measure[@]}" "process 999,999 lines" "${wlz[@]}" process "$work/files/p1.aw319" --out "$work/out" --received 2026-02-16 \
    --data-dir "$work/db" --verbose
  [[ $part == process ]] && { rm -rf "$work/db" "$work/out"; exit 0; }
fi

echo "== a stream: wlz run --once over five files of five providers (4,999,995 lines) on a fresh store"
fresh
mkdir -p "$work/mailbox/inbox"
for f in "$work"/files/p?.aw319; do
  cp "$f" "$work/mailbox/inbox/"
  touch -d 2026-02-16T10:00:00 "$work/mailbox/inbox/$(basename "$f")"
done
starts=$(grep -c 'database system is ready to accept connections' "$work/db/postgres.log" || true)
"${measure[@]}" "run --once over 4,999,995 lines" "${wlz[@]}" run --once --uzovi 5509 --data-dir "$work/db" \
  --inbox "$work/mailbox/inbox" --outbox "$work/mailbox/outbox" --archive "$work/mailbox/archive" \
  --quarantine "$work/mailbox/quarantine" >"$work/worker.log"
grep -hE "Processed|Rejected|Not a Vektis|could not" "$work/worker.log" | sed -E 's/^.*(Processed|Rejected)/  \1/' | cut -c1-160
# The embedded server is started once for the worker's life, not per file.
ready='database system is ready to accept connections'
echo "  embedded server started $(($(grep -c "$ready" "$work/db/postgres.log") - starts)) time(s) during the run"
rm -rf "$work/db" "$work/mailbox"
