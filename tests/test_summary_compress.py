"""Summary compression keeps text verbatim (only a dateline or an opening aside is trimmed); the headline feature."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.synthesize.summary import compress_span


def _cut(text: str) -> str:
    s, e = compress_span(text, 0, len(text))
    assert text[s:e] in text
    return text[s:e]


def test_opening_aside_is_trimmed():
    t = "Amid new threats to test a bomb in the Pacific, the president said the regime would be tested."
    assert _cut(t) == "the president said the regime would be tested."


def test_dateline_is_trimmed():
    t = "WASHINGTON — The Senate voted on Tuesday to advance the nomination of the judge to the court."
    assert _cut(t).startswith("The Senate voted")


def test_attribution_and_short_remainders_are_kept():
    t = "Health workers assisted evacuees without protective gear, according to a whistleblower complaint."
    assert _cut(t) == t
    short = "Amid the storm, officials left."
    assert _cut(short) == short
    quoted = 'Amid "chaos," the vote went ahead as planned on Monday night in the chamber.'
    assert _cut(quoted) == quoted


def test_title_similarity_favours_the_event_the_headlines_name():
    from newsprism.synthesize.align import align
    from newsprism.synthesize.summary import _title_sim

    arts = [
        Article(
            id="a",
            text="Senate passes the water bill. The Senate passed the water bill on Tuesday. "
            "A senator's dog attended the session in the gallery.",
        ),
        Article(id="b", text="Water bill clears the Senate. The water bill passed the Senate by ten votes."),
        Article(id="c", text="Senate approves water bill. Lawmakers in the Senate approved the water bill."),
    ]
    al = align(arts, {}, None)
    t = _title_sim(al)
    assert t.shape == (len(al.units),) and t.max() == 1.0
    by_text = {u.text: t[u.idx] for u in al.units}
    assert (
        by_text["The Senate passed the water bill on Tuesday."]
        > by_text["A senator's dog attended the session in the gallery."]
    )
