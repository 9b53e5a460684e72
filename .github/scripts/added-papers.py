#!/usr/bin/env python3
"""Prints, as markdown for a pull request's job summary, the row each topic
page shows for every paper file the pull request adds.

    added-papers.py BASE_SHA PAGES_DIR

PAGES_DIR holds pages rendered from the pull request by `papersite build`.
A paper's row is the topic-page table row linking its `paper` URL; the
front page is left out, as it shows recent papers only.
"""
import pathlib
import subprocess
import sys
import tomllib


def added_files(base):
    out = subprocess.run(
        ["git", "diff", "--name-only", "--diff-filter=A", "-z",
         f"{base}...HEAD", "--", "content/papers/*.toml"],
        check=True, capture_output=True, text=True).stdout
    return [name for name in out.split("\0") if name]


def paper_url(file):
    try:
        with open(file, "rb") as f:
            url = tomllib.load(f).get("paper")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return url if isinstance(url, str) else None


def rendered_row(pages, url):
    """The table's header and the row linking exactly `url`, else None."""
    link = f"]({url})"
    for page in sorted(pathlib.Path(pages).glob("*.md")):
        if page.name == "README.md":
            continue
        rows = [line for line in page.read_text(encoding="utf-8").splitlines()
                if line.startswith("|")]
        for row in rows:
            if link in row:
                return "\n".join(rows[:2] + [row])
    return None


def main():
    base, pages = sys.argv[1], sys.argv[2]
    files = added_files(base)
    if not files:
        print("This pull request adds no paper file.")
        return
    print("## Papers added by this pull request")
    for file in files:
        print(f"\n### `{file}`\n")
        url = paper_url(file)
        row = rendered_row(pages, url) if url else None
        print(row if row else "No rendered row was found for this file.")


if __name__ == "__main__":
    main()
