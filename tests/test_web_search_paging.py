"""The JSON story search pages like the listing: ``total`` is the number of matching stories, ``offset`` moves on."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism import api
from newsprism.web import create_app
from test_store_postgres import pg_server, store_url  # noqa: F401 - fixtures: SQLite and PostgreSQL

ARTICLES = [
    (
        "bridge-1",
        "bridge",
        "The Main Street bridge in Springfield closed on Monday for six months of repairs, "
        "the city council said. Mayor Ann Lee said buses would take a longer route while the bridge is shut.",
    ),
    (
        "bridge-2",
        "ferry",
        "A ferry will replace the old river bridge at Riverton next spring, the county said on "
        "Tuesday. Commuters said the crossing would add twenty minutes to their trip to work each day.",
    ),
    (
        "bridge-3",
        "toll",
        "Drivers will pay a new toll on the harbour bridge from June, the transport agency said. "
        "The agency said the money would pay for painting the steel and replacing worn cables.",
    ),
    (
        "flood",
        "flood",
        "Heavy rain flooded the lower town of Millbrook on Sunday, forcing 300 families from their "
        "homes. The fire brigade rescued a farmer and his dog from the roof of a barn surrounded by water.",
    ),
]


def test_search_total_and_offset(store_url: str, tmp_path: Path) -> None:  # noqa: F811
    src = tmp_path / "news.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "story": s, "text": t, "outlet": f"Outlet {i}"}) + "\n" for i, s, t in ARTICLES),
        encoding="utf-8",
    )
    db = store_url
    api.ingest([src], db, embedder="hash")
    with TestClient(create_app(db, embedder="hash", nlp="regex")) as client:
        everything = client.get("/api/stories").json()
        assert everything["total"] == 4
        first = client.get("/api/stories", params={"q": "bridge", "limit": 2}).json()
        # Before: 'total' was every story in the store (4) and 'offset' was ignored, so a client paging
        # 'while offset < total' got the same two stories again and again.
        assert first["total"] == 3
        second = client.get("/api/stories", params={"q": "bridge", "limit": 2, "offset": 2}).json()
        assert second["total"] == 3
        ids = [s["id"] for s in first["stories"]] + [s["id"] for s in second["stories"]]
        assert len(ids) == len(set(ids)) == 3
        flood = {s["id"] for s in everything["stories"]} - set(ids)
        assert len(flood) == 1
        assert client.get("/api/stories", params={"q": "zebra"}).json() == {"total": 0, "stories": []}
