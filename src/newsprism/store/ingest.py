"""Ingest into a store: read → clean → dedupe → cluster → store, resumable after ``kill -9``.

Why it cannot lose or double anything: raw inputs are cut into batches in a fixed order
(the order the readers yield them, independent of what the store already has), and each
batch's articles, story memberships, cached embeddings and its rows in the inputs-seen
table are written in **one** transaction. A kill before the commit leaves no trace of the
batch; after it, the inputs-seen rows make the rerun skip the batch. Dedupe and clustering
state lives in memory, so a rerun rebuilds it: dedupe from its persisted window, clustering from
the checkpoint the last completed run saved (``store/checkpoint.py``) plus a replay of the articles
stored after it, in their stored order — all deterministic, so the resumed run ends where an
uninterrupted one would.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.dedupe import Deduper, entry_blobs, entry_for, entry_from_store
from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, input_id, iter_files, raw_key, read_path
from newsprism.model import Article, RawDocument
from newsprism.store import checkpoint
from newsprism.store.base import Store, article_key

BATCH_SIZE = 32
"""Raw inputs per transaction: small enough that a kill loses little work, big enough to amortise fsync."""
STORIES_DIRTY = "stories_dirty"

ErrorHandler = Callable[[InputError], None]
ProgressHandler = Callable[[int, int, str], None]


@dataclass
class IngestReport:
    """What one ingest run did."""

    inputs: int = 0  # raw documents read from the inputs
    added: int = 0  # new articles stored
    already: int = 0  # raw inputs the store had handled before (skipped)
    errors: int = 0  # inputs (files, records) reported as bad
    duplicates: int = 0  # new articles marked as a copy of an earlier one
    stories: int = 0  # stories in the store after the run
    replayed: int = 0  # stored articles re-read to rebuild in-memory state (for clustering: after its checkpoint)

    @property
    def articles(self) -> int:
        """Articles read this run, whether new or already stored (what the CLI's exit code is about)."""
        return self.added + self.already


def expand(paths: Iterable[str | Path]) -> list[str]:
    """One unit of progress per file (folders expanded in reading order), URL or ``-``."""
    units: list[str] = []
    for p in paths:
        p = str(p)
        if p == "-" or p.startswith(("http://", "https://")) or not Path(p).is_dir():
            units.append(p)
        else:
            units.extend(str(f) for f in iter_files(Path(p)))
    return units


def _default_cleaner() -> Callable[..., list[Article]]:
    from newsprism.clean import clean_documents

    return clean_documents


class Ingestor:
    """One ingest run against one store."""

    def __init__(
        self,
        store: Store,
        *,
        options: IngestOptions | None = None,
        embedder: str | None = "minilm",
        batch_size: int = BATCH_SIZE,
        on_error: ErrorHandler | None = None,
        on_progress: ProgressHandler | None = None,
        cleaner: Callable[..., list[Article]] | None = None,
    ) -> None:
        self.store = store
        self.options = options or IngestOptions()
        if self.options.seen is None:
            self.options.seen = lambda source, key: any(s.status == "ok" for s in store.seen([(source, key)]).values())
        self.embedder_name = embedder
        self.batch_size = max(1, batch_size)
        self.on_error = on_error or (lambda err: None)
        self.on_progress = on_progress
        self.cleaner = cleaner or _default_cleaner()
        self.report = IngestReport()
        self._deduper: Deduper | None = None
        self._clusterer: Any = None

    # ------------------------------------------------------------ state
    def _error(self, err: InputError) -> None:
        self.report.errors += 1
        self.on_error(err)

    def _make_clusterer(self) -> Any:
        if self.embedder_name is None:
            return None
        try:
            from newsprism.cluster import StoryClusterer
        except ImportError:
            return None
        from newsprism.analyze.embed import get_embedder

        emb = get_embedder(self.embedder_name, cache=self.store.embedding_cache(self.embedder_name))
        return StoryClusterer(embedder=emb)

    def _ensure_state(self) -> None:
        """Rebuild dedupe and clustering state by replaying stored articles (first time new work appears)."""
        if self._deduper is not None:
            return
        self._deduper = Deduper()
        self._clusterer = self._make_clusterer()
        with self.store.transaction():  # the embeddings cache may fill for articles stored before it existed
            seeded = self._seed_deduper()
            after = self._restore_clusterer() if seeded else 0
            if self._clusterer is not None or not seeded:
                for article in self.store.articles(replay=True, after_seq=after):
                    if not seeded:
                        self._deduper.add(article)
                    if self._clusterer is not None:
                        self._clusterer.add(article)
                    self.report.replayed += 1

    def _restore_clusterer(self) -> int:
        """Load the clusterer checkpoint if it fits this run; the position to replay from (0: everything)."""
        get = getattr(self.store, "get_checkpoint", None)
        if self._clusterer is None or get is None:
            return 0
        saved = get(checkpoint.NAME)
        if saved is None:
            return 0
        seq, fp, data = saved
        if fp != checkpoint.fingerprint(self._clusterer) or seq > self.store.last_seq():
            return 0
        try:
            self._clusterer = checkpoint.thaw(data, self._clusterer)
        except Exception as exc:  # a damaged or foreign blob: rebuild instead
            warnings.warn(
                f"{self.store.url}: clusterer checkpoint not used ({exc}); replaying all articles", stacklevel=2
            )
            self._clusterer = self._make_clusterer()
            return 0
        return seq

    def _save_clusterer(self) -> None:
        """Checkpoint the clusterer as a replay would stand now (before ``merge``), when it saw every stored article."""
        put = getattr(self.store, "put_checkpoint", None)
        if put is None or self._clusterer is None:
            return
        stored = self.store.count("articles")
        # another writer fed the store meanwhile: this state lacks its articles, so no valid checkpoint
        if self._clusterer.articles_seen != stored:
            put(checkpoint.NAME, 0, "", None)
            return
        put(
            checkpoint.NAME,
            self.store.last_seq(),
            checkpoint.fingerprint(self._clusterer),
            checkpoint.freeze(self._clusterer),
        )

    def _seed_deduper(self) -> bool:
        """Load the last window's dedupe entries from the store; False when the backend keeps none.

        Articles stored without an entry (before the store had the table) are hashed now and their
        entry written, so the next run reads it.
        """
        window = getattr(self.store, "dedupe_window", None)
        if window is None:
            return False
        assert self._deduper is not None
        for article, digest, signature, passages in window(self._deduper.window):
            if signature is None:
                entry = entry_for(article)
                self.store.add_dedupe_entry(article.id, entry.digest, *entry_blobs(entry))  # type: ignore[attr-defined]
            else:
                entry = entry_from_store(article, digest, signature, passages)
            self._deduper.restore(entry)
        return True

    # ------------------------------------------------------------ run
    def run(self, paths: Iterable[str | Path]) -> IngestReport:
        units = expand(paths)
        pending: list[RawDocument] = []
        for done, unit in enumerate(units, start=1):
            for item in read_path(unit, options=self.options):
                if isinstance(item, InputError):
                    self._error(item)
                    continue
                self.report.inputs += 1
                pending.append(item)
                if len(pending) >= self.batch_size:
                    self._flush(pending)
                    pending = []
            if self.on_progress:
                self.on_progress(done, len(units), unit)
        if pending:
            self._flush(pending)
        self._sync_stories()
        self.report.stories = self.store.count("stories")
        return self.report

    def _flush(self, batch: list[RawDocument]) -> None:
        keyed = [(raw, (input_id(raw), raw_key(raw))) for raw in batch]
        # a record stored before it had an input id was recorded under its place in the file
        legacy = {k: (raw.source, k[1]) for raw, k in keyed if k[0] != raw.source}
        seen = self.store.seen([k for _, k in keyed] + list(legacy.values()))
        new: list[tuple[RawDocument, tuple[str, str]]] = []
        fresh: set[tuple[str, str]] = set()
        for raw, k in keyed:
            s = seen.get(k) or (seen.get(legacy[k]) if k in legacy else None)
            # Why an input refused before is cleaned again, not its old problem repeated: a newer newsprism
            # (or a fixed dependency) may read it now, and the old message may no longer be the reason;
            # refusals are few, so retrying them costs little.
            if s is not None and s.status == "ok":
                self.report.already += 1
            elif k in fresh:
                self.report.already += 1  # the same input twice on one command line
            else:
                fresh.add(k)
                new.append((raw, k))
        if not new:
            return
        self._ensure_state()
        problems: dict[str, str] = {}

        def collect(err: InputError) -> None:
            problems.setdefault(err.source, err.problem)
            self._error(err)

        # Why clean the whole batch even when part is stored: the cleaner's boilerplate statistics
        # come from the batch, so a resumed run cleans each input exactly as an uninterrupted one.
        if len(new) == len(batch):
            articles = self.cleaner([raw for raw, _ in new], on_error=collect)
        else:
            articles = self._clean_some(batch, [raw for raw, _ in new], collect)
        by_source = {a.source: a for a in articles}
        with self.store.transaction():
            for raw, (source, key) in new:
                article = by_source.get(raw.source)
                if article is None:
                    self.store.record_input(source, key, "error", problem=problems.get(raw.source, "no article"))
                    continue
                self._store(article, source)
                self.store.record_input(source, key, "ok", article=article.id)
            self.store.set_meta(STORIES_DIRTY, "1")
            if hasattr(self.store, "prune_dedupe"):
                self.store.prune_dedupe(self._deduper.window)

    def _clean_some(self, batch: list[RawDocument], todo: list[RawDocument], collect: ErrorHandler) -> list[Article]:
        try:
            from newsprism.clean import CleanContext, clean_document
        except ImportError:  # a cleaner without batch context: clean only what is new
            return self.cleaner(todo, on_error=collect)
        ctx = CleanContext.from_raws(batch)
        out = []
        for raw in todo:
            try:
                out.append(clean_document(raw, context=ctx))
            except InputError as err:
                collect(err)
        return out

    def _store(self, article: Article, identity: str) -> None:
        """Store one new article under the key of its text and its input's identity (:func:`input_id`)."""
        user_id, user_story = article.id, article.story
        article.id = article_key(article.text, identity)
        if self.store.has_article(article.id):
            self.report.already += 1
            return
        assert self._deduper is not None
        entry = self._deduper.add_entry(article)
        story = self._clusterer.add(article) if self._clusterer is not None else None
        self.store.add_article(article, user_id, user_story)
        if hasattr(self.store, "add_dedupe_entry"):
            self.store.add_dedupe_entry(article.id, entry.digest, *entry_blobs(entry))
        if story is not None:
            self.store.set_story(article.id, story)
        self.report.added += 1
        self.report.duplicates += article.duplicate_of is not None

    def _sync_stories(self) -> None:
        """Write merged stories once per run (and after a killed run, on the next one)."""
        if self._deduper is None and self.store.get_meta(STORIES_DIRTY) != "1":
            return
        self._ensure_state()
        self._catch_up()  # the long replay, if any, without holding the write lock
        with self.store.transaction():
            if self._clusterer is not None:
                self._catch_up()  # another writer committed since: replay again under the lock
                self._save_clusterer()
                self._clusterer.merge()
                self.store.replace_stories(self._clusterer.stories())
            self.store.set_meta(STORIES_DIRTY, None)

    def _catch_up(self) -> None:
        """Rebuild the clusterer from the store when another writer stored articles it has not seen.

        Why: ``replace_stories`` makes the stored stories exactly this clusterer's, so two ``ingest`` runs
        into one store (two workers on PostgreSQL, or two shells on one SQLite file) left only the last
        run's view: 150 articles stored, 48 of them in a story, the other 102 in none (the web app's story
        pages lost them). The rebuild is the replay a fresh run does (checkpoint, then newer articles).
        """
        if self._clusterer is None or self._clusterer.articles_seen == self.store.count("articles"):
            return
        self._clusterer = self._make_clusterer()
        after = self._restore_clusterer()
        for article in self.store.articles(replay=True, after_seq=after):
            self._clusterer.add(article)
            self.report.replayed += 1


def ingest_paths(store: Store, paths: Iterable[str | Path], **kwargs: Any) -> IngestReport:
    """Ingest ``paths`` into ``store``; see :class:`Ingestor` for the options."""
    return Ingestor(store, **kwargs).run(paths)
