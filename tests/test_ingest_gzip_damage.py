"""A damaged .gz keeps what decompressed and names the file and the damage (never loses the whole file)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from conftest import eval_path
from newsprism.cli import main
from newsprism.errors import InputError
from newsprism.ingest import read_inputs


def _records(n: int) -> bytes:
    lines = eval_path("basil", "dev.jsonl").read_bytes().splitlines(keepends=True)[:n]
    assert len(lines) == n
    return b"".join(lines)


def _split(items):
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_cut_off_jsonl_gz_keeps_the_records_before_the_cut(tmp_path: Path):
    data = _records(20)
    whole = gzip.compress(data)
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(whole[:5000])
    docs, errs = _split(list(read_inputs([str(path)])))
    ids = [json.loads(line)["id"] for line in data.splitlines()]
    assert docs and [d.id for d in docs] == ids[: len(docs)]
    assert len(docs) < len(ids)
    # one warning, for the cut; the unfinished last record is not reported as bad JSON on its own
    (err,) = errs
    assert err.source == str(path)
    assert err.problem == "gzip data cut off after 5000 bytes; the records before it were read"


def test_cli_clean_reads_a_cut_off_gz(tmp_path: Path):
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(gzip.compress(_records(20))[:5000])
    res = CliRunner().invoke(main, ["clean", str(path)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert rows
    assert "t.jsonl.gz: gzip data cut off after 5000 bytes" in res.output


def test_corrupt_second_member_keeps_the_first(tmp_path: Path):
    data = _records(4)
    first, second = data.splitlines(keepends=True)[:2], data.splitlines(keepends=True)[2:]
    bad = bytearray(gzip.compress(b"".join(second)))
    bad[-8] ^= 0xFF  # CRC of the second member
    path = tmp_path / "two.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(first)) + bytes(bad))
    docs, errs = _split(list(read_inputs([str(path)])))
    # the first member's two records; the member whose check fails is not trusted
    assert len(docs) == 2
    (err,) = errs
    assert err.source == str(path) and "broken gzip data" in err.problem and "before it were read" in err.problem


def test_corruption_mid_member_keeps_what_came_before(tmp_path: Path):
    data = _records(150)
    bad = bytearray(gzip.compress(data))
    bad[len(bad) * 3 // 4] ^= 0xFF
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(bytes(bad))
    docs, errs = _split(list(read_inputs([str(path)])))
    assert len(docs) > 50
    assert errs[-1].source == str(path) and "broken gzip data" in errs[-1].problem


def test_gzip_with_nothing_decompressible_is_named(tmp_path: Path):
    path = tmp_path / "head.txt.gz"
    path.write_bytes(gzip.compress(b"hello world " * 100)[:10])
    (err,) = list(read_inputs([str(path)]))
    assert isinstance(err, InputError) and err.source == str(path)
    assert "gzip data cut off" in err.problem and "nothing" in err.problem
