"""Story-clustering quality on the ECB+ and BASIL dev splits: newsprism vs a TF-IDF baseline.

Why this shape: held-back splits arrive shuffled with opaque ids, so every run
shuffles the articles and renames the ids, and we report the mean over a few
shuffles. The system only sees article fields (id, title, text, date, outlet, url),
never gold labels. Both systems are scored with the shared scorer
(``../shared/eval/cluster_score.py``), in the same run.

    .venv/bin/python benchmarks/bench_cluster.py [--shuffles 3] [--embedder minilm] [--split half]

``--split half`` tunes nothing; it just reports the scores on the odd and even topics/events
separately, to check that the defaults transfer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import pickle
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "src"))

from newsprism.model import Article  # noqa: E402


def load_scorer():
    spec = importlib.util.spec_from_file_location("cluster_score", EVAL / "cluster_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_ecb() -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Articles (URL line dropped, no title/date: the corpus has none), gold cluster, coarse group (topic)."""
    arts, gold, group = [], {}, {}
    for line in (EVAL / "ecbplus" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = r["text"].split("\n", 1)[1] if r["url"] else r["text"]
        arts.append(Article(id=r["id"], text=text, url=r["url"]))
        gold[r["id"]] = r["cluster"]
        group[r["id"]] = str(r["topic"])
    return arts, gold, group


def load_basil() -> tuple[list[Article], dict[str, str], dict[str, str]]:
    arts, gold, group = [], {}, {}
    for line in (EVAL / "basil" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        arts.append(
            Article(
                id=r["id"], text=r["text"], title=r["title"], published=r["date"], outlet=r["outlet"], url=r.get("url")
            )
        )
        gold[r["id"]] = r["event"]
        group[r["id"]] = r["event"]
    return arts, gold, group


def shuffled(arts: list[Article], seed: int) -> tuple[list[Article], dict[str, str]]:
    """A shuffled copy with opaque ids; returns the articles and new id -> original id."""
    rng = random.Random(seed)
    order = list(arts)
    rng.shuffle(order)
    ids = rng.sample(range(10**8), len(order))
    out, back = [], {}
    for a, n in zip(order, ids, strict=True):
        new = f"d{n:08d}"
        back[new] = a.id
        out.append(Article(**{**a.__dict__, "id": new}))
    return out, back


def run_newsprism(arts: list[Article], embedder, **params) -> dict[str, str]:
    from newsprism.cluster import cluster

    pred = {}
    for s in cluster(arts, embedder=embedder, **params):
        for aid in s.articles:
            pred[aid] = s.id
    return pred


def tfidf_matrix(arts: list[Article]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [f"{a.title}\n{a.text}" for a in arts]
    return TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(docs).toarray()


def run_baseline(x, ids: list[str], threshold: float) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering

    lab = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    ).fit_predict(x)
    return {i: str(lab_) for i, lab_ in zip(ids, lab, strict=True)}


def f1(scorer, gold: dict[str, str], pred: dict[str, str], keep: set[str] | None = None) -> float:
    if keep is not None:
        gold = {k: v for k, v in gold.items() if k in keep}
        pred = {k: v for k, v in pred.items() if k in keep}
    return scorer.score(gold, pred)["b3_f1"]


def parse_params(pairs: list[str]) -> dict:
    """``k=v`` overrides of ClusterParams: ints, floats, else strings (``nn=faiss``)."""
    out: dict = {}
    for k, v in (p.split("=", 1) for p in pairs):
        for conv in (int, float, str):
            try:
                out[k] = conv(v)
                break
            except ValueError:
                continue
    return out


def make_embedder(name: str, cache_path: str | None):
    from newsprism.analyze.embed import get_embedder

    if not cache_path:
        return get_embedder(name), None
    cache = pickle.loads(Path(cache_path).read_bytes()) if os.path.exists(cache_path) else {}
    return get_embedder(name, cache=cache), cache


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shuffles", type=int, default=3)
    ap.add_argument("--embedder", default="minilm")
    ap.add_argument("--cache", default=None, help="pickle file caching embeddings between runs (dev only)")
    ap.add_argument("--split", choices=["none", "half"], default="none")
    ap.add_argument("--param", action="append", default=[], help="override a ClusterParams field, k=v")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args(argv)
    if not (EVAL / "cluster_score.py").exists():
        print(f"eval data not found at {EVAL}", file=sys.stderr)
        return 2
    params = parse_params(args.param)
    scorer = load_scorer()
    embedder, cache = make_embedder(args.embedder, args.cache)

    rows = []
    for name, loader in (("ECB+", load_ecb), ("BASIL", load_basil)):
        arts, gold, group = loader()
        halves = None
        if args.split == "half":
            groups = sorted(set(group.values()))
            odd = {g for i, g in enumerate(groups) if i % 2}
            halves = {
                "A": {a.id for a in arts if group[a.id] in odd},
                "B": {a.id for a in arts if group[a.id] not in odd},
            }
        ours, base, secs, base_thr = [], [], [], None
        ours_half: dict[str, list[float]] = {"A": [], "B": []}
        for seed in range(args.shuffles):
            sarts, back = shuffled(arts, seed)
            t0 = time.perf_counter()
            pred = run_newsprism(sarts, embedder, **params)
            secs.append(time.perf_counter() - t0)
            pred = {back[k]: v for k, v in pred.items()}
            ours.append(f1(scorer, gold, pred))
            if halves:
                for h, keep in halves.items():
                    ours_half[h].append(f1(scorer, gold, pred, keep))
            if not args.no_baseline:
                ids = [back[a.id] for a in sarts]
                x = tfidf_matrix(sarts)
                if base_thr is None:  # tuned on this same dev data, once (the baseline is order-independent)
                    grid = [round(0.05 + 0.01 * i, 2) for i in range(95)]
                    base_thr = max(grid, key=lambda t: f1(scorer, gold, run_baseline(x, ids, t)))
                base.append(f1(scorer, gold, run_baseline(x, ids, base_thr)))
        row = {
            "dataset": name,
            "docs": len(arts),
            "gold": len(set(gold.values())),
            "ours_mean": statistics.mean(ours),
            "ours_min": min(ours),
            "ours_max": max(ours),
            "secs_per_doc": statistics.mean(secs) / len(arts),
            "baseline": statistics.mean(base) if base else float("nan"),
            "baseline_thr": base_thr,
        }
        if halves:
            row["half_A"] = statistics.mean(ours_half["A"])
            row["half_B"] = statistics.mean(ours_half["B"])
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    if cache is not None:
        Path(args.cache).write_bytes(pickle.dumps(cache))

    print(f"### Story clustering, B-cubed F1 (mean of {args.shuffles} shuffles, ids renamed)\n")
    print(
        f"{platform.node() or 'machine'}: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {dt.date.today().isoformat()}; embedder `{args.embedder}`"
        + (f"; params {params}" if params else "")
        + "\n"
    )
    head = "| dataset | docs | gold stories | newsprism B³ F1 (min–max) | TF-IDF + avg-link B³ F1 (thr) | newsprism s/doc |"
    if args.split == "half":
        head += " half A / half B |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for r in rows:
        line = (
            f"| {r['dataset']} | {r['docs']} | {r['gold']} | **{r['ours_mean']:.3f}** ({r['ours_min']:.3f}–{r['ours_max']:.3f}) "
            f"| {r['baseline']:.3f} ({r['baseline_thr']}) | {r['secs_per_doc']:.4f} |"
        )
        if args.split == "half":
            line += f" {r['half_A']:.3f} / {r['half_B']:.3f} |"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
