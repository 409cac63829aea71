"""Roles: the descriptions an article gives a speaker ('Sen.', 'a Republican of Idaho'), compared,
judged, cleaned and merged.

Why apart: roles are judged while attributing, and they are cleaned and merged once per quote at
the end.  Both steps compare them word by word through :func:`_expand_role`.
"""

from __future__ import annotations

import re

from newsprism.analyze.entities import DEMONYMS
from newsprism.analyze.quotes.lexicon import (
    _DESCRIPTORS,
    _LEADING,
    _NP_LOWER,
    _PARTY_NOUNS,
    _PARTY_WORDS,
    _ROLE_FILLER,
    _SMALL,
    _SUBORD,
    _TITLE_ABBR,
    _VERB_RE,
)

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


#: one member of a group named before the name: 'one of the women, Maureen Maloney, said'
_PARTITIVE = re.compile(
    r"(?:[Oo]ne|[Aa]nother)\s+of\s+(?:the|those|these|his|her|their|its|our)\s+(?:[\w’'\-]+\s+){0,3}"
    r"(?:[a-z][\w\-]*[a-rt-z]s|[a-z]*(?:men|people|children))"
)


def _office_word(word: str, nouns: frozenset[str] | set[str]) -> bool:
    """``word`` is one of ``nouns``, or a hyphenated compound of one ('governor-general', 'deputy-governor')."""
    return word in nouns or ("-" in word and any(p in nouns for p in word.split("-")))


def _describes(desc: str) -> bool:
    """A description of a person ('Obama's current campaign press secretary', 'Another leading Dem', 'one
    of the mothers'): it ends in an office or party noun, or names one of a group of people, and holds no
    verb."""
    words = _expand_role(desc).split()
    head = _expand_role(re.split(r"\s+of\s+", desc, maxsplit=1)[0]).split()
    of_office = " of " in desc and bool(head) and _office_word(head[-1], _DESCRIPTORS | {"head"})  # 'the head of …'
    return (
        bool(words)
        and (
            _office_word(words[-1], _DESCRIPTORS | _PARTY_NOUNS)
            or of_office
            or bool(_PARTITIVE.fullmatch(desc.strip()))
        )
        and not _VERB_RE.search(desc)
        and len(words) <= 8
        and not _AUX.search(desc)
    )


#: a finite 'be'/'have', a modal or a 'say' (a clause's verb: _is_clause), and in _AUX with more verb and
#: pronoun words and the '-ing' forms that are not role modifiers (a description has none of them)
_FINITE_AUX_WORDS = "is|are|was|were|has|have|had|will|would|can|could|says|said"
_FINITE_AUX = re.compile(rf"\b(?:{_FINITE_AUX_WORDS})\b")
_AUX = re.compile(
    rf"\b(?:{_FINITE_AUX_WORDS}|been|be|make|makes|made|who|which|that|they|he|she)\b"
    r"|\b\w+ing\b(?<!ranking)(?<!leading)(?<!sitting)(?<!founding)"
    r"(?<!outgoing)(?<!incoming)(?<!governing)(?<!presiding)"
)


def _title_only(words: list[str]) -> bool:
    """Every word is a role, party or modifier word ('Sen.', 'first lady', 'former Vice President', 'House Speaker')."""
    return all(
        w in _DESCRIPTORS or w in _NP_LOWER or w in _PARTY_NOUNS or w in _TITLE_ABBR
        for w in _expand_role(" ".join(words)).split()
    )


def _after_other_name(keep: list[str]) -> list[str]:
    """The words of a role after another person's name and 'and' ('President Donald Trump and first lady' before
    Melania Trump, 'Gov. Jay Inslee and Seattle Mayor' before Ed Murray, 'Mr. Booker and Senator' before Bernie
    Sanders, 'state lawmakers and Republican Gov.' before Mike Pence): the title of the name that follows; the
    role as given when the 'and' is inside one office ('President and General Manager', 'Health and Human
    Services Secretary', 'Secretary of Health and Human Services')."""
    for i in range(len(keep) - 1, 0, -1):
        if keep[i].lower() not in ("and", "&"):
            continue
        before, after = keep[:i], keep[i + 1 :]
        last = before[-1]
        low = _expand_role(last).split()
        if not after or not low or low[-1] in _DESCRIPTORS or low[-1] in _TITLE_ABBR:
            break  # 'President and CEO'
        if not any(w in _DESCRIPTORS for w in _expand_role(" ".join(after)).split()) and not _title_only(after):
            break  # 'Secretary of Health and Human Services'
        named = last[:1].isupper() and low[-1] not in _NP_LOWER and not _title_only([last])
        plural = last.islower() and last.endswith("s")  # 'state lawmakers and Republican Gov. Mike Pence'
        titled = any(  # a titled name before 'and': 'Gov. Jay Inslee', 'Secretary of Commerce Gary Locke'
            (w.lower() in _DESCRIPTORS or w.lower().rstrip(".") in _TITLE_ABBR)
            and all(x[:1].isupper() or x in ("of", "the") for x in before[k + 1 :])
            for k, w in enumerate(before[:-1])
        )
        if (named or plural) and (_title_only(after) or named and titled):
            return after
        break
    return keep


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
    return not _AUX.search(appos) and not _is_clause(appos)


def _is_clause(phrase: str) -> bool:
    """A clause, not a description: a finite 'be'/'have'/modal ('… Joe Torre were set to play'), or a role
    noun followed by a verb ('the comedian stares the camera down')."""
    return bool(_FINITE_AUX.search(phrase)) or any(
        m.group(1) not in _NOUN_PHRASE_WORDS for m in _CLAUSE_AFTER_HEAD.finditer(phrase)
    )


#: lower-case words that go on a role noun's noun phrase after it ('chief executive', 'Republican leader')
_NOUN_PHRASE_WORDS = frozenset(_NP_LOWER | _DESCRIPTORS | _PARTY_NOUNS)


#: a role noun followed by a lower-case word that is neither glue nor another role word ('chief executive'): a verb
#: ('the comedian stares the camera down'), so the phrase is a clause, not a description
_CLAUSE_AFTER_HEAD = re.compile(
    r"\b(?:" + "|".join(sorted(_DESCRIPTORS)) + r")s?\s+(?!(?:of|for|at|in|on|to|with|from|and|or|since|under|"
    r"over|during|until|turned|emeritus|general|elect|designate|this|that|these|those|last|next|who|whom|whose|which|"
    r"now|then|here|there)\b)([a-z]+)\b(?!-)"
)


def _role_words(role: str) -> set[str]:
    """A role's words for comparing two descriptions: expanded titles, a country's possessive as its
    demonym ('China’s' ~ 'Chinese')."""
    out = set()
    for w in _expand_role(role).split():
        w = re.sub(r"['’]s$", "", w.strip(",.()"))
        if w.startswith("ex-") and len(w) > 3:  # 'Ex-FBI lawyer' ~ 'Former FBI lawyer'
            out.add("former")
            w = w[3:]
        out.add(DEMONYMS.get(w, w).lower())
    return out


def _merge_roles(role: str | None, descs: list[str], limit: int = 200) -> str | None:
    """The fullest description the article gives a person: the quote's own role, then every other
    mention's title or appositive that adds words ('Representative' + 'Republican of Idaho'; 'Mr. Labrador
    said' gets both).  Descriptions already covered, or that would make the role overlong, are skipped; a
    description that holds an earlier piece takes its place ('Leader', then 'Senate Majority Leader')."""
    pieces = [role] if role else []
    for d in descs:
        d = clean_role(d)
        if not d:
            continue
        have, given = _role_words(", ".join(pieces)), _role_words(d)
        if not given - have - _ROLE_FILLER or any(d.lower() in p.lower() for p in pieces):
            continue
        # 'China’s spokesman' is inside 'Chinese Foreign Ministry spokesman': one role, not both
        inside = [i for i, p in enumerate(pieces) if _role_words(p) - _ROLE_FILLER <= given]
        if inside:
            new = [*pieces[: inside[0]], d, *(p for i, p in enumerate(pieces) if i > inside[0] and i not in inside)]
        else:
            new = [*pieces, d]
        if len(", ".join(new)) > limit:
            continue
        pieces = new
    return ", ".join(pieces) if pieces else None


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
    while words and (words[-1].lower().strip(",;:") in _SMALL or not re.search(r"\w", words[-1])):
        words.pop()
    if words and re.fullmatch(r"(?:Mr|Mrs|Ms|Miss)\.?", words[-1]):
        return None  # the words before a name's honorific are no title: 'When Mr. Shulman said', 'Enter Ms. Lauten'
    while words and (words[0].lower() in _SMALL or words[0].lower() in _LEADING or words[0].lower() in _SUBORD):
        words.pop(0)
    if len(words) > 1 and words[0].lower() == "one" and words[1].lower() != "of":
        words.pop(0)  # one of several, as the role of that one: 'One Democrat, Representative Stephen F. Lynch'
    words = [_SINGULAR.get(w, w) for w in words]  # 'Sens. Durbin and Leahy': each one is a Sen.
    r = " ".join(words).strip(" ,;:-–—")
    if not r or re.match(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep)\.?\s+[A-Z]", r + " "):
        return None
    if re.search(r"\b(?:of|for|the|a|an)\s+(?:of|for)\b", r, re.I):
        return None  # a hole where a parse took a name out: 'chairman of the of Staff'
    return r
