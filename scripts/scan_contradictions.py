"""Every contradiction the detector reports over the DEV stories of BASIL, NeuS and ECB+ (one JSON line each).

Each story runs as ``brief`` and benchmarks/bench_contradictions.py run it: its articles (only their
article fields) analysed, aligned, then ``find_contradictions``.

- BASIL DEV: the three articles of each event (50 stories).
- NeuS DEV: the three sources of each story, title and lead (307 stories).
- ECB+ DEV: the documents of each gold event through the clean stage, the source-URL first line dropped (40 stories);
  ``--keep-url`` keeps it, as benchmarks/bench_contradictions.py does (the clean stage reads it as the address, and
  the site becomes the outlet: several articles of one site are then one outlet). Use one cache per setting.

The eval data is read from ../shared/eval (never copied into the repo). ``--cache PATH`` keeps each story's
articles, analyses and alignment on disk (put it outside the repo, e.g. /tmp/c/cache.pkl), so a rerun after a
change to the detector takes seconds; a change to analysis or alignment needs ``--refresh``.

Usage:
  .venv/bin/python scripts/scan_contradictions.py --out /tmp/c/base.jsonl --cache /tmp/c/cache.pkl
  .venv/bin/python scripts/scan_contradictions.py --out /tmp/c/new.jsonl --cache /tmp/c/cache.pkl --diff /tmp/c/base.jsonl
  .venv/bin/python scripts/scan_contradictions.py --diff OLD.jsonl NEW.jsonl   # compare two dumps, no run
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_stories import FILES, basil_stories, ecbplus_articles, ecbplus_documents, neus_stories  # noqa: E402

CORPORA = ("basil", "neus", "ecbplus")


def load_stories(corpora: list[str], keep_url: bool = False) -> list[tuple[str, str, list]]:
    """(corpus, story id, articles or raw documents) for every DEV story of ``corpora``, in a fixed order."""
    loaders = {
        "basil": basil_stories,
        "neus": neus_stories,
        "ecbplus": lambda: ecbplus_documents(keep_url=keep_url),
    }
    out = []
    for corpus in corpora:
        if not FILES[corpus].exists():
            print(f"skipped {corpus}: {FILES[corpus]} not found", file=sys.stderr)
            continue
        out.extend((corpus, sid, items) for sid, items in sorted(loaders[corpus]().items()))
    return out


def prepared(corpus: str, items: list, embedder, nlp: str):
    """A story's articles, analyses and alignment, as ``brief`` builds them."""
    from newsprism.analyze import analyze
    from newsprism.synthesize.align import align

    arts = ecbplus_articles(items) if corpus == "ecbplus" else items
    analyses = analyze(arts, nlp=nlp)
    return arts, analyses, align(arts, analyses, embedder)


def report(corpus: str, story: str, c) -> dict:
    return {
        "corpus": corpus,
        "story": story,
        "kind": c.kind,
        "topic": c.topic,
        "variants": [
            {
                "value": v.value,
                "text": v.text,
                "articles": v.articles,
                "spans": [[s.article, s.start, s.end] for s in v.spans],
            }
            for v in c.variants
        ],
    }


def key(r: dict) -> tuple:
    """What identifies a report across runs: its story, kind and each variant's value and articles."""
    return (
        r["corpus"],
        r["story"],
        r["kind"],
        tuple(sorted((v["value"], tuple(sorted(v["articles"]))) for v in r["variants"])),
    )


def show(r: dict) -> str:
    lines = [f"{r['corpus']} {r['story']} [{r['kind']}] {r['topic']}"]
    for v in r["variants"]:
        lines.append(f"    {v['value']!r} {','.join(v['articles'])}: {v['text'][:300]}")
    return "\n".join(lines)


def diff(old: list[dict], new: list[dict]) -> tuple[list[dict], list[dict]]:
    ko, kn = {key(r) for r in old}, {key(r) for r in new}
    return [r for r in new if key(r) not in ko], [r for r in old if key(r) not in kn]


def read_jsonl(path: str) -> list[dict]:
    return [json.loads(x) for x in Path(path).open(encoding="utf-8") if x.strip()]


def print_diff(old: list[dict], new: list[dict]) -> None:
    added, removed = diff(old, new)
    print(f"{len(old)} -> {len(new)} reports: {len(added)} added, {len(removed)} removed")
    for tag, rows in (("ADDED", added), ("REMOVED", removed)):
        for r in rows:
            print(f"{tag} {show(r)}")


def scan(args) -> list[dict]:
    from newsprism.analyze.embed import get_embedder
    from newsprism.synthesize.contradictions import find_contradictions

    cache: dict = {}
    cache_path = Path(args.cache) if args.cache else None
    settings = {"embedder": args.embedder, "nlp": args.nlp, "keep_url": args.keep_url}
    if cache_path and cache_path.exists() and not args.refresh:
        with cache_path.open("rb") as f:
            stored = pickle.load(f)
        if stored.get("settings") == settings:
            cache = stored["stories"]
        else:
            print(f"cache {cache_path} was built with {stored.get('settings')}: rebuilding", file=sys.stderr)
    embedder = None
    dirty = False
    out: list[dict] = []
    t0 = time.time()
    for corpus, sid, items in load_stories(args.corpus, args.keep_url):
        ck = f"{corpus}:{sid}"
        if ck not in cache:
            if embedder is None:
                embedder = get_embedder(args.embedder)
            cache[ck] = prepared(corpus, items, embedder, args.nlp)
            dirty = True
        arts, analyses, al = cache[ck]
        for c in find_contradictions(al, arts, analyses):
            out.append(report(corpus, sid, c))
    if cache_path and dirty:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        with cache_path.open("wb") as f:
            pickle.dump({"settings": settings, "stories": cache}, f)
    counts = {c: sum(1 for r in out if r["corpus"] == c) for c in args.corpus}
    print(f"{len(out)} reports {counts} in {time.time() - t0:.1f}s", file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="write the reports here (JSON lines); default stdout")
    ap.add_argument("--cache", help="pickle of each story's analysis and alignment (keep it outside the repo)")
    ap.add_argument("--refresh", action="store_true", help="rebuild the cache (after an analysis or alignment change)")
    ap.add_argument(
        "--diff",
        nargs="+",
        metavar="JSONL",
        help="OLD: print reports added/removed against OLD; OLD NEW: compare two dumps",
    )
    ap.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA))
    ap.add_argument(
        "--keep-url",
        action="store_true",
        help="give ECB+ documents with their source-URL line, as the benchmark does (the URL's site is the outlet)",
    )
    ap.add_argument("--embedder", default="minilm")
    ap.add_argument("--nlp", default="spacy")
    args = ap.parse_args()
    if args.diff and len(args.diff) == 2:
        print_diff(read_jsonl(args.diff[0]), read_jsonl(args.diff[1]))
        return
    rows = scan(args)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    elif not args.diff:
        sys.stdout.write(text)
    if args.diff:
        print_diff(read_jsonl(args.diff[0]), rows)


if __name__ == "__main__":
    main()
