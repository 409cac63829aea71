"""Crash safety for real: ``newsprism ingest`` killed with SIGKILL mid-run, then rerun.

Nothing may be lost and nothing doubled, and the resumed store must hold exactly the
articles an uninterrupted run stores.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_FILES = 300
PLACES = ["Northgate", "Port Elin", "Valmora", "Kestrel Bay", "Ashford", "Lindholm", "Corvin", "Marrow Falls"]
SUBJECTS = ["The city council", "The regional water board", "Police", "The harbour authority", "Local officials"]
VERBS = ["approved", "postponed", "announced", "rejected", "reviewed", "funded"]
OBJECTS = ["a new tram line", "repairs to the pier", "a flood barrier", "a school expansion", "a budget of 4 million"]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _make_corpus(folder: Path) -> None:
    rng = random.Random(7)
    folder.mkdir()
    for i in range(N_FILES):
        place = rng.choice(PLACES)
        title = f"{place} {rng.choice(VERBS)} plan number {i}"
        paras = []
        for _ in range(4):
            paras.append(
                " ".join(
                    f"{rng.choice(SUBJECTS)} in {place} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on "
                    f"{rng.choice(['Monday', 'Tuesday', 'Friday'])}, case {i}-{rng.randint(0, 10**6)}."
                    for _ in range(3)
                )
            )
        (folder / f"{i:04d}.txt").write_text(title + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsprism.cli", "ingest", str(corpus), "--db", str(db), "--embedder", "hash",
            "--batch-size", "3"]  # fmt: skip


def _run_and_kill(corpus: Path, db: Path, at_least: int) -> int:
    """Start an ingest, SIGKILL it once the store holds ``at_least`` articles; the count at the kill."""
    proc = subprocess.Popen(_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"ingest finished (rc {proc.returncode}) before it could be killed mid-run")
            n = _count(db)
            if n >= at_least:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.005)
        else:
            pytest.fail("ingest made no progress")
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return n


def _snapshot(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        return {
            "articles": conn.execute(
                "SELECT count(*), count(DISTINCT id), count(DISTINCT user_id) FROM articles"
            ).fetchone(),
            "ids": sorted(r[0] for r in conn.execute("SELECT id FROM articles")),
            "dups": sorted(conn.execute("SELECT id, coalesce(duplicate_of, '') FROM articles").fetchall()),
            "inputs": conn.execute("SELECT count(*), sum(status = 'ok') FROM inputs").fetchone(),
            "members": conn.execute("SELECT count(*), count(DISTINCT article_id) FROM story_members").fetchone(),
            "fts": conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0],
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        }
    finally:
        conn.close()


def test_kill_9_mid_ingest_then_rerun_loses_and_doubles_nothing(tmp_path: Path):
    corpus = tmp_path / "corpus"
    _make_corpus(corpus)
    db = tmp_path / "killed.db"
    first = _run_and_kill(corpus, db, at_least=15)
    second = _run_and_kill(corpus, db, at_least=first + 40)
    assert 0 < first < second < N_FILES
    done = subprocess.run(_cmd(corpus, db), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr

    snap = _snapshot(db)
    assert snap["integrity"] == "ok"
    assert snap["articles"] == (N_FILES, N_FILES, N_FILES)  # every input once, none twice
    assert snap["inputs"] == (N_FILES, N_FILES)
    assert snap["members"] == (N_FILES, N_FILES)  # every article in exactly one story
    assert snap["fts"] == N_FILES

    # A fourth run is a no-op.
    again = subprocess.run(_cmd(corpus, db), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and f"0 new article(s), {N_FILES} already stored" in again.stderr

    # The same articles (content-hash ids, duplicate links) as a run that was never interrupted.
    clean_db = tmp_path / "clean.db"
    subprocess.run(_cmd(corpus, clean_db), check=True, capture_output=True, timeout=300)
    reference = _snapshot(clean_db)
    assert snap["ids"] == reference["ids"]
    assert snap["dups"] == reference["dups"]
