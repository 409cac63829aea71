"""SQLite store: one file, WAL journal, numbered migrations, FTS5 search.

Why WAL with ``synchronous=NORMAL``: a committed transaction survives the process being killed
(it is in the WAL, which the next open replays); only a power cut can lose the last commits,
never corrupt the file. Readers (``newsprism stats``) never block the ingesting writer.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsprism.errors import StoreError
from newsprism.model import Article
from newsprism.store._rows import article_from_row, now, select_articles
from newsprism.store.sql import SQLStore

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


def path_of(url: str) -> str:
    """``sqlite:///abs/path.db``, ``sqlite:rel.db`` or a plain path → the file path (``:memory:`` kept)."""
    if url.startswith("sqlite:///"):
        return "/" + url[len("sqlite:///") :]
    if url.startswith("sqlite://"):
        return url[len("sqlite://") :] or ":memory:"
    if url.startswith("sqlite:"):
        return url[len("sqlite:") :]
    return url


class SQLiteStore(SQLStore):
    """The default store. Not shared across threads; open one per worker."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = path_of(url)
        if self.path != ":memory:":
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror or exc})") from exc
        self._depth = 0
        self._lock = threading.RLock()
        # Why caught: a --db that is a folder, a text file or a damaged file raised sqlite3's bare 'unable to
        # open database file' / 'file is not a database' as a traceback that did not say which file.
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            why = "it is a folder" if Path(self.path).is_dir() else str(exc)
            raise StoreError(f"{self.path}: cannot open the SQLite store ({why})") from exc
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA busy_timeout=30000")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{self.path}: not a newsprism SQLite store ({exc})") from exc
        except BaseException:
            self._conn.close()
            raise

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
            raise StoreError(
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

    # ------------------------------------------------------------ what SQLite does its own way
    def articles(self, *, replay: bool = False, after_seq: int = 0) -> Iterator[Article]:
        cur = self._conn.execute(select_articles() + " WHERE a.seq > ? ORDER BY a.seq", (after_seq,))
        for row in cur:
            yield article_from_row(row[:-1], row[-1], replay)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles matching an FTS5 query on title and text, best first."""
        rows = self._all(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 2.0, 1.0) LIMIT ?",
            (query, limit),
        )
        return [a for (aid,) in rows if (a := self.get_article(aid)) is not None]
