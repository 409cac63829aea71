"""The SQLite store: migrations, content-hash ids, inputs-seen, stories, embeddings cache, FTS5, stats."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from newsprism import api, registry
from newsprism.analyze.embed import get_embedder
from newsprism.cli import main
from newsprism.model import Article, Story
from newsprism.store import Store, article_key, backend_for, open_store
from newsprism.store.sqlite import MIGRATIONS
from test_ingest_formats import FIXTURES, write_warc


def _article(n: int, text: str | None = None, **kw) -> Article:
    text = text or f"Article number {n} says the harbour in Port {n} reopened on Monday after repairs."
    a = Article(id=f"user-{n}", text=text, title=f"Harbour {n} reopens", source=f"in/{n}.txt", outlet="Ledger", **kw)
    return a


def test_open_store_migrates_once_and_reopens(tmp_path: Path):
    db = tmp_path / "sub" / "n.db"
    store = open_store(str(db))
    assert isinstance(store, Store)
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("SELECT version FROM schema_version")] == list(range(1, len(MIGRATIONS) + 1))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"articles", "inputs", "stories", "story_members", "embeddings", "articles_fts"} <= tables
    conn.close()
    again = open_store(f"sqlite:///{db}")  # URL form, same file, no second migration
    assert again.schema_version == len(MIGRATIONS) and again.stats()["articles"] == 0
    again.close()


def test_backends_by_url():
    assert backend_for("news.db") == "sqlite"
    assert backend_for("sqlite:///tmp/x.db") == "sqlite"
    assert backend_for("C:/data/news.db") == "sqlite"  # a drive letter is not a scheme
    assert backend_for("postgresql://u@h/db") == "postgres"
    assert {"sqlite", "postgres"} <= set(registry.names("store"))
    with pytest.raises(KeyError, match="unknown store backend 'mongodb'"):
        open_store("news.db", backend="mongodb")


def test_articles_content_hash_ids_fts_and_stories():
    store = open_store(":memory:")
    a, b = _article(1), _article(2, published="2023-03-20")
    for art in (a, b):
        art.id = article_key(art.text, art.source)
    with store.transaction():
        assert store.add_article(a, "user-1")
        assert store.add_article(b, "user-2", user_story="s-user")
        assert not store.add_article(a, "user-1")  # same text + source: the same article
        store.set_story(a.id, "story-x", "Harbours")
        store.set_story(b.id, "story-x")
    assert article_key("The  HARBOUR, reopened!", "f") == article_key("the harbour reopened", "f")
    assert article_key("same", "a.txt") != article_key("same", "b.txt")
    got = store.get_article("user-2")  # by the user's id too
    assert got is not None and got.id == b.id and got.published == "2023-03-20" and got.story == "story-x"
    assert [x.story for x in store.articles(replay=True)] == [None, "s-user"]
    assert [x.id for x in store.search("port 2")] == [b.id]
    assert [x.id for x in store.search("harbour")] and store.search("volcano") == []
    assert store.stories() == [Story(id="story-x", articles=[a.id, b.id], title="Harbours")]
    store.replace_stories([Story("s1", [a.id]), Story("s2", [b.id])])
    assert [s.id for s in store.stories()] == ["s1", "s2"]
    assert store.stats()["stories"] == 2
    assert (store.count("articles"), store.count("stories")) == (2, 2)
    with pytest.raises(ValueError, match="cannot count 'inputs'"):
        store.count("inputs")


def test_transaction_rolls_back_on_error():
    store = open_store(":memory:")
    a = _article(1)
    a.id = article_key(a.text, a.source)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(a, "user-1")
        store.record_input("in/1.txt", "k", "ok", a.id)
        raise RuntimeError("boom")
    assert store.stats()["articles"] == 0 and store.seen([("in/1.txt", "k")]) == {}


def test_embedding_cache_round_trip_per_model(tmp_path: Path):
    store = open_store(str(tmp_path / "e.db"))
    emb = get_embedder("hash", cache=store.embedding_cache("hash"))
    first = emb.embed(["Xi arrives in Moscow", "Harbour reopens"])
    cache = store.embedding_cache("hash")
    assert len(cache) == 2 and len(store.embedding_cache("minilm")) == 0
    again = get_embedder("hash", cache=cache).embed(["Harbour reopens"])
    assert np.array_equal(again[0], first[1])
    del cache[next(iter(cache))]
    assert len(cache) == 1


def test_api_ingest_stats_and_reingest_is_a_noop(tmp_path: Path, demo_dir: Path):
    db = tmp_path / "news.db"
    write_warc(tmp_path / "crawl.warc")
    inputs = [demo_dir, FIXTURES / "world-rss2.xml", tmp_path / "crawl.warc"]
    first_errors: list = []
    report = api.ingest(inputs, db, embedder="hash", on_error=first_errors.append)
    assert report.added >= 9 and report.already == 0
    counts = api.stats(db)
    assert counts["articles"] == report.added
    assert counts["sources"] == 5 + 1 + 1  # five demo files, one feed, one WARC
    assert counts["outlets"] >= 2 and counts["stories"] >= 1
    again_errors: list = []
    again = api.ingest(inputs, db, embedder="hash", on_error=again_errors.append)
    assert again.added == 0 and again.already == report.added
    # an input that could not be cleaned is remembered and reported again, not re-cleaned
    assert [str(e) for e in again_errors] == [str(e) for e in first_errors]
    assert api.stats(db)["articles"] == counts["articles"]
    # every article belongs to exactly one story
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT article_id) FROM story_members").fetchone() == (
        counts["articles"],
        counts["articles"],
    )


def test_cli_ingest_and_stats(tmp_path: Path, demo_dir: Path):
    db = str(tmp_path / "cli.db")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(demo_dir), str(tmp_path / "bad"), "--db", db, "--embedder", "hash"])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "binary.txt" in result.stderr
    assert "5 new article(s)" in result.stderr
    result = runner.invoke(main, ["stats", "--db", db, "--format", "json"])
    assert result.exit_code == 0
    counts = json.loads(result.stdout)
    assert counts["articles"] == 5 and {"stories", "sources", "outlets"} <= counts.keys()
    assert "articles" in runner.invoke(main, ["stats", "--db", db]).stdout
    # nothing readable: exit 1
    result = runner.invoke(
        main, ["ingest", str(tmp_path / "bad"), "--db", str(tmp_path / "x.db"), "--embedder", "hash"]
    )
    assert result.exit_code == 1 and "binary" in result.stderr
    assert runner.invoke(main, ["stats", "--db", str(tmp_path / "none.db")]).exit_code == 1


def test_migration_2_adds_the_dedupe_index_to_an_existing_store(tmp_path: Path):
    db = tmp_path / "v1.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1, '2023-03-20T00:00:00+00:00')")
    conn.commit()
    conn.close()
    store = open_store(str(db))
    assert store.schema_version == len(MIGRATIONS) >= 2
    a = _article(1)
    a.id = article_key(a.text, a.source)
    with store.transaction():
        store.add_article(a, "user-1")
    # An article stored without an entry comes back with its text, so ingest can hash it.
    [(art, digest, sig, passages)] = list(store.dedupe_window(10))
    assert art.id == a.id and art.text == a.text and (digest, sig, passages) == (None, None, None)
    with store.transaction():
        store.add_dedupe_entry(a.id, -5, b"\x01\x00\x00\x00", b"")
        store.prune_dedupe(10)
    [(art, digest, sig, passages)] = list(store.dedupe_window(10))
    assert (digest, sig, passages) == (-5, b"\x01\x00\x00\x00", b"") and art.text == ""
    store.close()
