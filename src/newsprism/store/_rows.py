"""Row layout shared by the SQL stores: one column list, one Article <-> row mapping, one clock.

Why shared: the SQLite and PostgreSQL stores must give back exactly the same Article for the same
input; keeping the mapping in one place makes that true by construction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable

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
        article.id, user_id, article.source, article.title or "", article.text, article.url, article.outlet,
        json.dumps(article.authors, ensure_ascii=False), article.published, article.updated, article.language,
        json.dumps(article.credits, ensure_ascii=False), article.origin, article.duplicate_of, user_story, now(),
    )


def article_from_row(row: tuple, story: str | None, replay: bool) -> Article:
    """A row of ``select_articles()`` minus its story column; ``replay`` gives the user's story, not ours."""
    (aid, _uid, source, title, text, url, outlet, authors, published, updated, language, credits, origin,
     duplicate_of, user_story) = row  # fmt: skip
    return Article(
        id=aid, text=text, title=title, source=source, url=url, outlet=outlet, authors=json.loads(authors),
        published=published, updated=updated, language=language, credits=json.loads(credits), origin=origin,
        duplicate_of=duplicate_of, story=user_story if replay else (story or user_story),
    )


def count_sources(sources: Iterable[str]) -> int:
    """Distinct input files or URLs (a record's ``file:3``, ``file[2]``, ``file#5`` count as ``file``)."""
    return len({_RECORD_SUFFIX.sub("", s) for s in sources})
