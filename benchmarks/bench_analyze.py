"""Throughput of the analysis stage per core, WITH embeddings, on BASIL DEV article texts.

What is timed (models loaded and warmed up first, so only steady-state work counts):
the spaCy backend's ``analyze`` (sentences, entities, quotes with speakers, time
expressions; one process) and then ``get_embedder("minilm")`` embeddings of every
sentence of every article.  All numeric libraries are pinned to one thread, so wall
time on an idle core is the per-core cost; CPU time of the process is reported too,
because the 2-core machine is shared and wall time also counts waiting.
Usage: ``.venv/bin/python benchmarks/bench_analyze.py [path/to/dev.jsonl]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NEWSPRISM_THREADS"):
    os.environ.setdefault(_var, "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "basil" / "dev.jsonl"


def measure_throughput(arts: list) -> dict[str, float]:
    """Seconds (wall and CPU) per stage over ``arts`` and articles per second per core."""
    from newsprism.analyze import analyze, get_nlp
    from newsprism.analyze.embed import get_embedder

    backend = get_nlp("spacy")
    embedder = get_embedder("minilm", threads=1)
    warm = analyze(arts[:3], nlp=backend, cross_article=False)  # load and warm up both models
    embedder.embed([s.text for a in warm.values() for s in a.sentences][:32])

    w0, c0 = time.perf_counter(), time.process_time()
    res = analyze(arts, nlp=backend, cross_article=False)
    w1, c1 = time.perf_counter(), time.process_time()
    sents = [s.text for a in res.values() for s in a.sentences]
    vecs = embedder.embed(sents)
    w2, c2 = time.perf_counter(), time.process_time()
    assert vecs.shape == (len(sents), embedder.dim)
    n = len(arts)
    return {
        "articles": n,
        "sentences": len(sents),
        "quotes": sum(len(a.quotes) for a in res.values()),
        "analyze_wall": w1 - w0,
        "analyze_cpu": c1 - c0,
        "embed_wall": w2 - w1,
        "embed_cpu": c2 - c1,
        "total_wall": w2 - w0,
        "total_cpu": c2 - c0,
        "articles_per_s_wall": n / (w2 - w0),
        "articles_per_cpu_s": n / (c2 - c0),
        "analyze_only_per_cpu_s": n / (c1 - c0),
    }


def markdown(t: dict[str, float]) -> list[str]:
    return [
        "## Analysis-stage throughput (per core, with embeddings)",
        "",
        f"- {t['articles']:.0f} BASIL DEV articles, {t['sentences']:.0f} sentences, {t['quotes']:.0f} quotes found;"
        " spaCy backend (sentences + entities + quotes + times, one process) then minilm (int8 ONNX) embeddings"
        " of every sentence; one thread for every numeric library; models loaded and warmed up before timing.",
        "- CPU time is the process's own; the machine is shared, so wall time can include waiting for a core.",
        "",
        "| step | wall s | CPU s | articles / CPU-second |",
        "|---|---|---|---|",
        f"| analyze (spaCy NER, sentences, quotes, times) | {t['analyze_wall']:.1f} | {t['analyze_cpu']:.1f} |"
        f" {t['articles'] / t['analyze_cpu']:.1f} |",
        f"| minilm sentence embeddings | {t['embed_wall']:.1f} | {t['embed_cpu']:.1f} |"
        f" {t['articles'] / t['embed_cpu']:.1f} |",
        f"| **analysis stage total** | {t['total_wall']:.1f} | {t['total_cpu']:.1f} |"
        f" **{t['articles_per_cpu_s']:.1f}** (wall: {t['articles_per_s_wall']:.1f} articles/s on one thread) |",
    ]


def main(path: Path = DEFAULT) -> str:
    from newsprism.analyze.quote_eval import load_basil

    arts, _ = load_basil(path)
    return "\n".join(markdown(measure_throughput(arts))) + "\n"


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
