"""Near-duplicate detection: precision/recall on perturbed real articles, and throughput on a stream.

    python benchmarks/bench_dedupe.py quality            # P/R per threshold on ECB+ and BASIL dev texts
    python benchmarks/bench_dedupe.py stream 100000      # articles/s and peak RSS on a synthetic stream

Copies are made from real articles by the edits syndication makes (added boilerplate, a dropped or
reordered paragraph, a new headline, light edits, a later updated version with new paragraphs). Hard
negatives are the other articles on the same event (ECB+ sub-topics, BASIL triples). Ids are opaque
and the order shuffled, as in the held-back evaluations.
"""

from __future__ import annotations

import json
import platform
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "src"))

from newsprism.dedupe import Deduper, normalise  # noqa: E402
from newsprism.model import Article  # noqa: E402

BOILER = [
    "Subscribe to our newsletter for the latest headlines.",
    "Share this article on social media.",
    "Advertisement",
    "Sign up for breaking news alerts delivered to your inbox.",
    "Copyright 2023. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
]


def real_texts() -> list[tuple[str, str]]:
    """(event, text) of every ECB+ and BASIL dev article long enough to be a news story."""
    out = []
    for line in (EVAL / "ecbplus" / "dev.jsonl").open():
        r = json.loads(line)
        text = r["text"].split("\n", 1)[1] if r["url"] else r["text"]
        out.append((f"ecb:{r['cluster']}", "\n\n".join(text.split("\n"))))
    for line in (EVAL / "basil" / "dev.jsonl").open():
        r = json.loads(line)
        out.append((f"basil:{r['event']}", r["text"]))
    return [(e, t) for e, t in out if len(t.split()) >= 80]


def perturb(text: str, kind: int, rng: random.Random, donor: str) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    if kind == 0:  # boilerplate around the body
        paras = [rng.choice(BOILER)] + paras + rng.sample(BOILER, 2)
    elif kind == 1 and len(paras) > 3:  # a dropped paragraph
        del paras[rng.randrange(1, len(paras))]
    elif kind == 2:  # paragraphs reordered after the lead
        rest = paras[1:]
        rng.shuffle(rest)
        paras = paras[:1] + rest
    elif kind == 3:  # light edits: a few words changed
        words = "\n\n".join(paras).split(" ")
        for i in rng.sample(range(len(words)), max(1, len(words) // 40)):
            words[i] = rng.choice(["the", "officials", "said", "on", "Tuesday", "reported"])
        paras = " ".join(words).split("\n\n")
    else:  # a later updated version: a new paragraph from elsewhere and a correction line
        paras = paras + donor.split("\n\n")[:1] + ["This story has been updated with additional information."]
    return "\n\n".join(paras)


def exact_jaccard(a: str, b: str) -> float:
    def shingles(t: str) -> set[str]:
        w = normalise(t).split()
        return {" ".join(w[i : i + 5]) for i in range(max(len(w) - 4, 1))}

    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / max(len(sa | sb), 1)


def quality(seed: int = 13) -> list[dict]:
    rng = random.Random(seed)
    texts = real_texts()
    originals = [Article(id=f"o{n}", text=t, outlet=f"outlet{n % 7}") for n, (_, t) in enumerate(texts)]
    event = {f"o{n}": e for n, (e, _) in enumerate(texts)}
    copies, gold = [], {}
    for n, art in enumerate(originals):
        if n % 2:
            continue
        donor = texts[(n * 7919) % len(texts)][1]
        cid = f"c{n}"
        copies.append(Article(id=cid, text=perturb(art.text, n // 2 % 5, rng, donor), outlet="reprint"))
        gold[cid] = art.id
    texts_by_id = {a.id: a.text for a in originals}
    pool = originals + copies
    rng.shuffle(pool)
    rename = {a.id: f"x{i:05d}" for i, a in enumerate(pool)}
    back = {v: k for k, v in rename.items()}
    rows = []
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        dd = Deduper(threshold=threshold)
        links = {}
        for art in pool:
            copy = Article(id=rename[art.id], text=art.text, outlet=art.outlet)
            dd.add(copy)
            if copy.duplicate_of:
                links[back[copy.id]] = back[copy.duplicate_of]
        # a predicted link is right when it joins a copy and its original (either direction)
        true_pairs = {frozenset((c, o)) for c, o in gold.items()}
        tp = sum(frozenset(p) in true_pairs for p in links.items())
        found = {frozenset(p) for p in links.items()} & true_pairs
        wrong = [(a, b) for a, b in links.items() if frozenset((a, b)) not in true_pairs]
        # Links between two originals whose exact shingle Jaccard is >= 0.5 are reprints already in the
        # corpus (the same wire text in two outlets), i.e. true near-duplicates the perturbation gold lacks.
        reprints = sum(exact_jaccard(texts_by_id[gold.get(a, a)], texts_by_id[gold.get(b, b)]) >= 0.5
                       for a, b in wrong)
        rows.append({"threshold": threshold, "precision": tp / max(len(links), 1),
                     "precision_reprints_ok": (tp + reprints) / max(len(links), 1),
                     "recall": len(found) / len(true_pairs), "links": len(links),
                     "same_event_false_links": sum(event.get(gold.get(a, a)) == event.get(gold.get(b, b))
                                                   for a, b in wrong) - reprints,
                     "corpus_reprints": reprints})
    return rows


def stream(n: int, seed: int = 5) -> dict:
    """Synthetic stream: real articles re-mixed (sentences from several articles), 10% near-copies."""
    rng = random.Random(seed)
    sentences = [s for _, t in real_texts() for s in t.replace("\n\n", " ").split(". ") if len(s) > 40]
    dd = Deduper()
    recent: list[str] = []
    start = time.perf_counter()
    dups = 0
    for i in range(n):
        if recent and rng.random() < 0.1:
            text = perturb(rng.choice(recent), rng.randrange(5), rng, rng.choice(sentences))
        else:
            text = "\n\n".join(". ".join(rng.sample(sentences, 4)) for _ in range(4))
            recent.append(text)
            recent = recent[-1000:]
        art = dd.add(Article(id=f"s{i}", text=text))
        dups += art.duplicate_of is not None
    elapsed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "seconds": round(elapsed, 1), "articles_per_s": round(n / elapsed),
            "peak_rss_mib": round(rss), "duplicates_found": dups, "window": dd.window}


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "quality"
    print(f"machine: {platform.machine()} {platform.processor() or ''}, python {platform.python_version()}, "
          f"date {time.strftime('%Y-%m-%d')}")
    if mode == "quality":
        print("| threshold | precision | precision (corpus reprints counted right) | recall | links "
              "| corpus reprints linked | same-event false links |\n|---|---|---|---|---|---|---|")
        for r in quality():
            print(f"| {r['threshold']} | {r['precision']:.3f} | {r['precision_reprints_ok']:.3f} | {r['recall']:.3f} "
                  f"| {r['links']} | {r['corpus_reprints']} | {r['same_event_false_links']} |")
    else:
        print(json.dumps(stream(int(sys.argv[2]))))


if __name__ == "__main__":
    main()
