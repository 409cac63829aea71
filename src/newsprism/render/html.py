"""Self-contained HTML report: no external assets; citations jump to the highlighted source sentence.

The story body lives in template parts (``_story.html.j2``, ``_style.css.j2``) shared with the web app,
which renders the same parts but points citations at its article pages instead of embedded texts.
Everything taken from an article is escaped: Jinja autoescapes the templates, and the SVG charts built
here escape every string themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from newsprism.model import Article, Brief, SourceRef, Span, StoryBrief
from newsprism.render.cite import citation_numbers, llm_note, origins_phrase, source_date, split_quotes, unnamed_outlets

_ENV = Environment(loader=PackageLoader("newsprism.render", "templates"), autoescape=select_autoescape(default=True))

# Colour per source number: distinguishable, readable on white, stable across pages.
PALETTE = (
    "#1f6feb",
    "#d1242f",
    "#1a7f37",
    "#8250df",
    "#bc4c00",
    "#0a7c86",
    "#bf3989",
    "#6e7781",
    "#9a6700",
    "#2d4f8a",
    "#7d4e00",
    "#116329",
)

ArticleHref = Callable[[str, int | None, int | None], str]
"""``href(article_id, start, end)``: where a citation of an article (or one span of it) points."""


def source_color(number: int) -> str:
    return PALETTE[(number - 1) % len(PALETTE)]


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) with a host, else None: never a ``javascript:`` or ``data:`` link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ------------------------------------------------------------ marked source texts
@dataclass
class _Marked:
    """An article's text with cited spans wrapped in anchored <mark>s."""

    html: Markup
    anchor_of: dict[tuple[int, int], str]


def _nest(
    spans: list[tuple[int, int]], number: int, prefix: str, named: dict[tuple[int, int], str]
) -> tuple[list[tuple[int, int, str]], dict[tuple[int, int], str]]:
    """Properly nested spans with anchors; a span crossing an open one is cited through that one."""
    emitted: list[tuple[int, int, str]] = []
    anchor_of: dict[tuple[int, int], str] = {}
    stack: list[tuple[int, int, str]] = []
    taken: set[str] = set()
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        while stack and stack[-1][1] <= s:
            stack.pop()
        if stack and e > stack[-1][1]:
            anchor_of[(s, e)] = stack[-1][2]
            continue
        anchor = named.get((s, e)) or f"{prefix}c{number}-{s}"
        if anchor in taken:
            anchor = f"{prefix}c{number}-{s}-{e}"
        taken.add(anchor)
        stack.append((s, e, anchor))
        emitted.append((s, e, anchor))
        anchor_of[(s, e)] = anchor
    return emitted, anchor_of


def mark_article(
    number: int,
    text: str,
    spans: list[tuple[int, int]],
    prefix: str = "",
    named: dict[tuple[int, int], str] | None = None,
) -> _Marked:
    """Paragraphs of ``text`` with each span in a ``<mark id=…>``; nested spans nest, breaks re-open marks.

    ``named`` gives chosen anchors to some spans (the web article page calls its requested span ``hl``).
    """
    valid = [(s, e) for s, e in spans if 0 <= s < e <= len(text)]
    emitted, anchor_of = _nest(valid, number, prefix, named or {})
    starts: dict[int, list[tuple[int, int, str]]] = {}
    for span in emitted:
        starts.setdefault(span[0], []).append(span)
    points = sorted({0, len(text)} | {s for s, _, _ in emitted} | {e for _, e, _ in emitted})
    out: list[str] = ["<p>"]
    open_: list[tuple[int, int, str]] = []
    for i, pos in enumerate(points):
        while open_ and open_[-1][1] == pos:
            out.append("</mark>")
            open_.pop()
        for span in starts.get(pos, []):
            out.append(f'<mark id="{escape(span[2])}">')
            open_.append(span)
        if i + 1 == len(points):
            break
        for j, part in enumerate(text[pos : points[i + 1]].split("\n\n")):
            if j:
                out.append("</mark>" * len(open_) + "</p><p>" + '<mark class="cont">' * len(open_))
            out.append(str(escape(part)))
    out.append("</mark>" * len(open_) + "</p>")
    return _Marked(Markup("".join(out).replace("<p></p>", "")), anchor_of)


# ------------------------------------------------------------------- SVG charts
def _svg_text(x: float, y: float, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(text)}</text>'


def source_label(ref: SourceRef, limit: int = 40) -> str:
    """What names a source in charts and chips: its outlet, else its title, else its id."""
    host = urlsplit(ref.url).hostname if safe_url(ref.url) else None
    return _clip(ref.outlet or host or ref.title or "unknown outlet", limit)


def coverage_facts(story: StoryBrief, max_rows: int = 20) -> list[int]:
    """Indices of the facts the matrix shows: multi-source facts first (they are sorted so), capped."""
    multi = [i for i, f in enumerate(story.facts) if f.support > 1]
    return (multi or list(range(len(story.facts))))[:max_rows]


def coverage_svg(
    story: StoryBrief,
    nums: dict[str, int],
    href: Callable[[str, list[Span]], str | None],
    fact_href: Callable[[int], str],
    max_rows: int = 20,
) -> Markup:
    """Facts × sources matrix: a filled dot where a source reports the fact, a dashed ring where it omits one.

    Dots link to the cited sentence; every label is escaped; 3–12 sources fit a page width.
    """
    rows = coverage_facts(story, max_rows)
    sources = [r for r in story.sources if r.article in nums]
    if not rows or not sources:
        return Markup("")
    omits = {f.article: set(f.omits) for f in story.framing}
    cell = 34 if len(sources) <= 10 else 24
    head_h, count_w, width = 140, 120, 900
    label_w = max(260, width - cell * len(sources) - count_w)
    width = label_w + cell * len(sources) + count_w
    height = head_h + cell * len(rows) + 8
    chars = int((label_w - 12) / 6.9)
    out = [
        f'<svg class="coverage" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="cov-title-{escape(story.id)}">',
        f'<title id="cov-title-{escape(story.id)}">Coverage: which source reports which fact</title>',
    ]
    for col, ref in enumerate(sources):
        n = nums[ref.article]
        cx = label_w + col * cell + cell / 2
        out.append(
            f'<g transform="translate({cx + 4:.1f},{head_h - 10}) rotate(-45)">'
            + _svg_text(0, 0, f"{n} · {source_label(ref, 20)}", class_="col", fill=source_color(n))
            + "</g>"
        )
    out.append(_svg_text(label_w + cell * len(sources) + 14, head_h - 10, "outlets / origins", class_="muted"))
    for row, i in enumerate(rows):
        fact = story.facts[i]
        y = head_h + row * cell
        if row % 2 == 0:
            out.append(f'<rect x="0" y="{y}" width="{width}" height="{cell}" class="band"/>')
        out.append(
            f'<a href="{escape(fact_href(i))}">'
            + _svg_text(6, y + cell / 2 + 4, f"{i + 1}. {_clip(fact.text, chars)}", class_="fact")
            + f"<title>{escape(fact.text)}</title></a>"
        )
        carried = set(fact.articles)
        for col, ref in enumerate(sources):
            n = nums[ref.article]
            cx, cy = label_w + col * cell + cell / 2, y + cell / 2
            who = escape(source_label(ref))
            if ref.article in carried:
                link = href(ref.article, [s for s in fact.spans if s.article == ref.article])
                dot = (
                    f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{cell * 0.3:.1f}" fill="{source_color(n)}">'
                    f"<title>[{n}] {who} reports fact {i + 1}</title></circle>"
                )
                out.append(f'<a href="{escape(link)}">{dot}</a>' if link else dot)
            elif i in omits.get(ref.article, ()):
                out.append(
                    f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{cell * 0.24:.1f}" class="omit">'
                    f"<title>[{n}] {who} omits fact {i + 1}</title></circle>"
                )
            else:
                out.append(
                    f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" class="none">'
                    f"<title>[{n}] {who}: not reported</title></circle>"
                )
        out.append(
            _svg_text(
                label_w + cell * len(sources) + 14, y + cell / 2 + 4, f"{fact.support} / {fact.origins}", class_="count"
            )
        )
    out.append("</svg>")
    return Markup("".join(out))


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def parse_day(value: str | None) -> date | None:
    """First day a date string (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD…``) names, or None."""
    m = _DATE.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


class _DayScale:
    """Day → x: a linear window around the story's days, plus compressed gutters for earlier/later context.

    Why not one linear axis: briefs mix this week's events with background years back ("first visit
    in 2013"); a linear scale would squeeze the story itself into a single pixel column.
    """

    def __init__(self, days: list[date], focus: list[date], left: float, right: float, gutter: float = 150) -> None:
        centre = sorted(focus or days)[len(focus or days) // 2]
        inside = [d for d in days if abs((d - centre).days) <= 45] or [centre]
        self.lo, self.hi = min(inside), max(inside)
        self.before = sorted({d for d in days if d < self.lo})
        self.after = sorted({d for d in days if d > self.hi})
        self.x0 = left + (gutter if self.before else 0)
        self.x1 = right - (gutter if self.after else 0)
        self.left, self.right = left, right
        self.span = max((self.hi - self.lo).days, 1)

    def __call__(self, d: date) -> float:
        if d < self.lo:
            i = self.before.index(d) if d in self.before else 0
            return self.left + (self.x0 - 30 - self.left) * i / max(len(self.before) - 1, 1)
        if d > self.hi:
            i = self.after.index(d) if d in self.after else 0
            return self.x1 + 30 + (self.right - self.x1 - 30) * i / max(len(self.after) - 1, 1)
        return self.x0 + (self.x1 - self.x0) * (d - self.lo).days / self.span

    def ticks(self) -> list[tuple[date, str]]:
        """Axis labels: years/months in the gutters, days (every few) in the window."""
        out = [(d, d.strftime("%b %Y")) for d in self.before]
        step = max(1, round(self.span / 8))
        day = self.lo
        while day <= self.hi:
            out.append((day, day.strftime("%-d %b")))
            day += timedelta(days=step)
        out += [(d, d.strftime("%b %Y")) for d in self.after]
        return out


def timeline_svg(
    story: StoryBrief, nums: dict[str, int], href: Callable[[str, list[Span]], str | None], max_rows: int = 24
) -> Markup:
    """Dated events on a day axis (bars for ranges) with source publication dates as ticks below."""
    rows = [(parse_day(t.date), parse_day(t.end_date), t) for t in story.timeline]
    rows = sorted((r for r in rows if r[0] is not None), key=lambda r: (r[0], r[1] or r[0]))[:max_rows]
    if not rows:
        return Markup("")
    pubs = [(parse_day(r.published), r) for r in story.sources if r.article in nums]
    pubs = [(d, r) for d, r in pubs if d is not None]
    days = [d for d, _, _ in rows] + [e for _, e, _ in rows if e] + [d for d, _ in pubs]
    width, row_h, top = 900, 24, 40
    x = _DayScale(days, [d for d, _ in pubs], 16, width - 16)
    height = top + row_h * len(rows) + 54
    out = [
        f'<svg class="timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="tl-title-{escape(story.id)}">',
        f'<title id="tl-title-{escape(story.id)}">Timeline of dated events</title>',
    ]
    if x.before:
        out.append(
            f'<rect x="{x.left - 8}" y="{top - 12}" width="{x.x0 - x.left - 8:.1f}" '
            f'height="{height - top - 32}" class="gutter"/>'
        )
        out.append(_svg_text(x.left - 4, top - 28, "background", class_="muted"))
    if x.after:
        out.append(
            f'<rect x="{x.x1 + 16:.1f}" y="{top - 12}" width="{x.right - x.x1:.1f}" '
            f'height="{height - top - 32}" class="gutter"/>'
        )
    last_x = -100.0
    for d, label in x.ticks():
        px = x(d)
        out.append(f'<line x1="{px:.1f}" y1="{top - 10}" x2="{px:.1f}" y2="{height - 44}" class="grid"/>')
        if px - last_x >= 46:
            out.append(_svg_text(px, top - 16, label, class_="axis", text_anchor="middle"))
            last_x = px
    for i, (start, end, entry) in enumerate(rows):
        assert start is not None
        y = top + i * row_h + row_h / 2
        x0 = x(start)
        link = None
        for aid in entry.articles:
            link = href(aid, [s for s in entry.spans if s.article == aid])
            if link:
                break
        x_end = x(end) if end and end > start else x0
        if x_end - x0 >= 6:
            shape = f'<rect x="{x0 - 5:.1f}" y="{y - 5:.1f}" width="{x_end - x0 + 10:.1f}" height="10" rx="5" class="event"/>'
        else:
            shape = f'<circle cx="{x0:.1f}" cy="{y:.1f}" r="6" class="event"/>'
        when = entry.date + (f" – {entry.end_date}" if entry.end_date else "")
        room_right = width - 16 - x_end - 12
        room_left = x0 - 16 - 12
        if room_right >= room_left:
            label = _svg_text(x_end + 12, y + 4, _clip(entry.text, int(room_right / 6.6)), class_="label")
        else:
            label = _svg_text(
                x0 - 12, y + 4, _clip(entry.text, int(room_left / 6.6)), class_="label", text_anchor="end"
            )
        body = f"{shape}{label}<title>{escape(when)}: {escape(entry.text)}</title>"
        out.append(f'<a href="{escape(link)}">{body}</a>' if link else f"<g>{body}</g>")
    base = height - 44
    out.append(f'<line x1="16" y1="{base}" x2="{width - 16}" y2="{base}" class="baseline"/>')
    out.append(_svg_text(16, base + 36, "▲ a source was published (colour = source number)", class_="muted"))
    stacked: dict[date, int] = {}
    for d, ref in pubs:
        k = stacked.get(d, 0)
        stacked[d] = k + 1
        n = nums[ref.article]
        px = x(d) + k * 11
        out.append(
            f'<path d="M{px:.1f},{base + 3} l6,10 h-12 z" fill="{source_color(n)}">'
            f"<title>[{n}] {escape(ref.outlet or ref.title or ref.article)} published {escape(ref.published or '')}</title></path>"
        )
    out.append("</svg>")
    return Markup("".join(out))


# ----------------------------------------------------------------- story context
def _cited_spans(story: StoryBrief) -> dict[str, list[tuple[int, int]]]:
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
    return cited


def story_context(
    story: StoryBrief, articles: dict[str, Article], *, prefix: str = "", article_href: ArticleHref | None = None
) -> dict:
    """Everything ``_story.html.j2`` needs for one story.

    Without ``article_href`` the source texts are embedded and citations are in-page anchors (static
    report); with it citations point wherever it says (the web app's article pages) and nothing is embedded.
    """
    nums = citation_numbers(story)
    labels = {ref.article: source_label(ref) for ref in story.sources}
    embed = article_href is None
    marked: dict[str, _Marked] = {}
    if embed:
        cited = _cited_spans(story)
        marked = {
            aid: mark_article(nums[aid], articles[aid].text, cited.get(aid, []), prefix)
            for aid in nums
            if aid in articles
        }

    def span_href(aid: str, spans: list[Span]) -> str | None:
        if aid not in nums:
            return None
        first = spans[0] if spans else None
        if article_href is not None:
            return article_href(aid, first.start if first else None, first.end if first else None)
        if aid in marked and first is not None:
            return "#" + marked[aid].anchor_of.get((first.start, first.end), f"{prefix}src{nums[aid]}")
        return f"#{prefix}src{nums[aid]}"

    def snippet(aid: str, spans: list[Span]) -> str:
        art = articles.get(aid)
        if art is None or not spans:
            return ""
        return _clip(art.text[spans[0].start : spans[0].end], 140)

    def cites(articles_: list[str], spans: list[Span] | None = None) -> Markup:
        links = []
        for aid in sorted(set(articles_), key=lambda a: nums.get(a, 0)):
            if aid not in nums:
                continue
            mine = [sp for sp in spans or [] if sp.article == aid]
            n = nums[aid]
            title = labels.get(aid, aid)
            text = snippet(aid, mine)
            if text:
                title += f": “{text}”"
            links.append(
                f'<a class="cite" href="{escape(span_href(aid, mine))}" title="{escape(title)}" '
                f'style="--c:{source_color(n)}">{n}</a>'
            )
        return Markup('<span class="cites">' + "".join(links) + "</span>") if links else Markup("")

    def chip(aid: str) -> Markup:
        n = nums.get(aid)
        if n is None:
            return escape(aid)
        return Markup(f'<span class="chip" style="--c:{source_color(n)}">{n}</span> ') + escape(labels.get(aid, aid))

    published = sorted(d for d in (parse_day(r.published) for r in story.sources) if d)
    dates = ""
    if published:
        lo, hi = published[0], published[-1]
        dates = lo.strftime("%-d %b %Y") if lo == hi else f"{lo.strftime('%-d %b')} – {hi.strftime('%-d %b %Y')}"

    def fact_href(i: int) -> str:
        return f"#{prefix}fact-{i + 1}"

    direct_quotes, reported = split_quotes(story.quotes)

    return {
        "story": story,
        "nums": nums,
        "marked": marked,
        "embed": embed,
        "prefix": prefix,
        "cites": cites,
        "chip": chip,
        "color": source_color,
        "source_href": (lambda aid: article_href(aid, None, None)) if article_href else None,
        "safe_url": safe_url,
        "source_date": source_date,
        "origins_phrase": origins_phrase(story),
        "unnamed": unnamed_outlets(story),
        "dates": dates,
        "coverage_svg": coverage_svg(story, nums, span_href, fact_href),
        "coverage_rows": len(coverage_facts(story)),
        "label": lambda aid: labels.get(aid, aid),
        "timeline_svg": timeline_svg(story, nums, span_href),
        "llm_note": llm_note(story),
        "direct_quotes": direct_quotes,
        "reported": reported,
        "llm_rejected": story.summary_llm.rejected if story.summary_llm else [],
    }


def render_html(brief: Brief, articles: dict[str, Article]) -> str:
    stories = [story_context(s, articles, prefix="" if i == 0 else f"s{i + 1}-") for i, s in enumerate(brief.stories)]
    return _ENV.get_template("brief.html.j2").render(stories=stories, schema=brief.schema)
