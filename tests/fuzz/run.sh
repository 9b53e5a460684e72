#!/usr/bin/env bash
# Runs every libFuzzer target for a given time, growing its corpus:
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [BUILD_DIR] [TARGET...]
# The build folder is configured with clang and -DPAPERSITE_FUZZ=ON, which
# adds AddressSanitizer and UndefinedBehaviorSanitizer. Each target stops after
# SECONDS or 5 million runs, whichever comes first. The markdown target
# also starts from the pages of ../shared/data's bundle when it is there
# (read, never committed). Findings (crash-*, leak-*, timeout-*) land in
# the build folder: fix each, then copy it into tests/fuzz/corpus/<target>/
# so CTest replays it.
set -euo pipefail
seconds=${1:-600}
here=$(cd "$(dirname "$0")" && pwd)
build=${2:-$here/../../build-fuzz}
shift $(($# > 2 ? 2 : $#))
targets=${*:-$(cat "$here/targets.txt")}
CC=clang CXX=clang++ cmake -S "$here/../.." -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAPERSITE_FUZZ=ON -DPAPERSITE_SITE=OFF \
  >/dev/null
cmake --build "$build" --target papersite_fuzz
build=$(cd "$build" && pwd)

bundle=$here/../../../shared/data/awesome-efficient-llm-md.bundle
seeds=$build/fuzz-seeds/markdown
if [ -f "$bundle" ] && [ ! -d "$seeds" ]; then
  git clone -q --branch main "$bundle" "$build/fuzz-seeds/upstream"
  mkdir -p "$seeds"
  cp "$build"/fuzz-seeds/upstream/*.md "$seeds/"
fi

for target in $targets; do
  work="$build/fuzz-corpus/$target"
  mkdir -p "$work"
  extra=()
  if [ "$target" = markdown ] && [ -d "$seeds" ]; then extra=("$seeds"); fi
  echo "fuzz: $target for ${seconds}s"
  (cd "$build" && "./tests/fuzz/fuzz_$target" -max_total_time="$seconds" \
    -runs=5000000 -print_final_stats=1 "$work" "$here/corpus/$target" \
    "${extra[@]}")
done
