#!/bin/sh
# City benchmark for `juesuan batch`: a synthetic city of N departments
# (scripts/synth_city.py, seed 1) built to PDF + HTML with JOBS workers, from
# an empty output folder, timed by /usr/bin/time -v; then the same city again
# (every department unchanged: the incremental path).
# Prints wall time, documents per second, peak RSS and CPU time (user + sys,
# the steadier figure on a shared machine), and fails when a department
# failed or the goal (200 departments in 5 s, peak RSS under 200 MiB) is
# missed — with GOAL=0 it only reports. CPU per document is CPU / N (the
# resources are loaded once, so it includes their share).
# With BASELINE=/path/to/juesuan (an older build), the same city is also
# built by it, in turns with the new build (BASELINE_RUNS turns each,
# default 1), and both are printed side by side; the goal is judged on the
# new build's median.
# Then (COMPILE=0 skips it) the same city with --compile, from an empty
# output folder: the departments and the city's compilation (汇编.pdf) in
# one run; its time and peak RSS beside the first run's, the compilation's
# pages and size, and qpdf --check of it.
#   [BASELINE=OLD_JUESUAN] [COMPILE=0] scripts/bench_city.sh [BUILD_DIR] [N] [JOBS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
n=${2:-200}
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
  awk -v l="$1" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" -v n="$n" 'BEGIN {
    printf "%-10s wall %.2f s  %.1f documents/s  peak RSS %.1f MiB  CPU %.2f s (user %.2f + sys %.2f), %.1f ms per document\n",
           l, w, n / w, r / 1024, u + s, u, s, (u + s) * 1000 / n }'
  echo "           $summary"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $n departments, -j $jobs"
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

if [ "$goal" = 1 ]; then
  awk -v w="$first_wall" -v r="$first_rss" 'BEGIN {
    ok = (w <= 5.0 && r < 200 * 1024)
    printf "goal (<= 5 s, < 200 MiB): %s\n", ok ? "met" : "NOT met"
    exit !ok }'
fi
