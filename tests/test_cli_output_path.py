"""brief -o FILE that cannot be written: refused before the work (exit 2), not a traceback after it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import newsprism
from newsprism.cli import main

DEMO = Path(newsprism.api.DEMO_CORPUS)


def test_an_output_under_a_file_is_refused_before_reading_the_inputs(tmp_path: Path, monkeypatch):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")

    def no_work(*args, **kwargs):
        raise AssertionError("the inputs were read although the output cannot be written")

    monkeypatch.setattr(newsprism.api, "clean", no_work)
    result = CliRunner().invoke(main, ["brief", str(DEMO), "-o", str(notes / "brief.md")])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for -o: cannot create the folder {notes} (" in result.stderr
    assert notes.read_text(encoding="utf-8") == "mine\n"


def test_a_writable_output_in_a_new_folder_is_still_accepted(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(newsprism.api, "clean", lambda *a, **k: [])
    result = CliRunner().invoke(main, ["brief", str(DEMO), "-o", str(tmp_path / "new" / "brief.md")])
    assert result.exit_code == 1 and "no article could be read" in result.stderr  # got past the check
    assert (tmp_path / "new").is_dir()
