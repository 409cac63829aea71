"""Dedupe: exact and near copies, and the wire origin of each article.

Five outlets printing the same AP copy are one source, not five. Each article gets
``duplicate_of`` (the first-seen copy it repeats) and ``origin`` (the wire service or
syndicating paper it comes from, or None when it is the outlet's own reporting).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
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


_RNG = np.random.default_rng(20230317)
_MUL = _RNG.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1)
_ADD = _RNG.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme="legacy").permutations
WINDOW = 200_000
"""Articles kept in the near-duplicate index; older ones retire so memory stays bounded on a stream."""


def signature(words: list[str]) -> np.ndarray:
    """MinHash signature of a text's word 5-shingles, vectorised.

    Shingles are hashed by combining CRC32 word hashes; each of the NUM_PERM hash functions
    is a multiply-shift universal hash. About ten times faster than hashing every shingle
    with SHA-1, which matters at firehose rates.
    """
    ids = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(ids) == 0:
        ids = np.zeros(1, dtype=np.uint64)
    n = max(len(ids) - SHINGLE + 1, 1)
    h = np.zeros(n, dtype=np.uint64)
    for k in range(min(SHINGLE, len(ids))):
        h = h * np.uint64(1000003) + ids[k : k + n]
    return ((np.multiply.outer(h, _MUL) + _ADD) >> np.uint64(32)).min(axis=0)


def sketch(text: str) -> MinHash:
    """A datasketch MinHash (for MinHashLSH) of ``text``."""
    return MinHash(num_perm=NUM_PERM, hashvalues=signature(normalise(text).split()),
                   permutations=_PERMUTATIONS, scheme="legacy")


@dataclass
class Deduper:
    """Incremental exact + near duplicate index; feed articles in arrival order."""

    threshold: float = NEAR_THRESHOLD
    window: int = WINDOW
    exact: dict[str, str] = field(default_factory=dict)
    lsh: MinHashLSH = field(init=False)
    roots: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """article id -> (id of the original it copies, or itself; its origin)."""
    _order: deque = field(default_factory=deque)
    _sig: dict[str, MinHash] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def _retire(self) -> None:
        while len(self._order) > self.window:
            old_id, old_digest = self._order.popleft()
            if old_id in self.lsh.keys:
                self.lsh.remove(old_id)
                self._sig.pop(old_id, None)
            if self.exact.get(old_digest) == old_id:
                del self.exact[old_digest]
            self.roots.pop(old_id, None)

    def add(self, article: Article) -> Article:
        """Set ``duplicate_of`` and ``origin`` on ``article`` (in place) and index it."""
        article.origin = article.origin or wire_origin(article)
        norm = normalise(article.text)
        digest = hashlib.sha1(norm.encode()).hexdigest()
        if digest in self.exact:
            first = self.exact[digest]
            article.duplicate_of = article.duplicate_of or self.roots.get(first, (first, None))[0]
        else:
            self.exact[digest] = article.id
            mh = MinHash(num_perm=NUM_PERM, hashvalues=signature(norm.split()), permutations=_PERMUTATIONS,
                         scheme="legacy")
            if article.duplicate_of is None:
                best = max(self.lsh.query(mh), key=lambda k: (self._sig[k].jaccard(mh), k), default=None)
                if best is not None and self._sig[best].jaccard(mh) >= self.threshold:
                    article.duplicate_of = self.roots.get(best, (best, None))[0]
            if article.id not in self.lsh.keys:
                self.lsh.insert(article.id, mh)
                self._sig[article.id] = mh
        if article.duplicate_of and article.origin is None:
            article.origin = self.roots.get(article.duplicate_of, ("", None))[1]
        self.roots[article.id] = (article.duplicate_of or article.id, article.origin)
        self._order.append((article.id, digest))
        self._retire()
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
