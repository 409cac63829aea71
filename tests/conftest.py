"""Shared test fixtures: the demo corpus and the eval splits in ../shared/eval (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "xi-moscow-2023"
EVAL = ROOT.parent / "shared" / "eval"


def eval_path(*parts: str) -> Path:
    """Path into ../shared/eval, or skip the test with a clear reason when the split is absent."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"eval data not found at {path} (it lives in ../shared/eval beside the repo; not shipped)")
    return path


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO
