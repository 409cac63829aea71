"""Self-contained HTML report: no external assets; citations jump to the highlighted source sentence."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from newsprism.model import Article, Brief, Span, StoryBrief
from newsprism.render.cite import citation_numbers, origins_phrase, outlet_label

_ENV = Environment(loader=PackageLoader("newsprism.render", "templates"), autoescape=select_autoescape(default=True))


@dataclass
class _Marked:
    """An article's text with cited spans wrapped in anchored <mark>s."""

    html: Markup
    anchor_of: dict[tuple[int, int], str]


def _intervals(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def mark_article(number: int, text: str, spans: list[tuple[int, int]]) -> _Marked:
    parts: list[str] = []
    anchor_of: dict[tuple[int, int], str] = {}
    pos = 0
    valid = [(s, e) for s, e in spans if 0 <= s < e <= len(text)]
    for start, end in _intervals(valid):
        anchor = f"c{number}-{start}"
        for s, e in valid:
            if start <= s and e <= end:
                anchor_of[(s, e)] = anchor
        parts.append(str(escape(text[pos:start])))
        parts.append(f'<mark id="{anchor}">{escape(text[start:end])}</mark>')
        pos = end
    parts.append(str(escape(text[pos:])))
    paragraphs = "".join(parts).split("\n\n")
    return _Marked(Markup("".join(f"<p>{p}</p>" for p in paragraphs)), anchor_of)


def _story_context(story: StoryBrief, articles: dict[str, Article]) -> dict:
    nums = citation_numbers(story)
    cited: dict[str, list[tuple[int, int]]] = {}

    def collect(spans: list[Span]) -> None:
        for sp in spans:
            cited.setdefault(sp.article, []).append((sp.start, sp.end))

    for group in (story.summary, story.facts, story.quotes, story.timeline):
        for item in group:
            collect(item.spans)
    for c in story.contradictions:
        for v in c.variants:
            collect(v.spans)
    for f in story.framing:
        for t in f.terms:
            collect(t.spans)
    marked = {
        aid: mark_article(nums[aid], articles[aid].text, cited.get(aid, [])) for aid in nums if aid in articles
    }

    def cites(articles_: list[str], spans: list[Span] | None = None) -> Markup:
        links = []
        by_article = {}
        for sp in spans or []:
            by_article.setdefault(sp.article, (sp.start, sp.end))
        for aid in sorted(set(articles_), key=lambda a: nums.get(a, 0)):
            if aid not in nums:
                continue
            anchor = f"src{nums[aid]}"
            if aid in marked and aid in by_article:
                anchor = marked[aid].anchor_of.get(by_article[aid], anchor)
            label = escape(outlet_label(story, aid))
            links.append(f'<a class="cite" href="#{anchor}" title="{label}">[{nums[aid]}]</a>')
        return Markup("".join(links))

    return {"story": story, "nums": nums, "marked": marked, "cites": cites,
            "origins_phrase": origins_phrase(story.support, story.origins)}


def render_html(brief: Brief, articles: dict[str, Article]) -> str:
    stories = [_story_context(s, articles) for s in brief.stories]
    return _ENV.get_template("brief.html.j2").render(stories=stories, schema=brief.schema)
