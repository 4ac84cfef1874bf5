#!/usr/bin/env bash
# A resent file against a fresh one (README "Speed", "A provider's history at a year's scale"). One provider's March
# (LINES lines) is processed first; then, on the same store, the same March sent again as a new invoice (`--resend 1`:
# every line the same, new references, so every debit overlaps an approved one and is refused) and April of the same
# clients (nothing overlaps). Repeated ROUNDS times, alternating which of the two goes first; prints each file's seconds
# inside the process, its history read (prepare), wlz's CPU and peak memory, and the resent/fresh ratio per round.
#
#   benchmarks/history/resend.sh [WORKDIR] [LINES] [ROUNDS]   (default /tmp/wlz-resend, 200000 lines, 2 rounds)
set -euo pipefail
work=${1:-/tmp/wlz-resend}
lines=${2:-200000}
rounds=${3:-2}
source "$(dirname "$0")/common.sh"
rm -rf "$work"
mkdir -p "$work"

printf '%-6s %-14s %8s %8s %9s %8s %8s %9s\n' round file file_s wall_s prepare_s cpu_s peak_MiB approved
for round in $(seq 1 "$rounds"); do
  seed=$((40 + round))
  db="$work/db$round"
  gen=("${wlz[@]}" generate --lines "$lines" --seed "$seed" --clients 60000 --providers 20)
  "${gen[@]}" --out "$work/in/march.aw319" --month 2025-03 --reference-out "$work/ref" >/dev/null
  "${gen[@]}" --out "$work/in/march-resent.aw319" --month 2025-03 --resend 1 >/dev/null
  "${gen[@]}" --out "$work/in/april.aw319" --month 2025-04 >/dev/null
  "${wlz[@]}" reference import "$work/ref" --data-dir "$db" >/dev/null
  process "$work/in/march.aw319" 2025-04-10 "$db" "$work/out"
  printf '%-6s %-14s %8s %8s %9s %8s %8s %9s\n' "$round" march "$file_s" "$wall_s" "$prepare_s" "$cpu_s" "$peak_mib" "$approved"
  order=(march-resent april)
  [ $((round % 2)) = 0 ] && order=(april march-resent)
  for name in "${order[@]}"; do
    process "$work/in/$name.aw319" 2025-05-10 "$db" "$work/out"
    printf '%-6s %-14s %8s %8s %9s %8s %8s %9s\n' "$round" "$name" "$file_s" "$wall_s" "$prepare_s" "$cpu_s" "$peak_mib" "$approved"
    [ "$name" = april ] && fresh=$file_s || resent=$file_s
  done
  echo "round $round: resent / fresh (file seconds) = $(echo "scale=2; $resent / $fresh" | bc)"
  rm -rf "$db"
done
