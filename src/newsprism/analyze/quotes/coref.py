"""Reference back to someone named before, as a mixin of the attributor.

Pronouns ('he said' -> the latest salient person of that gender), descriptions ('the NSC spokesman',
'The communications pro') and unnamed sources that a later description names.  Also the
descriptions each person collects over the article (party words, 'its editor').  Why apart: these
rules look back over the whole article, not at one quote's zone.
"""

from __future__ import annotations

import bisect
import re

from newsprism.analyze.entities import _OBJECT_PRONOUN, _VERB_OBJECT, DEMONYMS
from newsprism.analyze.quotes.lexicon import (
    _DESCRIPTORS,
    _DOC_SYNONYMS,
    _FUNCTION_OPENERS,
    _GROUP_HEADS,
    _INTRO,
    _NAME_LEAD,
    _NORP,
    _NP_LOWER,
    _ORG_HEADS,
    _PREPS,
    _PRONOUNS,
    _ROLE_FILLER,
    _SAY,
    _VERB_RE,
    _VERBISH,
)
from newsprism.analyze.quotes.phrases import _np_start
from newsprism.analyze.quotes.roles import _expand_role
from newsprism.analyze.quotes.speakers import _anonymous, _person_name, _says_who, _Speaker

#: the offices a country's 'leader' holds
_LEADERS = {"president", "premier", "chancellor", "king", "queen", "prime", "emir", "chairman"}


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
#: a verb or adjective of death right before a name and its title words (checked by :meth:`_killed`)
_KILLED_BEFORE = re.compile(r"\b(?:killed|murdered|slain|assassinated|late)\s+((?:[\w.’'\-]+\s+){0,4})$")
#: a role word for a man ('spokesman', 'congressman'); not 'women', nor 'German', 'human', 'Roman', 'Oman'
_MALE_ROLE = re.compile(r"\b(?!(?:ger|hu|ro|o|wo)man\b)\w*man\b")
#: heads of a definite description that are no single person: offices, groups, documents
_NOT_PERSON_HEADS = (
    _DESCRIPTORS
    | _ORG_HEADS
    | _GROUP_HEADS
    | set().union(*_DOC_SYNONYMS)
    | {"first", "same", "other", "latter", "former"}
)


#: offices a person holds one of at a time: 'the governor' is not the person the article calls a senator
_OFFICES = {
    "president",
    "governor",
    "mayor",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "ambassador",
    "judge",
    "justice",
    "sheriff",
    "prosecutor",
    "attorney",
    "general",
    "commissioner",
    "speaker",
    "chairman",
    "chairwoman",
    "director",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "publicist",
    "agent",
}
#: head nouns that say a woman or a man ('The American Pie actress', 'the 40-year-old actor')
_FEMALE_HEADS = {"actress", "woman", "wife", "mother", "daughter", "sister", "girl", "lady", "widow", "queen"}
_MALE_HEADS = {"actor", "man", "husband", "father", "son", "brother", "boy", "widower", "king"}
#: nouns that describe a person by what they do or are known for, beyond the office words of _DESCRIPTORS: the
#: epithets a story uses for its main person ('the star', 'the convicted killer', 'the 40-year-old actor')
_EPITHETS = (
    _FEMALE_HEADS
    | _MALE_HEADS
    | {
        "star",
        "superstar",
        "celebrity",
        "singer",
        "rapper",
        "musician",
        "filmmaker",
        "producer",
        "writer",
        "novelist",
        "artist",
        "model",
        "designer",
        "chef",
        "socialite",
        "heiress",
        "killer",
        "suspect",
        "gunman",
        "defendant",
        "veteran",
        "player",
        "coach",
        "athlete",
        "champion",
        "incumbent",
        "challenger",
        "frontrunner",
        "front-runner",
        "businessman",
        "businesswoman",
        "entrepreneur",
        "mogul",
        "legend",
    }
)
#: a speech verb after a subject and an aside: 'A former … prosecutor said', 'An aide …, who spoke on condition …, said'
_SAYS_AFTER = re.compile(rf"\s*(?:,[^,;.]{{0,100}},\s*)?(?:\w+ly\s+)?(?:{_SAY})\b")
#: a verb after a subject and an aside: the noun phrase before it is a clause's subject ('a senior administration
#: official also pushed back'), not a modifier ('an official announcement')
_VERB_AFTER = re.compile(
    r"(?:\s*,[^,;.]{0,100},)?(?:\s+(?:also|later|then|again|\w+ly))?\s+"
    r"(?:[a-z]+ed|[a-z]+s|was|were|is|are|has|had|have|told|said|spoke|wrote|will|would|could)\b"
)
#: a person described, not named ('a naval officer', 'A former Justice Department computer crimes prosecutor')
_DESCRIBED = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[\w\-]+\s+){0,6}?("
    + "|".join(sorted(_DESCRIPTORS | _EPITHETS, key=len, reverse=True))
    + r")\b"
)


class _Coreference:
    """Pronouns, descriptions and unnamed sources that refer back to someone.

    A mixin of :class:`~newsprism.analyze.quotes.attributor._Attributor`: it reads the state that class sets up
    (``text``, ``ents``, ``index``, ``people``, ``sentences``, ``quoted``, ``speakers``, ``descs`` …) and calls its
    :meth:`from_np` and the other mixins' methods.
    """

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
                    or _MALE_ROLE.search(ctx)
                    and not re.search(r"wom[ae]n\b", ctx)
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
                owner: tuple[int, str] | None = None
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
                    if self.governed(ps, sent.start):
                        continue
                    if owner is None and self.text[pe : pe + 2] in ("’s", "'s"):
                        # 'Pelosi’s understanding of Midwesterners … is what Ryan highlighted …': the person
                        # who then does something in the sentence is its subject; else the owner is
                        owner = (ps, self.index.resolve(c, ps))
                        continue
                    if owner and not _VERBISH.match(self.text, pe):
                        continue
                    self._salient.append((ps, self.index.resolve(c, ps)))
                    dm = owner = None
                    break
                if owner:
                    self._salient.append(owner)
                    dm = None
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
        for p, name in sorted(events, reverse=True):
            g = self.gender(name)
            if want and g and g != want or name == exclude:
                continue
            if want and self._acts_on(p, name, want):
                continue  # 'Crowley asked her if she could “…” She said: …': 'she' is the woman asked
            return name
        last = self.last_person if self.last_person and self.last_person[1] != exclude else None
        if last and want and self.index.gender_of(last[1]) not in (None, want):
            last = None  # the fallbacks too never give 'he' to a person the article itself marks female
        if last:
            lp = bisect.bisect_right(self._paras, last[0]) - 1
            if pi - lp <= 1:
                return last[1]
        return self._nearest_person(pos, exclude, want) or (last[1] if last else None)

    def _acts_on(self, pos: int, name: str, want: str) -> bool:
        """``name``, the subject of the sentence at ``pos`` (or of the quote there), does something to somebody of
        gender ``want`` named by an object pronoun right after ('Rep. Joseph Crowley, D-N.Y., asked her if …';
        'him', or 'her' owning nothing): that other person, not the subject (who would be 'herself'), is whom a
        pronoun of that gender after it means."""
        sent = self._sentence_at(pos)
        if not sent:
            return False
        ps = next((p for p, n in self.salient() if sent.start <= p < sent.end and n == name), None)
        pe = next((e for s, e, _c in self.people if s == ps), None)
        om = _VERB_OBJECT.match(self.text, pe) if pe is not None else None
        if not om or om.group(1).lower() != ("him" if want == "m" else "her"):
            return False
        return bool(_OBJECT_PRONOUN[want].match(self.text, om.start(1)))

    def resolve_they(self, pos: int) -> _Speaker | None:
        """'They vowed Congress would “…”' after '“…,” Nancy Pelosi and Chuck Schumer said': the speakers of
        the latest quote before ``pos`` in this or the previous paragraph, when they are several (two
        people or groups joined by 'and', or people as written: 'Democratic lawmakers'); else nobody."""
        pi = bisect.bisect_right(self._paras, pos) - 1
        lo = self._paras[max(0, pi - 1)] if self._paras else 0
        before = [x for x in self.said if lo <= x[0] < pos]
        if not before or not before[-1][3]:
            return None
        _p, name, role, _plural = before[-1]
        return _Speaker(name, role, True)

    def _nearest_person(self, pos: int, exclude: str | None = None, want: str | None = None) -> str | None:
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
            and (want is None or self.index.gender_of(self.index.resolve(c, s)) in (None, want))
        ]
        return self.index.resolve(before[-1], pos) if before else None

    def _describe(self, head: str, words: list[str], pos: int) -> _Speaker | None:
        """'the NSC spokesman' -> the latest earlier person whose role has that head noun (and other words)."""
        best: tuple[int, int, str, str | None] | None = None
        mentions = (
            [(p, full, None) for p, full in self.index.mentions]
            + [(p, self.index.resolve(c, p), None) for p, _e, c in self.people]
            + self._unnamed(head, pos)
            + [(p, name, name) for p, name in self.sources]
        )  # 'the spokesperson' -> 'a Microsoft spokesperson'; 'the official' -> 'one union official'
        dead = self._killed()
        for p, full, own in sorted(mentions):
            if p > pos:
                break
            if full in dead:
                continue  # 'The judge had advice …' is not the judge the article says was shot and killed
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

    def unnamed_source(self, s: int, e: int, pos: int) -> _Speaker | None:
        """'the official said' after 'A senior fire department official said demonstrators prevented …': the
        unnamed source as first written, when an earlier unnamed person with that head is a clause's subject in
        this or the three previous paragraphs (outside quotes) and carries the description's modifiers ('the senior
        official' is 'a senior administration official').  The latest such source; else nobody."""
        m = re.fullmatch(r"\s*[Tt]he\s+((?:[a-z][\w\-]*\s+){0,3})([a-z]+)\s*", self.text[s:e])
        if not m or m.group(2) not in _DESCRIPTORS:
            return None
        head, mods = m.group(2), set(m.group(1).split()) - {"former"}
        if self._named_after(e):
            return None
        lo = self._paras[max(0, bisect.bisect_right(self._paras, s) - 4)] if self._paras else 0
        pat = re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){{0,5}}?{head}\b")
        found = None
        for dm in pat.finditer(self.text, lo, s):
            if any(q0 < dm.start() < q1 for q0, q1 in self.quoted) or not _VERB_AFTER.match(self.text, dm.end()):
                continue
            anon = _anonymous(dm.group(0))
            if anon and anon.name and mods <= set(anon.name.lower().split()):
                found = anon
        return found

    def epithet(self, s: int, e: int, pos: int) -> _Speaker | None:
        """A definite description no role resolves, used as an epithet of the person the passage is about: 'the
        presidential hopeful said' after Rubio's quotes, 'the former vice president says' after 'Joe Biden
        officially announced …', 'the star said' after Reid's quotes.  It is the latest salient person (a
        quote's speaker or a sentence's subject) of this or the two previous paragraphs, and only when nobody
        else is named outside quotes from that person's paragraph on (the epithet could be theirs), the head's
        gender (actress, actor) and office (a governor is no senator) do not contradict what the article says
        of them, and the article has not used the head before for someone unnamed ('a naval officer').  Else
        nobody: the caller keeps the description as written."""
        text = self.text
        m = re.fullmatch(r"\s*(?:[Tt]he)\s+((?:[a-z0-9][\w\-]*\s+){0,3})([a-z][\w\-]*)\s*", text[s:e])
        if not m:
            return None
        head, mods = m.group(2).lower(), m.group(1).split()
        if not (head in _DESCRIPTORS or head in _EPITHETS or _MALE_ROLE.fullmatch(head) or head.endswith("woman")):
            return None  # 'the hospital said' is an institution's words, as written
        if (
            head in _ORG_HEADS
            or head in _GROUP_HEADS
            or any(head in g for g in _DOC_SYNONYMS)
            or head.endswith("s")
            and not head.endswith("ss")
            or _ABSTRACT.search(head)
            or _VERB_RE.fullmatch(head)
            or any(w in _FUNCTION_WORDS or _VERB_RE.fullmatch(w) for w in mods)
        ):
            return None
        if self._named_after(e) or re.match(
            r"\s+(?:who|whom|that|which|[a-z]+ing|for|of|at|in|with|from|on|to)\b", text[e : e + 20]
        ):
            return None  # 'The officer who fired the shot says', 'the lawyer acting for the officer': someone new
        pi = bisect.bisect_right(self._paras, s) - 1
        lo = self._paras[max(0, pi - 2)] if self._paras else 0
        close = dict(self.quoted)  # a quote running over paragraphs is its speaker's up to its last words
        events = [(min(close.get(p, p), s - 1), n) for p, n in self.speakers if lo <= close.get(p, p) and p < s]
        events += [(p, n) for p, n in self.salient() if lo <= p < s]
        if not events:
            return None
        p, name = max(events)
        if len(name.split()) > 4 or not _person_name(name) or name in self._killed():
            return None  # a headline the NER took for a name ('Trump Wants To Order End To Birthright Citizenship')
        since = self._paras[bisect.bisect_right(self._paras, p) - 1] if self._paras else 0
        for ps, _pe, c in self.people:
            if (
                since <= ps < s
                and not any(q0 < ps < q1 for q0, q1 in self.quoted)
                and self.index.resolve(c, ps) != name
                and not self.governed(ps)
            ):
                return None  # 'Obama criticized Romney. The Republican candidate said …': whose epithet?
        want = "f" if head in _FEMALE_HEADS else "m" if head in _MALE_HEADS else None
        if want and self.gender(name) != want:
            return None  # 'the actress' only for someone the article itself marks a woman ('Ms.', 'spokeswoman')
        roles = set(self.said_words(name))
        if head in _OFFICES and roles & _OFFICES and head not in roles:
            return None
        for dm in _DESCRIBED.finditer(text, 0, s):
            if any(q0 < dm.start() < q1 for q0, q1 in self.quoted):
                continue
            if dm.group(1).lower() != head and not (
                dm.start() >= since and _SAYS_AFTER.match(text, dm.end(), dm.end() + 120)
            ):
                continue  # (the same head anywhere before; an unnamed speaker since the person's paragraph)
            if any(0 <= dm.start() - pe <= 3 and "," in text[pe : dm.start()] for _ps, pe, _c in self.people):
                continue  # an appositive: 'Marco Rubio, a presidential hopeful,' is somebody's own description
            if not re.match(r",?\s+(?:[A-Z][\w.’'\-]*\s*)+", text[dm.end() : dm.end() + 40]):
                return None  # 'a naval officer said …' earlier: the head has a referent of its own
        return _Speaker(name, self.index.role_of(name), True)

    def person_after_comma(self, e: int) -> tuple[int, int, str] | None:
        """The person mention right after ``e`` and a comma ('the aide, Elizabeth Lauten, 31,'), else None."""
        m = re.match(r"\s*,\s*", self.text[e : e + 5])
        return next((p for p in self.people if p[0] == e + m.end()), None) if m else None

    def _named_after(self, e: int) -> bool:
        """A person's name follows the description as an appositive ('the aide, Elizabeth Lauten, 31,'): it is
        that person, whom the name's own rules give."""
        return self.person_after_comma(e) is not None

    def governed(self, ps: int, lo: int | None = None) -> bool:
        """The mention at ``ps`` (its title words included) is the object of a preposition in the clause or
        sentence starting at ``lo`` ('save the country from Donald Trump'); ``lo`` defaults to the sentence's start."""
        if lo is None:
            sent = self._sentence_at(ps)
            lo = sent.start if sent else max(0, ps - 200)
        ns = _np_start(self.text, lo, ps)
        prev = re.search(r"([\w’']+)\W*$", self.text[lo:ns])
        return bool(prev and prev.group(1).lower() in _PREPS)

    def _killed(self) -> set[str]:
        """People the article says were killed ('shot and killed Superior Court Judge Rowland Barnes', 'slain
        court reporter Julie Ann Brandau', 'the late Justice Scalia'): no later description of a speaker is them.
        Computed once per article (every description looks it up)."""
        if self._dead is None:
            self._dead = set()
            for ps, _pe, c in self.people:
                m = _KILLED_BEFORE.search(self.text, max(0, ps - 80), ps)
                if m and all(w[0].isupper() or w.lower() in _NP_LOWER for w in m.group(1).split()):
                    self._dead.add(self.index.resolve(c, ps))
        return self._dead

    def said_words(self, name: str) -> list[str]:
        """The role words of all the article says a person is: their role, every role and description given
        (abbreviations and party tags spelled out by :func:`_expand_role`)."""
        said = f"{self.index.role_of(name) or ''} {self.all_roles.get(name, '')} {' '.join(self.descs.get(name, []))}"
        return _expand_role(said).split()

    def nationalities(self, name: str) -> set[str]:
        """The nationalities the article gives a person, lower-cased: in a role or description ('Russian
        President'), or in the words right before a mention ('his Russian counterpart Vladimir Putin',
        'China’s Wang Yi')."""
        out = {w for w in self.said_words(name) if w in _NORP}
        for ps, _pe, c in self.people:
            if self.index.resolve(c, ps) != name:
                continue
            m = re.search(r"(?:[\w.’'\-]+[ \t]+){1,3}$", self.text[max(0, ps - 60) : ps])
            for tok in reversed(m.group(0).split() if m else []):
                low = tok.lower()
                base = re.sub(r"[’']s$", "", low)
                if low in _NORP:
                    out.add(low)
                elif base != low and base in DEMONYMS:
                    out.add(DEMONYMS[base].lower())
                elif low in _PREPS or low in ("and", "or", "to", "the", "a", "an") or _VERB_RE.fullmatch(low):
                    break
        return out

    def national_description(self, head: str, words: list[str], s: int) -> _Speaker | None:
        """'When Putin hosted China’s top diplomat, Wang Yi, last month, the Russian leader said …': a
        definite description with a nationality that no role resolves is the one person named earlier in
        the same sentence whom the article gives that nationality, unless the article gives them another
        office ('the Russian leader' may be the Russian President, not the Russian foreign minister)."""
        nation = {w for w in words if w in _NORP}
        sent = self._sentence_at(s)
        if not nation or not sent or words[:1] != ["the"]:
            return None
        offices = {head} | (_LEADERS | {"leader"} if head == "leader" else set())
        fits = set()
        for ps, _pe, c in self.people:
            if not sent.start <= ps < s or any(q0 < ps < q1 for q0, q1 in self.quoted):
                continue
            full = self.index.resolve(c, ps)
            roles = set(self.said_words(full))
            if nation <= self.nationalities(full) and not (roles & _DESCRIPTORS and not roles & offices):
                fits.add(full)
        if len(fits) != 1:
            return None
        name = fits.pop()
        return _Speaker(name, self.index.role_of(name), True)

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
        ts = m.start() + re.search(r"\b[Tt]he[ \t]", m.group(0)).start()
        return self._modifier_described(s, pos, mods) or self.epithet(ts, m.end(), pos)

    def _modifier_described(self, s: int, pos: int, mods: list[str]) -> _Speaker | None:
        """The latest salient person of this or the previous paragraph when the article describes them with
        one of the description's modifiers ('The communications director for a Republican member …')."""
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
                    roles = self.said_words(full)
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
