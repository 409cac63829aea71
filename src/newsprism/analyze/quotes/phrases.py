"""Noun phrases around a speech verb: the phrase after it or before it, an appositive after a
name, the title or description before a name, a party-state tag.

Why apart: these are string rules over the text alone (no entities, no article state).  Every
attribution zone and the attributor's set-up use them.
"""

from __future__ import annotations

import re

from newsprism.analyze.quotes.lexicon import (
    _DESCRIPTORS,
    _FUNCTION_NP,
    _INTRO,
    _LEADING,
    _NORPS,
    _NP_GLUE,
    _NP_LOWER,
    _PARTY_NOUNS,
    _PREPS,
    _SUBORD,
    _TITLE_ABBR,
    _VERB_RE,
)
from newsprism.analyze.quotes.roles import _AUX, _after_other_name, _expand_role

#: tokens of a noun phrase; a middle initial between two name words is one token ('Thomas J. Reese'), so
#: the phrase does not end at its full stop
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.[ \t][A-Z]\.(?=[ \t]+[A-Z][a-z])|\((?:[A-Z][\w.&\-]*)\)"
    r"|(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof|St|Lt|Col)\.|(?<=\w\s)[A-Z]\.(?=\s[A-Z][a-z])"
    r"|[A-Za-z][\w’'\-.]*[\w’']|[A-Za-z]|\S"
)


def _skip_space(text: str, s: int, e: int) -> int:
    """The first position of ``text[s:e]`` that is not whitespace (``e`` when there is none)."""
    return s + len(text[s:e]) - len(text[s:e].lstrip())


def _tokens(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), s + m.start(), s + m.end()) for m in _TOKEN.finditer(text[s:e])]


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
    role_words = _lower_role_run(toks)
    for n, (tok, _ts, te) in enumerate(toks):
        low = tok.lower()
        if n < role_words:
            end = te  # lower-case job-title words before a full name: 'said public relations executive Bina Mathews'
            continue
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
            (n == 0 or all(t[0][:1].isupper() for t in toks[:n]))  # 'said Oscar producer Laurence Mark'
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


def _lower_role_run(toks: list[tuple[str, int, int]]) -> int:
    """How many lower-case words (two or three) open ``toks`` as a job title right before a full name
    ('public relations executive Bina Mathews', 'senior staff writer Ann Lee'); 0 when they are not one."""
    for k in (3, 2):
        words = [t[0] for t in toks[:k]]
        if (
            len(toks) >= k + 2
            and all(w.isalpha() and w.islower() and not w.endswith("ly") for w in words)
            and not any(w in _FUNCTION_NP | _INTRO | _PREPS | _LEADING | _SUBORD | _NOT_ROLE for w in words)
            and not any(_VERB_RE.fullmatch(w) for w in words)
            and toks[k][0][:1].isupper()
            and toks[k + 1][0][:1].isupper()
            and all(toks[i][2] + 1 == toks[i + 1][1] for i in range(k + 1))  # one space apart, no punctuation
        ):
            return k
    return 0


#: lower-case words that open a clause, not a role, before a name
_NOT_ROLE = frozenset({"and", "or", "nor", "but", "yet", "so", "then", "when", "as", "if", "while", "where", "who"})


def _abbreviation_goes_on(text: str, dot: int) -> bool:
    """The full stop at ``dot`` closes an abbreviation inside a phrase ('the U.S. attorney', 'the F.E.C.
    chairman', 'the U.S. Senate Judiciary Committee,', 'the No. 2 Democrat'), not a sentence: a dotted
    abbreviation followed by a lower-case word, or by capitalised words up to a comma; 'No.' before a number."""
    before, after = text[:dot], text[dot + 1 :]
    if re.search(r"\bNo$", before):
        return bool(re.match(r"\s+\d", after))
    if not re.search(r"(?:\b[A-Z]\.[ \t]?)+[A-Z]$", before):  # 'U.S.', or 'U. S.' as a tokenizer spaced it
        return False
    return bool(
        re.match(r"[ \t]+[a-z]", after)
        or re.match(r"[ \t]+[A-Z][\w’'\-]*(?:[ \t]+(?:of|for|and|the|on|[A-Z][\w’'\-]*))*[ \t]*(?:[,;)]|$)", after)
        # a possessive name goes on into its noun: 'the U.S. Chamber of Commerce's vice president'
        or re.match(r"[ \t]+[A-Z][\w\-]*(?:[ \t]+(?:of|for|and|the|on|[A-Z][\w\-]*))*[’']s[ \t]+[a-z]", after)
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
    if not (w in ("a", "an", "the") or w in _NP_LOWER - {"for", "and"} or titled or one_of):
        return None, s  # ('Sullivan, for the record, called …': an aside, no description)
    stop = None
    # (a sentence end inside a closing quote mark ends it too: '…, D-Wash., the Bushies' "last sour note."  Using …')
    for st in re.finditer(r",|;|—|–|\.(?=[\"”’']?(?:\s|$))|\n\s*\n| who | which | and (?:said|added)", rest):
        if st.group(0) == "." and re.search(
            r"(?:\b[A-Z][a-z]+\s+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|St|Lt|Col|Rev|Prof|Sgt|Capt|Adm|Maj|"
            r"Det|Const|Insp|Cpl))$",
            rest[: st.start()],
        ):
            continue  # an initial or abbreviation: 'Speaker John A. Boehner', 'St. Louis'
        if (
            st.group(0) == "."
            and re.search(r"\b[A-Z]$", rest[: st.start()])
            and re.match(r"\.\s[A-Z]\.", rest[st.start() :])
        ):
            continue  # initials spaced out by a tokenizer: 'the U. S. Chamber of Commerce'
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
    if (
        stop
        and stop.group(0) == ","
        and re.match(r",[”\"]", rest[stop.start() :])
        and _open_quote(rest[: stop.start()])
    ):
        e += 2  # a quoted title's comma: 'the host of “The Daily Show,” said'
    role = text[a:e].strip()
    if len(role) > 140 or len(role.split()) < 1 or _VERB_RE.search(role):
        return None, s
    if _open_quote(role):
        return None, s  # it ends inside a quotation: words quoted after the name, no description
    role = re.sub(r"^(?:a|an|the)\s+", "", role)
    return role, e


def _open_quote(text: str) -> bool:
    """``text`` ends inside a quotation: a double quotation mark is left open."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


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


def _modifier(word: str) -> bool:
    """A lower-case word that can modify a job title ('youth', 'estate', 'celebrity'): no function word,
    clause opener, preposition, verb or adverb."""
    return (
        word.isalpha()
        and word.islower()
        and not word.endswith("ly")
        and word not in _FUNCTION_NP | _INTRO | _PREPS | _LEADING | _SUBORD | _NOT_ROLE
        and not _VERB_RE.fullmatch(word)
        and not _AUX.fullmatch(word)
    )


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
    if not m or re.search(r"\bthen-$", window[: m.start(1)]):
        return None  # 'then-Senator Obama': a title he no longer holds
    words = m.group(1).split()
    keep: list[str] = []
    modifiers = 0
    for w in reversed(words):
        lw = w.lower().strip("()’'")
        if w[0].isupper() or w.startswith("(") or lw in _NP_LOWER and lw not in ("the", "a", "an", "her", "his", "its"):
            keep.insert(0, w)
        elif modifiers < 2 and keep and keep[0].islower() and keep[0] not in _NP_GLUE and _modifier(w):
            keep.insert(0, w)  # a lower-case modifier of a lower-case title: 'youth pastor', 'Real estate tycoon'
            modifiers += 1
        else:
            break
    while keep and (keep[0].lower() in ("of", "for", "and") or re.fullmatch(r"\w+(?:ing|[’']s|[’']re)", keep[0])):
        keep.pop(0)  # '… for', 'Saying President Obama', 'It’s Senator Schumer'
    keep = _own_title(keep)
    role = " ".join(keep)
    if role and (any(w in _DESCRIPTORS for w in _expand_role(role).split()) or role.lower() in _SPOUSE_TITLES):
        return role
    m = _DESC_BEFORE_NAME.search(text[max(0, pos - 120) : pos])
    if (
        m
        and re.search(rf"\b(?:{'|'.join(sorted(_DESCRIPTORS | _PARTY_NOUNS))})(?:\s+in\s+chief)?$", m.group(1).lower())
        and not _VERB_RE.search(m.group(1))
    ):
        return m.group(1)  # 'BuzzFeed’s editor in chief, Ben Smith, said'
    return None


#: titles without a role noun: 'first lady Melania Trump'
_SPOUSE_TITLES = frozenset({"first lady", "former first lady", "first gentleman"})

#: nouns whose 'of' makes the name after it their owner, not the bearer of the words before it: 'The court of
#: Chief Justice John G. Roberts Jr.', 'the office of Secretary of State Clinton', 'the wife of Sen. …'
_OWNER_OF = frozenset(
    {
        "court",
        "office",
        "offices",
        "administration",
        "government",
        "campaign",
        "staff",
        "family",
        "home",
        "wife",
        "husband",
        "widow",
        "son",
        "daughter",
        "mother",
        "father",
        "friend",
        "friends",
        "counterpart",
        "allies",
        "ally",
        "aides",
        "supporters",
        "critics",
    }
)


def _own_title(keep: list[str]) -> list[str]:
    """The words of ``keep`` (the title words before a name) that are this name's title: not another person's name
    and title joined to it by 'and' ('President Donald Trump and first lady Melania Trump', 'Gov. Jay Inslee and
    Seattle Mayor Ed Murray', 'Mr. Booker and Senator Bernie Sanders'), not a noun owned by the name ('The court of
    Chief Justice John G. Roberts Jr.'), nothing when the name is the object of a preposition ('a lawyer for
    LaCalamita', 'A spokesman for Mr. Hunter').  One office written with 'and' stays whole ('President and General
    Manager Ed Stefanski', 'Health and Human Services Secretary Kathleen Sebelius')."""
    if (
        keep
        and keep[-1].lower() in ("for", "of", "to", "and")
        or len(keep) >= 2
        and (keep[-2].lower() in ("for", "of", "to") and re.fullmatch(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?", keep[-1]))
    ):
        return []
    keep = _after_other_name(keep)
    for i, w in enumerate(keep[:-1]):
        if (
            w.lower() == "of"
            and i > 0
            and keep[i - 1].lower() in _OWNER_OF
            and all(x.islower() or x in ("The", "A", "An", "Her", "His") for x in keep[:i])
        ):
            return keep[i + 1 :]
    return keep


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
