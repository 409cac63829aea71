"""The web app without a browser: pages, search, JSON API against the schema, escaping, upload limits.

Runs on a temp store filled with the demo corpus plus one hostile article, with the deterministic
``hash`` embedder and ``regex`` NLP backends so it stays fast.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from newsprism import api
from newsprism.web import create_app
from newsprism.web.app import MAX_UPLOAD_BYTES, _upload_suffix
from newsprism.web.queries import fts_query

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = {
    "id": "hostile",
    "title": 'Putin <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> visit',
    "outlet": '<b onmouseover="window.__pwned = 3">Evil Times</b>',
    "url": "javascript:window.__pwned = 4",
    "published": "2023-03-20",
    "text": (
        "Chinese leader Xi Jinping arrived in Moscow on Monday for talks with Vladimir Putin. "
        "<script>window.__pwned = 5</script> The visit was called a trip for peace. "
        '<a href="javascript:window.__pwned = 6">Read more</a> and <img src=x onerror="window.__pwned = 7">.\n\n'
        "Ukraine's foreign minister Dmytro Kuleba spoke with China's foreign minister Qin Gang about the war."
    ),
}


class _ById(HTMLParser):
    """Collects the text inside the element with a given id, nested elements included."""

    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted, self.depth, self.found, self.parts = wanted, 0, False, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif dict(attrs).get("id") == self.wanted:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def element_text(html: str, element_id: str) -> str | None:
    parser = _ById(element_id)
    parser.feed(html)
    return "".join(parser.parts) if parser.found else None


def fill_store(db: Path, demo_dir: Path, embedder: str) -> None:
    """The demo corpus plus the hostile article, ingested through the public API."""
    hostile = db.parent / "hostile.json"
    hostile.write_text(json.dumps(HOSTILE), encoding="utf-8")
    report = api.ingest([demo_dir, hostile], db, embedder=embedder)
    hostile.unlink()
    assert report.added == 6, report


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> TestClient:
    db = tmp_path_factory.mktemp("web") / "store" / "news.db"
    db.parent.mkdir()
    fill_store(db, demo_dir, "hash")
    with TestClient(create_app(db, embedder="hash", nlp="regex")) as c:
        yield c


def _hostile_id(client: TestClient) -> str:
    data = client.get("/api/stories", params={"q": "trip for peace Qin Gang"}).json()
    for story in data["stories"]:
        for aid in _story_article_ids(client, story["id"]):
            if "__pwned" in client.get(f"/api/articles/{aid}").json()["title"]:
                return aid
    raise AssertionError("hostile article not found")


def _story_article_ids(client: TestClient, story_id: str) -> list[str]:
    return client.get(f"/api/stories/{story_id}").json()["stories"][0]["articles"]


def test_story_list_orders_and_counts(client: TestClient) -> None:
    newest = client.get("/api/stories").json()
    covered = client.get("/api/stories", params={"order": "covered"}).json()
    assert newest["total"] == len(newest["stories"]) >= 1
    assert sorted(s["id"] for s in newest["stories"]) == sorted(s["id"] for s in covered["stories"])
    outlets = [s["outlets"] for s in covered["stories"]]
    assert outlets == sorted(outlets, reverse=True)
    assert sum(s["articles"] for s in newest["stories"]) == 6
    page = client.get("/", params={"order": "covered"})
    assert page.status_code == 200 and page.text.count('class="story-item"') == len(newest["stories"])
    assert client.get("/api/stories", params={"order": "sideways"}).status_code == 422


def test_search_uses_fts_and_survives_query_syntax(client: TestClient) -> None:
    hits = client.get("/api/stories", params={"q": "Kuleba"}).json()["stories"]
    assert hits
    page = client.get("/", params={"q": "Kuleba"})
    assert page.status_code == 200 and "<mark>Kuleba</mark>" in page.text
    for nasty in ('"', "AND(*", "NEAR(x y", "-", "'; DROP TABLE articles; --", "*"):
        assert client.get("/", params={"q": nasty}).status_code == 200
        assert client.get("/api/stories", params={"q": nasty}).status_code == 200
    assert fts_query('Xi "Putin" AND(') == '"Xi" "Putin" "AND"*'
    assert fts_query("  ()  ") is None


def test_story_json_validates_against_published_schema(client: TestClient) -> None:
    schema = json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))
    for story in client.get("/api/stories").json()["stories"]:
        data = client.get(f"/api/stories/{story['id']}").json()
        jsonschema.validate(data, schema)
        assert data["stories"][0]["id"] == story["id"]
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories/nope").json()["detail"]


def test_story_page_citations_open_the_cited_sentence(client: TestClient) -> None:
    story = client.get("/api/stories", params={"order": "covered"}).json()["stories"][0]
    brief = client.get(f"/api/stories/{story['id']}").json()["stories"][0]
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    assert str(escape(brief["title"])) in page.text
    links = re.findall(r'class="cite" href="([^"]+)"', page.text)
    assert links, "no citation links on the story page"
    checked = 0
    for href in links[:10]:
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        q = parse_qs(parts.query)
        if "start" not in q:
            continue
        start, end = int(q["start"][0]), int(q["end"][0])
        aid = parts.path.rsplit("/", 1)[-1]
        text = client.get(f"/api/articles/{aid}").json()["text"]
        art = client.get(href)
        assert art.status_code == 200 and parts.fragment == "hl"
        assert element_text(art.text, "hl") == text[start:end], href
        checked += 1
    assert checked


def test_hostile_article_renders_as_text(client: TestClient) -> None:
    aid = _hostile_id(client)
    pages = [client.get(f"/articles/{aid}"), client.get(f"/articles/{aid}", params={"start": 0, "end": 20})]
    sid = client.get(f"/api/articles/{aid}").json()["story"]
    pages += [
        client.get(f"/stories/{sid}"),
        client.get(f"/stories/{sid}/report.html"),
        client.get("/", params={"q": "pwned"}),
    ]
    for resp in pages:
        assert resp.status_code == 200, resp.url
        html = resp.text
        assert "<script" not in html, resp.url
        assert "<img src=x" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
        assert 'href="javascript:' not in html and "<b onmouseover" not in html, resp.url
        csp = resp.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in pages[0].text
    # the pasted javascript: URL is never a link, on the article page or in the story's source list
    assert "javascript:window.__pwned = 4" in pages[0].text
    assert not re.search(r'href="[^"]*javascript', pages[2].text)


def test_article_api_and_bad_ranges(client: TestClient) -> None:
    aid = _hostile_id(client)
    data = client.get(f"/api/articles/{aid}").json()
    assert data["outlet"] == HOSTILE["outlet"] and data["story"]
    assert client.get("/api/articles/does-not-exist").status_code == 404
    page = client.get(f"/articles/{aid}", params={"start": 5, "end": 10**9})
    assert page.status_code == 200 and "outside this article" in page.text
    assert client.get(f"/articles/{aid}", params={"start": "x"}).status_code == 422
    assert client.get("/articles/does-not-exist").status_code == 404


def test_add_pasted_article_appears_in_its_story_and_search(client: TestClient) -> None:
    text = (
        "Xi Jinping and Vladimir Putin signed a joint statement in the Kremlin on Tuesday, the zebrafinch "
        "correspondent reported. The two leaders discussed the war in Ukraine and energy exports."
    )
    resp = client.post(
        "/add",
        data={"title": "Xi and Putin sign statement", "outlet": "Test Wire", "published": "2023-03-21", "text": text},
    )
    assert resp.status_code == 200 and "1 article stored" in resp.text
    assert "Xi and Putin sign statement" in resp.text
    hits = client.get("/api/stories", params={"q": "zebrafinch"}).json()["stories"]
    assert len(hits) == 1
    again = client.post(
        "/add",
        data={"title": "Xi and Putin sign statement", "outlet": "Test Wire", "published": "2023-03-21", "text": text},
    )
    assert again.status_code == 200  # the same submission twice stores nothing new
    assert (
        client.get("/api/stories", params={"q": "zebrafinch"}).json()["stories"][0]["articles"] == hits[0]["articles"]
    )


def test_add_requires_input_and_refuses_non_http_urls(client: TestClient) -> None:
    assert client.post("/add", data={"title": "empty"}).status_code == 422
    for url in ("file:///etc/passwd", "/etc/passwd", "javascript:alert(1)", "ftp://example.org/x"):
        resp = client.post("/add", data={"url": url})
        assert resp.status_code == 422 and "http:// or https://" in resp.text, url
        assert "root:" not in resp.text


def test_url_submission_goes_through_the_ssrf_safe_fetcher(client: TestClient) -> None:
    before = client.get("/api/stories").json()
    resp = client.post("/add", data={"url": "http://127.0.0.1:9/private"})
    assert resp.status_code == 422 and "Nothing was stored" in resp.text
    assert client.get("/api/stories").json() == before


def test_upload_over_the_size_limit_is_413(client: TestClient) -> None:
    big = b"a" * (MAX_UPLOAD_BYTES + 1)
    resp = client.post("/add", files={"files": ("big.txt", big, "text/plain")})
    assert resp.status_code == 413 and "limit" in resp.text
    resp = client.post(
        "/add",
        files=[("files", (f"f{i}.txt", b"a" * 2**20, "text/plain")) for i in range(5)]
        + [("files", ("huge.txt", b"b" * (30 * 2**20), "text/plain"))],
    )
    assert resp.status_code == 413


def test_upload_filenames_never_become_paths(client: TestClient, tmp_path: Path) -> None:
    store_dir = Path(client.app.state.db).parent
    outside = store_dir.parent
    before = {p for p in outside.rglob("*")}
    body = (
        "Russian and Chinese officials met in Moscow on Wednesday to discuss trade, "
        "the quokkaharbour desk reported, as Xi Jinping ended his visit to Russia."
    )
    names = ["../../escaped.txt", "/etc/cron.d/evil.txt", "..\\..\\win.txt", "....//x.json.txt"]
    resp = client.post(
        "/add", files=[("files", (n, (body + f" Item {i}.").encode(), "text/plain")) for i, n in enumerate(names)]
    )
    assert resp.status_code == 200 and f"{len(names)} articles stored" in resp.text
    after = {p for p in outside.rglob("*")}
    created = {p for p in after - before if not p.is_relative_to(store_dir)}
    assert not created, created
    assert not (store_dir / ".newsprism-inbox").exists() or not any((store_dir / ".newsprism-inbox").iterdir())
    assert not Path("/etc/cron.d/evil.txt").exists()
    assert _upload_suffix("../../a.HTML") == ".html" and _upload_suffix("x.jsonl.gz") == ".jsonl.gz"
    assert _upload_suffix("noext") == ".txt" and _upload_suffix(None) == ".txt"


def test_openapi_docs_list_the_json_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_article_page_shows_the_update_stamp_when_no_date_is_given(client: TestClient) -> None:
    """The demo's first article gives only 'UPDATED at 10:30 EST on 3/20/2023': its page says so."""
    data = client.get("/api/stories", params={"q": "trip for peace"}).json()
    found = []
    for story in data["stories"]:
        for aid in _story_article_ids(client, story["id"]):
            art = client.get(f"/api/articles/{aid}").json()
            if art.get("updated") and not art.get("published"):
                found.append((aid, art["updated"]))
    assert found, "no stored demo article with only an update stamp"
    aid, updated = found[0]
    assert f"updated {updated[:10]}" in client.get(f"/articles/{aid}").text
