"""RSS and Atom feeds: one RawDocument per entry (feedparser does the dialects and date formats).

Why fetch only on request: most feeds carry just a teaser, but fetching the linked page is
network access driven by a stranger's file, so it happens only with ``fetch=True`` and goes
through the SSRF-checked fetcher. Without it the teaser is still an input (short, but real).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import html
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXException

import feedparser

from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, _stem, register_reader
from newsprism.model import RawDocument

TEASER_WORDS = 150
"""An entry whose only body is a summary shorter than this many words is a teaser."""
_TAG = re.compile(r"<[^>]+>")
_ENTRY_TAG = re.compile(rb"<(?:item|entry)[\s>]")


def _iso(parsed: Any) -> str | None:
    """feedparser's UTC struct_time as ISO 8601 (what the rest of newsprism trusts: ``YYYY-MM-DD…``)."""
    if not parsed:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


def _body(entry: Any) -> tuple[str, str, bool]:
    """``(content, kind, full)``: the richest body of an entry and whether it is more than a teaser."""
    best = None
    for part in entry.get("content") or []:
        value = (part.get("value") or "").strip()
        if value and (best is None or len(value) > len(best.get("value", ""))):
            best = part
    if best is not None:
        kind = "html" if "html" in (best.get("type") or "html") else "text"
        return best["value"].strip(), kind, True
    summary = (entry.get("summary") or "").strip()
    detail = entry.get("summary_detail") or {}
    kind = "html" if "html" in (detail.get("type") or "text/html") else "text"
    words = len(_TAG.sub(" ", summary).split())
    return summary, kind, words >= TEASER_WORDS


def _plain(value: str) -> str:
    """A title or feed name as text: tags dropped, then entities decoded.

    Why decode: feedparser hands titles typed HTML over as HTML, so '<title>Xi &amp;amp; Putin&amp;#8217;s
    talks</title>' (or a CDATA title holding 'Xi &amp; Putin&#8217;s') was stored as 'Xi &amp;
    Putin&#8217;s talks', entities and all. Tags go first, so an escaped '&lt;b&gt;' cannot become one.
    """
    return " ".join(html.unescape(_TAG.sub("", value)).split())


_BY = re.compile(r"^by\s+", re.I)


def _authors(entry: Any) -> list[str]:
    names = [a.get("name", "").strip() for a in entry.get("authors") or [] if isinstance(a, dict)]
    names = [n for n in names if n]
    if not names and entry.get("author"):
        names = [str(entry["author"]).strip()]
    # 'By Sam Poe' in <dc:creator> is Sam Poe
    names = [_BY.sub("", _plain(n)) for n in names]
    return list(dict.fromkeys(n for n in names if n))


def _link(entry: Any, base: str | None) -> str | None:
    """The entry's page as an absolute http(s) URL, or None.

    Why: feedparser resolves links only against ``xml:base``, so an RSS ``<link>/news/one</link>`` stayed
    '/news/one' (no site, and not fetchable with ``--fetch``); it is resolved against the feed's own URL or
    its channel link. An entry without a link gets its guid as 'link' ('urn:3', 'story-42'), which is an
    id, not a page, unless it is a URL itself.
    """
    link = entry.get("link")
    if not isinstance(link, str) or not link.strip():
        return None
    link = link.strip()
    if dict.get(entry, "guidislink"):
        return link if urlsplit(link).scheme in ("http", "https") else None
    try:
        if base and not urlsplit(link).scheme:
            link = urljoin(base, link)
        return link if urlsplit(link).scheme in ("http", "https") else None
    except ValueError:  # a malformed host ('http://[oops'): no usable URL
        return None


def _meta(entry: Any, feed: Any, base: str | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if entry.get("title"):
        meta["title"] = _plain(entry["title"])
    link = _link(entry, base)
    if link:
        meta["url"] = link
    # Why dict.get: feedparser's own get() maps updated<->published with a DeprecationWarning.
    published_parsed, updated_parsed = dict.get(entry, "published_parsed"), dict.get(entry, "updated_parsed")
    published = _iso(published_parsed) or _iso(updated_parsed)
    if published:
        meta["published"] = published
    if published_parsed and updated_parsed:
        updated = _iso(updated_parsed)
        if updated and updated != published:
            meta["updated"] = updated
    authors = _authors(entry)
    if authors:
        meta["authors"] = authors
    source = entry.get("source") or {}
    outlet = (source.get("title") if isinstance(source, dict) else None) or feed.get("title")
    if outlet:
        meta["outlet"] = _plain(outlet)
    return meta


def read_feed(source: str, data: bytes, options: IngestOptions | None = None) -> Iterator[RawDocument | InputError]:
    """Every entry of an RSS/Atom feed; a file that is not a feed is one InputError naming it."""
    options = options or IngestOptions()
    if not data.strip():
        yield InputError(source, "empty input")
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        yield InputError(source, f"not an RSS or Atom feed ({why})" if why else "not an RSS or Atom feed")
        return
    if not parsed.entries:
        yield InputError(source, "feed has no entries")
        return
    stem = _stem(source)
    base = source if source.startswith(("http://", "https://")) else parsed.feed.get("link")
    for n, entry in enumerate(parsed.entries):
        where = f"{source}[{n}]"
        content, kind, full = _body(entry)
        meta = _meta(entry, parsed.feed, base if isinstance(base, str) else None)
        doc_id = str(entry.get("id") or meta.get("url") or entry.get("link") or f"{stem}-{n}")
        if not content and not meta.get("url"):
            yield InputError(where, "entry has neither content, summary nor link")
            continue
        stable = entry.get("id") or entry.get("link")
        if stable:
            meta["input_id"] = f"{source}#{stable}"  # an entry's index moves as the feed gains entries
        teaser = RawDocument(id=doc_id, source=where, content=content, kind=kind, meta=meta)
        if full or not options.fetch or not meta.get("url"):
            if content:
                yield teaser
            else:
                yield InputError(where, "entry has no content or summary (use --fetch to fetch its link)")
            continue
        # Why a key of the teaser: re-ingesting the feed must not depend on (or repeat) the fetch.
        key = hashlib.sha256(f"feed\0{entry.get('id') or ''}\0{meta['url']}\0{content}".encode()).hexdigest()
        teaser.meta["input_key"] = key
        if options.seen is not None and options.seen(meta.get("input_id", where), key):
            yield teaser
            continue
        yield from _fetch_entry(where, teaser, options)
    why = parsed.get("bozo_exception")
    written = len(_ENTRY_TAG.findall(data))
    if isinstance(why, SAXException) and written > len(parsed.entries):
        # Why: feedparser's lenient parser stops where broken markup (an unclosed CDATA section, a cut-off
        # file) swallows the rest; without this the lost entries vanished without a word.
        yield InputError(
            source,
            f"feed is not well-formed XML ({why}): read {len(parsed.entries)} of its {written} entries, "
            "the rest are lost after the error",
        )


def _fetch_entry(where: str, teaser: RawDocument, options: IngestOptions) -> Iterator[RawDocument | InputError]:
    """The linked page for a teaser entry; when that fails, the error and then the teaser itself."""
    from newsprism.ingest.url import document_from_response

    url = teaser.meta["url"]
    try:
        result = options.get_fetcher().fetch(url)
    except InputError as err:
        yield InputError(where, f"kept the teaser; {err.problem}")
        if teaser.content:
            yield teaser
        return
    pages = [d for d in document_from_response(url, result, options) if isinstance(d, RawDocument)]
    if len(pages) != 1 or pages[0].kind != "html":
        yield InputError(where, f"kept the teaser; {url} is not a single HTML page")
        if teaser.content:
            yield teaser
        return
    page = pages[0]
    meta = dict(teaser.meta)
    meta["url"] = result.url
    meta["teaser"] = teaser.content
    if result.date:
        meta["fetched"] = result.date
    yield RawDocument(id=teaser.id, source=where, content=page.content, kind="html", meta=meta)


register_reader("feed", read_feed, options=True)
