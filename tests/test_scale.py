"""The Ray engine gives the same briefs as one process (stories are independent tasks)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsprism
from newsprism.cli import main
from newsprism.model import to_dict
from newsprism.scale import LocalEngine, StoryTask, get_engine, synthesize_stories


def _grouped(tmp_path: Path, demo_dir: Path) -> Path:
    """The demo corpus as two user-grouped stories, so there is more than one task."""
    path = tmp_path / "grouped.jsonl"
    with path.open("w") as fh:
        for n, p in enumerate(sorted(demo_dir.glob("*.txt"))):
            fh.write(json.dumps({"id": p.stem, "text": p.read_text(), "story": "A" if n < 2 else "B"}) + "\n")
    return path


needs_ray = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None, reason="Ray is not installed (pip install 'newsprism[scale]')"
)


@needs_ray
def test_ray_engine_gives_the_local_briefs(tmp_path: Path, demo_dir: Path):
    articles = newsprism.clean([_grouped(tmp_path, demo_dir)])
    local = newsprism.brief(articles, embedder="hash", nlp="regex")
    ray_brief = newsprism.brief(articles, embedder="hash", nlp="regex", engine="ray", workers=2)
    assert [s.id for s in local.stories] == ["B", "A"]  # largest story first
    assert to_dict(ray_brief) == to_dict(local)
    engine = get_engine("ray", workers=2)
    # the same worker processes serve later calls: no second Ray start, models stay loaded
    assert engine.map(len, [[1], [1, 2], []]) == [1, 2, 0]


@needs_ray
def test_cli_engine_option(tmp_path: Path, demo_dir: Path):
    out = tmp_path / "b.json"
    args = ["brief", str(_grouped(tmp_path, demo_dir)), "--embedder", "hash", "--nlp", "regex", "--format", "json"]
    res = CliRunner().invoke(main, [*args, "-o", str(out), "--engine", "ray", "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert {s["id"] for s in json.loads(out.read_text())["stories"]} == {"A", "B"}
    res = CliRunner().invoke(
        main, [*args, "--engine", "ray", "--llm-base-url", "http://127.0.0.1:9", "--llm-model", "m"]
    )
    assert res.exit_code == 2 and "--engine local only" in res.output


def test_local_engine_and_unknown_engine(demo_dir: Path):
    articles = newsprism.clean([demo_dir])
    story = newsprism.cluster(articles, embedder="hash")[0]
    task = StoryTask(story, articles, "regex", "hash")
    (via_engine,) = synthesize_stories([task], LocalEngine())
    assert via_engine.articles == story.articles and via_engine.summary
    with pytest.raises(KeyError, match="unknown engine backend 'spark'"):
        get_engine("spark")
