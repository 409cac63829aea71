"""JSON that APIs and feed formats write: a wrapped list of articles, JSON Feed, schema.org field names."""

from __future__ import annotations

import json
from pathlib import Path

import newsprism
from newsprism.errors import InputError

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _demo() -> list[tuple[str, str]]:
    out = []
    for p in sorted(DEMO.glob("*.txt"))[:3]:
        title, _, body = p.read_text(encoding="utf-8").strip().partition("\n")
        out.append((title.strip(), body.strip()))
    return out


def test_a_newsapi_response_is_read_as_its_articles(tmp_path: Path):
    response = {
        "status": "ok",
        "totalResults": 3,
        "articles": [
            {
                "source": {"id": None, "name": f"Outlet {n}"},
                "author": "Jane Doe",
                "title": title,
                "description": body[:80],
                "url": f"https://outlet{n}.example/xi",
                "urlToImage": None,
                "publishedAt": "2023-03-17T10:00:00Z",
                "content": body,
            }
            for n, (title, body) in enumerate(_demo())
        ],
    }
    path = tmp_path / "everything.json"
    path.write_text(json.dumps(response), encoding="utf-8")
    errors: list[InputError] = []
    articles = newsprism.clean([path], on_error=errors.append)
    assert not errors
    assert [a.source for a in articles] == [f"{path}[0]", f"{path}[1]", f"{path}[2]"]
    assert [a.outlet for a in articles] == ["Outlet 0", "Outlet 1", "Outlet 2"]
    assert all(a.published == "2023-03-17T10:00:00Z" and a.authors == ["Jane Doe"] for a in articles)


def test_a_json_feed_is_read_with_its_html_and_dates(tmp_path: Path):
    (t1, b1), (t2, b2), _ = _demo()
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Ledger",
        "items": [
            {
                "id": "1",
                "url": "https://ledger.example/1",
                "title": t1,
                "content_html": "".join(f"<p>{p}</p>" for p in b1.split("\n") if p.strip()),
                "date_published": "2023-03-17T10:00:00+01:00",
                "authors": [{"name": "Mara Lindqvist"}],
            },
            {"id": "2", "title": t2, "content_text": b2, "date_published": "2023-03-18"},
        ],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    a, b = newsprism.clean([path])
    assert (a.id, a.published, a.authors, a.url) == (
        "1",
        "2023-03-17T10:00:00+01:00",
        ["Mara Lindqvist"],
        feed["items"][0]["url"],
    )
    assert "<p>" not in a.text and b1.split("\n")[0].strip()[:40] in a.text
    assert (b.id, b.published) == ("2", "2023-03-18")


def test_schema_org_news_article_fields(tmp_path: Path):
    (title, body), *_ = _demo()
    path = tmp_path / "ld.json"
    path.write_text(
        json.dumps({"@type": "NewsArticle", "headline": title, "articleBody": body, "datePublished": "2023-03-17"}),
        encoding="utf-8",
    )
    (art,) = newsprism.clean([path])
    assert (art.title, art.published) == (title, "2023-03-17")


def test_an_object_with_two_lists_is_still_one_record_and_named(tmp_path: Path):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"a": [{"text": "x"}], "b": [{"text": "y"}]}), encoding="utf-8")
    errors: list[InputError] = []
    assert newsprism.clean([path], on_error=errors.append) == []
    assert [str(e) for e in errors] == [f"{path}: record has neither 'text' nor 'html'"]
