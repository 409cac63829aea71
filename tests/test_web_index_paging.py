"""The HTML story list pages a search like the listing: ``offset`` moves on and a "More" link leads there."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from newsprism import api
from newsprism.web import create_app

TOWNS = 56  # more than the page's 50 stories


def _article(i: int) -> dict:
    return {
        "id": f"bridge-{i}",
        "story": f"town-{i}",
        "outlet": f"Outlet {i}",
        "title": f"Bridge closed in town number {i}",
        "text": f"The old bridge of town number {i} closed on Monday for repairs, the council said. "
        f"Buses will take a longer route while the bridge is shut, said mayor {i}.",
    }


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    tmp = tmp_path_factory.mktemp("webpaging")
    src = tmp / "towns.jsonl"
    src.write_text("".join(json.dumps(_article(i)) + "\n" for i in range(TOWNS)), encoding="utf-8")
    api.ingest([src], tmp / "news.db", embedder="hash")
    with TestClient(create_app(tmp / "news.db", embedder="hash", nlp="regex")) as c:
        yield c


def _shown(html: str) -> list[str]:
    return re.findall(r'class="story-item" data-story="([^"]+)"', html)


def test_search_results_page_on_with_a_more_link(client: TestClient) -> None:
    first = client.get("/", params={"q": "bridge"})
    assert first.status_code == 200
    page1 = _shown(first.text)
    assert len(page1) == 50
    # Before: no "More" link on a search, and offset was ignored (the same 50 stories again).
    more = re.search(r'href="(/\?[^"]*offset=50[^"]*)">More stories', first.text)
    assert more, "no More link on the first page of a search"
    second = client.get(more.group(1).replace("&amp;", "&"))
    page2 = _shown(second.text)
    assert len(page2) == TOWNS - 50
    assert set(page1).isdisjoint(page2) and len(set(page1) | set(page2)) == TOWNS
    assert "More stories" not in second.text
    assert f"of {TOWNS}" in first.text and f"of {TOWNS}" in second.text


def test_listing_still_pages(client: TestClient) -> None:
    first = client.get("/")
    assert len(_shown(first.text)) == 50 and "offset=50" in first.text
    assert len(_shown(client.get("/", params={"offset": 50}).text)) == TOWNS - 50
