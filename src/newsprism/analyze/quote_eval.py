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
    role: str | None = None


def load_basil(path: str | Path, seed: int = 13) -> tuple[list[Article], list[GoldQuote]]:
    """Blinded articles (shuffled, ids renamed) and the gold body quote spans keyed by the new ids."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    rng.shuffle(rows)
    arts: list[Article] = []
    gold: list[GoldQuote] = []
    for i, r in enumerate(rows):
        aid = f"doc{i:04d}"
        arts.append(
            Article(id=aid, text=r["text"], title=r.get("title", ""), published=r.get("date"), outlet=r.get("outlet"))
        )
        for q in r.get("quotes", []):
            if q.get("location") == "body":
                gold.append(GoldQuote(aid, q["start"], q["end"], q.get("speaker_name")))
    return arts, gold


_GROUP = re.compile(
    r"(?i)\b(lawmakers|democrats|republicans|officials|campaign|party|companies|catholics|plaintiffs|"
    r"administration|group|members|leaders|supporters|critics|naacp|gop|house|senate|police)\b"
)


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


# ------------------------------------------------------------ group labels
#: Generic head nouns of group labels and the words in a predicted speaker/role that show membership.
_LEGISLATOR = {
    "sen",
    "senator",
    "senate",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "house",
    "whip",
    "speaker",
    "caucus",
    "congress",
    "assemblyman",
    "assemblywoman",
}
_OFFICE = _LEGISLATOR | {
    "official",
    "attorney",
    "general",
    "governor",
    "gov",
    "sheriff",
    "mayor",
    "secretary",
    "minister",
    "director",
    "commissioner",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "chief",
    "administrator",
    "prosecutor",
    "aide",
    "adviser",
    "advisor",
}
_GENERIC = {
    "lawmakers": _LEGISLATOR,
    "legislators": _LEGISLATOR,
    "members": _LEGISLATOR,
    "officials": _OFFICE,
    "leaders": _OFFICE,
    "campaign": {"campaign"},
    "house": {"rep", "representative", "congressman", "congresswoman", "house"},
    "senate": {"sen", "senator", "senate"},
}
_PARTY = [
    (
        re.compile(
            r"\((?:D|Dem)[-–][A-Z][\w.]*\)|\bD[-–][A-Z][a-z]*\.?(?:[A-Z]\.)*|\bdem(?:ocrat(?:ic|s)?|s)?\b", re.I
        ),
        " democrat ",
    ),
    (
        re.compile(r"\((?:R)[-–][A-Z][\w.]*\)|\bR[-–][A-Z][a-z]*\.?(?:[A-Z]\.)*|\brepublican(?:s)?\b|\bgop\b", re.I),
        " republican ",
    ),
]


def _norm_words(text: str) -> set[str]:
    for pat, rep in _PARTY:
        text = pat.sub(rep, text)
    words = set()
    for t in re.findall(r"[a-z]+", text.lower()):
        words.add(t)
        if len(t) > 4 and t.endswith("s"):
            words.add(t[:-1])  # 'Catholics' ~ 'Catholic', 'officials' ~ 'official'
    return words


def member_match(pred: str | None, role: str | None, gold: str) -> bool:
    """A predicted speaker belongs to a gold *group* label by what the prediction itself says.

    Why: BASIL labels a quote with the event's main entity, so a quote from 'Sen. Chris
    Coons (D-Del.)' is labelled 'Democratic lawmakers'; no person name can share a token
    with that.  The predicted speaker + predicted role (as the article gives it) must carry
    every distinctive word of the label ('Democratic', 'Obama', 'NAACP', 'Nebraska'; party tags like
    'D-N.Y.' count as 'Democrat'), and each generic head noun must be backed by a role word
    ('lawmakers' by Sen./Rep./senator…, 'officials' by an office, 'campaign' by 'campaign',
    'House'/'Senate' by the chamber).  Person labels never match this way; only the strict
    name rule applies to them.  Nothing outside the prediction is consulted.
    """
    if name_match(pred, gold):
        return True
    if not pred or is_person_label(gold):
        return False
    evidence = _norm_words(f"{pred} {role or ''}")
    words = [
        w
        for w in re.findall(r"[a-z]+", _PARTY[1][0].sub(" republican ", _PARTY[0][0].sub(" democrat ", gold)).lower())
        if w not in _STOP
    ]
    if not words:
        return False
    distinctive = [w for w in words if w not in _GENERIC]
    generic = [w for w in words if w in _GENERIC]
    if not distinctive or not role:
        return False
    for w in distinctive:
        if w not in evidence and not (w.endswith("s") and w[:-1] in evidence):
            return False
    return all(_GENERIC[g] & evidence for g in generic)


def score(gold: list[GoldQuote], pred: list[PredQuote], min_overlap: float = 0.5) -> dict[str, float]:
    """Recall of gold spans (≥ ``min_overlap`` of the span's chars inside one predicted quote)
    and speaker accuracy on found named-speaker spans (plus end-to-end: correct / all named).

    ``speaker_accuracy`` is the strict name-token rule; ``member_accuracy`` also accepts a
    predicted speaker whose own predicted role places it in a gold group label
    (:func:`member_match`); person labels are scored identically by both."""
    by_art: dict[str, list[PredQuote]] = {}
    for p in pred:
        by_art.setdefault(p.article, []).append(p)
    found = named = named_found = correct = member = 0
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
                member += member_match(best.speaker, best.role, g.speaker_name)
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
        "member_accuracy": member / named_found if named_found else 0.0,
        "member_end_to_end": member / named if named else 0.0,
        "person_named": p_named,
        "person_speaker_accuracy": p_correct / p_found if p_found else 0.0,
        "person_end_to_end": p_correct / p_named if p_named else 0.0,
    }
