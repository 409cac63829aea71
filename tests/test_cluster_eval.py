"""B-cubed floors on the ECB+ and BASIL dev splits (read from ../shared/eval, never copied here).

The articles are shuffled and renamed as held-back splits are; only article fields reach the
clusterer. The floors sit below the benchmark means (benchmarks/cluster.md) to absorb order noise.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from newsprism.cluster import cluster
from newsprism.model import Article

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not EVAL.is_dir(), reason=f"shared eval data not found at {EVAL} (it is never copied into the repo)"
    ),
]


def bcubed_f1(gold: dict[str, str], pred: dict[str, str]) -> float:
    """B-cubed F1 over gold ids, as ../shared/eval/cluster_score.py computes it."""
    gsize, psize = Counter(gold.values()), Counter(pred[d] for d in gold)
    cell = Counter((gold[d], pred[d]) for d in gold)
    p = sum(cell[(gold[d], pred[d])] / psize[pred[d]] for d in gold) / len(gold)
    r = sum(cell[(gold[d], pred[d])] / gsize[gold[d]] for d in gold) / len(gold)
    return 2 * p * r / (p + r)


def run(arts: list[Article], gold: dict[str, str], seed: int = 7) -> float:
    rng = random.Random(seed)
    rng.shuffle(arts)
    back = {}
    for i, a in enumerate(arts):
        back[f"x{i:05d}"] = a.id
        a.id = f"x{i:05d}"
    pred = {back[aid]: s.id for s in cluster(arts) for aid in s.articles}
    return bcubed_f1(gold, pred)


def load(name: str) -> list[dict]:
    path = EVAL / name / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def test_ecbplus_bcubed_floor():
    rows = load("ecbplus")
    arts = [
        Article(id=r["id"], text=r["text"].split("\n", 1)[1] if r["url"] else r["text"], url=r["url"]) for r in rows
    ]
    assert run(arts, {r["id"]: r["cluster"] for r in rows}) >= 0.91


def test_basil_bcubed_floor():
    rows = load("basil")
    arts = [
        Article(id=r["id"], title=r["title"], text=r["text"], published=r["date"], outlet=r["outlet"], url=r.get("url"))
        for r in rows
    ]
    assert run(arts, {r["id"]: r["event"] for r in rows}) >= 0.98
