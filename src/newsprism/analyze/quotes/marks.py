"""Quotation marks: pairing them into quoted spans, and telling a quoted title from speech.

Why apart: these rules read punctuation and capitals only, never the attribution.  Every quote's
offsets come from here, and ``Quote.text`` is always ``text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.analyze.quotes.lexicon import _SAY, _SMALL

_OPEN_CTX = set(" \t\n([{—–-/:")
_CLOSE_CTX = set(" \t\n.,;:!?)]}—–-/")
_DOUBLE = '"“”„«»'
#: the attribution right after a closing mark typed with its space on the wrong side ('progress, "said Stefanski.')
_SAID_AFTER = re.compile(rf"(?:(?:he|she|they|[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){{0,3}})[ \t]+)?(?:{_SAY})\b")


@dataclass
class _Raw:
    open: int  # index of opening mark
    close: int  # index of closing mark
    start: int  # content start
    end: int  # content end


def _mark_dir(text: str, i: int, lo: int, hi: int, inside: bool = False) -> tuple[bool, bool]:
    """(may open, may close) for the mark at ``i`` in the paragraph ``text[lo:hi]``; ``inside``: a quote is open."""
    ch = text[i]
    opening = i == lo or text[i - 1] in _OPEN_CTX
    closing = i + 1 >= hi or text[i + 1] in _CLOSE_CTX
    if opening == closing:
        if ch in "“„«":
            return True, False
        if ch in "”»":
            return False, True
        if opening and closing:  # isolated straight mark: guess from what follows
            return i + 1 < hi and text[i + 1] == " " and not (i > lo and text[i - 1] == " "), i + 1 >= hi
    if (
        inside
        and opening
        and ch == '"'
        and i - 2 >= lo
        and text[i - 1] == " "
        and text[i - 2] in ",.?!"
        and _SAID_AFTER.match(text, i + 1, hi)
    ):
        return False, True  # '… not progressing, "said Stefanski.': it closes the quote, the space is misplaced
    return opening, closing


def find_quoted(text: str, paras: list[tuple[int, int]]) -> list[_Raw]:
    """Pairs of quotation marks (straight or curly, mixed), allowing quotes that run over paragraphs.

    An opening mark inside an open quote opens a quote inside it ('“… would likely render most
    “Constitutional Authority Statements” controversial and contentious.”'): the next closing mark
    closes the inner one, a later one the outer, so the outer quote is not lost.  A quote runs on into
    the next paragraph when that paragraph opens with a mark, or, where the next paragraphs open with no
    mark (a statement or post set as paragraphs), up to the closing mark that starts the marks of a later
    one (:func:`_unmarked_close`).  A sentence quoted to the paragraph's end with no closing mark at all
    is a quote to that end (:func:`_unclosed_sentence`), unless it ends with its own attribution."""
    out: list[_Raw] = []
    stack: list[int] = []  # opening marks not yet closed, innermost last
    close_at: int | None = None  # the closing mark, paragraphs ahead, of the quote that runs on unmarked
    for k, (ps, pe) in enumerate(paras):
        marks = [i for i in range(ps, pe) if text[i] in _DOUBLE]
        skip_first = False
        if stack and close_at is None:
            if marks and marks[0] == ps:
                skip_first = True  # continuation of a quote from the previous paragraph
            else:
                stack = []
        last_close = -1
        for n, i in enumerate(marks):
            if skip_first and n == 0:
                continue
            opening, closing = _mark_dir(text, i, ps, pe, inside=bool(stack))
            if i == close_at or (stack and close_at is None and (closing or not opening)):
                o = stack.pop()
                out.append(_Raw(o, i, o + 1, i))
                last_close, close_at = i, None
            elif not stack:
                if opening or not closing:
                    stack.append(i)
            else:
                stack.append(i)
        if close_at is not None:
            continue  # the quote runs on through this paragraph (it has no marks)
        # only a quote opened after the paragraph's last closing mark runs on into the next paragraph
        nxt = paras[k + 1][0] if k + 1 < len(paras) else None
        fresh = bool(stack) and stack[-1] > last_close
        if fresh and (
            (nxt is not None and text[nxt] in _DOUBLE) or (close_at := _unmarked_close(text, paras, k)) is not None
        ):
            stack = stack[-1:]
        else:
            if fresh and _unclosed_sentence(text, stack[-1], ps, pe):
                out.append(_Raw(stack[-1], pe, stack[-1] + 1, pe))
            stack = []
    for (a, b), (c, e) in zip(paras, paras[1:], strict=False):
        if _block_quote(text, a, b, c, e) and not any(r.open < e and c <= r.close for r in out):
            out.append(_Raw(c, e, c, e))
    # single curly/straight quotes used as quotation marks in headlines: ‘trip for peace’
    for m in re.finditer(
        r"(?:(?<=\s)|(?<=^))[‘'](?=[A-Za-z])([^‘’'\n]{3,150}?[A-Za-z.!?,])[’'](?![A-Za-z])", text, re.M
    ):
        out.append(_Raw(m.start(), m.end() - 1, m.start(1), m.end(1)))
    out.sort(key=lambda r: r.open)
    return out


def _unmarked_close(text: str, paras: list[tuple[int, int]], k: int, reach: int = 3) -> int | None:
    """The closing mark that ends a quote left open at the end of paragraph ``k`` when the paragraphs
    after it open with no mark ('… tweeted Saturday: “I had to fire General Flynn …' / 'He has pled
    guilty to those lies.' / 'There was nothing to hide!”'): the first mark of one of the next ``reach``
    paragraphs, when it can only close and every paragraph before it has no mark at all."""
    for ps, pe in paras[k + 1 : k + 1 + reach]:
        first = next((i for i in range(ps, pe) if text[i] in _DOUBLE), None)
        if first is None:
            continue
        opening, closing = _mark_dir(text, first, ps, pe, inside=True)
        return first if closing and not opening else None
    return None


#: the end of a lead-in that introduces the paragraph below it as what was said or written: a publishing verb
#: and its time, channel or addressee ('tweeted Saturday:', 'said in a statement:', 'posted this status update:',
#: 'told reporters:'), or a statement-like noun and where it is found ('Read the full rant via Gawker:')
_BLOCK_LEAD = re.compile(
    r"(?:\b(?:said|says|told|wrote|writes|posted|tweeted|tweets|stated|states|declared|announced|added|reported|"
    r"reports|read|reads)\b(?:[ \t]+(?:in|on|to|at|via|from|during|after|this|these|his|her|their|its|a|an|the|"
    r"reporters|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|later|"
    r"recently|late|early|last)\b[^:.;!?\n]{0,50})?"
    r"|\b(?:statement|letter|post|tweet|message|note|e-?mail|memo|release|editorial|rant|remarks|commentary|"
    r"excerpt|transcript|status update)s?\b(?:[ \t]+(?:via|from|by|on|in|of|below|here)\b[^:.;!?\n]{0,40})?)"
    r"[ \t]*:$",
    re.I,
)


def _block_quote(text: str, a: int, b: int, c: int, e: int) -> bool:
    """The paragraph ``text[c:e]`` is a block quote without marks introduced by the paragraph ``text[a:b]``
    before it ('One Facebook user … posted this status update:' / the post; 'Read the full rant via
    Gawker:' / the letter): the lead-in's last sentence (three words or more) ends in a colon after a
    publishing verb or a statement-like noun (:data:`_BLOCK_LEAD`), and the block is prose of six words
    or more that opens with a capital, holds no double quote mark and introduces nothing itself.  A colon
    before a list, a subheading or a dateline has no such lead-in ('Some known inmates:', 'UPDATE:')."""
    lead = re.split(r"(?<=[.!?])\s+", text[a:b])[-1]
    if len(lead.split()) < 3 or not _BLOCK_LEAD.search(lead):
        return False
    block = text[c:e]
    if any(ch in _DOUBLE for ch in block) or block.rstrip().endswith(":"):
        return False
    return bool(re.match(r"[A-Z][\w’']*\b", block)) and len(block.split()) >= 6


#: a sentence that ends with its own attribution (', authorities said.'): the writer's report, not a quote
_OWN_ATTRIBUTION = re.compile(rf",[ \t]+[^,!?]{{0,60}}\b(?:{_SAY})\b[^,.!?]{{0,30}}[.!?]?$")


def _unclosed_sentence(text: str, i: int, ps: int, pe: int) -> bool:
    """The mark at ``i`` opens a quote that its writer never closed: it opens a sentence (or follows a colon)
    and what follows to the paragraph's end is a capitalised sentence of three words or more ('“Trump says
    he wants to run the nation like he’s running his business? God help us.' and no closing mark)."""
    if not re.search(r"(?:^|[.!?:…][”\"’']?\s+)$", text[ps:i]):
        return False
    if _OWN_ATTRIBUTION.search(text, i + 1, pe):
        return False  # '"Officers found a gun …, Troy police Lt. Gerry Scherlinck said.': a stray mark before a report
    return bool(re.match(r"[A-Z][\w’'\-]*(?:\s+\S+){2,}", text[i + 1 : pe]))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    return s, e


_WORK_KINDS = (
    "show|series|film|movie|book|novel|album|song|play|musical|sitcom|sequel|prequel|remake|franchise|trilogy|"
    "episode|documentary|single|opera|podcast|miniseries"
)


def _quoted_name(text: str, start: int, end: int) -> bool:
    """A short Title Case phrase in quote marks used as a noun's modifier or after a determiner ('Roosevelt’s
    “New Deal” efforts', 'the “Creamery Corporation” was'): it names something; nobody said it."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
    big = [w for w in words if w.lower() not in _SMALL]
    if not (1 <= len(words) <= 5 and big and words[0][0].isupper() and all(w[0].isupper() for w in big)):
        return False
    if not any(re.search(r"[a-z]", w) for w in big):
        return False  # 'the “WITCH HUNT”': capitals shout what someone wrote, they do not name a thing
    before = text[max(0, start - 30) : start].rstrip("\"“‘'( ")
    if re.search(r"(?:[’']s|\b(?:the|a|an|its|his|her|their|our|of|in|on|from))$", before):
        return True  # 'the star of “American Pie”', 'appeared in “Scrubs”': a title after its preposition
    if re.search(rf"\b(?:{_WORK_KINDS})$", before, re.I):
        return True  # 'TV show “Scrubs”': the kind of work, then its title
    if re.match(
        rf"[”\"’']?\s+(?:{_WORK_KINDS}|star|actor|actress|singer|director|producer|author|fans?)\b",
        text[end : end + 25],
        re.I,
    ):
        return True  # '“The Hunger Games” sequel', 'the “X-Men” star': the title, then the kind of work
    # the next one in a list of names: 'the star of “American Pie”, “Van Wilder” and “The Big Lebowski”'
    lm = re.search(r"[“\"]([^“”\"]{1,60})[”\"]\s*(?:,|,?\s+(?:and|or))\s*$", text[max(0, start - 100) : start - 1])
    if lm:
        ps = max(0, start - 100) + lm.start(1)
        return _quoted_name(text, ps, ps + len(lm.group(1)))
    return False


_MEDIA_CUE = re.compile(
    r"\b(?:on|program|programme|show|series|book|film|movie|documentary|podcast|column|article|"
    r"op-ed|titled|entitled|called|magazine|newspaper)\b[^.;:!?]{0,25}$",
    re.I,
)


def is_title(text: str, start: int, end: int) -> bool:
    """A Title Case phrase quoted right after a media cue ('on PBS's "Charlie Rose"', 'on Fox News' "On the
    Record"') names a programme, book or article: it is not something anybody said."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
    big = [w for w in words if w.lower() not in _SMALL]
    if not (2 <= len(words) <= 8 and big and words[0][0].isupper() and all(w[0].isupper() for w in big)):
        return False
    return bool(_MEDIA_CUE.search(text[max(0, start - 45) : start].rstrip("\"“‘'( ")))
