"""Streaming cost of the story clusterer: articles/second and peak RSS at growing stream sizes.

Why synthetic: no real corpus has 10^5 articles with gold stories. Each synthetic event
copies a real ECB+/BASIL gold story (2–8 of its articles), renames its capitalised words
and shifts its numbers (so two events from one template differ in *who/where/how many*, as
similar real events do, while the wording stays alike), drops a few sentences per article
and gives the event a fresh date; events overlap in time and the stream is ordered by publication time with jitter.
The cost per article should stay flat as the stream grows: the pool of active stories is
bounded and retired stories go to the ``on_retire`` callback (the store's job).

The clusterer runs with the ``hash`` embedder by default: embeddings are computed once per
article upstream and cached by text hash, so this measures the clusterer. ``--minilm N``
adds the minilm embedding throughput on N title+lead texts for the full-pipeline budget.

    .venv/bin/python benchmarks/bench_cluster_stream.py 10000 100000 [--minilm 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_cluster import load_basil, load_ecb, parse_params  # noqa: E402
from newsprism.model import Article  # noqa: E402

_CAP = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NUMBER = re.compile(r"\b\d{1,4}\b")
_SENT = re.compile(r"(?<=[.!?])\s+")


def templates() -> list[list[Article]]:
    """Gold stories of the dev splits, as lists of articles."""
    out = []
    for loader in (load_ecb, load_basil):
        arts, gold, _ = loader()
        by: dict[str, list[Article]] = {}
        for a in arts:
            by.setdefault(gold[a.id], []).append(a)
        out.extend(v for _, v in sorted(by.items()))
    return out


def fake_name(word: str, event: int) -> str:
    h = hashlib.blake2b(f"{word}/{event}".encode(), digest_size=4).hexdigest()
    return "Q" + "".join(chr(97 + int(c, 16) % 26) for c in h)


def synth_stream(n: int, seed: int = 0) -> Iterator[tuple[Article, str]]:
    """Yield (article, gold event id), ordered by publication time (with jitter), n in all."""
    rng = random.Random(seed)
    tpl = templates()
    start = dt.date(2020, 1, 1).toordinal()
    per_day = 300  # articles per day in the stream, so events overlap in time
    pending: list[tuple[float, int, Article, str]] = []
    made = event = 0
    import heapq

    while made < n or pending:
        # open events until the heap holds the next day's worth of articles
        while made < n and (not pending or pending[0][0] + 2 > made / per_day):
            t = tpl[rng.randrange(len(tpl))]
            k = min(len(t), rng.randint(2, 8), n - made)
            day0 = made / per_day
            names = {w: fake_name(w, event) for w in sorted({w for a in t for w in _CAP.findall(a.text)})}
            shift = rng.randint(1, 8)
            pat = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None

            def perturb(s: str, names: dict[str, str] = names, pat: re.Pattern | None = pat, shift: int = shift) -> str:
                s = _NUMBER.sub(lambda m: str(int(m.group(0)) + shift), s)
                return pat.sub(lambda m: names[m.group(0)], s) if pat else s

            for a in rng.sample(t, k):
                sents = _SENT.split(a.text)
                keep = [s for i, s in enumerate(sents) if i < 2 or rng.random() > 0.1]
                text, title = perturb(" ".join(keep)), perturb(a.title)
                when = day0 + rng.random() * 2
                art = Article(
                    id=f"s{made:07d}",
                    title=title,
                    text=text,
                    published=dt.date.fromordinal(start + int(when)).isoformat(),
                    outlet=a.outlet,
                )
                heapq.heappush(pending, (when, made, art, f"e{event}"))
                made += 1
            event += 1
        when, _, art, gold = heapq.heappop(pending)
        yield art, gold


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, embedder_name: str, params: dict | None = None) -> dict:
    """Cluster a lazily generated stream of n articles; the timing covers ``add`` calls only.

    The stream is generated article by article (not held in memory), the gold and the
    predicted labels are kept as compact ints, so the peak RSS is the clusterer's own
    footprint plus two int arrays of n entries.
    """
    from array import array

    from newsprism.analyze.embed import get_embedder
    from newsprism.cluster import StoryClusterer

    gold = array("l", [-1]) * n
    pred = array("l", [-1]) * n
    story_no: dict[str, int] = {}

    def retire(s) -> None:
        k = story_no.setdefault(s.id, len(story_no))
        for aid in s.articles:
            pred[int(aid[1:])] = k

    c = StoryClusterer(embedder=get_embedder(embedder_name), on_retire=retire, **(params or {}))
    rss_before = peak_rss_mb()
    windows, rss_w = [], []
    step = max(1, n // 10)
    cpu_w: list[float] = []
    secs = tw = cpu = cw = 0.0
    for i, (a, g) in enumerate(synth_stream(n), 1):
        gold[int(a.id[1:])] = int(g[1:])
        t, tc = time.perf_counter(), time.process_time()
        c.add(a)
        dt_, dc = time.perf_counter() - t, time.process_time() - tc
        secs += dt_
        tw += dt_
        cpu += dc
        cw += dc
        if i % step == 0:
            windows.append(step / tw)
            cpu_w.append(1000 * cw / step)
            rss_w.append(peak_rss_mb())
            print(
                f"  {i:,} articles: {windows[-1]:.0f}/s wall, {cpu_w[-1]:.2f} CPU ms/article in this tenth, "
                f"peak RSS {rss_w[-1]:.0f} MB, active {len(c.stories()):,}",
                file=sys.stderr,
                flush=True,
            )
            tw = cw = 0.0
    t, tc = time.perf_counter(), time.process_time()
    c.settle(since=0)
    secs += time.perf_counter() - t
    cpu += time.process_time() - tc
    for s in c.stories():
        retire(s)
    from bench_cluster import load_scorer

    gd = {f"s{i:07d}": str(g) for i, g in enumerate(gold)}
    pd = {f"s{i:07d}": str(p) for i, p in enumerate(pred)}
    sc = load_scorer().score(gd, pd)
    return {
        "n": n,
        "secs": secs,
        "aps": n / secs,
        "cpu_ms": 1000 * cpu / n,
        "cpu_windows": cpu_w,
        "first": windows[0],
        "last": windows[-1],
        "windows": windows,
        "rss_gen": rss_before,
        "rss": max(rss_w),
        "b3": sc["b3_f1"],
        "events": len(set(gold)),
        "stories": sc["pred_clusters"],
        "active": len(c.stories()),
        "rss_windows": rss_w,
    }


def minilm_rate(k: int) -> float:
    from newsprism.analyze.embed import get_embedder
    from newsprism.cluster import ClusterParams, _lead_text

    arts = [a for a, _ in synth_stream(k, seed=1)]
    e = get_embedder("minilm")
    e.embed(["warm up"])
    t0 = time.perf_counter()
    for i in range(0, k, 8):  # small batches, as a stream delivers them
        e.embed([_lead_text(a, ClusterParams().lead_chars) for a in arts[i : i + 8]])
    return k / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    ap.add_argument("--embedder", default="hash")
    ap.add_argument("--minilm", type=int, default=0, help="also time minilm on this many title+lead texts")
    ap.add_argument("--param", action="append", default=[], help="override a ClusterParams field, k=v (e.g. nn=faiss)")
    args = ap.parse_args(argv)
    params = parse_params(args.param)
    rows = []
    for n in args.sizes:
        r = run(n, args.embedder, params)
        print(r, file=sys.stderr)
        rows.append(r)
    print(
        f"### Streaming clusterer ({args.embedder} embedder{', params ' + str(params) if params else ''}), "
        "synthetic stream from the ECB+/BASIL dev stories\n"
    )
    print(
        f"{platform.node() or 'machine'}: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{dt.date.today().isoformat()}. Peak RSS is the process high-water mark; the stream is generated lazily.\n"
    )
    print(
        "| articles | events | stories | B³ F1 | articles/s (wall) | CPU ms/article (all) | first 10% | last 10% "
        "| active pool | peak RSS MB (start / end) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['events']:,} | {r['stories']:,} | {r['b3']:.3f} | {r['aps']:.0f} | {r['cpu_ms']:.2f} "
            f"| {r['cpu_windows'][0]:.2f} | {r['cpu_windows'][-1]:.2f} | {r['active']:,} | {r['rss_gen']:.0f} / {r['rss']:.0f} |"
        )
    if args.minilm:
        print(f"\nminilm embedding of title+lead, batches of 8: {minilm_rate(args.minilm):.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
