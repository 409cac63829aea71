"""Claim units and their alignment across articles into facts.

Why: every other part of the brief (support counts, contradictions, framing contrasts,
omissions, the summary) asks the same question — "which sentences of different articles
state the same thing?" — so it is answered once here. A claim unit is one source sentence;
units of different articles are linked by a score mixing embedding cosine, idf-weighted
word overlap and shared names/numbers, then grouped (one unit per article per group)
by average linkage. Each group is a fact.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from newsprism.model import Analysis, Article, Fact, Span
from newsprism.synthesize._text import (
    content_stems,
    entity_tokens,
    n_words,
    open_quote,
    quote_share,
    split_sentences,
    stem,
    trim_span,
    words,
)

#: pair score at or above which two units (of different articles) state the same claim
LINK = 0.50
#: minimum average pair score inside a fact
GROUP = 0.44
#: weight of the embedding cosine in the pair score (the rest is idf-weighted word overlap)
W_COS = 0.35

_NON_NAME = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
#: scale words, and the compact suffixes that stand for them ('$60bn', '1.5m', '943K'): the one table both
#: number readers (the claim tokens here, the values in contradictions) use, so '$60bn' and '$60 billion' agree
SCALE = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: ('$1.9T', '$2tn', '$1.2trn'); a bare 't' only as a capital, since a lower-case one writes tonnes ('a 40t truck')
SUFFIX = {
    "k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion",
    "t": "trillion", "tn": "trillion", "trn": "trillion",
}  # fmt: skip
#: a number in digits: digit groups written apart by text rebuilt from tokens ('1, 500'), a decimal written
#: apart ('40. 3'), or a plain one ('1,500', '6.9')
DIGITS = r"(?<![\d.,])\d{1,3}(?:, \d{3})+(?![\d.])|(?<![\d.,])\d{1,3}\. \d+(?![\d.,])|\d+(?:,\d{3})*(?:\.\d+)?"
SCALE_RE = "hundred|thousand|million|billion|trillion"
SUFFIX_RE = "|".join("(?-i:T)" if w == "t" else w for w in sorted(SUFFIX, key=len, reverse=True))
_NUM_RE = re.compile(
    rf"(?<![\w.,])(?P<num>{DIGITS})(?:\s+(?P<scale>{SCALE_RE})\b|(?P<sfx>{SUFFIX_RE})\b)?"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?(?!\w)",
    re.IGNORECASE,
)
_JUNK_RE = re.compile(
    r"^(?:skip to|share this|subscribe|sign up|advertisement|read more|click here|follow us|copyright|©|"
    r"photo|file -|credit:|this story (?:was|has been)|with files from|please let us know)",
    re.IGNORECASE,
)


@dataclass
class Unit:
    """One claim unit: a source sentence with everything alignment needs."""

    idx: int
    article: str
    outlet: str
    origin: str
    sentence: int
    paragraph: int
    start: int
    end: int
    text: str
    stems: list[str]
    ents: set[str]
    numbers: set[str]
    quote: float
    position: float  # 0 for the first sentence of the article, 1 for the last
    entity_names: set[str] = field(default_factory=set)

    @property
    def span(self) -> Span:
        return Span(self.article, self.start, self.end)


@dataclass
class Alignment:
    """Units, their pairwise scores and the fact groups (indexes into ``units``)."""

    units: list[Unit]
    sim: np.ndarray
    groups: list[list[int]]
    centrality: np.ndarray
    idf: dict[str, float]
    lex: np.ndarray | None = None  # idf-weighted word cosine of every unit pair (same article too)
    cos: np.ndarray | None = None  # embedding cosine of every unit pair

    def unit_fact(self) -> dict[int, int]:
        return {u: g for g, members in enumerate(self.groups) for u in members}


def origin_key(article: Article, by_id: dict[str, Article]) -> str:
    """Independent origin: wire copies collapse onto their origin (or their original's)."""
    if article.origin:
        return article.origin
    if article.duplicate_of and article.duplicate_of in by_id:
        orig = by_id[article.duplicate_of]
        return orig.origin or orig.outlet_key
    return article.outlet_key


#: a quote running over sentences joins them into one unit up to this many extra sentences / words
QUOTE_SENTENCES = 3
QUOTE_WORDS = 90


def build_units(articles: list[Article], analyses: dict[str, Analysis]) -> list[Unit]:
    """Sentences of every article as claim units (from ``analyze``, or the fallback splitter)."""
    by_id = {a.id: a for a in articles}
    known: set[str] = set()
    for art in articles:
        known |= entity_tokens(art.text)
    units: list[Unit] = []
    for art in articles:
        an = analyses.get(art.id)
        if an is not None and an.sentences:
            sents = [(s.start, s.end, s.paragraph) for s in an.sentences]
        else:
            sents = split_sentences(art.text)
        ent_spans = [
            (e.start, e.end, e.canonical or e.text) for e in (an.entities if an else []) if e.label not in _NON_NAME
        ]
        n = max(1, len(sents) - 1)
        skip_to = -1
        for i, (s, e, para) in enumerate(sents):
            if i <= skip_to:
                continue
            # a quote of several sentences is one claim unit: its later sentences alone read as the
            # outlet's own words ("So a trip … would not be a great look,” Haenle said.")
            j = i
            while open_quote(art.text[s : sents[j][1]]) and j + 1 < len(sents) and j - i < QUOTE_SENTENCES:
                if sents[j + 1][2] != para or n_words(art.text[s : sents[j + 1][1]]) > QUOTE_WORDS:
                    break
                j += 1
            if j > i and not open_quote(art.text[s : sents[j][1]]):
                e, skip_to = sents[j][1], j
            s, e = trim_span(art.text, s, e)
            text = art.text[s:e]
            if n_words(text) < 4 or _JUNK_RE.match(text) or not re.search(r"[a-z]", text):
                continue
            names = {name for (es, ee, name) in ent_spans if es >= s and ee <= e}
            ents = entity_tokens(text, known)
            for name in names:
                ents |= {stem(w) for w, _, _ in words(name) if w[0].isupper()}
            units.append(
                Unit(
                    idx=len(units),
                    article=art.id,
                    outlet=art.outlet_key,
                    origin=origin_key(art, by_id),
                    sentence=i,
                    paragraph=para,
                    start=s,
                    end=e,
                    text=text,
                    stems=content_stems(text),
                    ents=ents,
                    numbers=number_tokens(text),
                    quote=quote_share(text),
                    position=i / n,
                    entity_names=names,
                )
            )
    return units


def digits(num: str) -> str:
    """'$1,500' and '1, 500' (one number written apart by text rebuilt from tokens) -> '1500'; '40. 3' -> '40.3'."""
    return num.lstrip("$€£").replace(", ", "").replace(",", "").replace(". ", ".")


def scale_word(written: str | None) -> str | None:
    """The scale word a scale word or compact suffix stands for ('bn' -> 'billion', 'Million' -> 'million')."""
    w = (written or "").lower()
    return w if w in SCALE else SUFFIX.get(w)


def number_tokens(text: str) -> set[str]:
    """Each number's value, so that ways of writing one agree: '$60bn', '60 billion' -> '60000000000';
    '1,500' and '1, 500' -> '1500'; '5.4%', '5.4 percent' -> '5.4%'."""
    out = set()
    for m in _NUM_RE.finditer(text):
        v = float(digits(m.group("num")))
        if scale := scale_word(m.group("scale") or m.group("sfx")):
            v *= SCALE[scale]
        out.add(f"{v:.15g}" + ("%" if m.group("pct") else ""))
    return out


def _idf(units: list[Unit]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for u in units:
        df.update(set(u.stems))
    n = len(units) or 1
    return {w: math.log(1 + n / c) for w, c in df.items()}


def _tfidf_matrix(units: list[Unit], idf: dict[str, float]) -> np.ndarray:
    vocab = {w: i for i, w in enumerate(idf)}
    m = np.zeros((len(units), max(1, len(vocab))), dtype=np.float32)
    for r, u in enumerate(units):
        for w in u.stems:
            m[r, vocab[w]] += idf[w]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def _set_overlap(a: list[set[str]]) -> np.ndarray:
    n = len(a)
    out = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        if not a[i]:
            continue
        for j in range(i + 1, n):
            if a[j]:
                inter = len(a[i] & a[j])
                if inter:
                    out[i, j] = out[j, i] = inter / min(len(a[i]), len(a[j]))
    return out


def embed_texts(embedder, texts: list[str]) -> np.ndarray:
    """Embed with the given backend, or a private lexical fallback when there is none."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    if embedder is None:
        return fallback_embed(texts)
    vecs = np.asarray(embedder.embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


def fallback_embed(texts: list[str], dim: int = 512) -> np.ndarray:
    """Hashed bag of stems: a deterministic stand-in when no embedder is given."""
    m = np.zeros((len(texts), dim), dtype=np.float32)
    for r, t in enumerate(texts):
        for w in content_stems(t):
            m[r, hash_token(w) % dim] += 1.0
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def hash_token(w: str) -> int:
    h = 2166136261
    for ch in w.encode():
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h


def pair_scores(units: list[Unit], embedder) -> tuple[np.ndarray, dict[str, float], np.ndarray, np.ndarray]:
    """Score every unit pair; same-article pairs get -1 (they never align)."""
    idf = _idf(units)
    if not units:
        empty = np.zeros((0, 0), dtype=np.float32)
        return empty, idf, empty, empty
    emb = embed_texts(embedder, [u.text for u in units])
    cos = emb @ emb.T
    tf = _tfidf_matrix(units, idf)
    lex = tf @ tf.T
    ents = _set_overlap([u.ents for u in units])
    nums = _set_overlap([u.numbers for u in units])
    sim = W_COS * cos + (1.0 - W_COS) * lex + 0.08 * ents + 0.04 * nums
    arts = np.array([u.article for u in units])
    same = arts[:, None] == arts[None, :]
    sim = np.where(same, -1.0, sim).astype(np.float32)
    return sim, idf, lex, cos


def align(articles: list[Article], analyses: dict[str, Analysis], embedder, *, link: float = LINK) -> Alignment:
    """Build claim units and group them into facts (at most one unit per article per fact)."""
    units = build_units(articles, analyses)
    sim, idf, lex, cos = pair_scores(units, embedder)
    n = len(units)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    arts: dict[int, set[str]] = {i: {units[i].article} for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if n > 1:
        iu, ju = np.triu_indices(n, 1)
        vals = sim[iu, ju]
        keep = vals >= link
        order = np.argsort(-vals[keep], kind="stable")
        for k in order:
            i, j = int(iu[keep][k]), int(ju[keep][k])
            ri, rj = find(i), find(j)
            if ri == rj or arts[ri] & arts[rj]:
                continue
            block = sim[np.ix_(members[ri], members[rj])]
            if float(block.mean()) < GROUP:
                continue
            parent[rj] = ri
            members[ri].extend(members.pop(rj))
            arts[ri] |= arts.pop(rj)
    groups = [sorted(m) for m in members.values()]
    if n:
        pos = np.clip(sim, 0, None)
        centrality = pos.sum(axis=1) / max(1, len({u.article for u in units}) - 1)
    else:
        centrality = np.zeros(0)
    return Alignment(units=units, sim=sim, groups=groups, centrality=centrality, idf=idf, lex=lex, cos=cos)


def representative(al: Alignment, group: list[int], loaded: callable | None = None) -> int:
    """The unit that best states the group's claim: central in it, neutral, not a quote, not too long."""

    def score(i: int) -> float:
        u = al.units[i]
        inner = float(np.mean([al.sim[i, j] for j in group if j != i])) if len(group) > 1 else 0.0
        words = n_words(u.text)
        length_pen = 0.004 * max(0, words - 30)
        pen = 0.15 * (loaded(u.text) if loaded else 0)
        return inner + 0.05 * float(al.centrality[i]) - length_pen - pen - 0.3 * u.quote

    return max(group, key=score)


def build_facts(al: Alignment, loaded=None) -> tuple[list[Fact], list[list[int]]]:
    """Facts sorted by support (then independent origins, then centrality); quote-only groups are left out.

    Returns the facts and, parallel to them, the unit indexes each fact stands for.
    """
    rows = []
    for g in al.groups:
        if all(al.units[i].quote >= 0.6 for i in g):
            continue
        g = [i for i in g if al.units[i].quote < 0.6] or g
        rep = representative(al, g, loaded)
        u = al.units[rep]
        outlets = {al.units[i].outlet for i in g}
        origins = {al.units[i].origin for i in g}
        cent = float(np.mean([al.centrality[i] for i in g]))
        ordered = [rep] + [i for i in g if i != rep]
        fact = Fact(
            text=u.text,
            articles=list(dict.fromkeys(al.units[i].article for i in ordered)),
            support=len(outlets),
            origins=len(origins),
            spans=[al.units[i].span for i in ordered],
        )
        rows.append((-fact.support, -fact.origins, -cent, min(al.units[i].position for i in g), fact, ordered))
    rows.sort(key=lambda r: r[:4])
    return [r[4] for r in rows], [r[5] for r in rows]
