"""End to end: the demo corpus becomes one cited story brief; a second corpus from BASIL keeps its stories apart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import newsprism
from conftest import DEMO, eval_path
from newsprism.cli import main
from newsprism.model import Article, Brief, to_dict
from newsprism.render import brief_to_json_dict, render
from newsprism.render.schema import brief_schema

BOILERPLATE = re.compile(
    r"Skip to|Arrow-right|Local journalism is essential|Give directly|Subscribe now|issues with commenting"
    r"|/AP$|\(Getty Images\)|Credit: ",
    re.M,
)


@pytest.fixture(scope="module")
def demo() -> tuple[list[Article], Brief]:
    articles = newsprism.clean([DEMO])
    return articles, newsprism.brief(articles)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _check_citations(brief: Brief, articles: dict[str, Article]) -> None:
    """Every cited span lies inside its article, and every summary sentence is copied from its spans."""
    for story in brief.stories:
        items = [*story.summary, *story.facts, *story.timeline, *story.quotes]
        items += [v for c in story.contradictions for v in c.variants]
        for item in items:
            for span in item.spans:
                text = articles[span.article].text
                assert 0 <= span.start < span.end <= len(text), (item, span)
        for sent in story.summary:
            assert sent.spans, sent
            cited = " ".join(_norm(articles[s.article].text[s.start : s.end]) for s in sent.spans)
            assert _norm(sent.text) in cited, f"summary sentence not found in its cited spans: {sent.text!r}"


def test_demo_cleaning_removes_boilerplate(demo):
    articles, _ = demo
    assert len(articles) == 5
    for art in articles:
        assert not BOILERPLATE.search(art.text), (art.id, BOILERPLATE.search(art.text).group())
        lines = [ln for ln in art.text.split("\n") if ln.strip()]
        assert len(lines) == len(set(lines)), f"{art.id}: a repeated line (photo caption?) survived"
        assert art.title and len(art.text) > 2000


def test_demo_forms_one_story_with_a_full_brief(demo):
    articles, brief = demo
    by_id = {a.id: a for a in articles}
    assert len(brief.stories) == 1
    story = brief.stories[0]
    assert sorted(story.articles) == sorted(by_id)
    assert story.support == 5 and 1 <= story.origins <= 5
    # quotes: the Kuleba territorial-integrity quote is one entry listing every article carrying it
    kuleba = [q for q in story.quotes if "territorial integrity" in q.text]
    assert len(kuleba) == 1 and len(kuleba[0].articles) >= 3 and "Kuleba" in (kuleba[0].speaker or "")
    assert all(q.speaker for q in story.quotes if len(q.articles) > 1)
    # the quote most outlets carry leads the list (here Kuleba's, carried by three)
    carried = [len(set(q.articles)) for q in story.quotes]
    assert carried == sorted(carried, reverse=True) and story.quotes[0] is kuleba[0]
    # facts with support counts, consensus first
    assert story.facts and max(f.support for f in story.facts) >= 3
    assert all(f.support >= 1 and f.origins <= f.support for f in story.facts)
    # a dated timeline and at least one contradiction between sources
    assert any(t.date.startswith("2023-03-") for t in story.timeline)
    assert story.contradictions and all(
        len({a for v in c.variants for a in v.articles}) >= 2 for c in story.contradictions
    )
    assert story.summary
    _check_citations(brief, by_id)
    # the AP-credited article carries origin AP
    ap = [a for a in articles if "reported by The Associated Press" in (" ".join(a.credits))]
    assert ap and all(ref.origin == "AP" for ref in story.sources if ref.article == ap[0].id)


def test_demo_reported_speech_is_kept_apart_from_quotes(demo):
    """'Peskov said Xi and Putin … would hold talks' is the outlet's wording: listed as reported, never quoted."""
    articles, brief = demo
    story = brief.stories[0]
    peskov = [q for q in story.quotes if q.text.startswith("Xi and Putin, along with")]
    assert len(peskov) == 1 and peskov[0].kind == "indirect" and peskov[0].speaker == "Dmitry Peskov", peskov
    ushakov = [q for q in story.quotes if q.text.startswith("Of course, the conflict in Ukraine")]
    assert ushakov and all(q.kind == "direct" for q in ushakov)
    # no group mixes the two kinds: a reported group's spans hold no quotation mark of its own
    by_id = {a.id: a for a in articles}
    for q in story.quotes:
        if q.kind == "indirect":
            assert all(not by_id[sp.article].text[sp.start : sp.end].startswith(("“", '"')) for sp in q.spans), q
    md = render(brief, "md")
    reported = md.split("### Reported statements", 1)[1].split("\n### ", 1)[0]
    assert "Dmitry Peskov, Kremlin spokesman: Xi and Putin, along with" in reported
    assert "“Xi and Putin" not in md
    # Ushakov goes on right after his attribution ('…,” said … Ushakov. “We appreciate …'): one quote, two pieces
    quoted = "“Of course, the conflict in Ukraine will be discussed … We appreciate the restrained"
    assert quoted in md.split("### Reported statements", 1)[0]


def test_demo_omissions_only_where_the_outlet_says_nothing_close(demo):
    """'Omits' is a claim about an outlet: it must not be made where the outlet states the fact in other words.

    The Kremlin-sourced article writes "Xi Jinping's long-rumored visit to Moscow … will take place next week"
    (not linked to "Xi … will travel to Russia next week") and gives the Xi–Zelenskyy call as a "video
    conference" (a variant of a reported disagreement); the article with "In a rare phone conversation with
    his Ukrainian counterpart Thursday" reports the Qin–Kuleba call. The AP story never names Qin, Kuleba
    or Zelensky, so it does omit those facts.
    """
    articles, brief = demo
    story = brief.stories[0]
    by_id = {a.id: a for a in articles}
    omitted = {(fr.article, k) for fr in story.framing for k in fr.omits}
    assert omitted, "the demo has outlets that leave out facts most others report"

    def fact(pattern: str) -> int:
        return next(k for k, f in enumerate(story.facts) if re.search(pattern, f.text))

    def art(pattern: str) -> str:
        return next(a.id for a in articles if re.search(pattern, " ".join([a.text, *a.credits])))

    travel, call, xi_call = (
        fact(r"will travel to Russia next week"),
        fact(r"Qin.*Kuleba|Kuleba.*Qin"),
        fact(r"phone call"),
    )
    kremlin, rare, ap = (
        art(r"long-rumored visit"),
        art(r"In a rare phone conversation"),
        art(r"reported by The Associated Press"),
    )
    assert (kremlin, travel) not in omitted and (kremlin, xi_call) not in omitted
    assert (rare, call) not in omitted
    assert not re.search(r"Kuleba|Qin|Zelensk", by_id[ap].text)
    assert (ap, call) in omitted and (ap, xi_call) in omitted


def test_demo_json_validates_against_published_schema(demo):
    _, brief = demo
    data = brief_to_json_dict(brief)
    jsonschema.validate(data, brief_schema())
    assert json.loads(json.dumps(data))["schema"] == "newsprism.brief/1"


def test_basil_events_stay_separate_stories(tmp_path: Path):
    """A second corpus (2 BASIL events × 3 outlets) given as JSONL, nothing tuned to the demo story."""
    rows = [json.loads(line) for line in eval_path("basil", "dev.jsonl").open()]
    events = sorted({r["event"] for r in rows})[3:5]
    picked = [r for r in rows if r["event"] in events]
    path = tmp_path / "basil.jsonl"
    with path.open("w") as fh:
        for n, r in enumerate(picked):
            fh.write(
                json.dumps(
                    {"id": f"doc{n}", "title": r["title"], "text": r["text"], "date": r["date"], "outlet": r["outlet"]}
                )
                + "\n"
            )
    articles = newsprism.clean([path])
    brief = newsprism.brief(articles)
    gold = {f"doc{n}": r["event"] for n, r in enumerate(picked)}
    assert len(brief.stories) == 2
    for story in brief.stories:
        assert len({gold[a] for a in story.articles}) == 1
        assert story.support == 3 and story.sources
        assert story.summary and story.facts
    _check_citations(brief, {a.id: a for a in articles})


def test_cli_clean_and_brief_contract(tmp_path: Path):
    runner = CliRunner()
    res = runner.invoke(main, ["clean", str(DEMO / "002_977fb0aefb6c66fe.txt"), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    row = json.loads(res.output.splitlines()[0])
    assert list(row) == ["id", "source", "outlet", "title", "authors", "published", "language", "text"]
    assert row["id"] == "002_977fb0aefb6c66fe" and row["published"].startswith("2023-03-17")
    out = tmp_path / "brief.json"
    res = runner.invoke(main, ["brief", str(DEMO), "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    jsonschema.validate(data, brief_schema())
    assert len(data["stories"]) == 1 and len(data["stories"][0]["articles"]) == 5


def test_cli_quotes_say_which_are_reported_speech():
    """A consumer of `newsprism quotes` must be able to tell quoted words from an outlet's paraphrase."""
    path = DEMO / "004_3173251160033c64.txt"
    res = CliRunner().invoke(main, ["quotes", str(path), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines()]
    assert rows and all(list(r) == ["article", "text", "speaker", "role", "kind", "start", "end"] for r in rows)
    peskov = [r for r in rows if r["text"].startswith("Xi and Putin, along with")]
    assert [r["kind"] for r in peskov] == ["indirect"] and peskov[0]["speaker"] == "Dmitry Peskov"
    assert {"direct", "indirect"} <= {r["kind"] for r in rows} <= {"direct", "partial", "indirect"}
    text = newsprism.clean([path])[0].text
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)  # the span is the cleaned text's


def test_cli_exit_code_when_nothing_readable(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    res = CliRunner().invoke(main, ["clean", str(tmp_path / "empty.txt")])
    assert res.exit_code == 1 and "empty.txt" in res.output


@pytest.mark.parametrize("nn", ["numpy", "faiss"])
def test_cli_cluster_jsonl(nn: str):
    if nn == "faiss":
        pytest.importorskip("faiss", reason="faiss-cpu is an optional extra (pip install 'newsprism[faiss]')")
    res = CliRunner().invoke(main, ["cluster", str(DEMO), "--embedder", "hash", "--nn", nn])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert sorted(r["id"] for r in rows) == sorted(p.stem for p in DEMO.glob("*.txt"))
    assert len({r["story"] for r in rows}) == 1  # five reports of one visit


def test_story_field_keeps_user_grouping(tmp_path: Path):
    src = sorted(DEMO.glob("*.txt"))
    path = tmp_path / "grouped.jsonl"
    with path.open("w") as fh:
        for n, p in enumerate(src):
            fh.write(json.dumps({"id": p.stem, "text": p.read_text(), "story": "A" if n < 2 else "B"}) + "\n")
    stories = newsprism.cluster(newsprism.clean([path]), embedder="hash")
    assert sorted(sorted(s.articles) for s in stories) == [[p.stem for p in src[:2]], [p.stem for p in src[2:]]]
    assert all(to_dict(s)["id"] for s in stories)
