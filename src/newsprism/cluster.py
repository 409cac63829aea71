"""Streaming story clustering: which articles report the same event?

Why streaming: the store feeds articles one at a time, forever, so each article is
placed once, at a bounded cost: it joins the best *active* story or starts a new one.
Why not embeddings alone: two similar events (two earthquakes in one region, two
summits a year apart) read alike; what tells them apart is *distinctive* names,
numbers and dates. So an article is scored against a story on

* the mean cosine of title+lead embeddings to the story's members (topic-level),
* the mean cosine of IDF-weighted "cheap entities" (capitalised words, numbers,
  years) to the members (event-level); the IDF is maintained incrementally,
* the gap between the article's publication date and the story's dates.

Mean similarity to the members (average linkage) rather than to a centroid, because a
story must not drift into its look-alike. Likewise a story only absorbs articles (and
stories) whose entity similarity reaches a share of its own internal cohesion.

Candidates come from exact nearest-neighbour search over the stories' mean embeddings
(numpy). The pool of active stories is bounded (the least recently updated retire), and
every ``merge_every`` articles the stories touched since the last pass are merged with
converged neighbours, best pair first. Borderline articles start a story of their own
and are merged once evidence accrues. Every ``settle_every`` articles a settle pass
revisits the recently touched stories: it merges, splits a story whose members form two
groups that fail the merge test (two look-alike events fused early), moves members to the
story they are most similar to by average linkage (an order-independent correction of
early placements), and lets a lone article join a clear best story. Everything is
deterministic for a given input order; story ids derive from the first article id (or are
the user's ``Article.story``).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from newsprism import registry
from newsprism.model import Article, Story

if TYPE_CHECKING:
    from newsprism.analyze.embed import Embedder

__all__ = ["ClusterParams", "StoryClusterer", "cluster", "cheap_entities", "story_id_for"]


@dataclass(frozen=True)
class ClusterParams:
    """The few knobs. Defaults were chosen on the ECB+/BASIL dev splits (see benchmarks/cluster.md)."""

    w_emb: float = 0.2  # weight of the title+lead embedding cosine (topic-level: similar events share it)
    w_ent: float = 0.8  # weight of the IDF-weighted entity cosine (event-level: who, where, how many)
    threshold: float = 0.2  # join the best story when the mean similarity to its members reaches this
    merge_threshold: float = 0.2  # merge two stories when their mean pairwise similarity reaches this
    cohesion_ratio: float = 0.52  # ...and their entity similarity reaches this share of the stories' own cohesion
    refine_cohesion_ratio: float = 0.3  # the looser cohesion test of a refinement move (the member is in the pool)
    time_grace_days: float = 2.0  # date gap (beyond the story's span) that costs nothing: reports trail an event
    time_tau_days: float = 14.0  # further gap over which the penalty ramps up to its full value
    time_penalty: float = 0.5  # the full date penalty (larger than any similarity margin: a year apart never joins)
    candidates: int = 20  # nearest centroids (mean embeddings) re-scored with entities
    nn: str = "numpy"  # nearest-story search (registry kind nn; api and CLI default): "numpy" or "faiss", both exact
    max_active: int = 2000  # bounded pool of active stories
    merge_every: int = 50  # articles between merge passes
    idf_prior_docs: int = 50  # pseudo-documents in the IDF's denominator, for small or young collections
    max_vocab: int = 1_000_000  # entity document frequencies kept; beyond, the rarer half is forgotten
    refresh_until: int = 100_000  # re-weight stored entity vectors (IDF refresh) up to this many articles
    lead_chars: int = 400  # characters of text after the title that are embedded
    entity_chars: int = 6000  # characters of text scanned for entities
    refine_margin: float = 0.0  # a refinement move needs another story to beat the article's own by this
    refine_candidates: int = 5  # nearest stories a member is re-scored against in a refinement pass
    adopt_margin: float = 0.1  # a lone article joins its best story past the cohesion test when it leads by this
    split_min: int = 3  # a story splits in two only when each side has at least this many members (0: never)
    settle_every: int = 100  # articles between settle passes (merge, split, refine) over recently touched stories
    settle_max: int = 500  # stories larger than this are left alone by the periodic settle pass
    refine_budget: int = 800  # member re-scores one periodic settle may spend (shared by its stories); 0: no limit


# ------------------------------------------------------------------ entities
_STOP_TEXT = """a an the this that these those there here it its he she they we i you his her their our my your
    in on at of for from to by with as and or but if when while after before since until during about
    over under into onto per via not no yes so than then also however meanwhile still yet
    mr mrs ms dr sir st jr sr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    said says according reported report reports update updated news breaking photo video file read more
    who what where why how which all some many most one two three first last new more"""
_STOP_CAPS = frozenset(_STOP_TEXT.split())
# a capitalised word, and whether a sentence (or line, or quote) starts right before it
_CAP_WORD = re.compile(
    r"(?P<pre>(?:^|[.!?…:;\"“”]|\n)[\"'“”‘’()\[\]\s-]*)?(?<![\w'’.-])(?P<w>[A-ZÀ-ÖØ-Þ][\w'’.-]*)", re.M
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_POSSESSIVE = re.compile(r"['’]s$")


def cheap_entities(text: str) -> Counter[str]:
    """Capitalised words (names), numbers and years, lower-cased, with their counts.

    Why cheap: spaCy NER costs ~10x the whole per-article budget; names, numbers
    and years are what tell two similar events apart, and an IDF weighs them.
    A capitalised word that the text also uses in lower case ("Fire" / "fire") only
    counts as a name mid-sentence, outside a title-case headline line.
    A few regex passes at C speed; Python only touches the capitalised words.
    """
    out: Counter[str] = Counter()
    lower_seen = set(_LOWER_WORD.findall(text))
    # title-case headline lines (at the top, where scrapes put them): every word there is "initial"
    lines = text.split("\n", 4)
    head = []
    for line in lines[:4]:
        words = line.split()
        if 3 <= len(words) <= 25 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words):
            head.append(line)
    for m in _CAP_WORD.finditer(text):
        tok = _POSSESSIVE.sub("", m.group("w").rstrip(".'’-"))
        low = tok.lower()
        if not tok or low in _STOP_CAPS:
            continue
        if low in lower_seen and (m.group("pre") is not None or any(tok in h for h in head)):
            continue
        out[low] += 1
    for num in _NUMBER.findall(text):
        if len(num) >= 2 or "." in num:
            out["#" + num.replace(",", "")] += 1
    return out


def _article_date(a: Article) -> int | None:
    """Publication day as an ordinal, or None; only the ISO ``YYYY-MM-DD`` prefix is trusted."""
    if not a.published:
        return None
    try:
        return _dt.date.fromisoformat(a.published[:10]).toordinal()
    except ValueError:
        return None


def story_id_for(article_id: str) -> str:
    """Stable story id derived from the story's first article id."""
    return "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


def _lead_text(a: Article, lead_chars: int) -> str:
    text = a.text.strip()
    if len(text) > lead_chars:
        cut = text.rfind(" ", 0, lead_chars)
        text = text[: cut if cut > lead_chars // 2 else lead_chars]
    return f"{a.title.strip()}\n{text}" if a.title else text


# ------------------------------------------------------------ nearest neighbours
class NearestStories(Protocol):
    """Top-``k`` rows of the centroid matrix by inner product with ``vec``, among the live rows.

    Returns the row indices best first (ties: lower row) and their similarities (indexable by row).
    Rows not in ``live`` must be ignored whatever they hold. Why a backend: numpy is exact and dependency-free;
    faiss's SIMD kernels are faster per query on big pools (``benchmarks/bench_nn.py``).
    """

    def __call__(self, cent: np.ndarray, live: np.ndarray, vec: np.ndarray, k: int) -> tuple[list[int], Any]: ...


@registry.register("nn", "numpy")
def _numpy_nn(matmul: bool = False) -> NearestStories:
    """Exact search by one matrix-vector product; ``matmul``: BLAS ``cent @ vec`` instead of ``einsum`` (to compare).

    Why einsum (``benchmarks/bench_nn.py --matmul``, 2 cores, OpenBLAS 0.3.31, 2026-12-02, CPU time): with BLAS's
    default two threads, ``@`` costs 1.2x einsum's CPU per query at 2,000 rows and 3.3x at 20,000 and 100,000 (two
    threads' CPU for little wall time gained), and the 10^4-article stream costs 4.2-4.5 CPU ms/article with it against 2.8 (faster
    in wall time only by taking the other core). With ``OPENBLAS_NUM_THREADS=1``, ``@`` is 1.9x faster than einsum at
    2,000 rows (the stream: 2.2 against 2.7 ms/article) but 2x slower at 20,000 and 100,000. Einsum uses no threads
    and is never more than 2x off; ``@`` wins only on small pools with BLAS pinned to one thread.
    """

    def top(cent: np.ndarray, live: np.ndarray, vec: np.ndarray, k: int) -> tuple[list[int], np.ndarray]:
        sims = cent @ vec if matmul else np.einsum("ij,j->i", cent, vec)
        sims[~live] = -np.inf
        k = min(k, int(np.count_nonzero(live)))
        if k == 0:
            return [], sims
        idx = np.argpartition(-sims, k - 1)[:k] if k < sims.size else np.arange(sims.size)
        return sorted((int(j) for j in idx if live[j]), key=lambda j: (-float(sims[j]), j)), sims

    return top


@registry.register("nn", "faiss")
def _faiss_nn(threads: int = 1) -> NearestStories:
    try:
        import faiss
    except ImportError as exc:  # an optional extra
        raise ImportError(
            "the faiss nearest-neighbour backend needs faiss-cpu: pip install 'newsprism[faiss]'"
        ) from exc
    faiss.omp_set_num_threads(threads)  # one query at a time: threads cost more than they bring

    def top(cent: np.ndarray, live: np.ndarray, vec: np.ndarray, k: int) -> tuple[list[int], dict[int, float]]:
        k = min(k, int(np.count_nonzero(live)))
        if k == 0:
            return [], {}
        q = np.ascontiguousarray(vec[None, :], dtype=np.float32)
        # the top rows overall, a few spare for dead ones (zeroed by the clusterer, so they rarely rank):
        # when k live rows are among them, they are the top k live rows
        d, i = faiss.knn(q, cent, min(cent.shape[0], k + 8), metric=faiss.METRIC_INNER_PRODUCT)
        hits = [(float(s), int(j)) for s, j in zip(d[0], i[0], strict=True) if j >= 0 and live[j]]
        if len(hits) < k:  # dead rows took the places (a young pool, negative cosines): the live rows alone
            rows = np.flatnonzero(live)
            d, i = faiss.knn(q, np.ascontiguousarray(cent[rows]), k, metric=faiss.METRIC_INNER_PRODUCT)
            hits = [(float(s), int(rows[j])) for s, j in zip(d[0], i[0], strict=True) if j >= 0]
        hits = sorted(hits, key=lambda x: (-x[0], x[1]))[:k]
        return [j for _, j in hits], {j: s for s, j in hits}

    return top


# -------------------------------------------------------------------- stories
@dataclass
class _Story:
    id: str
    title: str
    slot: int
    members: list[str] = field(default_factory=list)
    vec_sum: np.ndarray | None = None
    ent_sum: dict[str, float] = field(default_factory=dict)  # sum of members' unit entity vectors
    ent_sq: float = 0.0  # squared norm of ent_sum, kept incrementally (for the cohesion)
    member_ents: list[frozenset[str]] = field(default_factory=list)  # to re-weight when the IDF has moved
    member_vecs: list[np.ndarray] = field(default_factory=list)  # title+lead embeddings, for refinement moves
    member_evs: list[dict[str, float]] = field(default_factory=list)  # entity vectors as summed into ent_sum
    member_days: list[int | None] = field(default_factory=list)
    member_titles: list[str] = field(default_factory=list)  # to title a story split off this one
    t_min: int | None = None
    t_max: int | None = None
    created: int = 0  # arrival index of the first article
    touched: int = 0  # arrival index of the last article added
    absorbed: list[str] = field(default_factory=list)  # ids of stories merged into this one
    version: int = 0  # bumped by every merge, so stale merge candidates are skipped
    user: bool = False  # id given by the user: never merged with another user story
    refine_cursor: int = 0  # where the next budgeted refinement starts among the members


class StoryClusterer:
    """Incremental clusterer: ``add(article) -> story id``, ``stories() -> list[Story]``.

    Deterministic for a given order of ``add`` calls.
    """

    def __init__(
        self,
        embedder: Embedder | None = None,
        params: ClusterParams | None = None,
        on_retire: Callable[[Story], None] | None = None,
        **overrides,
    ) -> None:
        if embedder is None:
            from newsprism.analyze.embed import get_embedder

            embedder = get_embedder("minilm")
        self.embedder = embedder
        p = params or ClusterParams()
        if overrides:
            p = ClusterParams(**{**p.__dict__, **overrides})
        self.p = p
        self.on_retire = on_retire
        self.dim = int(embedder.dim)
        self._nn: NearestStories = registry.get("nn", p.nn)
        self._cent = np.zeros((p.max_active, self.dim), dtype=np.float32)  # mean member embedding, by slot
        self._live = np.zeros(p.max_active, dtype=bool)
        self._touched = np.zeros(p.max_active, dtype=np.int64)  # arrival index of each slot's last update
        self._slots: list[_Story | None] = [None] * p.max_active
        self._free = list(range(p.max_active - 1, -1, -1))
        self._by_id: dict[str, _Story] = {}
        self._retired: list[Story] = []
        self._df: Counter[str] = Counter()
        self._n_docs = 0
        self._n_added = 0
        self._dirty: set[str] = set()
        self._alias: dict[str, str] = {}  # merged-away story id -> the id it was merged into
        self._next_refresh = 16  # re-weight stored entity vectors when the document count doubles

    # ------------------------------------------------------------ state (checkpoints)
    #: not state: the embedding model, the nearest-story backend and the callback are wired per process
    _TRANSIENT = ("embedder", "_nn", "on_retire")

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        for k in self._TRANSIENT:
            state[k] = None
        return state

    def attach(self, embedder: Embedder, on_retire: Callable[[Story], None] | None = None) -> StoryClusterer:
        """Wire a restored (unpickled) clusterer to this process's embedder, callback and nearest-story backend."""
        self.embedder, self.on_retire = embedder, on_retire
        self._nn = registry.get("nn", self.p.nn)
        return self

    @property
    def articles_seen(self) -> int:
        """How many articles ``add`` was given (its arrival counter)."""
        return self._n_added

    # ------------------------------------------------------------ scoring
    def _idf(self, term: str) -> float:
        # the prior counts unseen background documents, so a name shared by the first few articles keeps its weight
        return math.log((self._n_docs + self.p.idf_prior_docs) / (self._df.get(term, 0) + 1))

    def _ent_vec(self, ents: Iterable[str]) -> dict[str, float]:
        """Unit IDF vector of an article's entities (presence only: a name said ten times is not ten times the evidence)."""
        v = {t: w for t in ents if (w := self._idf(t)) > 0}
        norm = math.sqrt(sum(w * w for w in v.values()))
        return {t: w / norm for t, w in v.items()} if norm else {}

    @staticmethod
    def _dot(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b[t] for t, w in a.items() if t in b)

    def _time_pen(self, lo: int | None, hi: int | None, s: _Story) -> float:
        if lo is None or s.t_min is None or hi is None or s.t_max is None:
            return 0.0
        gap = max(0, s.t_min - hi, lo - s.t_max)
        return self.p.time_penalty * min(1.0, max(0.0, gap - self.p.time_grace_days) / self.p.time_tau_days)

    def _score(self, emb_cos: float, ent_cos: float, pen: float) -> float:
        return self.p.w_emb * emb_cos + self.p.w_ent * ent_cos - pen

    def _cohesion(self, s: _Story) -> float | None:
        """Mean pairwise entity similarity inside a story (None for a single article), from the sum's norm.

        Why: two similar events are each more cohesive than they are similar to each other;
        a story only absorbs what is nearly as close as its own members are to one another.
        """
        n = len(s.members)
        if n < 2:
            return None
        return (s.ent_sq - n) / (n * (n - 1))

    def _coherent(self, sim: float, *stories: _Story, ratio: float | None = None) -> bool:
        cohs = [c for c in map(self._cohesion, stories) if c is not None]
        ratio = self.p.cohesion_ratio if ratio is None else ratio
        return not cohs or sim >= ratio * max(0.0, math.prod(cohs)) ** (1 / len(cohs))

    # ------------------------------------------------------------ stream API
    def add(self, article: Article, vec: np.ndarray | None = None) -> str:
        """Place ``article`` in a story and return the story id (``vec``: its title+lead embedding, if known)."""
        p = self.p
        self._n_added += 1
        if vec is None:
            vec = self.embedder.embed([_lead_text(article, p.lead_chars)])[0]
        vec = np.asarray(vec, dtype=np.float32)
        ents = set(cheap_entities(article.text[: p.entity_chars] + "\n" + article.title))
        self._n_docs += 1
        self._df.update(ents)
        if len(self._df) > p.max_vocab:
            # bound memory: keep the most frequent half (ties: by term), forgetting the rarest names.
            # Halving, not just dropping names seen once, keeps the cost amortised O(1): in a stream
            # whose names all recur a few times, "seen once" frees nothing and would re-run every article.
            self._df = Counter(dict(heapq.nlargest(p.max_vocab // 2, self._df.items(), key=lambda kv: (kv[1], kv[0]))))
        if self._n_docs >= self._next_refresh and self._n_docs <= p.refresh_until:
            self.reweigh()
        ev = self._ent_vec(ents)
        day = _article_date(article)

        if article.story:
            target = self._by_id.get(article.story)
            if target is None:
                target = self._new_story(article.story, article, user=True)
        else:
            target = self._best(vec, ev, day)
            if target is None:
                sid = story_id_for(article.id)
                if sid in self._by_id:  # a repeated article id: keep story ids unique, still deterministic
                    sid = story_id_for(f"{article.id}#{self._n_added}")
                target = self._new_story(sid, article)
        title = article.title.strip() or article.text.strip().split("\n", 1)[0][:120]
        self._attach(target, article.id, vec, ev, day, frozenset(ents), title)
        if p.settle_every and self._n_added % p.settle_every == 0:
            self.settle(since=self._n_added - p.settle_every)
        elif p.merge_every and self._n_added % p.merge_every == 0:
            self.merge()
        return self.resolve(target.id)

    def settle(self, since: int = 0, max_size: int | None = None) -> None:
        """Merge, split fused look-alike events, move misplaced articles, merge again.

        Runs over the active stories touched at or after arrival index ``since`` with at most
        ``max_size`` members (default ``settle_max``; bigger stories have settled), so its cost
        is bounded by the recent work. ``cluster()`` settles the whole pool at the end.
        """
        self.merge()
        cap = self.p.settle_max if max_size is None else max_size
        self.split(since, cap)
        self.refine(since, max_size=cap, budget=self.p.refine_budget if max_size is None else 0)
        self.adopt(since)
        self.merge()

    def _nearest(self, vec: np.ndarray, k: int) -> tuple[list[int], Any]:
        """Exact top-``k`` live slots by dot product with ``vec``, best first (ties: lower slot), and their similarities."""
        return self._nn(self._cent, self._live, vec, k)

    def add_all(self, articles: Iterable[Article], batch: int = 32) -> list[str]:
        """``add`` each article in order, embedding them in batches (much faster for minilm)."""
        out: list[str] = []
        arts = list(articles)
        for i in range(0, len(arts), batch):
            chunk = arts[i : i + batch]
            vecs = self.embedder.embed([_lead_text(a, self.p.lead_chars) for a in chunk])
            out.extend(self.add(a, v) for a, v in zip(chunk, vecs, strict=True))
        return out

    def _best(self, vec: np.ndarray, av: dict[str, float], day: int | None) -> _Story | None:
        """Best story by average linkage (mean similarity to its members), or None below the threshold."""
        top, sims = self._nearest(vec, self.p.candidates)
        best, best_score = None, -math.inf
        for j in top:
            s = self._slots[j]
            ent = self._dot(av, s.ent_sum) / len(s.members)
            sc = self._score(float(sims[j]), ent, self._time_pen(day, day, s))
            if sc > best_score and self._coherent(ent, s):
                best, best_score = s, sc
        return best if best_score >= self.p.threshold else None

    def _new_story(self, sid: str, article: Article | str, user: bool = False) -> _Story:
        if not self._free:
            self._retire_oldest()
        slot = self._free.pop()
        if isinstance(article, str):
            title = article
        else:
            title = article.title.strip() or article.text.strip().split("\n", 1)[0][:120]
        s = _Story(
            id=sid,
            title=title,
            slot=slot,
            vec_sum=np.zeros(self.dim, dtype=np.float32),
            user=user,
            created=self._n_added,
        )
        self._slots[slot] = s
        self._live[slot] = True
        self._by_id[sid] = s
        return s

    def _attach(
        self,
        s: _Story,
        aid: str,
        vec: np.ndarray,
        ev: dict[str, float],
        day: int | None,
        ents: frozenset[str],
        title: str,
    ) -> None:
        s.members.append(aid)
        s.member_titles.append(title)
        s.member_ents.append(ents)
        s.member_vecs.append(vec)
        s.member_evs.append(ev)
        s.member_days.append(day)
        s.vec_sum += vec
        s.ent_sq += 2 * self._dot(ev, s.ent_sum) + sum(w * w for w in ev.values())
        for t, w in ev.items():
            s.ent_sum[t] = s.ent_sum.get(t, 0.0) + w
        if day is not None:
            s.t_min = day if s.t_min is None else min(s.t_min, day)
            s.t_max = day if s.t_max is None else max(s.t_max, day)
        s.touched = self._n_added
        self._touched[s.slot] = s.touched
        self._set_centroid(s)
        self._dirty.add(s.id)

    def reweigh(self) -> None:
        """Re-weight every active story's entity vectors with the IDF of everything seen so far.

        Public because a caller that has fed a whole batch (``cluster()``) can afford one O(pool)
        pass before a final ``settle``.

        Why: the first articles of a stream were weighted with an IDF from a handful of
        documents. Refreshing at each doubling of the count costs O(1) amortised per article,
        and stops at ``refresh_until`` documents, when the IDF has settled.
        """
        self._next_refresh = self._n_docs * 2
        for st in self._slots:
            if st is None:
                continue
            st.ent_sum, st.ent_sq = {}, 0.0
            st.member_evs = [self._ent_vec(ents) for ents in st.member_ents]
            for ev in st.member_evs:
                st.ent_sq += 2 * self._dot(ev, st.ent_sum) + sum(w * w for w in ev.values())
                for t, w in ev.items():
                    st.ent_sum[t] = st.ent_sum.get(t, 0.0) + w

    def _set_centroid(self, s: _Story) -> None:
        # the mean (not unit) vector: its dot with an article is the mean cosine to the members
        self._cent[s.slot] = s.vec_sum / len(s.members)

    def _retire_oldest(self) -> None:
        touched = np.where(self._live, self._touched, np.iinfo(np.int64).max)
        old = self._slots[int(np.argmin(touched))]  # least recently updated; ties: lowest slot
        self._drop(old)
        story = Story(id=old.id, articles=list(old.members), title=old.title)
        if self.on_retire:
            # the caller keeps retired stories (the store persists them): forget them here, memory stays bounded
            self.on_retire(story)
            for sid in old.absorbed:
                self._alias.pop(sid, None)
        else:
            self._retired.append(story)

    def _drop(self, s: _Story) -> None:
        self._slots[s.slot] = None
        self._live[s.slot] = False
        self._cent[s.slot] = 0.0  # a dead row then scores 0: the faiss backend seldom needs its live-only search
        self._free.append(s.slot)
        self._dirty.discard(s.id)
        del self._by_id[s.id]

    def resolve(self, sid: str) -> str:
        """The current id of a story that may since have been merged into another."""
        while sid in self._alias:
            sid = self._alias[sid]
        return sid

    # ------------------------------------------------------------ merging
    def _pair_score(self, s: _Story, o: _Story, emb_mean: float) -> float:
        """Average-linkage score between two stories (mean pairwise similarity of their members)."""
        ent = self._dot(s.ent_sum, o.ent_sum) / (len(s.members) * len(o.members))
        if not self._coherent(ent, s, o):
            return -math.inf
        return self._score(emb_mean, ent, self._time_pen(s.t_min, s.t_max, o))

    def _merge_candidates(self, s: _Story) -> list[tuple[float, int, int, str, int, str, int]]:
        # the dot of two mean vectors is the mean pairwise cosine between the two stories
        top, sims = self._nearest(self._cent[s.slot], self.p.candidates + 1)
        out = []
        for j in top:
            o = self._slots[j]
            if o is s or (o.user and s.user):
                continue
            sc = self._pair_score(s, o, float(sims[j]))
            if sc >= self.p.merge_threshold:
                a, b = (s, o) if s.created < o.created else (o, s)
                out.append((-sc, a.created, b.created, a.id, a.version, b.id, b.version))
        return out

    def merge(self) -> int:
        """Greedily merge converged stories, best pair first (agglomerative, average linkage).

        Only stories touched since the last pass seed candidate pairs, so a pass costs
        O(touched x candidates), not O(pool^2). Returns the number of merges.
        """
        heap: list[tuple[float, int, int, str, int, str, int]] = []
        for sid in sorted(self._dirty):
            if sid in self._by_id:
                heap.extend(self._merge_candidates(self._by_id[sid]))
        self._dirty.clear()
        heapq.heapify(heap)
        merged = 0
        while heap:
            _, _, _, ida, va, idb, vb = heapq.heappop(heap)
            sa, sb = self._by_id.get(ida), self._by_id.get(idb)
            if sa is None or sb is None or sa.version != va or sb.version != vb:
                continue
            keep = self._merge_pair(sa, sb)
            merged += 1
            for item in self._merge_candidates(keep):
                heapq.heappush(heap, item)
        self._dirty.clear()
        return merged

    # ------------------------------------------------------------ refinement
    def refine(self, since: int = 0, rounds: int = 4, max_size: int = 0, budget: int = 0) -> int:
        """Move articles to the story they are most similar to, when it beats their own story.

        Why: a stream places each article once, against the stories of that moment, so the
        result depends on the order; an early article may sit in the look-alike event's story.
        This pass re-scores each member of the active stories touched at or after arrival
        index ``since`` by average linkage (its own story without itself against the nearest
        candidates) and moves it when another story scores higher, reaches the join threshold
        and stays coherent; it repeats until nothing moves (at most ``rounds`` sweeps).
        Coherent here is the looser ``refine_cohesion_ratio``: the strict join test keeps a
        look-alike event's articles out, but it would also pin a member in the wrong story
        when its own event's story is small and tight. A lone article is a member too: its
        own story offers no evidence, so any story reaching the threshold under the looser
        test takes it (the strict join test had turned it away when its event was small).
        Only the bounded active pool is touched. With ``budget``, when the stories to refine hold more members
        than that, one sweep re-scores a share of each story proportional to its size, taking members in turn
        from pass to pass: a stream whose recent stories are big (40 touched stories of 60-150 members in every
        100 articles) otherwise paid ~36 re-scores per added article. Returns the number of moves.
        """
        total = 0
        for _ in range(rounds):
            moved = 0
            order = sorted(
                (
                    st
                    for st in self._slots
                    if st is not None
                    and st.touched >= since
                    and not st.user
                    and (not max_size or len(st.members) <= max_size)
                ),
                key=lambda st: st.created,
            )
            members = sum(len(st.members) for st in order)
            if budget and members > budget:  # one budgeted sweep, shared in proportion to size
                return total + sum(self._refine_some(st, -(-budget * len(st.members) // members)) for st in order)
            for st in order:
                k = 0
                while st.id in self._by_id and k < len(st.members):
                    dest = self._better_story(st, k)
                    if dest is None:
                        k += 1
                        continue
                    self._move(st, k, dest)
                    moved += 1
            total += moved
            if not moved:
                break
        return total

    def split(self, since: int = 0, max_size: int = 0) -> int:
        """Split stories whose members form two groups that would not have been merged.

        Why: two similar events (two fights of one boxer, two rules on one law) share most
        names, so the stream can fuse them; inside the fused story, what differs between its
        members is what tells the events apart. The story's entity vectors, centred on their
        mean, are cut along their first principal axis and refined by 2-means; the cut is kept
        when each side has ``split_min`` members and the two sides fail the merge test (their
        mean cross similarity is below ``cohesion_ratio`` of their own cohesion), so a
        later merge pass does not undo it. Sides are checked again. Returns the number of splits.
        """
        m = self.p.split_min
        if m <= 0:
            return 0
        queue = sorted(
            (
                st
                for st in self._slots
                if st is not None
                and not st.user
                and st.touched >= since
                and 2 * m <= len(st.members)
                and (not max_size or len(st.members) <= max_size)
            ),
            key=lambda st: st.created,
        )
        done = 0
        while queue:
            st = queue.pop(0)
            if st.id not in self._by_id:
                continue
            other = self._bisect(st)
            if other is None:
                continue
            new = self._split_off(st, other)
            if new is None:
                continue
            done += 1
            queue.extend(x for x in (st, new) if len(x.members) >= 2 * m)
        return done

    def _bisect(self, st: _Story) -> list[int] | None:
        """Member indices of the side without the first member, when the story should split; else None."""
        m, n = self.p.split_min, len(st.members)
        vocab: dict[str, int] = {}
        for ev in st.member_evs:
            for t in ev:
                vocab.setdefault(t, len(vocab))
        if not vocab:
            return None
        x = np.zeros((n, len(vocab)))
        for r, ev in enumerate(st.member_evs):
            for t, w in ev.items():
                x[r, vocab[t]] = w
        xc = x - x.mean(axis=0)
        gram = xc @ xc.T  # n x n: the principal axis from the small Gram matrix
        _, vecs = np.linalg.eigh(gram)
        lab = vecs[:, -1] > 0
        for _ in range(10):  # 2-means from the principal cut
            if lab.all() or not lab.any():
                return None
            c1, c0 = xc[lab].mean(axis=0), xc[~lab].mean(axis=0)
            new = ((xc - c1) ** 2).sum(axis=1) < ((xc - c0) ** 2).sum(axis=1)
            if (new == lab).all():
                break
            lab = new
        k1 = int(lab.sum())
        if min(k1, n - k1) < m:
            return None
        sim = x @ x.T
        a, b = lab, ~lab
        na, nb = k1, n - k1
        coh_a = (sim[np.ix_(a, a)].sum() - na) / (na * (na - 1))
        coh_b = (sim[np.ix_(b, b)].sum() - nb) / (nb * (nb - 1))
        cross = sim[np.ix_(a, b)].mean()
        if coh_a <= 0 or coh_b <= 0 or cross >= self.p.cohesion_ratio * math.sqrt(coh_a * coh_b):
            return None
        side = ~lab if lab[0] else lab
        return [int(i) for i in np.flatnonzero(side)]

    def _split_off(self, st: _Story, idx: list[int]) -> _Story | None:
        if not self._free:
            self._retire_oldest()
            if st.id not in self._by_id:
                return None
        first = st.members[idx[0]]
        sid = story_id_for(first)
        if sid in self._by_id or sid in self._alias:
            sid = story_id_for(f"{first}#{self._n_added}")
        new = self._new_story(sid, st.member_titles[idx[0]])
        new.created = st.created
        for k in reversed(idx):  # pop from the end so earlier indices stay valid; then restore order
            self._move(st, k, new)
        for attr in ("members", "member_vecs", "member_evs", "member_ents", "member_days", "member_titles"):
            getattr(new, attr).reverse()
        st.touched = new.touched = self._n_added
        self._touched[st.slot] = self._touched[new.slot] = self._n_added
        return new

    def adopt(self, since: int = 0) -> int:
        """Let a lone article join its best story when that story is a clear winner.

        Why: the cohesion test keeps a look-alike event's articles out of a tight story, but it
        also leaves out a short or name-poor report of that very event (its entity similarity
        is low against everyone). When the best story reaches the join threshold and beats the
        runner-up by ``adopt_margin``, the evidence is distinctive enough without the test.
        Refinement moves lone articles too, so on the ECB+/BASIL batches this changes nothing
        (same stories on 15 shuffles without it); in a long stream it still moves ~0.2% of the
        articles: it looks one candidate further than refinement (``refine_candidates + 1``
        stories including the article's own), and those moves are right; the ones the missing
        cohesion test lets through are wrong. On balance it saves fragments: synthetic 10^4-article
        streams score a little better with it (benchmarks/cluster.md, "Is adopt redundant?").
        Returns the number of articles adopted.
        """
        if self.p.adopt_margin <= 0:
            return 0
        lone = sorted(
            (
                st
                for st in self._slots
                if st is not None and not st.user and len(st.members) == 1 and st.touched >= since
            ),
            key=lambda st: st.created,
        )
        done = 0
        for st in lone:
            if st.id not in self._by_id:
                continue
            vec, ev, day = st.member_vecs[0], st.member_evs[0], st.member_days[0]
            top, sims = self._nearest(vec, self.p.refine_candidates + 1)
            scored = []
            for j in top:
                o = self._slots[j]
                if o is st:
                    continue
                ent = self._dot(ev, o.ent_sum) / len(o.members)
                scored.append((self._score(float(sims[j]), ent, self._time_pen(day, day, o)), -o.created, o))
            if not scored:
                continue
            scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
            best, dest = scored[0][0], scored[0][2]
            runner = scored[1][0] if len(scored) > 1 else 0.0
            if best >= self.p.threshold and best - runner >= self.p.adopt_margin and not dest.user:
                self._move(st, 0, dest)
                done += 1
        return done

    def _refine_some(self, st: _Story, n: int) -> int:
        """Re-score ``n`` members of ``st``, the ones after those of its last budgeted pass; the moves made."""
        if st.id not in self._by_id or not st.members:
            return 0
        start = st.refine_cursor % len(st.members)
        picked = (st.members[start:] + st.members[:start])[:n]
        st.refine_cursor = start + n
        moved = 0
        for aid in picked:
            if st.id not in self._by_id:
                break
            if aid not in st.members:
                continue
            k = st.members.index(aid)
            dest = self._better_story(st, k)
            if dest is not None:
                self._move(st, k, dest)
                moved += 1
        return moved

    def _better_story(self, st: _Story, k: int) -> _Story | None:
        n = len(st.members)
        vec, ev, day = st.member_vecs[k], st.member_evs[k], st.member_days[k]
        if n > 1:
            own_emb = (float(np.dot(vec, st.vec_sum)) - float(np.dot(vec, vec))) / (n - 1)
            own_ent = (self._dot(ev, st.ent_sum) - (1.0 if ev else 0.0)) / (n - 1)  # ev is a unit vector
            own = self._score(own_emb, own_ent, 0.0) + self.p.refine_margin
        else:
            own = -math.inf
        best, best_sc = None, max(own, self.p.threshold)
        top, sims = self._nearest(vec, self.p.refine_candidates)
        for j in top:
            o = self._slots[j]
            if o is st or o.user:
                continue
            ent = self._dot(ev, o.ent_sum) / len(o.members)
            sc = self._score(float(sims[j]), ent, self._time_pen(day, day, o))
            if sc > best_sc and self._coherent(ent, o, ratio=self.p.refine_cohesion_ratio):
                best, best_sc = o, sc
        return best

    def _move(self, st: _Story, k: int, dest: _Story) -> None:
        aid, vec, ev = st.members.pop(k), st.member_vecs.pop(k), st.member_evs.pop(k)
        ents, day, title = st.member_ents.pop(k), st.member_days.pop(k), st.member_titles.pop(k)
        st.vec_sum -= vec
        for t, w in ev.items():
            left = st.ent_sum.get(t, 0.0) - w
            if abs(left) > 1e-9:
                st.ent_sum[t] = left
            else:
                st.ent_sum.pop(t, None)
        st.ent_sq = sum(w * w for w in st.ent_sum.values())
        days = [d for d in st.member_days if d is not None]
        st.t_min, st.t_max = min(days, default=None), max(days, default=None)
        st.version += 1
        self._attach(dest, aid, vec, ev, day, ents, title)
        dest.version += 1
        if st.members:
            self._set_centroid(st)
            self._dirty.add(st.id)
        else:  # a lone article adopted: its story lives on as an alias, forgotten when ``dest`` retires
            self._drop(st)
            self._alias[st.id] = dest.id
            dest.absorbed.extend([*st.absorbed, st.id])
            st.absorbed = []

    def _merge_pair(self, a: _Story, b: _Story) -> _Story:
        # the user's label wins; otherwise the older story (first article earlier in the stream) keeps its id
        keep, gone = (a, b) if (a.user or (not b.user and a.created < b.created)) else (b, a)
        keep.members.extend(gone.members)
        keep.vec_sum += gone.vec_sum
        keep.member_ents.extend(gone.member_ents)
        keep.member_vecs.extend(gone.member_vecs)
        keep.member_evs.extend(gone.member_evs)
        keep.member_days.extend(gone.member_days)
        keep.member_titles.extend(gone.member_titles)
        keep.absorbed.extend([*gone.absorbed, gone.id])
        gone.absorbed = []
        keep.ent_sq += gone.ent_sq + 2 * self._dot(keep.ent_sum, gone.ent_sum)
        for t, w in gone.ent_sum.items():
            keep.ent_sum[t] = keep.ent_sum.get(t, 0.0) + w
        for t in (gone.t_min, gone.t_max):
            if t is not None:
                keep.t_min = t if keep.t_min is None else min(keep.t_min, t)
                keep.t_max = t if keep.t_max is None else max(keep.t_max, t)
        keep.touched = max(keep.touched, gone.touched)
        self._touched[keep.slot] = keep.touched
        self._drop(gone)
        self._alias[gone.id] = keep.id
        keep.version += 1
        self._set_centroid(keep)
        self._dirty.add(keep.id)
        return keep

    def stories(self) -> list[Story]:
        """Stories so far, each listing its article ids, the story's first article first.

        Retired stories come first, unless an ``on_retire`` callback took them; then only active ones.
        """
        live = sorted((s for s in self._slots if s is not None), key=lambda s: s.created)
        return list(self._retired) + [Story(id=s.id, articles=list(s.members), title=s.title) for s in live]


def cluster(articles: Iterable[Article], embedder: Embedder | None = None, **params) -> list[Story]:
    """Cluster ``articles`` (in the given order) into stories; ``params`` override :class:`ClusterParams`."""
    c = StoryClusterer(embedder=embedder, **params)
    c.add_all(articles)
    # a batch knows its whole collection: weigh the names with the final IDF before the last settle
    # (the stream re-weights only at each doubling of the count, so the last half was placed on an older IDF)
    c.reweigh()
    c.settle(max_size=0)
    return c.stories()
