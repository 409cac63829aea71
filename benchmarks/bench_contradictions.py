"""Contradiction detection against hand labels (tests/fixtures/contradictions/labels.jsonl).

Why hand labels: no public data set marks cross-outlet contradictions between claim pairs,
so pairs from BASIL DEV events (and the repo's own demo corpus) were labelled by hand; see
docs/contradictions-labels.md. A pair is predicted a contradiction when synthesis of its
event puts the two claims on different variants of one Contradiction (span overlap).

Usage: .venv/bin/python benchmarks/bench_contradictions.py [--embedder hash|minilm]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.model import Article  # noqa: E402
from newsprism.synthesize.align import align  # noqa: E402
from newsprism.synthesize.contradictions import find_contradictions  # noqa: E402

LABELS = ROOT / "tests" / "fixtures" / "contradictions" / "labels.jsonl"
BASIL = ROOT.parent / "shared" / "eval" / "basil" / "dev.jsonl"
DEMO = ROOT / "examples" / "xi-moscow-2023"


def _embedder(name: str):
    try:
        from newsprism.analyze.embed import get_embedder
    except ImportError:
        return None
    return get_embedder(name)


def _demo_articles() -> list[Article]:
    return [Article(id=f.stem[:3], text=f.read_text(encoding="utf-8")) for f in sorted(DEMO.glob("*.txt"))]


def _resolve(side: dict, arts: dict[str, Article]) -> tuple[str, int, int]:
    if "find" in side:
        text = arts[side["article"]].text
        i = text.index(side["find"])
        return side["article"], i, i + len(side["find"])
    return side["article"], side["start"], side["end"]


def _variant_of(c, art: str, s: int, e: int) -> set[int]:
    return {k for k, v in enumerate(c.variants) for sp in v.spans if sp.article == art and sp.start < e and s < sp.end}


def run(labels: list[dict], embedder) -> dict:
    basil: dict[str, list[Article]] = defaultdict(list)
    if BASIL.exists():
        for line in BASIL.open(encoding="utf-8"):
            d = json.loads(line)
            basil[d["event"]].append(Article(id=d["id"], text=d["text"], outlet=d["outlet"], published=d["date"]))
    cache: dict[str, tuple[list, dict]] = {}
    tp = fp = fn = tn = skipped = 0
    rows = []
    for lab in labels:
        if lab["corpus"] == "demo":
            key, arts = "demo", _demo_articles()
        else:
            key = lab["a"]["article"].rsplit("_", 1)[0]
            arts = basil.get(key, [])
            if not arts:
                skipped += 1
                continue
        if key not in cache:
            cache[key] = (find_contradictions(align(arts, {}, embedder), arts, {}), {a.id: a for a in arts})
        cs, by_id = cache[key]
        a, b = _resolve(lab["a"], by_id), _resolve(lab["b"], by_id)
        pred = any((va := _variant_of(c, *a)) and (vb := _variant_of(c, *b)) and va != vb for c in cs)
        gold = bool(lab["label"])
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        tn += not gold and not pred
        rows.append((lab["id"], gold, pred))
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return {
        "pairs": len(rows),
        "skipped": skipped,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": p,
        "recall": r,
        "errors": [i for i, g, pr in rows if g != pr],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embedder", default="minilm")
    args = ap.parse_args()
    labels = [json.loads(x) for x in LABELS.open(encoding="utf-8")]
    print(json.dumps(run(labels, _embedder(args.embedder)), indent=1))


if __name__ == "__main__":
    main()
