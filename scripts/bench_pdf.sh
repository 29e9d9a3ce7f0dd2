#!/bin/sh
# PDF writer benchmark, in two parts:
#  1. the sample document (tests/pdf/sample_document.hpp, ~36 pages) rendered
#     RUNS times by juesuan_pdf_bench;
#  2. the real example departments (data/examples/*.yaml) through the real
#     pipeline by juesuan_departments_bench: Resources loaded once, each
#     department's Document built once, then write_pdf + write_html RUNS
#     times (what `juesuan build` does per department after loading).
#  0. one document as a whole process, `juesuan build 2021.yaml --force`
#     (PDF + HTML + XLSX: start-up, loading, building, writing), RUNS times under
#     /usr/bin/time, in interleaved turns with BASELINE=/path/to/juesuan (an
#     older build) and the peers found on the machine (Chromium headless,
#     wkhtmltopdf) printing the HTML juesuan wrote: median and minimum wall
#     time, median CPU (user + sys), peak RSS, and the PDF bytes split into
#     fonts, page content and the rest.
# Prints median/min wall times, sizes and page counts, checks each PDF with
# qpdf and pdffonts, and counts instructions with callgrind (the steady
# figure on a shared machine): the main thread's write_pdf + write_html, and
# all the work (adding the font subsetting that runs on a second thread),
# and the whole one-document process.
#   [BASELINE=OLD_JUESUAN] [ONE_ONLY=1] scripts/bench_pdf.sh [BUILD_DIR] [RUNS]
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

# --- 0. one document, whole process -----------------------------------------
one=$root/data/examples/2021-jiaozuo-gongxinju.yaml
name=$(basename "$one" .yaml)
juesuan=$build/juesuan
cmake --build "$build" --target juesuan >/dev/null
contenders="new"
[ -n "${BASELINE:-}" ] && contenders="$contenders baseline"
command -v chromium >/dev/null && contenders="$contenders chromium"
command -v wkhtmltopdf >/dev/null && contenders="$contenders wkhtmltopdf"
mkdir -p "$out/peers"
"$juesuan" build "$one" -o "$out/new" --force >/dev/null 2>&1
run_one() {  # contender, turn: one timed run, appends "wall cpu rss" to $out/$1.times
  case $1 in
    new) set -- "$1" "$juesuan" build "$one" -o "$out/new" --force ;;
    baseline) set -- "$1" "$BASELINE" build "$one" -o "$out/baseline" --force ;;
    chromium) set -- "$1" chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
                --print-to-pdf="$out/peers/chromium.pdf" "file://$out/new/$name.html" ;;
    wkhtmltopdf) set -- "$1" wkhtmltopdf -q "$out/new/$name.html" "$out/peers/wkhtmltopdf.pdf" ;;
  esac
  who=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%s %s %s\n", $1, $2 + $3, $4 }' "$out/time.txt" >>"$out/$who.times"
}
echo "== one document, whole process: juesuan build $(basename "$one") --force (PDF + HTML + XLSX), $runs turns"
i=0
while [ "$i" -lt "$runs" ]; do
  for c in $contenders; do run_one "$c"; done
  i=$((i + 1))
done
split() {  # PDF: bytes of font objects, of page content streams, of the rest
  python3 - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
objs = {int(m.group(1)): m for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
fonts, content = set(), set()
for n, m in objs.items():
    body = m.group(2)
    head = body.split(b"stream", 1)[0]
    for ref in re.findall(rb"/(?:FontFile2|FontFile3|FontFile|ToUnicode|CIDToGIDMap|FontDescriptor) (\d+) 0 R", head):
        fonts.add(int(ref))
    if re.search(rb"/Type\s*/(Font|FontDescriptor)\b", head):
        fonts.add(n)
    for ref in re.findall(rb"/Contents (\d+) 0 R", head):
        content.add(int(ref))
size = lambda s: sum(len(objs[n].group(0)) for n in s if n in objs)
f, c = size(fonts), size(content - fonts)
print(f"{len(data)} bytes: fonts {f}, content {c}, rest {len(data) - f - c}")
PY
}
for c in $contenders; do
  pdf=$out/$c/$name.pdf
  [ "$c" = chromium ] || [ "$c" = wkhtmltopdf ] && pdf=$out/peers/$c.pdf
  sort -n "$out/$c.times" | awk -v who="$c" '{ w[NR] = $1 } END { printf "%-12s wall median %.3f s, min %.3f s", who, w[int((NR + 1) / 2)], w[1] }'
  awk '{ print $2 }' "$out/$c.times" | sort -n | awk '{ v[NR] = $1 } END { printf ", CPU median %.3f s", v[int((NR + 1) / 2)] }'
  awk '{ print $3 }' "$out/$c.times" | sort -n | awk '{ v[NR] = $1 } END { printf ", peak RSS %.1f MiB\n", v[NR] / 1024 }'
  [ -f "$pdf" ] && echo "             PDF $(split "$pdf")"
done
median() { awk -v f="$2" '{ print $f }' "$out/$1.times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for c in $contenders; do
  [ "$c" = new ] && continue
  awk -v who="$c" -v w="$(median "$c" 1)" -v c="$(median "$c" 2)" -v nw="$(median new 1)" -v nc="$(median new 2)" 'BEGIN {
    printf "%-12s / juesuan: wall %.1f x, CPU %.1f x (medians of the paired turns)\n", who, w / nw, c / (nc > 0 ? nc : 0.001) }'
done
awk -v w="$(median new 1)" -v r="$(median new 3)" 'BEGIN {
  printf "goal (issue 18: one document <= 0.060 s wall, peak RSS <= 40 MiB): %s\n", (w <= 0.060 && r <= 40 * 1024) ? "met" : "NOT met" }'
if command -v valgrind >/dev/null; then
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$juesuan" build "$one" -o "$out/cg-out" --force 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\)/instructions, whole process (all threads): \1/p'
fi
[ "${ONE_ONLY:-0}" = 1 ] && exit 0

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
