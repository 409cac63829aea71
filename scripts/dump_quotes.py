"""Every quote the analysis stage finds in the ECB+ and NeuS DEV texts, one JSON line each; and a diff of two dumps.

Why: a change to quote attribution is read quote by quote.  BASIL DEV has its own dump
(``benchmarks/bench_quotes.py --dump``); this one covers the other two DEV sets, whose texts
differ (ECB+ wire stories, NeuS title + lead).  Each document runs on its own: the clean stage
(``clean_document``; for ECB+ the source-URL first line dropped, as its README asks), then
``analyze([article], cross_article=False)``.  A document the clean stage rejects is skipped.

A line: ``{"doc", "start", "end", "kind", "speaker", "role", "text"}``, sorted by doc and start.
The eval data is read from ../shared/eval and nothing is written into the repo.

Usage:
  .venv/bin/python scripts/dump_quotes.py --out /tmp/q/other0.jsonl [--corpus ecbplus neus]
  .venv/bin/python scripts/dump_quotes.py --diff OLD.jsonl NEW.jsonl [--context 300]

``--diff`` also reads BASIL dumps (bench_quotes.py's list rows ``[article, start, end, speaker, role]``);
with ``--context`` it prints the text around each changed quote (looked up in the DEV files).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_stories import FILES as _ALL  # noqa: E402
from eval_stories import documents  # noqa: E402

FILES = {c: _ALL[c] for c in ("ecbplus", "neus")}
BASIL = _ALL["basil"]


def quotes_of(doc: str, raw: str) -> tuple[str, list[dict]]:
    """The cleaned text of one document and its quotes as dump rows ("" and none when cleaning rejects it)."""
    from newsprism.analyze import analyze
    from newsprism.clean import clean_document
    from newsprism.errors import InputError
    from newsprism.model import RawDocument

    try:
        art = clean_document(RawDocument(id=doc, source=doc, content=raw))
    except InputError:
        return "", []
    res = analyze([art], cross_article=False)[art.id]
    rows = [
        {
            "doc": doc,
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "speaker": q.speaker,
            "role": q.role,
            "text": q.text,
        }
        for q in res.quotes
    ]
    return art.text, rows


def dump(corpora: list[str], out: Path) -> int:
    rows = []
    for corpus in corpora:
        for doc, raw in documents(corpus):
            rows.extend(quotes_of(doc, raw)[1])
    rows.sort(key=lambda r: (r["doc"], r["start"], r["end"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def load(path: Path) -> dict[tuple[str, int], dict]:
    """A dump keyed by (doc id, quote start); BASIL list rows become dicts."""
    out = {}
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        if isinstance(r, list):
            r = {"doc": r[0], "start": r[1], "end": r[2], "speaker": r[3] or None, "role": r[4] or None}
        out[(r["doc"], r["start"])] = r
    return out


def texts_for(docs: set[str]) -> dict[str, str]:
    """The analysed text of each doc id (cleaned for ECB+/NeuS, as bench_quotes.py blinds it for BASIL)."""
    out = {}
    if BASIL.exists():  # bench_quotes.py dumps the blinded articles of load_basil (ids 'doc0083')
        from newsprism.analyze.quote_eval import load_basil

        out.update((a.id, a.text) for a in load_basil(BASIL)[0] if a.id in docs)
    for corpus in FILES:
        for doc, raw in documents(corpus):
            if doc in docs and doc not in out:
                out[doc] = _cleaned(doc, raw)
    return out


def _cleaned(doc: str, raw: str) -> str:
    from newsprism.clean import clean_document
    from newsprism.errors import InputError
    from newsprism.model import RawDocument

    try:
        return clean_document(RawDocument(id=doc, source=doc, content=raw)).text
    except InputError:
        return ""


def show(r: dict | None) -> str:
    if r is None:
        return "-"
    return f"[{r['start']}:{r['end']}] {r.get('kind', '')} speaker={r['speaker']!r} role={r['role']!r}"


def diff(old: Path, new: Path, context: int) -> int:
    a, b = load(old), load(new)
    changed = sorted(k for k in a.keys() | b.keys() if _sig(a.get(k)) != _sig(b.get(k)))
    texts = texts_for({k[0] for k in changed}) if context else {}
    for k in changed:
        print(f"== {k[0]} @{k[1]}")
        print(f"  old: {show(a.get(k))}")
        print(f"  new: {show(b.get(k))}")
        t = texts.get(k[0])
        if t:
            r = b.get(k) or a.get(k)
            lo, hi = max(0, r["start"] - context), min(len(t), r["end"] + context)
            snippet = t[lo : r["start"]] + "⟦" + t[r["start"] : r["end"]] + "⟧" + t[r["end"] : hi]
            print("  " + snippet.replace("\n", " ⏎ "))
    print(f"{len(changed)} quotes changed ({len(a)} -> {len(b)})")
    return len(changed)


def _sig(r: dict | None) -> tuple | None:
    return None if r is None else (r["end"], r.get("kind"), r["speaker"], r["role"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="write the dump here (outside the repo, e.g. /tmp/q/other0.jsonl)")
    ap.add_argument("--corpus", nargs="+", choices=sorted(FILES), default=sorted(FILES))
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two dumps, no run")
    ap.add_argument("--context", type=int, default=0, help="with --diff: characters of text shown each side")
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff, args.context)
    elif args.out:
        print(f"{dump(args.corpus, args.out)} quotes -> {args.out}")
    else:
        ap.error("give --out or --diff")


if __name__ == "__main__":
    main()
