"""The brief's quote list: a quote an outlet splits with its attribution is one entry (written text)."""

from __future__ import annotations

from newsprism.analyze import analyze
from newsprism.model import Article
from newsprism.synthesize import merge_story_quotes

ROBERTS_SPLIT = (
    "The justices heard the case on Tuesday.\n\n"
    "“Is it true,” Chief Justice John Roberts asked the lawyer, “that the pay gap across the company was "
    "less than the national average?”\n\n"
    "The lawyer said that was not the right comparison."
)
ROBERTS_WHOLE = (
    "The court heard arguments on Tuesday.\n\n"
    "“Is it true that the pay gap across the company was less than the national average?” Chief Justice "
    "John Roberts asked.\n\n"
    "The lawyer disagreed."
)
DOE = (
    "Mayor Jane Doe spoke to reporters outside City Hall on Monday.\n\n"
    "“We will fight this ruling in every court that will hear us,” Mayor Jane Doe said. “And we will win "
    "it, because the law is on our side.”\n\n"
    "The city plans to appeal."
)


def _quotes(*texts: str):
    arts = [Article(id=f"a{k}", text=t, outlet=f"outlet {k}") for k, t in enumerate(texts)]
    return arts, merge_story_quotes(arts, analyze(arts, nlp="regex"))


def _cited(arts, span) -> str:
    return next(a for a in arts if a.id == span.article).text[span.start : span.end]


def test_a_quote_split_by_its_attribution_is_one_entry_citing_each_piece():
    arts, quotes = _quotes(ROBERTS_SPLIT)
    hits = [q for q in quotes if "Is it true" in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    q = hits[0]
    assert q.text == "Is it true … that the pay gap across the company was less than the national average?"
    assert [_cited(arts, sp) for sp in q.spans[:2]] == [
        "Is it true",
        "that the pay gap across the company was less than the national average?",
    ]


def test_the_same_speaker_going_on_after_the_attribution_is_one_entry():
    arts, quotes = _quotes(DOE)
    hits = [q for q in quotes if "We will fight" in q.text]
    assert len(hits) == 1 and "And we will win it" in hits[0].text, [q.text for q in quotes]
    assert hits[0].text.startswith("We will fight this ruling in every court that will hear us … And we will win")


def test_a_split_quote_merges_with_an_outlet_giving_it_whole():
    arts, quotes = _quotes(ROBERTS_SPLIT, ROBERTS_WHOLE)
    hits = [q for q in quotes if "national average" in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    assert sorted(hits[0].articles) == ["a0", "a1"]
    assert len(hits[0].spans) == 3  # both pieces of one outlet, the whole quote of the other


def test_an_outlet_carrying_one_piece_joins_the_split_quote():
    only_second = (
        "The mayor vowed to appeal.\n\n"
        "“And we will win it, because the law is on our side,” Mayor Jane Doe said on Monday.\n\n"
        "The city council met later."
    )
    arts, quotes = _quotes(DOE, only_second)
    hits = [q for q in quotes if "the law is on our side" in q.text]
    assert len(hits) == 1 and sorted(hits[0].articles) == ["a0", "a1"], [(q.text, q.articles) for q in quotes]
    assert "We will fight" in hits[0].text


def test_only_the_attribution_may_stand_between_two_pieces():
    text = (
        "The governor answered questions on Friday.\n\n"
        "“I don’t know her,” Governor Tom Smith said before quickly correcting himself. “I hardly know her at "
        "all, and I have not spoken to her in a year.”\n\n"
        "“The plan is dishonest and hypocritical.” The savings, Governor Tom Smith said, “do not cut a single "
        "benefit for anybody in this state.”\n\n"
        "“We are done here,” Governor Tom Smith said. “Thank you all for coming out this morning.”"
    )
    _, quotes = _quotes(text)
    texts = [q.text for q in quotes]
    assert [t for t in texts if " … " in t] == ["We are done here … Thank you all for coming out this morning."], texts
    assert "I don’t know her" in texts
