"""Brief throughput: the local engine against the Ray engine on the same stories, same run.

What is timed is the per-story part that the engines distribute (analysis + synthesis) after one
shared clean/dedupe/cluster pass; both engines get the same story tasks, and the briefs must be
identical. Inputs: BASIL DEV (150 articles, ~50 stories; only id/title/text/date/outlet are given to
the system) from ../shared/eval, or the demo corpus when that is absent.

    .venv/bin/python benchmarks/bench_scale.py [--workers 2] [--nlp spacy] [--embedder minilm] [--write-md]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.analyze.embed import get_embedder  # noqa: E402
from newsprism.api import clean  # noqa: E402
from newsprism.cluster import cluster  # noqa: E402
from newsprism.dedupe import dedupe  # noqa: E402
from newsprism.model import Article, to_dict  # noqa: E402
from newsprism.scale import StoryTask, get_engine, synthesize_stories  # noqa: E402

BASIL = ROOT.parent / "shared" / "eval" / "basil" / "dev.jsonl"


def load() -> tuple[str, list[Article]]:
    if not BASIL.exists():
        return "demo corpus", clean([ROOT / "examples" / "xi-moscow-2023"])
    rows = [json.loads(x) for x in BASIL.open(encoding="utf-8")]
    random.Random(7).shuffle(rows)
    arts = [
        Article(id=f"a{i:04d}", text=r["text"], title=r["title"], outlet=r["outlet"], published=r["date"])
        for i, r in enumerate(rows)
    ]
    return "BASIL DEV", arts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--nlp", default="spacy")
    ap.add_argument("--embedder", default="minilm")
    ap.add_argument("--write-md", action="store_true")
    args = ap.parse_args()
    name, articles = load()
    articles = dedupe(articles)
    stories = cluster(articles, embedder=get_embedder(args.embedder))
    by_id = {a.id: a for a in articles}
    tasks = [StoryTask(s, [by_id[i] for i in s.articles], args.nlp, args.embedder) for s in stories]
    # warm both: model loading is a one-off cost per process, not throughput
    synthesize_stories(tasks[:1], "local")
    ray_engine = get_engine("ray", workers=args.workers)
    ray_engine.map(lambda t: synthesize_stories([t], "local") and None, tasks[: args.workers])
    res = {}
    for label, engine in (("local", "local"), (f"ray ({args.workers} workers)", ray_engine)):
        t0 = time.perf_counter()
        briefs = synthesize_stories(tasks, engine)
        dt = time.perf_counter() - t0
        res[label] = {"seconds": dt, "articles_per_s": len(articles) / dt, "briefs": to_dict(briefs)}
    same = len({json.dumps(r["briefs"], sort_keys=True) for r in res.values()}) == 1
    out = {
        "input": name,
        "articles": len(articles),
        "stories": len(stories),
        "identical": same,
        **{
            k: {"seconds": round(v["seconds"], 1), "articles_per_s": round(v["articles_per_s"], 2)}
            for k, v in res.items()
        },
    }
    print(json.dumps(out, indent=1))
    if args.write_md:
        write_md(out, args)


def write_md(out: dict, args) -> None:
    rows = "\n".join(f"| {k} | {v['seconds']} | {v['articles_per_s']} |" for k, v in out.items() if isinstance(v, dict))
    md = f"""# Scale-out: local vs Ray engine

`.venv/bin/python benchmarks/bench_scale.py --write-md`. Input: {out["input"]}, {out["articles"]} articles in
{out["stories"]} stories (one clean/dedupe/cluster pass shared by both). Timed: each story's analysis (nlp
`{args.nlp}`) and synthesis (embedder `{args.embedder}`), models already loaded in every process. Briefs
identical between the engines: **{out["identical"]}**.

- machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}
- date: {datetime.date.today().isoformat()}; load average at the end {os.getloadavg()[0]:.1f}

| engine | seconds | articles/s |
|---|---|---|
{rows}

On 2 cores the Ray engine can at best double the local engine, and less here: the local engine already
runs the minilm embeddings (about half of the per-story cost) on two ONNX threads, while each Ray worker
runs one thread and its own spaCy. Task overhead is a few milliseconds per story. The gain grows with
cores (one worker per core) and on a Ray cluster (`get_engine("ray", address=...)`). Timings move with
the machine's load.
"""
    (ROOT / "benchmarks" / "scale.md").write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
