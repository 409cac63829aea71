"""A --db that is not a store: one line naming the file and why, exit 1, the file untouched; no traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsprism
from newsprism.cli import main
from newsprism.errors import StoreError
from newsprism.store import open_store

DEMO = Path(newsprism.api.DEMO_CORPUS)


@pytest.mark.parametrize("command", ["ingest", "stats"])
def test_a_text_file_as_db_is_named_and_left_as_it_was(tmp_path: Path, command: str):
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n", encoding="utf-8")
    args = [command, str(next(DEMO.glob("*.txt")))] if command == "ingest" else [command]
    result = CliRunner().invoke(main, [*args, "--db", str(notes)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"error: {notes}: not a newsprism SQLite store (file is not a database)" in result.stderr
    assert notes.read_text(encoding="utf-8") == "my notes, not a database\n"


def test_a_folder_as_db_is_named(tmp_path: Path):
    result = CliRunner().invoke(main, ["stats", "--db", str(tmp_path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"error: {tmp_path}: cannot open the SQLite store (it is a folder)" in result.stderr


def test_a_store_from_a_newer_newsprism_is_refused_with_its_version(tmp_path: Path):
    db = tmp_path / "s.db"
    open_store(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_version(version, applied_at) VALUES (99, 'later')")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        open_store(str(db))
    result = CliRunner().invoke(main, ["stats", "--db", str(db)])
    assert result.exit_code == 1 and "schema version 99 is newer than this newsprism knows" in result.stderr
