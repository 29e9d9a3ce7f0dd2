#!/usr/bin/env bash
# Installs the Debian packages juesuan needs to build, test and render.
# Does nothing when they are all present, so every script can call it.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build pkg-config
  # libraries
  libyaml-dev libyaml-cpp-dev libicu-dev libhpdf-dev libmstch-dev libboost-dev libharfbuzz-dev libdeflate-dev nlohmann-json3-dev
  # spreadsheets: XLSX out (libxlsxwriter), XLSX in (minizip + expat), .xls in (FreeXL)
  libxlsxwriter-dev libminizip-dev libexpat1-dev libfreexl-dev
  # tests
  catch2 qpdf poppler-utils
  # fonts (see fonts/manifest.yaml)
  fonts-lxgw-wenkai fonts-arphic-uming fonts-wqy-microhei fonts-droid-fallback
  fonts-liberation2 fonts-noto-cjk
  # fuzzing (scripts/fuzz.sh: libFuzzer and the sanitizer runtimes of clang 14)
  clang-14 libclang-rt-14-dev
  # batch: the synthetic city (scripts/synth_city.py), its benchmark, and the
  # browser checks of the index and pages (tests/browser, headless chromium)
  python3 python3-yaml python3-websocket time chromium
  # the JSON Schema of the department YAML (scripts/check_schema.py)
  python3-jsonschema
  # benchmark: a peer printing the same HTML to PDF (scripts/bench_pdf.sh;
  # Chromium, above, is the other); valgrind counts the instructions
  wkhtmltopdf valgrind
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
