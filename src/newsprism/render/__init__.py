"""Render a Brief as JSON, Markdown or a self-contained HTML report."""

from __future__ import annotations

import json

from newsprism.model import Article, Brief, to_dict

FORMATS = ("json", "md", "html")


def brief_to_json_dict(brief: Brief) -> dict:
    """JSON shape of the contract: ``{"schema": ..., "stories": [...]}``."""
    data = to_dict(brief)
    return {"schema": data.pop("schema"), **data}


def render(brief: Brief, fmt: str, articles: dict[str, Article] | None = None) -> str:
    """Render ``brief`` in ``fmt``; HTML embeds ``articles`` so citations open the source sentence."""
    if fmt == "json":
        return json.dumps(brief_to_json_dict(brief), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from newsprism.render.markdown import render_markdown

        return render_markdown(brief)
    if fmt == "html":
        from newsprism.render.html import render_html

        return render_html(brief, articles or {})
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
