#!/usr/bin/env bash
# Builds and runs every test (CTest; each Catch2 test case is one CTest test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja >/dev/null
cmake --build build
cd build && ctest --output-on-failure -j"$(nproc)"
