"""A refused URL tells the user the flag to use, and `serve` has that flag."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import newsprism.web
from newsprism.cli import main
from newsprism.errors import InputError
from newsprism.ingest.net import Fetcher


def test_refusal_reads_as_a_sentence_and_serve_takes_the_flag_it_names(tmp_path: Path, monkeypatch):
    with pytest.raises(InputError) as info:
        Fetcher(min_interval=0).fetch("http://127.0.0.1:9/page")
    # Before: 'refused http://127.0.0.1:9/page: 127.0.0.1 a loopback address (use --allow-private to permit)'
    assert "127.0.0.1 is a loopback address (use --allow-private to permit)" in info.value.problem

    seen: dict = {}
    monkeypatch.setattr(newsprism.web, "create_app", lambda db, **kw: seen.update(kw) or object())
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: None)
    db = str(tmp_path / "news.db")
    # Before: the web app's Add page said to use --allow-private, which `serve` did not accept.
    result = CliRunner().invoke(main, ["serve", "--db", db, "--allow-private"])
    assert result.exit_code == 0, result.output
    assert seen["allow_private"] is True
    assert CliRunner().invoke(main, ["serve", "--db", db]).exit_code == 0 and seen["allow_private"] is False
