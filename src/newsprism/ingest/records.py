"""JSON and JSONL records: the field mapping of the brief contract, unknown fields ignored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsprism.errors import InputError
from newsprism.model import RawDocument

META_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "pubdate"),
    "outlet": ("outlet", "source", "site_name", "sitename"),
    "authors": ("authors", "author", "byline"),
    "story": ("story", "story_id"),
}


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", []):
            return value
    return None


def record_to_document(record: Any, source: str, default_id: str) -> RawDocument:
    """Map one JSON object to a RawDocument or raise InputError naming the record."""
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, got {type(record).__name__}")
    html = record.get("html")
    text = _first(record, ("text", "body", "content"))
    if not (isinstance(html, str) and html.strip()) and not (isinstance(text, str) and text.strip()):
        raise InputError(source, "record has neither 'text' nor 'html'")
    meta: dict[str, Any] = {}
    for name, keys in META_FIELDS.items():
        value = _first(record, keys)
        if value is None:
            continue
        if name == "outlet" and isinstance(value, dict):
            value = value.get("name")
        if name == "authors":
            value = [value] if isinstance(value, str) else [str(a) for a in value if a]
        elif not isinstance(value, str):
            value = str(value)
        meta[name] = value
    rid = record.get("id")
    doc_id = str(rid) if rid not in (None, "") else default_id
    if isinstance(html, str) and html.strip():
        return RawDocument(id=doc_id, source=source, content=html, kind="html", meta=meta)
    return RawDocument(id=doc_id, source=source, content=text, kind="text", meta=meta)


def read_json_records(source: str, text: str, default_id: str) -> Iterator[RawDocument | InputError]:
    """A JSON object, a JSON array of objects, or JSON Lines; each bad record is its own error."""
    stripped = text.strip()
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
        lines = stripped.splitlines()
    else:
        lines = []
    if whole is not None:
        records = whole if isinstance(whole, list) else [whole]
        for n, record in enumerate(records):
            where = source if len(records) == 1 else f"{source}[{n}]"
            did = default_id if len(records) == 1 else f"{default_id}-{n}"
            try:
                yield record_to_document(record, where, did)
            except InputError as err:
                yield err
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
        try:
            yield record_to_document(record, where, f"{default_id}-{n}")
        except InputError as err:
            yield err
