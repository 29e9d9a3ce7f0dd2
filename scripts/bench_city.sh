#!/bin/sh
# City benchmark for `juesuan batch`: a synthetic city of N departments
# (scripts/synth_city.py, seed 1) built to PDF + HTML with JOBS workers, from
# an empty output folder, timed by /usr/bin/time -v; then the same city again
# (every department unchanged: the incremental path).
# Prints wall time, documents per second, peak RSS and CPU time (user + sys,
# the steadier figure on a shared machine), and fails when a department
# failed or the goal (issue 18: 10 ms of wall time per department at -j 2,
# 200 in 2 s and 1,000 in 10 s; 15 ms of CPU per department; peak RSS at
# most 100 MiB; judged on the first size) is missed — with GOAL=0 it only reports. CPU per document is CPU / N (the
# resources are loaded once, so it includes their share).
# With BASELINE=/path/to/juesuan (an older build), the same city is also
# built by it, in turns with the new build (BASELINE_RUNS turns each,
# default 1), and both are printed side by side; the goal is judged on the
# new build's median.
# Then (COMPILE=0 skips it) the same city with --compile, from an empty
# output folder: the departments and the city's compilation (汇编.pdf) in
# one run; its time and peak RSS beside the first run's, the compilation's
# pages and size, and qpdf --check of it.
# N may be several sizes, "200,1000": each city is built (first run and
# unchanged), and the last against the first is printed as a ratio of CPU
# and of wall time (linear in departments: the ratio of the sizes); the
# baseline, the compilation and the goal go with the first size.
# With CALLGRIND=1, the instructions per document (valgrind's callgrind, the
# steady figure on a shared machine): cities of 10 and 20 at -j 1, the
# difference over 10 (start-up and resources cancel out).
#   [BASELINE=OLD_JUESUAN] [COMPILE=0] [CALLGRIND=1] scripts/bench_city.sh [BUILD_DIR] [N[,N2...]] [JOBS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
sizes=$(echo "${2:-200}" | tr ',' ' ')
n=${sizes%% *}
jobs=${3:-2}
goal=${GOAL:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target juesuan >/dev/null
python3 "$root/scripts/synth_city.py" "$n" "$work/city" --seed 1 >/dev/null

measure() {  # label [binary [extra options]]: runs the batch under /usr/bin/time -v and prints the figures
  /usr/bin/time -v "${2:-$build/juesuan}" batch "$work/city" -o "$work/out" -j "$jobs" --quiet ${3:-} \
    2>"$work/time.txt" || { cat "$work/time.txt"; echo "bench_city: the batch failed" >&2; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" |
         awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  user=$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")
  sys=$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")
  summary=$(grep '^batch' "$work/time.txt" || true)
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
  awk -v l="$1" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" -v n="$n" 'BEGIN {
    printf "%-10s wall %.2f s  %.1f documents/s  peak RSS %.1f MiB  CPU %.2f s (user %.2f + sys %.2f), %.1f ms per document\n",
           l, w, n / w, r / 1024, u + s, u, s, (u + s) * 1000 / n }'
  echo "           $summary"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $n departments, -j $jobs"
echo "== $n departments, -j $jobs"
if [ -n "${BASELINE:-}" ]; then
  i=0
  while [ "$i" -lt "${BASELINE_RUNS:-1}" ]; do
    rm -rf "$work/out"
    measure "baseline" "$BASELINE"
    rm -rf "$work/out"
    measure "new"
    i=$((i + 1))
  done
  rm -rf "$work/out"
fi
measure "first run"
first_wall=$wall
first_rss=$rss
first_cpu=$cpu
echo "           output: $(du -sh "$work/out" | cut -f1), $(find "$work/out" -name '*.pdf' | wc -l) PDF, $(find "$work/out" -name '*.html' ! -name index.html | wc -l) HTML"
measure "unchanged"

if [ "${COMPILE:-1}" = 1 ]; then
  rm -rf "$work/out"
  measure "compile" "$build/juesuan" "--compile --city 青川市"
  grep '^汇编' "$work/time.txt" | sed 's/^/           /'
  v="$work/out/汇编.pdf"
  echo "           汇编.pdf: $(pdfinfo "$v" | sed -n 's/^Pages: *//p') pages, $(du -k "$v" | cut -f1) KiB," \
       "fonts: $(pdffonts "$v" | tail -n +3 | wc -l); qpdf --check: $(qpdf --check "$v" >/dev/null 2>&1 && echo ok || echo FAILED)"
  measure "compile, unchanged" "$build/juesuan" "--compile --city 青川市"
fi

# --- the other sizes, and the ratio of the last to the first ---------------
first_cpu_n=$n
for size in $sizes; do
  [ "$size" = "$first_cpu_n" ] && continue
  n=$size
  rm -rf "$work/city" "$work/out"
  python3 "$root/scripts/synth_city.py" "$n" "$work/city" --seed 1 >/dev/null
  echo "== $n departments, -j $jobs (load $(cut -d' ' -f1-3 /proc/loadavg))"
  measure "first run"
  last_cpu=$cpu last_w=$wall
  measure "unchanged"
  awk -v a="$first_cpu" -v b="$last_cpu" -v wa="$first_wall" -v wb="$last_w" -v na="$first_cpu_n" -v nb="$n" 'BEGIN {
    printf "ratio %d / %d departments: CPU %.2f, wall %.2f (linear: %.2f)\n", nb, na, b / a, wb / wa, nb / na }'
done
n=$first_cpu_n

if [ "${CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
  for size in 10 20; do
    rm -rf "$work/cg-city" "$work/cg-out"
    python3 "$root/scripts/synth_city.py" "$size" "$work/cg-city" --seed 1 >/dev/null
    valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$build/juesuan" batch "$work/cg-city" -o "$work/cg-out" \
      -j 1 --quiet 2>&1 | sed -n 's/.*Collected : \([0-9]*\)/\1/p' >"$work/cg-$size"
  done
  awk -v a="$(cat "$work/cg-10")" -v b="$(cat "$work/cg-20")" 'BEGIN {
    printf "instructions (callgrind, -j 1): 10 departments %.0f M, 20 departments %.0f M, %.1f M per document\n",
           a / 1e6, b / 1e6, (b - a) / 10 / 1e6 }'
fi

if [ "$goal" = 1 ]; then
  awk -v w="$first_wall" -v r="$first_rss" -v c="$first_cpu" -v n="$n" 'BEGIN {
    ok = (w <= n / 100 && c * 1000 / n <= 15 && r <= 100 * 1024)
    printf "goal (%d departments <= %.1f s, <= 15 ms CPU per document, <= 100 MiB): %s\n", n, n / 100, ok ? "met" : "NOT met"
    exit !ok }'
fi
