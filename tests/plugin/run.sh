#!/usr/bin/env bash
# End-to-end test of the CMake plugin, run by CTest:
#   run.sh <papersite source dir> <papersite build dir> <scratch dir>
#
# Installs the already built papersite into a prefix under the scratch dir,
# then, with the Ninja and the Unix Makefiles generators, renders a tiny list
# (tests/plugin/list, its own git repository of two commits) that uses
# find_package(PaperSite) and checks that a second build does not run the
# compiler, while touching a paper or a template, adding, committing or
# deleting a paper does. Wrong CONTENT/THEME/OUTPUT_DIR paths and versions
# must fail at configure time; a broken paper must fail the build with the
# compiler's diagnostic. Last, tests/plugin/subproject builds papersite
# through add_subdirectory.
#
# Whether the compiler ran is told by the stamp file, which only the
# compiler writes (atomically, so its inode changes on every run).
set -Eeuo pipefail

if [ $# -ne 3 ]; then
  echo "usage: run.sh <source dir> <build dir> <scratch dir>" >&2
  exit 2
fi
source_dir=$(cd "$1" && pwd)
build_dir=$(cd "$2" && pwd)
scratch=$3
here="$source_dir/tests/plugin"
cmake=${CMAKE_COMMAND:-cmake}
# The machine's cores are shared: the add_subdirectory case compiles
# papersite again.
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
# The tiny repositories' commits must not depend on the user's git setup.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

step_name="setup"
log="$scratch/last.log"

step() {
  step_name="$*"
  echo "plugin: -- [${SECONDS} s] $step_name"
}

fail() {
  trap - ERR
  echo "plugin: FAILED in step '$step_name': $*" >&2
  if [ -s "$log" ]; then
    echo "plugin: output of the last command:" >&2
    sed 's/^/  | /' "$log" >&2
  fi
  exit 1
}

trap 'fail "command failed (line $LINENO)"' ERR

# Runs a command with its output in $log; fails the step when it fails.
run() {
  if ! "$@" >"$log" 2>&1; then
    fail "'$*' exited with an error"
  fi
}

# Runs a command that must fail; its output stays in $log.
run_failing() {
  if "$@" >"$log" 2>&1; then
    fail "'$*' succeeded but should have failed"
  fi
}

# CMake wraps a message at a width that depends on the paths in it, so the
# log is matched with each run of line breaks and indents read as one space.
expect_in_log() {
  tr -s ' \n' '  ' <"$log" | grep -Eq -- "$1" ||
    fail "output does not match '$1'"
}

expect_in_file() {
  [ -f "$1" ] || fail "'$1' was not written"
  grep -Fq -- "$2" "$1" || fail "'$1' does not contain '$2'"
}

git_in() {
  local dir=$1
  shift
  git -C "$dir" -c user.name=test -c user.email=test@example.invalid \
    -c commit.gpgsign=false "$@"
}

# Commits everything staged with fixed author and committer dates.
commit_at() {
  local dir=$1 date=$2 message=$3
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" \
    git_in "$dir" commit -q -m "$message"
}

# Copies the tiny list into $1 and makes it a repository of two commits,
# one per paper.
make_list_repo() {
  local dir=$1
  mkdir -p "$dir"
  cp -R "$here/list/content" "$dir/"
  git_in "$dir" init -q -b main
  git_in "$dir" add content/site.toml content/topics.toml \
    content/papers/alpha/first.toml
  commit_at "$dir" 2024-03-01T10:00:00Z "first paper"
  git_in "$dir" add content/papers/alpha/second.toml
  commit_at "$dir" 2024-03-05T10:00:00Z "second paper"
}

stamp_id() {
  if [ -f "$1" ]; then stat -c '%i %y' "$1"; else echo none; fi
}

# build <build dir> <stamp> <ran|not-run> <what> [target]
build() {
  local dir=$1 stamp=$2 expect=$3 what=$4 target=${5:-site}
  local before after extra=()
  step "$what: build '$target', expect the compiler $expect"
  before=$(stamp_id "$stamp")
  # Ninja says why it reruns a command; on failure that is in the log.
  if [ -f "$dir/build.ninja" ]; then extra=(-- -d explain); fi
  run "$cmake" --build "$dir" --target "$target" "${extra[@]}"
  after=$(stamp_id "$stamp")
  if [ "$expect" = ran ] && [ "$before" = "$after" ]; then
    fail "the compiler did not run"
  fi
  if [ "$expect" = not-run ] && [ "$before" != "$after" ]; then
    fail "the compiler ran although nothing changed"
  fi
}

# Waits past the file system's timestamp granularity, so that an edit is
# newer than the stamp of the build before it.
tick() {
  sleep 1
}

check_pages() {
  local dir=$1
  step "pages of $dir"
  expect_in_file "$dir/README.md" "Tiny List"
  expect_in_file "$dir/alpha.md" "A First Paper on Tiny Lists"
  expect_in_file "$dir/alpha.md" "A Second Paper on Tiny Lists"
  expect_in_file "$dir/feed.xml" "A First Paper on Tiny Lists"
  expect_in_file "$dir/feed.xml" "A Second Paper on Tiny Lists"
}

# One generator through find_package(PaperSite) from the prefix.
test_generator() {
  local generator=$1 name=$2
  local list="$scratch/$name/list" build="$scratch/$name/build"
  local stamp="$build/site.stamp"
  local theme="$scratch/prefix/share/papersite/themes/markdown"

  step "$generator: make the tiny list repository"
  make_list_repo "$list"
  cp "$here/list/CMakeLists.txt" "$list/"

  step "$generator: configure with find_package(PaperSite)"
  run "$cmake" -S "$list" -B "$build" -G "$generator" \
    "-DCMAKE_PREFIX_PATH=$scratch/prefix"

  build "$build" "$stamp" ran "$generator: first build"
  check_pages "$list"
  build "$build" "$stamp" not-run "$generator: nothing changed"

  tick
  touch "$list/content/papers/alpha/first.toml"
  build "$build" "$stamp" ran "$generator: paper touched"
  build "$build" "$stamp" not-run "$generator: nothing changed after touch"

  tick
  touch "$theme/partials/about_feeds.mustache"
  build "$build" "$stamp" ran "$generator: theme partial touched"

  tick
  cat >"$list/content/papers/alpha/third.toml" <<'EOF'
title = "A Third Paper Added Later"
authors = ["Di Example"]
paper = "https://arxiv.org/abs/2403.00003"
EOF
  build "$build" "$stamp" ran "$generator: paper added"
  expect_in_file "$list/alpha.md" "A Third Paper Added Later"
  build "$build" "$stamp" not-run "$generator: nothing changed after add"

  tick
  git_in "$list" add content/papers/alpha/third.toml
  commit_at "$list" 2024-03-08T10:00:00Z "third paper"
  build "$build" "$stamp" ran "$generator: paper committed"
  build "$build" "$stamp" not-run "$generator: nothing changed after commit"

  # git status and the like rewrite the index; no date depends on it.
  tick
  git_in "$list" status >/dev/null
  touch "$list/.git/index"
  build "$build" "$stamp" not-run "$generator: index rewritten"

  # A deleted paper must not stay among the inputs (it did with CMake's
  # Makefile generators before PaperSite.cmake worked around them).
  tick
  git_in "$list" rm -q content/papers/alpha/third.toml
  commit_at "$list" 2024-03-09T10:00:00Z "third paper withdrawn"
  build "$build" "$stamp" ran "$generator: paper deleted"
  if grep -Fq "A Third Paper Added Later" "$list/alpha.md"; then
    fail "the deleted paper is still on its topic page"
  fi
  build "$build" "$stamp" not-run "$generator: nothing changed after delete"

  # After git gc or pack-refs the branch has no file of its own; a commit
  # onto it must rerun the compiler all the same.
  tick
  git_in "$list" pack-refs --all
  build "$build" "$stamp" ran "$generator: refs packed"
  build "$build" "$stamp" not-run "$generator: nothing changed after packing"
  tick
  sed -i 's/A First Paper on Tiny Lists/A First Paper, Edited/' \
    "$list/content/papers/alpha/first.toml"
  build "$build" "$stamp" ran "$generator: paper edited"
  expect_in_file "$list/alpha.md" "A First Paper, Edited"
  tick
  git_in "$list" add content/papers/alpha/first.toml
  commit_at "$list" 2024-03-10T10:00:00Z "first paper edited"
  build "$build" "$stamp" ran "$generator: commit onto a packed branch"
  build "$build" "$stamp" not-run "$generator: nothing changed after it"

  step "$generator: a broken paper fails the build with its diagnostic"
  tick
  printf 'title = 3\nauthors = ["Ed Example"]\npaper = "https://arxiv.org/abs/2403.00004"\n' \
    >"$list/content/papers/alpha/broken.toml"
  run_failing "$cmake" --build "$build" --target site
  expect_in_log 'broken\.toml:[0-9]+:[0-9]+: error: '
  rm "$list/content/papers/alpha/broken.toml"
  build "$build" "$stamp" ran "$generator: broken paper removed"
}

# Writes a project into $scratch/configure/$1 from the given lines after
# project(); its content folder is enough for papersite_add_site's checks.
write_project() {
  local dir="$scratch/configure/$1"
  shift
  mkdir -p "$dir/content"
  touch "$dir/content/site.toml"
  printf '%s\n' "cmake_minimum_required(VERSION 3.25)" "project(tiny NONE)" \
    "$@" >"$dir/CMakeLists.txt"
}

configure_project() {
  "$cmake" -S "$scratch/configure/$1" -B "$scratch/configure/$1/build" \
    -G Ninja "-DCMAKE_PREFIX_PATH=$scratch/prefix"
}

test_configure_errors() {
  local find='find_package(PaperSite 0.1 REQUIRED)'

  step "configure: a wrong CONTENT fails naming CONTENT"
  write_project content "$find" \
    'papersite_add_site(site CONTENT no-such-folder THEME markdown OUTPUT_DIR .)'
  run_failing configure_project content
  expect_in_log "CONTENT 'no-such-folder' is not a folder"

  step "configure: a wrong THEME fails naming THEME"
  write_project theme "$find" \
    'papersite_add_site(site CONTENT content THEME no-such-theme OUTPUT_DIR .)'
  run_failing configure_project theme
  expect_in_log "THEME 'no-such-theme' is neither a folder"
  expect_in_log "bundled theme \\(markdown\\)"

  step "configure: a THEME folder without theme.toml fails naming THEME"
  write_project theme-empty "$find" \
    'papersite_add_site(site CONTENT content THEME empty OUTPUT_DIR .)'
  mkdir -p "$scratch/configure/theme-empty/empty"
  run_failing configure_project theme-empty
  expect_in_log "THEME 'empty' has no theme.toml"

  step "configure: OUTPUT_DIR inside CONTENT fails"
  write_project output "$find" \
    'papersite_add_site(site CONTENT content THEME markdown OUTPUT_DIR content/x)'
  run_failing configure_project output
  expect_in_log "OUTPUT_DIR 'content/x' is inside CONTENT"

  step "configure: version 0.2 is not 0.1.x"
  write_project version 'find_package(PaperSite 0.2 REQUIRED)'
  run_failing configure_project version
  expect_in_log 'compatible with requested version "0.2"'

  step "configure: THEME names a bundled theme"
  write_project theme-name "$find" \
    'papersite_add_site(site CONTENT content THEME markdown OUTPUT_DIR .)'
  run configure_project theme-name
  grep -Fq -- "--theme $scratch/prefix/share/papersite/themes/markdown " \
    "$scratch/configure/theme-name/build/build.ninja" ||
    fail "THEME markdown did not resolve to the installed theme"
}

# papersite as a subproject: its tests, site and install rules stay off;
# the list's site is part of the default build (ALL) and has a check target.
# Compiling papersite again is the slow part, so it starts in the background
# while the find_package cases run.
subproject_list="$scratch/subproject/list"
subproject_build="$scratch/subproject/build"
subproject_log="$scratch/subproject.log"

start_subproject() {
  step "add_subdirectory: make the tiny list repository"
  make_list_repo "$subproject_list"
  cp "$here/subproject/CMakeLists.txt" "$subproject_list/"

  step "add_subdirectory: configure and compile papersite (background)"
  # Its own process group, so that a failing run can stop the compilers too.
  set -m
  ("$cmake" -S "$subproject_list" -B "$subproject_build" -G Ninja \
    "-DPAPERSITE_ROOT=$source_dir" &&
    "$cmake" --build "$subproject_build" --target papersite) \
    >"$subproject_log" 2>&1 &
  subproject_pid=$!
  set +m
}

stop_subproject() {
  if [ -n "${subproject_pid:-}" ]; then
    kill -- "-$subproject_pid" 2>/dev/null || true
  fi
}
trap stop_subproject EXIT

test_subproject() {
  local list=$subproject_list build=$subproject_build
  local stamp="$build/site.stamp"

  step "add_subdirectory: configure and compile papersite"
  if ! wait "$subproject_pid"; then
    subproject_pid=""
    log=$subproject_log
    fail "configuring or compiling the subproject failed"
  fi
  subproject_pid=""
  if grep -q papersite_tests "$build/build.ninja"; then
    fail "papersite's tests are built inside another project"
  fi

  build "$build" "$stamp" ran "add_subdirectory: default build" all
  check_pages "$list"
  build "$build" "$stamp" not-run "add_subdirectory: nothing changed" all
  tick
  touch "$list/content/papers/alpha/second.toml"
  build "$build" "$stamp" ran "add_subdirectory: paper touched" site

  step "add_subdirectory: CHECK_TARGET"
  run "$cmake" --build "$build" --target site-check
}

rm -rf "$scratch"
mkdir -p "$scratch"

step "install the built papersite into a prefix"
run "$cmake" --install "$build_dir" --prefix "$scratch/prefix"
[ -x "$scratch/prefix/bin/papersite" ] || fail "no bin/papersite installed"
for f in PaperSiteConfig.cmake PaperSiteConfigVersion.cmake PaperSite.cmake; do
  [ -n "$(find "$scratch/prefix" -path "*/cmake/PaperSite/$f")" ] ||
    fail "no $f installed"
done
[ -d "$scratch/prefix/share/papersite/themes/markdown" ] ||
  fail "no themes installed"

command -v ninja >/dev/null || fail "ninja is not installed (ninja-build)"
start_subproject
test_configure_errors
test_generator Ninja ninja
test_generator "Unix Makefiles" make
test_subproject
echo "plugin: all steps passed in ${SECONDS} s"
