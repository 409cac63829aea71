"""Speakers as written when nobody is named, and whether a name is a person's.

The unnamed cases are an anonymous source ('a source familiar with the talks'), a counted group
('nearly 90 faculty members and priests') and a bare description ('the judge').  :func:`_looks_org`
and :func:`_person_name` tell a person's name from an institution's.  Why apart: these rules read
the phrase alone, not the article, and the attributor falls back on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.analyze.quotes.lexicon import (
    _DESCRIPTORS,
    _FUNCTION_NP,
    _INTRO,
    _NORP,
    _NP_LOWER,
    _ORG_HEADS,
    _ORG_WORDS,
    _PLACES,
    _PREPS,
    _PRONOUNS,
    _VERB_RE,
    VERBS,
)


@dataclass
class _Speaker:
    name: str | None
    role: str | None
    named: bool  # a real name (not a pronoun / unresolved description)


#: nouns for a source the article does not name ('a source familiar with the talks', 'two senior officials')
_ANON_HEADS = (
    "sources?|officials?|persons?|people|insiders?|diplomats?|aides?|advisers?|advisors?|analysts?|lawmakers?|"
    "staffers?|employees?|observers?|witnesses|witness|residents?|experts?|spokes(?:man|woman|person)|"
    "representatives?|executives?|officers?|members?|investigators?|negotiators?|participants?|attendees?|"
    "co-?workers?|colleagues?|neighbou?rs?|friends?|relatives?|classmates?|workers?|students?|parents?|fans?|"
    "democrats?|republicans?"
)
#: words that never modify the head of an unnamed source: subject pronouns start a clause of their own
_CLAUSE_WORDS = {"he", "she", "they", "we", "i", "it", "you"}
#: capitalised words an unnamed source may carry: a party or a nationality is no name
_AFFILIATION = {"democratic", "democrat", "democrats", "republican", "republicans", "gop"} | _NORP
_ANON = re.compile(
    r"(?:(?:an?|one|two|three|four|several|some|many|other|another|multiple)\s+)?"
    r"(?:[a-z][\w\-]*\s+){0,3}?"
    rf"(?P<head>{_ANON_HEADS})"
    r"(?:\s+(?:familiar|close|briefed|knowledgeable|involved|who|with|in|at|of|from|for|on|to)\b[^.;:“”\"]{0,80})?",
    re.IGNORECASE,
)


def _anonymous(np: str) -> _Speaker | None:
    """A source the article describes but does not name, as written: 'a source familiar with the talks',
    'two senior officials', 'people briefed on the plan'.  A singular needs its determiner ('official' alone
    is a title); nothing here is resolved to a person."""
    np = np.strip(" ,")
    while np.split() and np.split()[0].lower() in _INTRO | _PREPS and len(np.split()) > 1:
        np = np.split(None, 1)[1]  # 'as some legal experts'
    m = _ANON.fullmatch(np)
    if re.search(r",\s+(?:he|she|they|we|I|it)$", np):
        return None  # 'Republicans who back such changes, he said': the pronoun is the subject
    if m and any(w.lower() in _CLAUSE_WORDS or _VERB_RE.fullmatch(w) for w in np[: m.start("head")].split()):
        return None  # '…,” he said Republicans told him': a subject and its verb, not modifiers of the head
    if not m or any(
        re.search(r"[A-Z]", w[i == 0 :]) and w.lower() not in _AFFILIATION for i, w in enumerate(np.split())
    ):
        return None  # a capitalised word is a name or an institution, handled elsewhere; a party or a
        # nationality only says which side ('one prominent centrist Democrat', 'a senior American official')
    first = np.split()[0].lower()
    if first in ("the", "his", "her", "their", "its", "this", "that", "these", "those", "our"):
        return None  # 'the officials' refers back
    head = m.group("head").lower()
    if first not in _ANON_DETS and not (head.endswith("s") or head == "people"):
        return None
    return _Speaker(np, None, False)


#: plural nouns for people that a counted group is made of ('nearly 90 faculty members and priests')
_GROUP_PEOPLE = (
    "members|officials|lawmakers|legislators|senators|democrats|republicans|faculty|priests|professors|scholars|"
    "students|teachers|doctors|nurses|scientists|economists|researchers|historians|academics|activists|protesters|"
    "bishops|clergy|nuns|theologians|administrators|parents|workers|employees|voters|leaders|lawyers|attorneys|"
    "executives|experts|analysts|diplomats|residents|veterans|mayors|governors|judges|survivors|families|"
    "sheriffs|police|officers|farmers|donors|pastors|ministers|commissioners|delegates|candidates|physicians|"
    "citizens|americans|people|women|men|demonstrators|supporters|critics|opponents|signatories|plaintiffs|"
    "defendants|petitioners|retirees|immigrants|refugees|victims|witnesses|owners|officers|soldiers|troops"
)
#: role, people and institution nouns that can stand for a speaker ('the lawyers', 'her agent', 'the agency')
_PERSON_NOUNS = frozenset(_DESCRIPTORS | {f"{d}s" for d in _DESCRIPTORS} | set(_GROUP_PEOPLE.split("|")) | _ORG_HEADS)
#: what 'his'/'her' can own that speaks for itself: 'her agent said', 'his office said', 'her campaign said'
_SOMEONE_ELSE = (
    (_PERSON_NOUNS - {"official"})  # 'her official site': an adjective
    | {"father", "mother", "wife", "husband", "son", "daughter", "brother", "sister", "family", "team", "staff"}
    | {"spokesmen", "spokeswomen", "attorneys", "aides", "doctor", "manager", "representatives"}
)
#: the heads of a description nothing names ('the judge said'): see :func:`_unresolved_description`
_DESCRIPTION_HEADS = _PERSON_NOUNS | {"judge", "judges", "prosecutors", "company", "firm", "group", "newspaper"}


def _unresolved_description(np: str) -> _Speaker | None:
    """'the judge', 'the lawyers', 'the company' when nothing else names the speaker: the description as
    written (without 'the') instead of nobody.  Only a role, people or institution noun after at most two
    lower-case modifiers ('the defence lawyers', 'the four-term congressman'); never a name or a pronoun."""
    m = re.fullmatch(r"\s*[Tt]he\s+((?:[a-z][\w\-]*\s+){0,2}([a-z]+))\s*", np)
    if not m:
        return None
    if m.group(2) not in _DESCRIPTION_HEADS:
        return None
    if any(w in _FUNCTION_NP or w in _PRONOUNS for w in m.group(1).split()[:-1]):
        return None
    return _Speaker(m.group(1), None, False)


_COUNT = (
    r"(?:(?:nearly|about|almost|roughly|around|more\s+than|over|some|close\s+to|at\s+least|fewer\s+than|"
    r"just\s+over|just\s+under|upward\s+of)\s+)?"
    r"(?:\d[\d,]*|(?:a|one|two|three|four|five|six|several)\s+dozen|dozens|scores|hundreds|thousands|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"
)
_PEOPLE_NP = (
    rf"(?:[\w’'.\-]+\s+){{0,3}}(?i:{_GROUP_PEOPLE})(?:\s+and\s+(?:[\w’'\-]+\s+){{0,2}}(?i:{_GROUP_PEOPLE}))?"
    r"(?:\s+(?:at|of|from|in|with)\s+(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w’'.\-]*){0,4})?"
)
_COUNTED_GROUP = re.compile(
    rf"(?i:(?:an?|the)\s+(?:group|coalition|bloc|delegation|team)\s+of\s+)?(?i:{_COUNT})\s+(?:of\s+)?{_PEOPLE_NP}"
)
#: who wrote or signed a document: a counted group, or a definite one ('released Tuesday by the faculty at Georgetown')
_AUTHOR_GROUP = re.compile(rf"{_COUNTED_GROUP.pattern}|(?i:the)\s+{_PEOPLE_NP}")
_COUNTED_BEFORE = re.compile(
    rf"(?:^|[,;:]\s+|\b(?i:and|but)\s+)({_COUNTED_GROUP.pattern})\s+(?:\w+ly\s+)?(?:have\s+|has\s+)?$"
)


def _counted_group(np: str) -> _Speaker | None:
    """A counted group of people as written: 'nearly 90 faculty members and priests at Georgetown',
    'Close to three dozen House Democrats', 'A group of nearly 90 professors and administrators'.
    The group speaks (it signed the letter, it said so); no one person in it is named."""
    np = np.strip(" ,")
    if not _COUNTED_GROUP.fullmatch(np):
        return None
    return _Speaker(np, None, False)


#: '…,” one diplomat said' (after a quote) and 'A source told FT that …' (a clause ending at its verb)
_ANON_SAYS = re.compile(rf"({_ANON.pattern})\s+(?:\w+ly\s+)?({VERBS})\b", re.I)
_ANON_BEFORE = re.compile(rf"(?:^|[,;:]\s+|\b(?:and|but)\s+)({_ANON.pattern})\s+(?:\w+ly\s+)?$", re.I)
_ANON_DETS = {"a", "an", "one", "two", "three", "four", "several", "some", "many", "other", "another", "multiple"}


def _says_who(found: _Speaker | None, words: list[str], head: str) -> bool:
    """An indefinite description ('a former Alaska governor') is the person ``found`` only when a word
    that could tell who it is ('alaska') is in that person's name or role."""
    if found is None:
        return False
    distinctive = {w for w in words if w != head and w not in _ANON_DETS | _NP_LOWER | {"former", "senior", "top"}}
    return bool(distinctive & {w.strip(",.’'").lower() for w in f"{found.name or ''} {found.role or ''}".split()})


def _person_name(name: str) -> bool:
    return not _looks_org(name) and name[:1].isupper()


def _looks_org(run: str) -> bool:
    toks = [t.lower().strip(".’'()") for t in run.split()]
    toks = [t[:-2] if t.endswith(("’s", "'s")) else t for t in toks]
    return any(t in _ORG_WORDS for t in toks) or all(t in _PLACES for t in toks)
