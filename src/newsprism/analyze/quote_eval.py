"""Scoring quote extraction against BASIL quote spans (recall and speaker accuracy).

Why here and not in the benchmark: tests assert a speaker-accuracy floor with the
same scorer the benchmark reports, so the numbers cannot drift apart.  The system
only ever sees blinded articles (shuffled, renamed ids, no gold fields).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from newsprism.model import Article

_STOP = {"the", "of", "and", "a", "an", "mr", "mrs", "ms", "dr", "jr", "sr", "president", "sen", "rep", "gov"}


@dataclass
class GoldQuote:
    article: str
    start: int
    end: int
    speaker_name: str | None


@dataclass
class PredQuote:
    article: str
    start: int
    end: int
    speaker: str | None


def load_basil(path: str | Path, seed: int = 13) -> tuple[list[Article], list[GoldQuote]]:
    """Blinded articles (shuffled, ids renamed) and the gold body quote spans keyed by the new ids."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    rng.shuffle(rows)
    arts: list[Article] = []
    gold: list[GoldQuote] = []
    for i, r in enumerate(rows):
        aid = f"doc{i:04d}"
        arts.append(Article(id=aid, text=r["text"], title=r.get("title", ""), published=r.get("date"),
                            outlet=r.get("outlet")))
        for q in r.get("quotes", []):
            if q.get("location") == "body":
                gold.append(GoldQuote(aid, q["start"], q["end"], q.get("speaker_name")))
    return arts, gold


_GROUP = re.compile(r"(?i)\b(lawmakers|democrats|republicans|officials|campaign|party|companies|catholics|plaintiffs|"
                    r"administration|group|members|leaders|supporters|critics|naacp|gop|house|senate|police)\b")


def is_person_label(name: str | None) -> bool:
    """Gold labels like 'Democratic lawmakers' or 'Tea Party' name groups, which no person name can match."""
    return bool(name) and not _GROUP.search(name) and len(name.split()) >= 2 and name[:1].isupper()


def _tokens(name: str) -> set[str]:
    return {t for t in re.findall(r"[a-z]+", name.lower()) if t not in _STOP and len(t) > 1}


def name_match(pred: str | None, gold: str) -> bool:
    """A predicted speaker matches a gold label when they share a name token ('Obama' ~ 'Barack Obama')."""
    if not pred:
        return False
    return bool(_tokens(pred) & _tokens(gold))


def score(gold: list[GoldQuote], pred: list[PredQuote], min_overlap: float = 0.5) -> dict[str, float]:
    """Recall of gold spans (≥ ``min_overlap`` of the span's chars inside one predicted quote)
    and speaker accuracy on found named-speaker spans (plus end-to-end: correct / all named)."""
    by_art: dict[str, list[PredQuote]] = {}
    for p in pred:
        by_art.setdefault(p.article, []).append(p)
    found = named = named_found = correct = 0
    p_named = p_found = p_correct = 0
    for g in gold:
        glen = max(1, g.end - g.start)
        best = None
        best_ov = 0
        for p in by_art.get(g.article, []):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > best_ov:
                best, best_ov = p, ov
        hit = best is not None and best_ov / glen >= min_overlap
        found += hit
        if g.speaker_name:
            named += 1
            if hit:
                named_found += 1
                correct += name_match(best.speaker, g.speaker_name)
            if is_person_label(g.speaker_name):
                p_named += 1
                if hit:
                    p_found += 1
                    p_correct += name_match(best.speaker, g.speaker_name)
    return {
        "gold": len(gold),
        "recall": found / len(gold) if gold else 0.0,
        "named": named,
        "named_recall": named_found / named if named else 0.0,
        "speaker_accuracy": correct / named_found if named_found else 0.0,
        "speaker_end_to_end": correct / named if named else 0.0,
        "person_named": p_named,
        "person_speaker_accuracy": p_correct / p_found if p_found else 0.0,
        "person_end_to_end": p_correct / p_named if p_named else 0.0,
    }
