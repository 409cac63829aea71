"""JSON Lines are split at newlines only: characters JSON keeps raw inside strings do not cut a record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsprism
from newsprism.errors import InputError
from newsprism.ingest import read_inputs
from newsprism.model import RawDocument

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _bodies() -> list[str]:
    return [p.read_text(encoding="utf-8").strip().partition("\n")[2].strip() for p in sorted(DEMO.glob("*.txt"))]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_inside_a_text_keeps_the_record_and_the_line_numbers(tmp_path: Path, separator: str):
    a, b, c, *_ = _bodies()
    first, _, rest = a.partition(". ")
    rows = [{"id": "a", "text": f"{first}.{separator}{rest}"}, {"id": "b", "text": b}, {"id": "c", "text": c}]
    path = tmp_path / "export.jsonl"
    # ensure_ascii=False writes U+2028 raw, as every JSON library may: it is legal inside a JSON string
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    items = list(read_inputs([path]))
    docs = [d for d in items if isinstance(d, RawDocument)]
    assert [(d.id, d.source) for d in docs] == [("a", f"{path}:1"), ("b", f"{path}:2"), ("c", f"{path}:3")]
    assert docs[0].content == rows[0]["text"]
    assert [str(e) for e in items if isinstance(e, InputError)] == [
        f"{path}:4: invalid JSON (Expecting property name enclosed in double quotes at column 2)"
    ]


def test_lines_are_numbered_from_the_top_of_the_file_and_cr_only_files_are_split(tmp_path: Path):
    a, b, *_ = _bodies()
    path = tmp_path / "export.jsonl"
    path.write_text("\n\n" + json.dumps({"id": "a", "text": a}) + "\n{oops\n", encoding="utf-8")
    items = list(read_inputs([path]))
    assert [i.source for i in items] == [f"{path}:3", f"{path}:4"]  # an editor's line 3 and 4, not 1 and 2
    old_mac = tmp_path / "mac.jsonl"
    old_mac.write_bytes(
        (json.dumps({"id": "a", "text": a}) + "\r" + json.dumps({"id": "b", "text": b}) + "\r").encode()
    )
    assert [d.id for d in read_inputs([old_mac]) if isinstance(d, RawDocument)] == ["a", "b"]
