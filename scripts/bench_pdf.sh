#!/bin/sh
# PDF writer benchmark: builds juesuan_pdf_bench, renders the sample document
# (tests/pdf/sample_document.hpp, ~36 pages) RUNS times in one process with
# the font library loaded once, and prints median/min wall time of write_pdf,
# the PDF size and page count. Also checks the PDF with qpdf and pdffonts.
#   scripts/bench_pdf.sh [BUILD_DIR] [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
runs=${2:-50}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target juesuan_pdf_bench >/dev/null
bench=$(find "$build" -name juesuan_pdf_bench -type f | head -n 1)

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" "$runs" "$out/sample.pdf"
qpdf --check "$out/sample.pdf" >/dev/null && echo "qpdf --check: clean"
pdffonts "$out/sample.pdf" | tail -n +3 | awk '{printf "font %s: emb %s sub %s uni %s\n", $1, $(NF-4), $(NF-3), $(NF-2)}'
if command -v valgrind >/dev/null; then
  valgrind --tool=callgrind --toggle-collect='juesuan::pdf::write_pdf*' --callgrind-out-file="$out/cg" \
    "$bench" 1 2>&1 | sed -n 's/.*Collected : \([0-9]*\)/write_pdf instructions: \1 (callgrind, one document)/p'
fi
