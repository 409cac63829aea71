"""The language-analysis stage: sentences, entities, quotes and time mentions per article.

Why one entry point: later stages (cluster, synthesize) need every article analysed
the same way, with offsets into the cleaned ``article.text`` they cite.  The NLP
backend is swappable through the registry (``"spacy"`` default, ``"regex"`` for tests).
"""

from __future__ import annotations

from newsprism.analyze.entities import canonicalize, canonicalize_article
from newsprism.analyze.nlp import NlpBackend, get_nlp, split_sentences
from newsprism.analyze.quotes import extract_quotes, merge_quotes
from newsprism.analyze.timex import extract_times, infer_reference, median_date, reference_date_for
from newsprism.model import Analysis, Article

__all__ = [
    "analyze",
    "analyze_article",
    "canonicalize",
    "extract_quotes",
    "extract_times",
    "get_nlp",
    "merge_quotes",
    "split_sentences",
]


def analyze(
    articles: list[Article],
    nlp: str | NlpBackend = "spacy",
    reference_date: str | None = None,
    cross_article: bool = True,
) -> dict[str, Analysis]:
    """Analyse ``articles`` (batched through the backend); keyed by article id.

    ``reference_date`` resolves relative dates of articles with neither ``published``
    nor ``updated`` (e.g. the story's median date).  With ``cross_article`` the
    entity/speaker names are canonicalised across the whole batch (one story).
    """
    if reference_date is None and cross_article:
        reference_date = median_date(articles)  # one story: undated articles share its dates
    backend = get_nlp(nlp) if isinstance(nlp, str) else nlp
    ents_per = backend.entities([a.text for a in articles]) if articles else []
    out: dict[str, Analysis] = {}
    for art, ents in zip(articles, ents_per, strict=True):
        out[art.id] = analyze_article(art, backend, ents, reference_date)
    if cross_article and len(out) > 1:
        canonicalize(list(out.values()))
    return out


def analyze_article(
    article: Article,
    backend: NlpBackend,
    entities: list | None = None,
    reference_date: str | None = None,
) -> Analysis:
    """One article: sentences first (everything else is indexed by them)."""
    text = article.text
    sentences = backend.sentences(text)
    ents = entities if entities is not None else backend.entities([text])[0]
    ents = sorted(ents, key=lambda e: (e.start, e.end))
    index = canonicalize_article(ents, text)
    quotes = extract_quotes(article.id, text, sentences, ents, index)
    ref = reference_date_for(article)
    if ref is None:
        ref = infer_reference(text, sentences, reference_date)
    elif not article.published:  # only an update stamp: the report itself may be older
        ref = infer_reference(text, sentences, ref, updated=True)
    times = extract_times(article.id, text, sentences, ref)
    return Analysis(article=article.id, sentences=sentences, entities=ents, quotes=quotes, times=times)
