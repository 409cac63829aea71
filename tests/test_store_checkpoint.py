"""Clusterer checkpoints: a run replays only the articles stored after the last one, and ends where a full
replay (or one uninterrupted run) would; a foreign or stale checkpoint is never trusted."""

from __future__ import annotations

import pickle
import random
import zlib
from pathlib import Path

import pytest

from newsprism.store import checkpoint, open_store
from newsprism.store.ingest import Ingestor

PLACES = ["Northgate", "Port Elin", "Valmora", "Kestrel Bay", "Ashford", "Lindholm"]
EVENTS = ["a flood barrier", "a new tram line", "repairs to the pier", "a school expansion"]


def _corpus(root: Path, parts: int = 3, per_part: int = 12) -> list[Path]:
    """Story-shaped synthetic articles: each (place, event) pair is one story, reported several times."""
    rng = random.Random(5)
    folders = []
    for p in range(parts):
        folder = root / f"part{p}"
        folder.mkdir(parents=True)
        for i in range(per_part):
            place, event = rng.choice(PLACES), rng.choice(EVENTS)
            body = " ".join(
                f"Officials in {place} approved {event} on {rng.choice(['Monday', 'Friday'])}, report {p}-{i}-{k} said."
                for k in range(4)
            )
            (folder / f"{i:03d}.txt").write_text(f"{place} approves {event}\n\n{body}\n", encoding="utf-8")
        folders.append(folder)
    return folders


def _ingest(db: Path, paths: list[Path]) -> tuple[set[frozenset[str]], int]:
    """Ingest; the final stories (as member sets) and how many stored articles this run replayed."""
    store = open_store(str(db))
    try:
        report = Ingestor(store, embedder="hash").run(paths)
        return {frozenset(s.articles) for s in store.stories()}, report.replayed
    finally:
        store.close()


def _forget(db: Path) -> None:
    store = open_store(str(db))
    with store.transaction():
        store.put_checkpoint(checkpoint.NAME, 0, "", None)
    store.close()


def test_runs_resume_from_the_checkpoint_and_end_like_a_full_replay(tmp_path: Path):
    parts = _corpus(tmp_path / "in")
    one_run, _ = _ingest(tmp_path / "one.db", parts)
    replayed = []
    for part in parts:
        stories, n = _ingest(tmp_path / "ckpt.db", [part])
        replayed.append(n)
    for part in parts:
        _forget(tmp_path / "full.db")
        full, _ = _ingest(tmp_path / "full.db", [part])
    assert stories == full == one_run
    assert len(one_run) >= 4 and any(len(s) > 1 for s in one_run)
    # each run replays nothing it clustered before: the checkpoint stands after the previous run's articles
    assert replayed == [0, 0, 0]


def test_a_checkpoint_of_other_code_or_settings_is_not_used(tmp_path: Path):
    parts = _corpus(tmp_path / "in", parts=2)
    _ingest(tmp_path / "a.db", [parts[0]])
    store = open_store(str(tmp_path / "a.db"))
    seq, _, data = store.get_checkpoint(checkpoint.NAME)
    with store.transaction():
        store.put_checkpoint(checkpoint.NAME, seq, "another-version", data)
    stored = store.stats()["articles"]
    store.close()
    _, replayed = _ingest(tmp_path / "a.db", [parts[1]])
    assert replayed == stored  # rebuilt from every stored article instead


def test_a_hostile_checkpoint_is_refused_and_the_run_replays(tmp_path: Path):
    parts = _corpus(tmp_path / "in", parts=2)
    _ingest(tmp_path / "a.db", [parts[0]])
    baseline = tmp_path / "b.db"
    _ingest(baseline, [parts[0]])
    _forget(baseline)
    expected, _ = _ingest(baseline, [parts[1]])

    class Exploit:
        def __reduce__(self):
            return (print, ("pwned",))

    store = open_store(str(tmp_path / "a.db"))
    seq, fp, _ = store.get_checkpoint(checkpoint.NAME)
    with store.transaction():
        store.put_checkpoint(checkpoint.NAME, seq, fp, zlib.compress(pickle.dumps(Exploit())))
    store.close()
    with pytest.warns(UserWarning, match="checkpoint not used"):
        stories, replayed = _ingest(tmp_path / "a.db", [parts[1]])
    assert stories == expected and replayed == len(list((parts[0]).iterdir()))


def test_thaw_refuses_globals_outside_the_clusterer_state():
    with pytest.raises(pickle.UnpicklingError, match="os.system"):
        checkpoint.thaw(zlib.compress(b"cos\nsystem\n(S'true'\ntR."), object())
