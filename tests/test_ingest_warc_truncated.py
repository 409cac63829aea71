"""A WARC cut inside a record the reader skips (an image, metadata) is still reported, naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import read_inputs
from test_ingest_formats import write_warc

ARTICLE = "https://northgatecourier.example/world/putin-xi-pledge.html"
CAFE = "https://northgatecourier.example/cafe"


@pytest.mark.parametrize(
    ("marker", "kept", "record"),
    [
        (b"crawl: te", [ARTICLE, CAFE], 6),  # the last record: metadata
        (b"PNG\r\n", [ARTICLE], 4),  # an image response
        (b"<h1>Not f", [ARTICLE], 2),  # a 404 page
    ],
)
def test_cut_in_a_skipped_record_is_named(tmp_path: Path, marker: bytes, kept: list[str], record: int):
    data = write_warc(tmp_path / "full.warc")
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: data.index(marker) + 5])
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if not isinstance(i, InputError)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == kept
    (err,) = errs
    assert err.source == str(path) and err.problem == f"truncated WARC: record {record} is cut short"
