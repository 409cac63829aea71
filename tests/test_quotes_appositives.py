"""A speaker's appositive role as written: abbreviations and initials inside it do not end it."""

from __future__ import annotations

import pytest

from quote_helpers import roles


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_spaced_initials_and_a_possessive_stay_in_the_role(backend: str) -> None:
    # a tokenizer spaced the initials ('U. S.'); the possessive name goes on into its noun
    text = (
        "The rule was announced on Monday. Maria T. Ochoa, the U. S. Chamber of Commerce's vice president of "
        'trade, said that the rule "will slow every port in the country."'
    )
    assert roles(text, backend) == [("Maria T. Ochoa", "U. S. Chamber of Commerce's vice president of trade")]
    text = (
        "The rule was announced on Monday. Maria T. Ochoa, a former U. N. envoy, said that the rule "
        '"will slow every port in the country."'
    )
    assert roles(text, backend) == [("Maria T. Ochoa", "former U. N. envoy")]
    text = (
        "The rule was announced on Monday. Maria T. Ochoa, the U.S. Chamber of Commerce's vice president of "
        'trade, said that the rule "will slow every port in the country."'
    )
    assert roles(text, backend) == [("Maria T. Ochoa", "U.S. Chamber of Commerce's vice president of trade")]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_occupations_before_a_name_areroles(backend: str) -> None:
    """BASIL DEV: 'Justice Anthony Kennedy', 'Wal-Mart worker Betty Dukes', 'Talk-show host Ellen DeGeneres' gave
    no role; a lower-case modifier stays with its title ('youth pastor', 'Real estate tycoon', 'Greek prime
    minister'), a verb or clause opener before it does not ('The first guest was youth pastor …')."""
    text = 'The court heard the case. Justice Anthony Kennedy asked whether "it is fair to the women."'
    assert roles(text, backend) == [("Anthony Kennedy", "Justice")]
    text = 'The suit began when Wal-Mart worker Betty Dukes sued. "I could see the men going forth," Dukes said.'
    assert roles(text, backend) == [("Betty Dukes", "Wal-Mart worker")]
    text = 'The first guest was youth pastor Stephen Lenahan. "It is about free speech," Lenahan said.'
    assert roles(text, backend) == [("Stephen Lenahan", "youth pastor")]
    text = 'The deal was signed. "We will pay," Greek prime minister George Papandreou said on Sunday.'
    assert roles(text, backend) == [("George Papandreou", "Greek prime minister")]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_clause_after_a_name_is_no_role(backend: str) -> None:
    """BASIL DEV: 'Mr. Trump, Mr. Bloomberg, the comedian Billy Crystal and … were set to play' and 'director
    Tyler Shields, the comedian stares the camera down' were read as the names' appositives."""
    text = (
        "Mr. Trump, Mr. Bloomberg, the comedian Billy Crystal and the manager Joe Torre were set to play golf. "
        '"He wants to run the nation like a business," Mr. Bloomberg said on Wednesday.'
    )
    assert roles(text, backend) == [("Bloomberg", None)]
    text = (
        "Shot by photographer Tyler Shields, the comedian stares the camera down in one photo. "
        '"She went above and beyond on this one," Tyler Shields said.'
    )
    assert roles(text, backend) == [("Tyler Shields", "photographer")]
    # (a time phrase after a role noun is still a description: 'a … candidate for mayor this year')
    text = (
        "Bill de Blasio, a Democratic candidate for mayor this year, came to the area on Monday night. "
        '"They have every right to protest," he said.'
    )
    assert roles(text, backend) == [("Bill de Blasio", "Democratic candidate for mayor this year")]
