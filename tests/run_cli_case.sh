#!/usr/bin/env bash
# Runs one command-line case: `juesuan build CASE.yaml -o TMP/o` from the
# repository root, and checks its exit status, that stderr equals the
# expected text word for word, and that no output file was left behind
# (or, when the expected exit status is 0, that exactly the outputs exist).
#
#   run_cli_case.sh JUESUAN CASE.yaml CASE.expected [--accept]
#
# CASE.expected holds "exit: N" on its first line, then the exact stderr.
# In it, $OUT stands for the case's temporary folder and $ROOT for its copy
# of the resources (see root-edit). Before the exit line, "setup:" lines may
# prepare what a YAML file alone cannot:
#
#   setup: huge-file MB            the input is CASE.yaml padded with comment
#                                  lines to MB megabytes, written at test time
#                                  as $OUT/NAME.yaml (never committed)
#   setup: root-edit FILE SCRIPT   build with --root $ROOT, a copy of
#                                  templates/, data/ and fonts/ in which
#                                  `sed -e SCRIPT` has edited FILE
#   setup: output under-file       -o $OUT/file/o, where $OUT/file is a file
#   setup: output is-file          -o $OUT/o, an existing regular file
#   setup: output PATH             -o PATH (e.g. somewhere under /proc)
#   setup: full-disk FILE          write() fails with ENOSPC on the temporary
#                                  file that the output FILE (e.g. NAME.pdf)
#                                  is written through ("FILE.tmp-…"), and on
#                                  nothing else: juesuan runs with the
#                                  preloaded library $JUESUAN_ENOSPC_PRELOAD
#                                  (tests/support/enospc_preload.cpp)
#
# --accept rewrites CASE.expected from the actual run, keeping its setup
# lines (review it by hand!).
set -u
juesuan=$1 case_file=$2 expected=$3 accept=${4:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
name=$(basename "$case_file" .yaml)

input=$case_file
out_dir=$out/o
root_args=()
full_disk=""
setup_lines=$(sed -n '/^exit: /q;/^setup: /p' "$expected")
while IFS= read -r line; do
  [ -z "$line" ] && continue
  read -r _ kind arg rest <<<"$line"
  case "$kind" in
    huge-file)
      input=$out/$name.yaml
      cat "$case_file" > "$input"
      pad=$(printf '# %0.s填充' {1..40}; echo)   # one comment line
      target=$((arg * 1024 * 1024))
      # Double the padding until the file is big enough, then cut it to size.
      printf '%s\n' "$pad" > "$out/pad"
      while [ "$(stat -c %s "$out/pad")" -lt "$target" ]; do cat "$out/pad" "$out/pad" > "$out/pad2"; mv "$out/pad2" "$out/pad"; done
      cat "$out/pad" >> "$input"
      truncate -s "$target" "$input"
      rm "$out/pad"
      ;;
    root-edit)
      if [ ! -d "$out/root" ]; then
        mkdir "$out/root"
        cp -r templates data fonts "$out/root/"
      fi
      root_args=(--root "$out/root")
      sed -i -e "$rest" "$out/root/$arg"
      ;;
    output)
      case "$arg" in
        under-file) touch "$out/file"; out_dir=$out/file/o ;;
        is-file) touch "$out/o"; out_dir=$out/o ;;
        *) out_dir=$arg ;;
      esac
      ;;
    full-disk)
      full_disk=$arg
      ;;
    *)
      echo "FAIL: unknown setup \"$kind\" in $expected"; exit 1 ;;
  esac
done <<<"$setup_lines"

if [ -n "$full_disk" ]; then
  if [ -z "${JUESUAN_ENOSPC_PRELOAD:-}" ]; then echo "FAIL: JUESUAN_ENOSPC_PRELOAD is not set"; exit 1; fi
  # (A sanitizer runtime would otherwise insist on being loaded first.)
  stderr=$(LD_PRELOAD=$JUESUAN_ENOSPC_PRELOAD JUESUAN_ENOSPC=$full_disk.tmp- \
           ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
           "$juesuan" build "$input" -o "$out_dir" "${root_args[@]}" 2>&1 >/dev/null)
  status=$?
else
  stderr=$("$juesuan" build "$input" -o "$out_dir" "${root_args[@]}" 2>&1 >/dev/null)
  status=$?
fi
stderr=${stderr//"$out/root"/'$ROOT'}
stderr=${stderr//"$out"/'$OUT'}
actual=$(printf 'exit: %s\n%s' "$status" "$stderr")
if [ "$accept" = "--accept" ]; then
  { [ -n "$setup_lines" ] && printf '%s\n' "$setup_lines"; printf '%s\n' "$actual"; } > "$expected"
  exit 0
fi
fail=0
if [ "$status" -ge 128 ]; then echo "FAIL: killed by signal $((status - 128))"; fail=1; fi
# Every file juesuan made in the case's folder: outputs and temporaries.
# (An -o outside it is one juesuan cannot create.)
made=$(find "$out" -path "$out/root" -prune -o -type f \
         \( -name '*.html' -o -name '*.pdf' -o -name '*.xlsx' -o -name '*.juesuan-hash' -o -name '*.tmp-*' \) -print | sort)
expected_status=$(sed -n 's/^exit: //p' "$expected" | head -1)
if [ "$expected_status" = "0" ]; then
  want=$(printf '%s\n' "$out_dir/$name.html" "$out_dir/$name.juesuan-hash" "$out_dir/$name.pdf" "$out_dir/$name.xlsx" | sort)
  if [ "$made" != "$want" ]; then
    echo "FAIL: the outputs are not exactly $name.html, $name.pdf, $name.xlsx and $name.juesuan-hash:"
    printf '%s\n' "$made"; fail=1
  fi
elif [ -n "$made" ]; then
  echo "FAIL: output left behind:"; printf '%s\n' "$made"; fail=1
fi
if [ "$actual" != "$(sed '/^setup: /d' "$expected")" ]; then
  echo "FAIL: stderr or exit status differs"
  diff <(sed '/^setup: /d' "$expected") <(printf '%s\n' "$actual")
  fail=1
fi
exit $fail
