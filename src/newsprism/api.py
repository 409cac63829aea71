"""The Python API: one function per thing a user wants; the CLI is a thin layer over these.

Every function takes either paths (files, folders, URLs, ``-``) or already-cleaned
Articles, so stages can be chained or used alone.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newsprism.errors import InputError
from newsprism.model import Article, Brief, Quote, Story

ErrorHandler = Callable[[InputError], None]
Inputs = Sequence[str | Path] | Sequence[Article]

DEFAULT_EMBEDDER = "minilm"
DEFAULT_NLP = "spacy"
DEMO_CORPUS = Path(__file__).resolve().parent / "data" / "demo" / "xi-moscow-2023"


def _warn(err: InputError) -> None:
    warnings.warn(str(err), stacklevel=3)


def clean(paths: Iterable[str | Path], on_error: ErrorHandler | None = None) -> list[Article]:
    """Read and clean every input; a bad input is reported to ``on_error`` and skipped."""
    from newsprism.clean import clean_documents
    from newsprism.ingest import read_inputs

    handler = on_error or _warn
    raws = []
    for item in read_inputs(str(p) for p in paths):
        if isinstance(item, InputError):
            handler(item)
        else:
            raws.append(item)
    return unique_ids(clean_documents(raws, on_error=handler), on_error=handler)


def unique_ids(articles: list[Article], on_error: ErrorHandler | None = None) -> list[Article]:
    """The articles with one id each: a later article whose id an earlier one has becomes ``<id>~2``, ``~3``, ….

    Why: two inputs may carry the same id (``site-a/index.html`` and ``site-b/index.html`` both read as
    ``index``; two JSONL files numbering their records alike), and every later stage looks articles up
    by id, so one would silently stand in for the other in clustering, citations and outlet counts.
    Each renaming is reported to ``on_error`` (it names the input); articles are copied, never changed.
    """
    taken = {a.id for a in articles}
    first: dict[str, Article] = {}
    out: list[Article] = []
    for article in articles:
        if article.id not in first:
            first[article.id] = article
            out.append(article)
            continue
        n = 2
        while f"{article.id}~{n}" in taken:
            n += 1
        new_id = f"{article.id}~{n}"
        taken.add(new_id)
        if on_error is not None:
            on_error(
                InputError(
                    article.source or article.id,
                    f"id {article.id!r} is already used by {first[article.id].source or 'another input'}; "
                    f"this article is {new_id!r}",
                )
            )
        renamed = dataclasses.replace(article, id=new_id)
        first[new_id] = renamed
        out.append(renamed)
    return out


def _articles(inputs: Inputs, on_error: ErrorHandler | None) -> list[Article]:
    items = list(inputs)
    if items and all(isinstance(a, Article) for a in items):
        return unique_ids(items, on_error=on_error or _warn)  # type: ignore[arg-type]
    return clean(items, on_error=on_error)  # type: ignore[arg-type]


def dedupe(inputs: Inputs, on_error: ErrorHandler | None = None) -> list[Article]:
    """Articles with ``duplicate_of`` and wire ``origin`` set."""
    from newsprism.dedupe import dedupe as _dedupe

    return _dedupe(_articles(inputs, on_error))


def cluster(
    inputs: Inputs, embedder: str = DEFAULT_EMBEDDER, on_error: ErrorHandler | None = None, nn: str | None = None
) -> list[Story]:
    """Group articles into stories; articles carrying a ``story`` id keep it.

    ``nn``: the nearest-story search backend (``"numpy"``, ``"faiss"``); None keeps ``ClusterParams.nn``.
    """
    from newsprism.analyze.embed import get_embedder
    from newsprism.cluster import cluster as _cluster

    params = {} if nn is None else {"nn": nn}
    return _cluster(_articles(inputs, on_error), embedder=get_embedder(embedder), **params)


def quotes(inputs: Inputs, nlp: str = DEFAULT_NLP, on_error: ErrorHandler | None = None) -> list[Quote]:
    """Every quote of every article, with speaker and role."""
    from newsprism.analyze import analyze

    articles = _articles(inputs, on_error)
    analyses = analyze(articles, nlp=nlp)
    return [q for a in articles for q in analyses[a.id].quotes]


def brief(
    inputs: Inputs,
    *,
    embedder: str = DEFAULT_EMBEDDER,
    nlp: str = DEFAULT_NLP,
    summary_words: int | None = None,
    on_error: ErrorHandler | None = None,
    llm=None,
    engine: str = "local",
    workers: int | None = None,
) -> Brief:
    """Clean, dedupe, cluster and synthesise: one cited brief per story, largest story first.

    ``llm`` (an LLM backend object, e.g. ``get_llm("openai", base_url=..., model=...)`` from
    :mod:`newsprism.synthesize.llm`, or a registered backend name) rewrites each summary; only
    sentences verified against their cited sources are kept, the rest are reported in ``summary_llm``.
    ``engine="ray"`` analyses and synthesises the stories in parallel on ``workers`` CPUs (same briefs).
    """
    from newsprism.analyze import analyze
    from newsprism.analyze.embed import get_embedder
    from newsprism.cluster import cluster as _cluster
    from newsprism.dedupe import dedupe as _dedupe
    from newsprism.synthesize import synthesize

    if engine != "local" and llm is not None:
        raise ValueError("the LLM rewrite runs with the local engine only: drop llm= or use engine='local'")

    articles = _dedupe(_articles(inputs, on_error))
    emb = get_embedder(embedder)
    stories = _cluster(articles, embedder=emb)
    by_id = {a.id: a for a in articles}
    options: dict = {} if summary_words is None else {"summary_words": summary_words}
    if llm is not None:
        from newsprism.synthesize.llm import Breaker, get_llm

        options["llm"] = Breaker(get_llm(llm) if isinstance(llm, str) else llm)
    ordered = sorted(stories, key=lambda s: (-len(s.articles), s.id))
    if engine != "local":
        from newsprism.scale import StoryTask, synthesize_stories

        tasks = [StoryTask(s, [by_id[i] for i in s.articles], nlp, embedder, options) for s in ordered]
        return Brief(stories=synthesize_stories(tasks, engine, workers=workers))
    briefs = []
    for story in ordered:
        members = [by_id[i] for i in story.articles]
        analyses = analyze(members, nlp=nlp)
        briefs.append(synthesize(story, members, analyses, emb, **options))
    return Brief(stories=briefs)


def demo_corpus() -> Path:
    """The bundled demo corpus (five outlets on Xi Jinping's March 2023 Moscow visit)."""
    return DEMO_CORPUS


DEFAULT_DB = "newsprism.db"


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    fetch: bool = False,
    allow_private: bool = False,
    embedder: str | None = DEFAULT_EMBEDDER,
    on_error: ErrorHandler | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    batch_size: int | None = None,
):
    """Read, clean, dedupe, cluster and store every input in the store ``db``; returns an IngestReport.

    Safe to interrupt at any moment and rerun: inputs already stored are skipped, nothing is stored
    twice. ``fetch`` lets feeds fetch teaser entries' pages; ``allow_private`` lets URLs reach
    private network addresses; ``embedder=None`` skips story clustering.
    """
    from newsprism.ingest import IngestOptions
    from newsprism.store import open_store
    from newsprism.store.ingest import BATCH_SIZE, Ingestor

    store = open_store(str(db))
    options = IngestOptions(fetch=fetch, allow_private=allow_private)
    try:
        return Ingestor(
            store,
            options=options,
            embedder=embedder,
            batch_size=batch_size or BATCH_SIZE,
            on_error=on_error or _warn,
            on_progress=on_progress,
        ).run([str(p) for p in paths])
    finally:
        if options.fetcher is not None:
            options.fetcher.close()
        store.close()


def stats(db: str | Path = DEFAULT_DB) -> dict:
    """Counts of what the store ``db`` holds: ``articles``, ``stories``, ``sources``, ``outlets``, …"""
    from newsprism.store import backend_for, open_store

    if backend_for(str(db)) == "sqlite" and str(db) != ":memory:":
        from newsprism.store.sqlite import path_of

        if not Path(path_of(str(db))).exists():
            raise FileNotFoundError(f"no store at {db}")
    store = open_store(str(db))
    try:
        return store.stats()
    finally:
        store.close()
