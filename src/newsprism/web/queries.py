"""Read queries the web app needs and the store does not offer, on the store's own connection.

Why here and not in the store: they are shaped for pages (story lists with outlet counts, search hits
with snippets); the store keeps the small, backend-neutral contract. Both stores share one schema, so
each query is written once; :class:`Db` carries the few dialect differences (placeholders, string
aggregation, full-text search: FTS5 in SQLite, a ``tsvector`` in PostgreSQL).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from newsprism.model import Article

ORDERS = ("newest", "covered")

_OUTLET = "coalesce(a.outlet, 'unknown:' || a.id)"


@dataclass
class StoryRow:
    """One line of the story list."""

    id: str
    title: str
    articles: int
    outlets: int
    outlet_names: list[str]
    latest: str | None
    added: str
    hits: list[SearchHit] = field(default_factory=list)


@dataclass
class SearchHit:
    article: str
    title: str
    outlet: str | None
    published: str | None
    story: str | None
    snippet: Markup


class Db:
    """A store's connection and the SQL dialect it speaks (``sqlite`` or ``postgres``)."""

    def __init__(self, conn: Any, dialect: str) -> None:
        self.conn, self.dialect = conn, dialect

    def all(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.dialect == "postgres":
            sql = sql.replace("?", "%s")
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple = ()) -> tuple | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def outlet_list(self, column: str) -> str:
        """Distinct values of ``column`` joined by commas."""
        if self.dialect == "postgres":
            return f"string_agg(DISTINCT {column}, ',')"
        return f"group_concat(DISTINCT {column})"


def conn_of(store: object) -> Db:
    """The store's own connection (the web app reads through the same one the store writes with)."""
    conn = getattr(store, "_conn", None)
    if isinstance(conn, sqlite3.Connection):
        return Db(conn, "sqlite")
    if type(conn).__module__.startswith("psycopg"):
        return Db(conn, "postgres")
    raise TypeError(f"the web app reads SQLite and PostgreSQL stores, not {type(store).__name__}")


def _rows(conn: Db, where: str, params: tuple, order: str, limit: int, offset: int) -> list[StoryRow]:
    order_by = {
        # aggregates, not output names: PostgreSQL takes an output name only on its own in ORDER BY
        "newest": "coalesce(max(a.published), max(a.added_at)) DESC, max(a.added_at) DESC, s.id",
        "covered": f"count(DISTINCT {_OUTLET}) DESC, count(*) DESC, max(a.published) DESC NULLS LAST, s.id",
    }[order]
    sql = f"""
        SELECT s.id, s.title, count(*), count(DISTINCT {_OUTLET}),
               {conn.outlet_list("a.outlet")}, max(a.published) AS latest,
               max(a.added_at) AS added,
               (SELECT a2.title FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
                 WHERE m2.story_id = s.id AND a2.title != '' ORDER BY a2.seq LIMIT 1)
        FROM stories s JOIN story_members m ON m.story_id = s.id JOIN articles a ON a.id = m.article_id
        {where}
        GROUP BY s.id ORDER BY {order_by} LIMIT ? OFFSET ?"""
    out = []
    for sid, title, n, outlets, names, latest, added, first_title in conn.all(sql, (*params, limit, offset)):
        out.append(
            StoryRow(
                sid,
                title or first_title or "Untitled story",
                n,
                outlets,
                sorted(set((names or "").split(","))) if names else [],
                latest,
                added,
            )
        )
    return out


def list_stories(conn: Db, order: str = "newest", limit: int = 50, offset: int = 0) -> list[StoryRow]:
    """Stories with article and outlet counts: newest first, or most covered (distinct outlets) first."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    return _rows(conn, "", (), order, limit, offset)


def count_stories(conn: Db) -> int:
    return conn.one("SELECT count(DISTINCT story_id) FROM story_members")[0]


def story_row(conn: Db, story_id: str) -> StoryRow | None:
    rows = _rows(conn, "WHERE s.id = ?", (story_id,), "newest", 1, 0)
    return rows[0] if rows else None


def story_article_ids(conn: Db, story_id: str) -> list[str]:
    """Member ids in insertion order."""
    return [
        r[0]
        for r in conn.all(
            "SELECT a.id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY a.seq",
            (story_id,),
        )
    ]


def story_of(conn: Db, article_id: str) -> str | None:
    row = conn.one("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,))
    return row[0] if row else None


def articles_from_sources(conn: Db, sources: list[str]) -> list[str]:
    """Ids of articles read from these inputs (a file, a URL, or a record inside a JSON file)."""
    ids: list[str] = []
    for src in sources:
        for (aid,) in conn.all(
            "SELECT a.id FROM articles a WHERE a.source = ? OR a.source LIKE ? ESCAPE '\\' "
            "OR a.source LIKE ? ESCAPE '\\' UNION SELECT article_id FROM inputs WHERE source = ? AND article_id IS NOT NULL",
            (src, _like(src) + "[%", _like(src) + ":%", src),
        ):
            if aid not in ids:
                ids.append(aid)
    return ids


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_WORD = re.compile(r"\w+", re.UNICODE)


def _query_words(text: str) -> list[str]:
    """The words of a search box (at most 12); nothing of the query syntax survives."""
    return _WORD.findall(text)[:12]


def fts_query(text: str) -> str | None:
    """A user's words as a safe FTS5 query: each word quoted (AND), the last one also as a prefix.

    Why: raw user input is FTS5 syntax (``"``, ``AND``, ``NEAR(``, ``*``) and would raise or misread.
    """
    words = _query_words(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _snippet(raw: str) -> Markup:
    """FTS5 snippet with \x02…\x03 markers → escaped HTML with <mark>s."""
    return Markup(str(escape(raw)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def ts_query(text: str) -> str | None:
    """The same words as a PostgreSQL ``tsquery``: each word (AND), the last one also as a prefix."""
    words = _query_words(text)
    if not words:
        return None
    return " & ".join(f"'{w}'" for w in words) + ":*"


#: ts_headline options giving about the same snippet as FTS5's ``snippet(…, 14)``
_HEADLINE = "StartSel=\x02, StopSel=\x03, MaxWords=14, MinWords=6, MaxFragments=1, FragmentDelimiter=…"


def search(conn: Db, text: str, limit: int = 50) -> list[SearchHit]:
    """Articles whose title or text match ``text``, best first, with a highlighted snippet."""
    if conn.dialect == "postgres":
        query = ts_query(text)
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, m.story_id, ts_headline('simple', a.text, q, ?) "
            "FROM articles a CROSS JOIN to_tsquery('simple', ?) q LEFT JOIN story_members m ON m.article_id = a.id "
            "WHERE a.fts @@ q ORDER BY ts_rank(a.fts, q) DESC, a.seq LIMIT ?"
        )
        params: tuple = (_HEADLINE, query, limit)
    else:
        query = fts_query(text)
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, m.story_id, "
            "snippet(articles_fts, 1, char(2), char(3), '…', 14) "
            "FROM articles_fts f JOIN articles a ON a.seq = f.rowid LEFT JOIN story_members m ON m.article_id = a.id "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 2.0, 1.0) LIMIT ?"
        )
        params = (query, limit)
    if query is None:
        return []
    rows = conn.all(sql, params)
    return [SearchHit(aid, title, outlet, pub, sid, _snippet(snip)) for aid, title, outlet, pub, sid, snip in rows]


def count_search_stories(conn: Db, text: str) -> int:
    """How many stories hold an article matching ``text`` (the ``total`` of a search)."""
    if conn.dialect == "postgres":
        query = ts_query(text)
        sql = (
            "SELECT count(DISTINCT m.story_id) FROM articles a CROSS JOIN to_tsquery('simple', ?) q "
            "JOIN story_members m ON m.article_id = a.id WHERE a.fts @@ q"
        )
    else:
        query = fts_query(text)
        sql = (
            "SELECT count(DISTINCT m.story_id) FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
            "JOIN story_members m ON m.article_id = a.id WHERE articles_fts MATCH ?"
        )
    if query is None:
        return 0
    return conn.one(sql, (query,))[0]


def search_stories(conn: Db, text: str, limit: int = 50, offset: int = 0) -> list[StoryRow]:
    """Stories holding matching articles, in the order of their best hit, each with its hits; ``offset`` pages."""
    hits = search(conn, text, limit=(offset + limit) * 4)
    order: list[str] = []
    by_story: dict[str, list[SearchHit]] = {}
    for hit in hits:
        if hit.story is None:
            continue
        if hit.story not in by_story:
            order.append(hit.story)
        by_story.setdefault(hit.story, []).append(hit)
    out = []
    for sid in order[offset : offset + limit]:
        row = story_row(conn, sid)
        if row is not None:
            row.hits = by_story[sid]
            out.append(row)
    return out


def article_json(article: Article, story: str | None) -> dict:
    """The /api/articles shape: the model's fields plus the story the store put it in."""
    from newsprism.model import to_dict

    data = to_dict(article)
    data["story"] = story
    return data
