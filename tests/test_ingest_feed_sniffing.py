"""A feed with no .rss/.xml suffix (stdin, a URL served as XML, a file named 'feed') is read as a feed."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import newsprism
from newsprism.ingest import read_inputs
from newsprism.model import RawDocument

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _bodies() -> list[str]:
    return [
        escape(p.read_text(encoding="utf-8").strip().partition("\n")[2].strip()) for p in sorted(DEMO.glob("*.txt"))
    ]


def _feeds() -> dict[str, str]:
    a, b, *_ = _bodies()
    return {
        "rss2 without declaration": (
            '<rss version="2.0"><channel><title>Ledger</title>'
            f"<item><title>One</title><guid>1</guid><description>{a}</description></item>"
            f"<item><title>Two</title><guid>2</guid><description>{b}</description></item></channel></rss>"
        ),
        "rss1 (rdf)": (
            '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://ledger.example/"><title>Ledger</title>'
            "<link>https://ledger.example/</link><description>d</description></channel>"
            f'<item rdf:about="https://ledger.example/1"><title>One</title><link>https://ledger.example/1</link>'
            f"<description>{a}</description></item>"
            f'<item rdf:about="https://ledger.example/2"><title>Two</title><link>https://ledger.example/2</link>'
            f"<description>{b}</description></item></rdf:RDF>"
        ),
        "atom without declaration": (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>'
            f"<entry><title>One</title><id>urn:1</id><updated>2023-03-17T10:00:00Z</updated><content>{a}</content></entry>"
            f"<entry><title>Two</title><id>urn:2</id><updated>2023-03-17T11:00:00Z</updated><content>{b}</content></entry>"
            "</feed>"
        ),
    }


@pytest.mark.parametrize("name", list(_feeds()))
def test_a_feed_in_a_file_without_suffix_is_read_entry_by_entry(tmp_path: Path, name: str):
    path = tmp_path / "feed"
    path.write_text(_feeds()[name], encoding="utf-8")
    docs = [d for d in read_inputs([path]) if isinstance(d, RawDocument)]
    assert [d.meta.get("title") for d in docs] == ["One", "Two"]
    assert all("<" not in d.meta["title"] for d in docs)


def test_a_feed_piped_without_declaration_is_read_as_a_feed(monkeypatch):
    data = _feeds()["rss2 without declaration"].encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles = newsprism.clean(["-"])
    assert [a.title for a in articles] == ["One", "Two"] and [a.outlet for a in articles] == ["Ledger", "Ledger"]
