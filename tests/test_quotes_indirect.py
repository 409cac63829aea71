"""Reported speech ('X said that …') on written sentences: where the report starts and ends, and who speaks."""

from __future__ import annotations

import pytest

from newsprism.analyze import analyze
from newsprism.model import Article


def _reports(text: str, backend: str) -> list[tuple[str | None, str]]:
    art = Article(id="a", text=text, published="2024-05-02")
    return [
        (q.speaker, q.text)
        for q in analyze([art], nlp=backend, cross_article=False)["a"].quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_that_before_a_negated_verb_is_the_reports_subject(backend: str) -> None:
    text = "Maria Lopez spoke for the tenants. Lopez said that wasn't a fair reading of the contract signed in 2019."
    assert ("Maria Lopez", "that wasn't a fair reading of the contract signed in 2019") in _reports(text, backend)


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_an_adverb_between_the_verb_and_that_is_not_reported(backend: str) -> None:
    text = (
        "Governor Tom Briggs spoke on Monday. Briggs backed the plan at first but said recently that he no longer "
        "supports it because of how it has played out in his state."
    )
    assert _reports(text, backend)[-1] == (
        "Tom Briggs",
        "he no longer supports it because of how it has played out in his state",
    )


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_an_auxiliary_is_not_part_of_a_group_speaker(backend: str) -> None:
    text = (
        "The court heard the case on Tuesday. The shipping industry has said that a ruling for the dockworkers "
        "would lead to a wave of lawsuits over overtime pay."
    )
    assert _reports(text, backend) == [
        ("The shipping industry", "a ruling for the dockworkers would lead to a wave of lawsuits over overtime pay")
    ]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_report_inside_a_parenthesis_ends_before_its_closing_mark(backend: str) -> None:
    text = (
        "Rep. Ann Cole voted against the bill. (Cole opposed the measure in 2010 but has said in recent months that "
        "she would support it if it comes to the House floor.)"
    )
    assert _reports(text, backend)[-1] == ("Ann Cole", "she would support it if it comes to the House floor")


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_report_in_an_opening_subordinate_clause_ends_where_the_main_clause_begins(backend: str) -> None:
    text = (
        "Mayor Ruth Okafor spoke at city hall on Monday. By the time Okafor said on Monday that the council would "
        "vote on the budget, in return for a promise to fund the libraries, her allies had left the room."
    )
    assert _reports(text, backend)[-1] == (
        "Ruth Okafor",
        "the council would vote on the budget, in return for a promise to fund the libraries",
    )
    # a main clause after an opening phrase keeps its whole report
    text = (
        "Judge Leo Marsh spoke on Monday. As a law student, Marsh said he had backed the campaign of the senator, "
        "and that as a lawyer in 1999, Marsh had been a guest on his show."
    )
    assert _reports(text, backend)[-1][1].endswith("Marsh had been a guest on his show")


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_according_to_inside_a_statement_cites_the_whole_sentence(backend: str) -> None:
    text = (
        "The city sued the county on Tuesday. The new rule, according to county officials, allows the sheriff to "
        "move $3 million from road repairs to the jail."
    )
    assert _reports(text, backend)[-1] == (
        "county officials",
        "The new rule, according to county officials, allows the sheriff to move $3 million from road repairs to the jail",
    )
    # an appositive of the source is not part of what the source says
    text = (
        "Elephants are counted every year. Kenya and Tanzania have kept their herds stable, according to the "
        "Wildlife Census, a survey financed by a private foundation."
    )
    assert _reports(text, backend)[-1][1] == "Kenya and Tanzania have kept their herds stable"


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_relative_clause_between_the_subject_and_its_speech_verb(backend: str) -> None:
    # a non-restrictive clause after the subject ('…, where …,' / '…, which …,') does not hide it
    text = (
        "Regulators have largely let the mines run. But the complaint from Utah and Nevada, where the water is "
        "scarce, argues that the mines have “drained the aquifer” for a decade."
    )
    quotes = analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"].quotes
    assert [(q.text, q.speaker) for q in quotes if q.kind == "partial"] == [("drained the aquifer", "Utah and Nevada")]
    text = "The nurses struck on Friday. The Harlow Nurses Union, which represents 5,000 nurses, said the offer was “a betrayal.”"
    quotes = analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"].quotes
    assert [(q.text, q.speaker) for q in quotes if q.kind == "partial"] == [("a betrayal.", "Harlow Nurses Union")]
