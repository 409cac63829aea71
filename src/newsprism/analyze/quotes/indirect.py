"""Indirect (reported) speech in sentences without quotation marks: 'X said (that) …', 'according
to X, …'.

Why apart: it runs once after the quotations, over the sentences that hold no quotation mark, with
the same attributor.
"""

from __future__ import annotations

import re

from newsprism.analyze.quotes.attributor import _Attributor
from newsprism.analyze.quotes.lexicon import VERBS
from newsprism.analyze.quotes.marks import _Raw, _trim
from newsprism.analyze.quotes.phrases import _np_forward
from newsprism.model import Quote, Sentence

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
#: reporting verbs that report only with a 'that' clause ('Ms. Pelosi … proposed that three members …'); without
#: one they take an object ('proposed a $4.7 trillion budget', 'stressed a message') or are adjectives ('a proposed
#: deal', 'Cuts recommended by the board')
_THAT_VERBS = {
    "proposed",
    "recommended",
    "alleged",
    "asserted",
    "reiterated",
    "revealed",
    "maintained",
    "stressed",
    "emphasized",
    "contended",
    "cautioned",
    "conceded",
}
#: the words the scan for reported speech stops at: the speech verbs and the that-clause verbs
_REPORT_RE = re.compile(rf"\b(?:{VERBS}|{'|'.join(sorted(_THAT_VERBS))})\b")


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
_AUX_AFTER_THAT = re.compile(
    r"(?:(?:would|could|should|must|is|was|has|had|does|did)(?:n['’]t)?|will|won['’]t|can(?:['’]t|not)?|may|might|"
    r"means|meant)\b"  # 'said that wasn't a fair comparison': 'that' is the subject
)


#: the speaker's own next verb ends what was reported: 'The government said Mr. Xi would visit …
#: but gave no indication whether he had left'; 'said it would appeal but declined to comment'
_MAIN_VERB_AGAIN = re.compile(
    r",?\s+(?:but\s+(?:(?:did|would)\s+not|didn['’]t|wouldn['’]t|gave|offered|provided|"
    r"stopped\s+short|(?:could\s+not|couldn['’]t)\s+(?:provide|say|confirm|give|comment))|(?:but|and)\s+(?:declined|refused|added|noted|stressed|insisted|acknowledged|conceded))\b"
)


#: a contrasted clause with a speech verb of its own ends the report: 'The institute said the quake measured
#: 5.9, but the U.S. Geological Survey in Golden, Colo., said it was 6.1' (the survey's words, not the institute's)
#: So does a clause joined by 'and' whose own short subject (a few words, no comma, not passive, not the speaker's
#: own 'I' in words quoted within) says something:
#: 'Pelosi said the vote was fair, and the caucus announced it would meet again' (the caucus's words)
_SAYS_ALT = "|".join(sorted(_INDIRECT_VERBS))
_OTHER_SAYS = re.compile(
    rf"[,;][ \t]+(?:(?:but|while|whereas)[ \t]+(?=(?:the|a|an|[A-Z])[^;:]{{0,80}}?[ \t](?:{_SAYS_ALT})\b)"
    rf"|and[ \t]+(?=(?:(?:the|a|an)[ \t]+|(?!I\b)(?=[A-Z]))"
    rf"(?:(?!(?:is|are|was|were|be|been|being|that|who|which)\b)[\w’'.\-]+[ \t]+){{1,5}}?"
    rf"(?:also[ \t]+|later[ \t]+)?(?:{_SAYS_ALT})\b))"
)


#: the finite auxiliaries and modals that _FINITE, synthesize.timeline._VERB and _VERB_FIRST share; each adds
#: 'am' or 'do' as it needs
_AUXILIARIES = "is|are|was|were|has|have|had|does|did|will|would|shall|should|can|could|may|might|must"
#: a finite verb: an auxiliary or modal, a past tense, a common irregular past or present tense
_FINITE = re.compile(
    rf"(?:{_AUXILIARIES}|am|do|"
    r"\w+n['’]t|[a-z][a-z\-]+ed|went|came|saw|took|made|got|knew|thought|told|left|found|gave|put|ran|fell|felt|"
    r"kept|held|lost|won|paid|sent|spent|built|brought|bought|began|became|hit|struck|shot|fled|stood|sat|met|"
    r"led|broke|chose|drove|grew|heard|meant|rose|sold|spoke|stole|threw|wore|wrote|sought|swore|underwent|"
    r"dealt|drew|fought|caught|taught|bore|hid|laid|lay|lent|rode|rang|shook|sank|stuck|tore|understood|"
    r"withdrew|froze|hung|slept|swept|wept|forgot|overcame|"
    r"says|thinks|knows|wants|needs|hopes|expects|remains|seems|appears|looks|plans|believes|feels|means)"
)
#: a sentence that opens with a subordinate clause ('After the chairman confirmed he knew …, Graham questioned
#: why …', 'Yet by the time Schumer said … that …, Schumer’s support had turned'): a report inside it ends where
#: the main clause begins, at a comma followed by a short subject and a finite verb
_SUBORDINATE_OPEN = re.compile(
    r"\s*(?:(?:Yet|But|And|So)\s+)?(?i:after|when|while|before|once|although|though|because|if|until|as|"
    r"by the time|even as|even though|just as)\s"
)
_MAIN_CLAUSE = re.compile(
    r",\s+(?=(?:he|she|they|we|I|[a-z]+s|(?:the|a|an|his|her|its|their|[A-Z][\w’'.\-]*)(?:\s+[\w’'.\-]+){0,3}?)\s+"
    rf"(?:{_FINITE.pattern})\b)"
)
#: a subject pronoun opens a clause ('said it was a magnitude-6', 'announced he’s running')
_SUBJECT_PRONOUN = re.compile(r"(?:he|she|it|they|we|i|you|there)(?:['’](?:s|re|ll|d|ve|m))?", re.I)
#: where a coordinated clause of the speaker's own begins ('…, and proposed that …', '…, but he offered …')
_COORDINATED = re.compile(r",\s+(?:and|but|whereas)\s|;")
_SAY_VERBS = {"said", "says", "told", "tells", "stated"}


def _clause_start(text: str, s: int, e: int, verb: str) -> bool:
    """A report without 'that' is a clause: a subject, then a finite verb before any clause of the speaker's own
    ('said the party had lost its connection', 'said it was a magnitude-6'), not an object noun phrase
    ('suggested few ideas for how to appeal to voters, and he offered …', 'announced her nominations last week
    for …, and proposed that …'), an inverted speaker ('said James Steele, chief of …') or a time ('said
    Friday, by far the largest drop'); nor a verb with no subject ('what he says is not …', 'who she said were
    …'). After 'said' and 'says' a present tense counts too ('says the measure runs afoul of …')."""
    seg = _COORDINATED.split(text[s:e], 1)[0]
    words = re.findall(r"[A-Za-z][\w’'\-]*", seg)
    if not words or _FINITE.fullmatch(words[0].lower()):
        return False
    if _SUBJECT_PRONOUN.fullmatch(words[0]) and len(words) > 1:
        return True
    if any(_FINITE.fullmatch(w.lower()) or re.search(r"['’](?:re|ll|d|ve|m)$", w) for w in words[1:]):
        return True
    return verb in _SAY_VERBS and any(re.fullmatch(r"[a-z][a-z\-]+[^su’'\W]s", w) for w in words[1:])


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
                    tail = re.match(r",\s+(that\s+)?(?:[\w’'$%\-]+\s+){3}", text[ne:body_end])
                    before = re.findall(r"[A-Za-z][\w’'\-]*", text[s : s + acc.start()])
                    if tail and (tail.group(1) or not any(_FINITE.fullmatch(w.lower()) for w in before)):
                        # an aside inside the statement, which goes on after it ('The declaration, according to
                        # officials, enables …'; 'It was the first time, according to officials, that …'): the
                        # statement is the whole sentence; an appositive of the source ('…, according to the
                        # Census, a project financed by …') or a remark after it stays out
                        ce = body_end
                else:
                    rest = re.match(r"[^,]*,\s*", text[ne:body_end])
                    cs, ce = (ne + rest.end(), body_end) if rest else (ne, ne)
                cs, ce = _trim(text, cs, ce)
                if len(text[cs:ce].split()) >= 4:
                    out.append(Quote(article_id, text[cs:ce], sp.name, sp.role, cs, ce, "indirect"))
                continue
        resume = s
        for vm in _REPORT_RE.finditer(text[s:e]):
            verb = vm.group(0)
            if verb not in _INDIRECT_VERBS | _THAT_VERBS or s + vm.start() < resume:
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
                after_that = text[ve:cs].rstrip().endswith("that")
            else:
                t = re.match(
                    r"(?:\s+(?:on|last|this|earlier\s+this|late\s+last)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                    r"Saturday|Sunday|week|weekend|month|year|morning|afternoon|evening|night|today|tonight|yesterday|"
                    r"in a statement|in an interview)|\s+(?:recently|repeatedly|publicly|privately|previously|again|"
                    r"also|later|earlier|often|already)(?=\s+that\b))*\s+(?:that\s+)?",
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
                    cs, after_that = th.end(), True
                if after_that and _AUX_AFTER_THAT.match(text, cs):
                    cs = ve + text[ve:cs].rstrip().rindex("that")  # 'said that would ratify …': 'that' is its subject
                if text[cs : cs + 1] in (",", ".") or not text[cs : cs + 1].strip():
                    continue
            if verb in _THAT_VERBS and not after_that:
                continue
            cut = _MAIN_VERB_AGAIN.search(text, cs, body_end)
            # the sentence opens with a subordinate clause and the verb's own clause (from the sentence start or its
            # last comma before the verb) is one: 'As a law student, Wilkins said …' is a main clause; 'If Mr.
            # McConnell does …, as the president said he would, Democrats will …' is not; '…, as experts said it
            # exposed him – since, according to …, he would …' opens with the main clause, so nothing is cut
            if _SUBORDINATE_OPEN.match(text, s):
                opening = max([s, *(s + m.end() for m in re.finditer(r",\s+", text[s:vs]))])
                if _SUBORDINATE_OPEN.match(text, opening):
                    cut = _MAIN_CLAUSE.search(text, cs, cut.start() if cut else body_end) or cut
            other = _OTHER_SAYS.search(text, cs, cut.start() if cut else body_end)
            if not after_that and not _clause_start(text, cs, body_end, verb):
                # 'suggested few ideas for how to …', 'announced her nominations': an object, not a statement
                continue
            cs, ce = _trim(text, cs, other.start() if other else cut.start() if cut else body_end)
            if text[ce - 1 : ce] == ")" and text.count("(", cs, ce) < text.count(")", cs, ce):
                # '(… has said that he would support it.)': the closing mark and full stop of the aside
                ce = cs + len(text[cs : ce - 1].rstrip(".!? "))
            if len(text[cs:ce].split()) < 4 or _NAME_ONLY.fullmatch(text, cs, ce):
                continue
            if verb in ("added", "adds") and re.match(r"[\d$€£]", text[cs:ce]):
                continue  # 'The economy added 136,000 new jobs': a sum, not speech
            sp = att.before(s, vs + len(verb), vs)
            if sp and sp.name:
                out.append(Quote(article_id, text[cs:ce], sp.name, sp.role, cs, ce, "indirect"))
                if other:
                    resume = other.end()  # the contrasted clause reports its own speaker's words
                    continue
            elif other:
                resume = other.end()  # nobody said the first report; the contrasted clause has its own speaker
                continue
            break
    return out
