"""Optional LLM summary: a model rewrites the summary fluently, a verifier keeps only what the sources say.

Why verify instead of trust: the brief's promise is that every sentence is backed by a cited
source span. An LLM writes fluent text but can invent a number, swap a name or misquote, so
the model only sees numbered source sentences (the extractive summary, then the best-supported
facts), must end every sentence with markers like ``[1][3]``, and each sentence it writes is
checked against the sentences it cites: numbers (digits or words), capitalised names, dates and
quotes must appear there, negation and loaded words must not be added, and the meaning must be
close by embedding similarity. Failing sentences are dropped and reported in ``StoryBrief.summary_llm``;
when nothing survives, or the endpoint fails, the extractive summary stays. Synthesis never
crashes because of the model.

Backends sit behind the :class:`LLM` protocol in the registry (kind ``"llm"``): ``openai`` for any
OpenAI-compatible ``/chat/completions`` endpoint (OpenAI, Ollama, llama.cpp, vLLM, …) and
``fake``, a deterministic offline stand-in for tests.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from newsprism import registry
from newsprism.errors import NewsprismError
from newsprism.model import Article, Fact, LLMSummary, RejectedSentence, Span, SummarySentence

__all__ = [
    "LLM",
    "Breaker",
    "FakeLLM",
    "LLMError",
    "OpenAIChat",
    "build_messages",
    "build_sources",
    "get_llm",
    "llm_summary",
    "parse_reply",
    "verify",
]

#: env vars the ``openai`` backend reads its API key from, first one set wins (none is needed for Ollama)
DEFAULT_KEY_ENVS = ("NEWSPRISM_LLM_API_KEY", "OPENAI_API_KEY")
DEFAULT_BASE_URL = "http://localhost:11434/v1"
DEFAULT_TIMEOUT = 60.0
#: how many numbered source sentences the model is shown
MAX_SOURCES = 12
#: minimum cosine between a generated sentence and what it cites, per embedder; lexical embedders score lower
MIN_SIMILARITY = {"minilm": 0.55}
MIN_SIMILARITY_LEXICAL = 0.3
#: kept sentences beyond this many times the word target are dropped as over-length
MAX_LENGTH_FACTOR = 2.0


class LLMError(NewsprismError):
    """The model could not be asked, or its reply could not be read.

    ``unreachable`` marks failures that will repeat for the next story too (no connection, timeout).
    """

    def __init__(self, message: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.unreachable = unreachable


@runtime_checkable
class LLM(Protocol):
    """A chat model: ``complete(messages)`` returns the assistant's reply text or raises :class:`LLMError`."""

    name: str
    model: str

    def complete(self, messages: list[dict[str, str]]) -> str: ...


# ------------------------------------------------------------------ backends
class OpenAIChat:
    """Any OpenAI-compatible endpoint: ``POST {base_url}/chat/completions``, temperature 0, one reply.

    The API key is read from the environment at call time (``api_key_env``, or by default
    ``NEWSPRISM_LLM_API_KEY`` then ``OPENAI_API_KEY``), so it never sits in options or reports.
    """

    name = "openai"

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        model: str = "",
        api_key_env: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        temperature: float = 0.0,
        max_tokens: int = 700,
    ) -> None:
        if not model:
            raise ValueError("the openai LLM backend needs a model name (e.g. llama3.1 for Ollama)")
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"LLM base URL must be http(s)://…, got {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key_env = api_key_env
        self.timeout = float(timeout)
        self.temperature = temperature
        self.max_tokens = max_tokens

    def api_key(self) -> str | None:
        envs = (self.api_key_env,) if self.api_key_env else DEFAULT_KEY_ENVS
        return next((os.environ[e] for e in envs if os.environ.get(e)), None)

    def complete(self, messages: list[dict[str, str]]) -> str:
        import httpx

        url = f"{self.base_url}/chat/completions"
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        key = self.api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        body = {
            "model": self.model,
            "messages": messages,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "stream": False,
        }
        try:
            resp = httpx.post(url, json=body, headers=headers, timeout=self.timeout)
        except httpx.TimeoutException as exc:
            raise LLMError(f"no reply from {url} within {self.timeout:g}s", unreachable=True) from exc
        except httpx.HTTPError as exc:
            down = isinstance(exc, (httpx.ConnectError, httpx.NetworkError))
            raise LLMError(f"request to {url} failed: {type(exc).__name__}: {exc}", unreachable=down) from exc
        if resp.status_code != 200:
            raise LLMError(f"{url} answered HTTP {resp.status_code}: {_short(resp.text)}")
        try:
            data = resp.json()
        except ValueError as exc:
            raise LLMError(f"{url} answered with invalid JSON: {_short(resp.text)}") from exc
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"{url} answered JSON without choices[0].message.content: {_short(resp.text)}") from exc
        if isinstance(content, list):  # content parts, as some servers send them
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
        if not isinstance(content, str):
            raise LLMError(f"{url} answered a non-text message content ({type(content).__name__})")
        return content


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class FakeLLM:
    """Deterministic offline model: replies with the first ``limit`` numbered sources, each cited, then ``inject``.

    Why: tests and demos need a backend with no network that behaves like a well-behaved model
    (copies are always supported) and can be made to hallucinate on purpose (``inject``
    sentences, or a whole ``reply``); ``fail`` makes every call raise :class:`LLMError`.
    """

    name = "fake"

    def __init__(
        self, inject: tuple[str, ...] = (), reply: str | None = None, limit: int = 3, fail: str | None = None
    ) -> None:
        self.model = "fake"
        self.inject = tuple(inject)
        self.reply = reply
        self.limit = limit
        self.fail = fail

    def complete(self, messages: list[dict[str, str]]) -> str:
        if self.fail:
            raise LLMError(self.fail)
        if self.reply is not None:
            return self.reply
        sources = parse_sources(messages[-1]["content"])
        return " ".join([f"{text} [{n}]" for n, text in sources[: self.limit]] + list(self.inject))


class Breaker:
    """Wrap an LLM for one run: once it proved unreachable, later stories skip it instead of waiting again.

    Why: a brief of 50 stories against a dead endpoint would otherwise wait 50 timeouts.
    """

    def __init__(self, llm: LLM) -> None:
        self.llm = llm
        self.name = getattr(llm, "name", type(llm).__name__)
        self.model = str(getattr(llm, "model", "") or "")
        self.down: str | None = None

    def complete(self, messages: list[dict[str, str]]) -> str:
        if self.down:
            raise LLMError(f"skipped, the endpoint was unreachable earlier in this run ({self.down})", unreachable=True)
        try:
            return self.llm.complete(messages)
        except LLMError as exc:
            if exc.unreachable:
                self.down = str(exc)
            raise


@registry.register("llm", "openai")
def _openai(**options) -> OpenAIChat:
    return OpenAIChat(**options)


@registry.register("llm", "fake")
def _fake(**options) -> FakeLLM:
    return FakeLLM(**options)


def get_llm(name: str = "openai", **options) -> LLM:
    """The LLM backend ``name`` (``openai``, ``fake``) built with ``options``."""
    return registry.get("llm", name, **options)


# ------------------------------------------------------------------- prompt
@dataclass
class Source:
    """One numbered sentence shown to the model, with the spans that back it."""

    n: int
    text: str
    articles: list[str]
    spans: list[Span]


def _flat(text: str) -> str:
    return " ".join(text.split())


def build_sources(
    summary: list[SummarySentence],
    facts: list[Fact],
    articles: dict[str, Article],
    limit: int = MAX_SOURCES,
    contested: list[Span] | None = None,
) -> list[Source]:
    """The extractive summary's sentences, then the best-supported facts not already among them.

    A fact's span whose text is the fact itself goes first, so the first span of every source
    is the exact text the model saw and the checks ran against. Facts overlapping a
    ``contested`` span (a contradiction's variant) are left out, as the extractive summary
    leaves them out: the brief reports the disagreement, the summary must not pick a side.
    """
    contested = contested or []

    def disputed(spans: list[Span]) -> bool:
        return any(c.article == sp.article and c.start < sp.end and sp.start < c.end for sp in spans for c in contested)

    out: list[Source] = []
    seen: list[str] = []

    def add(text: str, arts: list[str], spans: list[Span]) -> None:
        key = _fold(text)
        if not key or any(key in s or s in key for s in seen) or len(out) >= limit:
            return
        seen.append(key)
        out.append(Source(len(out) + 1, _flat(text), list(arts), list(spans)))

    for s in summary:
        add(s.text, s.articles, s.spans)
    for f in sorted(facts, key=lambda f: -f.support):
        spans = sorted(
            f.spans,
            key=lambda sp: (
                sp.article not in articles or _flat(articles[sp.article].text[sp.start : sp.end]) != _flat(f.text)
            ),
        )
        if not disputed(spans):
            add(f.text, f.articles, spans)
    return out


SYSTEM_PROMPT = (
    "You are a careful, neutral news editor. You summarise only what the numbered source sentences say. "
    "You never add facts, names, numbers, dates or quotes that are not in the sources you cite."
)


def build_messages(sources: list[Source], words: int, title: str = "") -> list[dict[str, str]]:
    """Chat messages asking for a ``words``-word neutral summary whose sentences end in ``[n]`` markers."""
    lines = [f"[{s.n}] {s.text}" for s in sources]
    about = f"Story: {_flat(title)}\n\n" if title else ""
    user = (
        f"{about}Source sentences:\n" + "\n".join(lines) + "\n\n"
        f"Write a short, neutral summary of the story in about {words} words (2 to 5 sentences). Rules:\n"
        "- State only facts from the source sentences; copy names, numbers and dates exactly as they appear.\n"
        "- End every sentence with the numbers of the source sentences it uses, like [1] or [2][5].\n"
        "- Quote only words copied exactly from a source, inside double quotes.\n"
        "- No opinions, no loaded words, no speculation.\n"
        "Reply with the summary only."
    )
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


_SOURCE_LINE = re.compile(r"^\[(\d+)\]\s+(.+)$", re.M)


def parse_sources(prompt: str) -> list[tuple[int, str]]:
    """The numbered source lines of a prompt made by :func:`build_messages`."""
    return [(int(n), text.strip()) for n, text in _SOURCE_LINE.findall(prompt)]


# -------------------------------------------------------------------- reply
_THINK = re.compile(r"<think>.*?(?:</think>|\Z)", re.S | re.I)  # reasoning models (deepseek-r1, qwen3)
_FENCE = re.compile(r"^\s*```[\w-]*\s*$", re.M)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^\s*(?:\*\*)?(?:summary|here is the summary|here's the summary)[^:\n]{0,40}:(?:\*\*)?\s*", re.I)
_MARK = re.compile(r"\[\s*(?:(?:source|src|s)\s*)?(\d+(?:\s*[,;–-]\s*(?:(?:source|src|s)\s*)?\d+)*)\s*\]", re.I)
_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)])|(?<=\]))\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREV = {
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "st.",
    "gen.",
    "sen.",
    "rep.",
    "gov.",
    "lt.",
    "col.",
    "sgt.",
    "prof.",
    "jr.",
    "sr.",
    "no.",
    "vs.",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "inc.",
    "corp.",
    "ltd.",
    "co.",
    "pres.",
    "rev.",
}
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")


def _ids(group: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group):
        nums = [int(x) for x in re.findall(r"\d+", part)]
        if len(nums) == 2 and re.search(r"[–-]", part) and 0 <= nums[1] - nums[0] <= MAX_SOURCES:
            out.extend(range(nums[0], nums[1] + 1))
        else:
            out.extend(nums)
    return out


def _split_sentences(line: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in _SPLIT.finditer(line):
        before = line[pos : m.start()].split()
        last = before[-1].rstrip('"”’)') if before else ""
        if last.lower() in _ABBREV or _INITIALS.match(last):
            continue
        out.append(line[pos : m.start()])
        pos = m.end()
    out.append(line[pos:])
    return [s for s in (x.strip() for x in out) if s]


def parse_reply(reply: str) -> list[tuple[str, list[int]]]:
    """Split a reply into ``(sentence, cited source numbers)``; markers are removed from the text.

    Markers may sit before or after the full stop; a line holding only markers cites for the
    sentence before it. Bullets, code fences, ``<think>`` blocks and a leading "Summary:" label
    are ignored.
    """
    text = _FENCE.sub("", _THINK.sub("", reply.replace("\r\n", "\n")))
    out: list[tuple[str, list[int]]] = []
    for raw in text.split("\n"):
        line = _LABEL.sub("", _BULLET.sub("", raw)).strip().strip("*").strip()
        if not line:
            continue
        for chunk in _split_sentences(line):
            ids = list(dict.fromkeys(i for g in _MARK.findall(chunk) for i in _ids(g)))
            clean = re.sub(r"\s+", " ", _MARK.sub(" ", chunk.replace("*", ""))).strip()
            clean = re.sub(r"\s+([.,;:!?”’)])", r"\1", clean).strip()
            if not re.search(r"\w", clean):
                if out and ids:
                    prev, prev_ids = out[-1]
                    out[-1] = (prev, list(dict.fromkeys(prev_ids + ids)))
                continue
            if not ids and clean.endswith(":"):
                continue  # a preamble ("Here is a neutral summary:")
            out.append((clean, ids))
    return out


# ------------------------------------------------------------------- checks
def _fold(text: str) -> str:
    """Light normalisation: NFKD without accents, straight quotes and dashes, casefold, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_PUNCT).casefold()
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    """Whitespace-separated words (keeps long word lists readable)."""
    return text.split()


_PUNCT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-", "\u00a0": " "})

_SMALL = {
    w: i
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen"
        )
    )
}
_TENS = {w: 10 * i for i, w in enumerate(_words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")) if i >= 2}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
_ORDINAL = {
    w: i + 1
    for i, w in enumerate(_words("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"))
}
_NUM_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th|s|bn)?\b|[a-z]+")


def numbers(text: str) -> tuple[set[str], set[str]]:
    """``(values, weak)``: the numbers ``text`` states, as canonical strings ("1,000", "a thousand" → "1000").

    Ordinals are kept apart ("first" → "#1"). ``weak`` are numbers too ambiguous to require
    from a generated sentence (a bare "one" is usually a pronoun).
    """
    toks = _NUM_TOKEN.findall(_fold(text).replace("-", " "))
    values: set[str] = set()
    weak: set[str] = set()
    i = 0
    while i < len(toks):
        t = toks[i]
        if t[0].isdigit():
            suffix = re.search(r"(st|nd|rd|th|s|bn)$", t)
            digits = t[: suffix.start()] if suffix else t
            try:
                v = float(digits.replace(",", ""))
            except ValueError:
                i += 1
                continue
            if suffix and suffix.group() in ("st", "nd", "rd", "th"):
                values.add(f"#{_canon(v)}")
                i += 1
                continue
            if suffix and suffix.group() == "bn":
                v *= 1e9
            elif i + 1 < len(toks) and toks[i + 1] in _SCALE:
                v *= _SCALE[toks[i + 1]]
                i += 1
            values.add(_canon(v))
            i += 1
            continue
        if t in _ORDINAL:
            values.add(f"#{_ORDINAL[t]}")
            i += 1
            continue
        if t in _SMALL or t in _TENS or t in _SCALE:
            total, cur, j, words = 0, 0, i, 0
            while j < len(toks):
                w = toks[j]
                if w in _SMALL:
                    cur += _SMALL[w]
                elif w in _TENS:
                    cur += _TENS[w]
                elif w == "hundred":
                    cur = max(cur, 1) * 100
                elif w in _SCALE:
                    total += max(cur, 1) * _SCALE[w]
                    cur = 0
                elif w == "and" and words and j + 1 < len(toks) and (toks[j + 1] in _SMALL or toks[j + 1] in _TENS):
                    pass
                else:
                    break
                words += 1
                j += 1
            v = total + cur
            (weak if words == 1 and t == "one" else values).add(_canon(v))
            i = j
            continue
        i += 1
    return values, weak


def _canon(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.6g}"


_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z]|[A-Za-z]")
#: capitalised words that start a clause without being names
_COMMON = frozenset(
    _words("""
    a an the and or but if of to in on at by for with from as after before since until while when where why how
    what which who whom whose this that these those there here it its he she they we you i his her their our
    your my me us them him is are was were be been has have had do does did will would can could may might must
    should shall not no nor so yet also still however meanwhile instead indeed moreover furthermore separately
    earlier later then now both all each every some many most several other another such according amid despite
    during over under about against among between through without within officials critics analysts experts
    """)
)
DATE_WORDS = frozenset(
    _words("""
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow
    tonight
    """)
)
_RELATIVE_DATES = (
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last week",
    "next week",
    "last month",
    "next month",
    "last year",
    "next year",
    "this week",
    "this month",
    "this year",
)
_ALIASES = {
    "us": ("united states", "america", "washington"),
    "usa": ("united states", "america", "us"),
    "uk": ("united kingdom", "britain"),
    "un": ("united nations",),
    "eu": ("european union",),
}
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|denied|denies|deny|denial|refused|refuses|refusal|"
    r"rejected|rejects|rejection)\b|n't\b"
)
#: forms of address: a rewrite may add or drop them without changing a fact
_HONORIFICS = frozenset(_words("mr mrs ms dr sir madam"))
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|‘([^’]*\s[^’]*)’")


def _norm_word(w: str) -> str:
    w = _fold(w).replace(".", "")
    return re.sub(r"'s?$", "", w)


def _word_match(word: str, vocab: set[str], folded: str) -> bool:
    """Exact after folding, an alias, or the same stem ("Russian"/"Russia", "Chinese"/"China")."""
    if word in vocab or any(f" {a} " in f" {folded} " for a in _ALIASES.get(word, ())):
        return True
    if len(word) < 4:
        return False
    for v in vocab:
        n = 0
        for a, b in zip(word, v, strict=False):
            if a != b:
                break
            n += 1
        if n >= 4 and n >= max(len(word), len(v)) - 3:
            return True
    return False


def _names(text: str) -> list[str]:
    """Capitalised words that are not just a clause opener ("The", "However", a word after a quote mark)."""
    out = []
    for m in _WORD.finditer(text):
        before = text[: m.start()].rstrip()
        opener = not before or before[-1] in '"“‘(:;—–'
        for part in m.group().split("-"):
            if not part or not part[0].isupper() or part == "I":
                continue
            if (opener and _fold(part).strip(".") in _COMMON) or _fold(part).strip(".") in _HONORIFICS:
                continue
            out.append(part)
            opener = False
    return out


def _embed(embedder, texts: list[str]) -> np.ndarray:
    """Unit vectors from ``embedder`` (the alignment's own helper, lexical fallback included)."""
    from newsprism.synthesize.align import embed_texts

    return embed_texts(embedder, texts)


def min_similarity(embedder) -> float:
    """The similarity floor for ``embedder``: neural embedders get a higher one than lexical stand-ins."""
    return MIN_SIMILARITY.get(getattr(embedder, "name", "") or "", MIN_SIMILARITY_LEXICAL)


def check_sentence(text: str, cited: list[Source]) -> tuple[str, str] | None:
    """The first textual check ``text`` fails against the ``cited`` sources as ``(reason, detail)``, or None."""
    src = " ".join(s.text for s in cited)
    folded = _fold(src)
    for groups in _QUOTED.findall(text):
        quote = next(g for g in groups if g)
        q = _fold(quote).strip(" .,;:!?'\"")
        if q and q not in folded:
            return "unverbatim-quote", f"“{quote}” is not verbatim in the cited sources"
    have, weak = numbers(src)
    want, _ = numbers(text)
    missing = sorted(want - have - weak)
    if missing:
        return "unsupported-number", f"{', '.join(missing)} not in the cited sources"
    vocab = {_norm_word(p) for w in _WORD.findall(src) for p in (w, *w.split("-"))}
    for w in _names(text):
        nw = _norm_word(w)
        if nw and not _word_match(nw, vocab, folded):
            reason = "unsupported-date" if nw in DATE_WORDS else "unsupported-name"
            return reason, f"{w!r} not in the cited sources"
    ftext = _fold(text)
    for rel in _RELATIVE_DATES:
        if re.search(rf"\b{rel}\b", ftext) and not re.search(rf"\b{rel}\b", folded):
            return "unsupported-date", f"{rel!r} not in the cited sources"
    if _NEGATION.search(ftext) and not _NEGATION.search(folded):
        return "negation", "the sentence negates what the cited sources state"
    from newsprism.synthesize.framing import loaded_count

    loaded = loaded_count(text)
    if loaded > sum(loaded_count(s.text) for s in cited):
        return "loaded-wording", f"{loaded} loaded word(s), more than the cited sources use"
    return None


def _windows(text: str, cited: list[Source]) -> list[str]:
    """What a sentence is compared with: each cited source, all of them together, and word windows of them.

    Why windows: a short rewrite of one clause of a long source sentence is supported, but its
    cosine with the whole long sentence is low; windows a little longer than the rewrite find
    the clause it restates.
    """
    out = [s.text for s in cited]
    if len(cited) > 1:
        out.append(" ".join(out))
    width = max(8, round(1.5 * len(text.split())))
    step = max(2, width // 3)
    for s in cited:
        words = s.text.split()
        for i in range(0, max(1, len(words) - width + step), step):
            if len(words) > width:
                out.append(" ".join(words[i : i + width]))
    return out


def verify(
    parsed: list[tuple[str, list[int]]], sources: list[Source], embedder, words: int | None = None
) -> tuple[list[SummarySentence], list[RejectedSentence]]:
    """Keep the sentences their cited sources support; every other one comes back with the reason, in reply order."""
    by_n = {s.n: s for s in sources}
    kept: list[SummarySentence] = []
    rejected: list[tuple[int, RejectedSentence]] = []
    pending: list[tuple[int, str, list[int], list[Source]]] = []
    for pos, (text, ids) in enumerate(parsed):
        if not ids:
            rejected.append((pos, RejectedSentence(text, [], "no-citation", "the sentence cites no source")))
            continue
        unknown = [i for i in ids if i not in by_n]
        if unknown:
            why = f"no source numbered {', '.join(map(str, unknown))}"
            rejected.append((pos, RejectedSentence(text, ids, "unknown-citation", why)))
            continue
        cited = [by_n[i] for i in ids]
        fail = check_sentence(text, cited)
        if fail:
            rejected.append((pos, RejectedSentence(text, ids, *fail)))
            continue
        pending.append((pos, text, ids, cited))
    if pending:
        floor = min_similarity(embedder)
        texts = [t for _, t, _, _ in pending]
        refs = [_windows(t, c) for _, t, _, c in pending]
        flat = list(dict.fromkeys(r for rs in refs for r in rs))
        vecs = _embed(embedder, texts + flat)
        row = {r: vecs[len(texts) + k] for k, r in enumerate(flat)}
        seen: set[str] = set()
        total = 0
        for k, (pos, text, ids, cited) in enumerate(pending):
            sim = max(float(vecs[k] @ row[r]) for r in refs[k])
            key = _fold(text)
            n = len(text.split())
            if sim < floor:
                bad = RejectedSentence(text, ids, "low-similarity", f"similarity {sim:.2f} < {floor:.2f}")
            elif key in seen:
                bad = RejectedSentence(text, ids, "duplicate", "the same sentence was already kept")
            elif words and kept and total + n > MAX_LENGTH_FACTOR * words:
                bad = RejectedSentence(
                    text, ids, "over-length", f"beyond {MAX_LENGTH_FACTOR:g}× the {words}-word target"
                )
            else:
                seen.add(key)
                total += n
                arts = list(dict.fromkeys(a for s in cited for a in s.articles))
                spans: list[Span] = []
                for s in cited:
                    spans += [sp for sp in s.spans if sp not in spans]
                kept.append(SummarySentence(text=text, articles=arts, spans=spans))
                continue
            rejected.append((pos, bad))
    return kept, [r for _, r in sorted(rejected, key=lambda x: x[0])]


# ---------------------------------------------------------------- the stage
def llm_summary(
    llm: LLM,
    summary: list[SummarySentence],
    facts: list[Fact],
    articles: list[Article],
    embedder=None,
    *,
    summary_words: int = 75,
    title: str = "",
    contested: list[Span] | None = None,
) -> tuple[list[SummarySentence], LLMSummary]:
    """Ask ``llm`` for a cited rewrite of the extractive ``summary``; return the verified summary and the report.

    Any failure (endpoint down, timeout, bad JSON, nothing verifiable) keeps the extractive
    ``summary`` and says why in the report; this function does not raise.
    """
    backend = getattr(llm, "name", type(llm).__name__)
    model = str(getattr(llm, "model", "") or "")
    by_id = {a.id: a for a in articles}
    sources = build_sources(summary, facts, by_id, contested=contested)
    shown = [SummarySentence(s.text, s.articles, s.spans) for s in sources]

    def fallback(why: str, rejected: list[RejectedSentence] | None = None) -> tuple[list[SummarySentence], LLMSummary]:
        return summary, LLMSummary(backend, model, False, why, 0, rejected or [], shown)

    if not sources:
        return fallback("no source sentences to rewrite")
    extractive_words = sum(len(s.text.split()) for s in summary)
    words = max(25, min(summary_words, extractive_words or summary_words))
    try:
        reply = llm.complete(build_messages(sources, words, title))
    except LLMError as exc:
        return fallback(f"LLM request failed: {exc}")
    except Exception as exc:  # a backend bug must not cost the brief
        return fallback(f"LLM backend error: {type(exc).__name__}: {exc}")
    if not isinstance(reply, str) or not reply.strip():
        return fallback("the LLM returned an empty reply")
    try:
        kept, rejected = verify(parse_reply(reply), sources, embedder, words)
    except Exception as exc:
        return fallback(f"verification error: {type(exc).__name__}: {exc}")
    if not kept:
        why = "no generated sentence passed verification" if rejected else "the reply held no sentences"
        return fallback(why, rejected)
    return kept, LLMSummary(backend, model, True, None, len(kept), rejected, shown)
