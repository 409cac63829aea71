"""Re-ingesting a feed or export that gained records at the top stores only the new ones.

A record's source names its place ('feed.rss[2]', 'export.jsonl:3'); the store knew a record by that
place, so when a refreshed feed put a new entry first every old entry was stored a second time.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import newsprism
import newsprism.store.ingest as store_ingest
from newsprism.store import open_store
from newsprism.store.ingest import ingest_paths

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _demo() -> list[tuple[str, str]]:
    out = []
    for p in sorted(DEMO.glob("*.txt")):
        title, _, body = p.read_text(encoding="utf-8").strip().partition("\n")
        out.append((p.stem, body.strip() or title))
    return out


def _feed(path: Path, items: list[tuple[str, str]]) -> None:
    entries = "".join(
        f"<item><title>Story {escape(i)}</title><guid isPermaLink='false'>{escape(i)}</guid>"
        f"<description>{escape(text)}</description></item>"
        for i, text in items
    )
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>')


def _jsonl(path: Path, items: list[tuple[str, str]]) -> None:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in items), encoding="utf-8")


def _ingest(db: Path, path: Path):
    store = open_store(str(db))
    try:
        report = ingest_paths(store, [path], embedder=None)
        return report, store.count("articles")
    finally:
        store.close()


def test_a_feed_refreshed_with_a_new_entry_first_stores_only_that_entry(tmp_path: Path):
    items = _demo()
    feed, db = tmp_path / "wire.rss", tmp_path / "s.db"
    _feed(feed, items[1:])
    first, stored = _ingest(db, feed)
    assert (first.added, stored) == (4, 4)
    _feed(feed, items)  # the newest entry on top: every old entry moves one place down
    again, stored = _ingest(db, feed)
    assert (again.added, again.already, again.duplicates, stored) == (1, 4, 0, 5)


def test_an_export_rewritten_newest_first_stores_only_the_new_record(tmp_path: Path):
    items = _demo()
    export, db = tmp_path / "export.jsonl", tmp_path / "s.db"
    _jsonl(export, items[2:])
    assert _ingest(db, export)[1] == 3
    _jsonl(export, items)
    again, stored = _ingest(db, export)
    assert (again.added, again.already, stored) == (2, 3, 5)
    assert _ingest(db, export)[0].added == 0


def test_records_without_an_id_and_wire_copies_of_one_text_stay_apart(tmp_path: Path):
    (_, text), *_ = _demo()
    export, db = tmp_path / "export.jsonl", tmp_path / "s.db"
    rows = [
        {"id": "a", "text": text, "outlet": "Gazette"},
        {"id": "b", "text": text, "outlet": "Herald"},
        {"text": text},
    ]
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report, stored = _ingest(db, export)
    assert (report.added, stored) == (3, 3)
    assert _ingest(db, export)[0].added == 0


def test_a_store_filled_before_records_had_ids_is_not_filled_twice(tmp_path: Path, monkeypatch):
    items = _demo()
    feed, export, db = tmp_path / "wire.rss", tmp_path / "export.jsonl", tmp_path / "s.db"
    _feed(feed, items)
    _jsonl(export, items)
    with monkeypatch.context() as m:  # how the store knew inputs before: by their place in the file
        m.setattr(store_ingest, "input_id", lambda raw: raw.source)
        assert _ingest(db, feed)[1] == 5 and _ingest(db, export)[1] == 10
    assert _ingest(db, feed)[0].added == 0 and _ingest(db, export)[0].added == 0
    assert _ingest(db, export)[1] == 10
