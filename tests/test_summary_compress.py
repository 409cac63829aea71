"""Summary compression keeps text verbatim: only a dateline or an opening aside is trimmed."""

from __future__ import annotations

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
