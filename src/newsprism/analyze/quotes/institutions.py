"""Speakers that are not one named person, as a mixin of the attributor.

A document ('the joint statement said' -> who issued it), a group or organisation ('the campaign',
'The NAACP … The group'), two joint speakers ('Pelosi and Schumer said') and an institution's
unnamed spokesperson ('a Microsoft spokesperson').  Why apart: each of these rules finds who stands
behind a noun that is not a name.
"""

from __future__ import annotations

import bisect
import re

from newsprism.analyze.entities import normalize_org, strip_name
from newsprism.analyze.quotes.lexicon import (
    _DATE_BETWEEN,
    _DOC_NP,
    _DOC_SYNONYMS,
    _GROUP_DESC,
    _NAME_LEAD,
    _NORP,
    _ORG_DESC,
    _PARTY_WORDS,
    _PLACES,
    _STOPRUN,
    _VERBISH,
)
from newsprism.analyze.quotes.phrases import _np_forward, _skip_space
from newsprism.analyze.quotes.speakers import (
    _AUTHOR_GROUP,
    _COUNTED_GROUP,
    _counted_group,
    _looks_org,
    _person_name,
    _Speaker,
)
from newsprism.model import Entity

#: 'the mayor's lawyer, Anna Berg' (a short description, then the person's name and the end of the phrase)
_DESC_THEN_NAME = re.compile(
    r"((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+),\s+([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3})(?=[,.;]|\s*$)"
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


#: heads general enough to stand for any organisation named before ('The NAACP … The group called …')
_ANY_ORG_HEADS = {"group", "organization", "organisation", "company", "firm", "coalition", "movement", "agency"}


class _Institutions:
    """Documents, groups, organisations and joint speakers.

    A mixin of :class:`~newsprism.analyze.quotes.attributor._Attributor`: it reads the state that class sets up
    (``text``, ``ents``, ``index``, ``people``, ``sentences``, ``quoted``, ``speakers``, ``descs`` …) and calls its
    :meth:`from_np` and the other mixins' methods.
    """

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
                and _VERBISH.match(text, (d.end() if (d := _DATE_BETWEEN.match(text, x.end)) else x.end), len(text))
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
