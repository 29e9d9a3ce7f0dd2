#!/bin/sh
# Benchmark of a department with many 项: scripts/many_items.py writes one of
# N 项 (default 10,000), then `juesuan check` (load, compute, audit) and
# `juesuan dump` (the same and compose) are timed by /usr/bin/time: wall and
# CPU time, peak RSS. Time grows linearly with N where nothing is quadratic;
# the figures for N/4, N/2 and N show how it grows. With GOAL=1, fails when
# `check` of N 项 takes a second of CPU or more.
#   scripts/bench_items.sh [BUILD_DIR] [N]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
n=${2:-10000}
goal=${GOAL:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$build/juesuan" ] || { echo "no $build/juesuan: build first" >&2; exit 2; }
for k in $((n / 4)) $((n / 2)) "$n"; do
  python3 "$root/scripts/many_items.py" "$k" "$work/items-$k.yaml"
  for cmd in check dump; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$build/juesuan" $cmd "$work/items-$k.yaml" >/dev/null
    read -r wall user sys rss <"$work/time"
    cpu=$(awk "BEGIN { print $user + $sys }")
    printf '%6d 项  %-5s  wall %5.2f s  cpu %5.2f s  peak RSS %6d KiB\n' "$k" "$cmd" "$wall" "$cpu" "$rss"
    if [ "$k" = "$n" ] && [ "$cmd" = check ]; then check_cpu=$cpu; fi
  done
done
if [ "$goal" = 1 ] && awk "BEGIN { exit !($check_cpu >= 1) }"; then
  echo "goal missed: check of $n 项 took $check_cpu s of CPU (goal: under 1 s)" >&2
  exit 1
fi
