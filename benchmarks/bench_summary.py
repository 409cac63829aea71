"""NeuS benchmark: newsprism's extractive summary next to sumy LexRank, scored by ``neus_score.py``.

Why both in one run: the peer baseline and our system see the same sources on the same
machine, so the table in ``benchmarks/summary.md`` compares like with like. Sources get
opaque ids in shuffled order (the file's ids encode the gold); outlets are unknown, so
each source counts as its own outlet. "Summary coverage" is the share of facts that ≥ 2
sources support (as aligned by newsprism) that a summary states.

Usage: .venv/bin/python benchmarks/bench_summary.py [--limit N] [--embedder minilm|hash]
       [--nlp spacy|regex|none] [--words W] [--cache PATH] [--write-md]

``--cache PATH`` keeps each story's articles, analyses and alignment in a pickle outside the repo:
a rerun after a change to the summary stage (not to analysis or alignment) takes seconds, not minutes.
The seconds column then times the summary alone, so do not ``--write-md`` from a cached run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pickle
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.model import Article, Story  # noqa: E402
from newsprism.synthesize import SUMMARY_WORDS, synthesize  # noqa: E402
from newsprism.synthesize.align import align, build_facts  # noqa: E402
from newsprism.synthesize.summary import coverage  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "neus"


def get_embedder(name: str):
    try:
        from newsprism.analyze.embed import get_embedder as real
    except ImportError:
        return None
    try:
        return real(name)
    except Exception as exc:  # minilm missing: fall back to the deterministic backend
        print(f"embedder {name!r} unavailable ({exc}); using hash", file=sys.stderr)
        return real("hash")


def get_analyses(articles: list[Article], nlp: str) -> dict:
    if nlp == "none":
        return {}
    try:
        from newsprism.analyze import analyze
    except ImportError:
        return {}
    return analyze(articles, nlp=nlp)


def load(limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in (EVAL / "dev.jsonl").open(encoding="utf-8")]
    return rows[:limit] if limit else rows


#: DEV is reported as two halves too (stories 1-150 / 151-307): a change should help both
HALF = 150


def score(gold: Path, pred: Path) -> dict[str, float]:
    """ROUGE of ``pred`` from ``neus_score.py``, plus the same means over each half (``A``, ``B``)."""
    per = pred.with_suffix(".per.jsonl")
    out = (
        subprocess.run(
            [sys.executable, str(EVAL / "neus_score.py"), str(gold), str(pred), "--no-bias", "--per-cluster", str(per)],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    m = re.search(r"R1 ([\d.]+) R2 ([\d.]+) RL ([\d.]+)", out)
    res: dict = {"R1": float(m.group(1)), "R2": float(m.group(2)), "RL": float(m.group(3))}
    rows = [json.loads(x) for x in per.open(encoding="utf-8")]
    if len(rows) > HALF:
        res["halves"] = {name: _means(part) for name, part in (("A", rows[:HALF]), ("B", rows[HALF:]))}
    return res


def _means(rows: list[dict]) -> dict[str, float]:
    """Mean per-cluster F1 × 100 (the scale of the printed scores)."""
    scale = 100.0 if max(r["rouge1"] for r in rows) <= 1.0 else 1.0
    return {
        k: round(scale * sum(r[m] for r in rows) / len(rows), 2)
        for k, m in (("R1", "rouge1"), ("R2", "rouge2"), ("RL", "rougeL"))
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--embedder", default="minilm")
    ap.add_argument("--nlp", default="spacy")
    ap.add_argument("--words", type=int, default=SUMMARY_WORDS)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of analyses + alignments (outside the repo)")
    ap.add_argument("--write-md", action="store_true")
    args = ap.parse_args()
    if args.cache and args.write_md:
        sys.exit("--write-md times the whole run: do not combine it with --cache")
    if not (EVAL / "dev.jsonl").exists():
        sys.exit(f"NeuS data not found at {EVAL}")
    rows = load(args.limit)
    embedder = get_embedder(args.embedder)
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="neus-"))
    gold = tmp / "gold.jsonl"
    with gold.open("w", encoding="utf-8") as g:
        for r in rows:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
    # --- peer: LexRank, same run
    lex_pred = tmp / "lexrank.jsonl"
    t0 = time.time()
    subprocess.run([sys.executable, str(EVAL / "baseline_lexrank.py"), str(gold), str(lex_pred)], check=True)
    t_lex = time.time() - t0
    lex = {json.loads(x)["id"]: json.loads(x)["summary"] for x in lex_pred.open(encoding="utf-8")}
    # --- newsprism
    ours_pred = tmp / "newsprism.jsonl"
    cache_hit = bool(args.cache and args.cache.exists())
    cached: dict = pickle.loads(args.cache.read_bytes()) if cache_hit else {}
    cov_ours = [0, 0]
    cov_lex = [0, 0]
    cited = total_sents = words = 0
    t0 = time.time()
    with ours_pred.open("w", encoding="utf-8") as out:
        for k, r in enumerate(rows):
            srcs = list(r["sources"])
            rng.shuffle(srcs)
            arts = [Article(id=f"c{k}s{j}", text=s["text"]) for j, s in enumerate(srcs)]
            if r["id"] in cached:
                arts, analyses, al = cached[r["id"]]
            else:
                analyses = get_analyses(arts, args.nlp)
                al = align(arts, analyses, embedder)
                cached[r["id"]] = (arts, analyses, al)
            brief = synthesize(
                Story(f"c{k}", [a.id for a in arts]), arts, analyses, embedder, summary_words=args.words, alignment=al
            )
            summary = " ".join(s.text for s in brief.summary)
            out.write(json.dumps({"id": r["id"], "summary": summary}, ensure_ascii=False) + "\n")
            total_sents += len(brief.summary)
            cited += sum(1 for s in brief.summary if s.spans and _contained(arts, s))
            words += len(summary.split())
            _, fact_units = build_facts(al)
            c, n = coverage(al, fact_units, [s.text for s in brief.summary], embedder)
            cov_ours[0] += c
            cov_ours[1] += n
            c, n = coverage(al, fact_units, _split(lex.get(r["id"], "")), embedder)
            cov_lex[0] += c
            cov_lex[1] += n
    t_ours = time.time() - t0
    if args.cache and not cache_hit:
        args.cache.write_bytes(pickle.dumps(cached))
    s_ours = score(gold, ours_pred)
    s_lex = score(gold, lex_pred)
    lex_words = sum(len(v.split()) for v in lex.values())
    res = {
        "n": len(rows),
        "newsprism": {
            **s_ours,
            "words": words / len(rows),
            "coverage": cov_ours[0] / max(1, cov_ours[1]),
            "cited": cited / max(1, total_sents),
            "seconds": t_ours,
        },
        "lexrank": {
            **s_lex,
            "words": lex_words / len(rows),
            "coverage": cov_lex[0] / max(1, cov_lex[1]),
            "seconds": t_lex,
        },
        "embedder": getattr(embedder, "name", "fallback") if embedder is not None else "fallback",
        "nlp": args.nlp,
        "summary_words": args.words,
    }
    print(json.dumps(res, indent=1))
    if args.write_md:
        write_md(res)


def _contained(arts: list[Article], s) -> bool:
    by_id = {a.id: a for a in arts}
    sp = s.spans[0]
    return s.text in by_id[sp.article].text[sp.start : sp.end]


def _split(text: str) -> list[str]:
    sys.path.insert(0, str(EVAL))
    from baseline_lexrank import split_sentences

    return split_sentences(text) if text.strip() else []


def _halves_line(o: dict, lx: dict, n: int) -> str:
    """One line with the R1/R2/RL of each half, or nothing when the run had no halves (``--limit``)."""
    if "halves" not in o or "halves" not in lx:
        return ""

    def f(h: dict) -> str:
        return f"{h['R1']:.2f} / {h['R2']:.2f} / {h['RL']:.2f}"

    return (
        f"By half (stories 1-{HALF} / {HALF + 1}-{n}), R1 / R2 / RL: newsprism {f(o['halves']['A'])} and "
        f"{f(o['halves']['B'])}; LexRank {f(lx['halves']['A'])} and {f(lx['halves']['B'])}.\n\n"
    )


def write_md(res: dict) -> None:
    o, lx = res["newsprism"], res["lexrank"]
    md = f"""# Summary benchmark (NeuS DEV)

Run `.venv/bin/python benchmarks/bench_summary.py --write-md` (needs `../shared/eval/neus`).
Data: NeuS DEV, {res["n"]} stories, each 3 sources ("title. lead"), gold = AllSides' neutral roundup (74 words on average).
ROUGE F1 × 100 from `neus_score.py` (rouge-score, Porter stemming). Summary coverage = share of facts supported by
≥ 2 sources (newsprism's alignment) that a summary sentence states (exact span or alignment score ≥ link threshold).

- machine: {platform.machine()} {platform.processor() or ""} / {platform.system()} {platform.release()}, Python {platform.python_version()}
- date: {datetime.date.today().isoformat()}
- newsprism: embedder `{res["embedder"]}`, nlp `{res["nlp"]}`, summary_words {res["summary_words"]}

| system | words | R1 | R2 | RL | summary coverage | cited sentences | seconds |
|---|---|---|---|---|---|---|---|
| newsprism extractive (default) | {o["words"]:.1f} | {o["R1"]:.2f} | {o["R2"]:.2f} | {o["RL"]:.2f} | {o["coverage"]:.1%} | {o["cited"]:.0%} | {o["seconds"]:.0f} |
| sumy LexRank, 3 sentences (peer, `baseline_lexrank.py`) | {lx["words"]:.1f} | {lx["R1"]:.2f} | {lx["R2"]:.2f} | {lx["RL"]:.2f} | {lx["coverage"]:.1%} | n/a | {lx["seconds"]:.0f} |

{_halves_line(o, lx, res["n"])}Target set for this stage: R1 45.1 / R2 22.3 / RL 34.0 with every sentence cited.
"""
    out = ROOT / "benchmarks" / "summary.md"
    # hand-written notes below the table survive a rerun
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    notes = old[old.index("\nNotes") :] if "\nNotes" in old else ""
    out.write_text(md.rstrip() + "\n" + notes, encoding="utf-8")


if __name__ == "__main__":
    main()
