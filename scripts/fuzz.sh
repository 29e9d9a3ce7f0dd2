#!/usr/bin/env bash
# Runs one libFuzzer target for a given time (see TESTING.md).
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is `load` (YAML text -> Source, errors included) or `build` (YAML
# text -> HTML and PDF bytes in memory). The targets are built with clang
# and -fsanitize=fuzzer,address,undefined in build-fuzz/. The corpus grows in
# fuzz-out/TARGET/corpus (seeded each run with data/examples, data/slips,
# tests/bad-inputs and tests/check); crashes, leaks and slow inputs land in
# fuzz-out/TARGET/artifacts. Extra options go to libFuzzer, e.g. -jobs=2
# -workers=2 for two processes, -runs=N for a number of executions.
# FUZZ_MAX_LEN overrides the longest input (4096 bytes for load, 8192 for
# build; longer seeds are cut to it).
# The exit status is libFuzzer's: 0 when nothing was found.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh load|build SECONDS [libFuzzer options...]" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
# Small inputs run fastest and reach every branch of the loader; a build
# needs room for a few items and sections.
case "$target" in
  load) max_len=4096 ;;
  build) max_len=8192 ;;
  *) echo "unknown fuzz target \"$target\" (load or build)" >&2; exit 2 ;;
esac

bash scripts/install-deps.sh
CXX=${FUZZ_CXX:-clang++-14}
if ! command -v "$CXX" >/dev/null; then
  echo "$CXX not found: apt-get install clang-14 libclang-rt-14-dev (scripts/install-deps.sh)" >&2
  exit 3
fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DJUESUAN_FUZZ=ON -DJUESUAN_TESTS=OFF >/dev/null
cmake --build build-fuzz --target "fuzz_$target"

work=fuzz-out/$target
mkdir -p "$work/corpus" "$work/artifacts" "$work/seeds"
cp data/examples/*.yaml data/slips/*.yaml tests/bad-inputs/*.yaml tests/check/*.yaml "$work/seeds/"

# Leak checking stays on (libFuzzer reports a leak as a failure);
# UBSan stops at the first finding so it is reported as a crash.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$work"
exec ../../build-fuzz/fuzz_"$target" \
  -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-$max_len}" \
  -dict=../../fuzz/yaml.dict -artifact_prefix=artifacts/ -print_final_stats=1 \
  "$@" corpus seeds
