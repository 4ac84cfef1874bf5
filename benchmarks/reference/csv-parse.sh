#!/usr/bin/env bash
# Reading a 1,000,000-row maz.csv with the hand-written reader the reference CSVs had before Sep (kept only in the
# benchmarks project, CsvParse/LegacyMazCsv.cs) and with Sep (ReferenceCsv.Maz), A/B in one process: the file is the
# maz.csv of `wlz generate --out f.aw319 --lines 1000 --seed 1 --clients ROWS --reference-out DIR`, generated in memory. Both must give
# the same rows and problems (on the file and on a copy with broken lines) before anything is timed. Prints wall, CPU
# and allocated bytes per row for the whole parse and for the reading alone, and old/new as ratios.
#   ROWS=1000000 ROUNDS=5 benchmarks/reference/csv-parse.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${ROWS:-1000000}"
rounds="${ROUNDS:-5}"
dotnet build "$root/benchmarks/WlzMessaging.Benchmarks" -c Release -v quiet -nologo >/dev/null
dotnet "$root/benchmarks/WlzMessaging.Benchmarks/bin/Release/net10.0/WlzMessaging.Benchmarks.dll" csv-parse "$rows" "$rounds"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
