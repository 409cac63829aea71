"""Every timeline entry of the BASIL, ECB+ and NeuS DEV stories, one JSON line each; and a diff of two dumps.

Why: a change to date resolution or to the timeline is read entry by entry, in its article.
Each story runs as ``synthesize`` runs it: ``analyze`` over the story's articles (spaCy), the
alignment (MiniLM), then :func:`newsprism.synthesize.timeline.timeline`.

Stories: BASIL DEV one per ``event`` (articles given id/title/text/date/outlet only); ECB+ DEV
one per gold event, the source-URL first line dropped and the clean stage run as
``benchmarks/bench_contradictions.py`` runs it (ECB+ texts carry no publication date, so
relative dates resolve only when ``infer_reference`` finds a writing date); NeuS DEV the three
sources of each story (undated too). The eval data is read from ../shared/eval, nothing is
written into the repo.

A line: ``{"corpus", "story", "date", "end_date", "text", "articles", "spans", "times"}``;
``spans`` are ``[article, start, end]``, ``times`` the time expressions inside the spans that
resolve to the entry's date, each with its article's publication date (``published``) and the
reference it was resolved against (``ref``, inferred for an undated article), and ``sentence``,
the first span's whole sentence, for reading.

Usage:
  .venv/bin/python scripts/dump_timeline.py --out /tmp/tl/base.jsonl [--corpus basil ecbplus neus]
      [--cache /tmp/tl/cache]
  .venv/bin/python scripts/dump_timeline.py --diff OLD.jsonl NEW.jsonl

``--cache`` keeps the spaCy entities and the MiniLM vectors (by text sha1) in a directory outside
the repo: they do not depend on the date code, and a rerun then takes a fraction of the time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_stories import FILES, basil_stories, ecbplus_articles, ecbplus_documents, neus_stories  # noqa: E402


def stories(corpus: str) -> list[tuple[str, list]]:
    """(story id, articles) of every DEV story of ``corpus``, in file order: BASIL with headlines, ECB+
    cleaned without its source-URL line, NeuS with unnamed outlets (as the dumps were made so far)."""
    if corpus == "basil":
        return list(basil_stories(titles=True).items())
    if corpus == "ecbplus":
        return [(e, ecbplus_articles(docs)) for e, docs in ecbplus_documents().items()]
    return list(neus_stories(outlets=False).items())


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CachedNlp:
    """The spaCy backend with its entities kept by text sha1 (sentences are the regex splitter's anyway)."""

    def __init__(self, cache: dict) -> None:
        from newsprism.analyze.nlp import get_nlp

        self.base = get_nlp("spacy")
        self.name = self.base.name
        self.cache = cache

    def sentences(self, text: str):
        return self.base.sentences(text)

    def entities(self, texts: list[str]):
        todo = [t for t in dict.fromkeys(texts) if _key(t) not in self.cache]
        if todo:
            for t, ents in zip(todo, self.base.entities(todo), strict=True):
                self.cache[_key(t)] = ents
        return [[e.__class__(**vars(e)) for e in self.cache[_key(t)]] for t in texts]


def _load(path: Path | None) -> dict:
    if path is None or not path.exists():
        return {}
    with path.open("rb") as fh:
        return pickle.load(fh)


def _save(path: Path | None, obj: dict) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(obj, fh)


def _sentence(text: str, analysis, start: int) -> str:
    for s in analysis.sentences:
        if s.start <= start < s.end:
            return text[s.start : s.end]
    return ""


def entries_of(corpus: str, story: str, arts: list, nlp, embedder) -> list[dict]:
    from newsprism.analyze import analyze
    from newsprism.analyze.timex import infer_reference, median_date, reference_date_for
    from newsprism.synthesize.align import align
    from newsprism.synthesize.timeline import timeline

    if not arts:
        return []
    analyses = analyze(arts, nlp=nlp)
    by_id = {a.id: a for a in arts}
    story_ref = median_date(arts)
    refs = {}
    for a in arts:  # the reference analyze_article resolves against, recomputed for the reader
        ref = reference_date_for(a)
        if ref is None:
            ref = infer_reference(a.text, analyses[a.id].sentences, story_ref)
        elif not a.published:
            ref = infer_reference(a.text, analyses[a.id].sentences, ref, updated=True)
        refs[a.id] = ref.isoformat() if ref else None
    rows = []
    for e in timeline(arts, analyses, align(arts, analyses, embedder)):
        times = [
            {
                "article": sp.article,
                "text": t.text,
                "start": t.start,
                "published": by_id[sp.article].published,
                "ref": refs[sp.article],
            }
            for sp in e.spans
            for t in analyses[sp.article].times
            if sp.start <= t.start and t.end <= sp.end and t.date == e.date and t.end_date == e.end_date
        ]
        first = e.spans[0]
        rows.append(
            {
                "corpus": corpus,
                "story": story,
                "date": e.date,
                "end_date": e.end_date,
                "text": e.text,
                "articles": e.articles,
                "spans": [[sp.article, sp.start, sp.end] for sp in e.spans],
                "times": times,
                "sentence": _sentence(by_id[first.article].text, analyses[first.article], first.start),
            }
        )
    return rows


def dump(corpora: list[str], out: Path, cache: Path | None) -> int:
    from newsprism.analyze.embed import get_embedder

    ents_path = cache / "entities.pkl" if cache else None
    vecs_path = cache / "vectors.pkl" if cache else None
    nlp = CachedNlp(_load(ents_path))
    vecs = _load(vecs_path)
    embedder = get_embedder("minilm", cache=vecs)
    rows = []
    try:
        for corpus in corpora:
            for story, arts in stories(corpus):
                rows.extend(entries_of(corpus, story, arts, nlp, embedder))
    finally:
        _save(ents_path, nlp.cache)
        _save(vecs_path, vecs)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def load(path: Path) -> dict[tuple, dict]:
    """A dump keyed by (corpus, story, first span, date, end date)."""
    out: dict[tuple, dict] = {}
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        k = (r["corpus"], r["story"], *r["spans"][0], r["date"], r["end_date"] or "")
        while k in out:
            k = (*k, "+")
        out[k] = r
    return out


def _sig(r: dict) -> tuple:
    return (r["date"], r["end_date"], r["text"], tuple(r["articles"]))


def _same_place(r: dict, q: dict, same_date: bool) -> bool:
    """Two entries of one story (and date) citing overlapping spans (the text may now be another article's)."""
    if (r["corpus"], r["story"]) != (q["corpus"], q["story"]):
        return False
    if same_date and (r["date"], r["end_date"]) != (q["date"], q["end_date"]):
        return False
    return any(a == a2 and s < e2 and s2 < e for a, s, e in r["spans"] for a2, s2, e2 in q["spans"])


def show(r: dict) -> str:
    when = r["date"] + (f"..{r['end_date']}" if r["end_date"] else "")
    exprs = "; ".join(f"{t['text']!r} ref={t['ref']}" for t in r["times"])
    return f"{when} [{', '.join(r['articles'])}] {r['text']!r}  <{exprs}>"


def diff(old: Path, new: Path) -> int:
    a, b = load(old), load(new)
    removed = sorted(k for k in a.keys() - b.keys())
    added = sorted(k for k in b.keys() - a.keys())
    changed = sorted(k for k in a.keys() & b.keys() if _sig(a[k]) != _sig(b[k]))
    # a clause widened or narrowed keeps its date and its article: one entry changed, not two
    for same_date in (True, False):  # a clause widened on its date first, then a clause on a new date
        for ka in list(removed):
            kb = next((k for k in added if _same_place(a[ka], b[k], same_date)), None)
            if kb is not None:
                removed.remove(ka)
                added.remove(kb)
                changed.append((ka, kb))
    for label, keys in (("removed", removed), ("added", added), ("changed", changed)):
        for k in keys:
            ka, kb = k if isinstance(k[0], tuple) else (k, k)
            print(f"== {label} {ka[0]} {ka[1]} @{ka[2]}:{ka[3]}")
            if ka in a:
                print(f"  old: {show(a[ka])}")
            if kb in b:
                print(f"  new: {show(b[kb])}")
            print(f"  sentence: {(b.get(kb) or a[ka])['sentence']!r}")
    print(f"{len(removed)} removed, {len(added)} added, {len(changed)} changed ({len(a)} -> {len(b)} entries)")
    return len(removed) + len(added) + len(changed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="write the dump here (outside the repo, e.g. /tmp/tl/base.jsonl)")
    ap.add_argument("--corpus", nargs="+", choices=sorted(FILES), default=sorted(FILES))
    ap.add_argument("--cache", type=Path, help="a directory outside the repo for entities and vectors")
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two dumps, no run")
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff)
    elif args.out:
        print(f"{dump(args.corpus, args.out, args.cache)} entries -> {args.out}")
    else:
        ap.error("give --out or --diff")


if __name__ == "__main__":
    main()
