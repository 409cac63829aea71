"""Contradiction detection against the hand labels (docs/contradictions-labels.md), as the benchmark scores it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import EVAL

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_labelled_pairs_precision_and_recall_floor():
    from bench_contradictions import LABELS, OUT_OF_SAMPLE, run
    from newsprism.analyze.embed import get_embedder

    labels = [json.loads(x) for x in LABELS.open(encoding="utf-8")]
    labels = [lab for lab in labels if lab["corpus"] not in OUT_OF_SAMPLE]  # scored on their own, below
    if not (EVAL / "basil" / "dev.jsonl").exists():
        labels = [lab for lab in labels if lab["corpus"] == "demo"]
        if not labels:
            pytest.skip(f"no labelled pairs without {EVAL}/basil")
    res = run(labels, get_embedder("hash"), nlp="regex")
    assert res["pairs"] == len(labels)
    # every positive and negative counts; a detector that flags everything or nothing fails here
    assert res["tp"] + res["fn"] >= 3 and res["tn"] + res["fp"] >= 1
    assert res["precision"] >= 0.9, res
    assert res["recall"] >= 0.6, res


def test_ecbplus_pairs_precision_and_recall_floor():
    """The ECB+ DEV pairs (out of sample when labelled; see docs/contradictions-labels.md), scored on their own."""
    from bench_contradictions import ECBPLUS

    labels, res = _scored_corpus("ecbplus-dev", "ecbplus", ECBPLUS, "ECB+ DEV")
    assert res["pairs"] == len(labels) and res["tp"] + res["fn"] >= 6
    # 0.11 / 0.67 before the fixes; see benchmarks/contradictions.md for the current minilm + spaCy figures
    assert res["precision"] >= 0.5, res
    assert res["recall"] >= 0.3, res


def test_neus_pairs_raise_no_false_alarm():
    """The NeuS DEV pairs (out of sample when labelled): no labelled non-contradiction may be flagged (48 of the 50 agree with the detector in the 2026-12-03 run: TP 1, TN 47)."""
    from bench_contradictions import NEUS

    labels, res = _scored_corpus("neus-dev", "neus", NEUS, "NeuS DEV")
    assert res["pairs"] == len(labels) and res["tn"] + res["fp"] >= 10
    assert res["fp"] == 0, res


def _scored_corpus(corpus: str, key: str, data, name: str) -> tuple[list[dict], dict]:
    """The labelled pairs of one corpus and their scores (hash embedder, regex NLP); skips without its data."""
    from bench_contradictions import LABELS, run
    from newsprism.analyze.embed import get_embedder

    if not data.exists():
        pytest.skip(f"{name} not found at {data}")
    labels = [json.loads(x) for x in LABELS.open(encoding="utf-8")]
    labels = [lab for lab in labels if lab["corpus"] == corpus]
    return labels, run(labels, get_embedder("hash"), nlp="regex")[key]


def test_naive_peer_rule_is_what_it_says():
    from bench_contradictions import naive_contradicts

    assert naive_contradicts(
        "Police said 12 people died in the fire at the market.", "Police said 40 people died in the fire at the market."
    )
    assert not naive_contradicts(
        "Police said 12 people died in the fire.", "The minister will visit Paris next spring."
    )
