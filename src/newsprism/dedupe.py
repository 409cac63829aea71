"""Dedupe: exact and near copies, and the wire origin of each article.

Five outlets printing the same AP copy are one source, not five. Each article gets
``duplicate_of`` (the first-seen copy it repeats) and ``origin`` (the wire service or
syndicating paper it comes from, or None when it is the outlet's own reporting).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from newsprism.model import Article

# Canonical name -> patterns that name it in bylines and credits.
WIRES: dict[str, tuple[str, ...]] = {
    "AP": (r"associated press", r"\bAP\b"),
    "Reuters": (r"\breuters\b",),
    "AFP": (r"agence france[- ]presse", r"\bAFP\b"),
    "Bloomberg": (r"\bbloomberg( news)?\b",),
    "Washington Post": (r"washington post",),
    "New York Times": (r"new york times( news service)?",),
    "Los Angeles Times": (r"los angeles times",),
    "Tribune News Service": (r"tribune (news|content) (service|agency)",),
    "Canadian Press": (r"canadian press",),
    "dpa": (r"\bdpa\b", r"deutsche presse-agentur"),
    "Xinhua": (r"\bxinhua\b",),
    "Kyodo": (r"\bkyodo\b",),
    "UPI": (r"\bUPI\b", r"united press international"),
    "PA": (r"\bPA Media\b", r"press association"),
    "EFE": (r"\bEFE\b",),
    "ANSA": (r"\bANSA\b",),
    "CNN Wire": (r"\bCNN Wire\b",),
}
# Acronyms match case-sensitively ("AP", not "ap"); spelled-out names in any case.
_WIRE_RES = [
    (name, re.compile("|".join(p if re.fullmatch(r"\\b[A-Z ]+\\b", p) else f"(?i:{p})" for p in pats)))
    for name, pats in WIRES.items()
]
# "With files from X" means the outlet wrote the story with wire material: still its own reporting.
_CONTRIBUTED = re.compile(r"^\s*(with files from|with reporting from|additional reporting by|contributed)", re.I)

SHINGLE = 5
NUM_PERM = 128
NEAR_THRESHOLD = 0.5
"""Estimated Jaccard over word 5-shingles above which two articles are near copies."""


def wire_names(text: str) -> list[str]:
    """Wire services named in a credit or byline string, in order of appearance."""
    hits = []
    for name, rx in _WIRE_RES:
        m = rx.search(text)
        if m:
            hits.append((m.start(), name))
    return [name for _, name in sorted(hits)]


def wire_origin(article: Article) -> str | None:
    """The wire an article's credits say it comes from; None for the outlet's own reporting."""
    for credit in article.credits:
        if _CONTRIBUTED.search(credit):
            continue
        names = wire_names(credit)
        if names and (article.outlet is None or names[0].lower() not in article.outlet.lower()):
            return names[0]
    return None


def normalise(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _shingles(words: list[str]) -> set[bytes]:
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@dataclass
class Deduper:
    """Incremental exact + near duplicate index; feed articles in arrival order."""

    threshold: float = NEAR_THRESHOLD
    exact: dict[str, str] = field(default_factory=dict)
    lsh: MinHashLSH = field(init=False)
    origins: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def add(self, article: Article) -> Article:
        """Set ``duplicate_of`` and ``origin`` on ``article`` (in place) and index it."""
        article.origin = article.origin or wire_origin(article)
        norm = normalise(article.text)
        digest = hashlib.sha1(norm.encode()).hexdigest()
        if digest in self.exact:
            article.duplicate_of = article.duplicate_of or self.exact[digest]
        else:
            self.exact[digest] = article.id
            mh = MinHash(num_perm=NUM_PERM)
            mh.update_batch(_shingles(norm.split()))
            if article.duplicate_of is None:
                candidates = sorted(self.lsh.query(mh))
                if candidates:
                    article.duplicate_of = candidates[0]
            if article.id not in self.lsh.keys:
                self.lsh.insert(article.id, mh)
        if article.duplicate_of and article.origin is None:
            article.origin = self.origins.get(article.duplicate_of) or None
        self.origins[article.id] = article.origin
        return article


def dedupe(articles: Iterable[Article], threshold: float = NEAR_THRESHOLD) -> list[Article]:
    """Mark duplicates and wire origins; earlier-published articles are the originals."""
    items = list(articles)
    order = sorted(range(len(items)), key=lambda i: (items[i].published or "9999", i))
    deduper = Deduper(threshold=threshold)
    for i in order:
        deduper.add(items[i])
    return items


def origin_key(article: Article, by_id: dict[str, Article] | None = None) -> str:
    """The independent origin an article counts as: its wire, its original's, or its own outlet."""
    if article.origin:
        return f"wire:{article.origin}"
    if article.duplicate_of and by_id and article.duplicate_of in by_id:
        return origin_key(by_id[article.duplicate_of], None)
    return f"outlet:{article.outlet_key}"
