"""The DEV eval sets as newsprism stories, read one way for every benchmark and dump script.

Why one module: the contradiction benchmark, the contradiction scan and the timeline and quote dumps each
had their own reader of the same files, and small differences between them (a title given or not, the
ECB+ source-URL line kept or not, NeuS outlets named or not) changed what the system saw without anyone
choosing it. Those differences are now parameters, named where each caller passes them.

The data is read from ../shared/eval (never copied into the repo). A missing file reads as no stories,
with a note on stderr naming it.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from newsprism.model import Article, RawDocument  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
FILES = {
    "basil": EVAL / "basil" / "dev.jsonl",
    "ecbplus": EVAL / "ecbplus" / "dev.jsonl",
    "neus": EVAL / "neus" / "dev.jsonl",
}


def _lines(corpus: str) -> list[dict]:
    path = FILES[corpus]
    if not path.exists():
        print(f"skipping {corpus}: {path} is absent", file=sys.stderr)
        return []
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def basil_stories(*, titles: bool = False) -> dict[str, list[Article]]:
    """BASIL DEV events (in file order): the Fox, NYT and HuffPost articles with id, text, outlet and date.

    ``titles`` gives each article its headline too (the analysis then reads it as sentence 0).
    """
    out: dict[str, list[Article]] = defaultdict(list)
    for d in _lines("basil"):
        title = d["title"] if titles else ""
        out[d["event"]].append(
            Article(id=d["id"], title=title, text=d["text"], published=d["date"], outlet=d["outlet"])
        )
    return dict(out)


def neus_stories(*, outlets: bool = True) -> dict[str, list[Article]]:
    """NeuS DEV stories: each source ("title. lead") an article.

    The file does not say which outlet is which; ``outlets`` names them "source k" so that the three count as
    three outlets (without it every source has no outlet, and the synthesis counts each as its own).
    """
    return {
        d["id"]: [
            Article(id=x["id"], text=x["text"], outlet=f"source {x['id'][-1]}" if outlets else None)
            for x in d["sources"]
        ]
        for d in _lines("neus")
    }


def _ecbplus_text(d: dict, keep_url: bool) -> str:
    """An ECB+ document's text. Its first line is the source URL when ``d["url"]``: the clean stage reads that
    line as the address and its domain as the outlet, so two articles of one site count as one outlet;
    without ``keep_url`` it is dropped, as the ECB+ README suggests."""
    return d["text"] if keep_url or not d["url"] else d["text"].split("\n", 1)[1]


def ecbplus_documents(*, keep_url: bool = False) -> dict[str, list[RawDocument]]:
    """ECB+ DEV gold events (in file order): the raw documents, to be cleaned by :func:`ecbplus_articles`."""
    out: dict[str, list[RawDocument]] = defaultdict(list)
    for d in _lines("ecbplus"):
        out[d["cluster"]].append(RawDocument(id=d["id"], source=d["id"], content=_ecbplus_text(d, keep_url)))
    return dict(out)


def ecbplus_articles(docs: list[RawDocument]) -> list[Article]:
    """One ECB+ event as the pipeline sees it: the raw documents through the clean stage (datelines dropped,
    documents it rejects left out)."""
    from newsprism.clean import clean_documents

    return clean_documents(docs)


def documents(corpus: str, *, keep_url: bool = False) -> list[tuple[str, str]]:
    """(document id, raw text) of every DEV document of ``corpus`` (ECB+ or NeuS), in file order."""
    if corpus == "ecbplus":
        return [(d["id"], _ecbplus_text(d, keep_url)) for d in _lines("ecbplus")]
    if corpus == "neus":
        return [(s["id"], s["text"]) for d in _lines("neus") for s in d["sources"]]
    raise ValueError(f"documents() reads ecbplus or neus, not {corpus!r}")
