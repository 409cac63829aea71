"""Record dates in the forms exporters write: read as ISO, a garbled time costs only the time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsprism
from newsprism.errors import InputError
from newsprism.ingest.records import iso_date


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("17/03/2023", "2023-03-17"),  # day first: the day is over 12
        ("17.03.2023", "2023-03-17"),  # dots: day first
        ("2023/03/17", "2023-03-17"),
        ("20230317", "2023-03-17"),
        ("2023-03-17T25:99:00", "2023-03-17"),  # a time that is none: the day is kept, not the garbage
        ("2023-03-17T10:00:00 GMT", "2023-03-17T10:00:00+00:00"),
        ("2023-03-17T10:00:00-07:00[America/Los_Angeles]", "2023-03-17T10:00:00-07:00"),
        # as before
        ("03/04/2023", "2023-03-04"),
        ("2023-03-17T10:00:00Z", "2023-03-17T10:00:00Z"),
        ("2023-03-17T10:00:00.123456789Z", "2023-03-17T10:00:00.123456789Z"),
        ("2023-03", "2023-03"),
        ("Tue, 07 May 2024 10:00:00 GMT", "2024-05-07T10:00:00+00:00"),
    ],
)
def test_record_dates(given: str, stored: str):
    assert iso_date(given) == stored


def test_an_impossible_numeric_date_is_named_and_left_out(tmp_path: Path):
    text = sorted(Path(newsprism.api.DEMO_CORPUS).glob("*.txt"))[0].read_text(encoding="utf-8")
    path = tmp_path / "export.jsonl"
    rows = [{"id": "a", "text": text, "date": "31/02/2023"}, {"id": "b", "text": text + " More.", "date": "17.03.2023"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    errors: list[InputError] = []
    a, b = newsprism.clean([path], on_error=errors.append)
    assert a.published is None and b.published == "2023-03-17"
    assert [str(e) for e in errors] == [f"{path}:1: date '31/02/2023' is not a date newsprism can read; left out"]
