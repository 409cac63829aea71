"""Markdown files (a static site's posts, notes): front matter as metadata, markup stripped to plain text.

Why: a ``.md`` file was read as a plain-text scrape, so a Hugo/Jekyll post's front matter became the
title ('title: "Xi to visit Moscow"') and body lines ('date: 2023-03-17…', 'tags: [china, russia]'),
and ``**Xi Jinping**`` or ``[Vladimir Putin](https://…)`` reached quotes and summaries with their
asterisks and URLs. Only what Markdown itself marks is removed; the words stay as written, line by line.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.ingest.records import iso_date

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_ITEM = re.compile(r"^\s*-\s+(.*)$")
_FIELDS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "publishdate": "published",
    "lastmod": "updated",
    "updated": "updated",
    "author": "authors",
    "authors": "authors",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "canonical_url": "url",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "story": "story",
}

_INLINE = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"), r"\1"),  # [text](url "title")
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # _italic_, not snake_case
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
]
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+\s*)?$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        raw = raw[1:-1]
    return raw.strip()


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(meta, rest)``: the YAML front matter's news fields (simple ``key: value`` lines and ``- item`` lists)
    and the text after it; ``({}, text)`` when the file has none."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    fields: dict[str, list[str]] = {}
    key = None
    for line in m.group(1).splitlines():
        km = _KEY.match(line)
        if km and not line[:1].isspace():
            key = km.group(1).lower()
            value = km.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                fields[key] = [_value(v) for v in value[1:-1].split(",") if _value(v)]
            else:
                fields[key] = [_value(value)] if _value(value) else []
        elif key is not None and (im := _ITEM.match(line)):
            item = _value(im.group(1))
            if item.lower().startswith("name:"):
                item = _value(item[5:])
            if item:
                fields[key].append(item)
        elif key is not None and (nested := _KEY.match(line.strip())) and nested.group(1).lower() == "name":
            fields[key].append(_value(nested.group(2)))
    meta: dict[str, Any] = {}
    for key, values in fields.items():
        name = _FIELDS.get(key)
        if name is None or not values or name in meta:
            continue
        if name == "authors":
            meta[name] = values
        elif name in ("published", "updated"):
            iso = iso_date(values[0])
            if iso:
                meta[name] = iso
        else:
            meta[name] = values[0]
    return meta, text[m.end() :]


def strip_markdown(text: str) -> str:
    """Plain text of Markdown: headings, emphasis, links, images, quotes, bullets and rules unmarked;
    fenced code kept as is; one output line per input line (a setext underline or a rule becomes blank)."""
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append("")
            continue
        if fenced:
            out.append(line)
            continue
        if _REF_DEF.match(line) or _RULE.match(line) or (_SETEXT.match(line) and out and out[-1].strip()):
            out.append("")
            continue
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        line = _BULLET.sub(r"\1", line, count=1)
        h = _HEADING.match(line)
        if h:
            line = h.group(1)
        for rx, repl in _INLINE:
            line = rx.sub(repl, line)
        out.append(line.rstrip())
    return "\n".join(out)


def read_markdown(text: str) -> tuple[str, dict[str, Any]]:
    """``(plain text, meta)`` of a Markdown document."""
    meta, body = front_matter(text)
    return strip_markdown(body), meta
