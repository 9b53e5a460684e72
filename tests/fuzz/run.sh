#!/usr/bin/env bash
# Runs every libFuzzer target for a given time, growing its corpus:
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [BUILD_DIR]
# The build folder is configured with clang and -DPAPERSITE_FUZZ=ON.
# Findings (crash-*, leak-*, timeout-*) land in the build folder: fix each,
# then copy it into tests/fuzz/corpus/<target>/ so CTest replays it.
set -euo pipefail
seconds=${1:-600}
here=$(cd "$(dirname "$0")" && pwd)
build=${2:-$here/../../build-fuzz}
CC=clang CXX=clang++ cmake -S "$here/../.." -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAPERSITE_FUZZ=ON -DPAPERSITE_SITE=OFF \
  >/dev/null
cmake --build "$build" --target papersite_fuzz
for target in $(cat "$here/targets.txt"); do
  work="$build/fuzz-corpus/$target"
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s"
  (cd "$build" && "./tests/fuzz/fuzz_$target" -max_total_time="$seconds" \
    -runs=5000000 -print_final_stats=1 "$work" "$here/corpus/$target")
done
