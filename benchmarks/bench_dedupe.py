"""Near-duplicate detection: precision/recall on perturbed real articles, and throughput on a stream.

    python benchmarks/bench_dedupe.py quality                        # P/R per threshold, ours vs datasketch
    python benchmarks/bench_dedupe.py stream 100000 [--impl ours|datasketch]   # articles/s and peak RSS

Copies are made from real articles (ECB+, BASIL and NeuS dev texts in ../shared/eval) by the edits
syndication makes: added boilerplate, a dropped or reordered paragraph, a new headline, light word
edits, a later updated version with new paragraphs, and all of boilerplate + headline + dropped
paragraph + edits at once. Hard negatives are the other articles on the same event (ECB+ sub-topics,
BASIL triples, NeuS triples); the "updated version" borrows its new paragraphs from one of them.
Rewrites (a local outlet's own top over the body of another outlet's article) are scored for origin:
the rewrite should get the source's wire origin, or the source outlet's name when it had no credit.
Ids are opaque and the order shuffled.

The baseline is datasketch's plain MinHashLSH at the same threshold, with each article's MinHash built
by its own ``MinHash.update`` per word 5-shingle (SHA-1), exact copies by a SHA-1 dict, no window.
"""

from __future__ import annotations

import argparse
import hashlib
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

from datasketch import MinHash, MinHashLSH  # noqa: E402

from newsprism.dedupe import NEAR_THRESHOLD, NUM_PERM, SHINGLE, Deduper, normalise  # noqa: E402
from newsprism.model import Article  # noqa: E402

BOILER = [
    "Subscribe to our newsletter for the latest headlines.",
    "Share this article on social media.",
    "Advertisement",
    "Sign up for breaking news alerts delivered to your inbox.",
    "Copyright 2023. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Follow us on Facebook, Twitter and Instagram for more local news, weather and sports coverage every day.",
]
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
KINDS = (
    "boilerplate",
    "dropped paragraph",
    "reordered paragraphs",
    "new headline",
    "light edits",
    "updated version",
    "all of boilerplate + headline + dropped paragraph + edits",
)
AMBIGUOUS = 0.25
"""Two *originals* with exact 5-shingle Jaccard at or above this share wire text already in the corpus
(partial rewrites of one agency story); a link between them is neither counted right nor wrong."""


def real_texts() -> list[tuple[str, str]]:
    """(event, text) of every ECB+, BASIL and NeuS dev article long enough to be a news story."""
    out = []
    for line in (EVAL / "ecbplus" / "dev.jsonl").open():
        r = json.loads(line)
        text = r["text"].split("\n", 1)[1] if r["url"] else r["text"]
        out.append((f"ecb:{r['cluster']}", "\n\n".join(text.split("\n"))))
    for line in (EVAL / "basil" / "dev.jsonl").open():
        r = json.loads(line)
        out.append((f"basil:{r['event']}", r["text"]))
    for line in (EVAL / "neus" / "dev.jsonl").open():
        r = json.loads(line)
        for s in r["sources"]:  # one paragraph each: two sentences a paragraph
            sents = [x.strip() for x in s["text"].replace(". ", ".\n").split("\n") if x.strip()]
            out.append((f"neus:{r['id']}", "\n\n".join(" ".join(sents[i : i + 2]) for i in range(0, len(sents), 2))))
    return [(e, t) for e, t in out if len(t.split()) >= 80]


def _edit(paras: list[str], rng: random.Random, every: int) -> list[str]:
    words = "\n\n".join(paras).split(" ")
    for i in rng.sample(range(len(words)), max(1, len(words) // every)):
        words[i] = rng.choice(["the", "officials", "said", "on", "Tuesday", "reported"])
    return " ".join(words).split("\n\n")


def perturb(text: str, kind: int, rng: random.Random, donor: str) -> str:
    """A syndicated copy of ``text``; ``donor`` (another article) supplies headlines and new paragraphs."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    donor_paras = [p for p in donor.split("\n\n") if p.strip()]
    headline = " ".join(donor_paras[0].split()[:9]).rstrip(".,;:")
    if kind in (0, 6):  # boilerplate around the body
        paras = [rng.choice(BOILER)] + paras + rng.sample(BOILER, 2)
    if kind in (1, 6) and len(paras) > 3:  # a dropped paragraph
        del paras[rng.randrange(1, len(paras) - 1)]
    if kind == 2:  # paragraphs reordered after the lead
        rest = paras[1:]
        rng.shuffle(rest)
        paras = paras[:1] + rest
    if kind in (3, 6):  # a new headline (replacing a short first line, which is the old one)
        paras = [headline] + (paras[1:] if len(paras[0].split()) < 20 else paras)
    if kind == 4:  # light edits: one word in 40 changed
        paras = _edit(paras, rng, 40)
    if kind == 6:
        paras = _edit(paras, rng, 60)
    if kind == 5:  # a later updated version: new paragraphs from elsewhere and an update line
        paras = (
            ["UPDATED with new details"]
            + paras
            + donor_paras[1:3]
            + ["This story has been updated with additional information."]
        )
    return "\n\n".join(paras)


def rewrite(text: str, donor: str) -> str:
    """A local outlet's story: its own top (two paragraphs of ``donor``) over the body of ``text`` (lead dropped)."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    donor_paras = [p for p in donor.split("\n\n") if p.strip()]
    return "\n\n".join(donor_paras[:2] + paras[1:])


def shingle_set(t: str) -> set[str]:
    w = normalise(t).split()
    return {" ".join(w[i : i + SHINGLE]) for i in range(max(len(w) - SHINGLE + 1, 1))}


def common_runs(a: str, b: str, k: int = 8) -> int:
    """Distinct k-word runs two texts have in common (a 50-word shared passage has 43 8-word runs)."""
    wa, wb = normalise(a).split(), normalise(b).split()
    ra = {tuple(wa[i : i + k]) for i in range(len(wa) - k + 1)}
    return sum(tuple(wb[i : i + k]) in ra for i in range(len(wb) - k + 1))


def exact_jaccard(a: str, b: str) -> float:
    sa, sb = shingle_set(a), shingle_set(b)
    return len(sa & sb) / max(len(sa | sb), 1)


class DatasketchBaseline:
    """Plain datasketch: MinHash.update per shingle, MinHashLSH at the threshold, SHA-1 dict for exact."""

    def __init__(self, threshold: float = NEAR_THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}
        self.exact: dict[str, str] = {}
        self.root: dict[str, str] = {}

    def add(self, article: Article) -> Article:
        norm = normalise(article.text)
        digest = hashlib.sha1(norm.encode()).hexdigest()
        if digest in self.exact:
            article.duplicate_of = self.root[self.exact[digest]]
        else:
            self.exact[digest] = article.id
            mh = MinHash(num_perm=NUM_PERM)
            for s in shingle_set(article.text):
                mh.update(s.encode())
            best = max(self.lsh.query(mh), key=lambda k: (self.sigs[k].jaccard(mh), k), default=None)
            if best is not None and self.sigs[best].jaccard(mh) >= self.threshold:
                article.duplicate_of = self.root[best]
            self.lsh.insert(article.id, mh)
            self.sigs[article.id] = mh
        self.root[article.id] = article.duplicate_of or article.id
        return article


def build_quality_set(seed: int = 13):
    """Pool of articles in arrival order, and the gold: copy -> (original, kind), rewrite -> (source, origin).

    One real article in five is a donor only (never in the pool): it supplies the new headlines, the
    updated versions' new paragraphs and the rewrites' local tops, preferably from the same event, so
    that no pool article shares text with a copy it was not copied from.
    """
    rng = random.Random(seed)
    texts = real_texts()
    donors: dict[str, list[str]] = {}
    for n, (e, t) in enumerate(texts):
        if n % 5 == 4:
            donors.setdefault(e, []).append(t)
    all_donors = [t for ts in donors.values() for t in ts]
    kept = [(n, e, t) for n, (e, t) in enumerate(texts) if n % 5 != 4]
    originals = [Article(id=f"o{n}", text=t, outlet=f"outlet{n}") for n, _, t in kept]
    copies, gold, rewrites = [], {}, {}
    for i, ((n, e, _), art) in enumerate(zip(kept, originals, strict=True)):
        donor = rng.choice(donors.get(e) or all_donors)
        if i % 2 == 0:
            kind = i // 2 % len(KINDS)
            cid = f"c{n}"
            copies.append(Article(id=cid, text=perturb(art.text, kind, rng, donor), outlet=f"reprint{n}"))
            gold[cid] = (art.id, kind)
        elif i % 4 == 1 and len(art.text.split("\n\n")) >= 4:
            if i % 8 == 1:
                art.credits = ["By Jane Doe, The Associated Press"]
            rid = f"r{n}"
            copies.append(Article(id=rid, text=rewrite(art.text, donor), outlet=f"local{n}"))
            rewrites[rid] = (art.id, "AP" if art.credits else art.outlet)
    # Copies and rewrites come after their source (they copy it); otherwise the order is shuffled.
    pool = originals + copies
    rng.shuffle(pool)
    first = {a.id: i for i, a in enumerate(pool)}
    pool.sort(
        key=lambda a: (
            (first[gold[a.id][0]] + 0.5)
            if a.id in gold
            else (first[rewrites[a.id][0]] + 0.5)
            if a.id in rewrites
            else first[a.id]
        )
    )
    return pool, gold, rewrites, {a.id: a.text for a in originals}, {f"o{n}": e for n, e, _ in kept}


def score(
    links: dict[str, str], origins: dict[str, str | None], gold, rewrites, texts_by_id, event, credited: dict[str, str]
) -> dict:
    # A copy may name its original's own original (the original is itself a corpus reprint): chains
    # collapse onto the first-seen copy, so that link is right too.
    true_pairs = {frozenset((c, o)) for c, (o, _) in gold.items()}
    true_pairs |= {frozenset((c, links[o])) for c, (o, _) in gold.items() if o in links}
    tp = fp = neutral = same_event_fp = 0
    found = set()
    for a, b in links.items():
        pair = frozenset((a, b))
        if pair in true_pairs:
            tp += 1
            found.add(a if a in gold else b)
            continue
        ra, rb = rewrites.get(a, (a,))[0], rewrites.get(b, (b,))[0]
        oa, ob = gold.get(ra, (ra,))[0], gold.get(rb, (rb,))[0]
        if (a in rewrites or b in rewrites) and oa == ob:
            neutral += 1  # a rewrite linked to its source: partial copy, scored for origin only
        elif a in texts_by_id and b in texts_by_id and exact_jaccard(texts_by_id[a], texts_by_id[b]) >= AMBIGUOUS:
            neutral += 1  # two originals that already share wire text in the corpus
        else:
            fp += 1
            same_event_fp += event.get(oa) == event.get(ob)
    by_kind = {k: [0, 0] for k in range(len(KINDS))}
    for c, (_, kind) in gold.items():
        by_kind[kind][1] += 1
        by_kind[kind][0] += c in found
    origin_ok = sum(origins.get(r) == want or links.get(r) == src for r, (src, want) in rewrites.items())
    # A passage origin on an original names another pool article's outlet (or AP through it). It is right
    # when the two really share a long passage (>= 40 common 8-word runs, i.e. about 50 words verbatim):
    # wire text the corpus already holds. Otherwise it is a false passage origin on a hard negative.
    by_outlet = {f"outlet{a[1:]}": a for a in texts_by_id}
    passage_right = passage_wrong = 0
    for a, o in origins.items():
        if not o or a not in texts_by_id or a in links or (o == "AP" and "AP" in credited.get(a, "")):
            continue
        sources = [by_outlet[o]] if o in by_outlet else [x for x in texts_by_id if "AP" in credited.get(x, "")]
        if any(common_runs(texts_by_id[a], texts_by_id[x]) >= 40 for x in sources if x != a):
            passage_right += 1
        else:
            passage_wrong += 1
    return {
        "precision": tp / max(tp + fp, 1),
        "recall": len(found) / len(gold),
        "tp": tp,
        "fp": fp,
        "neutral": neutral,
        "same_event_fp": same_event_fp,
        "copies": len(gold),
        "recall_by_kind": {KINDS[k]: f"{v[0]}/{v[1]}" for k, v in by_kind.items()},
        "rewrite_origin": f"{origin_ok}/{len(rewrites)}",
        "passage_right": passage_right,
        "passage_wrong": passage_wrong,
    }


def run_quality(impl: str, threshold: float, data) -> tuple[dict, float]:
    pool, gold, rewrites, texts_by_id, event = data
    rename = {a.id: f"x{i:05d}" for i, a in enumerate(pool)}
    back = {v: k for k, v in rename.items()}
    dd = Deduper(threshold=threshold, window=len(pool)) if impl == "ours" else DatasketchBaseline(threshold)
    links, origins = {}, {}
    start = time.process_time()  # CPU time: the machine is shared, wall time says more about the neighbours
    for art in pool:
        copy = Article(id=rename[art.id], text=art.text, outlet=art.outlet, credits=list(art.credits))
        dd.add(copy)
        if copy.duplicate_of:
            links[art.id] = back[copy.duplicate_of]
        origins[art.id] = copy.origin
    elapsed = time.process_time() - start
    credited = {a.id: " ".join(a.credits) and "AP" for a in pool}
    return score(links, origins, gold, rewrites, texts_by_id, event, credited), len(pool) / elapsed


def quality(seed: int = 13, impls: tuple[str, ...] = ("ours", "datasketch")) -> None:
    data = build_quality_set(seed)
    pool, gold, rewrites, texts_by_id, _ = data
    print(
        f"pool: {len(pool)} articles ({len(texts_by_id)} real originals, {len(gold)} perturbed copies, "
        f"{len(rewrites)} rewrites)\n"
    )
    print(
        "| impl | threshold | precision | recall | true links | false links (same event) | neutral links "
        "| rewrite origin right | passage origins on originals: verified / not | articles/CPU-s |\n"
        "|---|---|---|---|---|---|---|---|---|---|"
    )
    detail = {}
    for impl in impls:
        for t in THRESHOLDS:
            r, speed = run_quality(impl, t, data)
            detail[(impl, t)] = r
            passage = f"{r['passage_right']} / {r['passage_wrong']}" if impl == "ours" else "-"
            print(
                f"| {impl} | {t} | {r['precision']:.3f} | {r['recall']:.3f} | {r['tp']} | {r['fp']} "
                f"({r['same_event_fp']}) | {r['neutral']} | {r['rewrite_origin'] if impl == 'ours' else '-'} "
                f"| {passage} | {speed:.0f} |"
            )
    print(
        f"\nRecall by perturbation at the chosen threshold:\n\n| perturbation | {' | '.join(impls)} |\n"
        f"|---|{'---|' * len(impls)}"
    )
    for k in KINDS:
        print(f"| {k} | {' | '.join(detail[(i, NEAR_THRESHOLD)]['recall_by_kind'][k] for i in impls)} |")


# ------------------------------------------------------------------ stream
def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def stream(n: int, impl: str = "ours", seed: int = 5) -> dict:
    """Synthetic stream of ``n`` articles made from real ones, 10% of them near-copies of a recent article.

    A fresh article is a real article with one word in four replaced by a word from the corpus vocabulary
    (so fresh articles are distinct, as real ones are, but keep real lengths, paragraphs and words), often
    with one of 50 outlets' fixed footers (boilerplate many articles share). A copy is a perturbation of
    one of the last 1,000 fresh articles.
    """
    rng = random.Random(seed)
    texts = [t for _, t in real_texts()]
    vocab = sorted({w for t in texts for w in t.split()})
    footers = [" ".join(rng.choice(vocab) for _ in range(40)) for _ in range(50)]
    dd = Deduper() if impl == "ours" else DatasketchBaseline()
    recent: list[tuple[str, str]] = []
    copies = found = false_links = 0
    marks: list[dict] = []
    chunk = total = cpu_chunk = cpu_total = 0.0
    for i in range(n):
        source = None
        if recent and rng.random() < 0.1:
            source, base = rng.choice(recent)
            text = perturb(base, rng.randrange(len(KINDS)), rng, rng.choice(texts))
        else:
            words = rng.choice(texts).split(" ")
            for j in range(0, len(words), 4):
                words[j + rng.randrange(min(4, len(words) - j))] = rng.choice(vocab)
            text = " ".join(words)
            if rng.random() < 0.5:
                text += "\n\n" + rng.choice(footers)
            recent.append((f"s{i}", text))
            if len(recent) > 1000:
                recent = recent[-1000:]
        t0, c0 = time.perf_counter(), time.process_time()
        art = dd.add(Article(id=f"s{i}", text=text))
        chunk += time.perf_counter() - t0
        cpu_chunk += time.process_time() - c0
        if source is not None:
            copies += 1
            found += art.duplicate_of == source
        else:
            false_links += art.duplicate_of is not None
        if (i + 1) % max(1, n // 10) == 0:
            marks.append(
                {
                    "at": i + 1,
                    "seconds": round(chunk, 2),
                    "cpu_seconds": round(cpu_chunk, 2),
                    "rss_mib": round(_rss_mib()),
                }
            )
            total, cpu_total = total + chunk, cpu_total + cpu_chunk
            chunk = cpu_chunk = 0.0
            print(json.dumps(marks[-1]), file=sys.stderr, flush=True)
    elapsed = total + chunk
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tenth = max(1, n // 10)
    return {
        "impl": impl,
        "articles": n,
        "dedupe_seconds": round(elapsed, 1),
        "cpu_seconds": round(cpu_total + cpu_chunk, 1),
        "articles_per_s": round(n / elapsed),
        "articles_per_cpu_s": round(n / max(cpu_total + cpu_chunk, 1e-9)),
        "peak_rss_mib": round(peak),
        "first_10pct_cpu_ms_per_article": round(1000 * marks[0]["cpu_seconds"] / tenth, 3) if marks else None,
        "last_10pct_cpu_ms_per_article": round(1000 * marks[-1]["cpu_seconds"] / tenth, 3) if marks else None,
        "copies": copies,
        "copies_found": found,
        "false_links": false_links,
        "window": getattr(dd, "window", None),
        "live": len(dd) if impl == "ours" else len(dd.sigs),
        "marks": marks,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["quality", "stream"])
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument(
        "--impl",
        choices=["ours", "datasketch", "both"],
        default=None,
        help="stream: ours (default); quality: both (default)",
    )
    ap.add_argument("--seed", type=int, default=13, help="quality: seed of the perturbations and the order")
    args = ap.parse_args()
    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, python {platform.python_version()}, "
        f"date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    if args.mode == "quality":
        quality(args.seed, ("ours", "datasketch") if args.impl in (None, "both") else (args.impl,))
    else:
        print(json.dumps(stream(args.n, "ours" if args.impl in (None, "both") else args.impl)))


if __name__ == "__main__":
    main()
