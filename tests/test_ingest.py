"""Ingest readers: real files in, RawDocuments or clear per-file errors out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest import read_inputs


def _split(items):
    docs = [i for i in items if not isinstance(i, InputError)]
    errs = [i for i in items if isinstance(i, InputError)]
    return docs, errs


def test_folder_reads_demo_corpus_in_order(demo_dir: Path):
    docs, errs = _split(list(read_inputs([str(demo_dir)])))
    assert not errs
    assert [d.id for d in docs] == sorted(p.stem for p in demo_dir.glob("*.txt"))
    assert all(d.kind == "text" and "Xi" in d.content for d in docs)


def test_jsonl_field_mapping_and_bad_lines(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a1", "text": "Body one.", "title": "T1", "date": "2023-03-17", "source": "Reuters", "story": "s9"},
        {"id": "a2", "html": "<html><body><p>Hi</p></body></html>", "outlet": "AP", "authors": "Jane Roe"},
        {"id": "a3", "title": "no body"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n", encoding="utf-8")
    docs, errs = _split(list(read_inputs([str(path)])))
    assert [d.id for d in docs] == ["a1", "a2"]
    assert docs[0].meta == {
        "title": "T1",
        "published": "2023-03-17",
        "outlet": "Reuters",
        "story": "s9",
        "input_id": f"{path}#a1",  # what the store knows the record by, wherever it moves in the file
    }
    assert docs[1].kind == "html" and docs[1].meta["authors"] == ["Jane Roe"]
    assert len(errs) == 2
    assert errs[0].source.endswith("feed.jsonl:3") and "neither" in errs[0].problem
    assert errs[1].source.endswith("feed.jsonl:4") and "invalid JSON" in errs[1].problem


def test_json_array_and_gzip(tmp_path: Path):
    data = json.dumps([{"text": "One."}, {"text": "Two."}]).encode()
    path = tmp_path / "dump.json.gz"
    path.write_bytes(gzip.compress(data))
    docs, errs = _split(list(read_inputs([str(path)])))
    assert not errs and [d.id for d in docs] == ["dump-0", "dump-1"]


def test_bad_inputs_are_named_and_others_go_on(tmp_path: Path, demo_dir: Path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "trunc.txt.gz").write_bytes(gzip.compress(b"hello world " * 100)[:30])
    good = tmp_path / "good.txt"
    good.write_text((demo_dir / "000_d926349e394c1f47.txt").read_text())
    docs, errs = _split(list(read_inputs([str(tmp_path), str(tmp_path / "missing.html")])))
    # the cut-off gzip keeps the text that decompressed (and is still named as damaged below)
    assert [d.id for d in docs] == ["good", "trunc"]
    assert docs[1].content.startswith("hello world")
    problems = {Path(e.source).name: e.problem for e in errs}
    assert problems["empty.txt"] == "empty input"
    assert "binary" in problems["binary.txt"]
    assert "gzip" in problems["trunc.txt.gz"]
    assert problems["missing.html"] == "no such file or folder"


def test_html_charset_from_meta(tmp_path: Path):
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 au lait, S\xe3o Paulo.</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("latin-1"))
    (doc,) = list(read_inputs([str(path)]))
    assert doc.kind == "html" and "Café" in doc.content and "São" in doc.content


def test_stdin_dash_reads_text_and_jsonl(demo_dir: Path):
    from click.testing import CliRunner

    from newsprism.cli import main

    text = (demo_dir / "002_977fb0aefb6c66fe.txt").read_text()
    res = CliRunner().invoke(main, ["clean", "-"], input=text)
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert len(rows) == 1 and "Xi Jinping" in rows[0]["text"] and rows[0]["source"] == "stdin"
    records = "\n".join(json.dumps({"id": f"r{i}", "text": text, "outlet": "Wire"}) for i in range(2))
    res = CliRunner().invoke(main, ["clean", "-"], input=records + "\n")
    assert res.exit_code == 0, res.output
    assert [json.loads(line)["id"] for line in res.output.splitlines() if line.startswith("{")] == ["r0", "r1"]
