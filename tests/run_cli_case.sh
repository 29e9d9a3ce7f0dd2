#!/usr/bin/env bash
# Runs one command-line case: `juesuan build CASE.yaml -o TMP` from the
# repository root, and checks its exit status, that stderr equals the
# expected text word for word, and that no output file was left behind.
#
#   run_cli_case.sh JUESUAN CASE.yaml CASE.expected [--accept]
#
# CASE.expected holds "exit: N" on its first line, then the exact stderr.
# --accept rewrites CASE.expected from the actual run (review it by hand!).
set -u
juesuan=$1 case_file=$2 expected=$3 accept=${4:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
stderr=$("$juesuan" build "$case_file" -o "$out/o" 2>&1 >/dev/null)
status=$?
actual=$(printf 'exit: %s\n%s' "$status" "$stderr")
if [ "$accept" = "--accept" ]; then
  printf '%s\n' "$actual" > "$expected"
  exit 0
fi
fail=0
if [ "$status" -ge 128 ]; then echo "FAIL: killed by signal $((status - 128))"; fail=1; fi
if [ -d "$out/o" ] && [ -n "$(ls -A "$out/o")" ]; then
  echo "FAIL: output left behind:"; ls -la "$out/o"; fail=1
fi
if [ "$actual" != "$(cat "$expected")" ]; then
  echo "FAIL: stderr or exit status differs"
  diff <(cat "$expected") <(printf '%s\n' "$actual")
  fail=1
fi
exit $fail
