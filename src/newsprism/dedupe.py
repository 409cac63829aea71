"""Dedupe: exact and near copies, and the wire origin of each article.

Five outlets printing the same AP copy are one source, not five. Each article gets
``duplicate_of`` (the first-seen copy it repeats) and ``origin`` (the wire service or
syndicating paper it comes from, or None when it is the outlet's own reporting).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

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


SHINGLE = 5
NUM_PERM = 128
NEAR_THRESHOLD = 0.4
"""Estimated Jaccard over word 5-shingles at or above which two articles are near copies (chosen by
measurement: benchmarks/dedupe.md)."""
PASSAGE_SHINGLE = 8
"""Words per passage shingle: a shared 8-word run is rare between independent reports except in quotes."""
PASSAGE_SAMPLE = 8
"""One passage shingle in PASSAGE_SAMPLE is kept (chosen by its hash, so two copies keep the same ones)."""
PASSAGE_KEYS = 48
"""At most this many passage keys per article (the lowest hashes): covers about 400 words in full."""
PASSAGE_MIN = 8
"""Shared passage keys that make a long shared passage (in expectation about 70 words of common text)."""
HOLDERS = 8
"""Newest live articles a key lookup returns (enough to find a copy; more means boilerplate)."""
WINDOW = 200_000
"""Articles kept in the near-duplicate index; older ones retire so memory stays bounded on a stream."""

_RNG = np.random.default_rng(20230317)
_MUL = _RNG.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1)
_ADD = _RNG.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_BAND_COEF = _RNG.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1)
_BAND_SALT = _RNG.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_PASSAGE_MIX = np.uint64(0xD6E8FEB86659FD93)
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme="legacy").permutations


def _word_ids(words: list[str]) -> np.ndarray:
    ids = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    return ids if len(ids) else np.zeros(1, dtype=np.uint64)


def _shingles(ids: np.ndarray, k: int) -> np.ndarray:
    n = max(len(ids) - k + 1, 1)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(min(k, len(ids))):
        h = h * np.uint64(1000003) + ids[j : j + n]
    return h


def _minhash(ids: np.ndarray) -> np.ndarray:
    h = _shingles(ids, SHINGLE)
    return ((np.multiply.outer(h, _MUL) + _ADD) >> np.uint64(32)).min(axis=0).astype(np.uint32)


def signature(words: list[str]) -> np.ndarray:
    """MinHash signature (NUM_PERM uint32) of a text's word 5-shingles, vectorised.

    Shingles are hashed by combining CRC32 word hashes; each of the NUM_PERM hash functions
    is a multiply-shift universal hash. About ten times faster than hashing every shingle
    with SHA-1 (datasketch's ``MinHash.update``), which matters at firehose rates.
    """
    return _minhash(_word_ids(words))


def passage_keys(ids: np.ndarray) -> np.ndarray:
    """Sampled hashes of a text's 8-word runs: two texts sharing a long passage share many of them."""
    if len(ids) < PASSAGE_SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    g = _shingles(ids, PASSAGE_SHINGLE) * _PASSAGE_MIX
    g = np.unique(g[(g >> np.uint64(58)) % np.uint64(PASSAGE_SAMPLE) == 0])
    return g[:PASSAGE_KEYS]  # np.unique sorts: the lowest hashes, the same ones in every copy


_QUOTED = re.compile(r"[“\"][^”“\"\n]{0,1000}[”\"]")


def text_passage_keys(text: str, ids: np.ndarray) -> np.ndarray:
    """:func:`passage_keys` of ``text`` without its quotations (``ids``: its word ids, reused when it has none).

    Why without quotations: independent reports of one event quote the same long statement word for
    word; that is the speaker's passage, not a sign that one outlet's copy underlies the other.
    """
    if _QUOTED.search(text):
        ids = _word_ids(normalise(_QUOTED.sub(" ", text)).split())
    return passage_keys(ids)


def sketch(text: str) -> MinHash:
    """A datasketch MinHash of ``text`` with this module's signature (for use with MinHashLSH)."""
    return MinHash(
        num_perm=NUM_PERM,
        hashvalues=signature(normalise(text).split()).astype(np.uint64),
        permutations=_PERMUTATIONS,
        scheme="legacy",
    )


def digest_of(norm: str) -> int:
    """64-bit hash of a normalised text (the exact-duplicate key)."""
    return int.from_bytes(hashlib.sha1(norm.encode()).digest()[:8], "little", signed=True)


def _band_keys(sig: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per LSH band (rows consecutive signature values), salted by the band's index."""
    m = sig[: bands * rows].astype(np.uint64).reshape(bands, rows) * _BAND_COEF[: bands * rows].reshape(bands, rows)
    return (m.sum(axis=1) + _BAND_SALT[:bands]) * _MIX


@dataclass
class Entry:
    """What the index keeps per article (and what the store persists to rebuild it)."""

    id: str
    digest: int
    sig: np.ndarray  # NUM_PERM uint32
    passages: np.ndarray  # up to PASSAGE_KEYS uint64
    root: str  # the original it copies, or itself
    origin: str | None
    outlet: str | None


def entry_blobs(e: Entry) -> tuple[bytes, bytes]:
    """(signature, passages) as little-endian bytes, for a store."""
    return e.sig.astype("<u4").tobytes(), e.passages.astype("<u8").tobytes()


def entry_from_store(article: Article, digest: int, signature: bytes, passages: bytes) -> Entry:
    """The entry a store persisted, with ``article``'s id, decisions and outlet."""
    return Entry(
        article.id,
        int(digest),
        np.frombuffer(signature, dtype="<u4").astype(np.uint32),
        np.frombuffer(passages, dtype="<u8").astype(np.uint64),
        article.duplicate_of or article.id,
        article.origin,
        article.outlet,
    )


def entry_for(article: Article) -> Entry:
    """The index entry of an article whose ``duplicate_of`` and ``origin`` are already decided."""
    norm = normalise(article.text)
    ids = _word_ids(norm.split())
    return Entry(
        article.id,
        digest_of(norm),
        _minhash(ids),
        text_passage_keys(article.text, ids),
        article.duplicate_of or article.id,
        article.origin,
        article.outlet,
    )


class _Index:
    """Fixed-size ring of the last ``capacity`` articles with an LSH table over band and passage keys.

    Why not datasketch's MinHashLSH: it keeps a Python set per bucket and a bytes object per band
    key, about 10 KB per article (2 GB for a 200,000-article window), and removing retired articles
    is a Python loop. Here every article owns a fixed row of numpy arrays (slot = arrival number mod
    capacity) and the table is a chained hash over those rows: a bucket's head points to the newest
    node and each node to the next older one in the same bucket. Retiring an article is overwriting
    its row; chains are cut lazily where a walk meets a node whose row now holds a newer article
    (its key no longer falls in the bucket, or it is not older than the node before it).
    Memory is fixed at construction: about 1.5 KB per slot plus the head table (4 bytes per node).
    """

    def __init__(self, capacity: int, bands: int, rows: int) -> None:
        self.capacity, self.bands, self.rows = capacity, bands, rows
        self.k = bands + PASSAGE_KEYS  # nodes per slot
        self.sig = np.zeros((capacity, NUM_PERM), dtype=np.uint32)
        self.seq = np.full(capacity, -1, dtype=np.int64)
        self.keys = np.zeros(capacity * self.k, dtype=np.uint64)
        # Node pointers are stored plus one (0 = none), so untouched pages of zeros cost no memory until used.
        self.nxt = np.zeros(capacity * self.k, dtype=np.int32)
        self.npass = np.zeros(capacity, dtype=np.int16)
        size = 1 << max(10, (capacity * self.k - 1).bit_length())  # load factor at most 1
        self.mask = np.uint64(size - 1)
        self.head = np.zeros(size, dtype=np.int32)
        self.meta: list[tuple[str, int, str, str | None, str | None] | None] = [None] * capacity
        self.digests: dict[int, int] = {}  # digest -> slot of the newest live article with it
        self.count = 0  # articles ever inserted (the next arrival number)

    def __len__(self) -> int:
        return min(self.count, self.capacity)

    def _lookup(self, q: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(slot, query index) of the newest live nodes (at most HOLDERS) whose key equals ``q[i]``,
        and per query key how many it found."""
        buckets = (q & self.mask).astype(np.int64)
        nodes = self.head[buckets].astype(np.int64) - 1
        qi = np.arange(len(q))
        found = np.zeros(len(q), dtype=np.int64)
        prev_seq = np.full(len(q), np.iinfo(np.int64).max)
        hits_s, hits_q = [], []
        for _ in range(4 * HOLDERS):  # chains are short; the cap only guards against pathological inputs
            ok = nodes >= 0
            if not ok.any():
                break
            nodes, qi, buckets, prev_seq = nodes[ok], qi[ok], buckets[ok], prev_seq[ok]
            slots = nodes // self.k
            keys = self.keys[nodes]
            sq = self.seq[slots]
            # A node is live while its row still holds the article that put it in this chain.
            live = ((keys & self.mask).astype(np.int64) == buckets) & (sq <= prev_seq)
            nodes, qi, buckets, slots, keys, sq = (
                nodes[live],
                qi[live],
                buckets[live],
                slots[live],
                keys[live],
                sq[live],
            )
            match = keys == q[qi]
            hits_s.append(slots[match])
            hits_q.append(qi[match])
            found[qi[match]] += 1
            more = found[qi] < HOLDERS
            nodes, qi, buckets, prev_seq = self.nxt[nodes[more]].astype(np.int64) - 1, qi[more], buckets[more], sq[more]
        if not hits_s:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), found
        return np.concatenate(hits_s), np.concatenate(hits_q), found

    def query(self, sig: np.ndarray, passages: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(candidate slots by band, passage-sharing slots, their shared passage key counts).

        A passage key held by HOLDERS or more live articles is boilerplate (a sign-off, a standard
        disclaimer), not a shared passage, and does not count.
        """
        bk = _band_keys(sig, self.bands, self.rows)
        slots, qi, found = self._lookup(np.concatenate([bk, passages]))
        near = np.unique(slots[qi < self.bands])
        keep = (qi >= self.bands) & (found[qi] < HOLDERS)
        ps, counts = np.unique(slots[keep], return_counts=True)
        return near, ps, counts

    def insert(self, e: Entry) -> None:
        slot = self.count % self.capacity
        old = self.meta[slot]
        if old is not None and self.digests.get(old[1]) == slot:
            del self.digests[old[1]]
        self.seq[slot] = self.count
        self.sig[slot] = e.sig
        self.meta[slot] = (e.id, e.digest, e.root, e.origin, e.outlet)
        self.digests[e.digest] = slot
        q = np.concatenate([_band_keys(e.sig, self.bands, self.rows), e.passages[:PASSAGE_KEYS]])
        self.npass[slot] = len(q) - self.bands
        nodes = slot * self.k + np.arange(len(q))
        self.keys[nodes] = q
        buckets = (q & self.mask).astype(np.int64)
        # Two keys of one article in one bucket: chain them in order so the head is the last.
        first = slot * self.k
        for node, b in zip(nodes.tolist(), buckets.tolist(), strict=True):
            h = int(self.head[b]) - 1
            ours = first <= h < node and int(q[h - first] & self.mask) == b  # this article's earlier key
            # A node of this slot's previous occupant: it and everything older in its chain retired.
            self.nxt[node] = 0 if first <= h < first + self.k and not ours else h + 1
            self.head[b] = node + 1
        self.count += 1

    def entry(self, slot: int) -> Entry:
        aid, digest, root, origin, outlet = self.meta[slot]  # type: ignore[misc]
        n = int(self.npass[slot])
        base = slot * self.k + self.bands
        return Entry(aid, digest, self.sig[slot].copy(), self.keys[base : base + n].copy(), root, origin, outlet)

    def entries(self) -> Iterator[Entry]:
        """Live entries, oldest first."""
        for seq in range(max(0, self.count - self.capacity), self.count):
            yield self.entry(seq % self.capacity)


class Deduper:
    """Incremental exact + near duplicate index with bounded memory; feed articles in arrival order.

    For each article: an exact copy (same normalised text) of a live article, else the live article
    with the highest estimated Jaccard among LSH candidates if it reaches ``threshold``, is what it
    duplicates (``duplicate_of`` is that article's own original, so chains collapse onto the first
    copy). An article that is no copy but shares a long passage with an earlier article from another
    outlet (a local top over an agency body) takes its origin (a credited wire first), or its outlet's
    name when none had one. Only the last ``window`` articles are live; :meth:`entries` and :meth:`restore` let
    a store persist and reload exactly that state.
    """

    def __init__(self, threshold: float = NEAR_THRESHOLD, window: int = WINDOW, passages: bool = True) -> None:
        self.threshold = threshold
        self.window = window
        self.passages = passages
        bands, rows = _optimal_param(threshold, NUM_PERM, 0.5, 0.5)  # the same banding as datasketch's LSH
        self.index = _Index(window, bands, rows)

    def __len__(self) -> int:
        return len(self.index)

    def add(self, article: Article) -> Article:
        """Set ``duplicate_of`` and ``origin`` on ``article`` (in place) and index it."""
        self.add_entry(article)
        return article

    def add_entry(self, article: Article) -> Entry:
        """:meth:`add`, returning the index entry (what a store persists)."""
        article.origin = article.origin or wire_origin(article)
        norm = normalise(article.text)
        ids = _word_ids(norm.split())
        digest = digest_of(norm)
        sig = _minhash(ids)
        pkeys = text_passage_keys(article.text, ids) if self.passages else np.zeros(0, dtype=np.uint64)
        idx = self.index
        if article.duplicate_of is None:
            slot = idx.digests.get(digest)
            if slot is None:
                near, ps, counts = idx.query(sig, pkeys)
                if len(near):
                    sims = (idx.sig[near] == sig).mean(axis=1)
                    best = int(np.argmax(sims))
                    if sims[best] >= self.threshold:
                        slot = int(near[best])
                if slot is None and article.origin is None and len(ps):
                    self._passage_origin(article, ps, counts)
            if slot is not None:
                _, _, root, origin, _ = idx.meta[slot]  # type: ignore[misc]
                article.duplicate_of = root
                article.origin = article.origin or origin
        entry = Entry(
            article.id, digest, sig, pkeys, article.duplicate_of or article.id, article.origin, article.outlet
        )
        idx.insert(entry)
        return entry

    def _passage_origin(self, article: Article, slots: np.ndarray, counts: np.ndarray) -> None:
        """Origin from the live articles of other outlets sharing a long passage: a credited wire first
        (the likelier common source, e.g. of two local rewrites of one AP story), else the most shared."""
        mine = (article.outlet or "").lower()
        fallback = None
        for i in np.argsort(-counts, kind="stable"):
            if counts[i] < PASSAGE_MIN:
                break
            _, _, _, origin, outlet = self.index.meta[int(slots[i])]  # type: ignore[misc]
            if not (origin or outlet) or (mine and (outlet or "").lower() == mine):
                continue
            if origin:
                article.origin = origin
                return
            fallback = fallback or outlet
        if fallback:
            article.origin = fallback

    def entries(self) -> Iterator[Entry]:
        """The live window, oldest first."""
        return self.index.entries()

    def restore(self, entry: Entry) -> None:
        """Re-insert a persisted entry (in its original order) without re-deciding anything."""
        self.index.insert(entry)


def dedupe(articles: Iterable[Article], threshold: float = NEAR_THRESHOLD) -> list[Article]:
    """Mark duplicates and wire origins; earlier-published articles are the originals."""
    items = list(articles)
    order = sorted(range(len(items)), key=lambda i: (items[i].published or "9999", i))
    deduper = Deduper(threshold=threshold, window=max(1, min(WINDOW, len(items))))
    for i in order:
        deduper.add(items[i])
    return items


def origin_key(article: Article, by_id: dict[str, Article] | None = None) -> str:
    """The independent origin an article counts as: its wire, its original's, or its own outlet.

    Why no "wire:"/"outlet:" prefixes: Reuters' own article and a paper's Reuters copy are one
    origin, and an article whose origin is another paper (a shared passage) joins that paper's.
    """
    if article.origin:
        return article.origin
    if article.duplicate_of and by_id and article.duplicate_of in by_id:
        orig = by_id[article.duplicate_of]
        return orig.origin or orig.outlet_key
    return article.outlet_key
