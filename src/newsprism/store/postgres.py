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
from collections.abc import Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

import numpy as np

from newsprism.model import Article, Story
from newsprism.store._rows import (
    COLUMNS,
    N_INSERT,
    EmbeddingCache,
    article_from_row,
    article_params,
    now,
    select_articles,
    store_count,
    store_stats,
)
from newsprism.store.base import SeenInput

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


class PostgresStore:
    """The server store. One connection per instance; open one per worker, like the SQLite store."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("the postgres store needs psycopg: pip install 'newsprism[postgres]'") from exc
        self.url = url
        self._conn = psycopg.connect(url, autocommit=True)
        self._lock = threading.RLock()
        self._cursors = 0
        self.migrate()

    # ------------------------------------------------------------ sql helpers
    def _exec(self, sql: str, params: tuple | None = None):
        return self._conn.execute(sql, params)

    def _one(self, sql: str, params: tuple | None = None):
        return self._conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: tuple | None = None) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------ schema
    @property
    def schema_version(self) -> int:
        if self._one("SELECT to_regclass('schema_version')")[0] is None:
            return 0
        return self._one("SELECT coalesce(max(version), 0) FROM schema_version")[0]

    def migrate(self) -> int:
        """Apply every migration newer than the database's version, each atomically, one process at a time."""
        with self.transaction():
            self._exec("SELECT pg_advisory_xact_lock(%s)", (_LOCK_ID,))
            self._exec(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version
            if current > len(MIGRATIONS):
                raise RuntimeError(
                    f"{self.url}: schema version {current} is newer than this newsprism knows ({len(MIGRATIONS)})"
                )
            for version in range(current + 1, len(MIGRATIONS) + 1):
                for statement in MIGRATIONS[version - 1]:
                    self._exec(statement)
                self._exec("INSERT INTO schema_version(version, applied_at) VALUES (%s, %s)", (version, now()))
        return self.schema_version

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Nested calls join the outer transaction (psycopg turns them into savepoints)."""
        with self._lock, self._conn.transaction():
            yield

    # ------------------------------------------------------------ inputs
    def seen(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], SeenInput]:
        out: dict[tuple[str, str], SeenInput] = {}
        for source, key in keys:
            row = self._one(
                "SELECT status, article_id, problem FROM inputs WHERE source = %s AND key = %s", (source, key)
            )
            if row:
                out[(source, key)] = SeenInput(source, key, row[0], row[1], row[2])
        return out

    def record_input(
        self, source: str, key: str, status: str, article: str | None = None, problem: str | None = None
    ) -> None:
        self._exec(
            "INSERT INTO inputs(source, key, status, article_id, problem, seen_at) VALUES (%s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (source, key) DO UPDATE SET status = excluded.status, article_id = excluded.article_id, "
            "problem = excluded.problem, seen_at = excluded.seen_at",
            (source, key, status, article, problem, now()),
        )

    # ------------------------------------------------------------ articles
    def add_article(self, article: Article, user_id: str, user_story: str | None = None) -> bool:
        cur = self._exec(
            f"INSERT INTO articles({COLUMNS}, added_at) VALUES ({', '.join(['%s'] * N_INSERT)}) ON CONFLICT (id) DO NOTHING",
            article_params(article, user_id, user_story),
        )
        return cur.rowcount > 0

    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = %s", (article_id,)) is not None

    def articles(self, *, replay: bool = False, after_seq: int = 0) -> Iterator[Article]:
        """Every article in storage order, streamed through a server-side cursor (millions of rows do not
        land in memory at once); the caller may run other statements between rows, as with SQLite."""
        self._cursors += 1
        with self.transaction(), self._conn.cursor(name=f"newsprism_articles_{self._cursors}") as cur:
            cur.itersize = 500
            cur.execute(select_articles() + " WHERE a.seq > %s ORDER BY a.seq", (after_seq,))
            for row in cur:
                yield article_from_row(row[:-1], row[-1], replay)

    def last_seq(self) -> int:
        return int(self._one("SELECT coalesce(max(seq), 0) FROM articles")[0])

    def get_checkpoint(self, name: str) -> tuple[int, str, bytes] | None:
        row = self._one("SELECT seq, fingerprint, data FROM checkpoints WHERE name = %s", (name,))
        return None if row is None else (int(row[0]), row[1], bytes(row[2]))

    def put_checkpoint(self, name: str, seq: int, fingerprint: str, data: bytes | None) -> None:
        if data is None:
            self._exec("DELETE FROM checkpoints WHERE name = %s", (name,))
            return
        self._exec(
            "INSERT INTO checkpoints(name, seq, fingerprint, data, saved_at) VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (name) DO UPDATE SET seq = EXCLUDED.seq, fingerprint = EXCLUDED.fingerprint, "
            "data = EXCLUDED.data, saved_at = EXCLUDED.saved_at",
            (name, seq, fingerprint, data, now()),
        )

    def get_article(self, article_id: str) -> Article | None:
        row = self._one(
            select_articles() + " WHERE a.id = %s OR a.user_id = %s ORDER BY (a.id = %s) DESC, a.seq LIMIT 1",
            (article_id, article_id, article_id),
        )
        return None if row is None else article_from_row(row[:-1], row[-1], False)

    def user_ids(self) -> dict[str, str]:
        """Store id -> the id the user's input gave the article."""
        return dict(self._all("SELECT id, user_id FROM articles"))

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles matching a web-search style query (words, "phrases", -not, or) on title and text, best first."""
        rows = self._all(
            "SELECT id FROM articles, websearch_to_tsquery('simple', %s) q WHERE fts @@ q "
            "ORDER BY ts_rank(fts, q) DESC, seq LIMIT %s",
            (query, limit),
        )
        return [a for (aid,) in rows if (a := self.get_article(aid)) is not None]

    # ------------------------------------------------------------ dedupe index
    def add_dedupe_entry(self, article_id: str, digest: int, signature: bytes, passages: bytes) -> None:
        """Persist a stored article's dedupe index entry (joins the current transaction)."""
        self._exec(
            "INSERT INTO dedupe_index(seq, digest, signature, passages) SELECT seq, %s, %s, %s FROM articles "
            "WHERE id = %s ON CONFLICT (seq) DO UPDATE SET digest = excluded.digest, signature = excluded.signature, "
            "passages = excluded.passages",
            (int(digest), signature, passages, article_id),
        )

    def dedupe_window(self, limit: int) -> Iterator[tuple[Article, int | None, bytes | None, bytes | None]]:
        """The last ``limit`` stored articles, oldest first, with their persisted dedupe entry (or Nones)."""
        rows = self._all(
            "SELECT a.id, a.outlet, a.origin, a.duplicate_of, d.digest, d.signature, d.passages, "
            "CASE WHEN d.seq IS NULL THEN a.text END "
            "FROM (SELECT * FROM articles ORDER BY seq DESC LIMIT %s) a LEFT JOIN dedupe_index d ON d.seq = a.seq "
            "ORDER BY a.seq",
            (max(0, limit),),
        )
        for aid, outlet, origin, duplicate_of, digest, sig, passages, text in rows:
            art = Article(id=aid, text=text or "", outlet=outlet, origin=origin, duplicate_of=duplicate_of)
            yield (art, digest, None if sig is None else bytes(sig), None if passages is None else bytes(passages))

    def prune_dedupe(self, keep: int) -> None:
        """Drop dedupe rows older than twice the window (a range delete on the key, as in SQLite)."""
        self._exec("DELETE FROM dedupe_index WHERE seq < (SELECT max(seq) FROM dedupe_index) - %s", (2 * max(1, keep),))

    # ------------------------------------------------------------ stories
    def set_story(self, article_id: str, story_id: str, title: str = "") -> None:
        self._exec(
            "INSERT INTO stories(id, title, updated_at) VALUES (%s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at",
            (story_id, title, now()),
        )
        self._exec(
            "INSERT INTO story_members(article_id, story_id) VALUES (%s, %s) "
            "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
            (article_id, story_id),
        )

    def replace_stories(self, stories: Iterable[Story]) -> None:
        with self.transaction():
            self._exec("DELETE FROM story_members")
            self._exec("DELETE FROM stories")
            stamp = now()
            with self._conn.cursor() as cur:
                for s in stories:
                    cur.execute(
                        "INSERT INTO stories(id, title, updated_at) VALUES (%s, %s, %s)", (s.id, s.title, stamp)
                    )
                    cur.executemany(
                        "INSERT INTO story_members(article_id, story_id) VALUES (%s, %s) "
                        "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                        [(a, s.id) for a in s.articles],
                    )

    def stories(self) -> list[Story]:
        titles = dict(self._all("SELECT id, title FROM stories"))
        members: dict[str, list[str]] = {}
        for sid, aid in self._all(
            "SELECT m.story_id, m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id ORDER BY a.seq"
        ):
            members.setdefault(sid, []).append(aid)
        return [Story(id=sid, articles=ids, title=titles.get(sid, "")) for sid, ids in members.items()]

    # ------------------------------------------------------------ misc
    def embedding_cache(self, model: str) -> MutableMapping[str, np.ndarray]:
        return EmbeddingCache(self._conn, model, paramstyle="format")

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = %s", (key,))
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self._exec("DELETE FROM meta WHERE key = %s", (key,))
        else:
            self._exec(
                "INSERT INTO meta(key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def stats(self) -> dict[str, Any]:
        return store_stats(self._conn, self.schema_version)

    def count(self, what: str) -> int:
        return store_count(self._conn, what)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
