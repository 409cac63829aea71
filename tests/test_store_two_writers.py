"""Two ingest runs into one store at once: every stored article ends in a story, whoever finishes last."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.store import open_store
from newsprism.store.ingest import Ingestor

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
BASIL = EVAL / "basil" / "dev.jsonl"


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[list[Path], list[Path]]:
    if not BASIL.exists():
        pytest.skip(f"../shared/eval/basil not found at {BASIL}")
    rows = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines()[:24]]
    files = []
    for n, row in enumerate(rows):
        path = tmp_path / "in" / f"{n:03d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(row["title"] + "\n\n" + row["text"], encoding="utf-8")
        files.append(path)
    return files[0::2], files[1::2]


def _members(db: Path) -> tuple[int, int]:
    store = open_store(str(db))
    try:
        stories = store.stories()
        return store.count("articles"), sum(len(s.articles) for s in stories)
    finally:
        store.close()


def test_a_run_that_finishes_last_keeps_the_other_runs_articles_in_stories(tmp_path: Path, corpus):
    first, second = corpus
    db = tmp_path / "s.db"
    store_a, store_b = open_store(str(db)), open_store(str(db))  # two processes' connections
    b_report = {}

    def run_b_meanwhile(done: int, total: int, unit: str) -> None:
        if done == 3:  # A has stored its first files and built its state; B now ingests all of its own
            b_report["b"] = Ingestor(store_b, embedder="hash", batch_size=2).run([str(p) for p in second])

    try:
        a = Ingestor(store_a, embedder="hash", batch_size=1, on_progress=run_b_meanwhile).run([str(p) for p in first])
    finally:
        store_a.close()
        store_b.close()
    assert a.added == len(first) and b_report["b"].added == len(second)
    stored, in_stories = _members(db)
    assert stored == len(first) + len(second)
    assert in_stories == stored  # before: only A's view was written, B's articles were in no story
