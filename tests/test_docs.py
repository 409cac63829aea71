"""Docs generated from code must match it: BENCHMARKS.md is assembled from benchmarks/*.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmarks_md_is_assembled_from_the_reports():
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "benchmarks_md.py"), "--check"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_every_report_names_its_machine_and_date():
    for report in sorted((ROOT / "benchmarks").glob("*.md")):
        text = report.read_text(encoding="utf-8").lower()
        assert "20" in text and ("machine" in text or "vm:" in text), f"{report.name}: no machine/date"
        assert any(w in text for w in ("python", "x86_64", "cpu", "core")), f"{report.name}: no machine description"
