"""Contradictions: aligned claims of different outlets that disagree on a value.

Why mention-level: two sentences reporting the same claim are often worded very
differently ("illegally deporting hundreds of children" vs "the abductions of thousands of
children"), so whole-sentence similarity misses them. We extract typed value mentions —
quantities with their unit noun, kinds of contact ("phone call" / "video conference"),
absolute dates, negation — and compare two mentions only when they plausibly measure the
same thing: same unit, a shared actor, shared local context, no differing time frame.
Only values that cannot both be true (disjoint ranges, a different mode) are reported.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np
from rapidfuzz import fuzz

from newsprism.analyze.entities import DEMONYMS
from newsprism.model import Analysis, Article, Contradiction, Span, Variant
from newsprism.synthesize._text import (
    DAYS,
    NATIONALITY,
    STOP,
    WEEKDAY,
    WEEKDAYS_MONTHS,
    clauses,
    components,
    content_stems,
    person_like,
    stem,
    words,
)
from newsprism.synthesize.align import DIGITS, SCALE, SCALE_RE, SUFFIX_RE, Alignment, Unit, digits, scale_word

# ----------------------------------------------------------------- quantities
_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000, "a million": 1e6, "a billion": 1e9,
}  # fmt: skip
#: plural quantity words and the range they imply ("hundreds" means at least two hundred)
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2000, 999_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2e6, 999e6), "billions": (2e9, 999e9),
}  # fmt: skip

_QUAL_LOW = r"(?:more than|over|at least|upwards of|in excess of|nearly|almost|about|around|roughly|some|approximately|up to|fewer than|less than|under|as many as|an estimated)"
_QTY_RE = re.compile(
    rf"(?P<qual>{_QUAL_LOW}\s+)?"
    r"(?P<num>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions|billions|"
    rf"[$€£]?(?:{DIGITS})|a dozen|a hundred|a thousand|a million|a billion|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))"
    rf"(?:\s+(?P<scale>{SCALE_RE})|(?P<sfx>{SUFFIX_RE})\b)?"
    r"(?P<pct>\s*(?:%|percent|per cent))?"
    r"(?:\s+of)?"
    r"(?:\s+(?:the|their|its|his|her|our|these|those))?"
    r"(?:\s+(?P<unit>(?:[a-z][a-z\-]+\s+){0,2}[a-z][a-z\-]+))?",
    re.IGNORECASE,
)
_UNIT_STOP = STOP | {"more", "less", "than", "other", "such", "percent", "per", "cent", "years-old", "old"}
_MONTH_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass
class Mention:
    """One typed value in one claim unit."""

    kind: str
    unit: Unit
    value: str  # as written, normalised for grouping
    key: str  # what is measured: unit noun stem, or the contact head
    start: int
    end: int
    low: float = 0.0
    high: float = 0.0
    context: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    vague: bool = False
    pred: str = ""
    scope: str = ""  # 'total' for totals, averages and running tallies ('a combined 157 games', 'so far')
    verb: str = ""  # the verb the count depends on ('stayed for seven seasons' -> 'stay')
    anchor: str = ""  # what a distance is measured from ('north of Anchorage' -> 'anchorag')
    subject: set[str] = field(default_factory=set)  # what a bare percentage change is of ('Greek stocks')
    top: tuple[float, float] | None = None  # an estimate's top as written ('as many as 1.5 million'), unbounded


def _interval(num: str, scale: str | None, qual: str | None) -> tuple[float, float] | None:
    """The values a written number allows: its rounding (``_rounding``), opened by a bound ('more than', 'up
    to') or an approximation ('about'). 'nearly N' and 'almost N' say the value is under N, so they stop at
    N as written: 'nearly $80 million' allows $79 million, not the $82 million its round figure would."""
    n = num.lower()
    v = math.nan
    if n in _VAGUE:
        lo, hi = _VAGUE[n]
    else:
        if n in _SMALL:
            v = float(_SMALL[n])
        else:
            try:
                v = float(digits(n))
            except ValueError:
                return None
        half = _rounding(n, scale)
        if scale:
            v *= SCALE[scale.lower()]
        lo, hi = v - half, v + half
    q = (qual or "").strip().lower()
    if q in {"more than", "over", "at least", "upwards of", "in excess of"}:
        hi = math.inf
    elif q in {"fewer than", "less than", "under", "up to", "as many as"}:
        lo = 0.0
    elif q in {"nearly", "almost"}:
        lo, hi = lo * 0.8, hi if math.isnan(v) else v
    elif q in {"about", "around", "roughly", "some", "approximately", "an estimated"}:
        lo, hi = lo * 0.8, hi * 1.2
    return lo, hi


def _rounding(num: str, scale: str | None) -> float:
    """Half the last written digit's place: what rounding the number as written allows.

    '6.9 million' stands for 6.85-6.95 million, so against '6.8 million' the sources differ, while
    '$1.37 trillion' fits '$1.4 trillion' and '212,000' fits '200,000'. Counts under 1,000 are exact
    ('20 people' and '23 people' differ). Slightly under half, so '12' and '13' do not touch."""
    written = digits(num)
    if not re.fullmatch(r"\d+(?:\.\d+)?", written):
        return 0.49  # a number word: an exact count
    if "." in written:
        place = 10.0 ** -len(written.split(".")[1])
    elif scale or float(written) >= 1000:
        place = 10.0 ** (len(written) - len(written.rstrip("0")))
    else:
        place = 1.0
    return 0.49 * place * (SCALE[scale.lower()] if scale else 1.0)


def _clause_index(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """Which of the clause ``spans`` holds ``start:end``, if one does."""
    return next((i for i, (cs, ce) in enumerate(spans) if cs <= start and end <= ce), None)


def _enclosing_clause(text: str, u: Unit, start: int, end: int) -> tuple[int, int] | None:
    """The clause of unit ``u`` that holds ``text[start:end]``, if one does."""
    spans = clauses(text, u.start, u.end)
    k = _clause_index(spans, start, end)
    return None if k is None else spans[k]


def _local_context(text: str, u: Unit, start: int, end: int) -> set[str]:
    return set(content_stems(_clause_of(text, u, start, end)))


def _count_context(text: str, u: Unit, start: int, end: int) -> set[str]:
    """A count's clause, cut at a second predicate joined by 'and' ('played for 11 seasons | and served as an
    assistant coach for seven'): the words of the other predicate describe another count."""
    clause = _enclosing_clause(text, u, start, end)
    if clause is None:
        return set(content_stems(u.text))
    cs, ce = clause
    for m in re.finditer(r"\s(?:and|but|while)\s+(?:\w+ly\s+)?\w+ed\b", text[cs:ce]):
        if cs + m.start() >= end:
            ce = cs + m.start()
            break
        if cs + m.end() <= start:
            cs = cs + m.start()
    return set(content_stems(text[cs:ce]))


_SCALE_WORDS = frozenset(SCALE) | {f"{w}s" for w in SCALE}


def _money_context(text: str, u: Unit, start: int, end: int) -> set[str]:
    """An amount's clause without scale words; with the clause before when that says too little of what the
    money is ('money from the Pentagon's construction budget, | to the tune of $3.5 billion')."""
    spans = clauses(text, u.start, u.end)
    k = _clause_index(spans, start, end)
    if k is None:
        return set(content_stems(u.text)) - _SCALE_WORDS
    ctx = set(content_stems(text[spans[k][0] : spans[k][1]])) - _SCALE_WORDS
    if len(ctx) < 3 and k > 0:
        ctx |= set(content_stems(text[spans[k - 1][0] : spans[k - 1][1]])) - _SCALE_WORDS
    return ctx


def _clause_of(text: str, u: Unit, start: int, end: int) -> str:
    clause = _enclosing_clause(text, u, start, end)
    return text[clause[0] : clause[1]] if clause else u.text


#: words before a magnitude that bound it ('at least 5.9', 'up to 6') or make it approximate ('about 6.0')
_MAG_QUAL = (
    r"(?:about|around|roughly|some|approximately|at least|more than|over|greater than|above|in excess of|"
    r"up to|less than|under|below|at most|nearly|almost)\s+"
)
_MAGNITUDE = re.compile(
    rf"(?P<qa>{_MAG_QUAL})?\bmagnitude(?:-|\s+of\s+|\s+)(?P<qa2>{_MAG_QUAL})?(?P<a>\d(?:\.\s?\d)?)(?![\d.])"
    rf"|(?P<qb>{_MAG_QUAL})?(?<![\d.])(?P<b>\d\.\s?\d)(?:-|\s+)magnitude\b"
    rf"|(?P<qc>{_MAG_QUAL})?(?<![\d.])(?P<c>\d(?:\.\s?\d)?)\s+on\s+the\s+Richter\s+scale",
    re.IGNORECASE,
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitudes?(?:-|\s+of\s+|\s+)$", re.IGNORECASE)
#: words that say the quake measured is another one (an aftershock, an earlier quake)
_OTHER_QUAKE = re.compile(r"\b(?:aftershocks?|second|another|previous|last|earlier|since|foreshock)\b", re.I)


def magnitude_mentions(u: Unit, text: str) -> list[Mention]:
    """'magnitude-6.1', 'a 5.9-magnitude quake', '6.0 on the Richter scale': an earthquake's magnitude.

    Counted apart from quantities (they have no counted noun); a clause that speaks of another quake
    ('a second quake', 'an aftershock', 'the last major quake') is not compared."""
    out = []
    for m in _MAGNITUDE.finditer(u.text):
        g = next(k for k in "abc" if m.group(k))
        num = m.group(g).replace(" ", "")
        s, e = u.start + m.start(), u.start + m.end()
        clause = _clause_of(text, u, s, e)
        if _OTHER_QUAKE.search(clause):
            continue
        v = float(num)
        qual = m.group("q" + g) or (m.group("qa2") if g == "a" else None) or ""
        lo, hi = _magnitude_interval(v, "." in num, qual)
        out.append(
            Mention(
                "number",
                u,
                m.group(0).lower(),
                "magnitude",
                s,
                e,
                lo,
                hi,
                set(content_stems(clause)) - {"magnitud"},
                person_like(u.ents),
            )
        )
    return out


def _magnitude_interval(v: float, decimal: bool, qual: str) -> tuple[float, float]:
    """The magnitudes a written one allows: its rounding ('5.9' is 5.85-5.95), opened upward by 'at least',
    'more than', 'over' and downward by 'up to', 'less than', 'under' (as ``_interval`` does for counts);
    'about 6.0' allows 5.9, 'nearly 6' is just under 6."""
    half = 0.049 if decimal else 0.49
    lo, hi = v - half, v + half
    q = " ".join(qual.lower().split())
    if q in {"at least", "more than", "over", "greater than", "above", "in excess of"}:
        hi = math.inf
    elif q in {"up to", "less than", "under", "below", "at most"}:
        lo = 0.0
    elif q in {"nearly", "almost"}:
        lo = v - max(half, 0.25)
    elif q:
        lo, hi = v - max(half, 0.25), v + max(half, 0.25)
    return lo, hi


def quantity_mentions(u: Unit, text: str) -> list[Mention]:
    out = []
    for m in _QTY_RE.finditer(u.text):
        num, unit = m.group("num"), m.group("unit")
        currency = num[0] in "$€£" and not m.group("pct")
        hurt = _CASUALTY.search(u.text[: m.start()])
        hurt = None if currency or m.group("pct") or m.group("sfx") else hurt
        change = _percent_change(u.text[: m.start()]) if m.group("pct") and not currency else None
        if hurt and not _casualty_noun(unit):
            unit = None  # 'killing 10 and injuring 80', 'wounding other 70': the verb says people are counted
        elif (
            change is None
            and not currency
            and (not (unit or m.group("scale")) or (m.group("sfx") and not _count_suffix(m, unit)))
        ):
            continue  # '100m sprint', '1B Mark Teixeira': a compact suffix scales money, or a count written so
        scale = scale_word(m.group("scale") or m.group("sfx"))
        if currency and not scale:
            scale = _shared_scale(u.text[m.end("num") :])
        before = u.text[: m.start("num")]
        if _MONTH_RE.search(before) or re.search(r"[\d:/\-]$", before.rstrip()):
            continue  # a date, a time or a compound number
        if re.fullmatch(r"(?:19|20)\d\d", num) and not scale:
            continue  # a year
        if re.match(r"\s+magnitude\b", u.text[m.end("num") :], re.I) or _MAGNITUDE_BEFORE.search(u.text[: m.start()]):
            continue  # 'a 5. 9 magnitude earthquake', 'a magnitude of at least 5. 9 hit': magnitudes, not counts
        owner = None
        if pop := _POPULATION.search(before):
            # a place's population: a story names many places, so it is compared only with the same place's
            owner = _owner(before[: pop.start()])
            if owner is None:
                continue  # 'the island, which is … and is home to about 100,000 people': whose is unclear
        if re.match(r"[\-–]", u.text[m.end("num") : m.end("num") + 1] or " "):
            continue  # "12-point", "70th" style compounds describe, they don't count
        toks, subject = [], set()
        for t in (unit or "").lower().split():
            if t in _UNIT_STOP or (toks and (_VERBISH.fullmatch(t) or _participle_after(toks[-1], t))):
                break  # 'three people died in': the noun counted is 'people', not the verb after it
            toks.append(t)
        if currency:
            # an amount of money measures money, whatever noun follows ('$3.6 billion from the Pentagon')
            toks, unit_end = [], max(m.end("num"), m.end("scale"), m.end("sfx"))
        elif hurt and not unit:
            toks, unit_end = ["people"], max(m.end("num"), m.end("scale"))
        elif change and (not unit or not toks):
            # 'Greek stocks plunged 5.4 percent.': a change with no counted noun, compared by what changed
            toks, unit_end = [], m.end("pct")
        elif not unit:
            # 'revised to 6.9 million, the department said': the scale word is all there is to compare
            toks, unit_end = [m.group("scale").lower()], m.end("scale")
        elif not toks or num.lower() in {"one"} or _QTY_NUM.fullmatch(toks[0]):
            continue  # 'three of the seven bullets': a part of another count
        else:
            unit_end = m.start("unit") + unit.lower().index(toks[-1]) + len(toks[-1])
        if _COORDINATED.match(u.text[unit_end:]):
            continue  # '420 passengers and crew', '12 Somali and 11 Yemeni': whom the number counts is unclear
        if currency:
            key = "money" + num[0]
        elif change and not toks:
            key, subject = f"percent {change[0]}", change[1]
        elif m.group("pct") is not None:
            key = "percent"
        elif toks[0] in _MEASURES:
            key = _MEASURES[toks[0]]  # 'kilometres north of Anchorage' measures kilometres, not 'north'
        else:
            key = _PEOPLE.get(toks[-1].lower(), stem(toks[-1]))
        if _restated(u.text, m.start("num")):
            continue  # '$US1 million ($1.52 million)': a conversion of the number before it
        iv = _interval(num, scale, m.group("qual"))
        top = _interval(num, scale, None) if (m.group("qual") or "").strip().lower() in _TOP else None
        if iv is None:
            continue
        s = u.start + (m.start("qual") if m.group("qual") else m.start("num"))
        if hurt and toks == ["people"] and not unit:
            s = u.start + hurt.start()  # 'injuring 80': the verb says what the bare number counts
        e = u.start + unit_end
        value = re.sub(r"\s+", " ", u.text[s - u.start : unit_end].strip())
        ctx = (_money_context if currency else _count_context)(text, u, s, e) - {key, stem(toks[-1]) if toks else key}
        after = [stem(w) for w, _, _ in words(u.text[unit_end:])[:4] if w.lower() not in STOP | {"were", "been"}]
        before = [stem(w) for w, _, _ in words(u.text[: s - u.start])[-3:] if w.lower() not in STOP]
        pred = "" if currency or key.startswith("percent ") else (after or before[-1:] or [""])[0]
        if hurt:
            pred = _HURT[hurt.group(1).lower()]  # 'killing 10 people and injuring 80': 10 killed, not injured
        out.append(
            Mention(
                "number",
                u,
                value.lower(),
                key,
                s,
                e,
                iv[0],
                iv[1],
                ctx,
                person_like(u.ents),
                num.lower() in _VAGUE,
                pred,
                scope=_scope(u.text),
                verb=_governing_verb(u.text[: s - u.start]),
                anchor=owner or (_anchor(u.text[unit_end:]) if toks and toks[0] in _MEASURES else ""),
                subject=subject if key.startswith("percent ") else set(),
                top=top,
            )
        )
    return out


#: measurement units (the word after the number) and the key they are compared under
_MEASURES = {
    **dict.fromkeys(("mile", "miles"), "mile"),
    **dict.fromkeys(("kilometre", "kilometres", "kilometer", "kilometers", "km"), "km"),
    **dict.fromkeys(("metre", "metres", "meter", "meters", "m"), "metre"),
    **dict.fromkeys(("foot", "feet", "ft"), "foot"),
    **dict.fromkeys(("yard", "yards"), "yard"),
    **dict.fromkeys(("pound", "pounds", "lb", "lbs"), "pound"),
    **dict.fromkeys(("kilogram", "kilograms", "kg"), "kg"),
    **dict.fromkeys(("ton", "tons", "tonnes", "tonne"), "ton"),
    **dict.fromkeys(("acre", "acres"), "acre"),
    **dict.fromkeys(("hectare", "hectares"), "hectare"),
    **dict.fromkeys(("mph",), "mph"),
    **dict.fromkeys(("degree", "degrees"), "degree"),
    **dict.fromkeys(("nautical",), "nautical-mile"),
}
#: words that make a count a total, an average or a running tally rather than one event's number
_SCOPE_RE = re.compile(
    r"\b(?:combined|in total|a total of|totall?ing|in all|altogether|so far|to date|average[ds]?|averaging|"
    r"per (?:game|year|day|week|month|season|capita)|a year|annually|career|all-time|cumulative)\b",
    re.IGNORECASE,
)


_QTY_NUM = re.compile(r"\d[\d,.]*|" + "|".join(sorted(k for k in _SMALL if " " not in k)))
#: a word that is a verb rather than part of the counted noun ('people died', 'people set off')
_VERBISH = re.compile(
    r"[a-z]+ed|were|was|are|is|have|has|had|set|took|fled|went|came|gave|made|say|said|says|remain|remained|"
    r"died|die|left|lost|won|got|fell|rose|hit|held|ran|saw|met|began"
)
#: a present participle after the counted noun opens a phrase about it ('1.5 million women seeking back pay')
_PARTICIPLE = re.compile(r"[a-z]{3,}ing")
_PLURAL = re.compile(r"[a-z]{3,}s|people|women|men|children")


def _participle_after(prev: str, word: str) -> bool:
    """'women seeking', 'people fleeing': an -ing word after a plural noun begins what is said of it; after a
    singular word it is part of the noun ('two Yemeni fishing boats')."""
    return bool(_PARTICIPLE.fullmatch(word) and _PLURAL.fullmatch(prev))


#: the counted noun is coordinated with another ('passengers and crew', 'Somali and 11 Yemeni')
_COORDINATED = re.compile(r"\s+(?:and|or|&)\s+(?!\w+(?:ing|ed)\b)(?:most of\s+)?(?:(?:its|their|the|his|her)\s+)?\w")


#: a casualty verb right before a count ('killing 10 people', 'injuring 80', 'wounding other 70')
_CASUALTY = re.compile(r"\b(kill|injur|wound|hurt)(?:ing|ed|es|s)?\s+(?:(?:an)?others?\s+)?$", re.IGNORECASE)
#: what such a verb says of the people counted: wounded and hurt people are injured
_HURT = {"kill": "kill", "injur": "injur", "wound": "injur", "hurt": "injur"}
#: nouns that count people alike ('10 persons' and '10 people' are one count)
_PEOPLE = dict.fromkeys(("people", "persons", "person", "others"), "peopl")


def _count_suffix(m: re.Match, unit: str | None) -> bool:
    """A compact suffix that scales a count, as ``number_tokens`` reads it: 'bn', 'mn', 'tn', 'trn' ('2bn people'), a
    capital 'K' or 'M' as headlines write them ('943K jobs', '20.5M Lost Jobs'), a lower-case 'm' after a decimal
    before a plural noun ('1.5m people'). Not a metre or a race ('100m sprint', '400m hurdles', '5k run') nor a
    baseball base ('1B Mark Teixeira')."""
    sfx = m.group("sfx")
    if sfx.lower() in {"bn", "mn", "tn", "trn"} or sfx in {"K", "M"}:
        return True
    head = (unit or "").split()[0].lower() if unit else ""
    return sfx == "m" and "." in m.group("num") and (head in _PEOPLE or (head.endswith("s") and len(head) > 3))


#: words that say a value fell or rose ('plunged 5.4 percent', 'was up 3%'), and that it is the close's
_FALL = {
    "fell", "fall", "falls", "falling", "dropped", "drop", "drops", "dropping", "declined", "declines", "slid",
    "slides", "slipped", "sank", "sinks", "tumbled", "plunged", "plunges", "plummeted", "lost", "loses", "shed",
    "dipped", "decreased", "eased", "retreated", "down", "lower",
}  # fmt: skip
_RISE = {
    "rose", "rise", "rises", "rising", "gained", "gains", "climbed", "climbs", "jumped", "jumps", "surged",
    "soared", "increased", "grew", "grows", "rallied", "advanced", "up", "higher",
}  # fmt: skip
_CLOSE = {"closed", "closes", "close", "closing", "ended", "ends", "finished", "settled"}


def _percent_change(before: str) -> tuple[str, set[str]] | None:
    """A percentage with no counted noun that a change word right before it governs: its direction ('fall',
    'rise'), marked 'close' after a closing verb ('closed down 3.9 percent' is the close, 'plunged 5.4 percent'
    may be a fall during the day) and 'to' for a level reached ('fell to 5.4%'), and the content words of its
    subject in the clause ('Greek stocks'). None otherwise ('garnered 11 percent', 'or 6.7%'): what such a
    percentage is of cannot be told."""
    part = re.split(r"[,;:—–()\"“”]|\b(?:and|but|while|as|after|when|with)\b", before)[-1]
    ws = [w.lower() for w, _, _ in words(part)]
    level = bool(ws) and ws[-1] == "to"
    if ws and ws[-1] in {"to", "by"}:
        ws = ws[:-1]
    if not ws or not (ws[-1] in _FALL or ws[-1] in _RISE):
        return None
    direction = "fall" if ws[-1] in _FALL else "rise"
    verb_at = len(ws) - 1
    close = verb_at > 0 and ws[verb_at - 1] in _CLOSE
    if close:
        verb_at -= 1
    kind = " ".join(x for x in ("close" if close else "", direction, "to" if level else "") if x)
    subject = {stem(w) for w in ws[:verb_at][-4:] if w not in STOP and not w.isdigit()}
    return kind, subject


def _casualty_noun(unit: str | None) -> bool:
    """The noun after a casualty count names whom it counts ('killing 10 soldiers'), not a new clause
    ('injuring 80, officials said', 'killing 10 and injuring 80')."""
    toks = (unit or "").lower().split()
    return bool(toks) and toks[0] not in _UNIT_STOP and not _VERBISH.fullmatch(toks[0])


def _governing_verb(before: str) -> str:
    """The verb nearest before a count in its clause ('stayed for seven' -> 'stay', 'shot three' -> 'shot')."""
    clause = re.split(r"[,;:—–]\s", before)[-1]
    for w, _, _ in reversed(words(clause)[-5:]):
        low = w.lower()
        if low.endswith("ed") and len(low) > 4 or low in {"shot", "won", "lost", "hit", "held", "took", "got"}:
            return stem(low)
    return ""


def _scope(text: str) -> str:
    """'total' when the claim counts a total, an average or a running tally, else ''."""
    return "total" if _SCOPE_RE.search(text) else ""


_POPULATION = re.compile(
    r"(?:\bhome to|\b(?:a|the) (?:\w+ )?(?:city|town|village|country|nation|island|province|region|state) of"
    r"|\bpopulation of)\s+(?:about|around|roughly|some|nearly|almost|more than|over|an estimated)?\s*$",
    re.IGNORECASE,
)
_OWNER = re.compile(r"([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)(?:\s+[a-z]+)?,\s+$")


def _owner(before: str) -> str | None:
    """The place a population belongs to, named right before it: 'Bandar Abbas, | a city of', 'Qeshm island, | home to'."""
    m = _OWNER.search(before)
    return stem(m.group(1).lower()) if m else None


def _anchor(tail: str) -> str:
    """What a distance is measured from: 'north of Anchorage' -> 'anchorage', 'off Aden' -> 'aden'."""
    m = re.match(
        r"\s*(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?"
        r"(?:of|from|off|away from|outside|to)\s+(?:the\s+)?([A-Za-z][\w\-]*)",
        tail,
    )
    return stem(m.group(1)) if m else ""


#: the second end of a range of sums whose scale word both ends share ('between $140 and | $150 million')
_RANGE_END = re.compile(
    rf"\s*(?:and|to|or)\s+[$€£]?\s*(?:{DIGITS})(?:\s+(?P<scale>{SCALE_RE})|(?P<sfx>{SUFFIX_RE}))\b", re.I
)


def _shared_scale(tail: str) -> str | None:
    """The scale of a range's second end, which a bare first end shares: 'between $140 and $150 million' is
    140 million, not 140 dollars ('$140 to $150 billion', '$2 or $3 bn' alike)."""
    m = _RANGE_END.match(tail)
    return scale_word(m.group("scale") or m.group("sfx")) if m else None


def _restated(text: str, num_start: int) -> bool:
    """A number in parentheses right after another number ('$US1 million ($1.52 million)', '30 miles (48 km)')."""
    return bool(
        re.search(
            r"\d[^()]{0,25}\(\s*(?:about|around|some|approximately|nearly|roughly)?\s*\$?$",
            text[max(0, num_start - 40) : num_start],
        )
    )


# ----------------------------------------------------------------- kinds
_MODE_RE = re.compile(
    r"\b(?P<mode>phone|telephone|video|virtual|online|in-person|face-to-face|televised|written)[ -]?"
    r"(?P<head>calls?|conferences?|conversations?|meetings?|talks|chats?|summits?|link)\b",
    re.IGNORECASE,
)
_MODE_NORM = {"telephone": "phone", "virtual": "video", "online": "video", "face-to-face": "in-person"}


def kind_mentions(u: Unit, text: str) -> list[Mention]:
    out = []
    for m in _MODE_RE.finditer(u.text):
        mode = _MODE_NORM.get(m.group("mode").lower(), m.group("mode").lower())
        s, e = u.start + m.start(), u.start + m.end()
        clause = _clause_of(text, u, s, e)
        clause_stems = {stem(w) for w, _, _ in words(clause)}
        actors = person_like(u.ents & clause_stems) | _role_tokens(clause)
        ctx = _local_context(text, u, s, e)
        value = re.sub(r"\s+", " ", m.group(0).lower())
        out.append(Mention("kind", u, value, mode, s, e, context=ctx, actors=actors))
    return out


def _role_tokens(clause: str) -> set[str]:
    """Titles that stand for a person ("the Ukrainian president")."""
    out = set()
    for m in re.finditer(r"\b([A-Z][a-z]+)\s+(?:[Pp]resident|[Pp]rime [Mm]inister|[Ll]eader)\b", clause):
        if m.group(1).lower() in NATIONALITY:
            out.add(stem(m.group(1)) + "-leader")
    for m in re.finditer(
        r"\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Ll]eader)\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]+)", clause
    ):
        out.add(stem(m.group(1)))
    return out


def _same_actor(a: set[str], b: set[str]) -> int:
    """Shared actor names, counting spelling variants ("Zelensky"/"Zelenskyy") as one."""
    n = 0
    for x in a:
        if x in b or any(len(x) > 3 and len(y) > 3 and fuzz.ratio(x, y) >= 85 for y in b):
            n += 1
    return n


# ----------------------------------------------------------------- pairing
def _years(u: Unit) -> set[str]:
    return set(_YEAR_RE.findall(u.text))


def _compatible_qty(a: Mention, b: Mention, al: Alignment, same_fact: bool) -> bool:
    if a.key != b.key or a.unit.article == b.unit.article:
        return False
    ya, yb = _years(a.unit), _years(b.unit)
    if ya and yb and not ya & yb:
        return False  # different time frames measure different things
    if a.key.startswith("percent "):
        # a bare percentage change: of the same thing, over the same days, in one claim (its direction is
        # in the key, so 'plunged' and 'fell' are one measure)
        da, db = a.context & WEEKDAYS_MONTHS, b.context & WEEKDAYS_MONTHS
        if not a.subject & b.subject or (da and db and not da & db):
            return False
        return (
            a.scope == b.scope
            and len(a.context & b.context) >= 2
            and (same_fact or float(al.sim[a.unit.idx, b.unit.idx]) >= 0.6)
        )
    if a.key == "percent" and not _same_population(a, b):
        return False  # '40 percent among women' and '31 percent among men' are shares of two groups
    if a.pred and b.pred and a.pred != b.pred and a.pred not in b.context and b.pred not in a.context:
        return False  # "12 people were killed" and "40 people were injured" count different things
    if {a.pred, b.pred} == {"kill", "injur"}:
        return False  # 'killing 10 people and injuring 80': both verbs in one clause, still two counts
    if a.verb and b.verb and a.verb != b.verb and a.verb not in b.context and b.verb not in a.context:
        return False  # 'stayed for seven seasons' (as a coach) vs 'played for 11 seasons'
    if a.scope != b.scope:
        return False  # 'a combined 157 games' vs '54 games with the Angels': a total and a part
    if a.anchor and b.anchor and a.anchor != b.anchor:
        return False  # '150 nautical miles off Aden' vs '13 nautical miles from the Mysore
    shared_ctx = len(a.context & b.context)
    money = a.key.startswith("money")
    if shared_ctx < (2 if money else 1):
        return False  # amounts of money are many in a story: two shared words say it is the same sum
    na, nb = _nations_after(a), _nations_after(b)
    if na and nb and not na & nb:
        return False  # '$34 billion in Chinese goods' and '$60bn of American goods' are two sums
    sim = float(al.sim[a.unit.idx, b.unit.idx])
    if money:
        return same_fact or sim >= 0.6  # shared actors say little: one story's sums share its actors
    actors = _same_actor(a.actors, b.actors)
    return same_fact or actors >= 2 or (actors >= 1 and sim >= 0.45) or sim >= 0.6


_GROUP = re.compile(
    r"\b(among|of)\s+(?:(?:the|all|its|their|his|her|our|these|those)\s+)?((?:[A-Za-z][\w'’-]*\s*){1,3})"
)


def _population(m: Mention) -> tuple[set[str], set[str]]:
    """Whose share a percentage is, from the words after it up to the clause's verb: the stems after 'among' and
    after 'of' ('11 percent of the vote among Republicans' -> {republican}, {vote}; '36 percent of its senior
    staff are people of color' -> {senior, staff}: what they are is said of the group, it is not the group)."""
    after = m.unit.text[m.start - m.unit.start :][:80].split(",")[0]
    pct = re.search(r"%|\bper\s*cent\b|\bpercent\b", after, re.IGNORECASE)
    tail = pct.end() if pct else 0
    verb = next((tail + s for w, s, _ in words(after[tail:]) if _VERBISH.fullmatch(w.lower())), None)
    after = after[:verb]
    out: dict[str, set[str]] = {"among": set(), "of": set()}
    for g in _GROUP.finditer(after):
        ws = []
        for w, _, _ in words(g.group(2)):
            if w.lower() in STOP or _VERBISH.fullmatch(w):
                break  # the noun phrase ends at a stop word (prepositions are) or a verb ('of independents backed')
            ws.append(stem(w.lower()))
        out[g.group(1).lower()] |= set(ws)
    return out["among"], out["of"]


def _same_population(a: Mention, b: Mention) -> bool:
    """Two percentages can disagree only as shares of one group: a subgroup ('among Tea Party supporters')
    is another measure than the whole or another subgroup, and so are shares 'of' different groups, and a share
    'of' a named group against one that names none ('36 percent of senior staff' vs '53% female')."""
    among_a, of_a = _population(a)
    among_b, of_b = _population(b)
    if among_a or among_b:
        return bool(among_a & among_b)
    return not (of_a or of_b) or bool(of_a & of_b)


#: country and demonym stems -> one key per country ('American', 'U.S.' and 'America' are one)
_NATION = {stem(k): k for k in DEMONYMS} | {stem(v.lower()): k for k, v in DEMONYMS.items()}
_NATION |= {w: "america" for w in ("u.s.", "us", "american", "america")}


def _nations_after(m: Mention) -> set[str]:
    """The countries named in the few words after a value: whose goods, troops or money it counts."""
    after = m.unit.text[m.end - m.unit.start :]
    return {
        _NATION[k] for w, _, _ in words(after)[:5] if (k := stem(w.lower())) in _NATION or (k := w.lower()) in _NATION
    }


#: qualifiers that give an estimate's top ('as many as 1.5 million women', 'up to 1.6 million'), not a limit
_TOP = {"up to", "as many as"}


def _conflict_qty(a: Mention, b: Mention) -> bool:
    """The values cannot both hold; two estimates' tops ('as many as 1.5 million' vs 'up to 1.6 million') are
    compared as written, since each says how many there may be at most."""
    if _states_number(a, b) or _states_number(b, a):
        return False  # 'shot three people, killing two' next to 'two people died': both numbers are one report's
    if a.top and b.top:
        return a.top[1] < b.top[0] or b.top[1] < a.top[0]
    return a.high < b.low or b.high < a.low


_BARE_NUM = re.compile(rf"\b(?:{_QTY_NUM.pattern})\b", re.IGNORECASE)


def _states_number(m: Mention, other: Mention) -> bool:
    """Whether ``m``'s own claim also gives ``other``'s exact value elsewhere (as a bare number)."""
    if other.vague:
        return False
    rel_s, rel_e = m.start - m.unit.start, m.end - m.unit.start
    for n in _BARE_NUM.finditer(m.unit.text):
        if rel_s <= n.start() < rel_e:
            continue
        iv = _interval(n.group(0).rstrip(",."), None, None)
        if iv is not None and iv[0] <= other.high and other.low <= iv[1]:
            return True
    return False


def _compatible_kind(a: Mention, b: Mention, al: Alignment, same_fact: bool) -> bool:
    if a.unit.article == b.unit.article:
        return False
    ya, yb = _years(a.unit), _years(b.unit)
    if ya and yb and not ya & yb:
        return False
    return _same_actor(a.actors, b.actors) >= 1


def _components(ms: list[Mention], ok) -> list[list[Mention]]:
    comps = components(len(ms), lambda i, j: ok(ms[j], ms[i]))
    return [[ms[i] for i in c] for c in comps if len({ms[i].unit.article for i in c}) > 1]


def _variants(comp: list[Mention], by_id: dict[str, Article]) -> list[Variant]:
    groups: dict[str, list[Mention]] = {}
    for m in comp:
        groups.setdefault(m.value, []).append(m)
    out = []
    for value, ms in sorted(groups.items(), key=lambda kv: (-len({m.unit.article for m in kv[1]}), kv[0])):
        seen: dict[str, Mention] = {}
        for m in ms:
            seen.setdefault(m.unit.article, m)
        first = next(iter(seen.values()))
        out.append(
            Variant(
                text=first.unit.text,
                value=by_id[first.unit.article].text[first.start : first.end] if first.kind == "kind" else value,
                articles=list(seen),
                spans=[Span(m.unit.article, m.unit.start, m.unit.end) for m in seen.values()],
            )
        )
    return out


def _self_contradicting(variants: list[Variant]) -> bool:
    """An article on two variants states both values itself, so they measure different things
    ('three skiffs were intercepted' and 'two of the skiffs got away' in one sentence; '12 Somali and
    11 Yemeni' next to '23 pirates'): the component mixes measures, not sources."""
    seen: set[str] = set()
    for v in variants:
        if seen & set(v.articles):
            return True
        seen |= set(v.articles)
    return False


def _surface_names(comp: list[Mention]) -> list[str]:
    """Actor names shared by at least two variants' clauses, as written in the first one."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    canon: list[str] = []
    for m in comp:
        found = set()
        clause_words = words(m.unit.text)
        for w, _, _ in clause_words:
            st = stem(w)
            if st not in m.actors or not w[0].isupper() or w.lower() in NATIONALITY | WEEKDAYS_MONTHS:
                continue
            key = next((c for c in canon if c == st or (len(c) > 3 and fuzz.ratio(c, st) >= 85)), None)
            if key is None:
                canon.append(st)
                key = st
            surface.setdefault(key, w.replace("’s", "").replace("'s", ""))
            found.add(key)
        counts.update(found)
    arts = len({m.unit.article for m in comp})
    need = 2 if arts > 1 else 1
    names = [k for k in canon if counts[k] >= need]
    names.sort(key=lambda k: -counts[k])
    return [surface[k] for k in names[:2]]


def _topic_kind(comp: list[Mention]) -> str:
    heads = Counter(re.sub(r"s$", "", m.value.split()[-1].split("-")[-1]) for m in comp)
    head = heads.most_common(1)[0][0]
    names = _surface_names(comp)
    return f"{'–'.join(names)} {head}".strip()


def _topic_qty(comp: list[Mention], by_id: dict[str, Article]) -> str:
    """The unit noun, extended by a prepositional phrase the variants share ("children from Ukraine")."""
    m0 = comp[0]
    text = by_id[m0.unit.article].text
    unit_word = text[m0.start : m0.end].split()[-1]
    if m0.key == "magnitude":
        unit_word = "magnitude"  # not '1-magnitude' from '6. 1-magnitude'
    elif m0.key.startswith("percent "):
        unit_word = "percent" if m0.key.endswith(" to") else "percent change"  # not '5.4%'
    elif m0.key == "peopl" and _CASUALTY.search(text[m0.start : m0.end].rsplit(None, 1)[0] + " "):
        unit_word = {"kill": "people killed", "injur": "people injured"}[m0.pred]  # 'injuring 80'
    tail = re.match(r"\s+((?:from|in|of|at|on)\s+(?:the\s+)?[A-Za-z][\w\-]*)", text[m0.end : m0.unit.end])
    base = unit_word
    if tail and all(stem(tail.group(1).split()[-1]) in m.context for m in comp):
        base = f"{unit_word} {tail.group(1)}"
    names = [n for n in _surface_names(comp) if n.lower() not in base.lower()]
    return f"{base} ({'–'.join(names)})" if names else base


# ----------------------------------------------------------------- negation / dates / entities
_NEG_RE = re.compile(r"\b(?:not|no|never|none|nothing|n't|without)\b|n't\b", re.IGNORECASE)


def _negation(al: Alignment, unit_fact: dict[int, int], by_id: dict[str, Article]) -> list[Contradiction]:
    out = []
    for g in al.groups:
        if len(g) < 2:
            continue
        for x in range(len(g)):
            for y in range(x + 1, len(g)):
                a, b = al.units[g[x]], al.units[g[y]]
                if a.outlet == b.outlet or al.sim[a.idx, b.idx] < 0.72 or max(a.quote, b.quote) >= 0.3:
                    continue  # differently quoted words are a quote matter, not a contradiction
                na = bool(_NEG_RE.search(a.text.replace("’", "'")))
                nb = bool(_NEG_RE.search(b.text.replace("’", "'")))
                if na == nb:
                    continue
                la, lb = len(a.text.split()), len(b.text.split())
                if min(la, lb) < 8 or min(la, lb) / max(la, lb) < 0.6:
                    continue  # a fragment against a full sentence is not the same claim
                sa, sb = set(a.stems), set(b.stems)
                if len(sa & sb) / max(1, len(sa | sb)) < 0.6:
                    continue
                neg, other = (a, sb) if na else (b, sa)
                if not _negation_shared(by_id[neg.article].text, neg, other):
                    continue  # the negation sits in a clause the other outlet does not have
                shared = [w for w, _, _ in words(a.text) if stem(w) in sb and w.lower() not in STOP][:4]
                out.append(
                    Contradiction(
                        topic="sources differ: " + " ".join(shared),
                        kind="negation",
                        variants=[
                            Variant(u.text, "negated" if neg else "affirmed", [u.article], [u.span])
                            for u, neg in ((a, na), (b, nb))
                        ],
                    )
                )
    return out


def _negation_shared(text: str, u: Unit, other: set[str]) -> bool:
    """Every clause of ``u`` holding a negation states something the other claim also states: at least
    two of its content words, and most of them, are the other claim's ('Gary Ross will not direct the
    sequel' vs 'Gary Ross in talks to direct the sequel'; not '…, although no one was hurt' vs '…, but
    they got out safely', nor a quote only one outlet gives)."""
    quoted = [(u.start + m.start(), u.start + m.end()) for m in re.finditer(r"[\"“][^\"“”]+[\"”]", u.text)]
    for cs, ce in clauses(text, u.start, u.end) + quoted:
        clause = text[cs:ce]
        if not _NEG_RE.search(clause.replace("’", "'")):
            continue
        inner = [(qs, qe) for qs, qe in quoted if cs <= qs and qe <= ce and (qs, qe) != (cs, ce)]
        if any(_NEG_RE.search(text[qs:qe].replace("’", "'")) for qs, qe in inner):
            continue  # the negation is in a quote inside this clause: that quote is checked on its own
        stems = set(content_stems(clause))
        if len(stems & other) < 2 or len(stems & other) / len(stems) < 0.6:
            return False
    return True


def _same_dated_claim(ca: set[str], cb: set[str]) -> bool:
    """The clauses around two date mentions say the same thing but for the date ("has led X since 2002").

    Why clause-level: a sentence may add a second clause ("…, and that is what Ryan argued") that
    lowers the sentence score while the dated claim itself is word for word the same.
    """
    shared = ca & cb
    return len(shared) >= 3 and len(shared) / len(ca | cb) >= CLAUSE_SAME


# Content-word Jaccard of two date clauses above which they are one claim.
CLAUSE_SAME = 0.6


@dataclass
class _Dated:
    """A unit with exactly one absolute date: its range, the words naming it, its clause's content words."""

    unit: Unit
    first: str
    last: str
    text: str
    clause: set[str]


def _dates(al: Alignment, analyses: dict[str, Analysis], texts: dict[str, str]) -> list[Contradiction]:
    """Aligned claims (sentences, or their dated clauses) with absolute dates that cannot both hold."""
    abs_re = re.compile(
        r"\d|january|february|march|april|may|june|july|august|september|october|november|december", re.I
    )
    dated: list[_Dated] = []
    for u in al.units:
        an = analyses.get(u.article)
        if not an:
            continue
        ts = [t for t in an.times if u.start <= t.start and t.end <= u.end and abs_re.search(t.text) and t.date]
        if len(ts) == 1:  # one date: the claim is about it; several make the pairing ambiguous
            t = ts[0]
            clause = set(_local_context(texts[u.article], u, t.start, t.end)) - WEEKDAYS_MONTHS
            dated.append(_Dated(u, t.date, t.end_date or t.date, t.text, clause))
    out = []
    for x in range(len(dated)):
        for y in range(x + 1, len(dated)):
            da, db = dated[x], dated[y]
            a, b = da.unit, db.unit
            if a.outlet == b.outlet or len(da.first) != len(db.first):
                continue
            if not (da.last < db.first or db.last < da.first):
                continue  # the dates overlap: no conflict
            if not (al.sim[a.idx, b.idx] >= 0.7 or _same_dated_claim(da.clause, db.clause)):
                continue
            out.append(
                Contradiction(
                    topic="sources differ on the date",
                    kind="date",
                    variants=[
                        Variant(a.text, da.text, [a.article], [a.span]),
                        Variant(b.text, db.text, [b.article], [b.span]),
                    ],
                )
            )
    return out


#: an event verb in the past right before the one weekday of a claim: 'died early Tuesday', 'was arrested on Friday'
_DAY_OF = re.compile(
    rf"\b(?P<verb>[a-z]+ed|shot|hit|struck|fell|won|lost|met|left|took|began|held|sank|stole|fled|broke)\s+"
    rf"(?P<when>(?:(?:on|early|late|last)\s+){{0,2}})(?P<day>{WEEKDAY})\b"
)
#: verbs that date a report or a plan, not the event: two outlets may report it on different days
_REPORT_VERBS = {
    "report", "announc", "confirm", "releas", "issu", "publish", "tweet", "post", "stat", "not", "add",
    "reveal", "disclos", "claim", "warn", "argu", "expect", "schedul", "plann", "ask", "cit", "quot", "updat",
}  # fmt: skip


def _weekdays(al: Alignment) -> list[Contradiction]:
    """Aligned claims that give one event different weekdays ('Cummings died early Tuesday' vs 'died early
    Thursday'): the same past-tense event verb right before the claim's only weekday, no month or digit date
    in either, a person or place both name. Not a verb that dates a report ('said', 'announced'), and not
    two days in a row when one is 'late' or 'early' (around midnight, or another time zone)."""
    dated = []
    for u in al.units:
        if len(re.findall(WEEKDAY, u.text)) != 1 or _MONTH_WORD.search(u.text):
            continue
        m = _DAY_OF.search(u.text)
        if m and stem(m.group("verb")) not in _REPORT_VERBS and m.group("verb") not in {"said", "told"}:
            dated.append((u, stem(m.group("verb")), m))
    unit_fact = al.unit_fact()

    def differ(x: int, y: int) -> bool:
        (a, va, ma), (b, vb, mb) = dated[x], dated[y]
        da, db = DAYS.index(ma.group("day")), DAYS.index(mb.group("day"))
        if a.outlet == b.outlet or va != vb or da == db:
            return False
        if min((da - db) % 7, (db - da) % 7) == 1 and re.search(r"early|late", ma.group("when") + mb.group("when")):
            return False
        aligned = unit_fact.get(a.idx, -1) == unit_fact.get(b.idx, -2) or al.sim[a.idx, b.idx] >= 0.5
        return bool(aligned and person_like(a.ents & b.ents))

    out = []
    for comp in components(len(dated), differ):
        if len(comp) < 2:
            continue
        by_day: dict[str, list[tuple[Unit, re.Match]]] = {}
        for k in comp:
            u, _, m = dated[k]
            by_day.setdefault(m.group("day"), []).append((u, m))
        variants = [
            Variant(rows[0][0].text, rows[0][1].group(0), [u.article for u, _ in rows], [u.span for u, _ in rows])
            for _, rows in sorted(by_day.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ]
        if not _self_contradicting(variants):
            out.append(Contradiction(topic="sources differ on the day", kind="date", variants=variants))
    return out


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_WORD = re.compile(
    rf"\b(?:{_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b"
)


_ATTRIB_BEFORE = {"according", "to", "told", "by", "said", "says", "via", "from", "cited", "citing"}
_ATTRIB_AFTER = {"reported", "said", "says", "told", "reports", "noted", "wrote", "cited"}


def _entities(al: Alignment) -> list[Contradiction]:
    """A single swapped name in otherwise near-identical aligned claims (not in an attribution)."""
    out = []
    for g in al.groups:
        for x in range(len(g)):
            for y in range(x + 1, len(g)):
                a, b = al.units[g[x]], al.units[g[y]]
                if a.outlet == b.outlet or al.sim[a.idx, b.idx] < 0.8:
                    continue
                wa = [w for w, _, _ in words(a.text)]
                wb = [w for w, _, _ in words(b.text)]
                ops = [op for op in SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes() if op[0] != "equal"]
                if len(ops) != 1 or ops[0][0] != "replace":
                    continue
                _, i1, i2, j1, j2 = ops[0]
                xa, xb = wa[i1:i2], wb[j1:j2]
                if not all(w[0].isupper() for w in xa + xb) or len(xa) > 4 or len(xb) > 4:
                    continue
                before = {w.lower() for w in wa[max(0, i1 - 2) : i1]}
                after = {w.lower() for w in wa[i2 : i2 + 1]}
                if before & _ATTRIB_BEFORE or after & _ATTRIB_AFTER:
                    continue
                na, nb = " ".join(xa), " ".join(xb)
                if fuzz.partial_ratio(na, nb) >= 70 or na in b.text or nb in a.text:
                    continue
                if _part_of_name(wa, i1, i2) or not (_is_entity(na, a) and _is_entity(nb, b)):
                    continue  # 'INS Sukanya' / 'Warship Sukanya', 'Luke Pigeon' / 'Mr. Pigeon', 'He' / 'Fanning'
                out.append(
                    Contradiction(
                        topic=f"sources differ: {na} or {nb}",
                        kind="entity",
                        variants=[
                            Variant(a.text, na, [a.article], [a.span]),
                            Variant(b.text, nb, [b.article], [b.span]),
                        ],
                    )
                )
    return out


def _part_of_name(ws: list[str], i1: int, i2: int) -> bool:
    """The swapped words sit inside a longer name both claims share: a capitalised word right after
    them, or right before them inside the sentence ('Troy police Lt. Gerry Scherlinck')."""
    after = ws[i2] if i2 < len(ws) else ""
    before = ws[i1 - 1] if i1 > 0 else ""
    return after[:1].isupper() or (i1 > 1 and before[:1].isupper())


def _is_entity(name: str, u: Unit) -> bool:
    """``name`` is (part of) a named entity the NER found in the unit: not a pronoun, a title or a
    sentence-initial common noun that only looks like a name ('He', 'Lieutenant', 'Warship')."""
    low = name.lower()
    return any(re.search(rf"(?<!\w){re.escape(low)}(?!\w)", e.lower()) for e in u.entity_names)


#: a person's age as news writes it: 'Jose Luis Orozco, 29, was …' and 'the 29-year-old Orozco'
_AGE_AFTER = re.compile(r"\b((?:[A-Z][\w’'\-]+\s+){0,3}[A-Z][\w’'\-]+),\s+(\d{1,3}),")
_AGE_BEFORE = re.compile(
    r"\b(\d{1,3})-year-old\s+(?:[a-z]+\s+){0,3}((?:[A-Z][\w’'\-]+\s+){0,3}[A-Z][\w’'\-]+)"
    r"(?!\s+(?:resident|man|woman|men|women|native|boy|girl|teen|teenager|student|mother|father)\b)"
)  # not 'the 39-year-old Troy man': a place's people, not a name
_NOT_A_NAME = {"the", "a", "an", "mr", "mrs", "ms", "dr", "police", "officials", "he", "she"}


def _ages(al: Alignment) -> list[Contradiction]:
    """Outlets that give one person different ages ('Orozco, 27, was found …' vs 'Jose Luis Orozco, 29, …').

    Why by name, not by aligned sentence: an age is stated in passing, in sentences about different things.
    A surname two people of the story share with different first names is skipped (a father and a son)."""
    by_name: dict[str, list[tuple[int, Unit, str]]] = {}
    first_names: dict[str, set[str]] = {}
    # a name the NER marks in some sentence of the story ('Jose Luis Orozco, 29, …'), though not in this one
    # ('Orozco, 27, was found hiding …': a sentence-initial surname the NER misses)
    named = {w.lower() for u in al.units for e in u.entity_names for w in e.split()}
    for u in al.units:
        found = [(m.group(1), m.group(2)) for m in _AGE_AFTER.finditer(u.text)]
        found += [(m.group(2), m.group(1)) for m in _AGE_BEFORE.finditer(u.text)]
        for name, age in found:
            toks = [t for t in name.split() if t.lower().strip(".") not in _NOT_A_NAME]
            if not toks or not 0 < int(age) < 120 or not (_is_entity(toks[-1], u) or toks[-1].lower() in named):
                continue
            key = toks[-1].lower()
            by_name.setdefault(key, []).append((int(age), u, name))
            if len(toks) > 1:
                first_names.setdefault(key, set()).add(toks[0].lower())
    out = []
    for key, rows in by_name.items():
        ages = {age for age, _, _ in rows}
        per_outlet_ages: dict[str, set[int]] = {}
        for age, u, _ in rows:
            per_outlet_ages.setdefault(u.outlet, set()).add(age)
        if len(ages) < 2 or len(per_outlet_ages) < 2 or len(first_names.get(key, set())) > 1:
            continue
        if any(len(v) > 1 for v in per_outlet_ages.values()):
            continue  # one outlet gives two ages: two people or two dates, not a disagreement
        variants = []
        for age in sorted(ages):
            us = [u for a, u, _ in rows if a == age]
            seen: dict[str, Unit] = {}
            for u in us:
                seen.setdefault(u.article, u)
            variants.append(Variant(us[0].text, f"{age}", list(seen), [x.span for x in seen.values()]))
        surname = next(n for _, _, n in rows).split()[-1]
        out.append(Contradiction(topic=f"age ({surname})", kind="number", variants=variants))
    return out


# ----------------------------------------------------------------- entry
def find_contradictions(al: Alignment, articles: list[Article], analyses: dict[str, Analysis]) -> list[Contradiction]:
    """All contradictions of one story, number/quantity and kind first."""
    by_id = {a.id: a for a in articles}
    unit_fact = al.unit_fact()
    out: list[Contradiction] = []

    qty: list[Mention] = []
    kinds: list[Mention] = []
    for u in al.units:
        text = by_id[u.article].text
        qty.extend(quantity_mentions(u, text))
        qty.extend(magnitude_mentions(u, text))
        kinds.extend(kind_mentions(u, text))

    def same_fact(a: Mention, b: Mention) -> bool:
        return unit_fact.get(a.unit.idx, -1) == unit_fact.get(b.unit.idx, -2)

    def measured_alike(a: Mention, b: Mention) -> bool:
        return _compatible_qty(a, b, al, same_fact(a, b))

    for comp in _components(qty, measured_alike):
        # the conflicting pair itself must measure the same thing, not only be linked through others
        if not any(_conflict_qty(a, b) and measured_alike(a, b) for a in comp for b in comp):
            continue
        variants = _variants(comp, by_id)
        if len(variants) < 2 or _self_contradicting(variants):
            continue
        vague = any(m.vague for m in comp)
        out.append(
            Contradiction(topic=_topic_qty(comp, by_id), variants=variants, kind="quantity" if vague else "number")
        )

    for comp in _components(kinds, lambda a, b: _compatible_kind(a, b, al, same_fact(a, b))):
        modes = {m.key for m in comp}
        if len(modes) < 2:
            continue
        variants = _variants(comp, by_id)
        out.append(Contradiction(topic=_topic_kind(comp), variants=variants, kind="kind"))

    out.extend(_dates(al, analyses, {a.id: a.text for a in articles}))
    out.extend(_weekdays(al))
    out.extend(_ages(al))
    out.extend(_negation(al, unit_fact, by_id))
    out.extend(_entities(al))
    return _dedupe(out)


def _dedupe(cs: list[Contradiction]) -> list[Contradiction]:
    seen = set()
    out = []
    for c in cs:
        key = (c.kind, tuple(sorted((v.value, tuple(v.articles)) for v in c.variants)))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def pair_contradicts(al: Alignment, articles: list[Article], analyses: dict[str, Analysis], a: int, b: int) -> bool:
    """Whether units ``a`` and ``b`` end up on different variants of one contradiction (benchmark helper)."""
    ua, ub = al.units[a], al.units[b]
    for c in find_contradictions(al, articles, analyses):
        va = [
            i
            for i, v in enumerate(c.variants)
            if any(s.article == ua.article and s.start <= ua.start < s.end + 1 for s in v.spans)
        ]
        vb = [
            i
            for i, v in enumerate(c.variants)
            if any(s.article == ub.article and s.start <= ub.start < s.end + 1 for s in v.spans)
        ]
        if va and vb and set(va) != set(vb):
            return True
    return False


__all__ = ["find_contradictions", "pair_contradicts", "quantity_mentions", "kind_mentions", "np"]
