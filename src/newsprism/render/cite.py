"""Citation numbers shared by the Markdown and HTML renderers: one number per source article."""

from __future__ import annotations

from newsprism.model import Article, SourceRef, StoryBrief, StoryQuote


def citation_numbers(story: StoryBrief) -> dict[str, int]:
    return {ref.article: n for n, ref in enumerate(story.sources, start=1)}


def carried_by(story: StoryBrief, articles: list[str]) -> str:
    """'2 sources: fox, nyt', '3 sources: The Spokesman-Review and 2 not named', '1 source, outlet not named':
    the outlets, not the ids the citations already show."""
    carrying = set(articles)
    n = f"{len(carrying)} source{'s' if len(carrying) != 1 else ''}"
    named = [ref.outlet for ref in story.sources if ref.article in carrying and ref.outlet]
    parts = ", ".join(sorted(set(named)))
    unnamed = len(carrying) - len(named)
    if not parts:
        return f"{n}, outlet{'s' if unnamed != 1 else ''} not named"
    return f"{n}: {parts}" + (f" and {unnamed} not named" if unnamed else "")


def unnamed_outlets(story: StoryBrief) -> int:
    """Source articles that name no outlet (each counts as an outlet of its own in ``support``)."""
    return sum(1 for ref in story.sources if not ref.outlet)


def origins_phrase(story: StoryBrief) -> str:
    """'5 outlets (4 not named: each counted as its own), 5 independent origins'.

    Why say it: an article without an outlet counts as an outlet of its own, so "5 outlets" alone would
    claim more than the inputs tell.
    """
    support, origins = story.support, story.origins
    outlets = f"{support} outlet{'s' if support != 1 else ''}"
    if unnamed := unnamed_outlets(story):
        outlets += f" ({unnamed} not named: each counted as its own)"
    return f"{outlets}, {origins} independent origin{'s' if origins != 1 else ''}"


def llm_note(story) -> str | None:
    """One line saying who wrote the summary when an LLM was asked: kept, dropped, or why it fell back."""
    info = getattr(story, "summary_llm", None)
    if info is None:
        return None
    who = f"{info.backend} model {info.model}" if info.model else info.backend
    if not info.used:
        return f"Summary: extractive (the {who} rewrite was not used: {info.fallback or 'no sentence verified'})."
    note = f"Summary rewritten by the {who}: {info.kept} sentence{'s' if info.kept != 1 else ''} verified against their sources"
    if info.rejected:
        reasons = ", ".join(sorted({r.reason for r in info.rejected}))
        note += f", {len(info.rejected)} dropped ({reasons})"
    return note + "."


def source_date(ref: SourceRef | Article) -> str:
    """The publication date, else the update stamp ('updated 2023-03-20'), else 'date unknown'."""
    if ref.published:
        return ref.published
    return f"updated {ref.updated}" if ref.updated else "date unknown"


def split_quotes(quotes: list[StoryQuote]) -> tuple[list[StoryQuote], list[StoryQuote]]:
    """Direct quotes and reported speech, each in story order: they are shown apart, only the first in quotation marks."""
    return [q for q in quotes if q.kind != "indirect"], [q for q in quotes if q.kind == "indirect"]
