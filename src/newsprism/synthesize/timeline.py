"""Timeline: one entry per distinct date (or range) that the story's articles mention.

Why from ``Analysis.times``: dates are resolved once by ``analyze`` against each article's
publication date, so "Friday" in two outlets lands on the same day. Each entry's text is
the shortest source clause stating it (verbatim), cited to every article that carries it.
"""

from __future__ import annotations

import re

from newsprism.model import Analysis, Article, Span, TimelineEntry
from newsprism.synthesize._text import clauses, n_words, split_sentences, trim_span


def _sentence_bounds(article: Article, analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    for s in analysis.sentences:
        if s.start <= start and end <= s.end:
            return s.start, s.end
    for s, e, _ in split_sentences(article.text):
        if s <= start and end <= e:
            return s, e
    return start, end


def _stating_text(article: Article, analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """The clause around the time mention if it says something (≥ 5 words), else the sentence."""
    ss, se = _sentence_bounds(article, analysis, start, end)
    for cs, ce in clauses(article.text, ss, se):
        if cs <= start and end <= ce and n_words(article.text[cs:ce]) >= 5:
            return trim_span(article.text, cs, ce)
    return trim_span(article.text, ss, se)


def timeline(articles: list[Article], analyses: dict[str, Analysis]) -> list[TimelineEntry]:
    """Entries sorted by date; the ones that only date the article itself (a dateline) are skipped."""
    entries: dict[tuple[str, str | None], dict] = {}
    for art in articles:
        an = analyses.get(art.id)
        if an is None:
            continue
        for t in an.times:
            if not t.date:
                continue
            s, e = _stating_text(art, an, t.start, t.end)
            text = art.text[s:e]
            if n_words(text) < 4 or not re.search(r"[a-z]{3}", text):
                continue
            key = (t.date, t.end_date)
            ent = entries.setdefault(key, {"texts": [], "articles": [], "spans": []})
            ent["texts"].append((n_words(text), text))
            if art.id not in ent["articles"]:
                ent["articles"].append(art.id)
            ent["spans"].append(Span(art.id, s, e))
    out = []
    for (date, end_date), ent in entries.items():
        _, text = min(ent["texts"])
        spans = sorted(ent["spans"], key=lambda sp: (sp.article not in ent["articles"][:1], len(text)))
        best = next(sp for sp in ent["spans"] if articles_text(articles, sp) == text)
        spans = [best] + [sp for sp in ent["spans"] if sp is not best]
        out.append(TimelineEntry(date=date, text=text, articles=ent["articles"], end_date=end_date, spans=spans))
    out.sort(key=lambda t: (t.date, t.end_date or ""))
    return out


def articles_text(articles: list[Article], span: Span) -> str:
    for a in articles:
        if a.id == span.article:
            return a.text[span.start : span.end]
    return ""
