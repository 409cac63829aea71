"""Timeline: the events on each date (or range) that the story's articles mention.

Why from ``Analysis.times``: dates are resolved once by ``analyze`` against each article's
publication date, so "Friday" in two outlets lands on the same day. Each entry's text is
the shortest source clause stating it (verbatim), cited to every article that carries it.
"""

from __future__ import annotations

import re

from newsprism.analyze.quotes.indirect import _AUXILIARIES, _FINITE
from newsprism.model import Analysis, Article, Span, TimelineEntry
from newsprism.synthesize._text import (
    WEEKDAYS_MONTHS,
    clauses,
    components,
    content_stems,
    n_words,
    open_quote,
    split_sentences,
    trim_span,
)
from newsprism.synthesize.align import LINK, Alignment
from newsprism.synthesize.framing import loaded_count


def _sentence_bounds(article: Article, analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    for s in analysis.sentences:
        if s.start <= start and end <= s.end:
            return s.start, s.end
    for s, e, _ in split_sentences(article.text):
        if s <= start and end <= e:
            return s, e
    return start, end


def _balanced(text: str) -> bool:
    """A clause that opens a quote it never closes ('on Thursday and "this topic') is a broken cut."""
    straight = text.count('"') % 2 == 0
    return straight and text.count("\u201c") == text.count("\u201d")


#: a clause opening like this has its subject elsewhere in the sentence: a relative clause ("who wrote
#: on Saturday that …"), a bare verb ("was last reauthorized in 2006", "but returned part-time this
#: year"), an attribution ("according to a prison statement Monday"); case-sensitive, so a sentence
#: start ("Was it …") or a name is not one; nor is a clause opening with a preposition ("by Somali pirates
#: from the region on September 15, 2008.", "amid panic selling … on Jan. 20, 2017.") or a number ("a heavily
#: redacted, 16-page document …"): a phrase cut from its sentence
_HEADLESS = re.compile(
    r"(?:(?:but|and|or|then)\s+)?(?:who|whom|whose|which|according|is|are|was|were|has|have|had|will|would|"
    r"by|amid|to|from|for|with|in|on|at|of|than|via|despite|during|following|since|until|after|before|\d+|"
    r"could|can|did|does|do|said|says|told|tells|met|spoke|began|became|came|went|made|gave|took|held|wrote|"
    r"sent|saw|won|lost|ran|brought|found|fell|rose|led|paid|struck|got|kept|where|[a-z]{2,}ed|[a-z]{3,}ing)\b"
)
#: a sentence-opening phrase that leaves the main clause for later ("In court papers filed against
#: Jackson on Friday, prosecutors said …")
_INTRO = re.compile(
    r"(?i:in|on|at|after|before|during|following|with|from|under|amid|despite|when|while|as|since|although|"
    r"though|because|once|until|if)\s"
)


_THAT_NEXT = re.compile(r"[,;:—–]?\s*that\s")


def _fragment(text: str, cs: int, ce: int, ss: int, se: int) -> bool:
    """A clause that does not say what happened on its own: its subject or its main clause is elsewhere."""
    seg = text[cs:ce].lstrip("\"“‘'( ")
    if ce < se and _THAT_NEXT.match(text, ce):
        return True  # what was said or found comes next: "Comey told Congress on Oct. 28, 2016, …, that the FBI had …"
    if cs > ss:
        return _HEADLESS.match(seg) is not None
    return ce < se and _INTRO.match(seg) is not None


#: a word of a subject or of a place or time phrase: no conjunction, relative, "that" (the report's
#: content: "who wrote on Saturday that Ross hadn't …") or auxiliary
_PLAIN = r"(?!(?:and|but|that|who|which|will|would|was|were|is|are|has|have|had)\b)[^\s,;:]+"
#: a clause that only reports: a subject, a reporting verb and where or to whom, the date taken out
#: ("officials from both countries said on", "the Kremlin said in a statement", "he told reporters",
#: "according to a prison statement")
_REPORT_ONLY = re.compile(
    rf"(?i:according)\s+to(?:\s+{_PLAIN}){{1,8}}|"
    rf"(?:{_PLAIN}\s+){{1,7}}?"
    r"(?:said|says|say|added|stated|confirmed|announced|reported|wrote|tweeted|"
    r"told\s+(?:reporters|journalists|lawmakers|(?:the|a|an)\s+[^\s,;:]+(?:\s+[^\s,;:]+)?|[A-Z][^\s,;:]*"
    r"(?:\s+[A-Z][^\s,;:]*){0,3}))"
    rf"(?:\s+(?:in|on|at|to|during|via|through|late|early|earlier|this|last)\b(?:\s+{_PLAIN}){{0,6}})?"
)


def _reports_only(text: str, cs: int, ce: int, start: int, end: int) -> bool:
    """The clause around the date says who reported, not what: the date is the report's, and its
    content is in the rest of the sentence."""
    rest = " ".join((text[cs:start] + " " + text[end:ce]).split()).strip("\"“”‘’'(). ")
    return _REPORT_ONLY.fullmatch(rest) is not None


#: a noun phrase set off inside a sentence ("…, his first to China's closest partner since …, …", "…, an
#: Iowa Democrat running for Senate this year."): a determiner, then no verb or relative of its own
_APPOSITIVE = re.compile(r"(?:his|her|its|their|the|a|an|this)\s")
_VERB = re.compile(
    rf"\b(?:{_AUXILIARIES}|be|been|do|"
    r"says|said|told|met|began|became|came|went|made|gave|took|held|wrote|sent|saw|won|lost|ran|brought|found|"
    r"fell|rose|led|paid|struck|got|kept|left|who|whom|whose|which|that|where|[a-z]{2,}ed)\b"
)
#: the opening of a subordinate clause in it: "since Russia invaded Ukraine a year ago" (not indirect's
#: _SUBORDINATE_OPEN: that one opens a sentence, this one is searched inside a phrase, where 'as', 'if' and 'once'
#: mostly open no clause)
_SUBORDINATE = re.compile(r"\b(?:since|after|before|when|until|because|while)\s+")


def _appositive(text: str, cs: int, ce: int, start: int) -> tuple[int, int] | None:
    """For a clause that is an appositive, the statement in it around the date: its subordinate
    clause's own when the date is there and it has a verb ("Russia invaded Ukraine a year ago"), else
    ``(-1, -1)`` (the sentence says it). None for a clause that is no appositive."""
    if not _APPOSITIVE.match(text, cs, ce):
        return None
    sub = _SUBORDINATE.search(text, cs, ce)
    if _VERB.search(text, cs, sub.start() if sub else ce):
        return None
    if sub and sub.end() <= start and _VERB.search(text, sub.end(), start) and n_words(text[sub.end() : ce]) >= 4:
        return sub.end(), ce
    return -1, -1


#: a clause opening with a finite verb (no participle: "…, sent from his golf club, …" is set off): the
#: subject is an earlier clause's ("…, his first since …, will be …"; no 'am', and no 'do', which a plural
#: subject could take: not needed so far)
_VERB_FIRST = re.compile(
    rf"\s*(?:{_AUXILIARIES}|says|"
    r"began|became|came|went|gave|took|wrote|saw|ran|rose|fell|drew|grew|threw|flew|knew)\b"
)
#: a set-off phrase between a subject and its verb: a participle ("sent from …", "hosted by …") or a relative
_SET_OFF = re.compile(r"\s*(?:who|whom|whose|which|[a-z]{2,}ed|[a-z]{3,}ing|sent|made|held|led|paid|won|built)\b")


#: verbs neither list holds that news clauses open with ("flew to Oslo", "arrives in Moscow on Monday")
_MORE_VERBS = re.compile(
    r"flew|flies|fly|arrives|visits|meets|leaves|travels|heads|returns|opens|starts|begins|ends|holds|takes|"
    r"makes|signs|hosts|faces|joins|launches|announces|unveils|wins|loses|dies"
)


def _has_verb(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds a finite verb, read off closed word lists: a verb they miss makes a clause
    look like a bare subject, and its entry runs on to the sentence's end (longer, never cut short)."""
    return _VERB.search(text, s, e) is not None or any(
        _FINITE.fullmatch(w) or _MORE_VERBS.fullmatch(w) for w in re.findall(r"[a-z]+", text[s:e])
    )


def _subject_only(text: str, spans: list[tuple[int, int]], i: int) -> int | None:
    """For a sentence's opening clause that is only a noun phrase ("Xi's visit to Moscow Monday to Wednesday,
    his first … since …, will be …"), the end of the clause with its verb past the phrases set off after it,
    else the sentence's end; None for a clause with a verb of its own or a lead-in ("In 1991, …")."""
    cs, ce = spans[i]
    if _has_verb(text, cs, ce) or _INTRO.match(text, cs, ce):
        return None
    for s, e in spans[i + 1 : i + 4]:
        if _VERB_FIRST.match(text, s, e):
            return e
        if not (_APPOSITIVE.match(text, s, e) or _SET_OFF.match(text, s, e) or not _has_verb(text, s, e)):
            break
    return spans[-1][1]


def _stating_text(article: Article, ss: int, se: int, start: int, end: int) -> tuple[int, int]:
    """The clause of sentence ``ss:se`` around the time mention if it says something (≥ 5 words,
    quotes intact, its subject, main clause and object its own), else the sentence. A clause that only
    reports ("…, officials said on March 17") takes what was reported with it: the sentence up to it; an
    appositive ("…, his first since Russia invaded Ukraine a year ago, …") gives its subordinate clause
    or the sentence."""
    text = article.text
    spans = clauses(text, ss, se)
    for i, (cs, ce) in enumerate(spans):
        if not (cs <= start and end <= ce):
            continue
        if cs == ss and (through := _subject_only(text, spans, i)) is not None:
            if _balanced(text[ss:through]):
                return trim_span(text, ss, through)
            break
        if _reports_only(text, cs, ce, start, end):
            if cs > ss and _balanced(text[ss:ce]):
                return trim_span(text, ss, ce)
            break
        if cs > ss and (inner := _appositive(text, cs, ce, start)) is not None:
            if inner[0] >= 0 and _balanced(text[inner[0] : inner[1]]):
                return trim_span(text, *inner)
            break
        if n_words(text[cs:ce]) >= 5 and _balanced(text[cs:ce]):
            if _fragment(text, cs, ce, ss, se):
                break
            return trim_span(text, cs, ce)
    return trim_span(text, ss, se)


_GENERIC_NOW = re.compile(r"^(?:today|now|these days)\b", re.I)
#: "today" after a noun of everyone that it qualifies, in a quote: "the world today", "kids today" ("we signed
#: the lease with the city today" dates the signing)
_NOUN_TODAY = re.compile(
    r"\b(?i:world|country|nation|society|america|culture|generation|kids|children|people|youngsters|teenagers|"
    r"students|parents|families|women|men|workers|youth)\s+$"
)


def _generic_today(text: str, ss: int, start: int, end: int) -> bool:
    """A "today" inside a quote that qualifies a noun ("atrocities happening in the world today") means
    nowadays, not the day of the report."""
    return (
        text[start:end].lower() == "today"
        and open_quote(text[ss:start])
        and bool(_NOUN_TODAY.search(text, max(ss, start - 30), start))
    )


#: a page's posting stamp, not a report ("Posted on November 15, 2011 6:07 PM", "On behalf of Howard
#: R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013.", "First Published: …")
_STAMP = re.compile(
    r"(?:(?i:on behalf of)\s.{0,80}?\s|\S+\.\s+)?((?i:first\s+|last\s+)?(?i:posted|published|updated)"
    r"(?:\s+(?:on|in|at)\b|:|\s+\d))"
)

#: an ordinal ("first", "the fourth head coach", "the first Democrat", "10th", "3rd"), not one in a name
#: ("the First Amendment", "North Carolina's 2nd Congressional District since 1997")
_ORDINAL = (
    r"(?-i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"(?:twen|thir|for|fif)tieth|(?:\d*1st|\d*2nd|\d*3rd|\d+th)(?!\s+[A-Z]))"
)
#: a superlative or an ordinal ahead of "since DATE": "the lowest rate since 1969", "the first time since 2005",
#: "the fourth head coach since 1990" (a count, not an event on the date)
_SUPERLATIVE = re.compile(
    rf"\b(?:{_ORDINAL}|latest|most|least|best|worst|highest|lowest|biggest|largest|"
    r"greatest|smallest|fastest|slowest|strongest|weakest|longest|shortest|sharpest|steepest|deadliest|"
    r"busiest|earliest|hottest|coldest|warmest|wettest|driest|heaviest|lightest)\b",
    re.I,
)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
#: a change measured from a date ("an increase of only 7.4% from 2010", "a 10-win improvement from a year ago")
_CHANGE = re.compile(
    r"%|\b(?:percent|increases?|decreases?|improvements?|rises?|drops?|declines?|gains?|jumps?|growth|falls?|up|"
    r"down|higher|lower)\b",
    re.I,
)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_RANGE = re.compile(r"\d\s*[-–]\s*\d|\b(?:to|through|until|and)\b", re.I)


#: where the words leading up to a date start: a clause break
_CLAUSE_BREAK = re.compile(r"[,;:()—–]")
#: … or, for a comparison, also a conjunction ('… and has led since 2002' is not 'the lowest since')
_CLAUSE_OR_LINK = re.compile(r"[,;:()—–]|\b(?:and|but|while|after|when|because)\b")


def _words_before(text: str, ss: int, start: int, n: int, breaks: re.Pattern = _CLAUSE_BREAK) -> str:
    """The last ``n`` words of sentence ``ss`` before ``start``, within its clause: what a date is said of."""
    return " ".join(breaks.split(text[ss:start])[-1].split()[-n:])


def _stamp(text: str, ss: int, se: int) -> bool:
    """A short line that stamps the page ("Updated: Rick Santorum on Sunday tried …" is a report)."""
    m = _STAMP.match(text, ss, se)
    return m is not None and n_words(text[m.start(1) : se]) <= 12


def _alternatives(text: str, times: list) -> set[int]:
    """Starts of dates offered as alternatives ("how he plans to deploy it in 2022 or 2024"): neither is
    the date of anything that happened."""
    out: set[int] = set()
    for a, b in zip(times, times[1:], strict=False):
        if re.fullmatch(r",?\s+or\s+", text[a.end : b.start]):
            out |= {a.start, b.start}
    return out


def _baseline(text: str, ss: int, start: int, end: int) -> bool:
    """A change measured "from" a date: the date is the baseline, not the story's event ("from 2010 to
    2020" is a period and stays)."""
    if _RANGE.search(text, start, end) or not _FROM.search(text, max(ss, start - 10), start):
        return False
    return bool(_CHANGE.search(_words_before(text, ss, start, 8)))


#: a year inside a name ("the Voting Rights Act of 1965", "the American Rescue Plan Act of 2021", "the Class of 2020")
_NAMED = re.compile(
    r"\b(?:Act|Acts|Law|Code|Treaty|Accords?|Agreement|Plan|Bill|Convention|Protocol|Amendments?|Resolution|"
    r"Class|War)\s+of\s+$"
)
_MONEY = re.compile(r"[$€£]\s?\d|\b(?:million|billion|trillion)\b", re.I)


def _money_window(text: str, ss: int, start: int, date: str, end_date: str | None) -> bool:
    """A sum over a span of five years or more ("savings — roughly $700 billion from 2013 to 2022") is
    a budget window: nothing happened in it. "Spent $313.89 from December 2007 through December 2008"
    (a year) stays."""
    if not end_date or int(end_date[:4]) - int(date[:4]) < 4:
        return False
    return bool(_MONEY.search(_words_before(text, ss, start, 6)))


#: a superlative adjective (no ordinal: "his first visit since Russia invaded …" dates a story event; no
#: hedge: "has held at least one belt since beating Byrd in April 2006")
_SUPERLATIVE_ADJ = re.compile(
    r"(?<!\bat\s)(?<!\bat\sthe\s)\b(?:most|least|best|worst|(?!(?:earliest|latest|interest|forest|honest|"
    r"modest|protest|request|contest|arrest|suggest|invest|manifest|digest|harvest|conquest|inquest|unrest|"
    r"attest|detest|behest|midwest|southwest|northwest)\b)[a-z]{3,}est)\b",
    re.I,
)
#: "his first to China's closest partner since Russia invaded …", "his third visit to its largest city since
#: the war began": the ordinal is what "since" bounds
_FIRST = re.compile(rf"\b{_ORDINAL}\b(?!\s+(?:most|least|best|worst|[a-z]{{3,}}est)\b)", re.I)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?![^,;:()—–]*\bsince\b)[^,;:()—–]{0,80}$", re.I)


def _comparison(text: str, ss: int, start: int) -> bool:
    """A date after a superlative and "since" ("the lowest rate since December 1969") bounds a
    comparison: nothing of the story happened on it. "Has led House Democrats since 2002" stays, and
    so does a negated "since" ("no functioning government since 1991" dates the collapse). So does a
    date in a "since" clause after a superlative adjective ("the worst since the dictatorship was
    brought down in 1974", "the second largest in history, since the agency started tracking in 1967"); a
    date past a link word is its own clause's ("its lowest since 1939 and cut taxes in 2018" dates the cut)."""
    if _SINCE.search(text, max(ss, start - 16), start):
        return bool(_SUPERLATIVE.search(_words_before(text, ss, start, 10, _CLAUSE_OR_LINK)))
    m = _SINCE_CLAUSE.search(text, ss, start)
    if m is None or _CLAUSE_OR_LINK.search(text, m.start() + 5, start):
        return False
    lead = " ".join(_CLAUSE_OR_LINK.split(text[ss : m.start()].rstrip(" ,"))[-1].split()[-10:])
    sup = _SUPERLATIVE_ADJ.search(lead)
    return sup is not None and not any(f.start() < sup.start() for f in _FIRST.finditer(lead))


# Two mentions of one date whose sentences align this well (a share of the fact link) state one event:
# naming the same day is evidence of its own, so the bar is lower than for a fact.
SAME_DAY_LINK = 0.65


def _groups(mentions: list[dict], al: Alignment | None) -> list[list[dict]]:
    """Mentions of one date that state the same event: sentences aligned into one fact or scoring
    ``SAME_DAY_LINK`` of the fact link, or sharing content words (Jaccard ≥ 0.2, date words left out).
    Only mentions of different articles link; one article's mentions join a group through others."""

    def linked(i: int, j: int) -> bool:
        if mentions[i]["article"] == mentions[j]["article"]:
            return False  # an article names a day twice for two things, or it would repeat itself
        ui, uj = mentions[i]["unit"], mentions[j]["unit"]
        fi = mentions[i]["fact"]
        if (
            ui is not None
            and uj is not None
            and al is not None
            and ((fi is not None and fi == mentions[j]["fact"]) or al.sim[ui, uj] >= SAME_DAY_LINK * LINK)
        ):
            return True
        a, b = mentions[i]["words"], mentions[j]["words"]
        return bool(a and b and len(a & b) / len(a | b) >= 0.2)

    return [[mentions[i] for i in c] for c in components(len(mentions), linked)]


def timeline(
    articles: list[Article], analyses: dict[str, Analysis], al: Alignment | None = None
) -> list[TimelineEntry]:
    """Entries sorted by date: per date, the event most articles state, and any other stated by ≥ 2.

    A date can carry several events ("announced on Friday", "the warrant issued Friday"), so the
    mentions of one date are grouped by the words they share; each group's shortest stating clause
    is the entry's text (verbatim, a neutral one when there is a choice) and every article in the group
    is cited. Generic "Today, …"
    openings are not events and are skipped.
    """
    by_date: dict[tuple[str, str | None], list[dict]] = {}
    unit_fact = al.unit_fact() if al is not None else {}
    units = {(u.article, u.start): u.idx for u in al.units} if al is not None else {}
    for art in articles:
        an = analyses.get(art.id)
        if an is None:
            continue
        alternatives = _alternatives(art.text, an.times)
        for t in an.times:
            if not t.date or t.start in alternatives:
                continue
            ss, se = _sentence_bounds(art, an, t.start, t.end)
            if (
                _comparison(art.text, ss, t.start)
                or _NAMED.search(art.text, max(ss, t.start - 20), t.start) is not None
                or _baseline(art.text, ss, t.start, t.end)
                or _money_window(art.text, ss, t.start, t.date, t.end_date)
                or _stamp(art.text, ss, se)
                or _generic_today(art.text, ss, t.start, t.end)
            ):
                continue
            s, e = _stating_text(art, ss, se, t.start, t.end)
            text = art.text[s:e]
            if n_words(text) < 4 or not re.search(r"[a-z]{3}", text):
                continue
            if t.start == s and _GENERIC_NOW.match(text) and t.text.lower() in ("today", "now"):
                continue
            words = {w for w in content_stems(art.text[ss:se]) if w not in WEEKDAYS_MONTHS}
            unit = units.get((art.id, ss))
            by_date.setdefault((t.date, t.end_date), []).append(
                {
                    "text": text,
                    "article": art.id,
                    "span": Span(art.id, s, e),
                    "at": t.start,
                    "words": words,
                    "unit": unit,
                    "fact": unit_fact.get(unit) if unit is not None else None,
                }
            )
    out = []
    for (date, end_date), mentions in by_date.items():
        groups = sorted(
            _groups(mentions, al),
            key=lambda g: (
                -len({m["article"] for m in g}),
                min(loaded_count(m["text"]) for m in g) > 0,
                min(m["at"] for m in g),  # the earliest mention (not its clause: a widened clause keeps its rank)
            ),
        )
        for rank, g in enumerate(groups):
            arts = list(dict.fromkeys(m["article"] for m in g))
            if rank > 0 and len(arts) < 2:
                continue
            best = min(g, key=lambda m: (loaded_count(m["text"]) > 0, n_words(m["text"]), m["article"]))
            spans = [best["span"]] + [m["span"] for m in g if m is not best]
            out.append(TimelineEntry(date=date, text=best["text"], articles=arts, end_date=end_date, spans=spans))
    out.sort(key=lambda t: (t.date, t.end_date or "", -len(t.articles)))
    return out
