"""Bytes to text: refuse binary, honour declared charsets, guess the rest."""

from __future__ import annotations

import codecs
import html
import re

from newsprism.errors import InputError

MAX_BYTES = 50 * 2**20
"""One input file larger than this is refused: no news article is 50 MiB of text."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_TAG = re.compile(r"<[a-zA-Z!/?]")
_DOCUMENT = re.compile(r"<(?:!doctype|html|head|body)\b", re.I)


def as_document(content: str, kind: str) -> tuple[str, str]:
    """``(content, kind)`` ready for the cleaner: an HTML fragment made a whole page, markup-free "HTML" text.

    Why: the page extractor takes whole pages only and rejects a fragment of one block ('<p>…</p>',
    the usual feed summary or ``html`` field of a JSON record) as not HTML, so the article was lost with
    "HTML could not be parsed"; a fragment is wrapped in ``<html><body>``. A feed summary typed
    ``text/html`` that holds no tag at all is plain text (entities decoded).
    """
    if kind != "html":
        return content, kind
    if not _TAG.search(content):
        return html.unescape(content), "text"
    if _DOCUMENT.search(content):
        return content, kind
    return f"<html><body>{content}</body></html>", kind


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for UTF-16 text saved without a byte-order mark, else None.

    Why: Latin-script UTF-16 is a zero byte beside every ASCII character, so without a BOM (what many
    exporters and 'iconv -t UTF-16LE' write) the file was refused as 'binary data'. The zeros must sit on
    one side only: at least 40% of the odd (LE) or even (BE) bytes and almost none of the others.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd >= 0.4 and zeros_even < 0.02:
        return "utf-16-le"
    if zeros_even >= 0.4 and zeros_odd < 0.02:
        return "utf-16-be"
    return None


# What browsers decode these labels as (the WHATWG Encoding Standard): pages declaring ISO-8859-1 are written
# in Windows-1252 so often that the label means it.
_WHATWG = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "cp819": "cp1252",
    "ibm819": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
}


def decode_declared(data: bytes, charset: str) -> str:
    """``data`` in the charset a page or HTTP header declares, read as a browser reads that label.

    Why: a page declaring iso-8859-1 whose curly quotes and dashes are Windows-1252 bytes (0x93, 0x94,
    0x97) was decoded to invisible C1 control characters, and '“We will go,” he said — café' reached the
    article as 'We will go, he said café': the quote marks quote extraction needs were gone. Raises
    LookupError / UnicodeDecodeError like ``bytes.decode``.
    """
    codec = _WHATWG.get(charset.strip().lower())
    if codec is None:
        return data.decode(charset)
    try:
        return data.decode(codec)
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1" if codec == "cp1252" else codec, errors="replace")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode_bytes(source: str, data: bytes, *, html: bool = False) -> str:
    """Decode ``data`` or raise an InputError naming ``source`` and the problem."""
    if not data.strip():
        raise InputError(source, "empty input")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Why before the binary check: UTF-16 (Windows "Unicode" text) is half zero bytes.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"broken UTF-16 text ({exc.reason} at byte {exc.start})") from exc
        if not text.strip():
            raise InputError(source, "empty input")
        return text
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            if text.strip() and not _looks_binary(text[:4096].encode("utf-8")):
                return text
    if _looks_binary(data):
        raise InputError(source, "binary data, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            try:
                return decode_declared(data, match.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError(source, "cannot determine the text encoding")
    western = _western(results, best)
    return western if western is not None else str(best)


_WESTERN = {"cp1252", "latin_1", "iso8859_15"}
_WESTERN_CHARS = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝœŒšŠžŽ“”‘’‚„–—…€«»°£¡¿·\xa0")
_CHAOS_MARGIN = 0.1


def _western(results: object, best: object) -> str | None:
    """The Windows-1252 reading of a text when the detector's pick is a near tie that garbles it, else None.

    Why: on a short Latin-1 or Windows-1252 text charset_normalizer often ranks a Baltic or Central European
    code page first ('Café déjà vu' came out 'Café déją vu', 'naïve' as 'naļve'), and most non-UTF-8 news text
    is Western European. Windows-1252 is taken only when the detector found it nearly as clean (its chaos
    within 0.1 of the best) and every non-ASCII character it gives is a Western letter or typographic mark;
    Czech or Polish text (cp1250 '¹', '³', '¿' in words) and Cyrillic or Greek (not candidates) keep the pick.
    """
    if getattr(best, "encoding", None) in _WESTERN:
        return None
    for result in results:  # type: ignore[attr-defined]
        if result.encoding in _WESTERN and result.chaos <= best.chaos + _CHAOS_MARGIN:  # type: ignore[attr-defined]
            try:
                text = result.raw.decode("cp1252")
            except UnicodeDecodeError:
                return None
            if all(ch in _WESTERN_CHARS for ch in text if ord(ch) > 127) and text != str(best):
                return text
            return None
    return None
