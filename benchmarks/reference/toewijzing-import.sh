#!/usr/bin/env bash
# The import of the iWlz toewijzingen of a 50,000-client region (issue 13): generates the reference data with
# --published (per client the toewijzingen its care needs, as AW33/AW35/AW39 messages of 300 providers), imports the
# other tables first (that run also creates the embedded cluster), then imports the messages alone twice under
# /usr/bin/time: the first replaces the toewijzing table, the second finds the same set ("unchanged") after reading and
# checking every message again.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${WORK:-/tmp/wlz-toewijzing-bench}"
clients="${CLIENTS:-50000}"
rm -rf "$work" && mkdir -p "$work"
dotnet build "$root/src/WlzMessaging.Host" -c Release -v quiet -nologo >/dev/null
wlz=(dotnet "$root/src/WlzMessaging.Host/bin/Release/net10.0/wlz.dll")
cd "$work"
"${wlz[@]}" generate --out g.aw319 --lines 1000 --seed 7 --reference-out ref --published --clients "$clients" --providers 300
mkdir -p messages && mv ref/iwlz messages/
echo "messages: $(ls messages/iwlz | wc -l) files, $(du -sh messages/iwlz | cut -f1)"
"${wlz[@]}" reference import ref --data-dir "$work/db" >/dev/null
for run in first again; do
  /usr/bin/time -f "$run: wall %e s, user %U s, sys %S s, peak memory %M KiB" "${wlz[@]}" reference import messages --data-dir "$work/db"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
