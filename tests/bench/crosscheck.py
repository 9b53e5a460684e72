#!/usr/bin/env python3
"""Cross-checks `papersite dates` against git's own rename detection.

Replays `git log --first-parent --reverse --name-status -M` (renames on,
copies off, no rename limit) over content/papers/ and compares each file's
added and updated time with what `papersite dates` prints. Ignored
revisions are not applied, so use it on repositories without a
.git-blame-ignore-revs file.

usage: crosscheck.py PAPERSITE REPO
"""

import datetime
import subprocess
import sys


def iso(seconds):
    return datetime.datetime.fromtimestamp(
        seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def git_dates(repo):
    log = subprocess.run(
        ["git", "-C", repo, "-c", "diff.renameLimit=0", "-c",
         "core.quotePath=false", "log", "--first-parent", "--reverse",
         "--name-status", "-M",
         "--format=@%ct", "--", "content/papers/"],
        check=True, capture_output=True, text=True).stdout
    files = {}
    when = 0
    for line in log.splitlines():
        if line.startswith("@"):
            when = int(line[1:])
            continue
        if not line:
            continue
        parts = line.split("\t")
        status = parts[0]
        if status == "A":
            files[parts[1]] = [when, when]
        elif status == "M":
            files[parts[1]][1] = when
        elif status == "D":
            del files[parts[1]]
        elif status.startswith("R"):
            added, updated = files.pop(parts[1])
            if status != "R100":
                updated = when
            files[parts[2]] = [added, updated]
    return files


def main():
    papersite, repo = sys.argv[1], sys.argv[2]
    out = subprocess.run(
        [papersite, "dates", "--content", f"{repo}/content"], check=True,
        capture_output=True, text=True).stdout
    ours = {}
    for line in out.splitlines():
        path, added, updated, _ = line.split("\t")
        ours[path] = (added, updated)
    theirs = {p: (iso(a), iso(u)) for p, (a, u) in git_dates(repo).items()}
    differ = sorted(p for p in set(ours) | set(theirs)
                    if ours.get(p) != theirs.get(p))
    for p in differ[:20]:
        print(f"{p}: papersite {ours.get(p)} git {theirs.get(p)}")
    print(f"{len(ours)} files, {len(differ)} differ from git")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
