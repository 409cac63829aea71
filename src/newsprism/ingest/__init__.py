"""Ingest: turn paths, folders, stdin and URLs into RawDocuments, one reader per format.

``read_inputs`` yields either a RawDocument or an InputError per problem, so a
caller can report a bad file and go on with the rest.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.decode import MAX_BYTES, _utf16_without_bom, as_document, decode_bytes
from newsprism.ingest.records import read_json_records
from newsprism.model import RawDocument

Reader = Callable[..., Iterator["RawDocument | InputError"]]


@dataclass
class IngestOptions:
    """Knobs that reach the readers: network access is opt-in and explicit.

    ``fetch``: let feed readers fetch the linked page of teaser-only entries.
    ``allow_private``: let URL fetching reach private/loopback/link-local addresses.
    ``fetcher``: a shared :class:`newsprism.ingest.net.Fetcher` (tests inject resolvers here).
    ``seen``: ``seen(source, key) -> bool``; readers may skip expensive work (fetching) for inputs
    the store already has, yielding the cheap record instead.
    """

    fetch: bool = False
    allow_private: bool = False
    fetcher: Any = None
    seen: Callable[[str, str], bool] | None = None
    read_files: dict[str, str] = field(default_factory=dict)
    """Real path of every file read with these options -> the name it was read under (one read per file)."""

    def get_fetcher(self) -> Any:
        """The shared fetcher, created on first use so offline runs never import httpx."""
        if self.fetcher is None:
            from newsprism.ingest.net import Fetcher

            self.fetcher = Fetcher(allow_private=self.allow_private)
        return self.fetcher


DEFAULT_OPTIONS = IngestOptions()


def raw_key(raw: RawDocument) -> str:
    """Content key of a raw input: what makes re-ingesting the same input a no-op.

    Readers that replace content (a feed entry whose page was fetched) set ``meta["input_key"]``
    to the key of the cheap record, so the decision never depends on a network fetch.
    """
    key = raw.meta.get("input_key")
    if key:
        return str(key)
    return hashlib.sha256(f"{raw.kind}\0{raw.content}".encode()).hexdigest()


def input_id(raw: RawDocument) -> str:
    """Which input of its file a raw document is, for the store: the record's own id where it has one.

    Why not ``raw.source``: a record's source names its place ('export.jsonl:3', 'feed.rss[2]'), which
    moves when a feed gains entries at the top or an exporter rewrites its file newest first, and every
    record after the new one was then stored a second time. Readers set ``meta["input_id"]`` (the file
    and the record's id or an entry's guid) where the record carries one; otherwise it is the source.
    """
    return str(raw.meta.get("input_id") or raw.source)


TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}


def _stem(name: str) -> str:
    """File name without its format suffixes (``a.jsonl.gz`` -> ``a``)."""
    stem = Path(name).name
    for _ in range(3):
        suffix = Path(stem).suffix.lower()
        if suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES | {".gz"}:
            stem = stem[: -len(suffix)]
        else:
            break
    return stem


_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")


def _format_of(name: str, data: bytes) -> str:
    """Pick a reader by suffix, sniffing the content when the suffix says nothing."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    for fmt, group in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("feed", FEED_SUFFIXES),
        ("warc", WARC_SUFFIXES),
    ):
        if suffix in group:
            return fmt
    head = data[:2048]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode()
    elif (utf16 := _utf16_without_bom(head)) is not None:
        head = head.decode(utf16, errors="ignore").encode()
    head = head.lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith((b"{", b"[")):
        return "json"
    # Why not only after '<?xml': the declaration is optional, and a feed served or piped without one (or
    # RSS 1.0, whose root is <rdf:RDF>) was read as one plain-text "article" of raw XML.
    if _FEED_ROOT.match(head) or (head.startswith((b"<?xml", b"<!--")) and _FEED_ROOT.search(head)):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


MARKDOWN_SUFFIXES = {".md", ".markdown"}


def read_text(source: str, data: bytes) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_bytes(source, data)
    except InputError as err:
        yield err
        return
    meta: dict[str, Any] = {}
    if _suffix(source) in MARKDOWN_SUFFIXES:
        from newsprism.ingest.markdown import read_markdown

        text, meta = read_markdown(text)
        if not text.strip():
            yield InputError(source, "Markdown file holds front matter only, no text")
            return
    yield RawDocument(id=_stem(source), source=source, content=text, kind="text", meta=meta)


def _suffix(name: str) -> str:
    """The format suffix of a file name, under a ``.gz``."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def read_html(source: str, data: bytes) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_bytes(source, data, html=True)
    except InputError as err:
        yield err
        return
    yield RawDocument(id=_stem(source), source=source, content=text, kind="html")


def read_json(source: str, data: bytes) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_bytes(source, data)
    except InputError as err:
        yield err
        return
    yield from read_json_records(source, text, default_id=_stem(source))


READERS: dict[str, Reader] = {"text": read_text, "html": read_html, "json": read_json}
_WANTS_OPTIONS: set[str] = set()


def register_reader(fmt: str, reader: Reader, *, options: bool = False) -> None:
    """Let a format module (feeds, WARC) plug in without this module importing its dependencies.

    With ``options=True`` the reader is called as ``reader(source, data, options=IngestOptions)``.
    """
    READERS[fmt] = reader
    if options:
        _WANTS_OPTIONS.add(fmt)
    else:
        _WANTS_OPTIONS.discard(fmt)


def read_bytes(
    source: str, data: bytes, options: IngestOptions | None = None, fmt: str | None = None
) -> Iterator[RawDocument | InputError]:
    """Read one in-memory input (gunzipping it first); ``fmt`` overrides suffix sniffing (HTTP content types)."""
    yield from _read_bytes(source, data, options, fmt)


def _read_bytes(
    source: str, data: bytes, options: IngestOptions | None = None, fmt: str | None = None
) -> Iterator[RawDocument | InputError]:
    damage: str | None = None
    if source.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
        data, damage = _gunzip(data)
        if len(data) > MAX_BYTES:
            yield InputError(source, f"decompressed size exceeds the {MAX_BYTES // 2**20} MiB cap")
            return
        if damage is not None and not data:
            yield InputError(source, f"{damage}; nothing before it could be decompressed")
            return
    fmt = fmt or _format_of(source, data)
    if damage is not None:
        yield from _read_decoded(source, _cut_partial_record(data, fmt), options, fmt)
        what = "records" if fmt == "json" else "data"
        yield InputError(source, f"{damage}; the {what} before it were read")
        return
    yield from _read_decoded(source, data, options, fmt)


_GZIP_SLICE = 64 * 1024


def _gunzip(data: bytes) -> tuple[bytes, str | None]:
    """Decompress every gzip member; on damage keep what decompressed and say what went wrong.

    Why not ``gzip.decompress``: it raises on a cut-off or corrupt stream and the bytes it already
    decompressed (most of a truncated download) were lost with it. The output stops one byte past
    the size cap, so a gzip bomb never fills memory.
    """
    out: list[bytes] = []
    size = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        pos = 0
        pending = b""
        try:
            # fed in slices, so corruption mid-member loses only the slice it is in
            while not inflater.eof and (pending or pos < len(rest)):
                if not pending:
                    pending, pos = rest[pos : pos + _GZIP_SLICE], pos + _GZIP_SLICE
                chunk = inflater.decompress(pending, MAX_BYTES + 1 - size)
                pending = inflater.unconsumed_tail
                out.append(chunk)
                size += len(chunk)
                if size > MAX_BYTES:
                    return b"".join(out), None
            out.append(inflater.flush())
        except zlib.error as exc:
            return b"".join(out), f"broken gzip data ({exc}) after {size} decompressed bytes"
        if not inflater.eof:
            return b"".join(out), f"gzip data cut off after {len(data)} bytes"
        rest = (inflater.unused_data + pending + rest[pos:]).lstrip(b"\0")
        if rest and rest[:2] != b"\x1f\x8b":
            return b"".join(out), f"{len(rest)} bytes after the gzip data are not gzip, ignored"
    return b"".join(out), None


def _cut_partial_record(data: bytes, fmt: str) -> bytes:
    """JSON Lines cut off mid-record: drop the unfinished last line, which the warning accounts for."""
    if fmt != "json":
        return data
    head, sep, tail = data.rpartition(b"\n")
    if not sep or not tail.strip():
        return data
    try:
        json.loads(tail)
    except ValueError:
        return head + sep
    return data


def _read_decoded(
    source: str, data: bytes, options: IngestOptions | None, fmt: str
) -> Iterator[RawDocument | InputError]:
    _load_optional_readers()
    reader = READERS.get(fmt)
    if reader is None:
        yield InputError(source, f"no reader for format {fmt!r} is installed")
        return
    items = reader(source, data, options=options or DEFAULT_OPTIONS) if fmt in _WANTS_OPTIONS else reader(source, data)
    for item in items:
        if isinstance(item, RawDocument):
            item.content, item.kind = as_document(item.content, item.kind)
        yield item


def _load_optional_readers() -> None:
    """Import readers that register themselves (feeds, WARC, URLs) if they exist."""
    for module in ("feed", "warc"):
        with contextlib.suppress(ImportError):
            __import__(f"newsprism.ingest.{module}")


def iter_files(path: Path) -> Iterator[Path]:
    """Files under ``path`` (or ``path`` itself) in the stable order ``read_path`` reads them."""
    yield from _iter_files(path)


def _iter_files(path: Path) -> Iterator[Path]:
    """Why hidden folders too, not only hidden files: a folder that is a git checkout was read with its
    ``.git`` (hook samples and ``.git/description`` became articles, every object a 'binary data' warning)."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                yield child
    else:
        yield path


def read_path(
    path: str, *, options: IngestOptions | None = None, fetch: bool = False, allow_private: bool = False
) -> Iterator[RawDocument | InputError]:
    """Read one file, folder, URL or ``-`` (stdin); network access only as the options allow."""
    if options is None:
        options = IngestOptions(fetch=fetch, allow_private=allow_private)
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            yield InputError("<stdin>", f"input exceeds the {MAX_BYTES // 2**20} MiB cap")
            return
        yield from _read_bytes("stdin", data, options)
        return
    if path.startswith(("http://", "https://")):
        try:
            from newsprism.ingest import url as url_reader
        except ImportError:
            yield InputError(path, "URL fetching is not available in this build")
            return
        yield from url_reader.read_url(path, options)
        return
    root = Path(path)
    if not root.exists():
        yield InputError(path, "no such file or folder")
        return
    for file in _iter_files(root):
        source = str(file)
        # Why: a file named twice ('a.txt a.txt', a folder and a file in it, a path through a symlink) was
        # read twice, and its article counted as two outlets' reports in a brief.
        real = os.path.realpath(file)
        if real in options.read_files:
            first = options.read_files[real]
            yield InputError(
                source, "given twice; read once" if first == source else f"same file as {first}; read once"
            )
            continue
        options.read_files[real] = source
        try:
            size = file.stat().st_size
            if size > MAX_BYTES:
                yield InputError(source, f"file is {size // 2**20} MiB, over the {MAX_BYTES // 2**20} MiB cap; skipped")
                continue
            data = file.read_bytes()
        except OSError as exc:
            yield InputError(source, f"cannot read file ({exc.strerror or exc})")
            continue
        yield from _read_bytes(source, data, options)


def read_inputs(
    paths: Iterable[str],
    *,
    fetch: bool = False,
    allow_private: bool = False,
    options: IngestOptions | None = None,
) -> Iterator[RawDocument | InputError]:
    """Every raw document (or error) from every path, in a stable order.

    ``fetch`` lets feeds fetch teaser entries' pages; ``allow_private`` lets URLs reach private
    addresses. Pass ``options`` to share one fetcher (and its per-host rate limit) across calls.
    """
    if options is None:
        options = IngestOptions(fetch=fetch, allow_private=allow_private)
    for path in paths:
        yield from read_path(str(path), options=options)
