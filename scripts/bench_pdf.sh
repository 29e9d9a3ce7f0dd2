#!/bin/sh
# PDF writer benchmark, in two parts:
#  1. the sample document (tests/pdf/sample_document.hpp, ~36 pages) rendered
#     RUNS times by juesuan_pdf_bench;
#  2. the real example departments (data/examples/*.yaml) through the real
#     pipeline by juesuan_departments_bench: Resources loaded once, each
#     department's Document built once, then write_pdf + write_html RUNS
#     times (what `juesuan build` does per department after loading).
# Prints median/min wall times, sizes and page counts, checks each PDF with
# qpdf and pdffonts, and counts instructions with callgrind (the steady
# figure on a shared machine): the main thread's write_pdf + write_html, and
# all the work (adding the font subsetting that runs on a second thread).
#   scripts/bench_pdf.sh [BUILD_DIR] [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
runs=${2:-50}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target juesuan_pdf_bench juesuan_departments_bench >/dev/null
bench=$(find "$build" -name juesuan_pdf_bench -type f | head -n 1)
departments=$(find "$build" -name juesuan_departments_bench -type f | head -n 1)

check() {
  qpdf --check "$1" >/dev/null && echo "  qpdf --check: clean"
  pdffonts "$1" | tail -n +3 | awk '{printf "  font %s: emb %s sub %s uni %s\n", $1, $(NF-4), $(NF-3), $(NF-2)}'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== sample document"
"$bench" "$runs" "$out/sample.pdf"
check "$out/sample.pdf"

echo "== example departments (pdf + html)"
"$departments" "$runs" "$out" "$root"/data/examples/*.yaml
for pdf in "$out"/*.pdf; do
  [ "$pdf" = "$out/sample.pdf" ] && continue
  echo "$(basename "$pdf"):"
  check "$pdf"
done

if command -v valgrind >/dev/null; then
  echo "== instructions (callgrind, one document each)"
  count() {  # label, extra callgrind options, command...
    label=$1; shift
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$@" 2>&1 |
      sed -n "s/.*Collected : \([0-9]*\)/$label: \1/p"
  }
  main="--toggle-collect=juesuan::pdf::write_pdf* --toggle-collect=juesuan::html::write_html*"
  all="$main --toggle-collect=*EmbeddedFonts::prepare*"
  # shellcheck disable=SC2086
  count "sample write_pdf, main thread" $main "$bench" 1
  # shellcheck disable=SC2086
  count "sample write_pdf, all threads" $all "$bench" 1
  for yaml in "$root"/data/examples/*.yaml; do
    name=$(basename "$yaml" .yaml)
    # shellcheck disable=SC2086
    count "$name pdf+html, main thread" $main "$departments" 1 - "$yaml"
    # shellcheck disable=SC2086
    count "$name pdf+html, all threads" $all "$departments" 1 - "$yaml"
  done
fi
