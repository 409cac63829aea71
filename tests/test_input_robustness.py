"""Inputs a user really hands over: same-named files from two sites, fragments, odd dates, damaged archives."""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path

from click.testing import CliRunner

import newsprism
from newsprism.cli import main
from newsprism.errors import InputError
from newsprism.model import Article

BRIDGE = (
    "The city council of Springfield voted on Monday to close the Main Street bridge for six months of repairs. "
    "Mayor Ann Lee said the work would cost 4 million dollars and that buses would take a longer route. "
    "Shop owners near the bridge said they feared losing customers during the busy summer season."
)
FLOOD = (
    "Heavy rain flooded the lower town of Riverton on Sunday, forcing 300 families from their homes. "
    "The fire brigade rescued a farmer and his dog from the roof of a barn surrounded by water. "
    "Forecasters expect the river to fall slowly over the next three days as the storm moves east."
)


def _two_sites(tmp_path: Path) -> Path:
    """Two sites' pages saved under the same file name: both read as id 'index'."""
    for site, text in (("gazette", BRIDGE), ("herald", FLOOD)):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.txt").write_text(text, encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------ one id per article
def test_same_file_name_in_two_folders_gives_two_ids(tmp_path: Path):
    errors: list[InputError] = []
    articles = newsprism.clean([_two_sites(tmp_path)], on_error=errors.append)
    assert [a.id for a in articles] == ["index", "index~2"]
    assert "Springfield" in articles[0].text and "Riverton" in articles[1].text
    assert len(errors) == 1 and errors[0].source.endswith("herald/index.txt")
    assert "'index~2'" in errors[0].problem and "gazette/index.txt" in errors[0].problem


def test_brief_of_same_named_files_cites_each_story_its_own_article(tmp_path: Path):
    root = _two_sites(tmp_path)
    result = CliRunner().invoke(main, ["brief", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    by_text = {}
    for story in brief["stories"]:
        assert len(story["sources"]) == 1
        by_text[story["summary"][0]["text"].split()[0]] = story["sources"][0]["article"]
    # Before: both stories listed the last 'index' read (the flood) as their one source.
    assert sorted(by_text.values()) == ["index", "index~2"]
    assert "index~2" in result.stderr and "herald" in result.stderr


def test_articles_passed_in_with_one_id_are_kept_apart():
    a = Article(id="1", text=BRIDGE, outlet="Gazette")
    b = Article(id="1", text=FLOOD, outlet="Herald")
    c = Article(id="1~2", text=FLOOD + " More rain is due.", outlet="Courier")
    out = newsprism.api.unique_ids([a, b, c])
    assert [x.id for x in out] == ["1", "1~3", "1~2"]
    assert b.id == "1" and out[1].text == FLOOD  # copied, not changed


# ------------------------------------------------------------------ HTML fragments
def test_html_fragments_in_json_files_and_feeds_are_read(tmp_path: Path):
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"id": "one-paragraph", "html": f"<p>{BRIDGE}</p>", "outlet": "Gazette"})
        + "\n"
        + json.dumps({"id": "entities-only", "html": FLOOD.replace("300", "&lt;300&gt;"), "outlet": "Herald"})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "snippet.html").write_text(f"<div><p>{FLOOD}</p></div>", encoding="utf-8")
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Valley News</title>'
        f"<item><title>Bridge</title><link>http://valley.example/bridge</link><description>{BRIDGE}</description>"
        "<pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>"
        f"<item><title>Flood</title><link>http://valley.example/flood</link>"
        f"<description><![CDATA[<p>{FLOOD}</p>]]></description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    errors: list[InputError] = []
    articles = {a.id: a for a in newsprism.clean([tmp_path], on_error=errors.append)}
    # Before: each of these was dropped with "HTML could not be parsed".
    assert not errors, [str(e) for e in errors]
    assert articles["one-paragraph"].text == BRIDGE
    assert articles["entities-only"].text == FLOOD.replace("300", "<300>")
    assert articles["snippet"].text == FLOOD
    assert articles["http://valley.example/bridge"].text == BRIDGE
    assert articles["http://valley.example/bridge"].published == "2024-05-07T10:00:00+00:00"
    assert articles["http://valley.example/flood"].text == FLOOD


# ------------------------------------------------------------------ dates of JSON records
def test_record_dates_in_other_forms_become_iso_and_unreadable_ones_are_named(tmp_path: Path):
    rows = [
        {"id": "rfc", "text": BRIDGE, "outlet": "Gazette", "date": "Tue, 07 May 2024 10:00:00 GMT"},
        {"id": "written", "text": BRIDGE, "outlet": "Herald", "published": "May 6, 2024"},
        {"id": "millis", "text": FLOOD, "outlet": "Courier", "published": 1715076000000},
        {"id": "iso", "text": FLOOD, "outlet": "Post", "published": "2024-05-08T09:30:00+02:00"},
        {"id": "junk", "text": FLOOD, "outlet": "Times", "date": "last Tuesday-ish"},
    ]
    path = tmp_path / "dated.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    errors: list[InputError] = []
    articles = {a.id: a for a in newsprism.dedupe(newsprism.clean([path], on_error=errors.append))}
    assert {k: a.published for k, a in articles.items()} == {
        "rfc": "2024-05-07T10:00:00+00:00",
        "written": "2024-05-06",
        "millis": "2024-05-07T10:00:00+00:00",
        "iso": "2024-05-08T09:30:00+02:00",
        "junk": None,
    }
    assert [(e.source, e.problem) for e in errors] == [
        (f"{path}:5", "date 'last Tuesday-ish' is not a date newsprism can read; left out")
    ]
    # The copy published first is the original (before: 'May 6, 2024' sorted after every ISO date).
    assert articles["rfc"].duplicate_of == "written" and articles["written"].duplicate_of is None


# ------------------------------------------------------------------ UTF-16
def test_utf16_text_and_jsonl_with_a_byte_order_mark_are_read(tmp_path: Path, monkeypatch):
    # What Windows Notepad saves as "Unicode": UTF-16 LE with a BOM, half its bytes zero.
    (tmp_path / "notepad.txt").write_bytes(BRIDGE.replace(". ", ".\r\n").encode("utf-16"))
    record = json.dumps({"id": "r1", "text": FLOOD, "outlet": "Courier", "date": "2024-05-05"}, ensure_ascii=False)
    (tmp_path / "export.jsonl").write_bytes(codecs.BOM_UTF16_BE + (record + "\n").encode("utf-16-be"))
    errors: list[InputError] = []
    articles = {a.id: a for a in newsprism.clean([tmp_path], on_error=errors.append)}
    assert not errors, [str(e) for e in errors]  # before: "binary data, not text or HTML"
    assert " ".join(articles["notepad"].text.split()) == BRIDGE
    assert articles["r1"].text == FLOOD and articles["r1"].outlet == "Courier"
    # stdin has no suffix: the format is sniffed through the BOM
    data = (record + "\n").encode("utf-16")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (piped,) = newsprism.clean(["-"], on_error=errors.append)
    assert piped.id == "r1" and piped.published == "2024-05-05" and not errors


# ------------------------------------------------------------------ broken feeds
def _feed(items: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Valley News</title>{items}</channel></rss>'


def test_a_feed_broken_mid_way_says_how_many_entries_are_lost(tmp_path: Path):
    item = "<item><title>{0}</title><link>http://valley.example/{0}</link><description>{1}</description></item>"
    broken = (
        item.format("bridge", BRIDGE) + "<item><title>Cut</title><description><![CDATA[<p>unclosed</description></item>"
    )
    broken += item.format("flood", FLOOD) + item.format("ferry", FLOOD.replace("Riverton", "Ferrytown"))
    (tmp_path / "broken.rss").write_text(_feed(broken), encoding="utf-8")
    # An undefined entity is also not well-formed, but the lenient parser reads every entry: no warning.
    (tmp_path / "entity.rss").write_text(_feed(item.format("nbsp", BRIDGE.replace("Mayor ", "Mayor&nbsp;"))), "utf-8")
    errors: list[InputError] = []
    articles = newsprism.clean([tmp_path], on_error=errors.append)
    assert sorted(a.id for a in articles) == ["http://valley.example/bridge", "http://valley.example/nbsp"]
    lost = [e for e in errors if "well-formed" in e.problem]
    # Before: the flood and ferry entries vanished without a word.
    assert [(Path(e.source).name, e.problem.split(": read ")[1]) for e in lost] == [
        ("broken.rss", "2 of its 4 entries, the rest are lost after the error")
    ]
