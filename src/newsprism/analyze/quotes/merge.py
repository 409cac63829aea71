"""Cross-article merging: one StoryQuote per quote that several articles carry (a fuzzy text match
and compatible speakers).

Why apart: it works on the finished quotes of many articles, not on one article's text.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from newsprism.model import Quote, Span, StoryQuote


def normalize_quote(text: str) -> str:
    """Lowercase, unify quote marks/dashes, drop punctuation: the form fuzzy matching compares."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"[“”„«»\"‘’']", "'", t)
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _same_quote(a: str, b: str, threshold: float) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 12 or len(short.split()) < 2:
        return short == long_
    return fuzz.partial_ratio(short, long_) >= threshold


def merge_quotes(quotes: list[Quote], threshold: float = 90.0) -> list[StoryQuote]:
    """One StoryQuote per distinct quote across articles (fuzzy text match, compatible speakers)."""
    from collections import Counter

    from newsprism.analyze.entities import canonical_names

    direct = [q for q in quotes if q.kind != "indirect"] + [q for q in quotes if q.kind == "indirect"]
    names = canonical_names(q.speaker for q in direct if q.speaker)
    norm = [normalize_quote(q.text) for q in direct]
    parent = list(range(len(direct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(direct)):
        for j in range(i):
            if root(i) == root(j):
                continue
            si = names.get(direct[i].speaker or "", direct[i].speaker)
            sj = names.get(direct[j].speaker or "", direct[j].speaker)
            if si and sj and si != sj:
                continue
            if (direct[i].kind == "indirect") != (direct[j].kind == "indirect"):
                continue
            if _same_quote(norm[i], norm[j], threshold):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(direct)):
        groups.setdefault(root(i), []).append(i)
    out: list[StoryQuote] = []
    for members in sorted(groups.values(), key=lambda g: g[0]):  # in first-mention order
        qs = [direct[i] for i in members]
        best = qs[max(range(len(qs)), key=lambda k: (len(qs[k].text), -members[k]))]  # longest, then first
        speakers = Counter(names.get(q.speaker, q.speaker) for q in qs if q.speaker)
        roles = Counter(q.role for q in qs if q.role)
        arts: list[str] = []
        for q in qs:
            if q.article not in arts:
                arts.append(q.article)
        out.append(
            StoryQuote(
                text=best.text,
                speaker=speakers.most_common(1)[0][0] if speakers else None,
                role=roles.most_common(1)[0][0] if roles else None,
                articles=arts,
                # the quoted text is copied from ``best``: its span comes first, as every cited text in a brief does
                spans=[Span(q.article, q.start, q.end) for q in [best, *(q for q in qs if q is not best)]],
                kind=best.kind,  # direct and reported speech are never merged
            )
        )
    return out
