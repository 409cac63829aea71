"""Metadata hidden in article text: bylines, credits, publication and update dates, language.

Why hand-written parsers instead of dateparser: these lines have a handful of shapes
("March 17, 2023", "3/20/2023", "2023-03-20", "Updated Fri., March 17, 2023 at 9:57 p.m."),
regexes are fast and deterministic, and a date we cannot read confidently is better left None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from newsprism.clean.rules import ends_like_sentence, words

# ------------------------------------------------------------------ dates
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_RES = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b"),
    re.compile(rf"\b{_MON}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MON},?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b"),
]
_TIME_RE = re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)\s*(?P<ap>[ap]\.?\s?m\.?)?", re.I)
_WEEKDAY = r"(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(day|sday|nesday|rsday|urday)?\.?,?"
_DATE_FILLER = re.compile(
    rf"\b(updated?|published|posted|last|modified|on|at|date|dated|{_WEEKDAY}|[ap]\.?\s?m\.?|"
    r"[ECMP][SD]T|GMT|UTC|BST|CET|CEST|ET|PT|HKT|JST)\b|[|:,.\-–—/()]",
    re.I,
)


@dataclass
class DateHit:
    iso: str
    start: int
    end: int
    updated: bool


def find_dates(line: str) -> list[DateHit]:
    """Calendar dates in a line, each marked as an update when "Updated" precedes it."""
    hits: list[DateHit] = []
    for rx in _DATE_RES:
        for m in rx.finditer(line):
            if any(h.start <= m.start() < h.end or m.start() <= h.start < m.end() for h in hits):
                continue
            g = m.groupdict()
            month = _MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else int(g["m"])
            try:
                iso = date(int(g["y"]), month or 0, int(g["d"])).isoformat()
            except ValueError:
                continue
            hits.append(DateHit(iso, m.start(), m.end(), False))
    hits.sort(key=lambda h: h.start)
    for h in hits:
        before = line[: h.start]
        last_kw = max((m.end() for m in re.finditer(r"\b(updated?|modified)\b", before, re.I)), default=-1)
        last_pub = max((m.end() for m in re.finditer(r"\b(published|posted)\b", before, re.I)), default=-1)
        prev_date = max((x.end for x in hits if x.end <= h.start), default=-1)
        h.updated = last_kw > max(last_pub, prev_date)
    return hits


def is_date_line(line: str) -> bool:
    """True when a line holds dates and nothing else but date words ("March 17, 2023 Updated Fri., …")."""
    hits = find_dates(line)
    if not hits:
        return False
    rest = line
    for h in reversed(hits):
        rest = rest[: h.start] + " " + rest[h.end :]
    rest = _TIME_RE.sub(" ", rest)
    rest = _DATE_FILLER.sub(" ", rest)
    return not rest.strip()


# ---------------------------------------------------------------- bylines
# Words that end an organisation's name in a byline ("Washington Post", "Associated Press").
_ORG_TAIL = (
    "press|post|times|news|journal|tribune|herald|gazette|review|chronicle|observer|independent|telegraph|"
    "guardian|globe|mail|star|sun|examiner|inquirer|dispatch|bulletin|courier|register|daily|weekly|"
    "agency|service|wire|network|media|magazine|radio|television|tv|newsroom|staff|desk|bureau|"
    "correspondent|writer|reporter|editor|contributor|columnist|reuters|afp|ap|bloomberg|xinhua|upi|"
    "cnn|bbc|npr|pbs|abc|nbc|cbs|dpa|efe|ansa|kyodo|yonhap|tass|politico|axios|insider|report"
)
_ORG_TAIL_RE = re.compile(rf"^({_ORG_TAIL})$", re.I)
_ORG_WORD_RE = re.compile(r"^(the|of|for|and|&|[A-Z][\w.'’-]*)$")
_BYLINE_RE = re.compile(r"^[\s•·|\-–—*]*(?:written\s+)?by\s*:?\s+(?P<body>[A-Z].{2,200})$", re.I)
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    credit: str | None = None


def _split_org(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split "Joe McDonald Associated Press" into (name tokens, org tokens) at the earliest plausible cut."""
    for k in range(2, len(tokens)):
        tail = tokens[k:]
        if _ORG_TAIL_RE.match(tail[-1].strip(".,")) and all(_ORG_WORD_RE.match(t) for t in tail):
            return tokens[:k], tail
    return tokens, []


def parse_byline(line: str) -> Byline | None:
    """Parse "By Emily Wang Fujiyama and Joe McDonald Associated Press" into authors and a credit."""
    m = _BYLINE_RE.match(line.strip())
    if not m:
        return None
    body = m.group("body").strip().rstrip(".")
    credit = None
    # explicit separators first: "By Jane Doe, Reuters" / "By Jane Doe | CNN"
    parts = re.split(r"\s*[|•·—–]\s*|\s+-\s+", body)
    body = parts[0]
    if len(parts) > 1:
        credit = " ".join(p for p in parts[1:] if p).strip() or None
    names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", body) if n.strip()]
    authors: list[str] = []
    for i, name in enumerate(names):
        toks = name.split()
        if not toks:
            continue
        if i == len(names) - 1 or len(toks) > 4:
            person, org = _split_org(toks)
            if org:
                credit = credit or " ".join(org)
                toks = person
        if all(_NAME_TOKEN.match(t) for t in toks) and 1 <= len(toks) <= 4:
            if len(toks) == 1 and _ORG_TAIL_RE.match(toks[0]):
                credit = credit or toks[0]
                continue
            authors.append(" ".join(toks))
        elif i > 0 and not authors:
            return None
        elif i > 0:
            credit = credit or name
        else:
            return None
    if not authors and not credit:
        return None
    return Byline(authors, credit)


# ---------------------------------------------------------------- credits
_CREDIT_RE = re.compile(
    r"^(with (files|reporting|additional reporting|contributions?) (from|by)|(additional )?reporting by|"
    r"writing by|editing by|compiled by|contributed by|(this|the) (story|article|report|piece) (was|is|has been) "
    r"(reported|written|produced|compiled|edited|contributed|provided|adapted|originally published)|"
    r"(the )?[A-Z][\w ]{1,40} contributed (to )?(this|the) (report|story|article))",
    re.I,
)


def parse_credit(line: str) -> str | None:
    """A credit line ("With files from Reuters", "This story was reported by The AP.") as verbatim text."""
    s = line.strip()
    if len(words(s)) > 30 or not _CREDIT_RE.match(s):
        return None
    return s.rstrip(" .")


# -------------------------------------------------------------- language
_STOPWORDS = {
    "en": "the of and to in a is that for on it with as was by at from he said be his have are this an but not",
    "de": "der die und das ist nicht den von zu mit sich des auf für im dem eine ein als auch es an wird bei",
    "fr": "le la les de des et est un une du en dans que qui pour pas sur au par avec il elle sont ce",
    "es": "el la los las de del y en que un una es por con para se no su al lo como más pero sus",
    "it": "il la di che e è un una per non del della in con si da sono alla le dei gli nel",
    "pt": "o a os as de do da e que em um uma para com não no na por se mais dos das foi",
    "nl": "de het een en van is dat in op te zijn met voor niet aan er die ook als bij",
}
_STOP_SETS = {k: set(v.split()) for k, v in _STOPWORDS.items()}


def detect_language(text: str) -> str | None:
    """Cheap guess: script for non-Latin text, else the stop-word list that covers most tokens."""
    sample = text[:4000]
    if not sample.strip():
        return None
    counts = {
        "ja": len(re.findall(r"[\u3040-\u30ff]", sample)),
        "zh": len(re.findall(r"[\u4e00-\u9fff]", sample)),
        "ko": len(re.findall(r"[\uac00-\ud7af]", sample)),
        "ru": len(re.findall(r"[\u0400-\u04ff]", sample)),
        "ar": len(re.findall(r"[\u0600-\u06ff]", sample)),
        "el": len(re.findall(r"[\u0370-\u03ff]", sample)),
        "he": len(re.findall(r"[\u0590-\u05ff]", sample)),
    }
    letters = sum(ch.isalpha() for ch in sample) or 1
    if counts["ja"] > 0.05 * letters:
        return "ja"
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if n > 0.3 * letters:
        return script
    toks = [t.lower() for t in re.findall(r"[^\W\d_]+", sample)]
    if not toks:
        return None
    best, score = max(((lang, sum(t in s for t in toks)) for lang, s in _STOP_SETS.items()), key=lambda x: x[1])
    return best if score / len(toks) >= 0.12 else None


def looks_like_headline(line: str) -> bool:
    """Headline shape: 3–25 words, no full stop at the end (a question or exclamation is fine)."""
    n = len(words(line))
    if not 3 <= n <= 25:
        return False
    s = line.rstrip()
    return not (ends_like_sentence(s) and not s.endswith(("?", "!", "?”", "!”", "?'", '?"')))
