"""Cross-source synthesis: one story's articles → a cited, neutral StoryBrief.

Why one alignment for everything: facts, contradictions, framing contrasts, omissions
and the summary all rest on knowing which sentences of different outlets state the same
claim, so :func:`newsprism.synthesize.align.align` runs once and every part reads it.
Every text in the brief is copied from a source span and carries that span.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from newsprism.model import (
    Analysis,
    Article,
    Quote,
    SourceRef,
    Story,
    StoryBrief,
    StoryQuote,
)
from newsprism.synthesize.align import Alignment, build_facts, embed_texts, origin_key
from newsprism.synthesize.align import align as align_story
from newsprism.synthesize.contradictions import find_contradictions
from newsprism.synthesize.framing import framing, loaded_count
from newsprism.synthesize.summary import SUMMARY_WORDS, summarize
from newsprism.synthesize.timeline import timeline

# Unattributed quoted phrases shorter than this are scare quotes, not quotes.
SCARE_QUOTE_WORDS = 6

__all__ = ["SUMMARY_WORDS", "align_story", "choose_title", "merge_story_quotes", "synthesize"]


def choose_title(articles: list[Article], embedder) -> str:
    """The title most other titles agree with (highest mean similarity); ties go to the earliest."""
    titles = [(a, a.title.strip()) for a in articles if a.title and a.title.strip()]
    if not titles:
        return ""
    if len(titles) <= 2:
        return min(titles, key=lambda t: loaded_count(t[1]))[1]
    vecs = embed_texts(embedder, [t for _, t in titles])
    sim = vecs @ vecs.T
    np.fill_diagonal(sim, 0.0)
    score = sim.sum(axis=1) / (len(titles) - 1) - 0.1 * np.array([loaded_count(t) for _, t in titles])
    return titles[int(np.argmax(score))][1]


def merge_story_quotes(articles: list[Article], analyses: dict[str, Analysis]) -> list[StoryQuote]:
    """Distinct attributed quotes with every article carrying them.

    A short quoted phrase nobody is credited with ("no-limits", "Global South") is a scare quote
    or a label, not something a person said: the brief's quote list leaves it out (framing and
    facts still see the words). Programme and book titles never become quotes (``analyze``).
    A quote an outlet splits with its attribution ('“Is it true,” Roberts asked, “that …?”') is one
    entry, its pieces joined by an ellipsis and each cited (``merge_quotes`` with the article texts).
    The quote most sources carry comes first (the same words everywhere is what a reader looks for);
    quotes carried alike keep the order of the articles and of the text.
    """
    from newsprism.analyze import merge_quotes

    quotes: list[Quote] = [q for a in articles if a.id in analyses for q in analyses[a.id].quotes]
    merged = merge_quotes(quotes, texts={a.id: a.text for a in articles}) if quotes else []
    kept = [q for q in merged if q.speaker or len(q.text.split()) >= SCARE_QUOTE_WORDS]
    return sorted(kept, key=lambda q: -len(set(q.articles)))


def _sources(articles: list[Article]) -> list[SourceRef]:
    return [
        SourceRef(
            article=a.id,
            outlet=a.outlet,
            title=a.title,
            published=a.published,
            authors=list(a.authors),
            origin=a.origin,
            duplicate_of=a.duplicate_of,
            url=a.url,
            updated=a.updated,
        )
        for a in articles
    ]


def synthesize(
    story: Story,
    articles: list[Article],
    analyses: dict[str, Analysis],
    embedder=None,
    *,
    summary_words: int = SUMMARY_WORDS,
    alignment: Alignment | None = None,
    llm=None,
) -> StoryBrief:
    """Build the brief of ``story`` from its ``articles`` (those not in the story are ignored).

    ``embedder`` is any object with ``embed(texts) -> ndarray``; ``None`` uses a lexical fallback.
    Missing analyses fall back to a regex sentence splitter, so synthesis never blocks on NLP.
    ``llm`` (an :class:`newsprism.synthesize.llm.LLM`) rewrites the summary; only sentences its
    cited sources verify are kept, see :func:`newsprism.synthesize.llm.llm_summary`.
    """
    wanted = set(story.articles) if story.articles else {a.id for a in articles}
    arts = [a for a in articles if a.id in wanted]
    by_id = {a.id: a for a in arts}
    al = alignment or align_story(arts, analyses, embedder)
    facts, fact_units = build_facts(al, loaded_count)
    origins = {origin_key(a, by_id) for a in arts}
    title = story.title or choose_title(arts, embedder)
    contradictions = find_contradictions(al, arts, analyses)
    contested = {
        u.idx
        for c in contradictions
        for v in c.variants
        for sp in v.spans
        for u in al.units
        if u.article == sp.article and u.start < sp.end and sp.start < u.end
    }
    summary = summarize(al, summary_words, contested)
    summary_llm = None
    if llm is not None:
        from newsprism.synthesize.llm import llm_summary

        disputed = [sp for c in contradictions for v in c.variants for sp in v.spans]
        summary, summary_llm = llm_summary(
            llm, summary, facts, arts, embedder, summary_words=summary_words, title=title, contested=disputed
        )
    return StoryBrief(
        id=story.id,
        title=title,
        articles=[a.id for a in arts],
        support=len({a.outlet_key for a in arts}),
        origins=len(origins),
        sources=_sources(arts),
        summary=summary,
        facts=facts,
        contradictions=contradictions,
        quotes=merge_story_quotes(arts, analyses),
        timeline=timeline(arts, analyses, al),
        framing=framing(al, arts, facts, fact_units, contradictions=contradictions),
        summary_llm=summary_llm,
    )


def outlet_counts(articles: list[Article]) -> Counter[str]:
    return Counter(a.outlet_key for a in articles)
