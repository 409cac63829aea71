"""The store: where ingested articles, stories and cached embeddings live between runs.

``open_store(url)`` picks a backend from the registry (kind ``"store"``) by the URL's scheme:
``sqlite:///path.db`` or a plain path is SQLite (the default); ``postgresql://…`` (or ``postgres://``)
is PostgreSQL. Both satisfy :class:`~newsprism.store.base.Store`.
"""

from __future__ import annotations

from collections.abc import Callable

from newsprism import registry
from newsprism.store.base import SeenInput, Store, article_key

__all__ = ["SeenInput", "Store", "article_key", "open_store", "backend_for"]

_SCHEMES = {"sqlite": "sqlite", "postgres": "postgres", "postgresql": "postgres"}


@registry.register("store", "sqlite")
def _sqlite_backend() -> Callable[[str], Store]:
    """The registry caches instances, so it holds the *opener*, not an open connection."""
    from newsprism.store.sqlite import SQLiteStore

    return SQLiteStore


@registry.register("store", "postgres")
def _postgres_backend() -> Callable[[str], Store]:
    from newsprism.store.postgres import PostgresStore

    return PostgresStore


def backend_for(url: str) -> str:
    """Backend name for a store URL: its scheme, or ``sqlite`` for a plain path."""
    scheme, sep, _ = str(url).partition(":")
    if sep and scheme.lower() in _SCHEMES and len(scheme) > 1:
        return _SCHEMES[scheme.lower()]
    return "sqlite"


def open_store(url: str = "newsprism.db", backend: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``."""
    opener = registry.get("store", backend or backend_for(str(url)))
    return opener(str(url))
