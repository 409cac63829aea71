"""The attributor: the article's people with their titles, appositives and party tags, and the
turning of a noun phrase into a speaker (:meth:`_Attributor.from_np`).

Why split: the rules that use this state are mixins, one per kind of rule.  :mod:`.zones` finds the
attribution around a quote, :mod:`.institutions` handles documents, groups and organisations, and
:mod:`.coref` resolves pronouns and descriptions back to a person.
"""

from __future__ import annotations

import re

from newsprism.analyze.entities import (
    DEMONYMS,
    NameIndex,
    honorific_gender,
    normalize_org,
    strip_name,
    surname,
    title_word,
)
from newsprism.analyze.quotes.coref import _Coreference
from newsprism.analyze.quotes.institutions import _Institutions
from newsprism.analyze.quotes.lexicon import (
    _CALENDAR,
    _DESCRIPTORS,
    _DOC_NP,
    _FUNCTION_OPENERS,
    _GROUP_DESC,
    _INTRO,
    _LEADING,
    _NORP,
    _NORPS,
    _ORG_DESC,
    _ORG_HEADS,
    _ORG_WORDS,
    _PLACES,
    _PREPS,
    _PRONOUNS,
    _STOPRUN,
    _TITLE_ABBR,
    US_STATES,
)
from newsprism.analyze.quotes.phrases import _DESC_BEFORE_NAME, _after_title, _appositive, _party_tag, _role_before
from newsprism.analyze.quotes.roles import _describes, _expand_role, _good_appositive, _good_title, _is_clause
from newsprism.analyze.quotes.speakers import (
    _ANON_DETS,
    _GROUP_PEOPLE,
    _SOMEONE_ELSE,
    _anonymous,
    _counted_group,
    _looks_org,
    _says_who,
    _Speaker,
)
from newsprism.analyze.quotes.zones import _Zones
from newsprism.model import Entity, Sentence

_NAME_RUN = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof)\.\s+)?(?:(?:[A-Z]\.[ \t]){2,}(?=[A-Z][a-z]))?[A-Z][\w’'\-.]*[\w’']"
    r"(?:\s+(?:(?:von|van|der|de|la|bin|al|da|du|le|del|dos)\s+|[A-Z]\.\s+(?=[A-Z]))*[A-Z][\w’'\-.]*[\w’'])*"
)


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


_NAME_LABELS = {"ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


#: a reply: its speaker is not the one who asked ('His response:', 'he replied', 'she shot back')
_RESPONSE = re.compile(
    r"^\S+\s+(?:\w+ly\s+)?(?:response|reply|answer|retort)\b|^\S+\s+(?:\w+ly\s+)?(?:responded|replied|answered|retorted|"
    r"countered|shot back|fired back)\b"
)


#: the word right before a position, on the same line
_WORD_BEFORE = re.compile(r"(?<![\w’'\-.])([A-Z][\w’'\-.]*)[ \t]+$")

#: an article and up to three words after it ('the 81st', 'The most-watched', 'the 2006 HBO movie, The Notorious')
_THING_LEAD = re.compile(r"\b(?:the|The|a|an|A|An)[ \t]+((?:[\w’'\-]*[\w’'][ \t]+){0,3})$")

#: a street's last word, never a speaker alone ('Residents along 117th Street said')
_STREETS = frozenset({"street", "avenue", "road", "boulevard", "highway", "lane"})


def _org_head(name: str) -> bool:
    """The words before an organisation's first 'of/for' read as its head ('Democracy', 'US Department',
    'Office'), not as a person's name ('Paul Haenle')."""
    head = re.sub(r"^(?:The|the)\s+", "", re.split(r"\s(?:of|for)\s", name)[0]).split()
    return len(head) == 1 or any(w.lower() in _ORG_HEADS | _ORG_WORDS for w in head)


def _nationality(run: str) -> bool:
    """'Russian', 'U.S.', 'China’s': nationality or country words only, which describe, not name."""
    return all(t.lower() in _NORP or re.sub(r"[’']s$", "", t.lower()) in DEMONYMS for t in run.split())


#: the head of a noun phrase naming someone who speaks for another ('A spokesman for Mr. Hunter', 'a lawyer for
#: Cohen'): the person after 'for'/'of' is not the speaker
_AGENT_HEAD = re.compile(
    r"\s*(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z][\w\-]*\s+){0,2}(?:spokes(?:man|woman|person|men|women)|aides?|lawyers?|"
    r"attorneys?|advis[eo]rs?|publicists?|agents?|representatives?|counsel)\s*$"
)

#: a connective opening the clause a description stands in ('After the chairman of … confirmed')
_LEAD_CONNECTIVE = r"(?:(?:After|When|Before|As|While|Then|But|And)\s+)?"
#: an office held by one person, heading 'the … of/at/for <institution>' ('the chairman of the Joint Chiefs of Staff')
_OFFICE_OF = re.compile(
    rf"\s*{_LEAD_CONNECTIVE}(?:[Tt]he|[Aa]n?)\s+"
    r"(?:[a-z][\w\-]*\s+){0,2}(?:chairman|chairwoman|chair|president|director|chief|head|"
    r"leader|founder|commander|secretary|ceo|executive)\s*$"
)


def _as_written(np: str) -> str:
    """A description as the article writes it, without a leading connective and 'the' ('chairman of the …')."""
    return re.sub(rf"^{_LEAD_CONNECTIVE}(?:the|The)\s+", "", np.strip(" ,"))


class _Attributor(_Coreference, _Institutions, _Zones):
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
        #: (quote open, speaker, role, plural) of every quote attributed so far: 'they' refers back to a plural one
        self.said: list[tuple[int, str, str | None, bool]] = []
        self._gender: dict[str, str] | None = None
        self._salient: list[tuple[int, str]] | None = None
        self._lede: dict[str, list[str]] | None = None
        self._dead: set[str] | None = None  # people the article says were killed (coref._killed)
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
            # (a clause after the name is no role: 'Mr. Bloomberg, the comedian Billy Crystal and … were set to play')
            role = title or (appos if appos and not _is_clause(appos) else None)
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
                if self._second_word(m.start(), m.group(1)):
                    continue  # 'Academy Awards' is not Tony Awards's
                # a surname two people share resolves by its honorific, then by recency
                extra.append(
                    (m.start(), m.end(), index.resolve(m.group(1), m.start(), honorific_gender("", text, m.start())))
                )
        self.people = sorted(self.people + extra)

    def _second_word(self, pos: int, word: str) -> bool:
        """Whether the surname ``word`` at ``pos`` ends the name of a thing: the capitalised word before it opens
        a name written with an article ('the 81st Academy Awards', 'The Grammy Awards', 'the Betty Ford Center')
        and neither is a title ('the Vice President Joe Biden') nor ends a sentence or abbreviation ('Mexico.
        Trump’s', 'Const. Fanning'), nor is the first name of a person with that surname.  Why: a false PERSON 'Tony Awards' made every later 'Academy Awards' a
        mention of him, the antecedent of the next description."""
        m = _WORD_BEFORE.search(self.text, max(0, pos - 60), pos)
        if not m or m.group(1).endswith(".") or title_word(m.group(1)):
            return False
        if any(n.split()[0] == m.group(1) and surname(n) == word for _, n in self.index.mentions):
            return False  # 'the Linda McMahon campaign': her name
        lead = _THING_LEAD.search(self.text, max(0, m.start(1) - 60), m.start(1))
        return bool(lead) and not any(
            title_word(w) or w.lower() in _PREPS | {"and", "or"} for w in lead.group(1).split()
        )

    def _person_like(self, s: int, e: int, run: str) -> bool:
        for ps, pe, _ in self.people:
            if ps < e and pe > s:
                return True
        if any(x.start < e and x.end > s for x in self.ents if x.label in ("GPE", "LOC", "NORP")):
            return False  # 'the lawsuit from Nebraska and Oklahoma'

        if _looks_org(run) or all(t.lower().strip(".’'") in _ROLEISH for t in run.split()):
            return False
        if run.lower() in _CALENDAR:
            return False  # 'The Indian Navy in November said', 'on Twitter on Friday and said'
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

    def _long_org(self, s: int, e: int) -> _Speaker | None:
        """An organisation whose name runs over 'of/for' ('Democracy for America', 'the Centers for Disease
        Control and Prevention', 'the Bureau of Labor Statistics') when it is the whole noun phrase: the head
        segment alone ('Democracy', 'Centers') is no name."""
        for x in self.ents:
            if (
                x.label == "ORG"
                and s <= x.start
                and x.end <= e
                and re.search(r"\s(?:of|for)\s", x.text)
                and re.fullmatch(r"[\s,]*(?:(?:the|The)\s+)?", self.text[s : x.start])
                and not self.text[x.end : e].strip(" ,")
                and not any(ps < x.end and pe > x.start for ps, pe, _ in self.people)
                and _org_head(x.text)  # not 'Paul Haenle of the Carnegie Endowment' tagged as one ORG
            ):
                return _Speaker(normalize_org(x.text), None, True)
        return None

    def from_np(self, s: int, e: int, pos: int, allow_appositive: bool = True) -> _Speaker | None:
        text = self.text
        np = text[s:e]
        if not np.strip():
            return None
        low = np.strip().lower()
        if len(low.split()) == 1 and low in _STREETS:
            return None  # 'Residents along 117th Street said' ('Downing Street said' is a name and stays)
        dm = _DOC_NP.match(text, s)
        if dm and len(low.split()) <= len(dm.group(0).split()):
            return self.document(dm.group(1).lower(), s)
        if joint := self._joint(s, e, pos):
            return joint
        if org := self._long_org(s, e):
            return org
        if low in ("they", "them"):
            return self.resolve_they(min(pos, s))
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
            if rest and name and (named := self._appositive_name(e)):
                # 'according to her publicist, Jack Ketsoyan.': the name the article gives the publicist
                return _Speaker(named, f"{name}’s {rest[0]}", True)
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
            # (an institution's own spokesman, 'A spokesperson for Google', stays the institution's voice: only a
            # person the article names is spoken for)
            ner_person = person and (
                any(ps <= person[0] < pe for ps, pe, _c in self.people) or self.index.candidates(person[2])
            )
            if person and k > 0 and _OFFICE_OF.match(text, s, segs[0][1]):
                return _Speaker(_as_written(np), None, False)  # (an institution the NER took for a person)
            if ner_person and k > 0 and _AGENT_HEAD.match(text, s, segs[0][1]):
                # 'A spokesman for Mr. Hunter, Michael Harrison, said': the spokesman speaks, by the name the article
                # gives; unnamed, as written (like 'a Ryan spokesman'), so no reader takes it for Hunter's words
                named = self._appositive_name(e)
                desc = _as_written(np)
                if named:
                    return _Speaker(named, re.sub(r"^(?:a|an|A|An)\s+", "", desc), True)
                return _Speaker(desc, None, False)
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
            found = self._describe(heads[-1], words, pos) or self.national_description(heads[-1], words, s)
            if not found and words[0] == "the":
                # 'the official said' after 'A senior fire department official said …'; 'the presidential hopeful
                # said' after Rubio's quotes
                found = self.unnamed_source(s, e, pos) or self.epithet(s, e, pos)
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
        caps = [
            re.sub(r"^(?:The|A|An)\s+", "", m.group(0))
            for m in _NAME_RUN.finditer(np)
            if m.group(0).lower() not in _STOPRUN
        ]
        if heads and not any(w in _ORG_HEADS for w in words) and caps and all(map(_nationality, caps)):
            return None  # 'the Russian leader' unresolved: a description, never an institution 'Russian Leader'
        if (
            not caps
            and not heads
            and words[-1] in _ORG_HEADS
            and re.fullmatch(r"(?:the|its|their)\s+(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*", np.strip(" ,"), re.I)
        ):
            # 'the military said', 'the agency said' with no such organisation named before: as written
            return _Speaker(re.sub(r"^(?:The|Its|Their)\b", lambda m: m.group(0).lower(), np.strip(" ,")), None, False)
        if len(segs) > 1 and _OFFICE_OF.match(text, s, segs[0][1]) and re.search(r"[A-Z]", text[segs[-1][0] : e]):
            # 'the chairman of the Joint Chiefs of Staff confirmed he knew': a person holding the office, unnamed
            # here, as written; not the institution (which a spokesman for it would speak for)
            return _Speaker(_as_written(np), None, False)
        if any(w in _ORG_HEADS for w in words) or any(_looks_org(c) for c in caps):
            org = normalize_org(re.split(r"\s+and\s+", np.strip(" ,"))[0])
            return _Speaker(org, None, True) if re.search(r"[A-Z]", org) and org.lower() not in _STOPRUN else None
        if sp := self.state_party(np, pos):  # 'The California Democrat' -> the 'D-Calif.' named before
            return sp
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

    def state_party(self, np: str, pos: int) -> _Speaker | None:
        """'The California Democrat', 'the Ohio Republican': the one person named before ``pos`` whose party
        tag gives that party and state ('House Minority Leader Nancy Pelosi (D-Calif.)'); else nobody."""
        m = re.fullmatch(r"\s*(?:[Tt]he\s+)?((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+(Democrat|Republican)\s*", np)
        abbrs = US_STATES.get(m.group(1).lower()) if m else None
        if not m or not abbrs:
            return None
        found = set()
        for p, full in self.index.mentions:
            tag = self.party.get(full)
            tm = re.fullmatch(r"([DR])[-–](.+)", tag or "")
            if p < pos and tm and tm.group(1) == m.group(2)[0] and re.sub(r"[^a-z]", "", tm.group(2).lower()) in abbrs:
                found.add(full)
        if len(found) != 1:
            return None
        full = found.pop()
        return _Speaker(full, self.index.role_of(full), True)

    def _appositive_name(self, e: int) -> str | None:
        """The person named right after a description, set off by commas and ending the phrase ('her publicist,
        Jack Ketsoyan.', 'his lawyer, Ann Cole, said'), resolved; else None."""
        found = self.person_after_comma(e)
        if found and re.match(r"\s*(?:[,.;:]|$)", self.text[found[1] : found[1] + 2]):
            return self.index.resolve(found[2], found[0])
        return None

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
