"""Plain-text scrape cleaner: drop page furniture line by line, lift metadata out of the text.

Why line-level: a scrape has lost its markup, but the page's structure survives as lines and
blank-line blocks. Every decision removes or keeps a whole line (or a glued-on navigation
segment), so the sentences that stay are verbatim and citation offsets stay honest.
"""

from __future__ import annotations

import re

from newsprism.clean.corpus import Draft
from newsprism.clean.meta import find_dates, is_date_line, looks_like_headline, parse_byline, parse_credit
from newsprism.clean.rules import (
    ends_like_sentence,
    is_breadcrumb,
    is_caption,
    is_masthead_line,
    is_photo_credit,
    is_prompt,
    is_title_case_fragment,
    is_update_notice,
    normalise_line,
    strip_navigation,
    words,
)
from newsprism.model import RawDocument

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_DATE_LABEL = re.compile(r"^\s*(?:date|published|posted)\s*:?\s+((?:19|20)\d\d-\d\d-\d\d)\b", re.I)
_DATELINE = re.compile(r"^[|•·]\s*[A-Z][\w .,'’-]{1,40}$")
_FIRST_SENTENCE = re.compile(r"(.+?[.!?]['\"”’]?)(?=\s+[A-Z“\"‘'])")
_LEADING_BULLET = re.compile(r"^[•·|*\-–—]+\s*")
# Title search stops at the first real paragraph; a scrape's header rarely runs longer than this.
_HEADER_LINES = 15


_URL_LINE = re.compile(r"\s*https?://[^\s<>\"]+\s*")


def _body_like(line: str) -> bool:
    """A real paragraph: a sentence of some length."""
    return len(words(line)) >= 8 and ends_like_sentence(line)


def _lines(content: str) -> list[tuple[str, int]]:
    """Non-empty, whitespace-normalised lines with the index of the blank-line block each belongs to."""
    out: list[tuple[str, int]] = []
    block = 0
    for raw_line in content.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", raw_line).strip()
        if not line:
            block += 1
            continue
        out.append((line, block))
    return out


def clean_text(raw: RawDocument) -> Draft:
    """Clean one plain-text scrape into a :class:`Draft` (body lines plus metadata found in the text)."""
    draft = Draft(raw=raw, lines=[])
    items = _lines(raw.content)
    n = len(items)
    drop = [False] * n
    kind = [""] * n
    texts = [t for t, _ in items]

    # 1. glued segments: "date 2023-03-20 Skip to main menu …"
    for i, t in enumerate(texts):
        m = _DATE_LABEL.match(t)
        if m:
            draft.published = draft.published or m.group(1)
            t = t[m.end() :]
        stripped = strip_navigation(t)
        if stripped != t or m:
            texts[i] = stripped
            if not stripped:
                drop[i], kind[i] = True, "nav"

    # 2. repeated short lines in one page are mastheads ("The Spokesman-Review Newspaper")
    short_counts: dict[str, int] = {}
    for t in texts:
        if t and len(words(t)) <= 6 and not ends_like_sentence(t):
            short_counts[normalise_line(t)] = short_counts.get(normalise_line(t), 0) + 1
    mastheads = [k for k, c in short_counts.items() if c >= 2 and k]
    for i, t in enumerate(texts):
        key = normalise_line(t)
        if any(key == m or (key.startswith(m) and len(words(t)) <= 10) for m in mastheads):
            drop[i], kind[i] = True, "masthead"
            if draft.outlet is None:
                draft.outlet = re.sub(r"\s+(Newspaper|Online|Digital|E-?edition)$", "", t, flags=re.I)

    # 3. one rule per line
    credit_blocks: set[int] = set()
    for i, t in enumerate(texts):
        if drop[i] or not t:
            continue
        t = _LEADING_BULLET.sub("", t) if _LEADING_BULLET.match(t) and parse_byline(t) else t
        if is_date_line(t):
            for h in find_dates(t):
                if h.updated:
                    draft.updated = draft.updated or h.iso
                else:
                    draft.published = draft.published or h.iso
            drop[i], kind[i] = True, "date"
        elif (b := parse_byline(t)) is not None:
            draft.authors.extend(a for a in b.authors if a not in draft.authors)
            if b.credit and b.credit not in draft.credits:
                draft.credits.append(b.credit)
            drop[i], kind[i] = True, "byline"
        elif (c := parse_credit(t)) is not None:
            if c not in draft.credits:
                draft.credits.append(c)
            drop[i], kind[i] = True, "credit"
        elif is_photo_credit(t):
            drop[i], kind[i] = True, "photo"
            credit_blocks.add(items[i][1])
        elif is_caption(t):
            drop[i], kind[i] = True, "caption"
        elif is_update_notice(t) or is_breadcrumb(t) or is_masthead_line(t) or _DATELINE.match(t):
            drop[i], kind[i] = True, "notice"

    # 4. a small block holding a photo credit is a figure: its other lines are the caption
    block_sizes: dict[int, int] = {}
    for _, b in items:
        block_sizes[b] = block_sizes.get(b, 0) + 1
    for i, (_, b) in enumerate(items):
        if b in credit_blocks and block_sizes[b] <= 4 and len(block_sizes) > 1 and not drop[i]:
            drop[i], kind[i] = True, "caption"

    # 5. duplicates: back-to-back copies are a caption shown twice; later copies are echoes
    seen: set[str] = set()
    prev_key = None
    for i, t in enumerate(texts):
        key = normalise_line(t)
        if not key:
            continue
        if key == prev_key:
            drop[i] = True
            drop[i - 1] = drop[i - 1] or not _body_like(texts[i - 1]) or is_caption(texts[i - 1])
            kind[i] = "caption"
        elif key in seen and not drop[i]:
            drop[i], kind[i] = True, "echo"
        seen.add(key)
        prev_key = key

    # 5b. a bare URL in the header is the page's address (scrapes often start with it), not its title
    for i, t in enumerate(texts[:_HEADER_LINES]):
        if drop[i] or not t:
            continue
        if _body_like(t):
            break
        if _URL_LINE.fullmatch(t):
            draft.url = draft.url or t
            drop[i], kind[i] = True, "url"

    # 6. title: the first headline-shaped line of the header, before the first real paragraph
    title_idx = None
    for i, t in enumerate(texts[:_HEADER_LINES]):
        if drop[i] or not t:
            continue
        if _body_like(t):
            break
        if looks_like_headline(t) and not is_prompt(t):
            title_idx = i
            break
    if title_idx is not None:
        draft.title = texts[title_idx]
        drop[title_idx], kind[title_idx] = True, "title"
        # header lines above the headline that are not paragraphs are chrome
        for i in range(title_idx):
            if not drop[i] and not _body_like(texts[i]):
                drop[i], kind[i] = True, "header"

    # 7. prompts (looser outside the article's central run) and title-case fragments
    strong = [i for i, t in enumerate(texts) if not drop[i] and len(words(t)) >= 12 and ends_like_sentence(t)]
    first, last = (strong[0], strong[-1]) if strong else (0, n - 1)
    for i, t in enumerate(texts):
        if drop[i] or not t:
            continue
        edge = i < first or i > last
        if is_prompt(t, edge=edge) or is_title_case_fragment(t, max_words=3 if not edge else 5):
            drop[i], kind[i] = True, "prompt"

    draft.lines = [t for i, t in enumerate(texts) if not drop[i] and t]
    if not draft.title and draft.lines:
        # no headline in the scrape: the lead's first sentence, verbatim, is the best honest label
        m = _FIRST_SENTENCE.match(draft.lines[0])
        draft.title = (m.group(1) if m else draft.lines[0]).strip()
    draft.extra["dropped"] = [(kind[i], texts[i]) for i in range(n) if drop[i]]
    return draft
