"""JSON and JSONL records: the field mapping of the brief contract, unknown fields ignored."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any

from newsprism.errors import InputError
from newsprism.model import RawDocument

META_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "pubdate", "publishedAt", "date_published", "datePublished"),
    "outlet": ("outlet", "source", "site_name", "sitename"),
    "authors": ("authors", "author", "byline"),
    "story": ("story", "story_id"),
}

# 'content_html' / 'content_text' / 'date_published' are JSON Feed's (jsonfeed.org), 'publishedAt' NewsAPI's,
# 'articleBody' / 'datePublished' schema.org's NewsArticle.
HTML_FIELDS = ("html", "content_html")
TEXT_FIELDS = ("text", "body", "content", "content_text", "articleBody")


_ISO = re.compile(r"\d{4}(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{2}:\d{2}.*)?")


def iso_date(value: Any) -> str | None:
    """A record's date as ISO 8601 (what dedupe, the timeline and the store sort and resolve by), or None.

    ISO strings are kept as given; RFC 2822 ('Tue, 07 May 2024 10:00:00 GMT', what RSS-derived
    scrapes carry), Unix seconds or milliseconds, and a written date ('May 7, 2024', '7 May 2024')
    are converted. Why: a date kept in another form sorted as text, so 'May 7, 2024' counted as
    later than every ISO date (dedupe took the wrong copy as the original, the web app's newest-first
    list put it on top) and 'Tue, …' was printed as the article's date.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) or (
        isinstance(value, str) and value.strip().isdigit() and len(value.strip()) >= 9
    ):
        seconds = float(value)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _ISO.fullmatch(text)
    if m:
        month, day = int(m.group(1) or 1), int(m.group(2) or 1)
        try:
            dt.date(int(text[:4]), month, day)
        except ValueError:
            return None
        return text if len(text) <= 10 else _iso_time(text)
    numeric = _numeric_date(text)
    if numeric is not None:
        return numeric
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    from newsprism.clean.meta import find_dates

    hits = find_dates(text)
    return hits[0].iso if len(hits) == 1 else None


_ZONE_LABEL = re.compile(r"\s*(?:\[[\w/+-]+\]|(?P<utc>GMT|UTC|Z))$", re.I)
_DMY = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)")
_YMD = re.compile(r"((?:19|20)\d\d)(/?)(\d{2})\2(\d{2})")


def _iso_time(text: str) -> str:
    """An ISO date with a time: kept when the time reads, with a zone label made an offset
    ('… 10:00:00 GMT' -> '…10:00:00+00:00', '…-07:00[America/Los_Angeles]' -> '…-07:00'), else the date alone.

    Why: the ISO pattern took anything after 'HH:MM', so '2023-03-17T25:99:00' was stored as a date and a
    zone label stayed glued to it; the day is what the timeline and dedupe read, and it is kept either way.
    """
    for candidate in (text, _ZONE_LABEL.sub(lambda z: "+00:00" if z.group("utc") else "", text)):
        try:
            dt.datetime.fromisoformat(candidate[:-1] + "+00:00" if candidate.endswith(("Z", "z")) else candidate)
        except ValueError:
            continue
        return candidate
    return text[:10]


def _numeric_date(text: str) -> str | None:
    """'17/03/2023', '17.03.2023' (day first: a day over 12, or dots), '2023/03/17', '20230317' as ISO.

    '03/04/2023' stays month first, as the written-date reader has always read it.
    """
    m = _DMY.fullmatch(text)
    if m:
        a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        day, month = (a, b) if sep == "." or a > 12 else (b, a)
    else:
        m = _YMD.fullmatch(text)
        if not m:
            return None
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", []):
            return value
    return None


_NESTED_BODY = (("rendered", "html"), ("html", "html"), ("value", "html"), ("text", "text"))
"""Keys under which a nested body object holds its string, and the kind it is: WordPress's REST API writes
``"content": {"rendered": "<p>…</p>"}`` and ``"title": {"rendered": "…"}``."""


def _unnest(value: Any) -> tuple[Any, str | None]:
    """``(string, kind)`` of a field given as a nested object (``{"rendered": …}``) or a list of paragraphs;
    the value itself (kind None) when it is neither."""
    if isinstance(value, dict):
        for key, kind in _NESTED_BODY:
            inner = value.get(key)
            if isinstance(inner, str):
                return inner, kind
        return value, None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(v.strip() for v in value if v.strip()), "text"
    return value, None


def _kind_name(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


def _authors_of(value: Any) -> tuple[list[str], list[Any]]:
    """Author names of a record (a string, a list, objects with a ``name``) and the entries that are none."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    bad: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("@name") or item
        if isinstance(item, list):
            inner, rest = _authors_of(item)
            names += inner
            bad += rest
        elif isinstance(item, str):
            if item.strip():
                names.append(item.strip())
        elif item not in (None, ""):
            bad.append(item)
    return names, bad


def record_to_document(record: Any, source: str, default_id: str, notes: list[InputError] | None = None) -> RawDocument:
    """Map one JSON object to a RawDocument or raise InputError naming the record.

    A field that is kept out (a date that cannot be read, a title that is a list) is appended to ``notes``
    as an InputError naming the field. Why typed: a record's fields come from anyone's exporter, and a
    number as ``authors`` used to raise a TypeError that stopped the whole run, a list as ``url`` crashed
    the cleaner, and ``{"name": "Jane Roe"}`` authors or ``{"url": …}`` outlets were kept as the text
    ``"{'name': 'Jane Roe'}"`` / ``"None"``.
    """
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, got {type(record).__name__}")

    def note(problem: str) -> None:
        if notes is not None:
            notes.append(InputError(source, problem))

    html, html_kind = _unnest(_first(record, HTML_FIELDS))
    if html_kind == "text":
        html = None  # a list of paragraphs under 'html' is not markup; it is read as text below
    text, text_kind = _unnest(_first(record, TEXT_FIELDS))
    has_html = isinstance(html, str) and bool(html.strip())
    has_text = isinstance(text, str) and bool(text.strip())
    if not has_html and not has_text:
        wrong = [
            f"'{k}' is {_kind_name(record[k])}"
            for k in HTML_FIELDS + TEXT_FIELDS
            if record.get(k) not in (None, "", []) and not isinstance(record[k], str)
        ]
        raise InputError(
            source,
            f"record has neither 'text' nor 'html' as a string ({', '.join(wrong)})"
            if wrong
            else "record has neither 'text' nor 'html'",
        )
    meta: dict[str, Any] = {}
    for name, keys in META_FIELDS.items():
        value = _first(record, keys)
        if value is None:
            continue
        if name == "authors":
            names, bad = _authors_of(value)
            if bad:
                note(f"author {', '.join(repr(b) for b in bad)} is not a name; left out")
            if names:
                meta[name] = list(dict.fromkeys(names))
            continue
        if name == "published":
            iso = iso_date(value)
            if iso is None:
                note(f"date {value!r} is not a date newsprism can read; left out")
                continue
            meta[name] = iso
            continue
        if name == "outlet" and isinstance(value, dict):
            value = value.get("name") or value.get("title")
        elif name == "title" and isinstance(value, dict):
            value, kind = _unnest(value)
            if kind == "html" and isinstance(value, str):  # WordPress: 'Xi&#8217;s <em>visit</em>'
                value = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", value)).split())
        if isinstance(value, int | float) and not isinstance(value, bool) and name != "url":
            value = str(value)
        if not isinstance(value, str):
            if value is not None:
                note(f"'{keys[0]}' is {_kind_name(value)}, not text; left out")
            continue
        if value.strip():
            meta[name] = value.strip() if name == "title" else value
    rid = record.get("id")
    doc_id = str(rid) if rid not in (None, "") else default_id
    if has_html:
        return RawDocument(id=doc_id, source=source, content=html, kind="html", meta=meta)
    return RawDocument(id=doc_id, source=source, content=text, kind=text_kind or "text", meta=meta)


def _wrapped(whole: Any) -> list[Any] | None:
    """The records of an API response that wraps them: ``{"status": "ok", "articles": [{…}, …]}``.

    Why: NewsAPI, GDELT and most search APIs answer with one object holding the list under a key of its
    own ('articles', 'items', 'results', 'data', …), and the file was refused as one record with
    "neither 'text' nor 'html'". An object with no body of its own and exactly one list of objects is
    read as that list.
    """
    if not isinstance(whole, dict) or any(whole.get(k) not in (None, "", []) for k in HTML_FIELDS + TEXT_FIELDS):
        return None
    lists = [v for v in whole.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
    return lists[0] if len(lists) == 1 else None


def read_json_records(source: str, text: str, default_id: str) -> Iterator[RawDocument | InputError]:
    """A JSON object, a JSON array of objects, or JSON Lines; each bad record is its own error."""
    stripped = text.strip()
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
        # Why not splitlines(): it also breaks at U+2028, U+0085, form feeds and other characters JSON keeps
        # raw inside strings, so a record whose text held one was lost as two 'invalid JSON' lines and every
        # later line was misnumbered. Numbered from the file's first line, not its first non-blank one.
        lines = text.split("\n") if "\n" in text else text.split("\r")
    else:
        lines = []
    if whole is not None:
        records = whole if isinstance(whole, list) else _wrapped(whole) or [whole]
        for n, record in enumerate(records):
            where = source if len(records) == 1 else f"{source}[{n}]"
            did = default_id if len(records) == 1 else f"{default_id}-{n}"
            yield from _document(record, where, did, None if len(records) == 1 else source)
        return
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield from _document(record, where, f"{default_id}-{n}", source)


def _document(record: Any, where: str, doc_id: str, container: str | None) -> Iterator[RawDocument | InputError]:
    notes: list[InputError] = []
    try:
        doc = record_to_document(record, where, doc_id, notes)
    except InputError as err:
        yield err
        return
    rid = record.get("id")
    if container is not None and isinstance(rid, str | int) and not isinstance(rid, bool) and str(rid).strip():
        # Why: the record's place in the file ('export.jsonl:3') moves when an exporter adds records at the
        # top; its own id does not, so the store knows it again (see newsprism.ingest.input_id).
        doc.meta["input_id"] = f"{container}#{rid}"
    yield from notes
    yield doc
