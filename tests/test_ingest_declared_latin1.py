"""A page declaring ISO-8859-1 is read as browsers read it (Windows-1252): its curly quotes are kept."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

import newsprism
from newsprism.ingest import read_inputs
from newsprism.ingest.decode import decode_declared
from newsprism.ingest.url import _transcode
from newsprism.model import RawDocument

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "extraction" / "html"
_CHARSET = re.compile(r"<meta[^>]*charset[^>]*>", re.I)


def _latin1_page() -> tuple[str, bytes]:
    """An extraction page with curly quotes that Windows-1252 can hold, declared ISO-8859-1."""
    if not PAGES.exists():
        pytest.skip(f"../shared/eval/extraction not found at {PAGES}")
    for path in sorted(PAGES.glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        if "“" not in html or "”" not in html:
            continue
        html = _CHARSET.sub("", html).replace("<head>", '<head><meta charset="iso-8859-1">', 1)
        try:
            return html, html.encode("cp1252")
        except UnicodeEncodeError:
            continue
    pytest.skip("no extraction page fits Windows-1252")


def test_a_page_declaring_iso_8859_1_keeps_its_quote_marks(tmp_path: Path):
    html, data = _latin1_page()
    (tmp_path / "utf8.html").write_text(html, encoding="utf-8")
    (tmp_path / "latin1.html").write_bytes(data)
    docs = [d for d in read_inputs([tmp_path / "latin1.html"]) if isinstance(d, RawDocument)]
    assert docs[0].content == html
    a, b = newsprism.clean([tmp_path / "latin1.html", tmp_path / "utf8.html"])
    assert a.text == b.text and any(mark in a.text for mark in "“”’")
    assert not re.search("[\x80-\x9f]", a.text)


def test_declared_labels_read_like_a_browser():
    data = "“Yes,” she said — 5 €".encode("cp1252")
    assert decode_declared(data, "ISO-8859-1") == "“Yes,” she said — 5 €"
    assert decode_declared(data, "us-ascii") == "“Yes,” she said — 5 €"
    assert decode_declared(b"caf\xe9 \x81", "latin1") == "café \x81"  # a byte cp1252 leaves undefined
    assert decode_declared("Größe".encode("iso-8859-15"), "iso-8859-15") == "Größe"


def test_an_http_charset_of_iso_8859_1_is_honoured_the_same_way():
    from newsprism.ingest.net import FetchResult

    body = "<p>“Yes,” she said.</p>".encode("cp1252")
    result = FetchResult(url="https://x.example/", body=body, content_type="text/html", charset="iso-8859-1")
    assert _transcode(result).decode("utf-8") == "<p>“Yes,” she said.</p>"
