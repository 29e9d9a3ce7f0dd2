#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install what is needed, build,
# and generate the bundled example departments into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja >/dev/null
cmake --build build
./build/juesuan build data/examples/*.yaml -o out
echo "done: open out/*.html"
