"""Clean stage: raw documents (HTML pages or plain-text scrapes) → :class:`Article`.

Two passes in batch mode: every document is first cleaned on its own (a :class:`Draft`), then
lines that repeat across documents — boilerplate a single page cannot reveal — are dropped
using corpus statistics, and the drafts become Articles. Metadata the container already knew
(``raw.meta``) always wins over what is inferred from the page.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newsprism.clean.corpus import CorpusStats, Draft, filter_repeats
from newsprism.clean.html import clean_html, host_of, site_of
from newsprism.clean.meta import detect_language
from newsprism.clean.rules import words
from newsprism.clean.text import clean_text
from newsprism.errors import InputError
from newsprism.model import Article, RawDocument

__all__ = ["CleanContext", "CorpusStats", "clean_document", "clean_documents"]

# Fewer words than this is a menu label or a stray heading, not an article.
MIN_WORDS = 5
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


@dataclass
class CleanContext:
    """What a batch knows that one document does not: corpus line statistics."""

    stats: CorpusStats | None = None

    @classmethod
    def from_raws(cls, raws: Iterable[RawDocument]) -> CleanContext:
        """Build statistics from documents (each is pre-cleaned once; bad ones are skipped)."""
        drafts = []
        for raw in raws:
            try:
                drafts.append(_draft(raw))
            except InputError:
                continue
        return cls(CorpusStats.from_drafts(drafts))


def _check(raw: RawDocument) -> None:
    content = raw.content
    if isinstance(content, bytes):
        raise InputError(raw.source, "content is bytes, not decoded text")
    if not content or not content.strip():
        raise InputError(raw.source, "document is empty")
    sample = content[:20000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise InputError(raw.source, "document looks binary (control characters), not text or HTML")


def _draft(raw: RawDocument) -> Draft:
    _check(raw)
    if raw.kind == "html" or (raw.kind != "text" and _HTML_SNIFF.match(raw.content)):
        return clean_html(raw)
    if raw.kind != "text":
        raise InputError(raw.source, f"unknown document kind {raw.kind!r}")
    if _HTML_SNIFF.match(raw.content):
        return clean_html(raw)
    draft = clean_text(raw)
    url = raw.meta.get("url") or draft.url
    draft.site = host_of(url) if isinstance(url, str) else None
    draft.site = draft.site or (raw.meta.get("outlet") or draft.outlet or None)
    return draft


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _finish(draft: Draft, stats: CorpusStats | None) -> Article:
    raw, meta = draft.raw, draft.raw.meta
    lines = filter_repeats(draft.lines, draft.site, stats)
    text = "\n\n".join(lines).strip()
    if len(words(text)) < MIN_WORDS:
        raise InputError(raw.source, "no article text left after cleaning" + (f" (only {text!r})" if text else ""))
    authors = meta.get("authors") or meta.get("author")
    if isinstance(authors, str):
        authors = [authors]
    outlet = meta.get("outlet") or (meta.get("source") if isinstance(meta.get("source"), str) else None)
    url = meta.get("url") or draft.url
    # no outlet named anywhere: the site of the page's URL ('bbc.co.uk'), never a guessed brand
    outlet = outlet or draft.outlet or (site_of(url) if isinstance(url, str) else None)
    return Article(
        id=raw.id,
        source=raw.source,
        text=text,
        title=str(meta.get("title") or draft.title or ""),
        url=url,
        outlet=outlet,
        authors=list(authors) if authors else list(draft.authors),
        published=_iso(meta.get("published") or meta.get("date")) or draft.published,
        updated=_iso(meta.get("updated")) or draft.updated,
        language=meta.get("language") or draft.language or detect_language(text),
        credits=list(draft.credits),
        story=meta.get("story"),
    )


def clean_document(raw: RawDocument, *, context: CleanContext | None = None) -> Article:
    """Clean one document; raises InputError(raw.source, problem) when it holds no usable article."""
    return _finish(_draft(raw), context.stats if context else None)


def _warn(err: InputError) -> None:
    warnings.warn(str(err), stacklevel=3)


def clean_documents(raws: Iterable[RawDocument], on_error: Callable[[InputError], None] | None = None) -> list[Article]:
    """Clean a batch: per-document pass, corpus statistics, then boilerplate repeats removed.

    A bad document is reported through ``on_error`` (default: a warning) and skipped.
    """
    report = on_error or _warn
    drafts: list[Draft] = []
    for raw in raws:
        try:
            drafts.append(_draft(raw))
        except InputError as err:
            report(err)
    stats = CorpusStats.from_drafts(drafts)
    out: list[Article] = []
    for d in drafts:
        try:
            out.append(_finish(d, stats))
        except InputError as err:
            report(err)
    return out
