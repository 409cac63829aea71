"""UTF-16 saved without a byte-order mark (iconv -t UTF-16LE, many exporters): read, not 'binary data'."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

import newsprism
from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _demo_text() -> str:
    return sorted(DEMO.glob("*.txt"))[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_demo_article_in_utf16_without_bom_cleans_like_the_original(tmp_path: Path, encoding: str):
    text = _demo_text()
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.encode(encoding))
    errors: list[InputError] = []
    a, b = newsprism.clean([tmp_path / "a.txt", tmp_path / "b.txt"], on_error=errors.append)
    assert a.text == b.text and a.title == b.title
    assert not [e for e in errors if "binary" in e.problem]


def test_piped_utf16_jsonl_without_bom_is_sniffed_as_records(monkeypatch):
    record = json.dumps({"id": "r1", "text": _demo_text(), "outlet": "Courier"}, ensure_ascii=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((record + "\n").encode("utf-16-be"))))
    (piped,) = newsprism.clean(["-"])
    assert piped.id == "r1" and piped.outlet == "Courier"


@pytest.mark.parametrize("data", [gzip.compress(b"x" * 5000), bytes(range(256)) * 20, b"\x00\x01" * 3000])
def test_binary_data_is_still_refused(data: bytes):
    with pytest.raises(InputError, match="binary data"):
        decode_bytes("blob", data)
