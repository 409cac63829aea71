"""The attribution zones of one quotation, as a mixin of the attributor.

Right after the closing mark ('…,” he said'), before the opening mark ('X said “…'), 'according to
X', and the clause subject that the zones fall back on.  Why apart: this is where a quote's
attribution phrase is found; turning the phrase into a speaker is the attributor's job.
"""

from __future__ import annotations

import re

from newsprism.analyze.entities import DEMONYMS
from newsprism.analyze.quotes.lexicon import (
    _CALENDAR,
    _COMMON_SUBJ,
    _DESCRIPTORS,
    _DOC_NP,
    _INTRO,
    _NORP,
    _NORPS,
    _NP_GLUE,
    _NP_LOWER,
    _ORG_HEADS,
    _PARTY_WORDS,
    _PREPS,
    _SAY,
    _STOPRUN,
    _VERB_RE,
    VERBS,
)
from newsprism.analyze.quotes.phrases import _PRE_APPOS, _appositive, _np_backward, _np_forward, _np_start, _skip_space
from newsprism.analyze.quotes.roles import _describes, _good_appositive
from newsprism.analyze.quotes.speakers import (
    _ANON,
    _ANON_BEFORE,
    _ANON_DETS,
    _ANON_SAYS,
    _COUNTED_BEFORE,
    _COUNTED_GROUP,
    _GROUP_PEOPLE,
    _anonymous,
    _counted_group,
    _person_name,
    _Speaker,
)

_REPORT_VERBS = {"reported", "reports", "read", "reads"}
#: who passes words on, right after a quote: a short subject (no clause of its own), then 'said (that)'
_RELAY = re.compile(r"[^,;:“”\"\n]{1,60}?[ \t]+(?:\w+ly[ \t]+)?(?:said|say|says)[ \t]+(?:that[ \t]+)?")
#: an unnamed group and its own speech verb right after a relay's 'said (that)' ('Republicans told him')
_RELAYED_GROUP = re.compile(rf"([^,;:“”\"\n]{{1,50}}?)[ \t]+(?:\w+ly[ \t]+)?(?:had[ \t]+|have[ \t]+)?({_SAY})\b")
#: a singular unnamed source ('an aide', 'one official'): one person, whom the relay may name elsewhere
_GROUP_SINGULAR = re.compile(r"^(?:an?|one|another)\s", re.I)


#: what a person publishes through in their own name: 'Trump’s account tweeted', 'Ruiz’s Facebook page posted'
_OWN_CHANNEL = re.compile(
    r"[ \t]+(?:(?:official|personal|verified|own|Twitter|Facebook|Instagram|YouTube|campaign)[ \t]+){0,2}"
    r"(?:account|feed|page|handle|website|site|blog)[ \t]+(?:\w+ly[ \t]+)?(?:tweeted|posted|wrote|said|read|reads)\b"
)
#: the owner's name before such a channel
_OWNER = re.compile(r"\b((?:[A-Z][\w.\-]*[ \t]+){0,2}[A-Z][\w.\-]*)(?=[’']s" + _OWN_CHANNEL.pattern + ")")


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


#: a relative clause about the person between the name and the speech verb ('…,” California Attorney
#: General Xavier Becerra, who has sued the administration multiple times, said'): one clause, no quote
#: marks or list commas, and the speech verb right after its closing comma
_RELATIVE = re.compile(
    rf"[ \t]*,[ \t]+(?:who|whose)[ \t]+[^,;:“”\"\n]{{2,120}}?,(?=[ \t]*(?:(?:also|later|then|\w+ly)[ \t]+)?(?:{VERBS})\b)"
)


_ADJECTIVES = _NORP | _NORPS | _PARTY_WORDS | {d.lower() for d in DEMONYMS.values()}


def _adjective_only(name: str) -> bool:
    """'Russian', 'Democratic': one nationality or party adjective, which describes a speaker, never is one."""
    low = name.lower()
    return " " not in low and low != "independent" and low in _ADJECTIVES


#: a dateline opening a story's first sentence ('WASHINGTON — ', 'ST. LOUIS, Mo. (AP) — ')
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*(?:,[ \t]*[A-Z][\w.]*)*[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[—–][ \t]*"
)


#: sentence connectives that can open the subject's own chunk ('But the lawsuit …, argues'), unlike the
#: introductory phrases of ``_INTRO`` ('In a statement, X said') whose chunk holds no subject
_CONNECTIVES = frozenset({"but", "and", "yet", "still", "so", "then", "also", "however", "meanwhile", "instead"})


#: a place after the subject, between commas: ' in Golden, Colo.,' / ' in Menlo Park, California,' before the verb
_LOCATED = re.compile(
    r"[ \t]+in[ \t]+([A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,2}),[ \t]+"
    r"([A-Z][\w’'\-]*\.?(?:[ \t]+[A-Z][\w’'\-]*\.?)?),[ \t]*(?:\w+ly[ \t]+)?\Z"
)


_DESC_OR_ORG = re.compile(
    r"\b(?:"
    + "|".join(sorted(_DESCRIPTORS | _ORG_HEADS | _NP_LOWER - _NP_GLUE))
    + r"|statement|letter|suit|lawsuit|ad|advertisement|resolution|report|memo)s?\b"
)


#: a state or province abbreviation after a city ('N.H.', 'Calif.', 'D.C.')
_STATE_ABBR = re.compile(r"[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)?")


class _Zones:
    """The attribution zones of one quotation: after, before, 'according to', and the clause subject.

    A mixin of :class:`~newsprism.analyze.quotes.attributor._Attributor`: it reads the state that class sets up
    (``text``, ``ents``, ``index``, ``people``, ``sentences``, ``quoted``, ``speakers``, ``descs`` …) and calls its
    :meth:`from_np` and the other mixins' methods.
    """

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

    def after(self, s: int, e: int, pos: int) -> tuple[_Speaker | None, str]:
        """'…," he said' / '…," said X' — attribution right after the closing mark."""
        text = self.text
        m = re.match(r"[\s,]*(?:—\s*|–\s*)?", text[s:e])
        a = s + (m.end() if m else 0)
        if relayed := self._relayed(a, e, pos):
            return relayed
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
            if rel := _RELATIVE.match(rest):  # '…,” X, who has sued the administration twice, said'
                rest = rest[rel.end() :]
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

    def _relayed(self, a: int, e: int, pos: int) -> tuple[_Speaker, str] | None:
        """'“…,” aides said Mr. Ryan told his colleagues behind closed doors': words one person said that
        others pass on are that person's.  The relay's own 'said (that)' is followed by a person's name and a
        speech verb of its own; the person speaks.  An unnamed group of people there speaks as written ('“…,” he
        said Republicans told him'); an organisation, or a group that refers back ('the Republicans'), is left
        to the rules below."""
        text = self.text
        rm = _RELAY.match(text, a, e)
        if not rm:
            return None
        gm = _RELAYED_GROUP.match(text, rm.end(), e)
        if gm and (group := _anonymous(gm.group(1))) and group.name and not _GROUP_SINGULAR.search(group.name):
            return group, gm.group(2)  # '“…,” he said Republicans told him': the group's words, as written
        ns, ne = _np_forward(text, rm.end(), e)
        vm = re.match(rf"[ \t]+(?:\w+ly[ \t]+)?(?:had[ \t]+)?({_SAY})\b", text[ne:e]) if ne > ns else None
        if not vm:
            return None
        sp = self.from_np(ns, ne, pos)
        if not sp or not sp.named or not sp.name or not _person_name(sp.name):
            return None
        return sp, vm.group(1)

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
        if dl := _DATELINE.match(text, s, e):
            s = dl.end()  # 'WASHINGTON — AARP, …, said on Friday that': the dateline is no subject
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
        elif wm := re.search(r"(?<=[a-z])\s+who\s+(?:\w+ly\s+|also\s+|then\s+)?$", text[s:vs]):
            # a restrictive 'who said' belongs to the noun phrase right before it ('… re-electing Nancy Pelosi
            # … over a Rust Belt congressman who said the party had lost …'), never to a name earlier on
            return self._relative_subject(s, s + wm.start(), pos)
        if (pm := re.search(r"[a-z][ \t]+(he|she)[ \t]+(?:\w+ly[ \t]+)?$", text[s:vs])) and (
            sp := self.from_np(s + pm.start(1), s + pm.end(1), pos)
        ):
            return sp  # 'a move he said would be a “red line”': the pronoun is the verb's subject, not 'a move he'
        am = _ANON_BEFORE.search(text[s:vs])
        if am and (sp := self._anonymous_np(s + am.start(1), s + am.end(1), pos)) and sp.name:
            return sp  # 'A source told FT that Xi might “…”', 'People familiar with the matter said'
        if gm := _COUNTED_BEFORE.search(text[s:vs]):
            return _counted_group(gm.group(1))  # 'More than 100 economists said that …'
        cb = re.search(  # an auxiliary is no head noun: 'The business community has said that …'
            r"\b((?:the|a|an|The|A|An)\s+(?:[a-z][\w\-]*\s+){0,2}(?!(?:has|have|had)\b)[a-z][\w\-]*)\s+"
            r"(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?$",
            text[s:vs],
        )
        if (
            cb
            and re.fullmatch(_SAY, vm.group(0))
            and re.search(r"(?:^|[,;:]|\b(?:and|but))\s*$", text[s : s + cb.start()])
            and not _DESC_OR_ORG.search(cb.group(1))
            and cb.group(1).split()[-1].lower() not in _NP_LOWER | _INTRO
        ):
            # 'the hospital said Scalise sustained “…”': the hospital's words; 'the star said' after Reid's quotes: hers
            return self.epithet(s + cb.start(1), s + cb.end(1), pos) or _Speaker(cb.group(1), None, False)
        if sp := self._located_subject(s, vs, pos):  # 'the U.S. Geological Survey in Golden, Colo., said'
            return sp
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
            if (
                ne > ns
                and text[ns:ne].strip().lower() in _ORG_HEADS
                and text[ns:ne].islower()
                and (pw := re.search(r"\b([a-z]+)\s+$", text[s:ns]))  # a modifier before it ('relief agency')
                and pw.group(1) not in _PREPS | _INTRO | {"the", "a", "an", "its", "their", "his", "her", "our"}
                and (sp := self.clause_subject(s, vs, pos))
                and sp.name
            ):  # 'Mohsen Kazemi from Iran’s Red Crescent relief agency said': a common noun ends a longer phrase
                return sp
            sp = self.from_np(ns, ne, pos) if ne > ns else None
            if sp and sp.name:
                return sp
            if (
                ne > ns
                and text[ns:ne].split()[0].lower() in _CALENDAR
                and re.search(r"\b(?:in|on|since|until|by|last|this|next)\s+$", text[s:ns])
            ):  # 'The Indian Navy in November said', 'made the announcement on Friday and said': a date, no subject
                return self.clause_subject(s, vs, pos, orgs=True)
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
            if first.group(0).lower() in _CONNECTIVES and text[cs2 + first.end() : ce].strip():
                # 'But the lawsuit from Nebraska and Oklahoma, where …, argues': a connective opens the subject's chunk
                cs2 += first.end()
                cs2 += len(text[cs2:ce]) - len(text[cs2:ce].lstrip())
            elif first.group(0).lower() in _INTRO:
                continue
            ns, ne = _np_forward(text, cs2, ce)
            if ne <= ns:
                continue
            if _STATE_ABBR.fullmatch(text[ns:ne].strip()) and re.search(
                r"[A-Z][a-z]+,\s*$", text[max(s, ns - 30) : ns]
            ):
                continue  # 'in Rochester, N.H., Biden was unequivocal': the state of a place, no subject
            sp = self.from_np(ns, ne, pos)
            if (
                sp
                and sp.name
                and (
                    _adjective_only(sp.name)
                    or any(x.label == "NORP" and (x.start, x.end) == (ns, ne) for x in self.ents)
                )
            ):
                # 'Greek prime minister George Papandreou condemned …': the adjective before a lower-case title
                sp = self.clause_subject(cs2, vs, pos) or sp
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

    def _relative_subject(self, s: int, who: int, pos: int) -> _Speaker | None:
        """The noun phrase right before a restrictive 'who said' (ending at ``who``): the person it names;
        the person whose appositive it is ('Rick Bright, the former director of …, who said'); else the
        description or group as written ('a Rust Belt congressman', 'senior members of Congress')."""
        text = self.text
        bs = _np_backward(text, s, who)
        if not bs or bs[1] <= bs[0]:
            return None
        ns, ne = bs[0], bs[1]
        np = text[ns:ne]
        group = re.search(
            rf"(?:^|\s)((?:(?!(?:by|of|from|with|to|for|in|on|at|among|and|or)\s)[a-z][\w’'\-]*\s+){{0,2}}(?:{_GROUP_PEOPLE})\s+of\s+)$",
            text[s:ns],
        )
        if group:  # 'senior members of Congress who said that …', as written
            return _Speaker(re.sub(r"^(?:the|a|an)\s+", "", group.group(1) + np), None, False)
        lead = re.search(r",\s+(?:the|a|an)?\s*$", text[s:ns])
        if lead:  # 'Rick Bright, the former director of the … Authority who said': the named person
            for ps, pe, _ in self.people:
                if pe == s + lead.start():
                    sp = self.from_np(ps, pe, pos)
                    if sp and sp.name:
                        return sp
        sp = self.from_np(ns, ne, pos)
        desc = re.fullmatch(r"(?:a|an)\s+(.+)", np)
        if (
            desc
            and desc.group(1).split()[-1].lower() in _DESCRIPTORS
            and not (sp and sp.name and self._is_person(sp.name))
        ):
            return _Speaker(desc.group(1), None, False)  # 'a Rust Belt congressman', as written
        return sp if sp and sp.name else None

    def _is_person(self, name: str) -> bool:
        return any(n == name for _, _, n in self.people) or any(n == name for _, n in self.index.mentions)

    def _located_subject(self, s: int, vs: int, pos: int) -> _Speaker | None:
        """'…, but the U.S. Geological Survey in Golden, Colo., said it was …': the place written between
        commas after 'in' locates the subject before it; it is no appositive and no speaker."""
        text = self.text
        m = _LOCATED.search(text, s, vs)
        if not m or not any(
            x.start < m.end(2) and x.end > m.start(1) for x in self.ents if x.label in ("GPE", "LOC", "FAC")
        ):
            return None
        bs = _np_backward(text, s, m.start())
        if not bs or bs[1] <= bs[0]:
            return None
        sp = self.from_np(bs[0], bs[1], pos, allow_appositive=False)
        return sp if sp and sp.name else None

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
        known = {w for _, _, n in self.people for w in n.split()}
        for om in _OWNER.finditer(text[: e + 80], s):  # 'after Trump’s account tweeted': a name the NER missed there
            if om.end(1) <= e and (om.start(1), om.end(1)) not in cands and om.group(1).split()[-1] in known:
                cands.append((om.start(1), om.end(1)))
        for cs, ce in sorted(cands):
            own = text[ce : ce + 2] in ("’s", "'s") and bool(_OWN_CHANNEL.match(text, ce + 2))
            if (text[ce : ce + 2] in ("’s", "'s") and not own) or modifier.match(text, ce):
                continue  # 'Trump’s lawyer', 'The Romney campaign': not the person ('Trump’s account tweeted' is)
            ns = _np_start(text, s, cs)
            if self.governed(cs, s) and not own:
                continue  # ('after Trump’s account tweeted': 'after' opens the clause whose subject it is)
            if any(q0 < cs < q1 for q0, q1 in self.quoted):
                continue
            sp = self.from_np(ns, ce, pos)
            if sp and sp.name:
                return sp
        return None
