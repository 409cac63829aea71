"""JSON records whose fields have the wrong type: each field is read or named, the record and the run go on."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import newsprism
from newsprism.cli import main
from newsprism.errors import InputError
from newsprism.ingest import read_inputs
from newsprism.model import RawDocument

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]


def _write(tmp_path: Path, rows: list) -> Path:
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_number_as_author_is_named_and_the_other_records_go_on(tmp_path: Path):
    a, b, _, _, _ = _texts()
    path = _write(tmp_path, [{"id": "a", "text": a, "authors": 5}, {"id": "b", "text": b, "authors": "Jane Doe"}])
    result = CliRunner().invoke(main, ["clean", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["authors"] == [] and rows[1]["authors"] == ["Jane Doe"]
    assert "export.jsonl:1: author 5 is not a name; left out" in result.stderr


def test_author_objects_lists_and_outlet_objects_give_names_not_reprs(tmp_path: Path):
    a, b, c, _, _ = _texts()
    path = _write(
        tmp_path,
        [
            {"id": "a", "text": a, "authors": [{"name": "Jane Roe"}, {"@type": "Person", "name": "Sam Poe"}]},
            {"id": "b", "text": b, "author": {"name": "Ann Lee"}, "outlet": {"url": "https://x.example"}},
            {"id": "c", "text": c, "authors": [["Bo Li"]], "source": {"name": "Gazette"}},
        ],
    )
    docs = {d.id: d for d in read_inputs([path]) if isinstance(d, RawDocument)}
    assert docs["a"].meta["authors"] == ["Jane Roe", "Sam Poe"]
    assert docs["b"].meta["authors"] == ["Ann Lee"] and "outlet" not in docs["b"].meta  # was the text 'None'
    assert docs["c"].meta["authors"] == ["Bo Li"] and docs["c"].meta["outlet"] == "Gazette"


def test_list_and_object_fields_are_named_not_kept_as_python_text(tmp_path: Path):
    a, b, _, _, _ = _texts()
    path = _write(
        tmp_path,
        [{"id": "a", "text": a, "title": ["Xi", "Putin"], "url": ["https://x.example/a"]}, {"id": "b", "text": b}],
    )
    errors: list[InputError] = []
    articles = newsprism.clean([path], on_error=errors.append)
    assert [x.id for x in articles] == ["a", "b"]
    assert "[" not in articles[0].title and articles[0].url is None
    assert {str(e) for e in errors} == {
        f"{path}:1: 'title' is a list, not text; left out",
        f"{path}:1: 'url' is a list, not text; left out",
    }


def test_nested_bodies_and_paragraph_lists_are_read(tmp_path: Path):
    a, b, c, _, _ = _texts()
    paragraphs = [p for p in c.split("\n") if p.strip()]
    wordpress = {
        "id": 123,
        "link": "https://wp.example/2023/03/xi",
        "title": {"rendered": "Xi to visit Moscow"},
        "content": {"rendered": "".join(f"<p>{p}</p>" for p in a.split("\n") if p.strip()), "protected": False},
    }
    path = _write(tmp_path, [wordpress, {"id": "b", "body": {"text": b}}, {"id": "c", "text": paragraphs}])
    docs = [d for d in read_inputs([path])]
    assert all(isinstance(d, RawDocument) for d in docs), docs
    assert [(d.id, d.kind) for d in docs] == [("123", "html"), ("b", "text"), ("c", "text")]
    assert docs[0].meta["title"] == "Xi to visit Moscow"
    assert docs[2].content == "\n\n".join(p.strip() for p in paragraphs)
    articles = newsprism.clean([path])
    assert [x.id for x in articles] == ["123", "b", "c"]
    assert articles[0].title == "Xi to visit Moscow"


def test_a_body_of_the_wrong_type_says_which_field_and_what_it_is(tmp_path: Path):
    a = _texts()[0]
    path = _write(tmp_path, [{"id": "x", "text": 42}, {"id": "y", "content": {"data": "?"}}, {"id": "a", "text": a}])
    items = list(read_inputs([path]))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert errors == [
        f"{path}:1: record has neither 'text' nor 'html' as a string ('text' is int)",
        f"{path}:2: record has neither 'text' nor 'html' as a string ('content' is an object)",
    ]
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["a"]


def test_a_wordpress_rendered_title_is_text(tmp_path: Path):
    a = _texts()[0]
    path = _write(
        tmp_path, [{"id": 7, "title": {"rendered": "Xi&#8217;s <em>Moscow</em> visit &amp; talks"}, "text": a}]
    )
    (doc,) = [d for d in read_inputs([path]) if isinstance(d, RawDocument)]
    assert doc.meta["title"] == "Xi’s Moscow visit & talks"
