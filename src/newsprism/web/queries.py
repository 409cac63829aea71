"""Read queries the web app needs and the store does not offer, on the store's own SQLite connection.

Why here and not in the store: they are shaped for pages (story lists with outlet counts, search hits
with snippets); the store keeps the small, backend-neutral contract.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

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


def conn_of(store: object) -> sqlite3.Connection:
    """The store's SQLite connection (the web app reads through the same one the store writes with)."""
    conn = getattr(store, "_conn", None)
    if not isinstance(conn, sqlite3.Connection):
        raise TypeError("the web app needs the SQLite store")
    return conn


def _rows(conn: sqlite3.Connection, where: str, params: tuple, order: str, limit: int, offset: int) -> list[StoryRow]:
    order_by = {
        "newest": "coalesce(latest, added) DESC, added DESC, s.id",
        "covered": f"count(DISTINCT {_OUTLET}) DESC, count(*) DESC, latest DESC, s.id",
    }[order]
    sql = f"""
        SELECT s.id, s.title, count(*), count(DISTINCT {_OUTLET}),
               group_concat(DISTINCT a.outlet), max(a.published) AS latest,
               max(a.added_at) AS added,
               (SELECT a2.title FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
                 WHERE m2.story_id = s.id AND a2.title != '' ORDER BY a2.seq LIMIT 1)
        FROM stories s JOIN story_members m ON m.story_id = s.id JOIN articles a ON a.id = m.article_id
        {where}
        GROUP BY s.id ORDER BY {order_by} LIMIT ? OFFSET ?"""
    out = []
    for sid, title, n, outlets, names, latest, added, first_title in conn.execute(sql, (*params, limit, offset)):
        out.append(StoryRow(sid, title or first_title or "Untitled story", n, outlets,
                            sorted(set((names or "").split(","))) if names else [], latest, added))
    return out


def list_stories(conn: sqlite3.Connection, order: str = "newest", limit: int = 50, offset: int = 0) -> list[StoryRow]:
    """Stories with article and outlet counts: newest first, or most covered (distinct outlets) first."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    return _rows(conn, "", (), order, limit, offset)


def count_stories(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(DISTINCT story_id) FROM story_members").fetchone()[0]


def story_row(conn: sqlite3.Connection, story_id: str) -> StoryRow | None:
    rows = _rows(conn, "WHERE s.id = ?", (story_id,), "newest", 1, 0)
    return rows[0] if rows else None


def story_article_ids(conn: sqlite3.Connection, story_id: str) -> list[str]:
    """Member ids in insertion order."""
    return [r[0] for r in conn.execute(
        "SELECT a.id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY a.seq",
        (story_id,))]


def story_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def articles_from_sources(conn: sqlite3.Connection, sources: list[str]) -> list[str]:
    """Ids of articles read from these inputs (a file, a URL, or a record inside a JSON file)."""
    ids: list[str] = []
    for src in sources:
        for (aid,) in conn.execute(
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


def fts_query(text: str) -> str | None:
    """A user's words as a safe FTS5 query: each word quoted (AND), the last one also as a prefix.

    Why: raw user input is FTS5 syntax (``"``, ``AND``, ``NEAR(``, ``*``) and would raise or misread.
    """
    words = _WORD.findall(text)[:12]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _snippet(raw: str) -> Markup:
    """FTS5 snippet with \x02…\x03 markers → escaped HTML with <mark>s."""
    return Markup(str(escape(raw)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    """Articles whose title or text match ``text``, best first, with a highlighted snippet."""
    query = fts_query(text)
    if query is None:
        return []
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, m.story_id, "
        "snippet(articles_fts, 1, char(2), char(3), '…', 14) "
        "FROM articles_fts f JOIN articles a ON a.seq = f.rowid LEFT JOIN story_members m ON m.article_id = a.id "
        "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 2.0, 1.0) LIMIT ?",
        (query, limit),
    ).fetchall()
    return [SearchHit(aid, title, outlet, pub, sid, _snippet(snip)) for aid, title, outlet, pub, sid, snip in rows]


def search_stories(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[StoryRow]:
    """Stories holding matching articles, in the order of their best hit, each with its hits."""
    hits = search(conn, text, limit=limit * 4)
    order: list[str] = []
    by_story: dict[str, list[SearchHit]] = {}
    for hit in hits:
        if hit.story is None:
            continue
        if hit.story not in by_story:
            order.append(hit.story)
        by_story.setdefault(hit.story, []).append(hit)
    out = []
    for sid in order[:limit]:
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
