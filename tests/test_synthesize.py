"""Synthesis on the demo corpus: contradictions, framing, cited summary, support counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsprism.model import Analysis, Article, RawDocument, Sentence, Story, to_dict
from newsprism.synthesize import synthesize

DEMO = Path(__file__).resolve().parents[1] / "examples" / "xi-moscow-2023"


def _raw_articles() -> list[Article]:
    out = []
    for f in sorted(DEMO.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        out.append(Article(id=f.stem[:3], text=text, title=text.strip().split("\n")[0]))
    return out


def _articles() -> list[Article]:
    """Cleaned demo articles (newsprism.clean), or the raw files when clean is not there."""
    try:
        from newsprism.clean import clean_documents
    except ImportError:
        return _raw_articles()
    raws = [
        RawDocument(id=f.stem[:3], source=str(f), content=f.read_text(encoding="utf-8"), kind="text")
        for f in sorted(DEMO.glob("*.txt"))
    ]
    return clean_documents(raws)


def _split(article: Article) -> Analysis:
    """Private regex splitter (used only when newsprism.analyze is missing)."""
    sents = []
    for m in re.finditer(r"[^\n.!?]+(?:[.!?]+[\"”’]?|$)", article.text):
        s, e = m.start(), m.end()
        while s < e and article.text[s].isspace():
            s += 1
        if e > s:
            sents.append(Sentence(len(sents), s, e, article.text[s:e]))
    return Analysis(article=article.id, sentences=sents)


def _analyses(articles: list[Article]) -> dict[str, Analysis]:
    try:
        from newsprism.analyze import analyze
    except ImportError:
        return {a.id: _split(a) for a in articles}
    return analyze(articles, nlp="regex", reference_date="2023-03-17")


def _embedder():
    try:
        from newsprism.analyze.embed import get_embedder
    except ImportError:
        return None
    return get_embedder("hash")


@pytest.fixture(scope="module")
def demo():
    arts = _articles()
    brief = synthesize(Story("xi", [a.id for a in arts]), arts, _analyses(arts), _embedder())
    return arts, brief


def _one_article_brief(text: str, published: str):
    """The brief of a one-article story (regex sentences, no embedder): timeline rules on written text."""
    from newsprism.analyze import analyze

    arts = [Article(id="a", text=text, outlet="A", published=published)]
    return synthesize(Story("s", ["a"]), arts, analyze(arts, nlp="regex"), None)


def _text(arts: list[Article], span) -> str:
    return next(a for a in arts if a.id == span.article).text[span.start : span.end]


def test_both_demo_contradictions(demo):
    arts, brief = demo
    values = [{v.value.lower() for v in c.variants} for c in brief.contradictions]
    kids = [vs for vs in values if any("hundreds" in v for v in vs) and any("thousands" in v for v in vs)]
    assert kids, values
    calls = [vs for vs in values if any("phone" in v for v in vs) and any("video" in v for v in vs)]
    assert calls, values
    call = next(c for c in brief.contradictions if c.kind == "kind")
    assert "Xi" in call.topic and "call" in call.topic
    assert {v.value.lower() for v in call.variants} >= {"phone call", "video call", "video conference"}
    for c in brief.contradictions:
        assert c.kind in {"number", "quantity", "date", "kind", "entity", "negation"}
        for v in c.variants:
            assert v.spans and all(v.text in _text(arts, sp) or _text(arts, sp) in v.text for sp in v.spans[:1])


def test_no_phone_conversation_between_ministers_in_call_contradiction(demo):
    _, brief = demo
    for c in brief.contradictions:
        assert all("conversation" not in v.value.lower() for v in c.variants)


def test_breitbart_loaded_terms_attributed_to_004(demo):
    arts, brief = demo
    fr = {f.article: f for f in brief.framing}
    terms = {t.text.lower() for t in fr["004"].terms}
    for w in ("dictator", "scoffed", "insisted", "grew evasive"):
        assert w in terms, terms
    for t in fr["004"].terms:
        assert all(sp.article == "004" and _text(arts, sp) == t.text for sp in t.spans)
    others = {t.text.lower() for a, f in fr.items() if a != "004" for t in f.terms}
    assert "dictator" not in others and "scoffed" not in others


def test_summary_sentences_are_copied_and_cited(demo):
    arts, brief = demo
    assert brief.summary
    assert 20 <= sum(len(s.text.split()) for s in brief.summary) <= 110
    for s in brief.summary:
        first = s.spans[0]
        assert s.text in _text(arts, first)
        assert set(s.articles) == {sp.article for sp in s.spans}


def test_facts_support_and_origins(demo):
    arts, brief = demo
    assert brief.support == len({a.outlet_key for a in arts})
    consensus = [f for f in brief.facts if f.support >= 2]
    assert len(consensus) >= 5
    assert [f.support for f in brief.facts] == sorted((f.support for f in brief.facts), reverse=True)
    for f in brief.facts:
        assert f.support == len({next(a for a in arts if a.id == x).outlet_key for x in f.articles})
        assert f.origins <= f.support
        assert f.text in _text(arts, f.spans[0])


def test_omits_and_sources(demo):
    arts, brief = demo
    assert [s.article for s in brief.sources] == [a.id for a in arts]
    for fr in brief.framing:
        for k in fr.omits:
            assert fr.article not in brief.facts[k].articles and brief.facts[k].support >= 2
    assert brief.title
    to_dict(brief)  # serialisable


def test_wire_copies_collapse_to_one_origin():
    base = "The city council approved a new budget of 12 million dollars on Monday after a long debate."
    arts = [
        Article(id="a", text=base + " Critics said it was too small.", outlet="AP", origin="AP"),
        Article(id="b", text=base + " Critics said it was too small.", outlet="Local Times", duplicate_of="a"),
        Article(
            id="c",
            text="On Monday the city council approved a new budget of 12 million dollars after debate.",
            outlet="Daily",
        ),
    ]
    brief = synthesize(Story("s", ["a", "b", "c"]), arts, {}, None)
    assert brief.support == 3 and brief.origins == 2
    top = brief.facts[0]
    assert top.support == 3 and top.origins == 2


def test_timeline_sorted_and_cited(demo):
    arts, brief = demo
    dates = [(t.date, t.end_date or "") for t in brief.timeline]
    assert dates == sorted(dates)
    for t in brief.timeline:
        assert t.text in _text(arts, t.spans[0])


def test_number_contradiction_needs_same_thing_measured():
    arts = [
        Article(
            id="a", text="Police said 12 people were killed in the attack on the market in Kabul on Friday.", outlet="A"
        ),
        Article(
            id="b",
            text="Police said 40 people were injured in the attack on the market in Kabul on Friday.",
            outlet="B",
        ),
        Article(
            id="c",
            text="Officials said 30 people were killed in the attack on the market in Kabul on Friday.",
            outlet="C",
        ),
    ]
    brief = synthesize(Story("s", ["a", "b", "c"]), arts, {}, None)
    pairs = [{x for v in c.variants for x in v.articles} for c in brief.contradictions]
    assert {"a", "c"} in pairs or any({"a", "c"} <= p for p in pairs)
    assert all("b" not in p for p in pairs)


def test_programme_titles_in_quote_marks_are_not_quotes():
    from newsprism.analyze import analyze
    from newsprism.synthesize import merge_story_quotes

    arts = [
        Article(
            id="a",
            outlet="A",
            text='"It is destructive to the relationship," Rice said in an interview on the PBS '
            'television program "Charlie Rose." Graham said on Fox News\' "On the Record with Greta Van Susteren" '
            'that the speech was "appalling and unacceptable."',
        ),
        Article(
            id="b",
            outlet="B",
            text='Supporters chanted "Make America Great Again" at the rally, and Rice told '
            'reporters: "It is destructive to the relationship."',
        ),
    ]
    texts = {q.text.strip(' ."') for q in merge_story_quotes(arts, analyze(arts, nlp="regex"))}
    assert "Charlie Rose" not in texts and "On the Record with Greta Van Susteren" not in texts
    assert "appalling and unacceptable" in texts
    assert any("destructive to the relationship" in t for t in texts)


def test_a_quote_over_several_sentences_is_one_unit_and_connectives_leave_a_sentence():
    from newsprism.synthesize.align import build_units

    text = (
        "“I think it is getting harder for China to look neutral. So a trip to Moscow now would not be "
        "a great look for China,” Haenle said.\n\n"
        "But instead of pressuring the Kremlin, China appeared to double down on its partnership.\n\n"
        "But China said its position on the war was consistent and clear."
    )
    units = build_units([Article(id="a", text=text)], {})
    texts = [u.text for u in units]
    # the quote's second sentence alone would read as the outlet's own claim
    assert texts[0].startswith("“I think") and texts[0].endswith("Haenle said.")
    assert units[0].quote >= 0.6
    assert not any(t.startswith("So a trip") or t.startswith("a trip") for t in texts)
    # a connective is trimmed only when a sentence start is left
    assert texts[1].startswith("But instead of pressuring")
    assert texts[2].startswith("China said its position")


def test_markdown_omissions_point_at_numbered_facts(demo):
    """The framing table's '#k' must name row k of the facts table, a fact that outlet does not carry."""
    from newsprism.render.cite import citation_numbers
    from newsprism.render.markdown import render_story

    _, brief = demo
    md = render_story(brief)
    rows = dict(re.findall(r"^\| (\d+) \| (.+?) \| \d+ \| \d+ \| ", md, flags=re.M))
    assert len(rows) == len(brief.facts)
    framing = md.split("### Framing by outlet", 1)[1]
    nums = citation_numbers(brief)
    omitted = [
        (fr, int(k)) for fr in brief.framing for k in re.findall(r"#(\d+)", _omits_cell(framing, nums[fr.article]))
    ]
    assert omitted, "the demo has outlets that omit facts others report"
    assert len(omitted) == sum(len(fr.omits) for fr in brief.framing)
    for fr, k in omitted:
        fact = brief.facts[k - 1]
        assert rows[str(k)].startswith(fact.text[:30].replace("*", "\\*").replace("_", "\\_").replace("[", "\\["))
        assert fr.article not in fact.articles


def _omits_cell(table: str, num: int) -> str:
    """The 'omits facts' cell of source ``[num]``'s row of the framing table."""
    for line in table.splitlines():
        if line.startswith(f"| [{num}] "):
            return line.rstrip(" |").rsplit("|", 1)[1]
    return ""


def test_a_timeline_entry_never_starts_inside_a_number():
    """'more than 31, 000' (text rebuilt from tokens) is one number: the clause holding the date keeps all of it."""
    from newsprism.synthesize._text import clauses

    text = "A major earthquake killed more than 31, 000 people in the city of Bam in December 2003, officials said."
    spans = [text[a:b] for a, b in clauses(text, 0, len(text))]
    assert spans == [text.split(", officials")[0], "officials said."], spans
    brief = _one_article_brief(text, "2005-11-28")
    dated = [t for t in brief.timeline if t.date.startswith("2003-12")]
    assert dated and all("31, 000 people" in t.text for t in dated), brief.timeline
    # a year, then a count, is two numbers: the clause still ends at the year
    text = "In 2005, 300 people died."
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == ["In 2005", "300 people died."]


def test_a_date_after_a_superlative_since_is_no_event():
    """'The lowest rate since December 1969': nothing of the story happened in 1969; 'has led … since 2002' did begin."""
    from newsprism.analyze import analyze

    arts = [
        Article(
            id="a",
            text=(
                "The unemployment rate fell to 3.5 percent on Friday, the lowest rate since December 1969. "
                "The payroll increase was the best since August 2018. Pelosi has led House Democrats since 2002."
            ),
            outlet="A",
            published="2019-10-04",
        )
    ]
    brief = synthesize(Story("s", ["a"]), arts, analyze(arts, nlp="regex"), None)
    dates = {t.date for t in brief.timeline}
    assert "2019-10-04" in dates and "2002-01-01" in dates, brief.timeline
    assert not dates & {"1969-12-01", "2018-08-01"}, brief.timeline


def test_a_timeline_entry_says_who_did_what():
    """A clause without its subject ('who wrote on Saturday that …', 'announced his challenge in October',
    'according to a prison statement Monday') or main clause ('In court papers filed on Friday, …') widens to the sentence."""
    from newsprism.analyze import analyze

    sents = [
        "The senator has tacked to the left since Kevin de Leon, the president of the State Senate, "
        "announced his challenge to her in October.",
        "That was countered by two columnists, who wrote on Saturday that the director had not stepped away.",
        "An inmate escaped from a prison van near Houston, according to a Texas prison statement Monday.",
        "In court papers filed against the congressman on Friday, prosecutors said he must forfeit $750,000.",
    ]
    brief = _one_article_brief(" ".join(sents), "2018-01-24")
    assert sorted(t.text for t in brief.timeline) == sorted(sents), brief.timeline
    # a clause with its own subject stays a clause
    text = "Xi will travel to Russia next week, Beijing and Moscow announced on Friday."
    arts = [Article(id="b", text=text, outlet="B", published="2023-03-17")]
    brief = synthesize(Story("s", ["b"]), arts, analyze(arts, nlp="regex"), None)
    assert {t.text for t in brief.timeline} == {
        "Xi will travel to Russia next week",
        "Beijing and Moscow announced on Friday.",
    }


def test_a_posting_stamp_is_no_timeline_entry():
    text = (
        "On behalf of Newman & Newman, LLP. posted in Hit and Run Accidents on Friday, September 20, 2013.\n\n"
        "Updated: The driver surrendered to the police on Friday after a week in hiding, officials said."
    )
    brief = _one_article_brief(text, "2013-09-20")
    # the stamp's date is not an entry; a report that opens with "Updated:" is one
    assert [t.text for t in brief.timeline] == [
        "The driver surrendered to the police on Friday after a week in hiding"
    ], brief.timeline


def test_dates_offered_as_alternatives_are_no_entries():
    text = (
        "It is not clear how he plans to deploy the new party in 2022 or 2024. "
        "He founded the party in 2021 after leaving the Democrats."
    )
    brief = _one_article_brief(text, "2021-10-05")
    assert [t.date for t in brief.timeline] == ["2021-01-01"], brief.timeline


def test_a_clause_opening_with_said_or_an_irregular_past_has_its_subject_elsewhere():
    sents = [
        "The chairman of the committee, Representative Trey Gowdy, said he intends to hold a hearing at the end of July.",
        "The governor, a Republican, told The Indianapolis Star on Saturday that he was taken aback.",
    ]
    brief = _one_article_brief(" ".join(sents), "2018-07-16")
    assert sorted(t.text for t in brief.timeline) == sorted(sents), brief.timeline


def test_a_sentence_opening_subordinate_clause_widens_to_its_main_clause():
    text = (
        "When she was released from the hospital in 1992, she found herself in the spotlight again, "
        "thanks in part to a movie."
    )
    brief = _one_article_brief(text, "2008-12-12")
    assert [t.text for t in brief.timeline] == [text], brief.timeline


def test_a_season_is_a_range_and_since_the_season_after_a_superlative_is_no_event():
    text = (
        "The Sixers fired Cheeks after a 9-14 start to the 2008-09 season. "
        "He guided them to the playoffs for the first time since the 2004-05 season."
    )
    brief = _one_article_brief(text, "2008-12-13")
    assert [(t.date, t.end_date) for t in brief.timeline] == [("2008-01-01", "2009-12-31")], brief.timeline


def test_a_change_measured_from_a_date_is_no_event():
    text = (
        "The population was 331.5 million, an increase of only 7.4% from 2010. "
        "It grew from 2010 to 2020 at the slowest rate in a century."
    )
    brief = _one_article_brief(text, "2021-04-27")
    assert [(t.date, t.end_date) for t in brief.timeline] == [("2010-01-01", "2020-12-31")], brief.timeline


def test_a_clause_never_opens_inside_a_date():
    text = "O'Brien was hired as the 20th coach of the 76ers on April 21, 2004 and posted a record of 43-39 in 2004-05."
    brief = _one_article_brief(text, "2005-05-23")
    assert {t.text for t in brief.timeline} == {text}, brief.timeline


def test_a_budget_window_is_no_event():
    text = (
        "The budget plan includes similar savings, roughly $700 billion from 2013 to 2022, according to the CBO. "
        "From December 2007 through December 2008, the couple spent $313.89 on stuffed animals."
    )
    brief = _one_article_brief(text, "2012-08-14")
    assert [(t.date, t.end_date) for t in brief.timeline] == [("2007-12-01", "2008-12-31")], brief.timeline


def test_a_year_in_a_name_is_no_event():
    text = (
        "The issue is whether the Civil Rights Act of 1964 covers LGBTQ people. "
        "The act was last reauthorized in 2006 with a Senate vote of 98-0."
    )
    brief = _one_article_brief(text, "2019-10-08")
    assert [t.date for t in brief.timeline] == ["2006-01-01"], brief.timeline


def test_a_clause_opening_with_an_ing_verb_or_where_has_its_subject_elsewhere():
    sents = [
        "Outgoing adviser Larry Summers spoke at length, warning on Wednesday that inaction would raise the risk of a recession.",
        "Members of the main unions began converging on parliament, where the government was preparing a vote on Thursday.",
    ]
    brief = _one_article_brief(" ".join(sents), "2010-04-30")
    assert sorted(t.text for t in brief.timeline) == sorted(sents), brief.timeline


def test_a_number_with_a_compact_suffix_is_one_value_with_its_spelled_out_form():
    """'$60bn' and '$60 billion', '1.5m' and '1.5 million', '5.4%' and '5.4 percent' share their number token;
    '60 people' and '1.5 tonnes' share none with them (alignment counts shared numbers)."""
    from newsprism.synthesize.align import build_units

    arts = [
        Article(id="a", text="China put tariffs on $60bn of goods, and 1.5m workers face 5.4% pay cuts.", outlet="A"),
        Article(
            id="b",
            text="China put tariffs on $60 billion of goods, and 1.5 million workers face 5.4 percent pay cuts.",
            outlet="B",
        ),
        Article(id="c", text="Police said 60 people and 1.5 tonnes of goods were moved on Friday.", outlet="C"),
    ]
    a, b, c = (u.numbers for u in build_units(arts, {}))
    assert a == b and len(a) == 3, (a, b)
    assert not a & c, (a, c)
