"""Feed and WARC readers on realistic files, plus every bad-input case naming its file."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.decode import MAX_BYTES
from newsprism.ingest.net import Fetcher
from test_ingest_url import html, serve

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _split(items):
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


# ------------------------------------------------------------------ RSS / Atom
def test_rss2_with_content_encoded():
    docs, errs = _split(list(read_inputs([str(FIXTURES / "world-rss2.xml")])))
    assert not errs
    assert [d.id for d in docs] == [
        "hl-2023-03-20-0412",
        "hl-2023-03-17-0098",
        "https://harbourledger.example/uk/2023/03/10/storm-larisa",  # no guid: the link
    ]
    xi = docs[0]
    assert xi.kind == "html" and xi.source.endswith("world-rss2.xml[0]")
    assert "Vnukovo airport" in xi.content and "trackEvent" not in xi.content  # full body, sanitised
    assert xi.meta == {
        "title": "Xi arrives in Moscow for three-day state visit",
        "url": "https://harbourledger.example/world/2023/03/20/xi-arrives-moscow",
        "published": "2023-03-20T13:05:00+00:00",
        "authors": ["Mara Lindqvist"],
        "outlet": "The Harbour Ledger — World",
        "input_id": f"{FIXTURES / 'world-rss2.xml'}#hl-2023-03-20-0412",  # the guid: stable as the feed grows
    }
    assert docs[1].meta["authors"] == ["Tomás Ferreira"]
    # <source> names the outlet the item came from; description-only item is kept as its teaser
    assert docs[2].meta["outlet"] == "Wire Example" and "Storm Larisa" in docs[2].content


def _atom(base: str, tmp_path: Path) -> Path:
    path = tmp_path / "courier.atom"
    path.write_text((FIXTURES / "world-atom.xml").read_text().replace("{BASE}", base), encoding="utf-8")
    return path


def test_atom_summary_only_without_fetch_keeps_teasers(tmp_path: Path):
    with serve({}) as srv:
        docs, errs = _split(list(read_inputs([str(_atom(srv.base, tmp_path))])))
        assert srv.requests == []  # no network unless asked
    assert not errs and len(docs) == 2
    pledge, tram = docs
    assert pledge.kind == "text" and pledge.content.startswith("The two leaders signed")
    assert pledge.meta["authors"] == ["Priya Raman", "Owen Hale"]
    assert pledge.meta["published"] == "2023-03-21T16:20:00+00:00"
    assert pledge.meta["updated"] == "2023-03-21T18:02:00+00:00"
    assert pledge.meta["outlet"] == "Northgate Courier"
    assert tram.kind == "html" and "<b>east–west</b>" in tram.content


def test_atom_teasers_fetch_linked_pages(tmp_path: Path):
    page = (FIXTURES / "putin-xi-pledge.html").read_bytes()
    with serve({"/world/putin-xi-pledge.html": html(page)}) as srv:
        opts = IngestOptions(fetch=True, fetcher=Fetcher(allow_private=True, min_interval=0))
        items = list(read_inputs([str(_atom(srv.base, tmp_path))], options=opts))
        assert sorted(srv.paths()) == ["/local/tram-line.html", "/world/putin-xi-pledge.html"]
    docs, errs = _split(items)
    pledge, tram = docs
    assert pledge.kind == "html" and "200 billion dollars" in pledge.content
    assert pledge.meta["url"] == f"{srv.base}/world/putin-xi-pledge.html"
    assert pledge.meta["title"] == "Putin and Xi sign pledge on 'new era' partnership"
    assert pledge.meta["teaser"].startswith("The two leaders")
    assert pledge.meta["input_key"]  # re-ingesting is decided on the entry, not the fetched page
    # the second link is a 404: reported naming the feed entry, and its teaser kept
    (err,) = errs
    assert err.source.endswith("courier.atom[1]") and "HTTP 404" in err.problem
    assert tram.kind == "html" and "31 to 12" in tram.content


def test_fetch_skips_entries_the_store_has_seen(tmp_path: Path):
    with serve({"/world/putin-xi-pledge.html": html()}) as srv:
        opts = IngestOptions(
            fetch=True, fetcher=Fetcher(allow_private=True, min_interval=0), seen=lambda source, key: True
        )
        docs, _ = _split(list(read_inputs([str(_atom(srv.base, tmp_path))], options=opts)))
        assert srv.requests == [] and len(docs) == 2


def test_feed_fetch_is_ssrf_checked(tmp_path: Path):
    with serve({"/world/putin-xi-pledge.html": html()}) as srv:
        opts = IngestOptions(fetch=True, fetcher=Fetcher(min_interval=0))  # private addresses refused
        docs, errs = _split(list(read_inputs([str(_atom(srv.base, tmp_path))], options=opts)))
        assert srv.requests == []
    assert len(docs) == 2 and len(errs) == 2 and all("loopback" in e.problem for e in errs)


def test_gzipped_feed(tmp_path: Path):
    path = tmp_path / "world.rss.gz"
    path.write_bytes(gzip.compress((FIXTURES / "world-rss2.xml").read_bytes()))
    docs, errs = _split(list(read_inputs([str(path)])))
    assert not errs and len(docs) == 3


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("notxml.rss", b"this is { not xml at all", "not an RSS or Atom feed"),
        ("html.xml", b"<html><body><p>hello</p></body></html>", "not an RSS or Atom feed"),
        ("empty.atom", b"", "empty input"),
        (
            "noentries.xml",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
            "feed has no entries",
        ),
    ],
)
def test_bad_feeds(tmp_path: Path, name: str, data: bytes, problem: str):
    (tmp_path / name).write_bytes(data)
    (err,) = list(read_inputs([str(tmp_path / name)]))
    assert isinstance(err, InputError) and err.source.endswith(name) and problem in err.problem


# ------------------------------------------------------------------ WARC
ARTICLE = (FIXTURES / "putin-xi-pledge.html").read_bytes()


def write_warc(path: Path, *, compress: bool = False) -> bytes:
    """A small crawl: a request, the article response, a 404, a redirect, an image, metadata."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=compress)

    def response(url: str, status: str, ctype: str, body: bytes, date: str) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Server", "nginx")], protocol="HTTP/1.1")
        rec = w.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
        )
        w.write_record(rec)

    url = "https://northgatecourier.example/world/putin-xi-pledge.html"
    req_headers = StatusAndHeaders(
        "GET /world/putin-xi-pledge.html HTTP/1.1",
        [("Host", "northgatecourier.example"), ("User-Agent", "crawler")],
        is_http_request=True,
    )
    w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req_headers))
    response(url, "200 OK", "text/html; charset=utf-8", ARTICLE, "2023-03-22T08:30:00Z")
    response(
        "https://northgatecourier.example/missing",
        "404 Not Found",
        "text/html",
        b"<h1>Not found</h1>",
        "2023-03-22T08:31:00Z",
    )
    response("https://northgatecourier.example/old", "301 Moved Permanently", "text/html", b"", "2023-03-22T08:31:05Z")
    response(
        "https://northgatecourier.example/logo.png",
        "200 OK",
        "image/png",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        "2023-03-22T08:31:06Z",
    )
    latin = "<html><body><p>Caf\xe9 Nord reopens in S\xe3o Paulo.</p></body></html>".encode("latin-1")
    response(
        "https://northgatecourier.example/cafe",
        "200 OK",
        "text/html; charset=iso-8859-1",
        latin,
        "2023-03-22T08:32:00Z",
    )
    w.write_record(
        w.create_warc_record("urn:meta", "metadata", payload=io.BytesIO(b"crawl: test"), warc_content_type="text/plain")
    )
    data = buf.getvalue()
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("compress", [False, True])
def test_warc_html_responses_only(tmp_path: Path, compress: bool):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, compress=compress)
    docs, errs = _split(list(read_inputs([str(path)])))
    assert not errs
    assert [d.id for d in docs] == [
        "https://northgatecourier.example/world/putin-xi-pledge.html",
        "https://northgatecourier.example/cafe",
    ]
    article, cafe = docs
    assert article.kind == "html" and "200 billion dollars" in article.content
    assert article.meta == {"url": article.id, "fetched": "2023-03-22T08:30:00Z"}
    assert "published" not in article.meta  # the crawl date is only a fallback
    assert "Café Nord" in cafe.content


def test_truncated_warc_keeps_earlier_records_and_names_the_file(tmp_path: Path):
    data = write_warc(tmp_path / "full.warc")
    cut = data.index(b"Analysts said") + 10  # inside the article response's body
    (tmp_path / "cut.warc").write_bytes(data[:cut])
    docs, errs = _split(list(read_inputs([str(tmp_path / "cut.warc")])))
    assert docs == []
    (err,) = errs
    assert err.source.endswith("cut.warc") and "truncated" in err.problem
    # cut later: the article survives, the error still names the file
    later = data.index(b"Caf\xe9 Nord") + 3
    (tmp_path / "cut2.warc").write_bytes(data[:later])
    docs, errs = _split(list(read_inputs([str(tmp_path / "cut2.warc")])))
    assert [d.id for d in docs] == ["https://northgatecourier.example/world/putin-xi-pledge.html"]
    assert len(errs) == 1 and "truncated" in errs[0].problem


def test_truncated_warc_gz_and_garbage_warc(tmp_path: Path):
    write_warc(tmp_path / "crawl.warc.gz", compress=True)
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "crawl.warc.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "junk.warc").write_bytes(b"WARC/1.0\r\nthis is not a real header block" + b"\r\n" * 3)
    (tmp_path / "empty.warc").write_bytes(b"")
    docs, errs = _split(list(read_inputs([str(tmp_path)])))
    problems = {Path(e.source).name: e.problem for e in errs}
    assert "gzip" in problems["crawl.warc.gz"]
    assert "WARC" in problems["junk.warc"]
    assert problems["empty.warc"] == "empty input"


# ------------------------------------------------------------------ generic bad inputs
def test_over_cap_file_is_refused_without_reading(tmp_path: Path):
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:  # sparse: no 50 MiB actually written
        fh.truncate(MAX_BYTES + 1)
    assert os.stat(path).st_blocks * 512 < 2**20
    (err,) = list(read_inputs([str(path)]))
    assert isinstance(err, InputError) and err.source == str(path) and "cap" in err.problem


def test_gzip_bomb_over_cap_is_refused(tmp_path: Path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b" " * (MAX_BYTES + 10), compresslevel=1))
    (err,) = list(read_inputs([str(path)]))
    assert "decompressed size" in err.problem


def test_wrong_and_missing_charsets(tmp_path: Path):
    text = "Le caf\xe9 de la gare a rouvert lundi, a d\xe9clar\xe9 le maire de Besan\xe7on. " * 5
    # declares UTF-8, is Latin-1
    (tmp_path / "wrong.html").write_bytes(
        f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'.encode("latin-1")
    )
    (tmp_path / "nocharset.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "bogus.html").write_bytes(
        f'<html><head><meta charset="x-no-such-charset"></head><body><p>{text}</p></body></html>'.encode("latin-1")
    )
    docs, errs = _split(list(read_inputs([str(tmp_path)])))
    assert not errs and len(docs) == 3
    for d in docs:
        assert "café de la gare" in d.content and "Besançon" in d.content


def test_json_with_missing_fields_names_each_record(tmp_path: Path):
    records = [{"id": "ok", "text": "A real body."}, {"id": "x", "title": "no body"}, {"id": "y", "text": ""}, 42]
    (tmp_path / "batch.json").write_text(json.dumps(records))
    docs, errs = _split(list(read_inputs([str(tmp_path / "batch.json")])))
    assert [d.id for d in docs] == ["ok"]
    assert [Path(e.source).name for e in errs] == ["batch.json[1]", "batch.json[2]", "batch.json[3]"]
    assert "neither" in errs[0].problem and "expected a JSON object" in errs[2].problem


def test_html_with_no_article_is_reported_by_the_pipeline(tmp_path: Path):
    from newsprism.api import clean

    nav = "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav><footer>© 2023</footer></body></html>"
    (tmp_path / "nav.html").write_text(nav)
    reported: list[InputError] = []
    assert clean([tmp_path / "nav.html"], on_error=reported.append) == []
    assert len(reported) == 1 and reported[0].source.endswith("nav.html")
