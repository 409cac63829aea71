"""SQLite store: one file, WAL journal, numbered migrations, FTS5 search.

Why WAL with ``synchronous=NORMAL``: a committed transaction survives the process being killed
(it is in the WAL, which the next open replays); only a power cut can lose the last commits,
never corrupt the file. Readers (``newsprism stats``) never block the ingesting writer.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
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

# Each migration is a list of statements, applied in one transaction with its version row.
MIGRATIONS: list[list[str]] = [
    [  # 1: articles, inputs seen, stories, embeddings cache, full-text search
        """CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
            added_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_outlet ON articles(outlet)",
        "CREATE INDEX articles_published ON articles(published)",
        """CREATE TABLE inputs (
            source TEXT NOT NULL,
            key TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
            article_id TEXT,
            problem TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source, key)
        )""",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE story_members (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL
        )""",
        "CREATE INDEX story_members_story ON story_members(story_id)",
        """CREATE TABLE embeddings (
            model TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model, text_hash)
        ) WITHOUT ROWID""",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END""",
        """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        END""",
        """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END""",
    ],
    [  # 2: the dedupe window's MinHash signatures, so a run resumes the index without re-hashing every article
        """CREATE TABLE dedupe_index (
            seq INTEGER PRIMARY KEY,
            digest INTEGER NOT NULL,
            signature BLOB NOT NULL,
            passages BLOB NOT NULL
        )""",
    ],
    [  # 3: checkpoints of in-memory state (the story clusterer), so a run replays only newer articles
        """CREATE TABLE checkpoints (
            name TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            data BLOB NOT NULL,
            saved_at TEXT NOT NULL
        )""",
    ],
]
"""Why a table of its own and not columns on ``articles``: it keeps only the last window's rows
(older ones are pruned), about 1 KB an article, and ``seq`` is the article's ``articles.seq``."""

_COLUMNS = COLUMNS


def path_of(url: str) -> str:
    """``sqlite:///abs/path.db``, ``sqlite:rel.db`` or a plain path → the file path (``:memory:`` kept)."""
    if url.startswith("sqlite:///"):
        return "/" + url[len("sqlite:///") :]
    if url.startswith("sqlite://"):
        return url[len("sqlite://") :] or ":memory:"
    if url.startswith("sqlite:"):
        return url[len("sqlite:") :]
    return url


class SQLiteStore:
    """The default store. Not shared across threads; open one per worker."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = path_of(url)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        self._depth = 0
        self._lock = threading.RLock()
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA busy_timeout=30000")
        self.migrate()

    # ------------------------------------------------------------ schema
    @property
    def schema_version(self) -> int:
        row = self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        if row is None:
            return 0
        return self._conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def migrate(self) -> int:
        """Apply every migration newer than the file's version; each is atomic. Returns the version."""
        with self.transaction():
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        current = self.schema_version
        if current > len(MIGRATIONS):
            raise RuntimeError(
                f"{self.path}: schema version {current} is newer than this newsprism knows ({len(MIGRATIONS)})"
            )
        for version in range(current + 1, len(MIGRATIONS) + 1):
            with self.transaction():
                # Re-check inside the write lock: another process may have migrated meanwhile.
                if self.schema_version >= version:
                    continue
                for statement in MIGRATIONS[version - 1]:
                    self._conn.execute(statement)
                self._conn.execute("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)", (version, now()))
        return self.schema_version

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self._conn.execute("ROLLBACK")
                raise
            self._depth = 0
            self._conn.execute("COMMIT")

    # ------------------------------------------------------------ inputs
    def seen(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], SeenInput]:
        out: dict[tuple[str, str], SeenInput] = {}
        for source, key in keys:
            row = self._conn.execute(
                "SELECT status, article_id, problem FROM inputs WHERE source = ? AND key = ?", (source, key)
            ).fetchone()
            if row:
                out[(source, key)] = SeenInput(source, key, row[0], row[1], row[2])
        return out

    def record_input(
        self, source: str, key: str, status: str, article: str | None = None, problem: str | None = None
    ) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO inputs(source, key, status, article_id, problem, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
            (source, key, status, article, problem, now()),
        )

    # ------------------------------------------------------------ articles
    def add_article(self, article: Article, user_id: str, user_story: str | None = None) -> bool:
        cur = self._conn.execute(
            f"INSERT OR IGNORE INTO articles({_COLUMNS}, added_at) VALUES ({', '.join('?' * N_INSERT)})",
            article_params(article, user_id, user_story),
        )
        return cur.rowcount > 0

    def has_article(self, article_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def _article(self, row: tuple, story: str | None, replay: bool) -> Article:
        return article_from_row(row, story, replay)

    def articles(self, *, replay: bool = False, after_seq: int = 0) -> Iterator[Article]:
        cur = self._conn.execute(select_articles() + " WHERE a.seq > ? ORDER BY a.seq", (after_seq,))
        for row in cur:
            yield self._article(row[:-1], row[-1], replay)

    def last_seq(self) -> int:
        return self._conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]

    def get_checkpoint(self, name: str) -> tuple[int, str, bytes] | None:
        row = self._conn.execute("SELECT seq, fingerprint, data FROM checkpoints WHERE name = ?", (name,)).fetchone()
        return None if row is None else (row[0], row[1], bytes(row[2]))

    def put_checkpoint(self, name: str, seq: int, fingerprint: str, data: bytes | None) -> None:
        if data is None:
            self._conn.execute("DELETE FROM checkpoints WHERE name = ?", (name,))
            return
        self._conn.execute(
            "INSERT OR REPLACE INTO checkpoints(name, seq, fingerprint, data, saved_at) VALUES (?, ?, ?, ?, ?)",
            (name, seq, fingerprint, data, now()),
        )

    def get_article(self, article_id: str) -> Article | None:
        row = self._conn.execute(
            select_articles() + " WHERE a.id = ? OR a.user_id = ? ORDER BY a.id = ? DESC, a.seq LIMIT 1",
            (article_id, article_id, article_id),
        ).fetchone()
        return None if row is None else self._article(row[:-1], row[-1], False)

    def user_ids(self) -> dict[str, str]:
        """Store id -> the id the user's input gave the article."""
        return dict(self._conn.execute("SELECT id, user_id FROM articles").fetchall())

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles matching an FTS5 query on title and text, best first."""
        rows = self._conn.execute(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 2.0, 1.0) LIMIT ?",
            (query, limit),
        ).fetchall()
        return [a for (aid,) in rows if (a := self.get_article(aid)) is not None]

    # ------------------------------------------------------------ dedupe index
    def add_dedupe_entry(self, article_id: str, digest: int, signature: bytes, passages: bytes) -> None:
        """Persist a stored article's dedupe index entry (joins the current transaction)."""
        self._conn.execute(
            "INSERT OR REPLACE INTO dedupe_index(seq, digest, signature, passages) "
            "SELECT seq, ?, ?, ? FROM articles WHERE id = ?",
            (digest, signature, passages, article_id),
        )

    def dedupe_window(self, limit: int) -> Iterator[tuple[Article, int | None, bytes | None, bytes | None]]:
        """The last ``limit`` stored articles, oldest first, each with its persisted (digest, signature,
        passages), or three Nones when it has none (stored before migration 2, or pruned)."""
        rows = self._conn.execute(
            "SELECT a.id, a.outlet, a.origin, a.duplicate_of, d.digest, d.signature, d.passages, "
            "CASE WHEN d.seq IS NULL THEN a.text END "
            "FROM (SELECT * FROM articles ORDER BY seq DESC LIMIT ?) a LEFT JOIN dedupe_index d ON d.seq = a.seq "
            "ORDER BY a.seq",
            (max(0, limit),),
        )
        for aid, outlet, origin, duplicate_of, digest, sig, passages, text in rows:
            art = Article(id=aid, text=text or "", outlet=outlet, origin=origin, duplicate_of=duplicate_of)
            yield art, digest, sig, passages

    def prune_dedupe(self, keep: int) -> None:
        """Drop dedupe index rows the window of the newest ``keep`` articles no longer needs.

        Why by ``seq`` arithmetic with twice the slack, not an exact count: it is a range delete on
        the primary key, cheap in every batch's transaction, and keeps the table under ``2 * keep``
        rows plus gaps. A row pruned too eagerly would only be re-hashed from its text.
        """
        self._conn.execute(
            "DELETE FROM dedupe_index WHERE seq < (SELECT max(seq) FROM dedupe_index) - ?", (2 * max(1, keep),)
        )

    # ------------------------------------------------------------ stories
    def set_story(self, article_id: str, story_id: str, title: str = "") -> None:
        self._conn.execute(
            "INSERT INTO stories(id, title, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at",
            (story_id, title, now()),
        )
        self._conn.execute(
            "INSERT OR REPLACE INTO story_members(article_id, story_id) VALUES (?, ?)", (article_id, story_id)
        )

    def replace_stories(self, stories: Iterable[Story]) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM story_members")
            self._conn.execute("DELETE FROM stories")
            stamp = now()
            for s in stories:
                self._conn.execute(
                    "INSERT INTO stories(id, title, updated_at) VALUES (?, ?, ?)", (s.id, s.title, stamp)
                )
                self._conn.executemany(
                    "INSERT OR REPLACE INTO story_members(article_id, story_id) VALUES (?, ?)",
                    [(a, s.id) for a in s.articles],
                )

    def stories(self) -> list[Story]:
        titles = dict(self._conn.execute("SELECT id, title FROM stories").fetchall())
        members: dict[str, list[str]] = {}
        for sid, aid in self._conn.execute(
            "SELECT m.story_id, m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id ORDER BY a.seq"
        ):
            members.setdefault(sid, []).append(aid)
        return [Story(id=sid, articles=ids, title=titles.get(sid, "")) for sid, ids in members.items()]

    # ------------------------------------------------------------ misc
    def embedding_cache(self, model: str) -> MutableMapping[str, np.ndarray]:
        return EmbeddingCache(self._conn, model)

    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self._conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def stats(self) -> dict[str, Any]:
        return store_stats(self._conn, self.schema_version)

    def count(self, what: str) -> int:
        return store_count(self._conn, what)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
