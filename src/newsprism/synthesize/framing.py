"""Framing per outlet: loaded wording an outlet uses, and facts it leaves out.

Why two signals: a lexicon of loaded labels, evaluative words and attribution verbs
finds wording that is loaded anywhere; contrasting the outlets' versions of the *same*
aligned fact finds wording that is only this outlet's choice (it writes "scoffed" or
"insisted" where the others write "said"). Words inside quotation marks are the
speaker's, not the outlet's, so they are never charged to the outlet.
"""

from __future__ import annotations

import re

from newsprism.model import Article, Fact, Framing, FramingTerm, Span
from newsprism.synthesize._text import stem, words, wordset
from newsprism.synthesize.align import Alignment

#: loaded labels for actors
LABELS = wordset(
    """
    dictator dictators regime regimes tyrant tyrants despot despots strongman autocrat autocrats thug thugs
    puppet puppets cronies crony henchmen underlings minions stooge stooges zealot zealots ideologue
    ideologues apologist apologists mob mobs elites elitist globalist globalists illegals warmonger
    warmongers propagandist pariah rogue isolated extremist extremists radical radicals fanatic fanatics
    demagogue demagogues hack hacks cult lackey lackeys mouthpiece firebrand hardliner hardliners hawks
    bully bullies crook crooks liar liars snowflake snowflakes agitator agitators insurrectionist
    insurrectionists zealotry
    """
)
#: evaluative wording
EVALUATIVE = wordset(
    """
    brutal brutally sham nebulous disastrous catastrophic shameful disgraceful outrageous ridiculous absurd
    bizarre stunning shocking egregious reckless dangerous chaotic embattled notorious infamous phony bogus
    fake debacle fiasco bombshell explosive draconian heavy-handed dubious propaganda scandal scandal-
    plagued disturbing alarming troubling devastating humiliating embarrassing pathetic cowardly heroic
    courageous crushing stupid idiotic crazy insane ludicrous laughable farcical vicious savage ruthless
    sinister nefarious shady corrupt hypocritical hypocrisy dishonest deceitful lavish extravagant divisive
    incendiary inflammatory hateful racist bigoted xenophobic vile despicable appalling horrific horrendous
    atrocious bleak doomed flawed botched bungled blunder gaffe meltdown tirade rant screed diatribe
    spectacle circus charade witch-hunt whitewash cover-up coverup power-grab hoax smear smears stunt ploy
    scheme gimmick slammed blasted ripped torched hammered gutted slashed onslaught extremism massive
    staggering whopping paltry meager miserly carp carping whine whining parrot parroting peddle peddling
    tout touting cozy kowtow cave caved capitulate capitulated flip-flop backtrack u-turn walloping
    clobbered doom doomsday panic horror muted unhinged deranged frenzy hysteria hysterical mess disarray
    dirty
    """
)
#: attribution verbs that colour what was said (where a neutral report writes "said")
ATTRIBUTION = wordset(
    """
    scoffed scoff scoffs insisted insists claimed claims complained complains admitted admits conceded
    concedes boasted boasts bragged brags touted touts grumbled grumbles whined whines snapped fumed raged
    ranted railed slammed blasted ripped mocked mocks sneered quipped proclaimed alleged alleges contended
    maintained maintaining acknowledged confessed dodged deflected assailed excoriated berated chided
    scolded lambasted decried derided dismissed lashed groused griped bemoaned lamented howled crowed
    gloated vowed trumpeted hailed sniped jeered taunted pontificated lectured spun
    """
)
#: editorialising adverbs and hedges
ADVERBS = wordset(
    """
    apparently clearly obviously supposedly allegedly purportedly so-called conveniently ironically
    blatantly brazenly shamelessly desperately unabashedly strikingly remarkably notably crucially falsely
    erroneously wrongly baselessly dubiously bizarrely stunningly shockingly outrageously vehemently angrily
    furiously sharply bitterly grudgingly reluctantly defiantly recklessly
    """
)
#: multi-word loaded phrases
PHRASES = (
    "grew evasive",
    "lashed out",
    "shrugged off",
    "brushed aside",
    "brushed off",
    "fell silent",
    "cozy up",
    "so-called",
    "war of conquest",
    "dirty work",
    "roll their eyes",
    "muted applause",
    "political stunt",
    "witch hunt",
    "power grab",
    "fake news",
    "conspiracy theory",
    "conspiracy theories",
)
NEUTRAL_ATTRIB = frozenset(
    {"said", "says", "say", "told", "added", "stated", "noted", "wrote", "reported", "announced", "explained", "asked"}
)

_NOTES = {
    "label": "loaded label for an actor",
    "evaluative": "evaluative wording",
    "attribution": "loaded attribution verb",
    "adverb": "editorialising adverb",
    "phrase": "loaded phrase",
}


def _inside_quotes(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[\"“][^\"“”]*[\"”]", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"(?<![A-Za-z])‘[^‘’]*’(?![A-Za-z])", text)]
    return spans


def _category(word: str) -> str | None:
    w = word.lower().replace("’", "'")
    if w in LABELS:
        return "label"
    if w in ATTRIBUTION:
        return "attribution"
    if w in ADVERBS:
        return "adverb"
    if w in EVALUATIVE:
        return "evaluative"
    return None


def loaded_count(text: str) -> int:
    """How many loaded words ``text`` uses outside quotes (the summary avoids such sentences)."""
    quoted = _inside_quotes(text)
    n = 0
    for w, s, _ in words(text):
        if _category(w) and not any(qs <= s < qe for qs, qe in quoted):
            n += 1
    low = text.lower()
    n += sum(1 for p in PHRASES if " " in p and p in low)
    return n


_ATTRIB_NEXT = frozenset({"that", "at", "about", "of", "on", "over", "when", "as", "to", "the", "in"})
_PRONOUNS = frozenset({"he", "she", "they", "who", "it", "we", "i"})


def _is_attribution(text: str, s: int, e: int) -> bool:
    """A saying verb used as attribution: next to a quote, a colon, "that", or after its speaker."""
    after = text[e : e + 12]
    before = text[max(0, s - 12) : s]
    if re.search(r"(?:['’]s|\b(?:its|their|his|her|the|a|an|our|these|those))\s+$", before, re.IGNORECASE):
        return False  # a noun ("Russia's claims"), not a verb of saying
    if re.match(r"\s*[,:“\"‘]", after) or re.search(r"[”\"’],?\s*$", before):
        return True
    nxt = re.match(r"\s+([A-Za-z]+)", after)
    if nxt and nxt.group(1).lower() in {"up", "off", "out", "down", "away"}:
        return False
    if nxt and nxt.group(1).lower() in _ATTRIB_NEXT:
        return True
    prev = re.search(r"([A-Za-z]+)\s+$", before)
    return bool(prev and (prev.group(1).lower() in _PRONOUNS or prev.group(1)[0].isupper()))


def _lexicon_terms(article: Article) -> list[tuple[int, int, str]]:
    text = article.text
    quoted = _inside_quotes(text)
    found: list[tuple[int, int, str]] = []
    for p in PHRASES:
        if " " not in p:
            continue
        for m in re.finditer(rf"\b{re.escape(p)}\b", text, re.IGNORECASE):
            found.append((m.start(), m.end(), "phrase"))
    for w, s, e in words(text):
        cat = _category(w)
        if cat is None or (cat == "attribution" and not _is_attribution(text, s, e)):
            continue
        if cat == "evaluative" and w[0].isupper() and s > 0 and text[s - 1] not in "\n":
            prev = text[max(0, s - 2) : s]
            if not re.search(r"[.!?]\s$", prev):
                continue  # a capitalised name ("Coup"), not a word choice
        found.append((s, e, cat))
    found = [(s, e, c) for s, e, c in found if not any(qs <= s < qe for qs, qe in quoted)]
    found.sort()
    out: list[tuple[int, int, str]] = []
    for s, e, c in found:
        if out and s < out[-1][1]:
            continue
        out.append((s, e, c))
    return out


def _attribution_contrast(al: Alignment, groups: list[list[int]]) -> dict[str, dict[tuple[int, int], str]]:
    """Per article: loaded words only it uses in a fact the others state more plainly."""
    out: dict[str, dict[tuple[int, int], str]] = {}
    for g in groups:
        if len({al.units[i].outlet for i in g}) < 2:
            continue
        for i in g:
            u = al.units[i]
            others = [al.units[j] for j in g if al.units[j].outlet != u.outlet]
            other_stems = set().union(*[set(stem(w) for w, _, _ in words(o.text)) for o in others])
            other_said = sorted({w.lower() for o in others for w, _, _ in words(o.text) if w.lower() in NEUTRAL_ATTRIB})
            quoted = _inside_quotes(u.text)
            for w, s, e in words(u.text):
                if any(qs <= s < qe for qs, qe in quoted) or stem(w) in other_stems:
                    continue
                cat = _category(w)
                if cat is None and not _loaded_adverb(w):
                    continue
                if cat == "attribution" and not _is_attribution(u.text, s, e):
                    continue
                if cat == "attribution" and other_said:
                    note = f'only this outlet; others write "{other_said[0]}"'
                else:
                    note = "only this outlet uses it for this fact"
                out.setdefault(u.article, {})[(u.start + s, u.start + e)] = note
    return out


_NEUTRAL_LY = wordset(
    """
    only early likely reportedly previously recently currently publicly formally officially largely nearly
    roughly mostly partly fully daily weekly monthly yearly family rally july italy ally supply apply reply
    fly holy hourly quarterly finally initially eventually directly immediately separately jointly
    originally widely especially particularly respectively mainly simply really actually probably possibly
    certainly already especially usually generally typically nearly approximately exactly late lately july
    bly
    """
)


def _loaded_adverb(word: str) -> bool:
    w = word.lower()
    return w.endswith("ly") and len(w) > 5 and w not in _NEUTRAL_LY and w in ADVERBS


def framing(
    al: Alignment,
    articles: list[Article],
    facts: list[Fact],
    fact_units: list[list[int]],
) -> list[Framing]:
    """One Framing per article: loaded terms with notes and spans, and the facts it omits."""
    contrast = _attribution_contrast(al, fact_units)
    n_outlets = len({a.outlet_key for a in articles})
    out = []
    for art in articles:
        terms: list[FramingTerm] = []
        seen: set[tuple[int, int]] = set()
        notes = contrast.get(art.id, {})
        for s, e, cat in _lexicon_terms(art):
            note = _NOTES[cat]
            if (s, e) in notes:
                note += f" ({notes[(s, e)]})"
            terms.append(FramingTerm(art.text[s:e], note, [Span(art.id, s, e)]))
            seen.add((s, e))
        for (s, e), note in sorted(notes.items()):
            if (s, e) not in seen:
                terms.append(FramingTerm(art.text[s:e], note, [Span(art.id, s, e)]))
        others = n_outlets - 1
        omits = []
        for k, f in enumerate(facts):
            if art.id in f.articles or art.outlet_key in {a.outlet_key for a in articles if a.id in f.articles}:
                continue
            if f.support >= 2 and f.support > others / 2:
                omits.append(k)
        out.append(Framing(article=art.id, outlet=art.outlet, terms=terms, omits=omits))
    return out
