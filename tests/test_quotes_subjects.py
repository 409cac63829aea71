"""The subject of a speech verb, on written sentences: words that open or sit in the clause but do not speak."""

from __future__ import annotations

import pytest

from quote_helpers import speakers


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_dates_and_openers_are_nospeakers(backend: str) -> None:
    # a date between the subject and its verb, or after a preposition before 'and said'
    text = 'The boats fled. The Coast Guard in November said it had sunk the smugglers\' "mother ship" at dawn.'
    assert speakers(text, backend) == ["Coast Guard"]
    text = 'The host was named. Mia Lorne made the announcement on Twitter on Friday and said: "It is official: I am back."'
    assert speakers(text, backend) == ["Mia Lorne"]
    # a place phrase opening the sentence
    text = 'Shots rang out. Down the street, Tom Varga, head of sales at a bakery, said "we were told to stay inside."'
    assert speakers(text, backend) == ["Tom Varga"]
    # a dateline
    text = "DENVER — The Harlow Nurses Union, which represents 5,000 nurses, said the offer was “a betrayal.”"
    assert speakers(text, backend) == ["Harlow Nurses Union"]
    # title abbreviations before a name
    text = 'Orozco was convicted. "This is the crime the penalty was made for," said Dist. Atty. Ray Stone.'
    assert speakers(text, backend) == ["Ray Stone"]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_party_adjective_before_a_lower_case_title_is_no_speaker(backend: str) -> None:
    text = (
        "The race tightened. Democratic front-runner Hillary Clinton on Saturday issued a rebuke of her rival, "
        "calling his remarks “dangerous.”"
    )
    assert speakers(text, backend) == ["Hillary Clinton"]


def test_an_organisation_named_over_of_or_for_keeps_its_whole_name() -> None:
    # needs the spaCy NER, which tags the whole name ORG
    text = '"Today was a stunning display of cowardice," said Democracy for America, one of several groups.'
    assert speakers(text, "spacy") == ["Democracy for America"]
    text = "The rule changed. The Centers for Disease Control and Prevention on Friday announced that schools could seat children three feet apart."
    assert speakers(text, "spacy") == ["Centers for Disease Control and Prevention"]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_an_unnamed_institution_is_as_written_or_the_one_named_before(backend: str) -> None:
    # 'the military said' with no military named: as written, not a made-up name 'Military'
    text = 'The navy seized two boats and "a cache of arms," the military said in a statement.'
    assert speakers(text, backend) == ["the military"]
    # 'the agency' is the organisation that was the subject before
    text = 'The Secret Service is short of money, though the agency says "the crunch is not new."'
    assert speakers(text, backend) == ["Secret Service"]
    # an organisation's common noun ending a longer phrase is not the subject ('X from … relief agency said')
    text = "Ten people died. Mohsen Kazemi from Iran’s Red Crescent relief agency said ten villages were hit."
    assert speakers(text, backend) == ["Mohsen Kazemi"]
    text = "Gray was shot after police said he pulled out a gun."
    assert speakers(text, backend) == ["Police"]
    # a street's name is no person
    text = "The crash killed one. Residents along 117th Street said a police car was parked near the corner."
    assert "Street" not in speakers(text, backend)
