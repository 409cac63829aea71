"""A folder's hidden sub-folders (.git, .cache, .ipynb_checkpoints) are not read, like its hidden files."""

from __future__ import annotations

import shutil
from pathlib import Path

import newsprism
from newsprism.errors import InputError
from newsprism.store.ingest import expand

DEMO = Path(newsprism.api.DEMO_CORPUS)

HOOK = """#!/bin/sh
#
# An example hook script to check the commit log message.
# Called by "git commit" with one argument, the name of the file
# that has the commit message.  The hook should exit with non-zero
# status after issuing an appropriate message if it wants to stop the
# commit.  The hook is allowed to edit the commit message file.
"""


def _checkout(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(DEMO, root)
    (root / ".git" / "hooks").mkdir(parents=True)
    (root / ".git" / "hooks" / "commit-msg.sample").write_text(HOOK, encoding="utf-8")
    (root / ".git" / "description").write_text(
        "Unnamed repository; edit this file 'description' to name the repository.\n", encoding="utf-8"
    )
    (root / ".git" / "index").write_bytes(b"DIRC\x00\x00\x00\x02" + bytes(200))
    (root / "notes" / ".ipynb_checkpoints").mkdir(parents=True)
    (root / "notes" / ".ipynb_checkpoints" / "copy.txt").write_text(
        (DEMO / sorted(p.name for p in DEMO.glob("*.txt"))[0]).read_text(encoding="utf-8"), encoding="utf-8"
    )
    return root


def test_a_git_checkout_is_read_without_its_git_folder(tmp_path: Path):
    root = _checkout(tmp_path)
    errors: list[InputError] = []
    articles = newsprism.clean([root], on_error=errors.append)
    assert sorted(Path(a.source).name for a in articles) == sorted(p.name for p in DEMO.glob("*.txt"))
    assert not errors, [str(e) for e in errors]


def test_ingest_progress_counts_only_the_files_it_reads(tmp_path: Path):
    root = _checkout(tmp_path)
    assert len(expand([root])) == len(list(DEMO.glob("*.txt")))


def test_a_hidden_folder_named_on_the_command_line_is_read(tmp_path: Path):
    hidden = tmp_path / ".archive"
    shutil.copytree(DEMO, hidden)
    assert len(newsprism.clean([hidden])) == len(list(DEMO.glob("*.txt")))
