"""BASIL framing benchmark: newsprism's framing terms against the lexical-bias spans.

Why: BASIL annotators marked wording that carries bias ("lexical") in Fox / NYT / HuffPost
articles of the same 50 events. We run synthesis per event (the three articles as one
story, outlets given, ids opaque and shuffled) and match each framing term to a lexical
span by character overlap. Precision = terms overlapping some lexical span; recall =
lexical spans overlapped by some term. Quoted lexical spans are reported apart: newsprism
never charges an outlet with a quoted speaker's words, so it cannot find those by design.

Usage: .venv/bin/python benchmarks/bench_framing.py [--embedder hash|minilm] [--write-md]
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.model import Article, Story  # noqa: E402
from newsprism.synthesize import synthesize  # noqa: E402
from newsprism.synthesize.framing import _lexicon_terms  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "basil" / "dev.jsonl"


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embedder", default="minilm")
    ap.add_argument("--nlp", default="regex")
    ap.add_argument("--write-md", action="store_true")
    args = ap.parse_args()
    if not EVAL.exists():
        sys.exit(f"BASIL data not found at {EVAL}")
    try:
        from newsprism.analyze import analyze
        from newsprism.analyze.embed import get_embedder

        embedder = get_embedder(args.embedder)
    except ImportError:
        analyze, embedder = None, None
    events: dict[str, list[dict]] = defaultdict(list)
    for line in EVAL.open(encoding="utf-8"):
        d = json.loads(line)
        events[d["event"]].append(d)
    rng = random.Random(7)
    keys = sorted(events)
    rng.shuffle(keys)
    stats = {k: [0, 0] for k in ("tp_terms", "lex", "lex_noquote", "lex_lexicon_only")}
    n_terms = 0
    per_outlet: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    t0 = time.time()
    for k, ev in enumerate(keys):
        docs = events[ev]
        rng.shuffle(docs)
        arts = [
            Article(id=f"e{k}a{j}", text=d["text"], title=d["title"], outlet=d["outlet"], published=d["date"])
            for j, d in enumerate(docs)
        ]
        analyses = analyze(arts, nlp=args.nlp) if analyze else {}
        brief = synthesize(Story(f"e{k}", [a.id for a in arts]), arts, analyses, embedder)
        for art, d, fr in zip(arts, docs, brief.framing, strict=True):
            gold = [b for b in d["bias_spans"] if b["bias"] == "lexical" and b["location"] == "body"]
            terms = [(sp.start, sp.end) for t in fr.terms for sp in t.spans]
            lex_only = [(s, e) for s, e, _ in _lexicon_terms(art)]
            n_terms += len(terms)
            stats["tp_terms"][0] += sum(1 for t in terms if any(overlap(t, (g["start"], g["end"])) for g in gold))
            for g in gold:
                hit = any(overlap(t, (g["start"], g["end"])) for t in terms)
                stats["lex"][0] += hit
                stats["lex"][1] += 1
                if not g["quote"]:
                    stats["lex_noquote"][0] += hit
                    stats["lex_noquote"][1] += 1
                stats["lex_lexicon_only"][0] += any(overlap(t, (g["start"], g["end"])) for t in lex_only)
                stats["lex_lexicon_only"][1] += 1
            per_outlet[d["outlet"]][0] += len(terms)
            per_outlet[d["outlet"]][1] += len(gold)
    secs = time.time() - t0
    p = stats["tp_terms"][0] / max(1, n_terms)
    r = stats["lex"][0] / max(1, stats["lex"][1])
    rq = stats["lex_noquote"][0] / max(1, stats["lex_noquote"][1])
    rl = stats["lex_lexicon_only"][0] / max(1, stats["lex_lexicon_only"][1])
    f1 = 2 * p * r / max(1e-9, p + r)
    res = {
        "events": len(keys),
        "terms": n_terms,
        "lexical_spans": stats["lex"][1],
        "precision": p,
        "recall": r,
        "f1": f1,
        "recall_unquoted": rq,
        "recall_lexicon_only": rl,
        "seconds": secs,
        "per_outlet_terms_vs_gold": {k: v for k, v in sorted(per_outlet.items())},
        "embedder": getattr(embedder, "name", "fallback"),
    }
    print(json.dumps(res, indent=1))
    if args.write_md:
        write_md(res)


def write_md(res: dict) -> None:
    po = ", ".join(f"{k}: {v[0]} terms / {v[1]} gold" for k, v in res["per_outlet_terms_vs_gold"].items())
    md = f"""# Framing benchmark (BASIL DEV)

Run `.venv/bin/python benchmarks/bench_framing.py --write-md` (needs `../shared/eval/basil`).
Data: BASIL DEV, {res["events"]} events × Fox / NYT / HuffPost, {res["lexical_spans"]} lexical-bias spans in article bodies.
A framing term counts as correct when it overlaps a lexical span (characters); a span counts as found when a term overlaps it.

- machine: {platform.machine()} / {platform.system()} {platform.release()}, Python {platform.python_version()}
- date: {datetime.date.today().isoformat()}
- embedder: `{res["embedder"]}`; {res["seconds"]:.0f} s for all events

| system | terms | precision | recall | F1 | recall, unquoted spans only |
|---|---|---|---|---|---|
| newsprism framing (lexicon + cross-outlet contrast) | {res["terms"]} | {res["precision"]:.3f} | {res["recall"]:.3f} | {res["f1"]:.3f} | {res["recall_unquoted"]:.3f} |
| lexicon alone (same lexicon, no contrast) | – | – | {res["recall_lexicon_only"]:.3f} | – | – |

Per outlet: {po}.

Notes: no published peer reports phrase-level lexical-bias P/R on this split, so there is no peer row. Lexical spans are
sparse (about 1.6 per article) and annotators mark only bias aimed at the event's main entities, so many loaded words
newsprism reports are unannotated; precision here is a lower bound. Quoted spans are the speaker's words and are
deliberately not charged to the outlet.
"""
    (ROOT / "benchmarks" / "framing.md").write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
