"""Markdown brief: readable in a terminal or a repository, numbered citations into the source list."""

from __future__ import annotations

from newsprism.model import Brief, StoryBrief
from newsprism.render.cite import (
    carried_by,
    citation_numbers,
    llm_note,
    origins_phrase,
    source_date,
    split_quotes,
)


def _cites(story: StoryBrief, articles: list[str]) -> str:
    nums = citation_numbers(story)
    return "".join(f"[{nums[a]}]" for a in sorted(set(articles), key=lambda a: nums.get(a, 0)) if a in nums)


def _md(text: str) -> str:
    """Keep source text from being read as Markdown markup."""
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[")


def render_story(story: StoryBrief) -> str:
    out = [f"## {_md(story.title)}", "", f"*Reported by {origins_phrase(story)}.*", ""]
    if story.summary:
        out += ["### Summary", ""]
        out += [" ".join(f"{_md(s.text)} {_cites(story, s.articles)}" for s in story.summary), ""]
        if note := llm_note(story):
            out += [f"*{_md(note)}*", ""]
        if rejected := (story.summary_llm.rejected if story.summary_llm else []):
            out += [f"- dropped ({_md(r.reason)}): {_md(r.text)}" for r in rejected] + [""]
    if story.facts:
        # numbered once across both tables: the framing table names omitted facts by these numbers
        numbered = list(enumerate(story.facts, start=1))
        shared = [(n, f) for n, f in numbered if f.support > 1]
        single = [(n, f) for n, f in numbered if f.support <= 1]
        out += ["### Facts", ""]
        for heading, rows in (("", shared), (f"#### Reported by one source only ({len(single)})", single)):
            if not rows:
                continue
            if heading and shared:
                out += [heading, ""]
            out += ["| # | fact | outlets | origins | sources |", "|---|---|---|---|---|"]
            for n, fact in rows:
                text = _md(fact.text).replace("|", "\\|")
                out.append(f"| {n} | {text} | {fact.support} | {fact.origins} | {_cites(story, fact.articles)} |")
            out.append("")
    if story.contradictions:
        out += ["### Where sources differ", ""]
        for c in story.contradictions:
            out.append(f"- **{_md(c.topic)}** ({c.kind})")
            for v in c.variants:
                out.append(f"  - *{_md(v.value)}*: {_md(v.text)} {_cites(story, v.articles)}")
        out.append("")
    direct, reported = split_quotes(story.quotes)
    for heading, quotes in (("Quotes", direct), ("Reported statements", reported)):
        if not quotes:
            continue
        out += [f"### {heading}", ""]
        if quotes is reported:
            out += ["*What sources say was said, in the article's words, not the speaker's.*", ""]
        for q in quotes:
            who = _md(q.speaker or "unattributed") + (f", {_md(q.role)}" if q.role else "")
            carried = f"{_cites(story, q.articles)} *(carried by {_md(carried_by(story, q.articles))})*"
            # reported speech is never shown in quotation marks: they would claim the speaker's exact words
            said = f"“{_md(q.text)}” — {who}" if quotes is direct else f"{who}: {_md(q.text)}"
            out.append(f"- {said} {carried}")
        out.append("")
    if story.timeline:
        out += ["### Timeline", ""]
        for t in story.timeline:
            when = t.date + (f" – {t.end_date}" if t.end_date else "")
            out.append(f"- **{when}** {_md(t.text)} {_cites(story, t.articles)}")
        out.append("")
    if story.framing:
        out += ["### Framing by outlet", "", "| source | loaded terms | omits facts |", "|---|---|---|"]
        nums = citation_numbers(story)
        for f in story.framing:
            terms = "; ".join(f"“{_md(t.text)}” ({_md(t.note)})" for t in f.terms) or "—"
            omits = ", ".join(f"#{i + 1}" for i in f.omits) or "—"
            out.append(f"| [{nums.get(f.article, '?')}] {_md(f.outlet or f.article)} | {terms} | {omits} |")
        out.append("")
    out += ["### Sources", ""]
    for n, ref in enumerate(story.sources, start=1):
        bits = [ref.outlet or "unknown outlet", source_date(ref)]
        if ref.authors:
            bits.append(", ".join(ref.authors))
        if ref.origin:
            bits.append(f"origin: {ref.origin}")
        if ref.duplicate_of:
            bits.append(f"copy of {ref.duplicate_of}")
        title = _md(ref.title or ref.article)
        link = f" <{ref.url}>" if ref.url and ref.url.startswith(("http://", "https://")) else ""
        out.append(f"{n}. {title} — {_md(' · '.join(bits))} (`{ref.article}`){link}")
    out.append("")
    return "\n".join(out)


def render_markdown(brief: Brief) -> str:
    parts = ["# newsprism brief", ""]
    if not brief.stories:
        parts.append("No stories.")
    parts += [render_story(s) for s in brief.stories]
    return "\n".join(parts).rstrip() + "\n"
