"""Small text helpers shared by the synthesis parts.

Why private and dependency-free: synthesis must work on whatever ``analyze`` gives it
(spaCy, the regex backend, or nothing at all), so tokens, stems, sentence fallback and
trimming live here in plain regex code with exact character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def wordset(text: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of ``text`` (keeps word lists compact)."""
    return frozenset(text.split())


WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*[A-Za-z0-9]|[A-Za-z0-9]")

STOP = wordset(
    """
    a an the and or but if of to in on at by for with from as into onto over under about after before
    between through during since until than then that this these those there here which who whom whose what
    when where why how is are was were be been being am do does did done have has had having will would
    shall should can could may might must it its it's he him his she her hers they them their theirs we us
    our ours you your i me my mine not no nor so too very also just only even more most much many some any
    each every all both either neither such own same other another one ones s t up down out off again
    further once while because although though yet still however according said says say told tell mr mrs ms
    dr new week weeks year years day days time times last next first
    """
)

NATIONALITY = wordset(
    """
    american americans russian russians chinese ukrainian ukrainians european europeans british french
    german iranian saudi israeli palestinian mexican canadian japanese korean indian syrian iraqi afghan
    turkish western eastern northern southern democrat democrats republican republicans democratic gop
    """
)
#: the weekdays as written, and a pattern for any of them (the clause splitter here, contradictions' weekday rule)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = "(?:" + "|".join(DAYS) + ")"
WEEKDAYS_MONTHS = wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today
    yesterday tomorrow
    """
)

_LEADING = re.compile(
    r"^(?:but|however|and|yet|still|meanwhile|also|crucially|instead|indeed|moreover|furthermore|"
    r"in addition|in fact|of course|now|so|then|separately|in a separate statement|in a statement)\b[,]?\s+",
    re.IGNORECASE,
)
_END = re.compile(r"([.!?]+[\"”’')\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBR = wordset(
    """
    u.s u.k u.n sen rep gov lt gen col sgt mr mrs ms dr st jr sr inc corp ltd vs jan feb mar apr jun jul aug
    sep sept oct nov dec d.c a.m p.m e.g i.e ft mt pres ave dept prof rev no
    """
)


def _non_actor() -> set[str]:
    return {stem(w) for w in NATIONALITY | WEEKDAYS_MONTHS} | set(NATIONALITY | WEEKDAYS_MONTHS)


def stem(word: str) -> str:
    """A light suffix stripper: enough to match "deporting"/"deported", "calls"/"call"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ren") and w in {"children"}:
        return "child"
    for suf in ("ingly", "edly", "ians", "ian", "ing", "ed", "es", "s", "ly", "ia", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            if suf == "s" and w.endswith("ss"):
                return w
            if suf == "es" and not re.search(r"(?:ss|x|ch|sh|z)es$", w):
                return w[:-1]
            return w[: -len(suf)]
    return w


def words(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for every word in ``text``."""
    return [(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop words, the unit of lexical overlap."""
    return [stem(w) for w, _, _ in words(text) if w.lower() not in STOP and not w.isdigit()]


def entity_tokens(text: str, known: set[str] | None = None) -> set[str]:
    """Capitalised words that are not sentence-initial: a cheap stand-in for named entities.

    A sentence-initial word counts when ``known`` (names seen mid-sentence elsewhere) has it.
    """
    out: set[str] = set()
    toks = words(text)
    for i, (w, s, _) in enumerate(toks):
        if not w[0].isupper():
            continue
        prev = text[max(0, s - 3) : s]
        initial = i == 0 or re.search(r"[.!?]\s*[\"“‘]?\s*$", prev)
        # a sentence-initial word counts only if it is clearly a name (next word capitalised, or known)
        if initial and not (i + 1 < len(toks) and toks[i + 1][0][0].isupper()) and not (known and stem(w) in known):
            continue
        lw = w.lower()
        if lw in STOP or lw in WEEKDAYS_MONTHS:
            continue
        out.add(stem(w))
    return out


def person_like(tokens: Iterable[str]) -> set[str]:
    """Entity stems that name an actor (not a nationality or its country, weekday or month)."""
    return {t for t in tokens if t not in _NON_ACTOR and not t.isdigit()}


def quote_share(text: str) -> float:
    """Share of characters inside quotation marks: a quote-only sentence is a quote, not a fact."""
    inside = 0
    for m in re.finditer(r"[\"“]([^\"“”]{2,})[\"”]", text):
        inside += len(m.group(1))
    for m in re.finditer(r"(?:^|\s)‘([^’]{2,})’", text):
        inside += len(m.group(1))
    stripped = len(text.strip()) or 1
    return min(1.0, inside / stripped)


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """Fallback sentence splitter: ``(start, end, paragraph)`` with exact offsets.

    Used only when ``analyze`` gave no sentences for an article; it splits paragraphs on
    newlines and sentences after ``.!?`` followed by a capital, except after common
    abbreviations and initials.
    """
    out: list[tuple[int, int, int]] = []
    para = 0
    for pm in re.finditer(r"[^\n]+", text):
        block_start = pm.start()
        block = pm.group(0)
        if not block.strip():
            continue
        start = 0
        for m in _END.finditer(block):
            cand = block[start : m.end(1)]
            last = cand.rstrip(".!?\"”’')]").split(" ")[-1].lower().strip('("“‘')
            if m.group(1).startswith(".") and (
                last in _ABBR or re.fullmatch(r"[a-z]", last) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last)
            ):
                continue
            _add(out, text, block_start + start, block_start + m.end(1), para)
            start = m.end()
        _add(out, text, block_start + start, block_start + len(block), para)
        para += 1
    return out


def _add(out: list[tuple[int, int, int]], text: str, s: int, e: int, para: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e, para))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading connective ("But", "However,") and whitespace; the rest stays verbatim."""
    seg = text[start:end]
    m = _LEADING.match(seg)
    if m and len(seg) - m.end() > 20 and _starts_like_a_sentence(seg[m.end() :]):
        start += m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _starts_like_a_sentence(rest: str) -> bool:
    """What is left after a connective must read as a sentence start ("But instead of …" keeps its "But")."""
    first = rest.lstrip("\"“‘'(")[:1]
    return first.isupper() or first.isdigit()


def open_quote(text: str) -> bool:
    """A quotation opened in ``text`` and not closed there (the quote runs on into the next sentence)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


_DIGIT_GROUP = re.compile(r"(?<![\d.,])\d{1,3},$")
_GROUP_AFTER = re.compile(r"\d{3}(?![\d])")
_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH_DAY = rf"(?:\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?|\b\d{{1,2}}\s+{_MON})"
#: the commas of a date are no clause break: "April 21, 2004", "March 20-22, 2023", "18 September, 2013"
#: (a month-day before it, a year after), "Friday, Sept. 14" (a weekday before it, a month-day after) and
#: the comma that closes a written year ("on July 20, 2006, described him as …")
_MONTH_DAY_COMMA = re.compile(rf"{_MONTH_DAY},$")
_CLOSING_COMMA = re.compile(rf"{_MONTH_DAY},\s+(?:1[89]|20)\d{{2}},$")
_YEAR_AFTER = re.compile(r"(?:1[89]|20)\d{2}\b")
_WEEKDAY_COMMA = re.compile(rf"\b{WEEKDAY},$")
_MONTH_DAY_AFTER = re.compile(rf"{_MON}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MON}(?![A-Za-z])")


#: "Nashville, Tenn.", "Newport Beach, Calif.": the comma between a place and its state is no clause break
_STATE_AFTER = re.compile(
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
    r"N\.[HJMYCD]|Okla|Ore|Pa|R\.I|S\.[CD]|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo)\.|(?:Alabama|Alaska|Arizona|"
    r"Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|"
    r"Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|"
    r"Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    r"Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|"
    r"Washington|West Virginia|Wisconsin|Wyoming)\b"
)
_PLACE_COMMA = re.compile(r"\b[A-Z][a-z]+,$")


def _date_comma(text: str, start: int, comma: int, after: int) -> bool:
    """The comma at ``comma`` (``after`` past its space) sits inside a date or a "city, state" name."""
    return bool(
        _CLOSING_COMMA.search(text, start, comma + 1)
        or (_MONTH_DAY_COMMA.search(text, start, comma + 1) and _YEAR_AFTER.match(text, after))
        or (_WEEKDAY_COMMA.search(text, start, comma + 1) and _MONTH_DAY_AFTER.match(text, after))
        or (_PLACE_COMMA.search(text, start, comma + 1) and _STATE_AFTER.match(text, after))
    )


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma/semicolon/dash clauses of ``text[start:end]`` (used as local context windows)."""
    out = []
    s = start
    for m in re.finditer(r"[,;:—–]\s|\s[—–]\s", text[start:end]):
        if _DIGIT_GROUP.search(text, start, start + m.start() + 1) and _GROUP_AFTER.match(text, start + m.end()):
            continue  # '31, 000': text rebuilt from tokens writes a digit group after ', '
        if m.group(0)[0] == "," and _date_comma(text, start, start + m.start(), start + m.end()):
            continue
        e = start + m.start()
        if e > s:
            out.append((s, e))
        s = start + m.end()
    if end > s:
        out.append((s, end))
    return out


def n_words(text: str) -> int:
    return len(text.split())


_NON_ACTOR = frozenset(_non_actor())


def components(n: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """Connected components (single link) of items ``0..n-1`` under ``linked(i, j)``, in first-item order."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(n):
        for j in range(i):
            if find(i) != find(j) and linked(i, j):
                parent[find(i)] = find(j)
    out: dict[int, list[int]] = {}
    for i in range(n):
        out.setdefault(find(i), []).append(i)
    return list(out.values())
