"""HTML pages: one trafilatura pass for body and metadata, then the shared line rules.

Settings were chosen on the extraction eval's DEV split (see benchmarks/extraction.md):
``favor_precision`` removes most related-link and teaser blocks, ``include_tables`` keeps
article tables that precision mode would otherwise lose, comments are never article text.
The page is parsed once; metadata comes from trafilatura's metadata helpers and htmldate on
that same tree. The line post-filter removes what trafilatura keeps but a
reader would not: prompts, "Updated at…" notices, photo credits, the headline repeated as the
first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlparse

import trafilatura
from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura import metadata as tmeta
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import load_html

from newsprism.clean.corpus import Draft
from newsprism.clean.meta import find_dates, is_date_line, parse_byline, parse_credit
from newsprism.clean.rules import (
    is_caption,
    is_photo_credit,
    is_prompt,
    is_update_notice,
    normalise_line,
    words,
)
from newsprism.clean.text import clean_text
from newsprism.errors import InputError
from newsprism.ingest.decode import as_document
from newsprism.model import RawDocument

# Inline hover cards (a person's photo and latest headlines tucked into a <span> inside a
# paragraph) read as run-on text once tags are stripped; a paragraph never holds an image
# inside an inline element for any other reason worth keeping.
PRUNE_XPATH = ["//p//span[.//img and .//a]"]
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "prune_xpath": PRUNE_XPATH,
}
# Fast mode skips trafilatura's second opinion (readability/jusText); it only pays on pages
# where the fast pass found little, so those — and only those — get the full pass.
RESCUE_BELOW_CHARS = 600
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``; None for no URL or one that cannot be parsed.

    Why catch ValueError: ``urlparse`` raises on a malformed bracketed host ('http://[oops/x', a typo in
    a record's ``url``), and one such URL used to take the whole batch down with a traceback.
    """
    if not url:
        return None
    try:
        host = urlparse(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host[4:] if host and host.startswith("www.") else host


#: second-level labels under a country code that are not the site's own name ('bbc.co.uk', 'abc.net.au')
_SLD = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gv"}
#: hosting platforms whose subdomains are separate publications ('secretdubai.blogspot.com')
_PLATFORMS = {"blogspot", "wordpress", "tumblr", "substack", "medium", "github", "typepad", "livejournal"}


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to, as the outlet when a page names none: 'news.bbc.co.uk' -> 'bbc.co.uk',
    'usatoday30.usatoday.com' -> 'usatoday.com'; a blog platform's subdomain is its own site.

    Why a site and not a guessed name: 'bbc.co.uk' is what the page says about itself; mapping domains
    to brand names would need a list the project does not have."""
    host = host_of(url)
    if not host or "." not in host or re.fullmatch(r"[\d.]+|\[.*\]", host):
        return None
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SLD else 2
    if len(labels) > keep and labels[-keep] in _PLATFORMS:
        keep += 1
    return ".".join(labels[-keep:])


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    out = []
    for part in re.split(r"\s*[;|]\s*|,\s*(?:and\s+)?|\s+and\s+", value):
        part = part.strip()
        if part and part not in out and len(part.split()) <= 5:
            out.append(part)
    return out


def post_filter(lines: list[str], title: str) -> tuple[list[str], list[str], list[str], dict[str, str]]:
    """Drop reader-irrelevant lines; return (kept lines, bylines' authors, credits, dates found)."""
    n = len(lines)
    substantial = [i for i, t in enumerate(lines) if len(words(t)) >= 12]
    first, last = (substantial[0], substantial[-1]) if substantial else (0, n - 1)
    title_key = normalise_line(title) if title else ""
    kept: list[str] = []
    authors: list[str] = []
    credits: list[str] = []
    dates: dict[str, str] = {}
    for i, t in enumerate(lines):
        edge = i < first or i > last
        if i < 3 and title_key and normalise_line(t) == title_key:
            continue
        if edge and is_date_line(t):
            for h in find_dates(t):
                dates.setdefault("updated" if h.updated else "published", h.iso)
            continue
        if (i <= first or edge) and (b := parse_byline(t)) is not None:
            authors.extend(b.authors)
            if b.credit:
                credits.append(b.credit)
            continue
        if edge and (c := parse_credit(t)) is not None:
            credits.append(c)
            kept.append(t)  # the eval's gold bodies keep credit lines; dedupe reads them too
            continue
        if is_prompt(t, edge=edge) or is_update_notice(t) or is_photo_credit(t):
            continue
        if edge and (is_caption(t) or (_COPYRIGHT.search(t) and len(words(t)) <= 25)):
            continue
        kept.append(t)
    return kept, authors, credits, dates


def clean_html(raw: RawDocument) -> Draft:
    """Extract one HTML page into a :class:`Draft`; raises InputError when no article is found.

    A fragment ('<p>…</p>', handed over directly rather than through ingest) is made a page the way
    ingest does it (:func:`newsprism.ingest.decode.as_document`), since the extractor rejects a lone
    block as not HTML; "HTML" with no tag at all is cleaned as the plain text it is. Whole pages pass
    unchanged.
    """
    content, kind = as_document(raw.content, "html")
    if kind == "text":
        draft = clean_text(replace(raw, content=content, kind="text"))
        draft.raw = raw
        url = raw.meta.get("url") or draft.url
        draft.site = (host_of(url) if isinstance(url, str) else None) or raw.meta.get("outlet") or draft.outlet or None
        return draft
    url = raw.meta.get("url")
    try:
        tree = load_html(content)
    except Exception as exc:  # lxml raises many types on broken markup
        raise InputError(raw.source, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if tree is None:
        raise InputError(raw.source, "HTML could not be parsed")
    body = _extract(tree, url, fast=True)
    if len(body) < RESCUE_BELOW_CHARS:
        body = max(body, _extract(tree, url, fast=False), key=len)
    if not body.strip():
        raise InputError(raw.source, "HTML page has no article text" + _why_empty(tree))
    meta = page_metadata(tree, url)
    lines = [s for s in (_SPACES.sub(" ", x).strip() for x in body.split("\n")) if s]
    kept, authors, credits, dates = post_filter(lines, meta.title or "")
    page_url = url or meta.url
    return Draft(
        raw=raw,
        lines=kept,
        site=host_of(page_url),
        title=meta.title or "",
        outlet=meta.sitename or host_of(page_url),
        authors=_authors(meta.author) or authors,
        credits=credits,
        published=meta.date or dates.get("published"),
        updated=dates.get("updated"),
        url=page_url,
    )


_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"\s>]+)", re.I)


def _why_empty(tree: HtmlElement) -> str:
    """Why a page gave no text, where the markup says: a redirect ('<meta http-equiv="refresh" … url=…>'),
    or text that only scripts would write. Why: 'has no article text' alone left the user to open the file
    to find that the saved page was a redirect stub or a JavaScript shell."""
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() == "refresh":
            m = _REFRESH_URL.search(meta.get("content") or "")
            if m:
                return f" (it is a redirect to {m.group(1)}: read that page instead)"
    if any((el.text or "").strip() for el in tree.iter("script")):
        body = tree.find(".//body")
        visible = []
        for node in body.iter() if body is not None else []:
            if isinstance(node.tag, str) and node.tag not in ("script", "style", "noscript", "template"):
                visible.append(node.text or "")
            if node is not body:
                visible.append(node.tail or "")
        if not "".join(visible).strip():
            return " (its text is written by scripts, which newsprism does not run: save the rendered page)"
    return ""


def _extract(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    try:
        doc = trafilatura.bare_extraction(tree, url=url, fast=fast, **EXTRACT_OPTIONS)
    except Exception:  # noqa: BLE001 - trafilatura bugs on odd markup must not stop a batch
        return ""
    return (doc.text or "") if doc is not None else ""


@dataclass
class PageMeta:
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None
    url: str | None = None


_AUTHOR_XPATH = XPath(
    '//a[@rel="author"]|//*[@itemprop="author"]//*[@itemprop="name"]|//*[@itemprop="author"][not(*)]'
    '|//*[contains(concat(" ", normalize-space(@class), " "), " byline ")]'
    '|//*[contains(concat(" ", normalize-space(@class), " "), " author-name ")]'
)


def _cheap_author(tree: HtmlElement) -> str | None:
    """Byline markup only; trafilatura's full author search deep-copies the page and costs more than the body."""
    for el in _AUTHOR_XPATH(tree)[:5]:
        txt = _SPACES.sub(" ", el.text_content()).strip()
        if not txt or len(txt) > 120:
            continue
        b = parse_byline(txt if txt.lower().startswith("by ") else f"By {txt}")
        if b and b.authors:
            return ", ".join(b.authors)
    return None


def page_metadata(tree: HtmlElement, url: str | None) -> PageMeta:
    """Title, author, site name, date, canonical URL — trafilatura's metadata steps minus the costly extras.

    Why not ``with_metadata=True``: it also extracts categories, tags and licence and runs a
    deep-copying author search, together a third of the extraction time, none of which the
    Article needs.
    """
    meta = PageMeta()
    try:
        doc = tmeta.examine_meta(tree)
        if doc.author and " " not in doc.author:
            doc.author = None
        doc = tmeta.extract_meta_json(tree, doc)
    except Exception:  # noqa: BLE001 - malformed JSON-LD is common; fall back to what we have
        doc = Document()
    meta.title = doc.title or tmeta.extract_title(tree)
    meta.author = doc.author or _cheap_author(tree)
    meta.url = doc.url or tmeta.extract_url(tree, url)
    meta.sitename = (doc.sitename or tmeta.extract_sitename(tree) or "").lstrip("@") or None
    if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
        meta.sitename = meta.sitename.title()
    try:
        meta.date = find_date(tree, url=meta.url, **set_date_params(True))
    except Exception:  # noqa: BLE001 - htmldate on odd markup
        meta.date = None
    for k in ("title", "author", "sitename"):
        v = getattr(meta, k)
        setattr(meta, k, _SPACES.sub(" ", v).strip() if v else None)
    return meta
