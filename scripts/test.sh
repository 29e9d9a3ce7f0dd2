#!/usr/bin/env bash
# Builds and runs every test (CTest; each Catch2 test case is one CTest test).
#
#   scripts/test.sh              the normal build, in build/
#   scripts/test.sh --sanitize   everything built with AddressSanitizer and
#                                UndefinedBehaviorSanitizer (GCC,
#                                -DJUESUAN_SANITIZE=ON), in build-asan/; any
#                                finding (leaks included) fails its test
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=build
options=()
case "${1:-}" in
  "") ;;
  --sanitize)
    build=build-asan
    options=(-DJUESUAN_SANITIZE=ON)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
    ;;
  *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
esac
cmake -S . -B "$build" -G Ninja "${options[@]}" >/dev/null
cmake --build "$build"
cd "$build" && ctest --output-on-failure -j"$(nproc)"
