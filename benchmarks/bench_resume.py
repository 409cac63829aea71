"""Cost of a small ingest run into a big store: clusterer checkpoint vs a full replay, side by side.

Why: a run that brings new work must rebuild the clusterer's in-memory state. Before checkpoints it
replayed every stored article; now it loads the last run's checkpoint and replays only what was stored
after it. Both paths run here on the same store, one after the other (the full replay is the same run
with the checkpoint deleted first), and must give the same stories.

    .venv/bin/python benchmarks/bench_resume.py [--sizes 2000 10000] [--new 32] [--write-md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.store import checkpoint, open_store  # noqa: E402
from newsprism.store.ingest import Ingestor  # noqa: E402

PLACES = [f"{a}{b}" for a in ("North", "South", "East", "West", "Port", "Lake", "Fort", "Glen") for b in
          ("gate", "haven", "field", "ford", "moor", "wick", "bury", "stead")]  # fmt: skip
EVENTS = ["a flood barrier", "a tram line", "pier repairs", "a school expansion", "a hospital wing", "a bridge",
          "a wind farm", "a bus depot", "a library", "a harbour dredge"]  # fmt: skip


def write_jsonl(path: Path, n: int, start: int, seed: int) -> None:
    """``n`` articles about ~640 (place, event) stories, each reported several times in other words."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            place, event = rng.choice(PLACES), rng.choice(EVENTS)
            day = rng.choice(["Monday", "Tuesday", "Friday"])
            body = " ".join(
                f"Officials in {place} {rng.choice(['approved', 'backed', 'funded'])} {event} on {day}, "
                f"according to report {i}-{k} by {rng.choice(['the council', 'the mayor', 'a spokeswoman'])}."
                for k in range(5)
            )
            f.write(json.dumps({"id": f"a{i}", "title": f"{place} approves {event}", "text": body,
                                "published": f"2024-03-{1 + i % 28:02d}"}) + "\n")  # fmt: skip


def run(db: Path, path: Path) -> tuple[float, float, set[frozenset[str]], int]:
    """Wall s, CPU s, final stories and the number of stored articles replayed."""
    store = open_store(str(db))
    c0, t0 = time.process_time(), time.perf_counter()
    report = Ingestor(store, embedder="hash").run([path])
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    stories = {frozenset(s.articles) for s in store.stories()}
    store.close()
    return wall, cpu, stories, report.replayed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    ap.add_argument("--new", type=int, default=32)
    ap.add_argument("--write-md", action="store_true")
    args = ap.parse_args()
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="newsprism-resume-"))
    for size in args.sizes:
        base, extra = tmp / f"base{size}.jsonl", tmp / f"new{size}.jsonl"
        write_jsonl(base, size, 0, seed=size)
        write_jsonl(extra, args.new, size, seed=size + 1)
        db = tmp / f"store{size}.db"
        t0 = time.perf_counter()
        store = open_store(str(db))
        Ingestor(store, embedder="hash").run([base])
        build = time.perf_counter() - t0
        copy = tmp / f"copy{size}.db"
        with sqlite3.connect(copy) as dst:  # same store, same checkpoint, for the second path (WAL included)
            store._conn.backup(dst)
        store.close()
        ck = run(db, extra)
        store = open_store(str(copy))
        with store.transaction():
            store.put_checkpoint(checkpoint.NAME, 0, "", None)
        store.close()
        full = run(copy, extra)
        rows.append({"size": size, "build_s": build, "ckpt": ck[:2] + (ck[3],), "full": full[:2] + (full[3],),
                     "same": ck[2] == full[2], "stories": len(ck[2])})  # fmt: skip
        print(json.dumps(rows[-1]), flush=True)
    if args.write_md:
        write_md(rows, args.new)


def write_md(rows: list[dict], new: int) -> None:
    load = os.getloadavg()[0]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "# Resuming an ingest: clusterer checkpoint vs full replay",
        "",
        f"`.venv/bin/python benchmarks/bench_resume.py --write-md`, run {dt.datetime.now(dt.UTC):%Y-%m-%dT%H:%M}+00:00.",
        "",
        f"Machine: {platform.system()} {platform.release()}, {os.cpu_count()} CPUs visible, Python "
        f"{platform.python_version()}, load average {load:.1f} at the end; peak RSS {rss:.0f} MiB.",
        "",
        f"A SQLite store of N synthetic articles (JSONL, hash embedder), then a run that adds {new} new ones.",
        "**checkpoint**: the run loads the clusterer state the previous run saved and replays the articles stored",
        "after it (none here). **full replay** (the behaviour before checkpoints, the peer): the same run on a copy of",
        "the store with the checkpoint deleted, so every stored article is replayed. Both must give the same stories.",
        "",
        "| stored articles N | build the store (s) | checkpoint: wall s / CPU s / replayed | full replay: wall s / CPU s / replayed "
        "| same stories | stories |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        ck, fu = r["ckpt"], r["full"]
        lines.append(
            f"| {r['size']:,} | {r['build_s']:.0f} | {ck[0]:.1f} / {ck[1]:.1f} / {ck[2]:,} | "
            f"{fu[0]:.1f} / {fu[1]:.1f} / {fu[2]:,} | {r['same']} | {r['stories']:,} |"
        )
    lines += [
        "",
        "Notes",
        "- The checkpoint run's cost is loading the state (a compressed pickle, restricted to the clusterer's",
        "  own classes) plus the run's own work; the full replay's grows with the store.",
        "- Shared machine: compare the two columns of one row (run back to back), not rows of other runs.",
    ]
    (ROOT / "benchmarks" / "resume.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
