"""Neutral extractive summary: high-support, central, non-redundant source sentences.

Why extractive: the default engine never writes new text, so every summary sentence is
a verbatim source sentence (at most trimmed of a leading "But", a dateline or an opening
aside such as "Amid ..., "), cited to its own span and to the aligned sentences of the
other outlets that state the same fact. Sentences
that many outlets support and that sit at the centre of the story come first; loaded
wording is avoided by picking another outlet's version of the same fact.
"""

from __future__ import annotations

import re

import numpy as np

from newsprism.model import Span, SummarySentence
from newsprism.synthesize._text import n_words
from newsprism.synthesize.align import Alignment
from newsprism.synthesize.framing import loaded_count

#: default length: NeuS roundups average 74 words; a brief's summary is about that long
SUMMARY_WORDS = 75
#: two sentences this similar say the same thing; keep only one
REDUNDANT = 0.62


def _unit_scores(al: Alignment) -> np.ndarray:
    """Support share + centrality + lead position, minus quotes and loaded words."""
    n_out = max(1, len({u.outlet for u in al.units}))
    unit_fact = al.unit_fact()
    support = np.zeros(len(al.units))
    for i in range(len(al.units)):
        g = al.groups[unit_fact[i]]
        support[i] = len({al.units[j].outlet for j in g})
    cent = _centrality(al)
    soft = _soft_support(al)
    lexc = _lex_centrality(al)
    title = _title_sim(al)
    out = np.zeros(len(al.units))
    for i, u in enumerate(al.units):
        words = n_words(u.text)
        out[i] = (
            0.8 * (support[i] - 1) / max(1, n_out - 1)
            + W_CENT * cent[i]
            + W_SOFT * soft[i]
            + W_LEX * lexc[i]
            + W_TITLE * title[i]
            + W_POS * (1.0 - u.position)
            + W_RANK / (1.0 + u.sentence)
            - 0.6 * u.quote
            - 0.15 * loaded_count(u.text)
            - (0.3 if words < 6 else 0.0)
            - (SHORT if words < 10 and u.sentence > 0 else 0.0)
            - (QUESTION if u.text.rstrip("\"”’'. ").endswith("?") else 0.0)
            - 0.01 * max(0, words - 40)
        )
    return out


W_CENT = 3.0
S_COS = 0.3
W_SOFT = 0.0
W_LEX = 2.0
W_TITLE = 0.5
CROSS_ONLY = False
W_POS = 0.5
W_RANK = 0.0
COMPRESS = True
CONTESTED = 1.0
SHORT = 0.5
QUESTION = 1.0

_DATELINE = re.compile(r"^[A-Z][A-Z .,'’\-]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+")


def compress_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a dateline ("WASHINGTON —") and an opening aside ("Amid ..., "); the rest stays verbatim.

    Attributions (", officials said.", "according to ...") are kept on purpose: without them a
    reported claim would read as the summary's own assertion.
    """
    seg = text[start:end]
    m = _DATELINE.match(seg)
    if m and n_words(seg[m.end() :]) >= 6:
        start += m.end()
        seg = text[start:end]
    m = _ASIDE.match(seg)
    if m and n_words(seg[m.end() :]) >= 8:
        start += m.end()
    return start, end


#: an opening circumstance clause or connective without a quote or attribution in it
_ASIDE = re.compile(
    r"^(?:Amid|Amidst|In the wake of|After all|Meanwhile|Still|However|Indeed)\b[^,;:\"“”]{0,80},\s+(?=[a-zA-Z])"
)


def _lex_centrality(al: Alignment) -> np.ndarray:
    """LexRank-style degree: idf-weighted word overlap with every other sentence of the story."""
    if al.lex is None or not len(al.units):
        return np.zeros(len(al.units))
    m = np.array(al.lex, dtype=np.float64)
    np.fill_diagonal(m, 0.0)
    if CROSS_ONLY:
        arts = np.array([u.article for u in al.units])
        m[arts[:, None] == arts[None, :]] = 0.0
    deg = m.sum(axis=1)
    return deg / (deg.max() or 1.0)


def _title_sim(al: Alignment) -> np.ndarray:
    """Query-focused centrality: mean :func:`summary_sim` to the articles' headlines, scaled to 0..1.

    Why: the headlines together name the event, so a sentence close to all of them (its own
    outlet's included) is about the story rather than a side detail. A headline is compared
    with the other headlines only.
    """
    n = len(al.units)
    heads = [u.idx for u in al.units if u.sentence == 0]
    if not n or not heads:
        return np.zeros(n)
    m = np.asarray(summary_sim(al), dtype=np.float64)
    out = np.zeros(n)
    for i in range(n):
        hs = [h for h in heads if h != i]
        out[i] = float(np.mean(m[i, hs])) if hs else 0.0
    return out / (out.max() or 1.0)


def summary_sim(al: Alignment) -> np.ndarray:
    """Pair score for choosing sentences: mostly word overlap, a little embedding.

    Why not the alignment score: the summary should repeat the words the outlets share
    (what a reader and ROUGE both see), so overlap weighs more here than when aligning
    paraphrases.
    """
    if al.lex is None or al.cos is None:
        return np.clip(al.sim, 0, None)
    return S_COS * al.cos + (1.0 - S_COS) * al.lex


def _centrality(al: Alignment) -> np.ndarray:
    """Cross-article degree in :func:`summary_sim`, scaled to 0..1."""
    if not len(al.units):
        return np.zeros(0)
    m = np.array(summary_sim(al), dtype=np.float64)
    arts = np.array([u.article for u in al.units])
    m[arts[:, None] == arts[None, :]] = 0.0
    deg = np.clip(m, 0, None).sum(axis=1)
    return deg / (deg.max() or 1.0)


def _soft_support(al: Alignment) -> np.ndarray:
    """Mean over the other articles of the best match there: how much each one backs this sentence."""
    n = len(al.units)
    arts = sorted({u.article for u in al.units})
    if n == 0 or len(arts) < 2:
        return np.zeros(n)
    idx = {a: [u.idx for u in al.units if u.article == a] for a in arts}
    out = np.zeros(n)
    for i, u in enumerate(al.units):
        best = [float(al.sim[i, idx[a]].max()) for a in arts if a != u.article]
        out[i] = float(np.mean(np.clip(best, 0, None)))
    return out


def is_headline(al: Alignment, i: int) -> bool:
    """Headline-like: the article's short first sentence, or a short Title-Case line (a sub-headline)."""
    u = al.units[i]
    words = u.text.split()
    if u.sentence == 0 and len(words) <= HEADLINE_WORDS:
        return True
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 16 and caps / max(1, len(words)) >= 0.6


HEADLINE_WORDS = 25


def budget(al: Alignment, summary_words: int) -> int:
    """``summary_words``, but never longer than the average article: short inputs get short summaries."""
    per_article: dict[str, int] = {}
    for u in al.units:
        per_article[u.article] = per_article.get(u.article, 0) + n_words(u.text)
    mean = sum(per_article.values()) / max(1, len(per_article))
    return int(max(20, min(summary_words, ADAPT * mean)))


ADAPT = 1.1


def summarize(
    al: Alignment, summary_words: int = SUMMARY_WORDS, contested: set[int] | None = None
) -> list[SummarySentence]:
    """Greedy MMR selection within ``summary_words``, then ordered as the stories tell it.

    ``contested`` units (variants of a contradiction) are avoided: the brief reports the
    disagreement separately, the summary should not assert one side of it.
    """
    if not al.units:
        return []
    summary_words = budget(al, summary_words)
    scores = _unit_scores(al)
    for i in contested or ():
        scores[i] -= CONTESTED
    unit_fact = al.unit_fact()
    chosen: list[int] = []
    used_facts: set[int] = set()
    total = 0
    headline = False
    comp = [compress_span(u.text, 0, len(u.text)) if COMPRESS else (0, len(u.text)) for u in al.units]
    for i in np.argsort(-scores, kind="stable"):
        i = int(i)
        u = al.units[i]
        if unit_fact[i] in used_facts or u.quote >= 0.6:
            continue
        head = is_headline(al, i)
        if head and headline:
            continue
        if (
            chosen
            and max(al.sim[i, j] if al.units[j].article != u.article else _same_article_sim(al, i, j) for j in chosen)
            >= REDUNDANT
        ):
            continue
        w = n_words(u.text[comp[i][0] : comp[i][1]])
        if total + w > summary_words * 1.15 and chosen:
            if total >= summary_words * 0.8:
                break
            continue
        headline = headline or head
        chosen.append(i)
        used_facts.add(unit_fact[i])
        total += w
        if total >= summary_words:
            break
    chosen.sort(key=lambda i: (not is_headline(al, i), al.units[i].position, -scores[i]))
    out = []
    for i in chosen:
        u = al.units[i]
        group = al.groups[unit_fact[i]]
        others = [al.units[j] for j in group if j != i]
        spans = [u.span] + [o.span for o in others]
        arts = list(dict.fromkeys([u.article] + [o.article for o in others]))
        s, e = comp[i]
        spans[0] = Span(u.article, u.start + s, u.start + e)
        out.append(SummarySentence(text=u.text[s:e], articles=arts, spans=spans))
    return out


def _same_article_sim(al: Alignment, i: int, j: int) -> float:
    """Pair scores exclude same-article pairs; approximate them by word overlap."""
    a, b = set(al.units[i].stems), set(al.units[j].stems)
    return len(a & b) / max(1, min(len(a), len(b)))


def pick_best_unit(al: Alignment, group: list[int]) -> int:
    """Among the outlets' versions of one fact, the least loaded, most central one."""
    return min(group, key=lambda i: (loaded_count(al.units[i].text), al.units[i].quote >= 0.6, -al.centrality[i]))


def coverage(
    al: Alignment, fact_units: list[list[int]], sentences: list[str], embedder, link: float | None = None
) -> tuple[int, int]:
    """How many facts supported by ≥ 2 outlets ``sentences`` state, out of how many.

    A fact is covered when a summary sentence is one of its units' text (or inside one),
    or scores at least the alignment link threshold against one of its units.
    """
    from newsprism.synthesize.align import LINK, _tfidf_matrix, content_stems, embed_texts

    link = LINK if link is None else link
    multi = [g for g in fact_units if len({al.units[i].outlet for i in g}) >= 2]
    if not multi or not sentences:
        return 0, len(multi)
    emb_s = embed_texts(embedder, sentences)
    emb_u = embed_texts(embedder, [u.text for u in al.units])
    cos = emb_s @ emb_u.T

    class _S:
        def __init__(self, t: str) -> None:
            self.stems = [w for w in content_stems(t) if w in al.idf]

    tf = _tfidf_matrix([*(_S(s) for s in sentences), *al.units], al.idf)
    lex = tf[: len(sentences)] @ tf[len(sentences) :].T
    score = 0.55 * cos + 0.45 * lex
    covered = 0
    for g in multi:
        if any(sentences[k] in al.units[i].text or score[k, i] >= link for k in range(len(sentences)) for i in g):
            covered += 1
    return covered, len(multi)
