"""The one data model every stage speaks.

Plain dataclasses, so a stage can be tested alone and any output serialises
to JSON with :func:`to_dict`. Character offsets (``start``/``end``) always
index the article's *cleaned* ``text``, which is what citations point into.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

BRIEF_SCHEMA_ID = "newsprism.brief/1"


# --------------------------------------------------------------- inputs
@dataclass
class RawDocument:
    """One input record before cleaning: a file, a JSON record, a feed entry, a WARC record.

    ``kind`` is ``"html"`` or ``"text"``; ``meta`` carries whatever the
    container already knew (title, url, published, outlet, authors, story).
    """

    id: str
    source: str
    content: str
    kind: str = "text"
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    """A cleaned news article."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    language: str | None = None
    credits: list[str] = field(default_factory=list)
    origin: str | None = None
    duplicate_of: str | None = None
    story: str | None = None

    @property
    def outlet_key(self) -> str:
        """Outlet used for support counts; an unknown outlet counts as its own source."""
        return self.outlet or f"unknown:{self.id}"


# ------------------------------------------------------------- analysis
@dataclass
class Span:
    """A citation: characters ``start:end`` of article ``article``'s cleaned text."""

    article: str
    start: int
    end: int


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int
    canonical: str = ""


@dataclass
class Quote:
    """A quote found in one article. ``text`` is verbatim; never paraphrased."""

    article: str
    text: str
    speaker: str | None
    role: str | None
    start: int
    end: int
    kind: str = "direct"


@dataclass
class TimeMention:
    """A date expression resolved against the article's publication date."""

    article: str
    text: str
    start: int
    end: int
    date: str
    end_date: str | None = None
    sentence: int = -1


@dataclass
class Analysis:
    """Everything the language layer knows about one article."""

    article: str
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)


# ----------------------------------------------------------------- brief
@dataclass
class SummarySentence:
    text: str
    articles: list[str]
    spans: list[Span]


@dataclass
class Fact:
    text: str
    articles: list[str]
    support: int
    origins: int
    spans: list[Span]


@dataclass
class Variant:
    text: str
    value: str
    articles: list[str]
    spans: list[Span] = field(default_factory=list)


@dataclass
class Contradiction:
    topic: str
    variants: list[Variant]
    kind: str = "value"


@dataclass
class StoryQuote:
    """One distinct quote with every article carrying it.

    ``kind`` is ``"direct"`` or ``"partial"`` (words inside quotation marks: a whole quote, or a phrase
    inside the outlet's sentence) or ``"indirect"`` (reported speech: "X said that …"); renderers must not
    put reported speech in quotation marks.
    """

    text: str
    speaker: str | None
    role: str | None
    articles: list[str]
    spans: list[Span] = field(default_factory=list)
    kind: str = "direct"


@dataclass
class TimelineEntry:
    date: str
    text: str
    articles: list[str]
    end_date: str | None = None
    spans: list[Span] = field(default_factory=list)


@dataclass
class FramingTerm:
    text: str
    note: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Framing:
    article: str
    outlet: str | None
    terms: list[FramingTerm]
    omits: list[int]


@dataclass
class SourceRef:
    """What the brief's source list shows for one article."""

    article: str
    outlet: str | None
    title: str
    published: str | None
    authors: list[str]
    origin: str | None
    duplicate_of: str | None
    url: str | None
    #: the page's last-update stamp ('UPDATED at 10:30 EST on 3/20/2023'), shown when it is all the page gives
    updated: str | None = None


@dataclass
class Story:
    """A group of articles about one event."""

    id: str
    articles: list[str]
    title: str = ""


@dataclass
class RejectedSentence:
    """A sentence the LLM wrote that the verifier dropped: ``reason`` is a code, ``detail`` the evidence.

    ``cites`` are the source numbers the sentence cited (see ``LLMSummary.sources``).
    """

    text: str
    cites: list[int]
    reason: str
    detail: str = ""


@dataclass
class LLMSummary:
    """How an LLM-written summary was checked: only set when an LLM backend was asked.

    ``sources`` are the numbered source sentences the model was shown (number 1 first);
    ``used`` is false when the brief fell back to the extractive summary, ``fallback`` says why.
    """

    backend: str
    model: str
    used: bool
    fallback: str | None
    kept: int
    rejected: list[RejectedSentence]
    sources: list[SummarySentence]


@dataclass
class StoryBrief:
    id: str
    title: str
    articles: list[str]
    support: int
    origins: int
    sources: list[SourceRef]
    summary: list[SummarySentence]
    facts: list[Fact]
    contradictions: list[Contradiction]
    quotes: list[StoryQuote]
    timeline: list[TimelineEntry]
    framing: list[Framing]
    summary_llm: LLMSummary | None = None


@dataclass
class Brief:
    stories: list[StoryBrief]
    schema: str = BRIEF_SCHEMA_ID


def to_dict(obj: Any) -> Any:
    """Serialise a model object (or list of them) to plain JSON types, fields in declaration order."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def article_from_dict(d: dict[str, Any]) -> Article:
    names = {f.name for f in dataclasses.fields(Article)}
    return Article(**{k: v for k, v in d.items() if k in names})
