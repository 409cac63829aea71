"""WARC (and old ARC) web archives: every successful HTML response becomes one RawDocument.

Why only ``response`` records with status 200 and an HTML type: requests, metadata,
redirects, errors and images carry no article. The crawl date (``WARC-Date``) is kept as
``meta["fetched"]``, a fallback for the cleaner, never as the publication date.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsprism.errors import InputError
from newsprism.ingest import _stem, register_reader
from newsprism.ingest.decode import MAX_BYTES, decode_bytes, decode_declared
from newsprism.ingest.net import _content_type
from newsprism.model import RawDocument

HTML_TYPES = {"text/html", "application/xhtml+xml"}


def _decode(where: str, body: bytes, charset: str | None) -> str:
    if charset:
        try:
            return decode_declared(body, charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(where, body, html=True)


def _drain(stream) -> None:
    """Read a record's stream to its end in blocks (a skipped record may be large)."""
    while stream.read(1 << 16):
        pass


def read_warc(source: str, data: bytes) -> Iterator[RawDocument | InputError]:
    """HTML pages from a WARC; a truncated or corrupt archive ends with one InputError naming it."""
    if not data.strip():
        yield InputError(source, "empty input")
        return
    stem = _stem(source)
    n = -1
    found = 0
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data), arc2warc=True)):
            ctype, charset = "", None
            headers = record.http_headers if record.rec_type == "response" else None
            if headers is not None and headers.get_statuscode() == "200":
                ctype, charset = _content_type(headers.get_header("Content-Type") or "")
            body = record.content_stream().read(MAX_BYTES + 1) if ctype in HTML_TYPES else b""
            # Why read every record to its end: a skipped record (an image, metadata) cut short was
            # never noticed, so an archive truncated in one passed for whole.
            _drain(record.raw_stream)
            if getattr(record.raw_stream, "limit", 0):
                yield InputError(source, f"truncated WARC: record {n} is cut short")
                return
            if ctype not in HTML_TYPES:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{n}"
            if len(body) > MAX_BYTES:
                yield InputError(where, f"response body over the {MAX_BYTES // 2**20} MiB cap; skipped")
                continue
            try:
                text = _decode(where, body, charset)
            except InputError as err:
                yield err
                continue
            meta = {"url": url} if url else {}
            date = record.rec_headers.get_header("WARC-Date")
            if date:
                meta["fetched"] = date
            found += 1
            yield RawDocument(id=url or f"{stem}-{n}", source=where, content=text, kind="html", meta=meta)
    except (ArchiveLoadFailed, AttributeError, ValueError, EOFError, OSError, zlib.error) as exc:
        # Why AttributeError: warcio 1.8 raises it on a header block cut mid-line.
        at = f" after record {n}" if n >= 0 else ""
        yield InputError(source, f"truncated or invalid WARC{at} ({type(exc).__name__}: {exc})")
        return
    if n < 0:
        yield InputError(source, "not a WARC file (no records)")
    elif not found:
        yield InputError(source, "WARC holds no HTML response with status 200")


register_reader("warc", read_warc)
