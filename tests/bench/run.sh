#!/bin/sh
# Times the history walk and `papersite build` on synthetic lists of 1k,
# 10k and 100k papers, cold (no cache) and warm (cache at HEAD), against
# `git log --first-parent --name-status -M` on the same repository in the
# same run. A warm build with nothing changed stops after checking its
# record; "one paper edited" is the warm build that renders. Reports the
# best of three runs of each, the ratio to the baseline and the peak
# memory; asserts nothing. Commits: half the papers, at most 5,000 (at 100k
# papers, 50,000 commits would make the generator and the walk rewrite and
# read some 10 GB of topic trees, well beyond the few minutes allowed).
# Topic folders: one per 625 papers, at least 16 (a list that large would
# split its topics); with 16 folders of 6,000 papers each
# topic tree is 300 KB and libgit2's fixed 16 MB delta-base cache thrashes
# (BENCH_TOPICS=16 shows it).
#
# usage: tests/bench/run.sh BUILD_DIR [PAPERS...]
#   BUILD_DIR  a configured build with papersite and papersite_history_bench
#   PAPERS     list sizes (default: 1000 10000 100000)
# BENCH_DIR=folder keeps the generated repositories there and reuses them.
set -eu

build=$(cd "${1:?usage: run.sh BUILD_DIR [PAPERS...]}" && pwd)
shift
sizes=${*:-1000 10000 100000}
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
papersite=$build/papersite
walk=$build/tests/papersite_history_bench
export GIT_PAGER=cat

# best_of LABEL CMD...: runs CMD three times; sets best (wall seconds), cpu
# (user + system seconds) and peak (MB) from the fastest run. Returns 1
# when CMD fails.
best_of() {
  label=$1
  shift
  best=
  peak=
  for _ in 1 2 3; do
    if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" \
      2>"$work/err"; then
      echo "  $label: failed: $(grep -v '^Command exited' "$work/err" |
        head -n 1)"
      return 1
    fi
    read -r secs user sys kb <"$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then
      best=$secs
      cpu=$(awk "BEGIN{printf \"%.2f\", $user + $sys}")
      peak=$(awk "BEGIN{printf \"%.0f\", $kb / 1024}")
    fi
  done
}

# report LABEL: one line with the ratio to the baseline.
report() {
  ratio=$(awk "BEGIN{b = $baseline > 0 ? $baseline : 0.01
    printf \"%.2f\", $best / b}")
  printf '  %-34s %6.2f s  %5.2fx git log  cpu %5.2f s  %4s MB\n' "$1" \
    "$best" "$ratio" "$cpu" "$peak"
}

for papers in $sizes; do
  commits=$((papers / 2))
  [ "$commits" -gt 5000 ] && commits=5000
  # 16 topic folders, or ~625 papers per folder on larger lists (see the
  # note on tree sizes above); BENCH_TOPICS overrides.
  topics=${BENCH_TOPICS:-$((papers / 625 > 16 ? papers / 625 : 16))}
  repo=$work/list-$papers-$topics
  echo "== $papers papers, $commits commits, $topics topics"
  if [ ! -d "$repo" ]; then
    start=$(date +%s)
    python3 "$here/generate.py" --papers "$papers" --commits "$commits" \
      --topics "$topics" "$repo"
    echo "  generated in $(($(date +%s) - start)) s"
  fi
  cache=$work/history-$papers.cache

  best_of "git log" git -C "$repo" log --first-parent --name-status -M
  baseline=$best
  printf '  %-34s %6.2f s  (baseline)      cpu %5.2f s  %4s MB\n' \
    "git log --first-parent -M" "$best" "$cpu" "$peak"

  best_of cold sh -c "rm -f '$cache' && '$walk' '$repo/content' '$cache'" &&
    report "walk, cold (no cache)"
  best_of warm "$walk" "$repo/content" "$cache" &&
    report "walk, warm (cache at HEAD)"
  best_of dates "$papersite" dates --content "$repo/content" &&
    report "papersite dates (no cache)"

  out=$work/site-$papers
  build_cache=$work/build-$papers.cache
  build="'$papersite' -q build --content '$repo/content' \
    --theme '$source_dir/themes/markdown' --out '$out' --cache '$build_cache'"
  if best_of "build, cold" sh -c "rm -f '$build_cache' '$build_cache.build' \
      && $build"; then
    report "papersite build, cold"
    best_of "build, warm" sh -c "$build" &&
      report "papersite build, warm, unchanged"
    # A comment appended to one paper: its status changes, its page not.
    edited=$(find "$repo/content/papers" -name '*.toml' | sort | head -n 1)
    best_of "build, edited" sh -c "echo '# edited' >> '$edited' && $build" &&
      report "papersite build, one paper edited"
    git -C "$repo" checkout -q -- "$edited"
  fi
done
