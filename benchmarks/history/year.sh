#!/usr/bin/env bash
# A year of one provider (README "Speed", "A provider's history at a year's scale"): twelve monthly AW319 files of the
# same 50,000 clients (one seed, --month 2025-01 .. 2025-12, about 80,500 lines each, new references every month), each
# month's reference data imported before its file, processed in order into one embedded PostgreSQL. Prints a table per
# file: lines, seconds inside the process and for the whole command, lines/s, the history read (prepare), wlz's CPU,
# peak memory and the store's lines after it; then month 12 against month 1.
#
#   benchmarks/history/year.sh [WORKDIR] [LINES]    (default /tmp/wlz-year, 80530 lines = 50,000 clients; ~1.5 GB disk)
set -euo pipefail
work=${1:-/tmp/wlz-year}
lines=${2:-80530}
source "$(dirname "$0")/common.sh"
rm -rf "$work"
mkdir -p "$work"

rows=0
seconds=()
printf '%-9s %8s %8s %8s %9s %9s %8s %8s %10s %9s\n' file lines file_s wall_s lines/s prepare_s cpu_s peak_MiB store_rows approved
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
  "${wlz[@]}" generate --out "$work/in/2025-$m.aw319" --lines "$lines" --seed 7 --month "2025-$m" \
    --reference-out "$work/ref" --clients 50000 --providers 20 >/dev/null
  "${wlz[@]}" reference import "$work/ref" --data-dir "$work/db" >/dev/null
  # Received on the 10th of the next month (after the invoice date, 5 days after the month).
  received=$(date -d "2025-$m-01 +1 month +9 days" +%F)
  process "$work/in/2025-$m.aw319" "$received" "$work/db" "$work/out"
  rows=$((rows + lines))
  rate=$(echo "$lines / $file_s" | bc)
  printf '%-9s %8s %8s %8s %9s %9s %8s %8s %10s %9s\n' "2025-$m" "$lines" "$file_s" "$wall_s" "$rate" "$prepare_s" "$cpu_s" "$peak_mib" "$rows" "$approved"
  [ "$m" = 01 ] && { first=$file_s; first_cpu=$cpu_s; }
  seconds+=("$file_s")
  rm -f "$work/in/2025-$m.aw319"
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
echo "month 12 / month 1: file seconds $(echo "scale=2; $file_s / $first" | bc), CPU of wlz $(echo "scale=2; $cpu_s / $first_cpu" | bc)"
echo "median of months 10-12 / median of months 1-3 (file seconds, less noisy): $(echo "scale=2; $(median "${seconds[@]:9:3}") / $(median "${seconds[@]:0:3}")" | bc)"
