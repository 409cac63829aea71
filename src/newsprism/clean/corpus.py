"""Corpus statistics: lines that repeat across documents are boilerplate, not news.

Why two scopes: a line repeated by *one site* on several pages (its "About us" blurb, its menu)
is that site's furniture, while a sentence repeated across *different* outlets is usually the same
wire copy — content the dedupe stage needs. So site-level repeats are dropped unless they are full
sentences in the middle of the article, and cross-site repeats only when they are not sentences.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsprism.clean.rules import ends_like_sentence, is_prompt, normalise_line, words
from newsprism.model import RawDocument

# A repeated line at least this long and ending like a sentence is protected mid-article.
PROTECTED_WORDS = 12
GLOBAL_MIN_DOCS = 3
EDGE_SHARE = 0.6
# A document sharing this share of the shorter one's long sentences with an earlier one is a copy of it.
FAMILY_SHARE = 0.8


@dataclass
class Draft:
    """A document after per-document cleaning, before corpus-level filtering."""

    raw: RawDocument
    lines: list[str]
    site: str | None = None
    title: str = ""
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    url: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class CorpusStats:
    """Document frequency of normalised lines, overall and per site, counted over *families*.

    Why families: two copies of one article (re-ingested under another id, an updated version,
    a syndicated reprint) share every line, and that is no evidence that the lines are furniture.
    Documents whose long sentences mostly recur in an earlier document join its family, and a
    line counts once per family, so copies never erase each other's text.
    """

    docs: int = 0
    line_docs: Counter[str] = field(default_factory=Counter)
    site_docs: Counter[str] = field(default_factory=Counter)
    site_line_docs: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    _family_of_sentence: dict[str, int] = field(default_factory=dict)
    _family_of_text: dict[frozenset[str], int] = field(default_factory=dict)
    _family_size: dict[int, int] = field(default_factory=dict)
    _counted: dict[tuple[int, str | None], set[str]] = field(default_factory=lambda: defaultdict(set))

    def _family(self, keys: set[str], long_keys: set[str]) -> tuple[int, bool]:
        """(family id, is new): an earlier document this one copies, by its long sentences.

        A copy shares at least ``FAMILY_SHARE`` of the shorter document's long sentences (three at
        least), or all of its lines; pages of one site share only a few lines of furniture.
        """
        exact = frozenset(keys)
        if exact in self._family_of_text:
            return self._family_of_text[exact], False
        hits = Counter(self._family_of_sentence[k] for k in long_keys if k in self._family_of_sentence)
        for fam, n in hits.most_common(3):
            if n >= 3 and n >= FAMILY_SHARE * min(len(long_keys), self._family_size[fam]):
                return fam, False
        fam = self.docs
        self._family_of_text[exact] = fam
        self._family_size[fam] = len(long_keys)
        for k in long_keys:
            self._family_of_sentence.setdefault(k, fam)
        return fam, True

    def add(self, draft: Draft) -> None:
        normed = [(x, normalise_line(x)) for x in draft.lines]
        keys = {k for _, k in normed if k}
        fam, new = self._family(keys, {k for x, k in normed if k and _protected(x)})
        if new:
            self.docs += 1
        counted = self._counted[(fam, None)]  # the lines this family has already counted
        fresh = keys - counted
        counted |= fresh
        self.line_docs.update(fresh)
        if draft.site:
            on_site = self._counted[(fam, draft.site)]
            site_fresh = keys - on_site
            on_site |= site_fresh
            if new or site_fresh == keys:
                self.site_docs[draft.site] += 1
            self.site_line_docs[draft.site].update(site_fresh)

    @classmethod
    def from_drafts(cls, drafts: list[Draft]) -> CorpusStats:
        stats = cls()
        for d in drafts:
            stats.add(d)
        return stats


def _protected(line: str) -> bool:
    return len(words(line)) >= PROTECTED_WORDS and ends_like_sentence(line)


def filter_repeats(lines: list[str], site: str | None, stats: CorpusStats | None) -> list[str]:
    """Drop lines the corpus shows to be boilerplate (see module docstring for the policy)."""
    if stats is None or stats.docs < 2 or not lines:
        return lines
    site_counts = stats.site_line_docs.get(site) if site else None
    keys = [normalise_line(x) for x in lines]
    on_site = [bool(site_counts) and site_counts.get(k, 0) >= 2 for k in keys]
    # edge runs: repeated site lines at the head or tail of the article
    edge = [False] * len(lines)
    i = 0
    while i < len(lines) and on_site[i]:
        edge[i] = True
        i += 1
    j = len(lines) - 1
    while j >= 0 and on_site[j]:
        edge[j] = True
        j -= 1
    # a full paragraph at the edge goes only when most of the site's pages carry it (an "About us"
    # blurb); a paragraph shared by a few of its pages is more likely the same wire copy
    most = max(2.0, EDGE_SHARE * stats.site_docs.get(site, 0)) if site else 2.0
    out = []
    for line, key, site_rep, at_edge in zip(lines, keys, on_site, edge, strict=True):
        if site_rep and (not _protected(line) or (at_edge and site_counts[key] >= most)):
            continue
        if stats.line_docs.get(key, 0) >= GLOBAL_MIN_DOCS and (not ends_like_sentence(line) or is_prompt(line)):
            continue
        out.append(line)
    return out
