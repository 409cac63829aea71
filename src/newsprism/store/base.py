"""What every store backend offers (SQLite now; Postgres later), and the content-hash article id.

Why a Protocol and not a base class: a Postgres backend shares no code with SQLite's, only the
contract — transactions the ingest pipeline can commit in small steps, an inputs-seen table that
makes re-ingesting a no-op, stories, an embeddings cache and full-text search.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, MutableMapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np

from newsprism.dedupe import normalise
from newsprism.model import Article, Story


def article_key(text: str, source: str) -> str:
    """Store id of an article: sha256 of its normalised cleaned text and its source.

    Why normalised: whitespace or case changes from a re-clean are not a new article.
    Why with the source: the same wire copy from two files is two inputs (dedupe links them).
    """
    return hashlib.sha256(f"{normalise(text)}\0{source}".encode()).hexdigest()


@dataclass
class SeenInput:
    """A raw input the store has already handled: stored as ``article`` or refused with ``problem``."""

    source: str
    key: str
    status: str  # "ok" or "error"
    article: str | None = None
    problem: str | None = None


@runtime_checkable
class Store(Protocol):
    url: str

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all (the unit of crash safety)."""
        ...

    def seen(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], SeenInput]:
        """Which ``(source, key)`` raw inputs were handled before."""
        ...

    def record_input(
        self, source: str, key: str, status: str, article: str | None = None, problem: str | None = None
    ) -> None: ...

    def add_article(self, article: Article, user_id: str, user_story: str | None = None) -> bool:
        """Insert ``article`` (its ``id`` is the :func:`article_key`); False when it was already there."""
        ...

    def has_article(self, article_id: str) -> bool: ...

    def set_story(self, article_id: str, story_id: str, title: str = "") -> None: ...

    def replace_stories(self, stories: Iterable[Story]) -> None:
        """Make stored stories and memberships exactly ``stories`` (after merges)."""
        ...

    def articles(self, *, replay: bool = False, after_seq: int = 0) -> Iterator[Article]:
        """Stored articles in insertion order (those stored after position ``after_seq``); ``replay`` gives
        ``story`` as the user's label, for re-clustering."""
        ...

    def last_seq(self) -> int:
        """Insertion position of the newest article (0 when empty): where a checkpoint was taken."""
        ...

    def get_checkpoint(self, name: str) -> tuple[int, str, bytes] | None:
        """``(seq, fingerprint, data)`` of the state saved as ``name``, if any."""
        ...

    def put_checkpoint(self, name: str, seq: int, fingerprint: str, data: bytes | None) -> None:
        """Save (``None``: delete) state as of the article at ``seq``, in the current transaction."""
        ...

    def get_article(self, article_id: str) -> Article | None: ...

    def stories(self) -> list[Story]: ...

    def search(self, query: str, limit: int = 20) -> list[Article]: ...

    def embedding_cache(self, model: str) -> MutableMapping[str, np.ndarray]: ...

    def add_dedupe_entry(self, article_id: str, digest: int, signature: bytes, passages: bytes) -> None:
        """Persist a stored article's near-duplicate index entry (in the current transaction)."""
        ...

    def dedupe_window(self, limit: int) -> Iterator[tuple[Article, int | None, bytes | None, bytes | None]]:
        """The newest ``limit`` articles, oldest first, with their persisted entry (or Nones to re-hash)."""
        ...

    def prune_dedupe(self, keep: int) -> None:
        """Forget entries the window of the newest ``keep`` articles no longer needs."""
        ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str | None) -> None: ...

    def stats(self) -> dict[str, Any]: ...

    def count(self, what: str) -> int:
        """'articles' or 'stories': one cheap query, for the ingest loop (``stats`` does much more)."""
        ...

    def close(self) -> None: ...
