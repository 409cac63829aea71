"""The store contract on both backends: SQLite (a file) and PostgreSQL (a throwaway server)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from newsprism import api
from newsprism.cli import main
from newsprism.model import Article, Story
from newsprism.store import Store, article_key, backend_for, open_store
from pgserver import fresh_database, pg_bindir, postgres_server

_names = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    if pg_bindir() is None:
        pytest.skip("PostgreSQL server binaries not found: scripts/test-deps.sh installs Debian's postgresql")
    pytest.importorskip("psycopg", reason="psycopg missing: pip install 'newsprism[postgres]'")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return fresh_database(request.getfixturevalue("pg_server"), f"t{next(_names)}")


def _article(n: int, **kw) -> Article:
    text = f"Article number {n} says the harbour in Port {n} reopened on Monday after repairs."
    a = Article(id="", text=text, title=f"Harbour {n} reopens", source=f"in/{n}.txt", outlet="Ledger", **kw)
    a.id = article_key(a.text, a.source)
    return a


def test_contract_articles_inputs_stories_search(store_url: str):
    store = open_store(store_url)
    assert isinstance(store, Store) and store.schema_version >= 2
    a, b = _article(1), _article(2, published="2023-03-20", authors=["Ann Lee"])
    with store.transaction():
        assert store.add_article(a, "user-1") and store.add_article(b, "user-2", user_story="s-user")
        assert not store.add_article(a, "user-1")  # same content hash: a no-op
        store.record_input("in/1.txt", "k1", "ok", a.id)
        store.record_input("in/3.txt", "k3", "error", problem="empty input")
        store.set_story(a.id, "story-x", "Harbours")
        store.set_story(b.id, "story-x")
    got = store.get_article("user-2")
    assert got is not None and got.id == b.id and got.authors == ["Ann Lee"] and got.story == "story-x"
    assert [x.story for x in store.articles(replay=True)] == [None, "s-user"]
    assert [x.id for x in store.articles()] == [a.id, b.id]
    seen = store.seen([("in/1.txt", "k1"), ("in/3.txt", "k3"), ("in/9.txt", "k9")])
    assert seen[("in/1.txt", "k1")].article == a.id and seen[("in/3.txt", "k3")].problem == "empty input"
    assert ("in/9.txt", "k9") not in seen
    assert [x.id for x in store.search("port 2")] == [b.id] and store.search("volcano") == []
    assert store.stories() == [Story(id="story-x", articles=[a.id, b.id], title="Harbours")]
    store.replace_stories([Story("s1", [a.id]), Story("s2", [b.id])])
    assert [s.id for s in store.stories()] == ["s1", "s2"]
    stats = store.stats()
    assert (stats["articles"], stats["stories"], stats["inputs"], stats["input_errors"]) == (2, 2, 2, 1)
    assert (store.count("articles"), store.count("stories")) == (2, 2)
    store.set_meta("k", "v")
    assert store.get_meta("k") == "v"
    store.set_meta("k", None)
    assert store.get_meta("k") is None
    store.close()
    again = open_store(store_url)  # reopening migrates nothing and keeps everything
    assert again.stats()["articles"] == 2 and again.schema_version == stats["schema_version"]
    again.close()


def test_contract_rollback_embeddings_and_dedupe_window(store_url: str):
    store = open_store(store_url)
    a = _article(1)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(a, "user-1")
        raise RuntimeError("boom")
    assert store.stats()["articles"] == 0
    cache = store.embedding_cache("hash")
    cache["h1"] = np.arange(4, dtype=np.float32)
    assert np.array_equal(cache["h1"], np.arange(4, dtype=np.float32)) and len(cache) == 1
    assert len(store.embedding_cache("minilm")) == 0
    del cache["h1"]
    assert cache.get("h1") is None
    with store.transaction():
        store.add_article(a, "user-1")
        store.add_dedupe_entry(a.id, -(2**63) + 5, b"sig", b"pass")  # a signed 64-bit digest survives
    ((art, digest, sig, passages),) = list(store.dedupe_window(10))
    assert (art.id, digest, sig, passages) == (a.id, -(2**63) + 5, b"sig", b"pass")
    store.close()


def test_ingest_and_stats_through_the_cli_on_postgres(pg_server: str, demo_dir: Path):
    url = fresh_database(pg_server, "cli")
    assert backend_for(url) == "postgres"
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", str(demo_dir), "--db", url, "--embedder", "hash"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["stats", "--db", url, "--format", "json"])
    counts = json.loads(res.stdout)
    assert counts["articles"] == 5 and counts["stories"] >= 1
    again = api.ingest([demo_dir], url, embedder="hash")  # re-ingesting is a no-op
    assert again.added == 0 and again.already == 5
    store = open_store(url)
    assert sum(len(s.articles) for s in store.stories()) == 5
    store.close()


def test_web_app_serves_both_stores_alike(store_url: str, demo_dir: Path, tmp_path: Path):
    """Story list, search with snippets, a brief and a submission: same answers on SQLite and PostgreSQL."""
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    api.ingest([demo_dir], store_url, embedder="hash")
    with TestClient(create_app(store_url, embedder="hash", nlp="regex", inbox_dir=tmp_path / "inbox")) as client:
        newest = client.get("/api/stories").json()
        covered = client.get("/api/stories", params={"order": "covered"}).json()
        assert newest["total"] == len(newest["stories"]) >= 1
        assert sum(s["articles"] for s in newest["stories"]) == 5
        assert sorted(s["id"] for s in covered["stories"]) == sorted(s["id"] for s in newest["stories"])
        outlets = [s["outlets"] for s in covered["stories"]]
        assert outlets == sorted(outlets, reverse=True)
        page = client.get("/", params={"q": "Kuleba"})
        assert page.status_code == 200 and "<mark>Kuleba</mark>" in page.text
        assert client.get("/api/stories", params={"q": "Kule"}).json()["stories"]  # the last word is a prefix
        assert client.get("/api/stories", params={"q": "zzqx Kuleba"}).json()["stories"] == []  # every word
        for nasty in ('"', "AND(*", "'; DROP TABLE articles; --", "*", "a:* & !"):
            assert client.get("/api/stories", params={"q": nasty}).status_code == 200
        story = newest["stories"][0]["id"]
        brief = client.get(f"/api/stories/{story}").json()["stories"][0]
        assert brief["summary"] and all(s["spans"] for s in brief["summary"])
        assert client.get(f"/stories/{story}").status_code == 200
        text = (
            "Xi Jinping and Vladimir Putin signed a joint statement in the Kremlin on Tuesday, the zebrafinch "
            "correspondent reported. The two leaders discussed the war in Ukraine and energy exports."
        )
        resp = client.post("/add", data={"title": "Xi and Putin sign statement", "text": text})
        assert resp.status_code == 200 and "1 article stored" in resp.text
        assert len(client.get("/api/stories", params={"q": "zebrafinch"}).json()["stories"]) == 1


def test_serve_prints_a_server_url_without_its_password():
    from newsprism.cli import _without_password

    assert _without_password("postgresql://news:s3cret@db.example/news") == "postgresql://news:***@db.example/news"
    assert _without_password("postgresql://news@db.example/news") == "postgresql://news@db.example/news"


def test_clusterer_checkpoint_round_trip(store_url: str, demo_dir: Path, tmp_path: Path):
    """Both stores keep the checkpoint with the run's last article position; a later run resumes from it."""
    from newsprism.store import checkpoint

    api.ingest([demo_dir], store_url, embedder="hash")
    store = open_store(store_url)
    seq, fp, data = store.get_checkpoint(checkpoint.NAME)
    assert seq == store.last_seq() > 0 and len(fp) == 64 and data
    assert list(store.articles(after_seq=seq)) == [] and len(list(store.articles(after_seq=0))) == 5
    store.close()
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "Xi Jinping arrived in Moscow on Monday for talks with Vladimir Putin about Ukraine.\n\n"
        "The Chinese leader and Putin met at the Kremlin, officials said on Monday.\n",
        encoding="utf-8",
    )
    assert api.ingest([extra], store_url, embedder="hash").added == 1
    store = open_store(store_url)
    assert store.get_checkpoint(checkpoint.NAME)[0] == store.last_seq() > seq
    with store.transaction():
        store.put_checkpoint(checkpoint.NAME, 0, "", None)
    assert store.get_checkpoint(checkpoint.NAME) is None
    store.close()
