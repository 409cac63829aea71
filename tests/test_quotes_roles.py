"""A speaker's role is this speaker's: no title or name of another person merged in, no fragment of one."""

from __future__ import annotations

import pytest

from quote_helpers import quotes_of, roles


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_title_before_a_name_does_not_reach_back_across_and(backend: str) -> None:
    """BASIL/NeuS DEV: 'President Donald Trump and former Vice President', 'state lawmakers and Republican Gov.', 'Mr.
    Booker and Senator' were the roles of Joe Biden, Mike Pence and Bernie Sanders."""
    text = (
        "President Donald Trump and former Vice President Joe Biden faced off on Thursday. "
        'Biden said there is "no evidence" that a higher minimum wage closes businesses.'
    )
    assert roles(text, backend) == [("Joe Biden", "former Vice President")]
    text = (
        "But state lawmakers and Republican Gov. Mike Pence have defended the law. "
        '"This is about religious freedom," Pence said.'
    )
    assert roles(text, backend) == [("Mike Pence", "Republican Gov.")]
    text = (
        "Ms. Warren also joined Mr. Booker and Senator Bernie Sanders in asking supporters to sign. "
        '"I call on the administration to release it," Mr. Sanders wrote.'
    )
    assert roles(text, backend) == [("Bernie Sanders", "Senator")]


def test_a_title_after_another_titled_name_and_one_office_with_and() -> None:
    """BASIL/ECB+ DEV (spaCy; the regex NER takes the title into these names): 'Gov. Jay Inslee and Seattle Mayor'
    was Ed Murray's role; 'President and General Manager' is one office and stays whole."""
    text = (
        "Gov. Jay Inslee and Seattle Mayor Ed Murray banned travel to Indiana on Monday. "
        '"We will not fund it," Murray said.'
    )
    assert roles(text, "spacy") == [("Ed Murray", "Seattle Mayor")]
    text = (
        "Philadelphia 76ers President and General Manager Ed Stefanski spoke on Monday. "
        '"Decisions of this nature are never easy," Stefanski said.'
    )
    assert roles(text, "spacy") == [("Ed Stefanski", "President and General Manager")]


def test_a_noun_the_name_owns_is_no_title() -> None:
    """BASIL DEV (spaCy): 'The court of Chief Justice John G. Roberts Jr.' gave 'court of Chief Justice'."""
    text = (
        "The court of Chief Justice John G. Roberts Jr. has ruled for employers. "
        '"Is it true that the policy was the same everywhere?" Roberts asked.'
    )
    assert roles(text, "spacy") == [("John G. Roberts Jr", "Chief Justice")]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_the_object_of_a_preposition_and_a_then_title_get_no_title(backend: str) -> None:
    """ECB+/BASIL DEV: 'a lawyer for LaCalamita' made him a 'lawyer for', 'then-Senator Obama' made the President a
    'Senator'."""
    text = (
        "The judge said he would appoint a lawyer for Anthony LaCalamita. "
        '"Yes," LaCalamita said when he was asked if he understood the charges.'
    )
    assert roles(text, backend) == [("Anthony LaCalamita", None)]
    text = (
        "Two years prior, then-Senator Barack Obama used the same language. "
        '"It is not the change we need," Obama said at a campaign stop.'
    )
    assert roles(text, backend) == [("Barack Obama", None)]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_piece_of_the_name_or_a_near_duplicate_is_no_part_of_the_role(backend: str) -> None:
    """NeuS DEV: 'New York mayor, de' (the particle of Bill de Blasio) and 'Ex-FBI lawyer, Former FBI lawyer'."""
    text = (
        "New York mayor Bill de Blasio announced on Wednesday that the rate fell. "
        "“This is extraordinary,” de Blasio said of the daily rate."
    )
    assert roles(text, backend) == [("Bill de Blasio", "New York mayor")]
    text = (
        "Ex-FBI lawyer Lisa Page spoke out. Former FBI lawyer Lisa Page has avoided the spotlight. But in an "
        'interview, Page told The Daily Beast that she "could no longer stay silent."'
    )
    assert roles(text, backend) == [("Lisa Page", "Ex-FBI lawyer")]


def test_a_fragment_of_a_title_or_of_a_later_description_is_dropped() -> None:
    """ECB+/NeuS/BASIL DEV (spaCy; the regex NER takes the titles into the names): 'Chief Inspector, Chief', 'New York
    Lt. Gov., New York Lt.', 'H., director of Fish and Wildlife', 'Sen., Leader, Senate Majority Leader', and 'One
    Democrat' (one of several) as Stephen F. Lynch's role."""
    text = (
        "Police praised the officers. "
        '"He reduced our tactical problem quite dramatically," Chief Inspector Joe Sullivan said.'
    )
    assert roles(text, "spacy") == [("Joe Sullivan", "Chief Inspector")]
    text = 'New York Lt. Gov. Kathy Hochul on Sunday said she aims to create a "completely ethical" administration.'
    assert roles(text, "spacy") == [("Kathy Hochul", "New York Lt. Gov.")]
    text = (
        "The agency will consult at any time. H. Dale Hall, director of Fish and Wildlife, said he had concerns "
        'about the rule. "It is a bad rule," Hall said.'
    )
    assert roles(text, "spacy") == [("H. Dale Hall", "director of Fish and Wildlife")]
    text = (
        "Sen. Mitch McConnell met Democrats on Monday. Later, Leader McConnell spoke, and Senate Majority Leader "
        'McConnell commended the president. "We must act now," McConnell said.'
    )
    assert roles(text, "spacy") == [("Mitch McConnell", "Sen., Senate Majority Leader")]
    text = (
        "One Democrat, Representative Stephen F. Lynch of Massachusetts, even raised the threat. "
        '"We will appoint a special counsel," Mr. Lynch said.'
    )
    assert roles(text, "spacy") == [("Stephen F. Lynch", "Representative, Democrat")]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_an_aside_or_quoted_words_after_a_name_are_no_appositive(backend: str) -> None:
    """BASIL/ECB+ DEV: 'Sullivan, for the record, called …' gave the role 'record'; 'said Rep. Jay Inslee, D-Wash., the
    Bushies' "last sour note."  Using the Christmas season for cover, …' ran on into the next sentence; a quoted
    title's comma does not cut the appositive ('the host of “The Daily Show,”' was 'host of “The Daily Show')."""
    text = (
        "Axelrod said he had high regard for him. Andrew Sullivan, for the record, called the night "
        '"a solid win for Biden" and said so.'
    )
    assert ("Andrew Sullivan", None) in roles(text, backend)
    text = (
        'It is, said Rep. Jay Inslee, D-Wash., the Bushies\' "last sour note."  Using the Christmas season for '
        "cover, the administration acted."
    )
    assert [r for _s, r in roles(text, backend)] == ["Rep., D-Wash." if backend == "spacy" else "D-Wash."]
    text = '"We will win," said Jon Stewart, the host of “The Daily Show,” on Monday.'
    assert roles(text, backend)[0] == ("Jon Stewart", "host of “The Daily Show,”")


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_role_with_a_hole_in_it_is_dropped(backend: str) -> None:
    """BASIL DEV: 'After the chairman of the Joint Chiefs of Staff confirmed …' gave the role 'chairman of the of Staff'
    (the parse took 'Joint Chiefs' out as a name)."""
    text = (
        "After the chairman of the Joint Chiefs of Staff confirmed he knew about the cable, Graham asked why. "
        '"I would call myself surprised," Dempsey said.'
    )
    assert all(r is None or " of the of " not in r for _s, r in roles(text, backend) + _indirect(text, backend))


def _indirect(text: str, backend: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in quotes_of(text, backend) if q.kind == "indirect"]
