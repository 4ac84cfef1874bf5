#!/usr/bin/env bash
# Times `wlz advance run` over synthetic declaration lines: by default 10,000,000 lines of 300 providers
# (measure-seed.sql), in a scratch PostgreSQL on a Unix socket that is removed afterwards. Not a test: it measures.
#
#   src/WlzMessaging.Storage/Funding/measure-advance-run.sh [LINES]
#
# Needs the PostgreSQL server binaries (Debian package postgresql) and the .NET SDK; as root the server runs as postgres.
set -euo pipefail

LINES=${1:-10000000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
SCRATCH=$(mktemp -d /tmp/wlz-measure-XXXXXX)
chmod 755 "$SCRATCH"

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_postgres "$PGBIN/pg_ctl" -D "$SCRATCH/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ]; then chown postgres "$SCRATCH"; fi

# The server as the embedded one runs: a Unix socket only, PostgreSQL's default memory and parallelism settings.
as_postgres "$PGBIN/initdb" -D "$SCRATCH/pg" -U wlz --auth-local=trust -E UTF8 --locale=C --no-sync >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$SCRATCH/pg" -l "$SCRATCH/postgres.log" -o "-k $SCRATCH -c listen_addresses=''" -w start >/dev/null
"$PGBIN/createdb" -h "$SCRATCH" -U wlz wlz
CONNECTION="Host=$SCRATCH;Database=wlz;Username=wlz"
PSQL=("$PGBIN/psql" -h "$SCRATCH" -U wlz -d wlz -q -v ON_ERROR_STOP=1)

dotnet build "$ROOT/src/WlzMessaging.Host" -c Release -nologo -v q >/dev/null
WLZ=(dotnet "$ROOT/src/WlzMessaging.Host/bin/Release/net10.0/wlz.dll")

# The schema comes from the build's own migrations: a run on the empty database, discarded.
"${WLZ[@]}" advance run --date 2000-01-01 --connection "$CONNECTION" >/dev/null
"${WLZ[@]}" advance discard --date 2000-01-01 --connection "$CONNECTION" >/dev/null

TIMEFORMAT='%R s'
echo "seeding $LINES declaration lines of 300 providers"
time "${PSQL[@]}" -v lines="$LINES" -f "$HERE/measure-seed.sql"
# What autovacuum does after a bulk load: hint bits and the visibility map set once, statistics fresh.
time "${PSQL[@]}" -c "VACUUM (ANALYZE) declaration_line"
"${PSQL[@]}" -At -c "SELECT count(*) || ' lines, ' || pg_size_pretty(pg_table_size('declaration_line')) || ' table' FROM declaration_line"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for date in 2024-03-01 2024-10-01 2025-01-01 2025-04-01; do
  for attempt in 1 2; do
    printf 'wlz advance run --date %s (attempt %s): ' "$date" "$attempt"
    time "${WLZ[@]}" advance run --date "$date" --format json --connection "$CONNECTION" 2>/dev/null \
      | grep -c '"agb"' | tr '\n' ' '
  done
done
echo "(the number before the time: providers in the run's JSON)"
for date in 2024-03-01 2024-10-01 2025-01-01 2025-04-01; do
  "${WLZ[@]}" advance discard --date "$date" --connection "$CONNECTION" >/dev/null
done

# A whole year as finance runs it: every month from January to April of the next year computed and approved.
echo "every run from 2024-01-01 to 2025-04-01, computed and approved:"
time (
  for date in 2024-{01..12}-01 2025-{01..04}-01; do
    "${WLZ[@]}" advance run --date "$date" --connection "$CONNECTION" >/dev/null 2>&1
    "${WLZ[@]}" advance approve --date "$date" --by measure --out "$SCRATCH/out" --connection "$CONNECTION" >/dev/null
  done
)
printf 'wlz statement --agb 41000150 --year 2024: '
time "${WLZ[@]}" statement --agb 41000150 --year 2024 --format json --connection "$CONNECTION" >/dev/null
