# Shared by the history benchmarks: the wlz build, and one measured `wlz process` whose figures land in variables.
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package: time)"; exit 1; }
cd "$(dirname "$0")/../.."
dotnet build src/WlzMessaging.Host -c Release -v q -nologo >/dev/null
wlz=(dotnet src/WlzMessaging.Host/bin/Release/net10.0/wlz.dll)

# process FILE RECEIVED DB OUT: sets file_s (the file inside the process, from its summary line), prepare_s (history
# read included), wall_s, cpu_s (user+sys of wlz), peak_mib, approved; the summary line goes to $work/last.txt.
process() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "${wlz[@]}" process "$1" --out "$4" --received "$2" --data-dir "$3" --verbose >"$work/last.txt"
  read -r wall_s user sys kib <"$work/time.txt"
  file_s=$(grep -oE '; [0-9.]+ s' "$work/last.txt" | head -n 1 | grep -oE '[0-9.]+')
  prepare_s=$(grep -oE 'prepare [0-9.]+ s' "$work/last.txt" | grep -oE '[0-9.]+')
  approved=$(grep -oE '[0-9,]+ approved' "$work/last.txt" | head -n 1 | tr -d ', approved')
  cpu_s=$(echo "$user + $sys" | bc)
  peak_mib=$((kib / 1024))
}
