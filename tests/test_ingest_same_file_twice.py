"""A file named twice on one command line (or reached through a symlink) is read once, and said so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

import newsprism
from newsprism.cli import main
from newsprism.errors import InputError
from newsprism.store import open_store
from newsprism.store.ingest import ingest_paths

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "xi"
    shutil.copytree(DEMO, folder)
    return folder


def test_clean_reads_a_file_given_twice_once(tmp_path: Path):
    folder = _corpus(tmp_path)
    one = sorted(folder.glob("*.txt"))[0]
    (tmp_path / "latest.txt").symlink_to(one)
    errors: list[InputError] = []
    articles = newsprism.clean([one, folder, tmp_path / "latest.txt"], on_error=errors.append)
    assert sorted(a.source for a in articles) == sorted(str(p) for p in folder.glob("*.txt"))
    assert len({a.id for a in articles}) == 5 and not any("~" in a.id for a in articles)
    assert [str(e) for e in errors] == [
        f"{one}: given twice; read once",
        f"{tmp_path / 'latest.txt'}: same file as {one}; read once",
    ]


def test_a_file_given_twice_is_one_article_not_a_duplicate_of_itself(tmp_path: Path):
    one = sorted(_corpus(tmp_path).glob("*.txt"))[0]
    result = CliRunner().invoke(main, ["dedupe", str(one), str(one)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["duplicate_of"] is None
    assert "given twice; read once" in result.stderr


def test_ingest_through_a_symlink_does_not_store_the_article_again(tmp_path: Path):
    folder = _corpus(tmp_path)
    (tmp_path / "mirror").symlink_to(folder)
    store = open_store(str(tmp_path / "s.db"))
    try:
        report = ingest_paths(store, [folder, tmp_path / "mirror"], embedder=None)
        assert (report.added, store.count("articles")) == (5, 5)
    finally:
        store.close()
