#!/usr/bin/env python3
"""Generates a synthetic paper list as a git repository, for the benchmark.

N papers in T topic folders (16 unless told) over M first-parent commits,
one every six hours: each commit adds papers to one topic, as a pull
request does, and some also edit a paper, move one to another topic (half
of the moves with an edit), or only touch the generated README. The history
is written with one `git fast-import` stream, so 100k papers take about a
minute, not hours. The files follow the design's content schema, so
`papersite build` can run on them.

usage: generate.py --papers N --commits M [--topics T] OUT_DIR
"""

import argparse
import os
import random
import subprocess
import sys

BASE_TOPICS = [
    "pruning", "quantization", "distillation", "kv-cache-compression",
    "efficient-moe", "inference-acceleration", "hardware", "long-context",
    "low-rank", "speculative-decoding", "serving", "training-efficiency",
    "wireless", "edge-inference", "compression-survey", "benchmarks",
]
START = 1_600_000_000  # 2020-09-13, the first commit
STEP = 6 * 3600  # six hours between commits


def paper_text(n, version):
    month = 1 + (n // 90000) % 12
    number = 10000 + n % 90000
    text = (
        f'title = "Synthetic paper {n}: efficient models, part {n % 97}"\n'
        f'authors = ["Author {n % 1013}", "Author {n % 389}"]\n'
        f'paper = "https://arxiv.org/abs/24{month:02d}.{number:05d}"\n'
        f'code = "https://github.com/example/repo-{n}"\n'
        f'venue = "NeurIPS\'{20 + n % 5}"\n'
        f'tags = ["Structural"]\n'
    )
    if version:
        text += f'summary = "Revision {version} of the description of {n}."\n'
    return text.encode()


def topic_names(count):
    extra = [f"topic-{i}" for i in range(len(BASE_TOPICS), count)]
    return (BASE_TOPICS + extra)[:count]


def site_files(topics):
    site = (
        'title = "Synthetic list"\n'
        'tagline = "A benchmark list"\n'
        'base_url = "https://example.invalid/list/"\n'
        'repository = "https://example.invalid/list"\n'
        "recent_days = 30\nrecent_min = 10\nfeed_items = 50\n"
    ).encode()
    topics_toml = "".join(
        f'[[topic]]\nslug = "{t}"\ntitle = "{t.title()}"\npage = "{t}.md"\n\n'
        for t in topics
    ).encode()
    return {"content/site.toml": site, "content/topics.toml": topics_toml}


class Stream:
    def __init__(self, out):
        self.out = out

    def data(self, payload):
        self.out.write(b"data %d\n" % len(payload))
        self.out.write(payload)
        self.out.write(b"\n")

    def commit(self, mark, when, message, ops):
        self.out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
        self.out.write(
            b"committer Bench <bench@example.invalid> %d +0000\n" % when)
        self.data(message.encode())
        if mark > 1:
            self.out.write(b"from :%d\n" % (mark - 1))
        for op in ops:
            if op[0] == "M":
                self.out.write(b"M 100644 inline %s\n" % op[1].encode())
                self.data(op[2])
            elif op[0] == "D":
                self.out.write(b"D %s\n" % op[1].encode())
            else:
                self.out.write(b'R "%s" "%s"\n' % (op[1].encode(),
                                                   op[2].encode()))


def generate(papers, commits, topic_count, out_dir, seed):
    rng = random.Random(seed)
    topics = topic_names(topic_count)
    subprocess.run(["git", "init", "-q", "-b", "main", out_dir], check=True)
    proc = subprocess.Popen(
        ["git", "fast-import", "--quiet"], cwd=out_dir, stdin=subprocess.PIPE)
    stream = Stream(proc.stdin)
    where = {}  # paper number -> path
    version = {}  # paper number -> edit count
    next_paper = 0
    for c in range(1, commits + 1):
        when = START + c * STEP
        ops = []
        if c == 1:
            ops += [("M", p, t) for p, t in site_files(topics).items()]
        # Papers still to add are spread evenly over the remaining commits.
        due = (papers * c) // commits - next_paper
        # A pull request adds its papers to one topic.
        topic = rng.choice(topics)
        for _ in range(due):
            n = next_paper
            next_paper += 1
            path = f"content/papers/{topic}/paper-{n}.toml"
            where[n] = path
            version[n] = 0
            ops.append(("M", path, paper_text(n, 0)))
        roll = rng.random()
        if where and roll < 0.30:
            n = rng.randrange(next_paper)
            version[n] += 1
            ops.append(("M", where[n], paper_text(n, version[n])))
        elif where and roll < 0.40:
            n = rng.randrange(next_paper)
            topic = rng.choice(topics)
            new = f"content/papers/{topic}/paper-{n}-moved.toml"
            if new != where[n] and new not in where.values():
                if rng.random() < 0.5:
                    ops.append(("R", where[n], new))
                else:
                    version[n] += 1
                    ops.append(("D", where[n]))
                    ops.append(("M", new, paper_text(n, version[n])))
                where[n] = new
        elif roll < 0.50:
            ops.append(("M", "README.md", b"generated %d\n" % c))
        stream.commit(c, when, f"commit {c}", ops)
    proc.stdin.close()
    if proc.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=out_dir,
                   check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, required=True)
    parser.add_argument("--commits", type=int, required=True)
    parser.add_argument("--topics", type=int, default=16,
                        help="topic folders (default 16)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("out_dir")
    args = parser.parse_args()
    if os.path.exists(args.out_dir):
        sys.exit(f"'{args.out_dir}' exists; remove it or choose another")
    generate(args.papers, args.commits, args.topics, args.out_dir, args.seed)


if __name__ == "__main__":
    main()
