"""The web article page highlights the range a citation asks for, even where it crosses another cited span."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.web import create_app
from test_web import element_text, fill_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> TestClient:
    db = tmp_path_factory.mktemp("webhl") / "news.db"
    fill_store(db, demo_dir, "hash")
    with TestClient(create_app(db, embedder="hash", nlp="regex")) as c:
        yield c


def test_a_range_crossing_a_cited_sentence_is_the_highlight(client: TestClient) -> None:
    story = client.get("/api/stories", params={"order": "covered"}).json()["stories"][0]
    brief = client.get(f"/api/stories/{story['id']}").json()["stories"][0]
    assert client.get(f"/stories/{story['id']}").status_code == 200  # the brief's spans are now marked on articles
    fact = next(f for f in brief["facts"] if f["spans"])
    span = fact["spans"][0]
    text = client.get(f"/api/articles/{span['article']}").json()["text"]
    # A quote that opens inside this sentence and runs into the next, as quote citations do:
    start, end = span["start"] + 1, min(span["end"] + 40, len(text))
    assert end > span["end"]
    page = client.get(f"/articles/{span['article']}", params={"story": story["id"], "start": start, "end": end})
    assert page.status_code == 200 and 'href="#hl"' in page.text
    # Before: the range was folded into the sentence's mark, and the page's '#hl' pointed nowhere.
    assert element_text(page.text, "hl") == text[start:end]
