"""Quote extraction, speaker attribution and cross-article quote merging.

Why rules rather than a parser: news attribution is formulaic ("…," X said; X said
"…"; according to X), and a rule layer over quotation marks + NER is fast,
deterministic and verbatim by construction: every ``Quote.text`` is
``text[start:end]``.  Kinds: ``direct`` (a quoted sentence or more), ``partial``
(a quoted fragment inside the writer's sentence) and ``indirect`` (reported speech).

:func:`extract_quotes` (here) runs the steps for one article.  The modules, from the bottom up:

- ``lexicon``: the word lists and patterns that several modules share (speech verbs, role
  nouns, institutions, places, function words).
- ``marks``: pairs quotation marks into spans, and tells a quoted title from speech.
- ``speakers``: the speaker as written when nobody is named (anonymous sources, counted
  groups, bare descriptions), and whether a name is a person's.
- ``roles``: compares, judges, cleans and merges the descriptions of a speaker.
- ``phrases``: the noun phrases around a speech verb (appositives, titles before names,
  party tags).  Text-only rules.
- ``attributor``: the article's state and noun phrase -> speaker (``_Attributor``), built from
  three mixins:
  ``zones`` (after, before and 'according to' a quote), ``institutions`` (documents, groups,
  organisations) and ``coref`` (pronouns and descriptions that refer back).
- ``indirect``: reported speech without quotation marks.
- ``merge``: one quote across articles (``merge_quotes``).
"""

from __future__ import annotations

import bisect
import re

from newsprism.analyze.entities import NameIndex
from newsprism.analyze.nlp import paragraphs
from newsprism.analyze.quotes.attributor import _Attributor
from newsprism.analyze.quotes.indirect import _indirect
from newsprism.analyze.quotes.lexicon import _COMMON_SUBJ, _DESCRIPTORS, _DOC_NP, _VERB_RE, VERBS
from newsprism.analyze.quotes.marks import _quoted_name, _trim, find_quoted, is_title
from newsprism.analyze.quotes.merge import merge_quotes, normalize_quote
from newsprism.analyze.quotes.roles import _expand_role, _merge_roles, _role_words, _spells_out, clean_role
from newsprism.analyze.quotes.speakers import (
    _GROUP_PEOPLE,
    _anonymous,
    _person_name,
    _Speaker,
    _unresolved_description,
)
from newsprism.model import Entity, Quote, Sentence

__all__ = [
    "VERBS",
    "clean_role",
    "extract_quotes",
    "find_quoted",
    "is_title",
    "merge_quotes",
    "normalize_quote",
    "tidy_spaces",
]


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
                # ('Read the full rant via Gawker:' refers back, and Gawker only published it)
                sp_l = _referred_back(att, quotes, lead_in) or att.before(
                    max(lead_in.start, prv_close), lead_in.end, r.open, orgs=True
                )
                if sp_l and sp_l.name:
                    sp = sp_l
        if (sp is None or not sp.name) and kind == "direct":
            prev = prev_by_para.get(para)
            if prev is None and pre == "":
                prev = last_para_speaker.get(para - 1)
            if prev is not None and prev.speaker:
                sp = _Speaker(prev.speaker, prev.role, True)
            elif (
                prev is None and pre == "" and s_open is not None and not _VERB_RE.search(text, r.close + 1, after_end)
            ):
                closed = r.close < len(text) and text[r.close] in '"“”„«»'
                sp = _reporting_sentence(att, sentences, s_open, prv_close, closed) or sp
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
            and not re.search(r",[ \t]+which[ \t]", text[before_start : r.open])
        ):  # the sentence's first quote only (not in a clause about a thing: '…, which named her “…”')
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
            if cm:
                sp = (
                    att.unnamed_source(cm.start(1), cm.end(1), r.open)
                    or att.epithet(cm.start(1), cm.end(1), r.open)
                    or _unresolved_description(cm.group(1))
                    or sp
                )
        if sp and sp.name and sp.named and " " in sp.name:
            att.last_person = (r.open, sp.name)
        if sp and sp.name:
            att.said.append((r.open, sp.name, sp.role, _plural(sp.name)))
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
        if q.role and q.speaker and _name_piece(q.role.split(", ")[0], q.speaker):
            # a piece of the name itself: 'de' of Bill de Blasio, 'H.' of H. Dale Hall ('H., director of …')
            q.role = q.role.split(", ", 1)[1] if ", " in q.role else None
        title = att.titles.get(q.speaker or "")
        clean_title = clean_role(title)
        if clean_title and q.role and _role_words(q.role) <= _role_words(clean_title):
            q.role = (
                clean_title  # a fragment of the title: 'Chief' of 'Chief Inspector', 'New York Lt.' of '… Lt. Gov.'
            )
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


#: a lead-in that points back at a text the article has been reporting ('Read the full rant via Gawker:', 'Here is
#: the complete statement:'): a definite document noun, with only where it is found after it
_BACK_DOC = re.compile(
    r"\b(?:the|this|that)[ \t]+(?:(?:full|entire|complete|whole|original|unedited)[ \t]+)?(?:text[ \t]+of[ \t]+the[ \t]+)?"
    r"(?:statement|letter|post|rant|tweet|message|note|e-?mail|memo|remarks|speech|editorial|essay|op-ed|"
    r"comments|status update|text)\b"
    r"(?:[ \t]+(?:below|here|via|on|at|in)\b[^:.;!?\n]{0,40})?[ \t]*:\s*$"
)


def _referred_back(att: _Attributor, quotes: list[Quote], lead_in: Sentence) -> _Speaker | None:
    """The speaker of a quote whose lead-in names nobody but points back at the text the article just
    reported ('Lauten … wrote that the two teenagers should “…”' / 'Read the full rant via Gawker:' / the
    letter): the latest quote with a speaker in the lead-in's paragraph or the one before it.  A name after
    'via', 'on' or 'at' is where the text was found (its publisher), not who wrote it."""
    lead = att.text[lead_in.start : lead_in.end]
    m = _BACK_DOC.search(lead)
    if not m:
        return None
    named = lead_in.start + m.start()
    if any(lead_in.start <= ps < named for ps, _pe, _c in att.people) or any(
        lead_in.start <= x.start < named and x.label in ("PERSON", "ORG", "NORP", "GPE") for x in att.ents
    ):
        return None  # 'Smith's office released the full statement:' names its own source
    lo = _paragraph_of(att, lead_in.start) - 1
    prev = next((q for q in reversed(quotes) if q.end <= lead_in.start and q.speaker), None)
    if prev is None or _paragraph_of(att, prev.start) < lo:
        return None
    return _Speaker(prev.speaker, prev.role, True)


def _reporting_sentence(
    att: _Attributor, sentences: list[Sentence], s_open: Sentence, prv_close: int, closed: bool = True
) -> _Speaker | None:
    """The speaker of the sentence right before a quote that opens its own sentence with no attribution (no
    speech verb after it either: '“…,” three lawyers wrote' is theirs, even unresolved), when that sentence,
    in the same paragraph and holding no quote, reports someone's speech ('Dukes walked out of the courthouse
    … saying she feels no anger toward her bosses. “Wal-Mart may be a big company …”'): the quote goes on
    with that person's words.  The last sentence of the paragraph before counts too when the quote opens its
    paragraph with a closing mark of its own ('Hoyer said negotiation can progress after the government
    reopens.' / '“With the government open, we can …”'); a quote left open to its paragraph's end is often
    attributed paragraphs later ('… “the source told us'), so it does not."""
    k = s_open.index - 1
    prev = sentences[k] if 0 <= k < len(sentences) and sentences[k].index == k else None
    if prev is None or prev.paragraph not in (s_open.paragraph, s_open.paragraph - 1) or prev.start < prv_close:
        return None
    if prev.paragraph != s_open.paragraph and (not closed or att.text[s_open.start] not in '"“„«'):
        return None
    if not _VERB_RE.search(att.text, prev.start, prev.end):
        return None
    sp = att.before(prev.start, prev.end, s_open.start)
    return sp if sp and sp.name else None


def _paragraph_of(att: _Attributor, pos: int) -> int:
    return bisect.bisect_right(att._paras, pos) - 1


def _name_piece(role: str, name: str) -> bool:
    """``role`` is only initials or lower-case particles of ``name`` ('H.' of H. Dale Hall, 'de' of Bill de Blasio),
    cut off the name by a parse; a role word that heads a name ('Historian Alan Brinkley') is still a role."""
    words = re.findall(r"\w+", role)
    return (
        bool(words)
        and all((len(w) == 1 and w.isupper() or w.islower()) and w.lower() not in _DESCRIPTORS for w in words)
        and {w.lower() for w in words} <= {w.lower() for w in re.findall(r"\w+", name)}
    )


def _plural(name: str) -> bool:
    """Several speakers: 'Nancy Pelosi and Chuck Schumer', 'China’s Foreign Ministry and the Kremlin',
    people as written ('Democratic lawmakers', 'three Justice Department lawyers')."""
    return " and " in name or bool(re.search(rf"\b(?i:{_GROUP_PEOPLE})$", name) and name.split()[-1].islower())


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
