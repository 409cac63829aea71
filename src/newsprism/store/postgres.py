"""PostgreSQL store: the same contract as the SQLite store, for a shared server and many writers.

Why a second backend: SQLite is one file on one machine; a newsroom feeding several ingest
workers (or the Ray engine) wants one database they all reach. The schema, ids and semantics are
the SQLite store's: content-hash ids, ``INSERT … ON CONFLICT DO NOTHING`` so re-ingesting is a
no-op, numbered migrations applied under an advisory lock, and full-text search on title and text
(a generated ``tsvector`` with a GIN index instead of FTS5). Statements outside ``transaction()``
commit at once, as with SQLite's autocommit. Needs ``psycopg`` (``pip install 'newsprism[postgres]'``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsprism.errors import StoreError
from newsprism.model import Article
from newsprism.store._rows import article_from_row, now, select_articles
from newsprism.store.sql import SQLStore


def _printable(url: str) -> str:
    """A server URL fit for an error message: the password replaced by ``***``."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
    except ValueError:
        return "the PostgreSQL URL"
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)))


MIGRATIONS: list[list[str]] = [
    [  # 1: articles, inputs seen, stories, embeddings cache, full-text search
        """CREATE TABLE articles (
            seq BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            user_id TEXT NOT NULL,
            source TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            updated TEXT,
            language TEXT,
            credits TEXT NOT NULL DEFAULT '[]',
            origin TEXT,
            duplicate_of TEXT,
            user_story TEXT,
            added_at TEXT NOT NULL,
            fts tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'B')
            ) STORED
        )""",
        "CREATE INDEX articles_outlet ON articles(outlet)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_fts ON articles USING GIN (fts)",
        "CREATE INDEX articles_user_id ON articles(user_id)",
        """CREATE TABLE inputs (
            source TEXT NOT NULL,
            key TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
            article_id TEXT,
            problem TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source, key)
        )""",
        "CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL)",
        "CREATE TABLE story_members (article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL)",
        "CREATE INDEX story_members_story ON story_members(story_id)",
        """CREATE TABLE embeddings (
            model TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BYTEA NOT NULL,
            PRIMARY KEY (model, text_hash)
        )""",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    ],
    [  # 2: the dedupe window's MinHash signatures (see the SQLite store's migration 2)
        """CREATE TABLE dedupe_index (
            seq BIGINT PRIMARY KEY,
            digest BIGINT NOT NULL,
            signature BYTEA NOT NULL,
            passages BYTEA NOT NULL
        )""",
    ],
    [  # 3: checkpoints of in-memory state (see the SQLite store's migration 3)
        """CREATE TABLE checkpoints (
            name TEXT PRIMARY KEY,
            seq BIGINT NOT NULL,
            fingerprint TEXT NOT NULL,
            data BYTEA NOT NULL,
            saved_at TEXT NOT NULL
        )""",
    ],
]

_LOCK_ID = 0x6E657773  # "news": the advisory lock that serialises migrations across processes


class PostgresStore(SQLStore):
    """The server store. One connection per instance; open one per worker, like the SQLite store."""

    paramstyle = "format"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("the postgres store needs psycopg: pip install 'newsprism[postgres]'") from exc
        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:  # unreachable server, bad credentials, no such database
            raise StoreError(f"{_printable(url)}: cannot connect to the PostgreSQL store ({exc})") from exc
        self._lock = threading.RLock()
        self._cursors = 0
        self.migrate()

    # ------------------------------------------------------------ schema
    @property
    def schema_version(self) -> int:
        if self._one("SELECT to_regclass('schema_version')")[0] is None:
            return 0
        return self._one("SELECT coalesce(max(version), 0) FROM schema_version")[0]

    def migrate(self) -> int:
        """Apply every migration newer than the database's version, each atomically, one process at a time."""
        with self.transaction():
            self._exec("SELECT pg_advisory_xact_lock(?)", (_LOCK_ID,))
            self._exec(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version
            if current > len(MIGRATIONS):
                raise StoreError(
                    f"{_printable(self.url)}: schema version {current} is newer than this newsprism knows ({len(MIGRATIONS)})"
                )
            for version in range(current + 1, len(MIGRATIONS) + 1):
                for statement in MIGRATIONS[version - 1]:
                    self._exec(statement)
                self._exec("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)", (version, now()))
        return self.schema_version

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Nested calls join the outer transaction (psycopg turns them into savepoints)."""
        with self._lock, self._conn.transaction():
            yield

    # ------------------------------------------------------------ what PostgreSQL does its own way
    def articles(self, *, replay: bool = False, after_seq: int = 0) -> Iterator[Article]:
        """Every article in storage order, streamed through a server-side cursor (millions of rows do not
        land in memory at once); the caller may run other statements between rows, as with SQLite."""
        self._cursors += 1
        with self.transaction(), self._conn.cursor(name=f"newsprism_articles_{self._cursors}") as cur:
            cur.itersize = 500
            cur.execute(select_articles() + " WHERE a.seq > %s ORDER BY a.seq", (after_seq,))
            for row in cur:
                yield article_from_row(row[:-1], row[-1], replay)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles matching a web-search style query (words, "phrases", -not, or) on title and text, best first."""
        rows = self._all(
            "SELECT id FROM articles, websearch_to_tsquery('simple', ?) q WHERE fts @@ q "
            "ORDER BY ts_rank(fts, q) DESC, seq LIMIT ?",
            (query, limit),
        )
        return [a for (aid,) in rows if (a := self.get_article(aid)) is not None]
