"""Article-body extraction: newsprism's clean stage vs plain trafilatura on the shared eval split.

Both run on the same pages in the same process; predictions go to a temp dir and are scored by
the eval's own ``score.py`` (as a subprocess, so the numbers are the scorer's, not ours).

    .venv/bin/python benchmarks/bench_extraction.py [--eval DIR] [--out benchmarks/extraction.md] [--repeat N]

Speed is pages/second over the whole split (HTML already decompressed in memory; best of
``--repeat`` runs, so a cold cache does not decide the comparison).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import trafilatura

from machine import cpu_model
from newsprism.clean import clean_document, clean_documents
from newsprism.model import RawDocument

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO.parent / "shared" / "eval" / "extraction"


def load_pages(eval_dir: Path) -> tuple[dict[str, str], dict[str, dict]]:
    gt = json.loads((eval_dir / "ground-truth.json").read_text(encoding="utf8"))
    pages = {i: gzip.decompress((eval_dir / "html" / f"{i}.html.gz").read_bytes()).decode("utf8") for i in sorted(gt)}
    return pages, gt


def run_trafilatura(pages: dict[str, str], gt: dict[str, dict]) -> dict[str, str]:
    return {i: trafilatura.extract(h, include_comments=False, include_tables=False) or "" for i, h in pages.items()}


def _raws(pages: dict[str, str], gt: dict[str, dict]) -> list[RawDocument]:
    return [
        RawDocument(id=i, source=i, content=h, kind="html", meta={"url": gt[i].get("url")}) for i, h in pages.items()
    ]


def run_newsprism_batch(pages: dict[str, str], gt: dict[str, dict]) -> dict[str, str]:
    """The pipeline's path: clean_documents over the whole split (corpus statistics on)."""
    out = dict.fromkeys(pages, "")
    errors: list[str] = []
    for a in clean_documents(_raws(pages, gt), on_error=lambda e: errors.append(str(e))):
        out[a.id] = a.text
    return out


def run_newsprism_single(pages: dict[str, str], gt: dict[str, dict]) -> dict[str, str]:
    """One page at a time, no corpus statistics (what a streaming caller without a batch gets)."""
    out = {}
    for raw in _raws(pages, gt):
        try:
            out[raw.id] = clean_document(raw).text
        except Exception:  # noqa: BLE001 - an unusable page scores as empty
            out[raw.id] = ""
    return out


def score(eval_dir: Path, preds: dict[str, str], tmp: Path, name: str) -> dict[str, str]:
    path = tmp / f"{name}.json"
    path.write_text(json.dumps({i: {"articleBody": t} for i, t in preds.items()}), encoding="utf8")
    res = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), str(eval_dir / "ground-truth.json"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    metrics = {}
    for line in res.stdout.splitlines():
        m = re.match(r"^(precision|recall|accuracy|f1)\s+(\S+ ± \S+)", line)
        if m:
            metrics[m.group(1)] = m.group(2)
    return metrics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--out", type=Path, default=None, help="also write the Markdown section here")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not (args.eval / "ground-truth.json").exists():
        print(f"eval split not found at {args.eval}", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    pages, gt = load_pages(args.eval)
    trafilatura.extract(next(iter(pages.values())))  # warm imports and caches for everyone
    systems = [
        ("trafilatura 2.3.1 `extract(include_comments=False, include_tables=False)`", run_trafilatura),
        ("newsprism `clean_documents` (batch, corpus statistics)", run_newsprism_batch),
        ("newsprism `clean_document` (one page at a time)", run_newsprism_single),
    ]
    # interleave the systems in every round so machine load hits them alike; keep each one's best round
    best = [float("inf")] * len(systems)
    preds: list[dict[str, str]] = [{} for _ in systems]
    for _ in range(args.repeat):
        for k, (_, fn) in enumerate(systems):
            t0 = time.perf_counter()
            preds[k] = fn(pages, gt)
            best[k] = min(best[k], time.perf_counter() - t0)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, _) in enumerate(systems):
            rows.append((name, score(args.eval, preds[k], Path(tmp), f"sys{k}"), len(pages) / best[k]))
    head = (
        f"Split: `{args.eval.name}` DEV, {len(pages)} pages. Machine: {os.cpu_count()} CPUs (`nproc`), "
        f"{cpu_model()}, Python {platform.python_version()}, {dt.date.today().isoformat()}. "
        f"Single process; speed = pages/s, best of {args.repeat} interleaved rounds."
    )
    table = [
        "| system | precision | recall | F1 | exact pages | pages/s |",
        "|---|---|---|---|---|---|",
    ]
    for name, m, pps in rows:
        table.append(
            f"| {name} | {m.get('precision', '?')} | {m.get('recall', '?')} | **{m.get('f1', '?')}** | "
            f"{m.get('accuracy', '?')} | {pps:.1f} |"
        )
    text = head + "\n\n" + "\n".join(table) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
