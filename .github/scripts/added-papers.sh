#!/usr/bin/env bash
# Prints, as markdown for a pull request's job summary, the row each topic
# page shows for every paper file the pull request adds.
#   added-papers.sh BASE_SHA PAGES_DIR
# PAGES_DIR holds pages rendered from the pull request by `papersite build`.
set -euo pipefail
base=$1
pages=$2

mapfile -t added < <(git diff --name-only --diff-filter=A "$base"...HEAD \
  -- 'content/papers/*.toml')
if [ ${#added[@]} -eq 0 ]; then
  echo "This pull request adds no paper file."
  exit 0
fi

echo "## Papers added by this pull request"
for file in "${added[@]}"; do
  echo
  echo "### \`$file\`"
  echo
  url=$(sed -n 's/^paper[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$file" |
    head -n 1)
  # The topic page (not the front page, which shows recent papers only)
  # holding a table row with the paper's link.
  page=""
  if [ -n "$url" ]; then
    page=$(grep -rlF --include='*.md' -- "$url" "$pages" |
      grep -v '/README\.md$' | head -n 1 || true)
  fi
  if [ -z "$page" ]; then
    echo "No rendered row was found for this file."
    continue
  fi
  # The table's header and separator, then the paper's row.
  grep -m 2 '^|' "$page"
  grep -F -- "$url" "$page" | grep -m 1 '^|'
done
