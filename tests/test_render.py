"""Renderers and the published JSON Schema, on a brief built by hand from real demo-corpus sentences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema

from newsprism.model import (
    Article,
    Brief,
    Contradiction,
    Fact,
    Framing,
    FramingTerm,
    SourceRef,
    Span,
    StoryBrief,
    StoryQuote,
    SummarySentence,
    TimelineEntry,
    Variant,
)
from newsprism.render import brief_to_json_dict, render
from newsprism.render.schema import brief_schema

ROOT = Path(__file__).resolve().parents[1]


def _span(article: Article, needle: str) -> Span:
    start = article.text.index(needle)
    return Span(article.id, start, start + len(needle))


def _tiny_brief() -> tuple[Brief, dict[str, Article]]:
    hostile = Article(
        id="evil",
        outlet="<script>alert(1)</script>",
        title="<img src=x onerror=alert(1)>",
        text="Officials said <b>hundreds</b> attended. <script>alert('x')</script>",
        url="javascript:alert(1)",
    )
    plain = Article(id="ok", outlet="Daily", title="Meeting held", text="Officials said thousands attended.")
    s1, s2 = (
        _span(hostile, "Officials said <b>hundreds</b> attended."),
        _span(plain, "Officials said thousands attended."),
    )
    story = StoryBrief(
        id="s1",
        title=hostile.title,
        articles=["evil", "ok"],
        support=2,
        origins=2,
        sources=[SourceRef(a.id, a.outlet, a.title, None, [], None, None, a.url) for a in (hostile, plain)],
        summary=[SummarySentence(plain.text, ["ok"], [s2])],
        facts=[Fact(plain.text, ["ok", "evil"], 2, 2, [s1, s2])],
        contradictions=[
            Contradiction(
                "attendance",
                [
                    Variant(hostile.text[s1.start : s1.end], "hundreds", ["evil"], [s1]),
                    Variant(plain.text, "thousands", ["ok"], [s2]),
                ],
                "quantity",
            )
        ],
        quotes=[StoryQuote("<script>", "<b>X</b>", None, ["evil"], [])],
        timeline=[TimelineEntry("2023-03-17", plain.text, ["ok"], None, [s2])],
        framing=[Framing("evil", hostile.outlet, [FramingTerm("<i>regime</i>", "loaded label", [])], [0])],
    )
    return Brief(stories=[story]), {a.id: a for a in (hostile, plain)}


def test_published_schema_is_generated_from_the_model():
    published = json.loads((ROOT / "docs" / "brief.schema.json").read_text())
    assert published == brief_schema(), (
        "docs/brief.schema.json is stale: run `newsprism schema > docs/brief.schema.json`"
    )


def test_json_output_validates_and_has_contract_shape():
    brief, _ = _tiny_brief()
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, brief_schema())
    assert list(data) == ["schema", "stories"] and data["schema"] == "newsprism.brief/1"
    bad = brief_to_json_dict(brief)
    bad["stories"][0]["facts"][0]["support"] = "two"
    try:
        jsonschema.validate(bad, brief_schema())
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("schema accepted a string support count")


def test_html_escapes_everything_from_articles():
    brief, articles = _tiny_brief()
    html = render(brief, "html", articles)
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>hundreds</b> attended" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # the cited sentence is marked in the source text and the citation links to it
    assert '<mark id="c1-0">Officials said &lt;b&gt;hundreds&lt;/b&gt; attended.</mark>' in html
    assert 'href="#c1-0"' in html


def test_markdown_lists_every_section_with_citations():
    brief, _ = _tiny_brief()
    md = render(brief, "md")
    for heading in (
        "### Summary",
        "### Facts",
        "### Where sources differ",
        "### Quotes",
        "### Timeline",
        "### Framing by outlet",
        "### Sources",
    ):
        assert heading in md
    assert "Officials said thousands attended. [2]" in md
    assert "javascript:" not in md and "<script>" not in md


def test_outlet_count_says_how_many_outlets_are_not_named():
    brief, _ = _tiny_brief()
    md = render(brief, "md")
    assert "outlets, " in md and "not named" not in md  # both articles name their outlet
    story = brief.stories[0]
    story.sources[1].outlet = None
    assert "(1 not named: each counted as its own)" in render(brief, "md")
    assert "(1 not named)" in render(brief, "html")


def test_a_source_with_only_an_update_stamp_shows_it():
    brief, _ = _tiny_brief()
    src = brief.stories[0].sources[1]
    assert src.published is None
    assert "Daily · date unknown" in render(brief, "md")
    src.updated = "2023-03-20"
    md, html = render(brief, "md"), render(brief, "html")
    assert "Daily · updated 2023-03-20" in md and "updated 2023-03-20" in html
    src.published = "2023-03-17"
    assert "Daily · 2023-03-17" in render(brief, "md")
    assert brief_to_json_dict(brief)["stories"][0]["sources"][1]["updated"] == "2023-03-20"


def test_reported_speech_is_never_shown_in_quotation_marks():
    """An indirect quote is the outlet's wording: in quotation marks it would claim the speaker's exact words."""
    said = "China’s Foreign Ministry and the Kremlin said in separate statements Friday that Xi will visit Russia."
    art = Article(id="wp", outlet="Daily", title="Xi to visit", text=said + " “Of course,” said Yury Ushakov.")
    reported, direct = _span(art, "Xi will visit Russia"), _span(art, "Of course,")
    brief, articles = _tiny_brief()
    story = brief.stories[0]
    story.articles.append(art.id)
    story.sources.append(SourceRef(art.id, art.outlet, art.title, None, [], None, None, None))
    story.quotes = [
        StoryQuote("Xi will visit Russia", "Kremlin", None, [art.id], [reported], kind="indirect"),
        StoryQuote("Of course,", "Yury Ushakov", None, [art.id], [direct]),
    ]
    articles[art.id] = art
    md = render(brief, "md")
    quotes, rest = md.split("### Quotes", 1)[1].split("### Reported statements", 1)
    assert "“Of course,” — Yury Ushakov" in quotes and "Xi will visit" not in quotes
    reported_md = rest.split("###", 1)[0]
    assert "- Kremlin: Xi will visit Russia [3]" in reported_md and "“" not in reported_md
    html = render(brief, "html", articles)
    section = html.split("<h3>Reported statements</h3>", 1)[1].split("</section>", 1)[0]
    visible = re.sub(r'title="[^"]*"', "", section)  # a citation's tooltip quotes the article itself, rightly
    assert "Xi will visit Russia" in visible and "“" not in visible
    assert "“Xi will visit Russia”" not in re.sub(r'title="[^"]*"', "", html)
    assert "<b>1</b>reported statement" in html and "<b>1</b>quote<" in html
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, brief_schema())
    assert [q["kind"] for q in data["stories"][0]["quotes"]] == ["indirect", "direct"]


def test_quotes_name_the_outlets_carrying_them_not_article_ids():
    brief, _ = _tiny_brief()
    story = brief.stories[0]
    story.quotes = [StoryQuote("Officials said", "Officials", None, ["ok", "evil"], [])]
    story.sources[0].outlet = None  # 'evil' names no outlet
    md = render(brief, "md")
    assert "*(carried by 2 sources: Daily and 1 not named)*" in md
    assert "carried by 2 sources: evil" not in md and "evil," not in md
    story.sources[1].outlet = None  # nobody named: the count alone, not an empty list
    assert "*(carried by 2 sources, outlets not named)*" in render(brief, "md")


def test_markdown_puts_single_source_facts_in_their_own_table_numbered_on():
    brief, _ = _tiny_brief()
    story = brief.stories[0]
    shared, art = story.facts[0], story.sources[0].article
    story.facts = [shared, Fact("Only one outlet said this.", [art], 1, 1, [])]
    md = render(brief, "md")
    facts = md.split("### Facts", 1)[1].split("\n### ", 1)[0]
    top, single = facts.split("#### Reported by one source only (1)")
    assert "| 1 | Officials said thousands attended." in top and "Only one outlet" not in top
    assert "| 2 | Only one outlet said this. | 1 | 1 |" in single
