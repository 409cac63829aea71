"""What the SQL stores share: one column list, one Article <-> row mapping, one clock, the embeddings
cache and the stats counts.

Why shared: the SQLite and PostgreSQL stores must give back exactly the same Article, vectors and
counts for the same input; keeping that in one place makes it true by construction. Statements are
written with ``?`` placeholders; a store whose driver wants ``%s`` passes ``paramstyle="format"``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

import numpy as np

from newsprism.model import Article

COLUMNS = (
    "id, user_id, source, title, text, url, outlet, authors, published, updated, language, credits, origin, "
    "duplicate_of, user_story"
)
N_INSERT = len(COLUMNS.split(",")) + 1  # the columns plus added_at
_RECORD_SUFFIX = re.compile(r"(:\d+|\[\d+\]|#\d+)$")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def select_articles() -> str:
    """Articles with their story (if any): ``… FROM articles a LEFT JOIN story_members m``."""
    cols = ", ".join(f"a.{c.strip()}" for c in COLUMNS.split(","))
    return f"SELECT {cols}, m.story_id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id"


def article_params(article: Article, user_id: str, user_story: str | None) -> tuple:
    """The INSERT values for ``COLUMNS, added_at``."""
    return (
        article.id,
        user_id,
        article.source,
        article.title or "",
        article.text,
        article.url,
        article.outlet,
        json.dumps(article.authors, ensure_ascii=False),
        article.published,
        article.updated,
        article.language,
        json.dumps(article.credits, ensure_ascii=False),
        article.origin,
        article.duplicate_of,
        user_story,
        now(),
    )


def article_from_row(row: tuple, story: str | None, replay: bool) -> Article:
    """A row of ``select_articles()`` minus its story column; ``replay`` gives the user's story, not ours."""
    (aid, _uid, source, title, text, url, outlet, authors, published, updated, language, credits, origin,
     duplicate_of, user_story) = row  # fmt: skip
    return Article(
        id=aid,
        text=text,
        title=title,
        source=source,
        url=url,
        outlet=outlet,
        authors=json.loads(authors),
        published=published,
        updated=updated,
        language=language,
        credits=json.loads(credits),
        origin=origin,
        duplicate_of=duplicate_of,
        story=user_story if replay else (story or user_story),
    )


def count_sources(sources: Iterable[str]) -> int:
    """Distinct input files or URLs (a record's ``file:3``, ``file[2]``, ``file#5`` count as ``file``)."""
    return len({_RECORD_SUFFIX.sub("", s) for s in sources})


def adapt_sql(statement: str, paramstyle: str) -> str:
    """A statement written with ``?`` placeholders, for a driver of ``paramstyle`` (``format``: ``%s``)."""
    return statement.replace("?", "%s") if paramstyle == "format" else statement


class EmbeddingCache(MutableMapping[str, np.ndarray]):
    """The embeddings table for one model as a mapping ``text sha1 -> float32 vector``.

    Why per model: two embedders' vectors for the same text are unrelated. ``conn`` is the store's
    connection (``sqlite3`` or ``psycopg``: both have ``execute``), so writes join its transaction.
    """

    def __init__(self, conn: Any, model: str, paramstyle: str = "qmark") -> None:
        self.conn = conn
        self.model = model
        self.paramstyle = paramstyle

    def _run(self, statement: str, params: tuple) -> Any:
        return self.conn.execute(adapt_sql(statement, self.paramstyle), params)

    def __getitem__(self, key: str) -> np.ndarray:
        row = self._run(
            "SELECT dim, vector FROM embeddings WHERE model = ? AND text_hash = ?", (self.model, key)
        ).fetchone()
        if row is None:
            raise KeyError(key)
        return np.frombuffer(bytes(row[1]), dtype=np.float32, count=row[0]).copy()

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __setitem__(self, key: str, value: np.ndarray) -> None:
        vec = np.asarray(value, dtype=np.float32).ravel()
        self._run(
            "INSERT INTO embeddings(model, text_hash, dim, vector) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (model, text_hash) DO UPDATE SET dim = excluded.dim, vector = excluded.vector",
            (self.model, key, int(vec.size), vec.tobytes()),
        )

    def __delitem__(self, key: str) -> None:
        if self._run("DELETE FROM embeddings WHERE model = ? AND text_hash = ?", (self.model, key)).rowcount == 0:
            raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(
            [r[0] for r in self._run("SELECT text_hash FROM embeddings WHERE model = ?", (self.model,)).fetchall()]
        )

    def __len__(self) -> int:
        return self._run("SELECT count(*) FROM embeddings WHERE model = ?", (self.model,)).fetchone()[0]


_COUNTS = {
    "articles": "SELECT count(*) FROM articles",
    "stories": "SELECT count(DISTINCT story_id) FROM story_members",
}


def store_count(conn: Any, what: str) -> int:
    """One count ('articles' or 'stories') without the rest of :func:`store_stats` (which scans sources)."""
    if what not in _COUNTS:
        raise ValueError(f"cannot count {what!r}: choose one of {', '.join(_COUNTS)}")
    return int(conn.execute(_COUNTS[what]).fetchone()[0])


def store_stats(conn: Any, schema_version: int) -> dict[str, Any]:
    """The counts ``newsprism stats`` prints, the same statements on every SQL backend."""

    def one(statement: str) -> int:
        return conn.execute(statement).fetchone()[0]

    return {
        "articles": store_count(conn, "articles"),
        "stories": store_count(conn, "stories"),
        "sources": count_sources(s for (s,) in conn.execute("SELECT DISTINCT source FROM articles").fetchall()),
        "outlets": one("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
        "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "inputs": one("SELECT count(*) FROM inputs"),
        "input_errors": one("SELECT count(*) FROM inputs WHERE status = 'error'"),
        "embeddings": one("SELECT count(*) FROM embeddings"),
        "schema_version": schema_version,
    }
