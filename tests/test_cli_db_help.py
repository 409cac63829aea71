"""The --db help of ingest and stats names both stores they take: a SQLite file or a postgresql:// URL."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsprism.cli import main


@pytest.mark.parametrize("command", ["ingest", "stats"])
def test_db_help_names_postgresql(command: str):
    res = CliRunner().invoke(main, [command, "--help"])
    assert res.exit_code == 0, res.output
    assert "postgresql://" in " ".join(res.output.split())
