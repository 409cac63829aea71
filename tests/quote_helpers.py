"""Quotes of one written article, for the quote tests: each test file asks for speakers or (speaker, role) pairs."""

from __future__ import annotations

from newsprism.analyze import analyze
from newsprism.model import Article, Quote


def quotes_of(text: str, backend: str) -> list[Quote]:
    """The quotes ``analyze`` finds in ``text`` as one article, without cross-article merging."""
    return analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"].quotes


def speakers(text: str, backend: str) -> list[str | None]:
    """Every quote's speaker, in text order."""
    return [q.speaker for q in quotes_of(text, backend)]


def roles(text: str, backend: str) -> list[tuple[str | None, str | None]]:
    """(speaker, role) of each quote in the speaker's own words (reported speech left out)."""
    return [(q.speaker, q.role) for q in quotes_of(text, backend) if q.kind != "indirect"]
