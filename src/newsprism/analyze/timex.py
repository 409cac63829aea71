"""Date expressions normalised against the article's publication date.

Why custom patterns before dateparser: news dates are mostly weekday names and
relative phrases whose meaning depends on tense ("Friday" in a report means the
latest Friday on or before publication; "will visit on Monday" is ahead), which
``dateparser.search_dates`` gets wrong.  Absolute dates still go through
dateparser with ``RELATIVE_BASE``/``PREFER_DATES_FROM``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from statistics import median

import dateparser

from newsprism.model import Article, Sentence, TimeMention

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
#: a month's full name (the bare-month patterns: "Mar", "Jan" alone are names more often than months)
_MONTH_NAME = "|".join(calendar.month_name[1:])
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"((?:19|20)\d{2})"
#: after "Month, ": a year ends its phrase (punctuation or a function word next), a number that counts
#: something goes on into its noun ("In May, 2000 people marched")
_YEAR_ENDS = (
    r"(?=\s*(?:[,.;:!?)”\"’—–]|$)|\s+(?:and|or|but|when|while|after|before|until|to|in|at|on|for|with|as|that|"
    r"which|where|the|a|an|he|she|it|they|we|was|were)\b)"
)
_PATTERNS = [
    # March 20-22, 2023 / March 20 to March 22, 2023 / March 20-22
    (
        "mrange",
        re.compile(
            rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|through|until)\s*(?:({_MON})\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b"
        ),
    ),
    # March 17, 2023 / Feb. 4, 2022 / March 17
    ("mdy", re.compile(rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")),
    # 17 March 2023
    ("dmy", re.compile(rf"\b(\d{{1,2}})\s+({_MON})(?:,?\s+(\d{{4}}))?\b")),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("num", re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")),
    # Monday to Wednesday
    ("drange", re.compile(rf"\b(?:from\s+)?({_DAY})\s*(?:-|–|to|through|until)\s*({_DAY})\b")),
    # From December 2007 through December 2008 / between January 2016 and December 2018
    (
        "myrange",
        re.compile(
            rf"\b(?:((?i:between))\s+)?({_MON})\s+(\d{{4}})\s*(-|–|to|through|until|and)\s*({_MON})\s+(\d{{4}})\b"
        ),
    ),
    # from 2006 until 2012 / between 2005 and 2008 / 2007-2014 ("and" only after "between")
    ("yrange", re.compile(rf"\b(?:((?i:from))\s+|((?i:between))\s+)?{_YEAR}\s*(-|–|to|through|until|and)\s*{_YEAR}\b")),
    # from 1979-90 / the 2008-09 season: the end year in two digits
    ("yyrange", re.compile(rf"\b{_YEAR}[-–](\d{{2}})\b(?![-–/]\d)")),
    # between July and October 2020 / from May to August 2019: the year written once, for both
    (
        "mmyrange",
        re.compile(rf"\b((?i:between|from))\s+({_MON})\s+(and|to|through|until|-|–)\s+({_MON})\s+(\d{{4}})\b"),
    ),
    # the first of "in August and October 2017" / "in May or June 2016": the year is the second's
    ("month2", re.compile(rf"\b({_MON})(?=\s+(?:and|or)\s+{_MON}\s+(\d{{4}})\b)")),
    # September 2003 / February, 2003 / November of 2013
    (
        "month_year",
        re.compile(rf"\b({_MON})(?:\s+|,\s+(?=(?:19|20)\d\d{_YEAR_ENDS})|\s+of\s+(?=(?:19|20)\d\d\b))(\d{{4}})\b"),
    ),
    # March of last year / May of this year: that month of the year the phrase names
    ("month_rel", re.compile(rf"\b({_MON})\s+of\s+(last|next|this)\s+year\b", re.I)),
    ("rel", re.compile(r"\b(next|last|this|past|coming|previous)\s+(week|month|year|weekend)\b", re.I)),
    # "over the weekend": the weekend nearest the report, by tense
    ("weekend", re.compile(r"\b(?:over|during|on|at)\s+(the\s+weekend)\b", re.I)),
    ("ago", re.compile(r"\b(a|one|two|three|four|five|six|\d+)\s+(day|week|month|year)s?\s+ago\b", re.I)),
    ("word", re.compile(r"\b(today|yesterday|tomorrow|tonight)\b", re.I)),
    ("day", re.compile(rf"\b(?:(last|next|this)\s+)?({_DAY})\b")),
    (
        "month",
        re.compile(
            rf"\b(?i:in|since|until|by|(?:of|after|before)(?!\s+May\b)|early|late|mid-?|last|next|this)\s+({_MONTH_NAME})\b"
        ),
    ),
    # a month naming an event: "a December court filing", "the August break" (not May: Theresa May)
    (
        "amonth",
        re.compile(rf"\b(?i:a|an|the)\s+(?:[a-z]+\s+)?({_MONTH_NAME.replace('May|', '')})(?=\s+[a-z])"),
    ),
    # sentence-initial "In 2007," too; "dating back to 1909", "in late 1998"
    (
        "year",
        re.compile(
            rf"\b(?i:in|since|until|by|of|from|after|before|back\s+to)\s+(?:(?i:early|late|mid-?)\s*)?{_YEAR}\b"
        ),
    ),
    # the second of "in 2009 and 2010"
    ("year2", re.compile(rf"\b(?i:in|of|by)\s+(?:19|20)\d{{2}},?\s+(?:and|or)\s+{_YEAR}\b")),
]
_NUMS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_FUTURE = re.compile(
    r"\b(will|would|shall|is to|are to|due to|scheduled|plans? to|planned|expected to|going to|"
    r"set to|next|upcoming|coming)\b",
    re.I,
)


def _to_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
        return parsed.date() if parsed else None


def reference_date_for(article: Article, fallback: str | None = None) -> date | None:
    """Publication date, else update date, else ``fallback`` (e.g. the story's median date).

    ``analyze`` narrows an update date with :func:`infer_reference` (the text may be older).
    """
    return _to_date(article.published) or _to_date(article.updated) or _to_date(fallback)


def median_date(articles: list[Article]) -> str | None:
    """The story's median publication date: a reference for articles without one."""
    ds = sorted(d.toordinal() for a in articles if (d := _to_date(a.published) or _to_date(a.updated)))
    return date.fromordinal(int(median(ds))).isoformat() if ds else None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _nearest_year(ref: date | None, m: int, d: int, future: bool) -> int | None:
    """Year for a month/day without one: the nearest occurrence around ``ref``; None with no reference.

    Never today's year: an undated article from 2023 must not put "March 17" on this year's timeline.
    """
    if ref is None:
        return None
    best = ref.year
    cands = [ref.year - 1, ref.year, ref.year + 1]
    try:
        scored = sorted(cands, key=lambda y: abs((date(y, m, min(d, calendar.monthrange(y, m)[1])) - ref).days))
        best = scored[0]
    except ValueError:
        pass
    return best


def _parse_abs(expr: str, ref: date | None, future: bool) -> date | None:
    settings = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if ref:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _weekday(ref: date, wd: int, future: bool, mod: str | None) -> date:
    if mod == "next":
        ahead = (wd - ref.weekday()) % 7 or 7
        return ref + timedelta(days=ahead)
    if mod == "last":
        back = (ref.weekday() - wd) % 7 or 7
        return ref - timedelta(days=back)
    if future:
        return ref + timedelta(days=(wd - ref.weekday()) % 7)
    return ref - timedelta(days=(ref.weekday() - wd) % 7)


def _weekend(ref: date, step: int, future: bool, coming: bool) -> tuple[date, date]:
    """Saturday and Sunday of "this" (step 0, by tense), "last" (-1) or "next" (1) weekend.

    A report written on a weekend is inside "this weekend"; on a weekday, "this weekend" in the
    past tense is the one just gone ("became the latest contender this weekend", on a Monday).
    """
    wd = ref.weekday()
    if wd >= 5:
        # on a Sunday "last weekend" is the one ending that day, as "last week" is
        sat = ref - timedelta(days=wd - 5) + timedelta(weeks=0 if wd == 6 and step < 0 else step)
    elif step < 0 or (step == 0 and not future):
        sat = ref - timedelta(days=wd + 2)
    else:
        sat = ref + timedelta(days=5 - wd) + timedelta(weeks=0 if coming else step)
    return sat, sat + timedelta(days=1)


def _period(ref: date, unit: str, step: int) -> tuple[date, date]:
    """The whole week (Monday to Sunday), month or year ``step`` of them away from ``ref``'s own."""
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        mo = ref.month + step
        y = ref.year + (mo - 1) // 12
        mo = (mo - 1) % 12 + 1
        return date(y, mo, 1), _month_end(y, mo)
    return date(ref.year + step, 1, 1), date(ref.year + step, 12, 31)


def _the_last(m: re.Match[str]) -> str | None:
    """ "the past year", "the last week": a window ending at the report ("rolling"), not the calendar period
    "last week" names; "the last week of June", "the last year of his term": a part of something else ("part")."""
    before = m.string[max(0, m.start() - 4) : m.start()]
    if m.group(1).lower() not in ("past", "last") or before.lower() != "the ":
        return None
    return "part" if m.string.startswith(" of ", m.end()) else "rolling"


def _resolve(
    kind: str, m: re.Match[str], ref: date | None, future: bool, past: bool = False
) -> tuple[date, date | None] | None:
    """``past``: the expression's own clause is in the past tense, so it is not after ``ref``."""
    g = m.groups()
    if kind == "mrange":
        m1 = _MONTHS[g[0].lower().rstrip(".")]
        m2 = _MONTHS[g[2].lower().rstrip(".")] if g[2] else m1
        y = int(g[4]) if g[4] else _nearest_year(ref, m1, int(g[1]), future)
        if y is None:
            return None
        y1 = y2 = y
        if (m2, int(g[3])) < (m1, int(g[1])):  # "Dec. 22 through Jan. 25" crosses a year; a written one is the end's
            y1, y2 = (y - 1, y) if g[4] else (y, y + 1)
        try:
            return date(y1, m1, int(g[1])), date(y2, m2, int(g[3]))
        except ValueError:
            return None
    if kind in ("mdy", "dmy"):
        mon, day = (g[0], g[1]) if kind == "mdy" else (g[1], g[0])
        mo, d = _MONTHS[mon.lower().rstrip(".")], int(day)
        y = int(g[2]) if g[2] else _nearest_year(ref, mo, d, future)
        if y is None:
            return None
        if not g[2] and ref is not None:
            y = _weekday_year(m, ref, mo, d, y)
        # "rear-ended a truck on June 8" in a May report: last June, not next month (a week's slack for a
        # reference that is only inferred)
        if not g[2] and past and ref is not None and y == ref.year and (date(y, mo, min(d, 28)) - ref).days > 7:
            y -= 1
        try:
            return date(y, mo, d), None
        except ValueError:
            return None
    if kind == "iso":
        try:
            return date(int(g[0]), int(g[1]), int(g[2])), None
        except ValueError:
            return None
    if kind == "num":
        parsed = _parse_abs(m.group(0), ref, future)
        return (parsed, None) if parsed else None
    if kind == "month_year":
        mo, y = _MONTHS[g[0].lower().rstrip(".")], int(g[1])
        return date(y, mo, 1), _month_end(y, mo)
    if kind == "month_rel":
        if ref is None:
            return None
        mo, y = _MONTHS[g[0].lower().rstrip(".")], ref.year + {"last": -1, "next": 1, "this": 0}[g[1].lower()]
        return date(y, mo, 1), _month_end(y, mo)
    if kind == "mmyrange":
        m1, m2, y = _MONTHS[g[1].lower().rstrip(".")], _MONTHS[g[3].lower().rstrip(".")], int(g[4])
        if (g[2] == "and") != (g[0].lower() == "between") or m2 <= m1:
            return None
        return date(y, m1, 1), _month_end(y, m2)
    if kind == "month2":
        mo, y = _MONTHS[g[0].lower().rstrip(".")], int(g[1])
        return date(y, mo, 1), _month_end(y, mo)
    if kind in ("year", "year2"):
        y = int(g[0])
        return date(y, 1, 1), date(y, 12, 31)
    if kind == "myrange":
        a, b = date(int(g[2]), _MONTHS[g[1].lower().rstrip(".")], 1), _MONTHS[g[4].lower().rstrip(".")]
        if (g[3] == "and") != bool(g[0]) or (int(g[5]), b) <= (a.year, a.month):
            return None
        return a, _month_end(int(g[5]), b)
    if kind == "yyrange":
        y1 = int(g[0])
        y2 = y1 // 100 * 100 + int(g[1])
        y2 += 100 if y2 <= y1 else 0  # "1998-01" runs into the next century
        return (date(y1, 1, 1), date(y2, 12, 31)) if y2 - y1 <= 30 else None
    if kind == "yrange":
        y1, y2 = int(g[2]), int(g[4])
        if y2 <= y1 or (g[3] == "and") != bool(g[1]):  # "in 2017 and 2018" is two years, not a span
            return None
        return date(y1, 1, 1), date(y2, 12, 31)
    if ref is None:
        return None
    if kind == "drange":
        a = _weekday(ref, _DAYS[g[0].lower()], future, None)
        b = a + timedelta(days=(_DAYS[g[1].lower()] - _DAYS[g[0].lower()]) % 7)
        return a, b
    if kind == "day":
        return _weekday(ref, _DAYS[g[1].lower()], future, g[0].lower() if g[0] else None), None
    if kind == "word":
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g[0].lower()]
        return ref + timedelta(days=off), None
    if kind == "rel":
        mod, unit = g[0].lower(), g[1].lower()
        the_last = _the_last(m) if unit != "weekend" else None
        if the_last == "part":
            return None
        if the_last == "rolling":
            # "in the last year", "over the past week": the span up to the report, not the calendar period;
            # a year as the twelve months ending with the report's, so reports a day apart share it
            if unit == "year":
                return _period(date(ref.year - 1, ref.month, 1), "month", 1)[0], _month_end(ref.year, ref.month)
            return ref - timedelta(days=7 if unit == "week" else 30), ref
        step = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1, "this": 0}[mod]
        if unit == "weekend":
            return _weekend(ref, step, future, mod == "coming")
        if unit == "week" and ref.weekday() == 6:
            # a Sunday report's "last week" is the one ending that day; "this week" ahead is the next
            step += 1 if mod == "last" or (mod == "this" and future) else 0
        return _period(ref, unit, step)
    if kind == "weekend":
        return _weekend(ref, 0, future, False)
    if kind == "ago":
        # resolved at the unit's own precision: "a year ago" is that year, not that day
        n = _NUMS.get(g[0].lower()) or int(g[0])
        unit = g[1].lower()
        if unit == "day":
            return ref - timedelta(days=n), None
        return _period(ref, unit, -n)
    if kind == "amonth":
        # the verb is not the month's ("was expected to mention the March incident"): the nearest one,
        # the past one on a tie
        mo = _MONTHS[g[0].lower()]
        back = (ref.month - mo) % 12
        y = ref.year - (mo > ref.month) if back <= 6 else ref.year + (mo < ref.month)
        return date(y, mo, 1), _month_end(y, mo)
    if kind == "month":
        mo = _MONTHS[g[0].lower()]
        y = ref.year
        word = m.group(0).split()[0].lower()
        if (future or word == "next") and mo < ref.month:
            y += 1
        elif not future and mo > ref.month:
            y -= 1
        return date(y, mo, 1), _month_end(y, mo)
    return None


_FUTURE_WORDS = {
    "will",
    "would",
    "shall",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "expected",
    "upcoming",
    "coming",
    "due",
    "ahead",
    "later",
    "next",
    "tomorrow",
    "might",
    "won't",
    "won’t",
    "’ll",
    "'ll",
}
_PAST_WORDS = {
    "said",
    "told",
    "met",
    "spoke",
    "began",
    "was",
    "were",
    "had",
    "did",
    "came",
    "went",
    "made",
    "gave",
    "took",
    "held",
    "wrote",
    "sent",
    "saw",
    "left",
    "won",
    "lost",
    "ran",
    "brought",
    "found",
    "became",
    "fell",
    "rose",
    "led",
    "paid",
    "struck",
    "ago",
    "earlier",
    "recently",
    "last",
}
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|--|\b(?:and|but|as|while|after|before|when|because|although)\b")
_WORD = re.compile(r"[A-Za-z’']+")


def _word_tense(word: str) -> bool | None:
    w = word.lower()
    if w in _FUTURE_WORDS:
        return True
    if w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed")):
        return False
    return None


def _tenses(words: list[str]) -> list[bool | None]:
    """Each word's tense, reading its neighbours where one word alone misleads."""
    out = [_word_tense(w) for w in words]
    low = [w.lower() for w in words]
    for i, w in enumerate(low):
        prev, nxt = (low[i - 1] if i else ""), (low[i + 1] if i + 1 < len(low) else "")
        if w in ("plan", "plans") and nxt not in ("to", "for"):
            out[i] = None  # a plan that is not of something ahead ("the leadership's plan gathered …")
        elif out[i] is False and prev == "be":
            out[i] = None  # a passive participle ("to be arraigned", "will be released") has no tense
        elif w == "forward" and prev.startswith("look"):
            out[i] = True  # "look forward to talking to you Monday"
    return out


def _first_tense(words: list[str], reverse: bool = False) -> bool | None:
    ts = _tenses(words)
    for t in reversed(ts) if reverse else ts:
        if t is not None:
            return t
    return None


_PRESENT = {"is", "are", "am"}
#: prepositions after which an untensed day is a deadline ahead ("not waiting until Friday")
_DEADLINE = {"until", "till", "by"}


def _scheduled(clause_before: list[str], clause_after: list[str], possessive: bool) -> bool:
    """An untensed clause in the present ("is up for re-election in November", "Tuesday is the deadline")
    or a deadline ("until Friday") states what is scheduled: news reports the past in the past tense.
    A possessive or attributive day ("Wednesday's attack is …", "is the suspect in the Friday
    slaying") names a past event described in the present."""
    last = clause_before[-1].lower() if clause_before else ""
    if last in _DEADLINE:
        return True
    if possessive or last in ("the", "a", "an"):
        return False  # "the Friday afternoon slaying": a day naming an event, not when something is
    # after the day only its own verb counts ("Tuesday is the deadline"), not a "that" clause's
    return any(w.lower() in _PRESENT for w in clause_before[-12:] + clause_after[:1])


def local_tense(text: str, start: int, end: int, lo: int, hi: int) -> bool | None:
    """Future (True), past (False) or unknown (None) from the verbs of the expression's own clause.

    Why not the sentence: news sentences join clauses of both tenses ("Xi will travel next week,
    Beijing announced on Friday"), and a weekday belongs to the verb nearest to it. The nearest
    tense-bearing word before the expression (up to a clause break) decides, else the nearest after,
    else a present-tense or deadline clause is ahead.
    """
    before = text[lo:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    own_before = _WORD.findall(before)
    if (t := _first_tense(own_before[-12:], reverse=True)) is not None:
        return t
    after = text[end:hi]
    stop = _CLAUSE_BREAK.search(after)
    own_after = _WORD.findall(after[: stop.start()] if stop else after)
    if (t := _first_tense(own_after[:6])) is not None:
        return t
    if _scheduled(own_before, own_after, text[end:].startswith(("'s", "’s"))):
        return True
    # no verb in its own clause ("…, beginning with a dinner on Monday"): the nearest one in the sentence
    if (t := _first_tense(_WORD.findall(text[lo:start])[-25:], reverse=True)) is not None:
        return t
    # else the main verb after it, past any appositive ("Xi's visit Monday to Wednesday, his first since
    # Russia invaded …, will be …": the appositive's verb is not the visit's)
    return _first_tense(_WORD.findall(_APPOSITIVE.sub(" ", text[end:hi]))[:12])


#: a weekday that is part of the name of a day ("Oscar Sunday", "Super Tuesday", "Black Friday", "Easter Sunday")
_NAMED_DAY = re.compile(
    r"\b(?:Oscars?|Super|Bowl|Easter|Palm|Good|Black|Cyber|Ash|Holy|Maundy|Bloody|Giving|Shrove)\s+$"
)
_WEEKDAY_BEFORE = re.compile(rf"({_DAY}),?\s+$")
_DATE_AFTER = re.compile(rf",?\s+(?:{_MON}\s+\d{{1,2}}|\d{{1,2}}\s+{_MON})\b")


def _weekday_year(m: re.Match[str], ref: date, mo: int, d: int, y: int) -> int:
    """ "Friday, Sept. 14" without a year: the year around ``ref`` in which Sept. 14 is a Friday."""
    wm = _WEEKDAY_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    if not wm:
        return y
    wd = _DAYS[wm.group(1).lower()]
    for cand in sorted((y, ref.year - 1, ref.year, ref.year + 1), key=lambda c: (c != y, abs(c - ref.year))):
        try:
            if date(cand, mo, d).weekday() == wd:
                return cand
        except ValueError:
            continue
    return y


def _own_past(text: str, start: int, lo: int) -> bool:
    """The expression's own clause has a past verb before it and no infinitive after that verb: "rear-ended
    a truck on June 8" is past; "was remanded in custody to appear in court on 19 August", "is to be
    formally sentenced May 3" (a passive after "be") and an appositive that borrows the main verb ("Joni Ernst, a candidate in
    the primary on June 3, announced …") are not."""
    before = text[lo:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    words = _WORD.findall(before[breaks[-1].end() :] if breaks else before)[-12:]
    ts = _tenses(words)
    for i in range(len(words) - 1, -1, -1):
        if ts[i] is not None:
            low = [w.lower() for w in words]
            return ts[i] is False and "to" not in low[i + 1 :] and "be" not in low[max(0, i - 2) : i]
    return False


#: a verb in the present that news uses for what is scheduled ("begins shooting in August", "the law
#: takes effect in July", "faces voters in November")
_PRESENT_VERB = re.compile(
    r"(?:begins|starts|opens|ends|runs|resumes|returns|arrives|premieres|debuts|airs|hits|closes|expires|launches|"
    r"kicks|takes|goes|comes|heads|faces|meets|visits|travels|holds|plays|retires|moves)",
    re.I,
)


def _present_ahead(text: str, m: re.Match[str], lo: int) -> bool:
    """A bare month whose own clause's nearest verb before it is a present one is the next such month
    ("begins shooting in August" in an April report), as a future one is, whatever the other clauses'
    verbs ("…, the studio said"); "since" always looks back."""
    if m.group(0).split()[0].lower() == "since":
        return False
    before = text[lo : m.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    words = _WORD.findall(before[breaks[-1].end() :] if breaks else before)[-8:]
    for w, t in zip(reversed(words), reversed(_tenses(words)), strict=True):
        if t is not None:
            return False
        if _PRESENT_VERB.fullmatch(w):
            return True
    return False


#: a comma-enclosed noun phrase ("…, his first visit since …, …") inside a sentence
_APPOSITIVE = re.compile(r",\s+(?:his|her|its|their|the|a|an)\s[^,;:]*,")


def _sentence_future(sentence: str) -> bool:
    """Whole-sentence fallback: future only when nothing in the sentence is past (news reports the past)."""
    if not _FUTURE.search(sentence):
        return False
    return not any(t is False for t in _tenses(_WORD.findall(sentence)))


_INFER_PATTERNS = [(k, p) for k, p in _PATTERNS if k in ("mrange", "mdy", "dmy", "iso", "day")]


def infer_reference(
    text: str, sentences: list[Sentence], story_ref: date | str | None, *, updated: bool = False
) -> date | None:
    """A writing date for an undated article: the latest day it reports in the past tense, near the story's.

    "officials said on March 17" or "the Kremlin confirmed on Friday" means the article was written on
    that day or later, and reports are mostly written the day of the latest thing they report; the story's
    median date (``story_ref``) supplies the year and the fallback. Later than a week past the
    story's date is taken for a typo or a different event and ignored. With ``updated``, ``story_ref`` is
    the article's own update stamp: the text was written then or before ("UPDATED 3/20" over a report
    of "announced on Friday" that says "next week"), so no later day counts.
    """
    if isinstance(story_ref, str):
        story_ref = _to_date(story_ref)
    if story_ref is None:
        return None
    best: date | None = None
    for sent in sentences:
        for kind, pat in _INFER_PATTERNS:
            for m in pat.finditer(text, sent.start, sent.end):
                if local_tense(text, m.start(), m.end(), sent.start, sent.end) is not False:
                    continue
                res = _resolve(kind, m, story_ref, False)
                if not res:
                    continue
                d = res[1] or res[0]
                latest = story_ref if updated else story_ref + timedelta(days=7)
                if abs((d - story_ref).days) <= 31 and d <= latest and (best is None or d > best):
                    best = d
    return best or story_ref


#: the group where a kind's mention starts, after its preposition
_STARTS = {
    "mmyrange": 2,
    "month": 1,
    "year": 1,
    "year2": 1,
    "drange": 1,
    "weekend": 1,
    "yrange": 3,
    "myrange": 2,
    "amonth": 1,
}


def _is_title(text: str, start: int, end: int) -> bool:
    """A capitalised expression alone in quote marks is a title (ABC's “This Week”, NBC's “Today” show)."""
    words = text[start:end].split()
    return (
        all(w[0].isupper() for w in words)
        and text[start - 1 : start] in ("“", '"', "‘")
        and re.match(r"[,.!?]?[”\"’](?![A-Za-z])", text[end : end + 3]) is not None
    )


def extract_times(article_id: str, text: str, sentences: list[Sentence], ref: date | str | None) -> list[TimeMention]:
    """Every date expression of ``text`` resolved against ``ref`` (longest match wins on overlap)."""
    if isinstance(ref, str):
        ref = _to_date(ref)
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    for sent in sentences:
        future = _sentence_future(text[sent.start : sent.end])
        written: list[date] = []  # this sentence's month-days with their year written
        bare: list[int] = []  # indices in ``out`` of its month-days without one
        for kind, pat in _PATTERNS:
            for m in pat.finditer(text, sent.start, sent.end):
                ms, me = m.span()
                if kind in _STARTS:
                    ms = m.start(_STARTS[kind])  # drop the preposition ("in 1949", "from Monday")
                if _is_title(text, ms, me):
                    continue
                if kind == "day" and not m.group(1) and _DATE_AFTER.match(text, me):
                    continue  # "on Friday, Sept. 14": the month-day dates it
                if kind == "day" and not m.group(1) and _NAMED_DAY.search(text, max(0, ms - 12), ms):
                    taken.append((ms, me))
                    continue  # "Oscar Sunday", "Super Tuesday", "Good Friday": a named day, not the nearest one
                if any(ms < e and me > s for s, e in taken):
                    continue
                if kind == "month" and _present_ahead(text, m, sent.start):
                    tense = True
                else:
                    tense = local_tense(text, ms, me, sent.start, sent.end)
                past = tense is False and _own_past(text, ms, sent.start)
                res = _resolve(kind, m, ref, future if tense is None else tense, past=past)
                if not res:
                    continue
                d, end = res
                taken.append((ms, me))
                if kind in ("mdy", "dmy") and not m.group(3) and _names_an_event(text, ms, me, d, ref):
                    continue
                if kind in ("mdy", "dmy"):
                    (written if m.group(3) else bare).append(d if m.group(3) else len(out))
                out.append(
                    TimeMention(
                        article=article_id,
                        text=text[ms:me],
                        start=ms,
                        end=me,
                        date=d.isoformat(),
                        end_date=end.isoformat() if end else None,
                        sentence=sent.index,
                    )
                )
        for i in bare:
            _share_year(out[i], written)
    out.sort(key=lambda t: t.start)
    return out


#: a month-day that names something rather than dating it: "the post-Sept. 11 law", "the July 4
#: anniversary", "the Sept. 11 memorial", "the Sept. 11 commission"
_NAME_BEFORE = re.compile(r"\b(?i:post|pre)-$")
_NAME_AFTER = re.compile(r"\s+(?i:anniversary|anniversaries|memorials?|commission)\b")
#: … or a past event named by its day ("the September 11 attacks", "the Sept. 11 attackers")
_EVENT_AFTER = re.compile(r"\s+(?i:(?:terror(?:ist)?\s+)?(?:attacks?|attackers|hijackers|hijackings?|bombings?))\b")


def _names_an_event(text: str, start: int, end: int, d: date, ref: date | None) -> bool:
    """A month-day without a year that is part of a name is no date of the reported events: the day of an
    anniversary, a memorial or a "post-" period always; an attack named by its day when its nearest
    year puts it after the report (a past attack of an unknown year: "delayed because of the September
    11 attacks" in an August report is not next month's). An attack the tense dates before the report
    ("the Sept. 11 attack" in a May report of a past year) keeps its date."""
    if _NAME_BEFORE.search(text, max(0, start - 5), start) or _NAME_AFTER.match(text, end):
        return True
    return ref is not None and d > ref and _EVENT_AFTER.match(text, end) is not None


def _share_year(t: TimeMention, written: list[date]) -> None:
    """A month-day without a year next to one with it takes that year when it lands within a month
    of it ("was killed June 24, 2005 … while investigating a June 20 shooting" in a 2007 report)."""
    d = date.fromisoformat(t.date)
    for w in written:
        try:
            cand = d.replace(year=w.year)
        except ValueError:  # 29 February
            continue
        if cand != d and abs((cand - w).days) <= 31:
            t.date = cand.isoformat()
            return
