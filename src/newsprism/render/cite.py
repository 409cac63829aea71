"""Citation numbers shared by the Markdown and HTML renderers: one number per source article."""

from __future__ import annotations

from newsprism.model import StoryBrief


def citation_numbers(story: StoryBrief) -> dict[str, int]:
    return {ref.article: n for n, ref in enumerate(story.sources, start=1)}


def outlet_label(story: StoryBrief, article_id: str) -> str:
    for ref in story.sources:
        if ref.article == article_id:
            return ref.outlet or ref.article
    return article_id


def origins_phrase(support: int, origins: int) -> str:
    outlets = f"{support} outlet{'s' if support != 1 else ''}"
    return f"{outlets}, {origins} independent origin{'s' if origins != 1 else ''}"
