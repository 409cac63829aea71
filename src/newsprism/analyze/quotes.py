"""Quote extraction, speaker attribution and cross-article quote merging.

Why rules rather than a parser: news attribution is formulaic ("…," X said; X said
"…"; according to X), and a rule layer over quotation marks + NER is fast,
deterministic and verbatim by construction: every ``Quote.text`` is
``text[start:end]``.  Kinds: ``direct`` (a quoted sentence or more), ``partial``
(a quoted fragment inside the writer's sentence) and ``indirect`` (reported speech).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsprism.analyze.entities import DEMONYMS, NameIndex, honorific_gender, normalize_org, strip_name, surname
from newsprism.analyze.nlp import paragraphs
from newsprism.model import Entity, Quote, Sentence, Span, StoryQuote

VERBS = (
    "said|says|say|saying|told|tells|added|adds|adding|wrote|writes|tweeted|tweets|posted|stated|states|noted|notes|"
    "explained|asked|asks|insisted|insists|argued|argues|warned|warns|claimed|claims|declared|announced|continued|"
    "stressed|emphasized|emphasised|acknowledged|admitted|recalled|replied|responded|complained|urged|suggested|"
    "predicted|conceded|countered|observed|remarked|testified|vowed|promised|pledged|cautioned|scoffed|quipped|"
    "lamented|charged|contended|maintained|reported|called|described|confirmed|concluded|joked|boasted|retorted|"
    "shouted|wondered|mused|agreed|blasted|slammed|praised|accused|criticized|criticised|denied|demanded|"
    "announced|explains|writes|recounted|added|offered|thanked|predicts|believes|believed|hoped|advised|"
    "proclaimed|exclaimed|signaled|signalled|wrote|read|reads|tweeting|telling|calling|describing|writing|"
    "retorted|retort|declaring|adding|insisting|arguing|warning|claiming|noting|asking|stating|reports|pointed out|points out|notified"
)
_VERB_RE = re.compile(rf"\b(?:{VERBS})\b")
_REPORT_VERBS = {"reported", "reports", "read", "reads"}
_INDIRECT_VERBS = {
    "said",
    "says",
    "told",
    "added",
    "stated",
    "announced",
    "warned",
    "argued",
    "claimed",
    "insisted",
    "noted",
    "explained",
    "acknowledged",
    "confirmed",
    "predicted",
    "suggested",
    "tells",
    "adds",
    "argues",
    "warns",
    "claims",
    "insists",
    "notes",
    "believes",
}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_NP_LOWER = {
    "the",
    "a",
    "an",
    "of",
    "for",
    "and",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "aide",
    "adviser",
    "advisor",
    "presidential",
    "foreign",
    "policy",
    "minister",
    "ministry",
    "secretary",
    "official",
    "officials",
    "expert",
    "analyst",
    "director",
    "president",
    "leader",
    "senior",
    "deputy",
    "chief",
    "former",
    "national",
    "security",
    "press",
    "state",
    "top",
    "diplomat",
    "envoy",
    "ambassador",
    "lawmaker",
    "lawmakers",
    "senator",
    "governor",
    "chairman",
    "chairwoman",
    "professor",
    "researcher",
    "fellow",
    "economist",
    "commentator",
    "correspondent",
    "editor",
    "strategist",
    "general",
    "commander",
    "prosecutor",
    "attorney",
    "lawyer",
    "judge",
    "mayor",
    "manager",
    "executive",
    "founder",
    "candidate",
    "nominee",
    "campaign",
    "party",
    "government",
    "administration",
    "department",
    "office",
    "council",
    "committee",
    "agency",
    "court",
    "military",
    "defense",
    "intelligence",
    "head",
    "member",
    "officer",
    "spokesmen",
    "majority",
    "minority",
    "speaker",
    "vice",
    "first",
    "lady",
    "host",
    "writer",
    "author",
    "activist",
    "representative",
    "congressman",
    "congresswoman",
    "democrat",
    "republican",
    "democratic",
    "conservative",
    "liberal",
    "white",
    "house",
    "her",
    "his",
    "its",
    "their",
    "source",
    "sources",
    "statement",
    "readout",
    "aides",
    "staff",
    "counterpart",
    "media",
    "newspaper",
    "outlet",
    "network",
    "group",
    "organization",
    "union",
    "association",
    "affairs",
    "relations",
    "justice",
    "gop",
    "u.s.",
    "federal",
    "county",
    "city",
    "health",
    "police",
    "sheriff",
    "coach",
    "owner",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "friend",
    "resident",
    "witness",
    "victim",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "pastor",
    "chancellor",
    "premier",
    "commissioner",
    "organizer",
    "whip",
    "agent",
    "publicist",
}
_DESCRIPTORS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "adviser",
    "advisor",
    "minister",
    "official",
    "president",
    "leader",
    "expert",
    "analyst",
    "envoy",
    "diplomat",
    "ambassador",
    "secretary",
    "director",
    "senator",
    "governor",
    "chairman",
    "professor",
    "general",
    "prosecutor",
    "attorney",
    "lawyer",
    "mayor",
    "candidate",
    "lawmaker",
    "congressman",
    "congresswoman",
    "chancellor",
    "premier",
    "commissioner",
    "sheriff",
    "chief",
    "representative",
    "whip",
    "organizer",
    "editor",
    "speaker",
    "agent",
    "publicist",
}
_ORG_HEADS = {
    "ministry",
    "kremlin",
    "government",
    "administration",
    "office",
    "department",
    "council",
    "committee",
    "agency",
    "court",
    "house",
    "pentagon",
    "party",
    "commission",
    "campaign",
    "embassy",
    "police",
    "union",
    "army",
    "military",
    "company",
    "university",
    "institute",
    "center",
    "bank",
}
_INTRO = {
    "in",
    "on",
    "at",
    "after",
    "during",
    "asked",
    "speaking",
    "when",
    "while",
    "since",
    "before",
    "ahead",
    "last",
    "this",
    "according",
    "earlier",
    "later",
    "meanwhile",
    "but",
    "and",
    "yet",
    "still",
    "separately",
    "instead",
    "however",
    "also",
    "then",
    "so",
    "as",
    "for",
    "with",
    "without",
    "despite",
    "responding",
    "writing",
    "addressing",
    "if",
    "although",
    "though",
    "because",
    "once",
    "today",
    "yesterday",
}
#: tokens of a noun phrase; a middle initial between two name words is one token ('Thomas J. Reese'), so
#: the phrase does not end at its full stop
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|\((?:[A-Z][\w.&\-]*)\)|(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof|St|Lt|Col)\.|(?<=\w\s)[A-Z]\.(?=\s[A-Z][a-z])"
    r"|[A-Za-z][\w’'\-.]*[\w’']|[A-Za-z]|\S"
)
_NAME_RUN = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof)\.\s+)?[A-Z][\w’'\-.]*[\w’']"
    r"(?:\s+(?:(?:von|van|der|de|la|bin|al|da|du|le|del|dos)\s+|[A-Z]\.\s+(?=[A-Z]))*[A-Z][\w’'\-.]*[\w’'])*"
)
_NORP = {v.lower() for v in DEMONYMS.values()}
#: party words (one set: an earlier, wider copy was shadowed by this one at run time)
_PARTY_WORDS = {"democrat", "democratic", "republican", "independent", "gop"}
#: the offices a country's 'leader' holds
_LEADERS = {"president", "premier", "chancellor", "king", "queen", "prime", "emir", "chairman"}
#: nouns for a source the article does not name ('a source familiar with the talks', 'two senior officials')
_ANON_HEADS = (
    "sources?|officials?|persons?|people|insiders?|diplomats?|aides?|advisers?|advisors?|analysts?|lawmakers?|"
    "staffers?|employees?|observers?|witnesses|witness|residents?|experts?|spokes(?:man|woman|person)|"
    "representatives?|executives?|officers?|members?|investigators?|negotiators?|participants?|attendees?|"
    "co-?workers?|colleagues?|neighbou?rs?|friends?|relatives?|classmates?|workers?|students?|parents?|fans?|"
    "democrats?|republicans?"
)
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
#: 'the mayor's lawyer, Anna Berg' (a short description, then the person's name and the end of the phrase)
_DESC_THEN_NAME = re.compile(
    r"((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+),\s+([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3})(?=[,.;]|\s*$)"
)
#: when something was said, after the verb that closes a sentence ('…, officials said on Tuesday night.')
_WHEN = (
    r"(?:\s+(?:on|late|early|last|this|earlier|later)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|today|tonight|yesterday|week|weekend|morning|afternoon|evening|night))*"
)
#: a subordinate clause with a subject of its own ('after a guest on one of the network's shows called her')
_OWN_SUBJECT = re.compile(
    r"\b(?:after|before|when|because|since|although|though|until|once|while|whereas|if)\s+"
    r"(?=(?:a|an|the|his|her|their|its|one|some)\s)"
)
#: a clause's opening phrase of time or circumstance, up to its comma ('Thursday night, ', 'In a statement, ')
_INTRO_PHRASE = re.compile(
    r"\s*(?:(?:On|In|At|After|Before|Later|Earlier|Late|Early|Last|This|By|During)\b[^,;:“”\"]{0,40}|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)(?:\s+[a-z]+)?|"
    r"(?:[A-Z][a-z]*|\d+)(?:\s+[\w’']+){0,2}\s+(?:before|after|ago|earlier|later)\b[^,;:“”\"]{0,40}),\s+"
)  # ('Hours before Trump’s review announcement, ', 'A day after the suspension, ')
#: dates and kinds that qualify a document without naming who wrote it ('A September 2010 … report')
_DATE_WORD = re.compile(
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|"
    r"aug\.|sept?\.|oct\.|nov\.|dec\.|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"new|latest|recent|annual|internal|final|draft|joint|brief|written|\d{4}|\d{1,2}(?:st|nd|rd|th)?|\d+-page)"
)
#: what names a document's author right after it: 'a letter released Tuesday and signed by …', 'a memo from …'
_AUTHORED_BY = re.compile(r"(?:\s+[\w’'\-]+){0,5}?\s+(?:from|by|signed by|issued by|released by|sent by|written by)\s+")


def _skip_space(text: str, s: int, e: int) -> int:
    """The first position of ``text[s:e]`` that is not whitespace (``e`` when there is none)."""
    return s + len(text[s:e]) - len(text[s:e].lstrip())


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


#: an institution's unnamed speaker: '[a] [senior] White House [press] spokesman' (modifiers, institution, role)
_ORG_DESC = re.compile(
    r"(?:(?:the|a|an|The|A|An)\s+)?((?:[a-z][\w\-]*\s+){0,2})?"
    r"((?:[A-Z][\w.&’'\-]*\s+){0,4}[A-Z][\w.&’'\-]*)\s+((?:[a-z][\w\-]*\s+){0,2}(?:"
    + "|".join(sorted(_DESCRIPTORS))
    + r"))"
)
_ORG_WORDS = _ORG_HEADS | {
    "ministry",
    "foreign",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "reuters",
    "agency",
    "endowment",
    "program",
    "university",
    "nato",
    "nsc",
    "cnn",
    "bbc",
    "fox",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "npr",
    "associated",
    "xinhua",
    "white",
    "house",
    "senate",
    "congress",
    "democrats",
    "republicans",
    "gop",
    "fbi",
    "cia",
    "un",
    "eu",
    "commission",
    "kremlin",
}
_PLACES = {
    "china",
    "russia",
    "ukraine",
    "moscow",
    "beijing",
    "kyiv",
    "washington",
    "europe",
    "taiwan",
    "iran",
    "america",
    "u.s.",
    "u.s",
    "us",
    "u.k",
    "u.k.",
    "uk",
    "britain",
    "japan",
    "israel",
    "france",
    "germany",
    "india",
    "the",
}
_NORPS = {
    "chinese",
    "russian",
    "ukrainian",
    "american",
    "european",
    "western",
    "iranian",
    "saudi",
    "japanese",
    "british",
    "french",
    "german",
    "israeli",
    "palestinian",
    "muslim",
    "christian",
    "jewish",
    "indian",
    "african",
    "soviet",
    "korean",
    "taiwanese",
    "mexican",
    "canadian",
    "syrian",
    "iraqi",
    "afghan",
}
_PLACES |= _NORPS
_ROLEISH = (
    _DESCRIPTORS
    | _NORPS
    | {
        "foreign",
        "prime",
        "vice",
        "state",
        "house",
        "white",
        "deputy",
        "senior",
        "former",
        "top",
        "chief",
        "national",
        "security",
        "press",
        "of",
        "the",
    }
)
_STOPRUN = {
    "the",
    "a",
    "an",
    "some",
    "many",
    "it",
    "this",
    "that",
    "they",
    "we",
    "i",
    "you",
    "there",
    "but",
    "and",
    "in",
    "on",
    "when",
    "while",
    "after",
    "asked",
    "officials",
    "experts",
    "critics",
}
#: determiners, quantifiers and numbers that open a sentence and are never a speaker's name
_FUNCTION_OPENERS = {
    "one",
    "another",
    "their",
    "his",
    "her",
    "its",
    "our",
    "dozens",
    "hundreds",
    "thousands",
    "several",
    "close",
    "some",
    "many",
    "most",
    "few",
    "both",
    "each",
    "all",
    "such",
    "other",
    "others",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "nearly",
    "about",
    "almost",
    "more",
    "fewer",
    "half",
    "those",
    "these",
    "none",
    "neither",
    "either",
    "every",
    "only",
}
_OPEN_CTX = set(" \t\n([{—–-/:")
_CLOSE_CTX = set(" \t\n.,;:!?)]}—–-/")
_DOUBLE = '"“”„«»'


@dataclass
class _Raw:
    open: int  # index of opening mark
    close: int  # index of closing mark
    start: int  # content start
    end: int  # content end


def _mark_dir(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
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
    return opening, closing


def find_quoted(text: str, paras: list[tuple[int, int]]) -> list[_Raw]:
    """Pairs of quotation marks (straight or curly, mixed), allowing quotes that run over paragraphs."""
    out: list[_Raw] = []
    open_at: int | None = None
    for k, (ps, pe) in enumerate(paras):
        marks = [i for i in range(ps, pe) if text[i] in _DOUBLE]
        skip_first = False
        if open_at is not None:
            if marks and marks[0] == ps:
                skip_first = True  # continuation of a quote from the previous paragraph
            else:
                open_at = None
        for n, i in enumerate(marks):
            if skip_first and n == 0:
                continue
            opening, closing = _mark_dir(text, i, ps, pe)
            if open_at is None:
                if opening or not closing:
                    open_at = i
            elif closing or not opening:
                s, e = open_at + 1, i
                out.append(_Raw(open_at, i, s, e))
                open_at = None
            else:
                open_at = i  # unbalanced: restart at the new opening mark
        if open_at is not None:
            nxt = paras[k + 1][0] if k + 1 < len(paras) else None
            if nxt is None or text[nxt] not in _DOUBLE:
                open_at = None
    # single curly/straight quotes used as quotation marks in headlines: ‘trip for peace’
    for m in re.finditer(
        r"(?:(?<=\s)|(?<=^))[‘'](?=[A-Za-z])([^‘’'\n]{3,150}?[A-Za-z.!?,])[’'](?![A-Za-z])", text, re.M
    ):
        out.append(_Raw(m.start(), m.end() - 1, m.start(1), m.end(1)))
    out.sort(key=lambda r: r.open)
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    return s, e


# ---------------------------------------------------------------- attribution
@dataclass
class _Speaker:
    name: str | None
    role: str | None
    named: bool  # a real name (not a pronoun / unresolved description)


def _tokens(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), s + m.start(), s + m.end()) for m in _TOKEN.finditer(text[s:e])]


_FUNCTION_NP = {"the", "a", "an", "of", "for", "and", "her", "his", "its", "their"}


def _np_forward(text: str, s: int, e: int) -> tuple[int, int]:
    """The noun phrase (names, role words, possessives) starting at ``s``."""
    if age := re.match(r"\s*(?:(?:the|a|an)\s+)?\d{1,3}-year-old\s+(?=\w)", text[s:e], re.I):
        a = s + age.end()
        a += re.match(r"(?:[a-z][\w\-]*\s+){0,2}(?=[A-Z])|", text[a:e]).end()  # its description: 'protester'
        ns, ne = _np_forward(text, a, e)  # 'said 32-year-old protester Paris Kyriakides'
        return (s, ne) if ne > ns else (s, s)
    toks = _tokens(text, s, e)
    end = s
    if toks and toks[0][0].lower() in ("he", "she"):
        return toks[0][1], toks[0][2]
    for n, (tok, _ts, te) in enumerate(toks):
        low = tok.lower()
        if (
            tok[0].isupper()
            or tok.startswith("(")
            or low in _NP_LOWER
            or low in ("von", "der", "van", "de", "bin", "al")
        ):
            if low in _INTRO and n == 0 and not tok[0].isupper():
                break
            end = te
            continue
        if tok in ("’s", "'s"):
            end = te
            continue
        if (
            tok == "."
            and n > 0
            and (toks[n - 1][0].lower() in _TITLE_ABBR or re.fullmatch(r"[A-Z]", toks[n - 1][0]))
            and n + 1 < len(toks)
            and toks[n + 1][0][:1].isupper()
        ):
            end = te  # 'the Rev. Terry Lee', 'Gen. Mark Milley', 'John A. Boehner'
            continue
        nxt = [t for t, _, _ in toks[n + 1 : n + 4]]
        if (
            n == 0
            and tok.isalpha()
            and len(nxt) >= 2
            and nxt[0].lower() in _NP_LOWER - _FUNCTION_NP
            and nxt[1][0].isupper()
        ):
            end = te  # a modifier before a title and a name: 'youth pastor Stephen Lenahan'
            continue
        if (
            n == 0
            and tok.isalpha()
            and tok.islower()
            and len(nxt) >= 2
            and nxt[0][:1].isupper()
            and nxt[1][:1].isupper()
            and not tok.endswith("ly")
            and low not in _FUNCTION_NP | _INTRO | _PREPS | _LEADING | _SUBORD | _NOT_ROLE
            and not _VERB_RE.fullmatch(low)
        ):
            end = te  # a role word the lists lack before a full name: '…,” producer Bill Condon said'
            continue
        break
    return s, end


#: lower-case words that open a clause, not a role, before a name
_NOT_ROLE = frozenset({"and", "or", "nor", "but", "yet", "so", "then", "when", "as", "if", "while", "where", "who"})


def _abbreviation_goes_on(text: str, dot: int) -> bool:
    """The full stop at ``dot`` closes an abbreviation inside a phrase ('the U.S. attorney', 'the F.E.C.
    chairman', 'the U.S. Senate Judiciary Committee,', 'the No. 2 Democrat'), not a sentence: a dotted
    abbreviation followed by a lower-case word, or by capitalised words up to a comma; 'No.' before a number."""
    before, after = text[:dot], text[dot + 1 :]
    if re.search(r"\bNo$", before):
        return bool(re.match(r"\s+\d", after))
    if not re.search(r"(?:\b[A-Z]\.)+[A-Z]$", before):
        return False
    return bool(
        re.match(r"[ \t]+[a-z]", after)
        or re.match(r"[ \t]+[A-Z][\w’'\-]*(?:[ \t]+(?:of|for|and|the|on|[A-Z][\w’'\-]*))*[ \t]*(?:[,;)]|$)", after)
    )


def _appositive(text: str, s: int, hi: int) -> tuple[str | None, int]:
    """', a Chinese Foreign Affairs Ministry spokesman,' right after a name: the role as written."""
    m = re.match(r"\s*,\s*(?:[DRI][-–][A-Z][A-Za-z.]*(?:\s?[A-Z][a-z]*\.?)?,\s*)?", text[s:hi])
    if not m:
        return None, s
    a = s + m.end()
    rest = text[a:hi]
    first = re.match(r"[\w’'.\-]+", rest)
    if not first:
        return None, s
    w = first.group(0).lower()
    titled = first.group(0)[0].isupper() and re.match(
        r"[A-Z][\w’'\-]*\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(_DESCRIPTORS)) + r")\b", rest
    )
    one_of = re.match(r"one\s+of\s+(?:the|his|her|their|its)\s+", rest, re.I)  # 'one of the organizers of …'
    if not (w in ("a", "an", "the") or w in _NP_LOWER or titled or one_of):
        return None, s
    stop = None
    for st in re.finditer(r",|;|—|–|\.(?=\s|$)| who | which | and (?:said|added)", rest):
        if st.group(0) == "." and re.search(
            r"(?:\b[A-Z][a-z]+\s+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|St|Lt|Col|Rev|Prof|Sgt|Capt|Adm|Maj))$",
            rest[: st.start()],
        ):
            continue  # an initial or abbreviation: 'Speaker John A. Boehner', 'St. Louis'
        if st.group(0) == "." and _abbreviation_goes_on(rest, st.start()):
            continue  # 'the U.S. attorney for …', 'the F.E.C. chairman', 'the No. 2 Democrat'
        if st.group(0) == "," and re.match(r",\s*(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,}),", rest[st.start() :]):
            continue  # a city's state: 'the Kansas City, Mo., branch', 'the Washington, D.C., police'
        if (
            st.group(0) == ","
            and re.search(r"\b[A-Z][a-z]+,\s*[A-Z][a-z]{1,4}\.$", rest[: st.start()])
            and re.match(
                r",\s*(?:[a-z]+\s+)?(?:branch|chapter|office|bureau|division|unit|area|region)\b", rest[st.start() :]
            )
        ):
            continue  # the comma after that state, before what it locates: 'Kansas City, Mo., branch'
        stop = st
        break
    e = a + (stop.start() if stop else len(rest))
    role = text[a:e].strip()
    if len(role) > 140 or len(role.split()) < 1 or _VERB_RE.search(role):
        return None, s
    role = re.sub(r"^(?:a|an|the)\s+", "", role)
    return role, e


_NAME_LABELS = {"ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_TITLE_ABBR = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "sens",
    "rep",
    "reps",
    "gov",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "prof",
    "rev",
    "st",
    "jr",
    "sr",
    "u.s",
    "u.n",
    "d.c",
    "no",
    "vs",
    "inc",
    "corp",
    "co",
    "ltd",
    "maj",
}


def _after_title(text: str, pos: int) -> bool:
    """``pos`` follows a title abbreviation ('Sgt. |Fanning'), whose full stop ends no sentence."""
    m = re.search(r"\b(\w+)\.\s+$", text[max(0, pos - 12) : pos])
    return bool(m and m.group(1).lower() in _TITLE_ABBR)


#: a description written before a name, then its comma ('Obama's current campaign press secretary, Ben
#: LaBolt'; 'Another leading Dem, Sen. Kirsten Gillibrand'; 'BuzzFeed’s editor in chief, Ben Smith'): up
#: to eight words after an optional conjunction; shared by titles, descriptions and pre-appositives
_DESC_COMMA = r"(?:(?:And|But|Yet|So|Then|Meanwhile|Also)\s+)?([A-Za-z][\w’'.\-]*(?:[ \t]+[\w’'.\-]+){0,7}),[ \t]+"
#: the same right before a name, opening a sentence or line (one or two spaces after a full stop are common
#: in scraped text) or following a comma
_DESC_BEFORE_NAME = re.compile(rf"(?:^|(?<=[.!?”\"]\s)|(?<=[.!?”\"]\s\s)|(?<=\n)|(?<=,\s)){_DESC_COMMA}$")


def _role_before(text: str, pos: int) -> str | None:
    """'Chinese Foreign Minister Qin Gang': the title words right before a name."""
    window = text[max(0, pos - 120) : pos]
    cut = 0
    for b in re.finditer(r"(\S+?)[.!?][\"”’]?\s+(?=\S|$)", window):  # never across a sentence end ('… McCaul. Clinton')
        word = b.group(1).lower().strip('("“')
        if word not in _TITLE_ABBR and not re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]?", word):
            cut = b.end()  # offsets are into the uncut window: cut once, at the last sentence end
    window = window[cut:]
    m = re.search(
        r"((?:[A-Z][\w’'.\-]*|[a-z]+|\([A-Z]+\))(?:[ \t]+(?:[A-Z][\w’'.\-]*|[a-z]+|\([A-Z]+\))){0,7})\s+$", window
    )
    if not m:
        return None
    words = m.group(1).split()
    keep: list[str] = []
    for w in reversed(words):
        lw = w.lower().strip("()’'")
        if w[0].isupper() or w.startswith("(") or lw in _NP_LOWER and lw not in ("the", "a", "an", "her", "his", "its"):
            keep.insert(0, w)
        else:
            break
    while keep and (keep[0].lower() in ("of", "for", "and") or re.fullmatch(r"\w+(?:ing|[’']s|[’']re)", keep[0])):
        keep.pop(0)  # '… for', 'Saying President Obama', 'It’s Senator Schumer'
    role = " ".join(keep)
    if role and any(w in _DESCRIPTORS for w in _expand_role(role).split()):
        return role
    m = _DESC_BEFORE_NAME.search(text[max(0, pos - 120) : pos])
    if (
        m
        and re.search(rf"\b(?:{'|'.join(sorted(_DESCRIPTORS | _PARTY_NOUNS))})(?:\s+in\s+chief)?$", m.group(1).lower())
        and not _VERB_RE.search(m.group(1))
    ):
        return m.group(1)  # 'BuzzFeed’s editor in chief, Ben Smith, said'
    return None


def _np_backward(text: str, lo: int, verb: int) -> tuple[int, int, bool] | None:
    """The subject right before a speech verb ('…the U.S. warned'), or None after a comma (appositive)."""
    seg = text[lo:verb]
    seg2 = re.sub(
        r"(?:\s+(?:later|also|then|now|still|has|had|have|once|again|previously|recently|repeatedly|on|last|this|"
        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|night|"
        r"morning|afternoon|evening|[a-z]\w*ly))+\s*$",  # not 'Entertainment Weekly confirmed': a name, no adverb
        "",
        seg.rstrip(),
    )
    end = lo + len(seg2)
    if end <= lo or text[end - 1] in ",;:":
        return None
    toks = list(_TOKEN.finditer(seg2))
    start = end
    for m in reversed(toks):
        tok = m.group(0)
        low = tok.lower()
        if low in ("he", "she") and start == end:
            return lo + m.start(), end, False
        if tok[0].isupper() or tok.startswith("(") or low in _NP_LOWER or tok in ("’s", "'s") or low in ("von", "der"):
            start = lo + m.start()
            continue
        break
    while start < end and text[start:end].lower().startswith(("of ", "for ", "and ")):
        start = text.index(" ", start) + 1
    return start, end, False


_PREPS = {
    "at",
    "to",
    "with",
    "by",
    "from",
    "of",
    "for",
    "on",
    "in",
    "about",
    "against",
    "after",
    "before",
    "when",
    "asked",
    "ask",
    "told",
    "tell",
    "urging",
    "urged",
    "called",
    "than",
    "like",
    "as",
    "into",
    "over",
    "toward",
    "towards",
    "and",
    "or",
    "between",
    "among",
    "under",
    "prompted",
    "thanked",
    "criticized",
    "attacked",
    "sent",
    "sends",
    "gave",
    "handed",
    "addressed",
    "invited",
    "accused",
    "blamed",
}


def _np_start(text: str, lo: int, pos: int) -> int:
    """Extend a mention at ``pos`` back over its title words ('Democratic presidential hopeful Hillary Clinton')."""
    start = pos
    for m in reversed(list(_TOKEN.finditer(text[lo:pos]))):
        tok = m.group(0)
        low = tok.lower()
        if low in _PREPS or low in ("the", "a", "an"):
            break
        if tok[0].isupper() or low in _NP_LOWER or low in _NORPS or low in ("presidential", "hopeful"):
            start = lo + m.start()
            continue
        break
    return start


_ABBR = {
    "sen": "senator",
    "sens": "senator",
    "gov": "governor",
    "rep": "representative",
    "reps": "representative",
    "gen": "general",
    "congressman": "congressman representative",
    "congresswoman": "congresswoman representative",
}


def _expand_role(role: str) -> str:
    """Lower-cased role words with abbreviations and party tags spelled out ('R-Utah' -> 'republican')."""
    role = re.sub(r"\bD[-–][A-Z][\w.]*", " democrat ", role)
    role = re.sub(r"\bR[-–][A-Z][\w.]*", " republican ", role)
    out = []
    for w in re.findall(r"[\w’'\-]+", role.lower()):
        out.append(_ABBR.get(w, w))
        if w in ("democratic", "democrats", "dem"):
            out.append("democrat")
        if w in ("republicans", "gop"):
            out.append("republican")
    return " ".join(out)


#: party nouns that describe a person on their own ('Another leading Dem, Sen. Kirsten Gillibrand')
_PARTY_NOUNS = {"dem", "democrat", "republican", "independent", "conservative", "liberal", "progressive"}


def _describes(desc: str) -> bool:
    """A description of a person ('Obama's current campaign press secretary', 'Another leading Dem'):
    it ends in an office or party noun and holds no verb."""
    words = _expand_role(desc).split()
    head = _expand_role(re.split(r"\s+of\s+", desc, maxsplit=1)[0]).split()
    of_office = " of " in desc and bool(head) and head[-1] in _DESCRIPTORS | {"head"}  # 'the head of the … service'
    return (
        bool(words)
        and (words[-1] in _DESCRIPTORS | _PARTY_NOUNS or of_office)
        and not _VERB_RE.search(desc)
        and len(words) <= 8
        and not _AUX.search(desc)
    )


#: 'DESCRIPTION, Name(, appositive),' written before the name: the description is the role
_PRE_APPOS = re.compile(
    rf"\s*{_DESC_COMMA}"
    r"((?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)?\.?[ \t]*[A-Z][^,;:“”\"]{1,60}?)"
    r"(,[ \t]+[^,;:“”\"]{1,120}?)??,[ \t]*"
)


def _party_tag(text: str, pe: int) -> str | None:
    """'Sen. Mitt Romney, R-Utah,' / 'Nancy Pelosi (D-Calif.)': the party-state tag after a name."""
    m = re.match(r"\s*[,(]\s*((?:D|R|I)[-–][A-Z][A-Za-z.]*(?:\s?[A-Z][a-z]*\.?)?)\s*[,)]?", text[pe : pe + 30])
    return m.group(1).rstrip(",") if m else None


#: speech verbs whose subject is the speaker (not 'called', 'described', 'read': 'a charity called “Smiles for Life”')
_SAY = (
    "said|says|told|tells|added|adds|wrote|writes|stated|states|noted|notes|announced|warned|warns|argued|argues|"
    "claimed|claims|explained|insisted|insists|tweeted|responded|replied|acknowledged|confirmed|declared|urged|"
    "testified|concluded|countered|cautioned|predicted|suggested"
)
_COMMON_SUBJ = re.compile(rf"((?:the|a|an)\s+(?:[a-z][\w\-]*\s+){{0,2}}[a-z][\w\-]*)\s+(?:\w+ly\s+)?({_SAY})\b")
_DESC_OR_ORG = re.compile(
    r"\b(?:"
    + "|".join(sorted(_DESCRIPTORS | _ORG_HEADS | _NP_LOWER - {"the", "a", "an", "of", "for", "and"}))
    + r"|statement|letter|suit|lawsuit|ad|advertisement|resolution|report|memo)s?\b"
)
_DOC_SYNONYMS = [
    {"statement", "release"},
    {"letter"},
    {"suit", "lawsuit", "complaint", "filing"},
    {"ad", "advertisement", "commercial", "spot"},
    {"resolution"},
    {"memo", "memorandum"},
    {"petition"},
    {"report", "study"},
]
_DOC_NP = re.compile(
    r"(?:the|The|a|A|its|Its|their|Their|this|This)\s+(?:[\w’'\-]+\s+){0,2}?("
    + "|".join(sorted(set().union(*_DOC_SYNONYMS)))
    + r")\b"
)


#: head nouns of a group or institution that 'the …' can stand for ('the campaign said' -> the Obama campaign)
_GROUP_HEADS = {
    "campaign",
    "department",
    "committee",
    "administration",
    "agency",
    "party",
    "company",
    "group",
    "organization",
    "organisation",
    "coalition",
    "association",
    "union",
    "council",
    "commission",
    "ministry",
    "government",
    "board",
    "bureau",
    "office",
    "firm",
    "caucus",
    "court",
    "hospital",
    "university",
    "church",
    "movement",
    "foundation",
    "institute",
    "embassy",
    "network",
    "newspaper",
}
#: heads general enough to stand for any organisation named before ('The NAACP … The group called …')
_ANY_ORG_HEADS = {"group", "organization", "organisation", "company", "firm", "coalition", "movement"}
_GROUP_DESC = re.compile(
    r"(?:the|its|their|The|Its|Their)\s+(?:[a-z][\w\-]*\s+)?(" + "|".join(sorted(_GROUP_HEADS)) + r")"
)
#: a word that can be a finite verb right after a subject ('The NAACP adopted', 'The group has drafted',
#: 'the group wrote'), unlike the noun of 'The GOP front-runner' or 'Fox News host'
_VERBISH = re.compile(
    r"\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|es)|[a-z]{3,}[^s\W]s|has|had|have|is|was|are|were|will|would|"
    r"can|could|may|might|must|wrote|said|says|told|made|took|gave|sent|put|spoke|began|went|came|"
    r"did|does|won|lost|held|left|brought|sought|found|saw|ran|led|got|kept|also|again|then)\b"
)
_NAME_LEAD = {
    "the",
    "a",
    "an",
    "but",
    "and",
    "in",
    "on",
    "at",
    "as",
    "after",
    "when",
    "while",
    "if",
    "then",
    "so",
    "by",
    "for",
    "from",
    "with",
    "to",
    "of",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
}


#: a reply: its speaker is not the one who asked ('His response:', 'he replied', 'she shot back')
_RESPONSE = re.compile(
    r"^\S+\s+(?:\w+ly\s+)?(?:response|reply|answer|retort)\b|^\S+\s+(?:\w+ly\s+)?(?:responded|replied|answered|retorted|"
    r"countered|shot back|fired back)\b"
)
#: 'The communications pro' opening a clause: lower-case modifiers, then the head noun
_DEF_DESC = [
    re.compile(
        rf"[ \t]*(?:(?:And|But|Yet|So|Then|Meanwhile|Later|Still)[ \t]+)?(?:The|the)[ \t]+((?:[a-z][\w\-]*[ \t]+){{{n}}})"
        r"([a-z][\w\-]*)\b"
    )
    for n in range(4)
]
#: words that end a description ('the idea that he served'): pronouns, determiners, conjunctions, prepositions
_FUNCTION_WORDS = (
    _NAME_LEAD
    | _PRONOUNS
    | _INTRO
    | _PREPS
    | _FUNCTION_OPENERS
    | {
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "it",
        "they",
        "we",
        "i",
        "you",
        "she",
        "them",
        "not",
        "no",
        "than",
        "or",
    }
)
#: suffixes of abstract and action nouns, which never head a description of a person (English morphology)
_ABSTRACT = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ure|ing|ism|ship|age|osal|oval|ics)$")
#: heads of a definite description that are no single person: offices, groups, documents
_NOT_PERSON_HEADS = (
    _DESCRIPTORS
    | _ORG_HEADS
    | _GROUP_HEADS
    | set().union(*_DOC_SYNONYMS)
    | {"first", "same", "other", "latter", "former"}
)


def _person_name(name: str) -> bool:
    return not _looks_org(name) and name[:1].isupper()


def _looks_org(run: str) -> bool:
    toks = [t.lower().strip(".’'()") for t in run.split()]
    toks = [t[:-2] if t.endswith(("’s", "'s")) else t for t in toks]
    return any(t in _ORG_WORDS for t in toks) or all(t in _PLACES for t in toks)


class _Attributor:
    """Turns an attribution phrase into (speaker, role) using the article's names and roles."""

    def __init__(self, text: str, ents: list[Entity], index: NameIndex, paras: list[tuple[int, int]]) -> None:
        self.text = text
        self._paras = [p[0] for p in paras]  # paragraph starts: the window of pronouns, documents, party words
        self.ents = ents
        self.index = index
        self.last_person: tuple[int, str] | None = None
        self.sentences: list[Sentence] = []
        self.quoted: list[tuple[int, int]] = []  # (open, close) of every quotation
        self.speakers: list[tuple[int, str]] = []  # (quote open, speaker) attributed so far
        self._gender: dict[str, str] | None = None
        self._salient: list[tuple[int, str]] | None = None
        self._lede: dict[str, list[str]] | None = None
        self.people = [(e.start, e.end, e.canonical or e.text) for e in ents if e.label == "PERSON"]
        #: every description the article gives a person ('Indiana Gov.', 'R-Utah', 'the senator'), for coreference
        self.all_roles: dict[str, str] = {}
        self.party: dict[str, str] = {}  # 'Mitt Romney' -> 'R-Utah'
        self.titles: dict[str, str] = {}  # 'Elijah Cummings' -> 'Rep.' (the title written before the name)
        #: every good title and appositive of each person's mentions, in text order, merged into quote roles
        self.descs: dict[str, list[str]] = {}
        self.sources: list[tuple[int, str]] = []  # (position, 'one union official'): unnamed sources quoted so far
        self._its: list[tuple[str, str, int]] = []  # (person, description, position) to resolve 'its' in later
        for ps, pe, name in self.people:
            title = _role_before(text, ps)
            appos = _appositive(text, pe, min(len(text), pe + 200))[0]
            role = title or appos
            full = index.resolve(name, ps)
            ts = ps - len(title) - 1 if title and text[max(0, ps - len(title) - 1) : ps].strip() == title else ps
            pre = _DESC_BEFORE_NAME.search(text[max(0, ts - 100) : ts])
            pre_d = None
            if (
                pre
                and _describes(pre.group(1))
                and pre.group(1).split()[0].lower() not in _INTRO | _PREPS | _LEADING
                and not re.search(r"\band\s+(?:his|her|their|its)\b", pre.group(1))
            ):  # 'Trump and his lawyer, John Dowd'
                pre_d = re.sub(r"^(?:the|a|an|The|A|An|Mr\.|Mrs\.|Ms\.)\s+", "", pre.group(1))
                self._its.append((full, pre_d, ts))
            # ('Another leading Dem, Sen. Kirsten Gillibrand': the description before the name and its title)
            for d in (
                title if title and _good_title(title) else None,
                appos if appos and _good_appositive(appos) else None,
                pre_d,
            ):
                if d and d not in self.descs.setdefault(full, []):
                    self.descs[full].append(d)
            if title and len(title.split()) <= 4:
                self.titles.setdefault(full, title)
            if role and any(w in _DESCRIPTORS for w in _expand_role(role).split()):
                index.add(full, ps, role)
            tag = _party_tag(text, pe)
            if tag:
                self.party.setdefault(full, tag)
            for r in (role, tag):
                if r:
                    self.all_roles[full] = f"{self.all_roles.get(full, '')} {r}".strip()
        # surnames the NER missed or tagged as ORG/GPE ('Fox', 'Lauten', 'Bloomberg') once the full name is known
        surnames = {surname(n) for _, n in index.mentions if surname(n)[:1].isupper() and len(surname(n)) > 2}
        # a full name's first word that the NER tagged as a name of another kind: the family name of a
        # name written family name first ('China’s spokesman Wang' for Wang Wenbin, NER: ORG)
        firsts = {n.split()[0] for _, n in index.mentions if len(n.split()) >= 2 and len(n.split()[0]) > 2}
        surnames |= {x.text for x in ents if x.label in _NAME_LABELS and x.text in firsts}
        taken = [(ps, pe) for ps, pe, _ in self.people]
        extra = []
        if surnames:
            for m in re.finditer(
                r"\b(" + "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True)) + r")\b", text
            ):
                if any(ts <= m.start() < te for ts, te in taken):
                    continue
                if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
                    continue  # 'Trump Tower', 'Fox News'
                # a surname two people share resolves by its honorific, then by recency
                extra.append(
                    (m.start(), m.end(), index.resolve(m.group(1), m.start(), honorific_gender("", text, m.start())))
                )
        self.people = sorted(self.people + extra)

    def _person_like(self, s: int, e: int, run: str) -> bool:
        for ps, pe, _ in self.people:
            if ps < e and pe > s:
                return True
        if any(x.start < e and x.end > s for x in self.ents if x.label in ("GPE", "LOC", "NORP")):
            return False  # 'the lawsuit from Nebraska and Oklahoma'

        if _looks_org(run) or all(t.lower().strip(".’'") in _ROLEISH for t in run.split()):
            return False
        if (
            len(run.split()) == 1
            and not self.index.candidates(run)
            and (run.lower() in _FUNCTION_OPENERS or run.endswith("ing"))
            and (s == 0 or re.search(r"(?:[.!?”\"]\s+|\n)$", self.text[max(0, s - 3) : s]))
            and not _after_title(self.text, s)  # 'Sgt. Fanning' ends in 'ing' but opens no sentence
        ):
            return False  # a capital that only opens a sentence ('Close to three dozen House Democrats', 'Noting that')
        stripped = strip_name(run)
        return (
            bool(stripped)
            and stripped.lower() not in _PLACES
            and not any(t.lower() in _ORG_WORDS for t in stripped.split())
        )

    def from_np(self, s: int, e: int, pos: int, allow_appositive: bool = True) -> _Speaker | None:
        text = self.text
        np = text[s:e]
        if not np.strip():
            return None
        low = np.strip().lower()
        dm = _DOC_NP.match(text, s)
        if dm and len(low.split()) <= len(dm.group(0).split()):
            return self.document(dm.group(1).lower(), s)
        if joint := self._joint(s, e, pos):
            return joint
        if low in _PRONOUNS or low.split()[0] in ("his", "her") and len(low.split()) <= 3:
            # antecedents precede the pronoun; an answer is never to one's own question ('Vieira asked
            # Trump, “…?” His response: “…”'), so the asker is not the responder
            answer = _RESPONSE.search(f"{low} {text[e : e + 30].lower()}")
            last = self.speakers[-1] if answer and self.speakers else None
            asked = last and any(q0 == last[0] and text[q0:q1].rstrip("”\"’' ").endswith("?") for q0, q1 in self.quoted)
            last = last[1] if asked else None
            name = self.resolve_pronoun(min(pos, s), low.split()[0], exclude=last)
            rest = np.strip(" ,").split(None, 1)[1:] if low not in _PRONOUNS else []
            if rest and rest[0].split()[-1].lower() not in _SOMEONE_ELSE:
                rest = []  # 'His response:', 'her official site': the person's own words
            if rest and name:  # 'her agent said': the agent of the person 'her' stands for, not that person
                return _Speaker(f"{name}’s {rest[0]}", None, False)
            return _Speaker(name, self.index.role_of(name) if name else None, False)
        # head segment: a name before "of/at/for" belongs to the head, the rest is role
        seg_re = re.compile(r"\s+(?:of|at|for|from|with)\s+")
        segs: list[tuple[int, int]] = []
        pos0 = s
        for m in seg_re.finditer(np):
            segs.append((pos0, s + m.start()))
            pos0 = s + m.end()
        segs.append((pos0, e))
        for k, (ss, se) in enumerate(segs):
            runs = [(ss + m.start(), ss + m.end(), m.group(0)) for m in _NAME_RUN.finditer(text[ss:se])]
            person = None
            for rs, re_, run in runs:
                tail = text[re_:se].lower().split()
                if tail and any(t.strip(",") in _DESCRIPTORS or t.strip(",") in _ORG_HEADS for t in tail):
                    continue  # modifier: "the Putin aide", "the Chinese government"
                run = re.sub(r"^(?:The|A|An|Some|Many|Other|Both|All|This|That|These|Those)\s+", "", run)
                if not run or run.lower() in _STOPRUN or run.lower() in _TITLE_ABBR and text[re_ : re_ + 1] == ".":
                    continue  # 'Sgt. Fanning said': the title is no name (the NER tags 'Sgt' PERSON)
                rs = re_ - len(run)
                words = run.split()
                # drop leading role words inside the run: "European Commission President Ursula von der Leyen"
                cut = 0
                for i, w in enumerate(words[:-1]):
                    if w.lower().strip(".") in _DESCRIPTORS or w.lower() in ("foreign", "prime", "vice", "state"):
                        cut = i + 1
                if cut:
                    off = text.index(words[cut], rs)
                    rs, run = off, text[off:re_]
                if re.match(r"[DRI][-–][A-Z]", run):
                    continue  # a party-state tag '(R-Minn.)', never a name
                if self._person_like(rs, re_, run):
                    person = (rs, re_, run)
            if person:
                rs, re_, run = person
                if re.search(r"\s(?:and|&)\s*$", text[s:rs]) and re.search(r"[A-Z]", text[s:rs]):
                    # 'Salazar and Lock said': two speakers, one the NER missed; as written, not 'Lock' in the role 'Salazar'
                    self.index.add(self.index.resolve(run, pos), rs, None)  # 'Cleaver' later is still Emanuel Cleaver
                    return _Speaker(re.sub(r"^(?:the|The)\s+", "", text[s:re_].strip(" ,")), None, False)
                role = text[s:rs].strip(" ,")
                role = re.sub(r"^(?:the|a|an|The|A|An)(?:\s+|$)", "", role) or None
                if k > 0 or re_ < e:
                    tail = text[re_:e].strip(" ,")
                    if tail and k > 0:
                        role = ((role + " ") if role else "") + tail
                if role and not re.search(r"[A-Za-z]", role):
                    role = None
                if allow_appositive and (not role or len(role.split()) <= 2):
                    appos, _ = _appositive(text, e, min(len(text), e + 200))
                    if appos and role:
                        role = f"{role}, {appos}"  # 'Representative' + 'Democrat of Massachusetts'
                    elif appos:
                        role = appos
                full = self.index.resolve(run, pos)
                full = self.index.add(full, rs, role) or full
                role = role or self.index.role_of(full)
                self.last_person = (rs, full)
                return _Speaker(full, role, True)
        # no person: an institution ("the Kremlin") or a description ("the NSC spokesman")
        gm = _GROUP_DESC.fullmatch(np.strip())
        if gm:  # 'the campaign' -> the campaign the article named
            found = self.group(gm.group(1).lower(), min(pos, s))
            if found:
                return found
        words = [w.lower().strip(",.’'") for w in np.split()]
        heads = [w for w in words if w in _DESCRIPTORS]
        if heads:
            found = self._describe(heads[-1], words, pos)
            a, b = s + len(np) - len(np.lstrip(" ,")), e - len(np) + len(np.rstrip(" ,"))
            unnamed = self._institution(_ORG_DESC.fullmatch(text, a, b))
            if unnamed and (
                not found
                or words[0] in ("a", "an")  # 'a BuzzFeed spokesman' is someone new unless the role says so
                and not set(unnamed.name.lower().split()) <= set(f"{found.name} {found.role or ''}".lower().split())
            ):
                return unnamed
            anon = _anonymous(np)
            if anon and not _says_who(found, words, heads[-1]):
                return anon  # 'a senior official said': someone new, unless the article's role says who
            if found:
                return found
        bare = np.strip(" ,")
        if re.fullmatch(rf"(?:[\w’'.\-]+\s+)+(?:{_GROUP_PEOPLE})", bare) and bare.split()[-1].islower():
            # an institution's people, unnamed: 'Senior White House officials', 'Democratic lawmakers' as written
            return _Speaker(re.sub(r"^(?:(?:the|The|But|And|Yet|So)\s+)+", "", bare), None, False)
        pm = re.fullmatch(
            r"\s*((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)([’']s\s+[a-z][\w\s]*)", np
        )
        if pm and re.match(r"(?:Mr|Mrs|Ms|Dr)\.", pm.group(1)):
            return _Speaker(bare, None, False)  # 'Mr. Seel’s office': a person's office, as written
        if pm and (
            self.index.candidates(pm.group(1)) or strip_name(pm.group(1)) in {n for _, n in self.index.mentions}
        ):  # 'New York Republican Rep. Michael Grimm's attorney'; 'Michael Cohen's attorney' at his first mention
            return _Speaker(f"{self.index.resolve(pm.group(1), pos)}{pm.group(2).rstrip()}", None, False)
        if words and words[0] in _ANON_DETS and (anon := _anonymous(np)):
            return anon  # 'said one prominent centrist Democrat': someone unnamed, the party word is no name
        if any(w in _ORG_HEADS for w in words) or any(
            _looks_org(m.group(0)) for m in _NAME_RUN.finditer(np) if m.group(0).lower() not in _STOPRUN
        ):
            org = normalize_org(re.split(r"\s+and\s+", np.strip(" ,"))[0])
            return _Speaker(org, None, True) if re.search(r"[A-Z]", org) and org.lower() not in _STOPRUN else None
        runs = list(_NAME_RUN.finditer(np))
        if runs and not heads:
            run = runs[0].group(0)
            rs = s + runs[0].start()
            named = any(
                x.start < rs + len(run) and x.end > rs for x in self.ents if x.label in _NAME_LABELS
            )  # not a CARDINAL/DATE ('Close to three dozen')
            if (
                named
                and strip_name(run).lower() not in _PLACES
                and run.lower() not in _STOPRUN
                and not re.match(r"[DRI][-–][A-Z]", run)
            ):  # an entity the NER saw, not 'Close to three dozen'
                return _Speaker(normalize_org(run), None, True)
        return _anonymous(np) or _counted_group(np)

    def party_descriptions(self) -> None:
        """Party words the article gives a person through a description or their own sentence, added to
        their descriptions: 'New Jersey Sen. Bob Menendez … The Democratic senator also said …' (the only
        senator named in the last paragraphs) and 'Florida Sen. Marco Rubio took a positive view, like his
        fellow Republicans'.  Only what the article says: no party lists."""
        for full, d, at in self._its:  # 'its editor' -> 'BuzzFeed News editor' (needs the sentences)
            if d in self.descs.get(full, []) and (named := self.its(d, at)) != d:
                self.descs[full][self.descs[full].index(d)] = named
        heads = "|".join(sorted(_DESCRIPTORS))
        pat = re.compile(
            rf"\b[Tt]he\s+((?:[A-Z][\w.\-]*\s+)?(Democratic|Republican|GOP|Democrat)\s+(?:[a-z]+\s+)?({heads}))\b"
        )
        for m in pat.finditer(self.text):
            if (
                any(q0 < m.start() < q1 for q0, q1 in self.quoted)
                or re.search(r",\s*$", self.text[max(0, m.start() - 3) : m.start()])
                or re.match(r",\s+[A-Z]", self.text[m.end() : m.end() + 3])
            ):
                continue  # an appositive ('Nancy Pelosi of California, the Democratic leader,') is somebody's own
            party = "democrat" if m.group(2).startswith("Democrat") else "republican"
            lo = self._paras[max(0, bisect.bisect_right(self._paras, m.start()) - 3)] if self._paras else 0
            fits = set()
            for p, _e, c in self.people:
                if lo <= p < m.start():
                    full = self.index.resolve(c, p)
                    roles = _expand_role(
                        f"{self.index.role_of(full) or ''} {self.all_roles.get(full, '')} "
                        f"{' '.join(self.descs.get(full, []))}"
                    ).split()
                    if m.group(3).lower() in roles:
                        fits.add((full, party in roles or ({"democrat", "republican"} - {party}) & set(roles) == set()))
            if len({f for f, _ in fits}) == 1 and all(ok for _, ok in fits):
                full = next(iter(fits))[0]
                if m.group(1) not in self.descs.setdefault(full, []):
                    self.descs[full].append(m.group(1))
        for sent in self.sentences:
            fm = re.search(r"\b(?:his|her)\s+fellow\s+(Democrats|Republicans)\b", sent.text)
            if not fm:
                continue
            subj = [n for p, n in self.salient() if sent.start <= p < sent.start + fm.start()]
            if subj:
                d = fm.group(1)[:-1]
                if d not in self.descs.setdefault(subj[0], []):
                    self.descs[subj[0]].append(d)

    def _sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding ``pos``, if any."""
        return next((x for x in self.sentences if x.start <= pos < x.end), None)

    def its(self, desc: str, pos: int) -> str:
        """'its editor' in 'BuzzFeed News maintained that its report was accurate, its editor, Ben Smith,
        said' -> 'BuzzFeed News editor': 'its' is the organisation that opens the sentence, if one does."""
        if not re.match(r"[Ii]ts\s", desc):
            return desc
        sent = self._sentence_at(pos)
        org = self._org_at(sent.start, pos) if sent else None
        return f"{org.text} {desc[4:]}" if org else desc

    def _org_opening(self, s: int, e: int) -> _Speaker | None:
        """The organisation (NER ORG) or 'the <group>' at the very start of ``text[s:e]``, followed by a
        lower-case word (its verb), as a speaker; None otherwise."""
        text = self.text
        lead = re.match(r"\s*(?:(?:But|And|Yet|So|Still|Meanwhile|Now|Then|Later|Also)\s+)?", text[s:e])
        a = s + lead.end()
        gm = _GROUP_DESC.match(text, a, e)
        if gm and _VERBISH.match(text, gm.end(), min(e, gm.end() + 30)):
            return self.group(gm.group(1).lower(), a)
        x = self._org_at(a, e)
        if x is None and (im := _INTRO_PHRASE.match(text, a, e)):
            return self._org_opening(im.end(), e)  # 'Hours before the announcement, the FWS defended …'
        return _Speaker(normalize_org(x.text), None, True) if x else None

    def _org_at(self, a: int, e: int) -> Entity | None:
        """The ORG entity that opens ``text[a:e]`` ('The nearby St. Louis Tea Party had …') as its subject."""
        text = self.text
        art = re.match(r"(?:The|the)\s+(?:[a-z]+\s+)?", text[a:e])
        for x in self.ents:
            if (
                x.label == "ORG"
                and x.start in (a, a + (art.end() if art else 0))
                and x.end <= e
                and _VERBISH.match(text, x.end, min(len(text), x.end + 30))
                and not any(ps < x.end and pe > x.start for ps, pe, _ in self.people)
            ):
                return x
        return None

    def group(self, head: str, pos: int) -> _Speaker | None:
        """'the campaign' / 'the department' / 'the group' -> the latest earlier group the article names
        with that head ('the Obama campaign', 'the Justice Department'), or for a general head such as
        'group' the latest organisation named before; never one named only inside a quote."""
        text = self.text
        lo = max(0, pos - 3000)
        best: tuple[int, str] | None = None
        for m in re.finditer(rf"((?:[A-Z][\w.&’'\-]*[ \t]+){{1,5}})(?i:{head})\b", text[lo:pos]):
            words = m.group(1).split()
            while words and words[0].lower() in _NAME_LEAD:
                words.pop(0)
            start = lo + m.start(1)
            if not words or any(q0 < start < q1 for q0, q1 in self.quoted):
                continue
            if any(ps <= start < pe for ps, pe, _ in self.people) and len(words) == 1 and words[0][-2:] in ("’s", "'s"):
                continue  # 'Trump’s campaign' is the person's, kept as written below
            name = " ".join([*words, m.group(0).split()[-1]])
            best = (start, name)
        if head in _ANY_ORG_HEADS:  # the latest organisation that was a sentence's subject
            for sent in self.sentences:
                if sent.start < lo or sent.start >= pos:
                    continue
                x = self._org_at(sent.start, min(sent.end, pos))
                if x and (best is None or x.start > best[0]):
                    best = (x.start, re.sub(r"^(?:the|The)\s+", "", x.text))
        return _Speaker(best[1], None, True) if best else None

    def _joint(self, s: int, e: int, pos: int) -> _Speaker | None:
        """'Nancy Pelosi and Chuck Schumer said', 'China’s Foreign Ministry and the Kremlin said': both speak,
        so both are the speaker (it was the second, with the first as its 'role', or the first alone).  Only
        two people, or two organisations the NER saw, joined by 'and'."""
        text = self.text
        jm = re.fullmatch(r"\s*(.+?),?\s+(?:and|&)\s+(.+?)[\s,]*", text[s:e])
        if not jm or " and " in jm.group(1) or " and " in jm.group(2):
            return None
        parts = [(s + jm.start(k), s + jm.end(k)) for k in (1, 2)]

        def org(a: int, b: int) -> str | None:
            lead = re.match(r"(?:the|The)\s+", text[a:b])
            a += lead.end() if lead else 0
            if any(ps < b and pe > a for ps, pe, _ in self.people) or not re.match(r"[A-Z]", text[a:b]):
                return None
            ok = _looks_org(text[a:b]) or any(
                x.label in ("ORG", "GPE") and x.start >= a and abs(x.end - b) <= 1 for x in self.ents
            )  # 'China’s Foreign Ministry', 'the Kremlin', 'Beijing'
            return normalize_org(text[a:b]) if ok else None

        orgs = [org(a, b) for a, b in parts]
        if all(orgs):
            return _Speaker(f"{orgs[0]} and {orgs[1]}", None, True)
        if all(
            any(ps <= a and b <= pe + 1 for ps, pe, _ in self.people)
            or any(a <= ps and pe <= b for ps, pe, _ in self.people)
            for a, b in parts
        ):
            sps = [self.from_np(a, b, pos, allow_appositive=False) for a, b in parts]
            if all(sp and sp.named and sp.name and " " in sp.name for sp in sps):
                return _Speaker(f"{sps[0].name} and {sps[1].name}", None, True)  # type: ignore[union-attr]
        return None

    def _anonymous_np(self, s: int, e: int, pos: int) -> _Speaker | None:
        """An unnamed source as written; 'a/an …' goes through :meth:`from_np`, whose roles may say who it is
        ('a former Alaska governor'), but 'one diplomat', 'two officials', 'People familiar with …' never do."""
        anon = _anonymous(self.text[s:e])
        if anon is None or not anon.name:
            return None
        words = [w.lower().strip(",.’'") for w in anon.name.split()]
        heads = [w for w in words if w in _DESCRIPTORS]
        if words[0] in ("a", "an") and heads:
            found = self._describe(heads[-1], words, pos)
            if found and _says_who(found, words, heads[-1]):
                return found
        return anon

    def _institution(self, om: re.Match[str] | None) -> _Speaker | None:
        """'A Microsoft spokesperson', 'a senior White House official' (an ``_ORG_DESC`` match): the
        institution speaks, the description is the role.  Not a possessive ('Grimm’s attorney'), a party
        or a place ('the former Alaska governor' is a person)."""
        if not om:
            return None
        org = om.group(2)
        poss = re.search(r"['’]s?$", org)
        if poss and self.index.candidates(org[: poss.start()]):
            return _Speaker(om.group(0).strip(), None, False)  # 'Weiner’s spokesman' speaks for Weiner, as written
        if (
            org.lower() in _STOPRUN
            or poss
            or strip_name(org).lower() in _PLACES | _NORP | _PARTY_WORDS
            or any(x.label in ("GPE", "LOC", "NORP") and x.start < om.end(2) and x.end > om.start(2) for x in self.ents)
        ):
            return None
        if self.index.candidates(org):  # a person the article names in full
            # 'a Ryan spokesman' speaks for Ryan but is not Ryan: as written, so no reader takes it for his words
            return _Speaker(om.group(0).strip(), None, False)
        role = " ".join(x for x in (om.group(1), om.group(3)) if x).strip()
        return _Speaker(normalize_org(org), role, True)

    def _unnamed(self, head: str, pos: int) -> list[tuple[int, str, str | None]]:
        """Institutions' unnamed speakers introduced before ``pos`` with this head: 'A Microsoft spokesperson said'."""
        lo = self._paras[max(0, bisect.bisect_right(self._paras, pos) - 4)] if self._paras else 0
        out: list[tuple[int, str, str | None]] = []
        for m in re.finditer(r"\b(?:a|an|A|An)\s+", self.text[lo:pos]):
            a = lo + m.start()
            om = _ORG_DESC.match(self.text, a, pos)
            if not om or not om.group(3).endswith(head) or any(q0 < a < q1 for q0, q1 in self.quoted):
                continue
            if (sp := self._institution(om)) and sp.named:
                out.append((a, sp.name or "", sp.role))
        return out

    def _describe(self, head: str, words: list[str], pos: int) -> _Speaker | None:
        """'the NSC spokesman' -> the latest earlier person whose role has that head noun (and other words)."""
        best: tuple[int, int, str, str | None] | None = None
        mentions = (
            [(p, full, None) for p, full in self.index.mentions]
            + [(p, self.index.resolve(c, p), None) for p, _e, c in self.people]
            + self._unnamed(head, pos)
            + [(p, name, name) for p, name in self.sources]
        )  # 'the spokesperson' -> 'a Microsoft spokesperson'; 'the official' -> 'one union official'
        for p, full, own in sorted(mentions):
            if p > pos:
                break
            # an unnamed speaker's role is its own description; a person's, all the article gives them
            role = (
                own.lower()
                if own is not None
                else _expand_role(f"{self.index.role_of(full) or ''} {self.all_roles.get(full, '')}")
            )
            rwords = set(role.split())
            nation = {w for w in words if w in _NORP}
            if not ({head} | (_LEADERS if head == "leader" and nation else set())) & rwords:
                continue  # 'the Russian leader' may be the Russian President (a country's leader only)
            if nation and rwords & _NORP and not nation & rwords:
                continue  # 'the Russian leader' is not the one whose role says 'Chinese leader'
            extra = sum(
                1 for w in words if w not in ("the", "a", head) and (w in role or own is None and w in full.lower())
            )
            if best is None or (extra, p) >= (best[0], best[1]):
                best = (extra, p, full, own)
        if best and best[2] == best[3] and (best[1], best[2]) in self.sources:
            return _Speaker(best[2], None, False)  # an unnamed source, as first written
        if best:
            return _Speaker(best[2], best[3] or self.index.role_of(best[2]), True)
        return None

    def document(self, head: str, pos: int) -> _Speaker | None:
        """'the joint statement said' -> who issued it: 'a letter from X', 'X’s letter', or the
        subject of the latest earlier sentence naming such a document ('Pelosi and Schumer released a joint statement')."""
        syn = next((g for g in _DOC_SYNONYMS if head in g), {head})
        pat = re.compile(r"\b(?:" + "|".join(sorted(syn)) + r")\b", re.I)
        own = _DOC_NP.match(self.text, pos)
        if own and (sp := self._doc_owner(own.start(), own.start(1), pos)):
            return sp  # 'the Washington Post report said'
        fm = _AUTHORED_BY.match(self.text[own.end() : own.end() + 80]) if own else None
        if own and fm:  # 'The letter released Tuesday by the faculty at Georgetown took Mr. Ryan to task'
            sent = self._sentence_at(pos)
            return self._author(own.end() + fm.end(), sent.end if sent else len(self.text), pos)
        if (
            own
            and own.group(0).split()[0].lower() in ("a", "an")
            and re.search(
                r"\b(?:issued|released|sent|put out|published|posted|signed|wrote)\s+(?:\w+\s+)?$",
                self.text[max(0, pos - 40) : pos],
            )
        ):  # 'John Podesta, …, issued a statement calling the deal “a steep price”'
            sent = self._sentence_at(pos)
            return self._issuer(sent.start if sent else 0, pos, pos)
        lo = self._paras[max(0, bisect.bisect_right(self._paras, pos) - 4)] if self._paras else 0
        for sent in reversed(self.sentences):
            if sent.end > pos or sent.end < lo:
                continue
            for m in pat.finditer(self.text, sent.start, min(sent.end, pos)):
                if any(q0 < m.start() < q1 for q0, q1 in self.quoted):
                    continue
                fm = _AUTHORED_BY.match(self.text[m.end() : m.end() + 80])
                if fm:  # 'a joint letter from the chairs', 'a letter released Tuesday and signed by …'
                    return self._author(m.end() + fm.end(), sent.end, pos)
                return self._issuer(sent.start, m.start(), pos)
        return None

    def _issuer(self, start: int, doc: int, pos: int) -> _Speaker | None:
        """Who issued the document named at ``doc`` in the sentence starting at ``start``: the subject of
        the clause holding it ('…“without delay,” and Pelosi and Schumer released a joint statement')."""
        cl = start
        for b in re.finditer(
            r"[;:]\s|,\s+(?:and|but|while|as|after)\s|[”\"]\s*,?\s+(?:and|but)\s",
            self.text[start:doc],
        ):
            cl = start + b.end()
        if im := _INTRO_PHRASE.match(self.text, cl, doc):
            cl = im.end()  # 'Thursday night, the MedStar Washington Hospital Center issued a statement saying …'
        sp = self.clause_subject(cl, doc, pos, orgs=True)
        if sp and sp.name:
            return sp
        lead = _skip_space(self.text, cl, doc)
        if sp := self._doc_owner(lead, doc, pos):
            return sp  # 'A September 2010 Congressional Research Service report found …'
        if gm := _COUNTED_GROUP.match(self.text, lead, doc):
            return _counted_group(gm.group(0))  # 'A group of nearly 90 professors … has sent Ryan a letter'
        ns, ne = _np_forward(self.text, cl, doc)
        if ne > ns and not _DOC_NP.match(self.text, ns):
            sp = self.from_np(ns, ne, pos)
            if sp and sp.name:
                return sp
        return None

    def _doc_owner(self, a: int, head: int, pos: int) -> _Speaker | None:
        """The name inside a document's own noun phrase, ``text[a:head]`` ('the Washington Post report', 'A
        September 2010 Congressional Research Service report', 'Taylor’s letter'): who wrote it.  Dates,
        determiners and a possessive ending are not the name."""
        mods = self.text[a:head]
        if not mods.strip() or re.search(r"[,;:“”\"]", mods):
            return None
        words = [w for w in mods.split() if not _DATE_WORD.fullmatch(w)]
        if words and words[0].lower() in ("a", "an", "the", "its", "this", "their", "his", "her"):
            words = words[1:]
        name = re.sub(r"[’']s?$", "", " ".join(words))
        if not name or not all(w[:1].isupper() or w in ("of", "for", "and", "on") for w in name.split()):
            return None
        if name.lower() in _STOPRUN or strip_name(name).lower() in _PLACES | _NORP:
            return None
        start = self.text.index(name, a)
        sp = self.from_np(start, start + len(name), pos, allow_appositive=False)
        return sp if sp and sp.name else _Speaker(normalize_org(name), None, True)

    def _authored_subject(self, s: int, vs: int) -> _Speaker | None:
        """A clause whose subject is a document with its author ('The letter released Monday by the faculty
        at Lakeside also warns'): the author speaks."""
        text = self.text
        a = _skip_space(text, s, vs)
        if cm := re.match(r"(?:And|But|Yet|So)\s+", text[a:vs]):
            a += cm.end()
        lead = _DOC_NP.match(text, a)
        fm = _AUTHORED_BY.match(text[lead.end() : lead.end() + 80]) if lead else None
        if not fm:
            return None
        a = lead.end() + fm.end()
        gm = _AUTHOR_GROUP.match(text, a, vs)
        ae = gm.end() if gm else _np_forward(text, a, vs)[1]
        if ae <= a or not re.fullmatch(
            r"(?:\s+(?:about|on|over|regarding|concerning)\s+[^,;:“”\"]{1,50}?)?\s+(?:\w+ly\s+|also\s+)?", text[ae:vs]
        ):  # 'a release from Mr. Seel’s office about the planned meeting noted that …'
            return None
        sp = self.document(lead.group(1).lower(), lead.start())
        return sp if sp and sp.name else None

    def _author(self, a: int, end: int, pos: int) -> _Speaker | None:
        """The author named at ``a`` after 'signed by', 'from', …: a name or institution, else a group of
        people as written ('nearly 90 faculty members and priests at Georgetown')."""
        if gm := _AUTHOR_GROUP.match(self.text, a, end):
            return _Speaker(gm.group(0).strip(" ,"), None, False)
        named = _DESC_THEN_NAME.match(self.text, a, end)
        if named:  # 'the statement from Grimm's attorney, William McGinley': the person, the description their role
            sp = self.from_np(named.start(2), named.end(2), pos, allow_appositive=False)
            if sp and sp.name and sp.named and _person_name(sp.name):
                return _Speaker(sp.name, named.group(1), True)
        ns, ne = _np_forward(self.text, a, end)
        if ne <= ns or _DOC_NP.match(self.text, ns):
            return None
        sp = self.from_np(ns, ne, pos)
        return sp if sp and sp.name else None

    def gender(self, name: str) -> str | None:
        """'m'/'f' when the article says so ('Mr. Ryan', 'Ms. Rice', 'a spokeswoman'), else None."""
        if known := self.index.gender_of(name):
            return known
        if self._gender is None:
            self._gender = {}
            for ps, _pe, c in self.people:
                full = self.index.resolve(c, ps)
                before = self.text[max(0, ps - 6) : ps]
                ctx = (before + " " + (self.index.role_of(full) or "")).lower()
                g = (
                    "m"
                    if re.search(r"\bmr\.?\s*$", before.lower())
                    or re.search(r"\b\w*(?:man|men)\b", ctx)
                    and "woman" not in ctx
                    else "f"
                    if re.search(r"\b(?:mrs|ms)\.?\s*$", before.lower()) or re.search(r"\b\w*(?:woman|lady)\b", ctx)
                    else None
                )
                if g and full not in self._gender:
                    self._gender[full] = g
        return self._gender.get(name)

    def salient(self) -> list[tuple[int, str]]:
        """(position, person) of each sentence's subject: the first person outside quotes not
        governed by a preposition or used as a possessive ('Pelosi did not agree with Ryan’s…')."""
        if self._salient is None:
            self._salient = []
            desc = re.compile(
                r"^(?:[^,“\"]{0,40},\s*)?(?:The|the)\s+((?:[\w’'.\-]+\s+){0,3}?)("
                + "|".join(sorted(_DESCRIPTORS))
                + r")\b"
            )
            for sent in self.sentences:
                dm = desc.match(sent.text)
                first = re.match(r"[A-Z][a-z]+", sent.text)
                if first and first.group(0).lower() in _INTRO | _PREPS:
                    # 'With the moderator, ABC News’ Martha Raddatz, opening …, Ryan criticized …': the main
                    # clause's subject follows the introductory phrase's comma and comes before a verb
                    main = [
                        (ps, c)
                        for ps, pe, c in self.people
                        if sent.start <= ps < sent.end
                        and re.search(r",\s*(?:[A-Z][\w.’'\-]*\s+){0,3}$", self.text[sent.start : ps])
                        and re.match(r"\s+[a-z]", self.text[pe : pe + 3])
                        and not any(q0 < ps < q1 for q0, q1 in self.quoted)
                    ]
                    if main:
                        self._salient.append((main[0][0], self.index.resolve(main[0][1], main[0][0])))
                        continue
                for ps, pe, c in self.people:
                    if not (sent.start <= ps < sent.end) or any(q0 < ps < q1 for q0, q1 in self.quoted):
                        continue
                    if dm and sent.start + dm.start(2) < ps:
                        break  # 'The congressman also expressed concern about … his wife, Huma Abedin'

                    if self.text[pe : pe + 2] in ("’s", "'s") and re.match(
                        r"\s*(?:[\w\-]+\s+)?(?:" + "|".join(sorted(_DESCRIPTORS | _ORG_HEADS)) + r")\b",
                        self.text[pe + 2 : pe + 40],
                    ):
                        continue  # 'Trump’s lawyer said' is the lawyer's; 'Menendez’s response' is his
                    if re.search(r"(?:^|[,;]\s)(?:He|She|His|Her|he|she|his|her)\s+", self.text[sent.start : ps]):
                        break  # 'He bluntly accused Trump …': the subject is the pronoun's antecedent
                    ns = _np_start(self.text, sent.start, ps)
                    prev = re.search(r"([\w’']+)\W*$", self.text[sent.start : ns])
                    if prev and prev.group(1).lower() in _PREPS:
                        continue
                    self._salient.append((ps, self.index.resolve(c, ps)))
                    dm = None
                    break
                if dm:
                    words = [w.lower() for w in dm.group(0).split()]
                    found = self._describe(dm.group(2).lower(), words, sent.start + dm.start(2))
                    if found and found.name:
                        self._salient.append((sent.start + dm.start(2), found.name))
        return self._salient

    def resolve_pronoun(self, pos: int, pron: str | None = None, exclude: str | None = None) -> str | None:
        """'he said': the latest salient person of the same gender (a quote's speaker, or a
        sentence's subject) in this or the two previous paragraphs, other than ``exclude``; else the older
        rules."""
        pi = bisect.bisect_right(self._paras, pos) - 1
        want = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get((pron or "").lower())
        lo = self._paras[max(0, pi - 2)] if self._paras else 0
        events = [(p, n) for p, n in self.speakers if lo <= p < pos] + [
            (p, n) for p, n in self.salient() if lo <= p < pos
        ]
        for _p, name in sorted(events, reverse=True):
            g = self.gender(name)
            if want and g and g != want or name == exclude:
                continue
            return name
        last = self.last_person if self.last_person and self.last_person[1] != exclude else None
        if last:
            lp = bisect.bisect_right(self._paras, last[0]) - 1
            if pi - lp <= 1:
                return last[1]
        return self._nearest_person(pos, exclude) or (last[1] if last else None)

    def _nearest_person(self, pos: int, exclude: str | None = None) -> str | None:
        before = [
            c
            for s, e, c in self.people
            if (
                e <= pos
                and pos - e < 1500
                and " " in c
                or (e <= pos and pos - e < 1500 and self.index.resolve(c, s) != c)
            )
            and (exclude is None or self.index.resolve(c, s) != exclude)
        ]
        return self.index.resolve(before[-1], pos) if before else None

    def pre_appositive(self, s: int, e: int, pos: int) -> _Speaker | None:
        """'Obama's current campaign press secretary, Ben LaBolt,' / 'Another leading Dem, Sen. Kirsten
        Gillibrand of New York,' spanning ``text[s:e]`` exactly: the person, with the description as role."""
        m = _PRE_APPOS.fullmatch(self.text, s, e)
        if not m or not _describes(m.group(1)):
            return None
        ns, ne = m.start(2), m.end(2)
        if self.text[ns:ne].split()[0].lower() in _STOPRUN:
            return None
        sp = self.from_np(ns, ne, pos, allow_appositive=False)
        if not sp or not sp.named or not sp.name or not _person_name(sp.name) or not re.search(r"[a-z]", sp.name):
            return None  # 'the mayor of Washington, DC, suggested': a place's initials, not a name
        if any(x.start <= ns < x.end for x in self.ents if x.label in ("GPE", "LOC")):
            return None  # the name is a place ('Washington, DC,'), not 'Sen. Kirsten Gillibrand of New York'
        desc = self.its(
            re.sub(r"^(?:the|a|an|The|A|An|Mr\.|Mrs\.|Ms\.|Dr\.)\s+", "", m.group(1)), s
        )  # 'Mr. Jackson’s lawyer'
        sp.role = f"{desc}, {sp.role}" if sp.role and sp.role.lower() not in desc.lower() else desc
        if m.group(3):
            appos = m.group(3).strip(" ,")
            if _good_appositive(appos):
                sp.role = f"{sp.role}, {appos}"
        return sp

    # attribution zones -------------------------------------------------
    def after(self, s: int, e: int, pos: int) -> tuple[_Speaker | None, str]:
        """'…," he said' / '…," said X' — attribution right after the closing mark."""
        text = self.text
        m = re.match(r"[\s,]*(?:—\s*|–\s*)?", text[s:e])
        a = s + (m.end() if m else 0)
        dm = _DOC_NP.match(text, a)
        if dm and dm.end() <= e:
            vd = re.match(rf"\s*(?:\w+ly\s+)?({VERBS})\b", text[dm.end() : e])
            if vd:  # '…," the joint statement said.'
                return self.document(dm.group(1).lower(), a), vd.group(1)
        pv = re.search(rf",[ \t]*(?:\w+ly[ \t]+)?({VERBS})\b", text[a:e])
        if pv and not re.match(rf"(?:{VERBS})\b", text[a:e]):
            sp = self.pre_appositive(a, a + pv.start() + 1, pos)
            if sp:
                return sp, pv.group(1)
        vm = re.match(rf"(?:{VERBS})\b", text[a:e])
        if vm:
            b = a + vm.end()
            b += len(
                re.match(
                    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|later|then|also))*\s*",
                    text[b:e],
                ).group(0)
            )
            ns, ne = _np_forward(text, b, e)
            if ne == ns and (am := _ANON.match(text, b, e)) and am.group(0).split()[0].lower() in _ANON_DETS:
                return self._anonymous_np(b, am.end(), pos), vm.group(0)  # 'said one prominent centrist Democrat'
            return self.from_np(ns, ne, pos), vm.group(0)
        am = _ANON_SAYS.match(text, a, e)
        if am and (sp := self._anonymous_np(a, am.end(1), pos)):  # '…,” one diplomat said'
            return sp, am.group(2)
        cm = _COMMON_SUBJ.match(text[a:e])
        if cm and not _DESC_OR_ORG.search(cm.group(0)):
            # '…,” the communications pro wrote': the person the description stands for, else as written
            return self.description_subject(a, e, pos) or _Speaker(cm.group(1), None, False), cm.group(2)
        ns, ne = _np_forward(text, a, e)
        if ne > ns:
            rest = text[ne:e]
            appos_role, ae = _appositive(text, ne, e)
            tag = re.match(r"\s*[,(]\s*[DRI][-–][A-Z][A-Za-z.]*(?:\s?[A-Z][a-z]*\.?)?\s*\)?(?=\s*,|\s+[a-z])", rest)
            if not appos_role and tag:  # '…," Rep. Carl Hunt, D-Ohio, told …'
                rest = rest[tag.end() :]
            if appos_role:
                rest = text[ae:e]
            vm2 = re.match(
                rf"[\s,]*(?:(?:later|also|then|has|had|have|once|again|previously|recently|repeatedly|\w+ly)\s+)*({VERBS})\b",
                rest,
            )
            if not vm2 and appos_role:  # a list inside the appositive: '…, the former chairman of the subcommittee
                # on the Constitution, Civil Rights and Civil Liberties, told The Hill'
                vm2 = re.match(rf"(?:,[ \t]*[^,;.:“”\"]{{1,60}}?){{1,2}}?,[ \t]*(?:\w+ly[ \t]+)?({VERBS})\b", rest)
                if vm2 and _VERB_RE.search(rest[: vm2.start(1)]):
                    vm2 = None
            if vm2:
                verb = vm2.group(1)
                tail_start = e - len(rest) + vm2.end()
                if verb in _REPORT_VERBS:
                    q = re.search(r"\bquoting\s+(?:(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:from|by)\s+)?", text[tail_start:e])
                    if q:
                        qs = tail_start + q.end()
                        qn = _np_forward(text, qs, e)
                        sp = self.from_np(*qn, pos)
                        if sp:
                            return sp, "said"
                if verb in _REPORT_VERBS:
                    return None, "reported"
                sp = self.from_np(ns, ne, pos, allow_appositive=False)
                if sp and appos_role and sp.named and sp.name and " and " not in sp.name:  # not for joint speakers
                    if not sp.role or sp.role == self.index.role_of(sp.name):
                        sp.role = appos_role
                    elif len(sp.role.split()) <= 2 and appos_role not in sp.role:
                        sp.role = f"{sp.role}, {appos_role}"
                    self.index.roles.setdefault(sp.name, appos_role)
                return sp, verb
        tail = re.search(
            rf",\s*(?:({VERBS})\s+([^,;]{{2,80}}?)|([^,;]{{2,80}}?)\s+({VERBS}){_WHEN})(?:,|\.?[”\"]?\s*$)", text[s:e]
        )  # '… touching their “intimate body parts” without consent, officials said Tuesday.'
        if tail and tail.group(1) in ("told", "tells", "asked", "asks", "telling", "thanked", "urged", "called"):
            tail = None  # ', told The Washington Post': the addressee, not the speaker
        sent = self._sentence_at(pos)
        if (
            tail
            and sent
            and _VERB_RE.search(text, sent.start, pos)
            and (pre := self.before(sent.start, pos, pos))
            and pre.name
        ):
            tail = None  # 'McConnell told the president he needed a “…”, one person close to the talks said': his words
        if tail:
            g = 2 if tail.group(1) else 3
            ns, ne = _np_forward(text, s + tail.start(g), s + tail.end(g))
            sp = self.from_np(ns, ne, pos) if ne > ns else self._anonymous_np(s + tail.start(g), s + tail.end(g), pos)
            if sp and sp.name:
                return sp, "said"
        return None, ""

    def according(self, s: int, e: int, pos: int) -> _Speaker | None:
        acc = re.search(r"\baccording to\s+", self.text[s:e])
        if acc:
            ns, ne = _np_forward(self.text, s + acc.end(), e)
            return self.from_np(ns, ne, pos)
        return None

    def before(self, s: int, e: int, pos: int, orgs: bool = False) -> _Speaker | None:
        """'X said (that) "…' — the last speech verb before the opening mark and its subject (with
        ``orgs``, an organisation opening the clause can be it when no noun phrase precedes the verb)."""
        text = self.text
        verbs = list(_VERB_RE.finditer(text[s:e]))
        if not verbs:
            if text[s:e].rstrip().endswith(":"):  # 'Biden was quick to retort: "…"'
                hm = re.search(r"\b(?:His|Her|his|her)\s+([a-z]+)\s*:\s*$", text[s:e])
                if hm and hm.group(1) not in _NP_LOWER | _DESCRIPTORS:  # 'His response: “…”' (not 'His wife:')
                    sp = self.from_np(s + hm.start(), s + hm.end(1), pos)
                    if sp and sp.name:
                        return sp
                # 'The Democratic National Committee issued a brief statement …: “…”': who issued it speaks
                return self.clause_subject(s, e, pos, orgs=bool(_DOC_NP.search(text, s, e)))
            return None
        vm = verbs[-1]
        vs = s + vm.start()
        if re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", text[s:vs]) and vm.group(0).endswith(
            "ed"
        ):
            # passive: 'he has been described as “…”', 'the deal was called “…”' — the subject is not speaking;
            # only an agent after 'by' is ('was described as “…” by critics' is handled by the caller's after-zone)
            by = re.search(r"\bby\s+", text[s + vm.end() : e])
            if not by:
                return None
            ns, ne = _np_forward(text, s + vm.end() + by.end(), e)
            return self.from_np(ns, ne, pos) if ne > ns else None
        dm = re.search(_DOC_NP.pattern + r"\s+(?:\w+ly\s+|also\s+)?$", text[s:vs])
        if dm:  # 'The letter says, “…”'
            sp = self.document(dm.group(1).lower(), s + dm.start())
            if sp and sp.name:
                return sp
        if sp := self._authored_subject(s, vs):  # 'The letter released Monday by X also warns that …'
            return sp
        if wm := re.search(r",\s+who\s+(?:\w+ly\s+|also\s+|then\s+)?$", text[s:vs]):
            bs = _np_backward(text, s, s + wm.start())  # '… from Sen. Amy Klobuchar of Minnesota, who tweeted that'
            if bs and bs[1] > bs[0] and (sp := self.from_np(bs[0], bs[1], pos)) and sp.name:
                return sp
        am = _ANON_BEFORE.search(text[s:vs])
        if am and (sp := self._anonymous_np(s + am.start(1), s + am.end(1), pos)) and sp.name:
            return sp  # 'A source told FT that Xi might “…”', 'People familiar with the matter said'
        if gm := _COUNTED_BEFORE.search(text[s:vs]):
            return _counted_group(gm.group(1))  # 'More than 100 economists said that …'
        cb = re.search(r"\b((?:the|a|an|The|A|An)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s+(?:\w+ly\s+)?$", text[s:vs])
        if (
            cb
            and re.fullmatch(_SAY, vm.group(0))
            and re.search(r"(?:^|[,;:]|\b(?:and|but))\s*$", text[s : s + cb.start()])
            and not _DESC_OR_ORG.search(cb.group(1))
            and cb.group(1).split()[-1].lower() not in _NP_LOWER | _INTRO
        ):
            return _Speaker(cb.group(1), None, False)  # 'the hospital said Scalise sustained “…”': the hospital's words
        pa = re.search(r",[ \t]*(?:\w+ly[ \t]+)?$", text[s:vs])
        if pa:
            bounds = (
                []
                if _DOC_NP.match(text, s + len(text[s:vs]) - len(text[s:vs].lstrip()))
                else [s + x.end() for x in re.finditer(r"(?<![A-Z])[.;:]\s+|,\s+(?:and\s+|but\s+)?", text[s:vs])]
            )
            for b in [s, *bounds]:  # 'In a statement on Thursday, the N.C.A.A. president, Mark Emmert, said'
                # ('The lawsuit, brought by X, and Y, accused …' has one subject: the document)
                sp = self.pre_appositive(b, s + pa.start() + 1, pos)
                if sp:
                    return sp
        bs = _np_backward(text, s, vs)
        if bs is not None:
            ns, ne, _ = bs
            sp = self.from_np(ns, ne, pos) if ne > ns else None
            if sp and sp.name:
                return sp
            # 'Grimm stormed back, leaned into him and said, "…"': the clause subject speaks
            if ne <= ns or text[ns:ne].strip().lower() in ("and", "but", "then", "and then"):
                sub = list(_OWN_SUBJECT.finditer(text, s, vs))
                if (
                    sub
                    and not re.search(r"[,;:]|\b(?:and|but|or)\b", text[sub[-1].end() : vs])
                    and not vm.group(0).endswith("ing")
                ):  # not 'released a statement after the fire and offered …': 'after' governs a noun there
                    # 'Fox News apologised after a guest on one of its shows called her “…”': the guest's clause
                    return self.clause_subject(sub[-1].end(), vs, pos, orgs=orgs)
                return self.clause_subject(s, vs, pos, orgs=orgs)
            return sp
        # "according to X, ..." style is handled by the caller; subject = first non-introductory chunk
        chunks = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^,;:]+", text[s:vs])]
        for cs, ce in chunks:
            cs2 = cs
            while cs2 < ce and text[cs2].isspace():
                cs2 += 1
            first = re.match(r"[\w’'.\-]+", text[cs2:ce])
            if not first:
                continue
            if first.group(0).lower() in _INTRO:
                continue
            ns, ne = _np_forward(text, cs2, ce)
            if ne <= ns:
                continue
            sp = self.from_np(ns, ne, pos)
            if sp:
                return sp
            break
        sp = self.clause_subject(s, vs, pos)
        if sp and sp.name:
            return sp
        # verb-first: 'said Wang' before the quote (rare); a name, never 'her tenure'
        ns, ne = _np_forward(text, s + vm.end() + 1, e)
        if ne > ns and text[ns].isupper() and text[ns:ne].lower() not in ("he", "she"):
            return self.from_np(ns, ne, pos)
        return None

    def description_subject(self, s: int, e: int, pos: int) -> _Speaker | None:
        """A definite description opening the clause as its subject, whose head is no office word, group or
        document ('The communications pro also took a shot at …, writing “…”'): the person it corefers with,
        by what the article itself says.  The latest earlier person the article describes with that head
        noun; else, when the article describes a person with one of its modifiers ('The communications
        director for a Republican member of Congress …'), the latest salient person (a quote's speaker or
        a sentence's subject) in this or the previous paragraph.  Plural heads are groups, not a person."""
        text = self.text
        m = next((x for x in (d.match(text, s, e) for d in _DEF_DESC) if x and _VERBISH.match(text, x.end(), e)), None)
        if not m:
            return None
        words = m.group(1).split()
        head, mods = m.group(2).lower(), [w.lower() for w in words]
        if head in _NOT_PERSON_HEADS or (head.endswith("s") and not head.endswith("ss")) or _VERB_RE.fullmatch(head):
            return None
        if _ABSTRACT.search(head):
            return None  # 'The tax proposal also drew fire …, calling it “…”': a thing
        if any(w in _NOT_PERSON_HEADS or w in _FUNCTION_WORDS or _VERB_RE.fullmatch(w) for w in [*mods, head]):
            return None  # 'And the idea that he served …' is no description of a person
        found = self._describe(head, ["the", *mods, head], pos)
        if found and found.name:
            return found
        mods = {w for w in mods if w not in _ROLE_FILLER and len(w) > 2}
        if not mods:
            return None
        pi = bisect.bisect_right(self._paras, pos) - 1
        lo = self._paras[max(0, pi - 1)] if self._paras else 0
        events = [(p, n) for p, n in self.speakers if lo <= p < s] + [(p, n) for p, n in self.salient() if lo <= p < s]
        if not events:
            return None
        name = max(events)[1]
        said = " ".join(
            [
                self.index.role_of(name) or "",
                self.all_roles.get(name, ""),
                *self.descs.get(name, []),
                *self.lede_descriptions().get(name, []),
            ]
        )
        if not mods & set(re.findall(r"[a-z][\w\-]*", said.lower())):
            return None
        return _Speaker(name, self.index.role_of(name), True)

    def lede_descriptions(self) -> dict[str, list[str]]:
        """Descriptions written before the name is given: a sentence that opens with an unnamed office
        description and names nobody in it ('The communications director for a Republican member of Congress had
        to apologize …') describes the person who opens the next sentence ('Elizabeth Lauten wrote …')."""
        if self._lede is None:
            self._lede = {}
            heads = "|".join(sorted(_DESCRIPTORS))
            desc = re.compile(rf"(?:The|the)\s+((?:[a-z][\w\-]*\s+){{0,3}}(?:{heads}))\b")
            for s1, s2 in zip(self.sentences, self.sentences[1:], strict=False):
                m = desc.match(s1.text)
                if not m or any(s1.start <= ps < s1.start + m.end() for ps, _pe, _c in self.people):
                    continue  # (a person later in the sentence is its object: '… critical of … Barack Obama')
                first = next(((ps, c) for ps, _pe, c in self.people if ps == s2.start), None)
                if first:
                    self._lede.setdefault(self.index.resolve(first[1], first[0]), []).append(m.group(0))
        return self._lede

    def clause_subject(self, s: int, e: int, pos: int, orgs: bool = False) -> _Speaker | None:
        """The subject of the clause in ``text[s:e]``: the first person (or 'the senator') not
        governed by a preposition ('In Wednesday's speech the senator also took a swipe at … Clinton').
        With ``orgs``, an organisation or 'the <group>' that opens the clause is its subject too ('The St.
        Louis Tea Party Coalition issued its own resolution, accusing … of acting as a “…”')."""
        text = self.text
        if cm := re.match(r"(?:And|But|Yet|Or|So)\s+(?=[A-Z])", text[s:e]):
            s += cm.end()  # 'And Sen. Kirsten Gillibrand … also chimed in, demanding that the “…”'
        lead = _skip_space(text, s, e)
        gm = _COUNTED_GROUP.match(text, lead, e)
        if (
            gm
            and re.match(r"\s+(?:have|has|had|were|was|are|is|also|\w+ed|\w+s)\b", text[gm.end() : e])
            and not re.search(r"[;:]|,\s+(?:and|but)\s", text[gm.end() : e])  # a later clause has its own subject
        ):
            return _counted_group(gm.group(0))  # 'Close to three dozen House Democrats have signed a letter …, calling'
        if orgs:
            sp = self._org_opening(s, e)
            if sp:
                return sp
        sp = self.description_subject(s, e, pos)
        if sp:
            return sp
        cands: list[tuple[int, int]] = [(ps, pe) for ps, pe, _ in self.people if s <= ps and pe <= e]
        desc = "|".join(sorted(_DESCRIPTORS))
        for m in re.finditer(rf"\b(?:the|The)\s+(?:[\w’'.\-]+\s+){{0,3}}?(?:{desc})\b", text[s:e]):
            cands.append((s + m.start(), s + m.end()))
        for m in re.finditer(r"(?:^|(?<=[.;:,]\s))(?:He|She|he|she)\b", text[s:e]):
            cands.append((s + m.start(), s + m.end()))
        modifier = re.compile(
            r"\s+(?:" + "|".join(sorted(_ORG_HEADS | {"team", "camp", "aides", "officials"})) + r")\b"
        )
        for cs, ce in sorted(cands):
            if text[ce : ce + 2] in ("’s", "'s") or modifier.match(text, ce):
                continue  # 'Trump’s lawyer', 'The Romney campaign': not the person
            ns = _np_start(text, s, cs)
            prev = re.search(r"([\w’']+)\W*$", text[s:ns])
            if prev and prev.group(1).lower() in _PREPS:
                continue
            if any(q0 < cs < q1 for q0, q1 in self.quoted):
                continue
            sp = self.from_np(ns, ce, pos)
            if sp and sp.name:
                return sp
        return None


#: whitespace a scraper left before a comma, semicolon or colon ('Thomas J. Reese , one of the organizers')
_STRAY_SPACE = re.compile(r"(?<=[\w.’')\]”\"])([ \t]+)([,;:])")


def tidy_spaces(text: str) -> str:
    """``text`` with the whitespace before a comma, semicolon or colon moved after it ('Reese , one' ->
    'Reese,  one'), so attribution patterns see the punctuation where they expect it.  Same length, so
    every offset into the article (entities, sentences, quote marks) still holds."""
    return _STRAY_SPACE.sub(lambda m: m.group(2) + m.group(1), text)


def extract_quotes(
    article_id: str,
    text: str,
    sentences: list[Sentence],
    ents: list[Entity],
    index: NameIndex | None = None,
    indirect: bool = True,
) -> list[Quote]:
    """All quotes of one article with speaker and role, in text order."""
    index = index or NameIndex()
    src = text  # quotes are cut from the article as written; attribution reads it with stray spaces moved
    paras = paragraphs(src)
    raws = find_quoted(src, paras)
    text = tidy_spaces(src)
    att = _Attributor(text, ents, index, paras)
    att.sentences = sentences
    att.quoted = [(r.open, r.close) for r in raws]
    sent_of = _sentence_lookup(sentences)
    quotes: list[Quote] = []
    prev_by_para: dict[int, Quote] = {}
    last_para_speaker: dict[int, Quote] = {}
    for n, r in enumerate(raws):
        qs, qe = _trim(text, r.start, r.end)
        if qe - qs < 2:
            continue
        s_open = sent_of(r.open)
        s_close = sent_of(max(r.close - 1, r.open))
        para = s_open.paragraph if s_open else 0
        # zone boundaries: stop at neighbouring quotes
        # (a quote nested inside this one, 'do unto others', is no neighbour)
        nxt_open = next((o.open for o in raws[n + 1 :] if o.open > r.close), len(text))
        prv_close = max((o.close + 1 for o in raws[:n] if o.close < r.open), default=0)
        after_end = min(s_close.end if s_close else r.close + 1, nxt_open)
        before_start = max(s_open.start if s_open else r.open, prv_close)
        # quote extends past its sentence end ('."' inside) → after-zone is the next sentence part only
        if s_close and r.close + 1 >= s_close.end:
            nxt_s = sent_of(s_close.end + 1)
            after_end = (
                min(nxt_s.end, nxt_open)
                if nxt_s and nxt_s.paragraph == para and _starts_attrib(text, s_close.end, nxt_s.end)
                else r.close + 1
            )
        outer = next((o for o in reversed(quotes) if o.start <= qs and qe <= o.end + 1), None)
        if outer is not None:  # a quote inside a quote ('… the Golden Rule that you should 'do unto others' …')
            quotes.append(
                Quote(
                    article=article_id,
                    text=src[qs:qe],
                    speaker=outer.speaker,
                    role=outer.role,
                    start=qs,
                    end=qe,
                    kind="partial",
                )
            )
            continue
        sp, verb = att.after(r.close + 1, after_end, r.open)
        if sp is None or not sp.name:
            sp_b = att.before(before_start, r.open, r.open, orgs=True)
            if sp_b and sp_b.name:
                sp = sp_b
        if sp is None or not sp.name:
            sp_a = att.according(r.close + 1, after_end, r.open)
            if sp_a and sp_a.name:
                sp = sp_a
        pre = text[before_start : r.open].strip()
        kind = "partial" if pre and (pre[-1].isalnum() or pre[-1] in "’'") else "direct"
        if (sp is None or not sp.name) and not pre and s_open is not None and prv_close <= s_open.start:
            # a lead-in sentence ending in a colon introduces the quote below it ('The committee issued
            # a brief statement shortly after the speech:' / '“Okay. …”')
            lead_in = sent_of(s_open.start - 1) if s_open.start > 0 else None
            if lead_in and lead_in.end <= r.open and text[lead_in.start : lead_in.end].rstrip().endswith(":"):
                sp_l = att.before(max(lead_in.start, prv_close), lead_in.end, r.open, orgs=True)
                if sp_l and sp_l.name:
                    sp = sp_l
        if (sp is None or not sp.name) and kind == "direct":
            prev = prev_by_para.get(para)
            if prev is None and pre == "":
                prev = last_para_speaker.get(para - 1)
            if prev is not None and prev.speaker:
                sp = _Speaker(prev.speaker, prev.role, True)
        if (sp is None or not sp.name) and kind == "partial" and n > 0:
            prev = quotes[-1] if quotes else None
            if prev and s_open and prev.start >= s_open.start and prev.speaker:
                sp = _Speaker(prev.speaker, prev.role, True)
        if (
            (sp is None or not sp.name)
            and kind == "partial"
            and not _VERB_RE.search(text[before_start : r.open])
            and s_open is not None
            and before_start == s_open.start
        ):  # the sentence's first quote only
            # the clause holding the quote first: 'Pelosi rejected it …, and Senator Chuck Schumer, the
            # Democratic leader, denounced the offer as “…”' is Schumer's
            clauses = [
                before_start + m.end()
                for m in re.finditer(r",\s+(?:and|but|while|whereas)\s+|;\s+", text[before_start : r.open])
            ]
            if _DOC_NP.match(text, before_start):
                clauses = []  # 'The lawsuit, brought by X, and Y, accused …': one subject, the document
            for cl in [*clauses[-1:], before_start]:
                sp_s = att.clause_subject(cl, r.open, r.open, orgs=True)
                if sp_s and sp_s.name:
                    sp = sp_s
                    break
        if sp is None or not sp.name:  # last resort: '…,” the lawyers said' with no antecedent, as written
            z = r.close + 1
            z += len(text[z:after_end]) - len(text[z:after_end].lstrip(" ,"))
            cm = _COMMON_SUBJ.match(text, z, after_end)
            sp = (_unresolved_description(cm.group(1)) if cm else None) or sp
        if sp and sp.name and sp.named and " " in sp.name:
            att.last_person = (r.open, sp.name)
        if sp and sp.name and _person_name(sp.name):
            att.speakers.append((r.open, sp.name))
        elif sp and sp.name and not sp.named and _anonymous(sp.name):
            att.sources.append((r.open, sp.name))
        q = Quote(
            article=article_id,
            text=src[qs:qe],
            speaker=sp.name if sp else None,
            role=sp.role if sp else None,
            start=qs,
            end=qe,
            kind=kind,
        )
        quotes.append(q)
        prev_by_para[para] = q
        end_para = sent_of(max(r.close - 1, r.open))
        if q.speaker:
            last_para_speaker[end_para.paragraph if end_para else para] = q
    if indirect:
        quotes += _indirect(article_id, src, sentences, att, raws)
        quotes.sort(key=lambda q: q.start)
    att.party_descriptions()
    for q in quotes:
        q.role = clean_role(q.role)
        if _spells_out(q.speaker, q.role):  # 'The Financial Times (FT) suggested': the name, not its initials
            q.speaker, q.role = q.role, None
        title = att.titles.get(q.speaker or "")
        if (
            title
            and q.role
            and title.lower() not in q.role.lower()
            and _expand_role(title).split()[-1] not in _expand_role(q.role).split()
        ):
            q.role = f"{title}, {q.role}"  # 'Senator' + 'Democrat of Connecticut'
        elif title and not q.role:
            q.role = title
        tag = att.party.get(q.speaker or "")
        if tag and (not q.role or tag not in q.role):  # the party-state tag the article gives: 'Sen., R-Utah'
            q.role = f"{q.role}, {tag}" if q.role else tag
        if q.speaker and _person_name(q.speaker):
            q.role = _merge_roles(q.role, att.descs.get(q.speaker, []))
        if q.kind != "indirect" and _quoted_name(text, q.start, q.end):
            q.speaker = q.role = None  # 'Roosevelt’s “New Deal” efforts': a name in quote marks, not speech
    return [q for q in quotes if q.kind == "indirect" or not is_title(text, q.start, q.end)]


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


_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"}
_MEDIA_CUE = re.compile(
    r"\b(?:on|program|programme|show|series|book|film|movie|documentary|podcast|column|article|"
    r"op-ed|titled|entitled|called|magazine|newspaper)\b[^.;:!?]{0,25}$",
    re.I,
)


_AUX = re.compile(
    r"\b(?:is|are|was|were|has|have|had|been|be|will|would|can|could|make|makes|made|said|says|"
    r"who|which|that|they|he|she)\b|\b\w+ing\b(?<!ranking)(?<!leading)(?<!sitting)(?<!founding)"
    r"(?<!outgoing)(?<!incoming)(?<!governing)(?<!presiding)"
)


def _good_title(title: str) -> bool:
    """A title written before *this* name ('New Jersey Sen.'), not one about somebody else ('lawyer for Mr.')."""
    words = _expand_role(title).split()
    return (
        bool(words)
        and words[-1] in _DESCRIPTORS
        and not re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?$|\b(?:for|of|to)\b", title)
        and not re.match(r"\S+(?:ing|[’']s|[’']re)\s", title)
    )  # 'Saying President Obama', 'It’s Senator Schumer'


def _good_appositive(appos: str) -> bool:
    """An appositive that describes the name before it ('a Republican of Idaho', 'the Senate majority leader'):
    it has an office or party word and no clause or list of other people ('comedian Billy Crystal and …')."""
    words = set(_expand_role(appos).split())
    if not words & (_DESCRIPTORS | _PARTY_WORDS) or len(appos.split()) > 16:
        return False
    if re.match(r"(?:his|her|their|its)\b", appos, re.I) or re.match(r"[a-z]+\s+[A-Z][a-z]+\s+[A-Z]", appos):
        return False
    return not _AUX.search(appos)


_ROLE_FILLER = {"a", "an", "the", "of", "for", "and", "from", "at", "in", "on", "with", "once", "now", "also"}


def _role_words(role: str) -> set[str]:
    """A role's words for comparing two descriptions: expanded titles, a country's possessive as its
    demonym ('China’s' ~ 'Chinese')."""
    out = set()
    for w in _expand_role(role).split():
        w = re.sub(r"['’]s$", "", w.strip(",.()"))
        out.add(DEMONYMS.get(w, w).lower())
    return out


def _merge_roles(role: str | None, descs: list[str], limit: int = 200) -> str | None:
    """The fullest description the article gives a person: the quote's own role, then every other
    mention's title or appositive that adds words ('Representative' + 'Republican of Idaho'; 'Mr. Labrador
    said' gets both).  Descriptions already covered, or that would make the role overlong, are skipped."""
    for d in descs:
        d = clean_role(d)
        if not d:
            continue
        have, given = _role_words(role or ""), _role_words(d)
        if not given - have - _ROLE_FILLER or (role and d.lower() in role.lower()):
            continue
        if role and have - _ROLE_FILLER <= given and len(d) <= limit:
            role = d  # 'China’s spokesman' is inside 'Chinese Foreign Ministry spokesman': one role, not both
            continue
        merged = f"{role}, {d}" if role else d
        if len(merged) > limit:
            continue
        role = merged
    return role


def is_title(text: str, start: int, end: int) -> bool:
    """A Title Case phrase quoted right after a media cue ('on PBS's "Charlie Rose"', 'on Fox News' "On the
    Record"') names a programme, book or article: it is not something anybody said."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
    big = [w for w in words if w.lower() not in _SMALL]
    if not (2 <= len(words) <= 8 and big and words[0][0].isupper() and all(w[0].isupper() for w in big)):
        return False
    return bool(_MEDIA_CUE.search(text[max(0, start - 45) : start].rstrip("\"“‘'( ")))


_DANGLING = {"and", "or", "of", "for", "to", "with", "at", "in", "on", "the", "a", "an", "by", "from"}
# sentence openers a role match starting at a sentence can drag in ('But Republican Sen. Lindsey Graham')
_LEADING = {"but", "yet", "so", "meanwhile", "also", "however", "still", "now", "then", "instead", "indeed"}
#: subordinators a role match starting at a sentence can drag in ('When Mr. Shulman said he had')
_SUBORD = {"when", "while", "as", "after", "before", "if", "although", "though", "because", "since", "once", "until"}
_SINGULAR = {"Sens.": "Sen.", "Reps.": "Rep.", "Govs.": "Gov."}


def _spells_out(acronym: str | None, name: str | None) -> bool:
    """``name`` is the long form of ``acronym`` ('Department of Justice' / 'DOJ', 'World Health Organization' / 'WHO').

    Every letter of the acronym is, in order, the initial of a word of the name; only small words
    ('of', 'the', 'and') may be skipped, and every capitalised word must give its initial.
    """
    if not acronym or not name or not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return False
    words = name.split()
    if not all(w[:1].isupper() or w.lower() in _SMALL for w in words):
        return False
    letters = list(acronym)
    for w in words:
        if letters and w[:1].upper() == letters[0]:
            letters.pop(0)
        elif w[:1].isupper():
            return False
    return not letters


def clean_role(role: str | None) -> str | None:
    """Trim what a greedy role match drags along ('Financial Times (', 'Mr. Xi and'); None when nothing is left.

    A role is a description ('Kremlin spokesman'), never another person's name: a role that
    starts with an honorific is a mis-parse of a coordination ('Putin and Mr. Xi') and is dropped.
    """
    if not role:
        return None
    r = role
    if r.count("(") > r.count(")"):
        r = r[: r.rfind("(")]
    words = r.replace("\n", " ").split()
    while words and (words[-1].lower().strip(",;:") in _DANGLING or not re.search(r"\w", words[-1])):
        words.pop()
    if words and re.fullmatch(r"(?:Mr|Mrs|Ms|Miss)\.?", words[-1]):
        return None  # the words before a name's honorific are no title: 'When Mr. Shulman said', 'Enter Ms. Lauten'
    while words and (words[0].lower() in _DANGLING or words[0].lower() in _LEADING or words[0].lower() in _SUBORD):
        words.pop(0)
    words = [_SINGULAR.get(w, w) for w in words]  # 'Sens. Durbin and Leahy': each one is a Sen.
    r = " ".join(words).strip(" ,;:-–—")
    if not r or re.match(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep)\.?\s+[A-Z]", r + " "):
        return None
    return r


def _starts_attrib(text: str, s: int, e: int) -> bool:
    seg = text[s:e].strip()
    if len(seg.split()) > 8:
        return False
    return bool(re.match(r"^[a-z]", seg) or re.match(rf"^(?:[A-Z][\w.’'\-]*\s+){{1,4}}(?:{VERBS})\b", seg))


def _sentence_lookup(sentences: list[Sentence]):
    starts = [s.start for s in sentences]

    def find(pos: int) -> Sentence | None:
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return sentences[0] if sentences else None
        return sentences[i]

    return find


#: a speech-verb form used as a noun: after a possessive or a determiner
_NOUN_BEFORE = re.compile(r"(?:['’]s|\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]hese|[Tt]hose|[Ss]uch))\s+\Z")
_PREP_START = re.compile(r"(?:on|in|at|during|after|before|from|over|via|through|late|early|earlier)\b")
#: after a time ('argued Wednesday as they opened the prosecution') a clause of time, not what was argued;
#: right after the verb it may open the report ('Trump said when he started …, he thought …')
_WHEN_CLAUSE = re.compile(r"(?:while|when|as(?!\s+(?:many|much|few|little|long|soon|far|well|of)\b))\b")
#: what follows an inverted verb at a sentence's end is its speaker, not a report ('…, said Chief of Detectives
#: Charlie Beck.'): capitalised words and the small words of a title only
_NAME_ONLY = re.compile(r"(?:[\s,.()\-]*(?:[A-Z][\w’'.\-]*|of|the|and|for|de|van|von)\b)+[\s,.()\-]*")
_THAT_AFTER_PHRASE = re.compile(r"[^,;:.!?]{0,80}?\bthat\s+")
_AUX_AFTER_THAT = re.compile(r"(?:would|will|could|can|may|might|should|must|is|was|has|had|does|did|means|meant)\b")


#: the speaker's own next verb ends what was reported: 'The government said Mr. Xi would visit …
#: but gave no indication whether he had left'; 'said it would appeal but declined to comment'
_MAIN_VERB_AGAIN = re.compile(
    r",?\s+(?:but\s+(?:(?:did|would)\s+not|didn['’]t|wouldn['’]t|gave|offered|provided|"
    r"stopped\s+short|(?:could\s+not|couldn['’]t)\s+(?:provide|say|confirm|give|comment))|(?:but|and)\s+(?:declined|refused|added|noted|stressed|insisted|acknowledged|conceded))\b"
)


def _indirect(article_id: str, text: str, sentences: list[Sentence], att: _Attributor, raws: list[_Raw]) -> list[Quote]:
    """Reported speech in sentences without quotation marks: 'X said (that) …', 'according to X, …'."""
    out: list[Quote] = []
    marks = [r.open for r in raws] + [r.close for r in raws]
    for sent in sentences:
        if any(sent.start <= m < sent.end for m in marks) or len(sent.text) < 25:
            continue
        s, e = sent.start, sent.end
        body_end = e - 1 if text[e - 1] in ".!?" else e
        acc = re.search(r"(?:,\s*|^)according to\s+", text[s:e])
        if acc:
            ns, ne = _np_forward(text, s + acc.end(), body_end)
            sp = att.from_np(ns, ne, s + acc.start())
            if sp and sp.name:
                if acc.start() > 0:
                    cs, ce = s, s + acc.start()
                else:
                    rest = re.match(r"[^,]*,\s*", text[ne:body_end])
                    cs, ce = (ne + rest.end(), body_end) if rest else (ne, ne)
                cs, ce = _trim(text, cs, ce)
                if len(text[cs:ce].split()) >= 4:
                    out.append(Quote(article_id, text[cs:ce], sp.name, sp.role, cs, ce, "indirect"))
                continue
        for vm in _VERB_RE.finditer(text[s:e]):
            verb = vm.group(0)
            if verb not in _INDIRECT_VERBS:
                continue
            vs, ve = s + vm.start(), s + vm.end()
            if _NOUN_BEFORE.search(text, s, vs):
                continue  # 'Russia’s claims to Ukrainian territory', 'the warnings': a noun, not a speech verb
            if re.search(r"\b(?:is|are|was|were|be|been|being)\s+$", text[s:vs]) or (
                verb == "said" and re.match(r"\s+to\s+(?:be|have)\b", text[ve:e])
            ):
                continue  # 'The deal is said to be for eight years', 'Page, said to be …': nobody is speaking
            rest = text[ve:body_end]
            if verb in ("told", "tells"):
                t = re.match(r"\s+(?:reporters|journalists|the press|(?:[\w’'.\-]+\s+){1,6}?that)\b\s*", rest)
                if not t:
                    continue
                cs = ve + t.end()
            else:
                t = re.match(
                    r"(?:\s+(?:on|last|this|earlier\s+this|late\s+last)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                    r"Saturday|Sunday|week|weekend|month|year|morning|afternoon|evening|night|today|tonight|yesterday|"
                    r"in a statement|in an interview))*\s+(?:that\s+)?",
                    rest,
                )
                cs = ve + (t.end() if t else 0)
                after_that = text[ve:cs].rstrip().endswith("that")
                timed = bool(text[ve:cs].strip()) and not after_that
                if not after_that and (_PREP_START.match(text, cs) or timed and _WHEN_CLAUSE.match(text, cs)):
                    # a phrase of place or time first ('said in separate statements Friday that …', 'said on
                    # March 17, weighing into …'): what was said starts after a 'that', or nothing was reported
                    th = _THAT_AFTER_PHRASE.match(text, cs, body_end)
                    if not th:
                        continue
                    cs = th.end()
                if after_that and _AUX_AFTER_THAT.match(text, cs):
                    cs = ve + text[ve:cs].rstrip().rindex("that")  # 'said that would ratify …': 'that' is its subject
                if text[cs : cs + 1] in (",", ".") or not text[cs : cs + 1].strip():
                    continue
            cut = _MAIN_VERB_AGAIN.search(text, cs, body_end)
            cs, ce = _trim(text, cs, cut.start() if cut else body_end)
            if len(text[cs:ce].split()) < 4 or _NAME_ONLY.fullmatch(text, cs, ce):
                continue
            if verb in ("added", "adds") and re.match(r"[\d$€£]", text[cs:ce]):
                continue  # 'The economy added 136,000 new jobs': a sum, not speech
            sp = att.before(s, vs + len(verb), vs)
            if sp and sp.name:
                out.append(Quote(article_id, text[cs:ce], sp.name, sp.role, cs, ce, "indirect"))
            break
    return out


# ----------------------------------------------------------------- merging
def normalize_quote(text: str) -> str:
    """Lowercase, unify quote marks/dashes, drop punctuation: the form fuzzy matching compares."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"[“”„«»\"‘’']", "'", t)
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _same_quote(a: str, b: str, threshold: float) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 12 or len(short.split()) < 2:
        return short == long_
    return fuzz.partial_ratio(short, long_) >= threshold


def merge_quotes(quotes: list[Quote], threshold: float = 90.0) -> list[StoryQuote]:
    """One StoryQuote per distinct quote across articles (fuzzy text match, compatible speakers)."""
    from collections import Counter

    from newsprism.analyze.entities import canonical_names

    direct = [q for q in quotes if q.kind != "indirect"] + [q for q in quotes if q.kind == "indirect"]
    names = canonical_names(q.speaker for q in direct if q.speaker)
    norm = [normalize_quote(q.text) for q in direct]
    parent = list(range(len(direct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(direct)):
        for j in range(i):
            if root(i) == root(j):
                continue
            si = names.get(direct[i].speaker or "", direct[i].speaker)
            sj = names.get(direct[j].speaker or "", direct[j].speaker)
            if si and sj and si != sj:
                continue
            if (direct[i].kind == "indirect") != (direct[j].kind == "indirect"):
                continue
            if _same_quote(norm[i], norm[j], threshold):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(direct)):
        groups.setdefault(root(i), []).append(i)
    out: list[StoryQuote] = []
    for members in sorted(groups.values(), key=lambda g: min(direct[i].start for i in g) * 0 + g[0]):
        qs = [direct[i] for i in members]
        best = max(qs, key=lambda q: (len(q.text), -members[qs.index(q)]))
        speakers = Counter(names.get(q.speaker, q.speaker) for q in qs if q.speaker)
        roles = Counter(q.role for q in qs if q.role)
        arts: list[str] = []
        for q in qs:
            if q.article not in arts:
                arts.append(q.article)
        out.append(
            StoryQuote(
                text=best.text,
                speaker=speakers.most_common(1)[0][0] if speakers else None,
                role=roles.most_common(1)[0][0] if roles else None,
                articles=arts,
                # the quoted text is copied from ``best``: its span comes first, as every cited text in a brief does
                spans=[Span(q.article, q.start, q.end) for q in [best, *(q for q in qs if q is not best)]],
            )
        )
    return out
