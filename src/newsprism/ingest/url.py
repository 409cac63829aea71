"""Bare URLs as inputs: fetch under the SSRF policy (:mod:`newsprism.ingest.net`), then read by content type."""

from __future__ import annotations

from collections.abc import Iterator

from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, read_bytes
from newsprism.ingest.decode import decode_declared
from newsprism.ingest.net import FetchResult
from newsprism.model import RawDocument

_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "application/json": "json",
    "application/x-ndjson": "json",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/warc": "warc",
}
_SNIFF = {"application/xml", "text/xml", "application/octet-stream", "application/gzip", "application/x-gzip", ""}


def format_of(result: FetchResult) -> str | None:
    """Reader for a response: by content type; None lets the generic reader sniff (XML, gzip, unlabeled)."""
    if result.content_type in _FORMATS:
        return _FORMATS[result.content_type]
    if result.content_type in _SNIFF:
        return None
    return "unsupported"


def _transcode(result: FetchResult) -> bytes:
    """Honour the HTTP charset by handing readers UTF-8 (they try UTF-8 first, then guess)."""
    if not result.charset or result.charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return result.body
    try:
        return decode_declared(result.body, result.charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return result.body


def document_from_response(
    url: str, result: FetchResult, options: IngestOptions | None = None
) -> Iterator[RawDocument | InputError]:
    """RawDocuments from one fetched response; a page keeps its URL as id and ``meta["url"]``."""
    fmt = format_of(result)
    if fmt == "unsupported":
        yield InputError(url, f"unsupported content type {result.content_type!r}")
        return
    data = _transcode(result) if fmt in ("html", "text") else result.body
    single = fmt in ("html", "text")
    for item in read_bytes(url, data, options, fmt=fmt):
        if isinstance(item, RawDocument):
            if single or item.kind == "html" and item.source == url:
                item.id = url
            item.meta.setdefault("url", result.url)
            if result.date:
                item.meta.setdefault("fetched", result.date)
        yield item


def read_url(url: str, options: IngestOptions | None = None) -> Iterator[RawDocument | InputError]:
    """Fetch ``url`` (checked against private addresses unless ``options.allow_private``) and read it."""
    options = options or IngestOptions()
    try:
        result = options.get_fetcher().fetch(url)
    except InputError as err:
        yield err
        return
    yield from document_from_response(url, result, options)
