"""The half of the SQL stores that does not depend on the database: every statement written once.

Why one class: the SQLite and PostgreSQL stores had the same twenty methods written twice, with
``INSERT OR REPLACE`` on one side and ``ON CONFLICT … DO UPDATE`` on the other. Both databases
speak the same upsert (SQLite since 3.24), so each statement is written here once, with ``?``
placeholders that a ``format``-style driver (psycopg) gets as ``%s``. A backend adds only what
really differs: connecting, migrating, transactions, streaming ``articles()`` and full-text search.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any, Self

import numpy as np

from newsprism.model import Article, Story
from newsprism.store._rows import (
    COLUMNS,
    N_INSERT,
    EmbeddingCache,
    adapt_sql,
    article_from_row,
    article_params,
    now,
    select_articles,
    store_count,
    store_stats,
)
from newsprism.store.base import SeenInput


class SQLStore:
    """Shared methods of the SQL stores; subclasses set ``_conn`` and ``paramstyle``."""

    paramstyle = "qmark"
    _conn: Any

    # ------------------------------------------------------------ sql helpers
    def _exec(self, sql: str, params: tuple = ()) -> Any:
        return self._conn.execute(adapt_sql(sql, self.paramstyle), params)

    def _one(self, sql: str, params: tuple = ()) -> Any:
        return self._exec(sql, params).fetchone()

    def _all(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self._exec(sql, params).fetchall()

    @property
    def schema_version(self) -> int:  # pragma: no cover - every backend defines it
        raise NotImplementedError

    # ------------------------------------------------------------ inputs
    def seen(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], SeenInput]:
        out: dict[tuple[str, str], SeenInput] = {}
        for source, key in keys:
            row = self._one(
                "SELECT status, article_id, problem FROM inputs WHERE source = ? AND key = ?", (source, key)
            )
            if row:
                out[(source, key)] = SeenInput(source, key, row[0], row[1], row[2])
        return out

    def record_input(
        self, source: str, key: str, status: str, article: str | None = None, problem: str | None = None
    ) -> None:
        self._exec(
            "INSERT INTO inputs(source, key, status, article_id, problem, seen_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (source, key) DO UPDATE SET status = excluded.status, article_id = excluded.article_id, "
            "problem = excluded.problem, seen_at = excluded.seen_at",
            (source, key, status, article, problem, now()),
        )

    # ------------------------------------------------------------ articles
    def add_article(self, article: Article, user_id: str, user_story: str | None = None) -> bool:
        """Store a new article; an id already stored is a no-op (returns False), any other failure raises."""
        cur = self._exec(
            f"INSERT INTO articles({COLUMNS}, added_at) VALUES ({', '.join('?' * N_INSERT)}) "
            "ON CONFLICT (id) DO NOTHING",
            article_params(article, user_id, user_story),
        )
        return cur.rowcount > 0

    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def last_seq(self) -> int:
        return int(self._one("SELECT coalesce(max(seq), 0) FROM articles")[0])

    def get_article(self, article_id: str) -> Article | None:
        """By store id, else by the id the user's input gave it (the first stored of those)."""
        row = self._one(
            select_articles() + " WHERE a.id = ? OR a.user_id = ? ORDER BY (a.id = ?) DESC, a.seq LIMIT 1",
            (article_id, article_id, article_id),
        )
        return None if row is None else article_from_row(row[:-1], row[-1], False)

    def user_ids(self) -> dict[str, str]:
        """Store id -> the id the user's input gave the article."""
        return dict(self._all("SELECT id, user_id FROM articles"))

    # ------------------------------------------------------------ checkpoints
    def get_checkpoint(self, name: str) -> tuple[int, str, bytes] | None:
        row = self._one("SELECT seq, fingerprint, data FROM checkpoints WHERE name = ?", (name,))
        return None if row is None else (int(row[0]), row[1], bytes(row[2]))

    def put_checkpoint(self, name: str, seq: int, fingerprint: str, data: bytes | None) -> None:
        if data is None:
            self._exec("DELETE FROM checkpoints WHERE name = ?", (name,))
            return
        self._exec(
            "INSERT INTO checkpoints(name, seq, fingerprint, data, saved_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, fingerprint = excluded.fingerprint, "
            "data = excluded.data, saved_at = excluded.saved_at",
            (name, seq, fingerprint, data, now()),
        )

    # ------------------------------------------------------------ dedupe index
    def add_dedupe_entry(self, article_id: str, digest: int, signature: bytes, passages: bytes) -> None:
        """Persist a stored article's dedupe index entry (joins the current transaction)."""
        self._exec(
            "INSERT INTO dedupe_index(seq, digest, signature, passages) SELECT seq, ?, ?, ? FROM articles "
            "WHERE id = ? ON CONFLICT (seq) DO UPDATE SET digest = excluded.digest, signature = excluded.signature, "
            "passages = excluded.passages",
            (int(digest), signature, passages, article_id),
        )

    def dedupe_window(self, limit: int) -> Iterator[tuple[Article, int | None, bytes | None, bytes | None]]:
        """The last ``limit`` stored articles, oldest first, each with its persisted (digest, signature,
        passages), or three Nones when it has none (stored before migration 2, or pruned)."""
        rows = self._all(
            "SELECT a.id, a.outlet, a.origin, a.duplicate_of, d.digest, d.signature, d.passages, "
            "CASE WHEN d.seq IS NULL THEN a.text END "
            "FROM (SELECT * FROM articles ORDER BY seq DESC LIMIT ?) a LEFT JOIN dedupe_index d ON d.seq = a.seq "
            "ORDER BY a.seq",
            (max(0, limit),),
        )
        for aid, outlet, origin, duplicate_of, digest, sig, passages, text in rows:
            art = Article(id=aid, text=text or "", outlet=outlet, origin=origin, duplicate_of=duplicate_of)
            yield art, digest, None if sig is None else bytes(sig), None if passages is None else bytes(passages)

    def prune_dedupe(self, keep: int) -> None:
        """Drop dedupe index rows the window of the newest ``keep`` articles no longer needs.

        Why by ``seq`` arithmetic with twice the slack, not an exact count: it is a range delete on
        the primary key, cheap in every batch's transaction, and keeps the table under ``2 * keep``
        rows plus gaps. A row pruned too eagerly would only be re-hashed from its text.
        """
        self._exec("DELETE FROM dedupe_index WHERE seq < (SELECT max(seq) FROM dedupe_index) - ?", (2 * max(1, keep),))

    # ------------------------------------------------------------ stories
    _MEMBER = (
        "INSERT INTO story_members(article_id, story_id) VALUES (?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id"
    )

    def set_story(self, article_id: str, story_id: str, title: str = "") -> None:
        self._exec(
            "INSERT INTO stories(id, title, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at",
            (story_id, title, now()),
        )
        self._exec(self._MEMBER, (article_id, story_id))

    def replace_stories(self, stories: Iterable[Story]) -> None:
        with self.transaction():
            self._exec("DELETE FROM story_members")
            self._exec("DELETE FROM stories")
            stamp = now()
            member = adapt_sql(self._MEMBER, self.paramstyle)
            cur = self._conn.cursor()
            try:
                for s in stories:
                    self._exec("INSERT INTO stories(id, title, updated_at) VALUES (?, ?, ?)", (s.id, s.title, stamp))
                    cur.executemany(member, [(a, s.id) for a in s.articles])
            finally:
                cur.close()

    def stories(self) -> list[Story]:
        titles = dict(self._all("SELECT id, title FROM stories"))
        members: dict[str, list[str]] = {}
        for sid, aid in self._all(
            "SELECT m.story_id, m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id ORDER BY a.seq"
        ):
            members.setdefault(sid, []).append(aid)
        return [Story(id=sid, articles=ids, title=titles.get(sid, "")) for sid, ids in members.items()]

    # ------------------------------------------------------------ misc
    def transaction(self) -> Any:  # pragma: no cover - every backend defines it
        raise NotImplementedError

    def embedding_cache(self, model: str) -> MutableMapping[str, np.ndarray]:
        return EmbeddingCache(self._conn, model, paramstyle=self.paramstyle)

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self._exec("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._exec(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def stats(self) -> dict[str, Any]:
        return store_stats(self._conn, self.schema_version)

    def count(self, what: str) -> int:
        return store_count(self._conn, what)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
