"""A speaker's appositive role as written: abbreviations and initials inside it do not end it."""

from __future__ import annotations

import pytest

from newsprism.analyze import analyze
from newsprism.model import Article


def _roles(text: str, backend: str) -> list[tuple[str | None, str | None]]:
    quotes = analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"].quotes
    return [(q.speaker, q.role) for q in quotes if q.kind != "indirect"]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_spaced_initials_and_a_possessive_stay_in_the_role(backend: str) -> None:
    # a tokenizer spaced the initials ('U. S.'); the possessive name goes on into its noun
    text = (
        "The rule was announced on Monday. Maria T. Ochoa, the U. S. Chamber of Commerce's vice president of "
        'trade, said that the rule "will slow every port in the country."'
    )
    assert _roles(text, backend) == [("Maria T. Ochoa", "U. S. Chamber of Commerce's vice president of trade")]
    text = (
        "The rule was announced on Monday. Maria T. Ochoa, a former U. N. envoy, said that the rule "
        '"will slow every port in the country."'
    )
    assert _roles(text, backend) == [("Maria T. Ochoa", "former U. N. envoy")]
    text = (
        "The rule was announced on Monday. Maria T. Ochoa, the U.S. Chamber of Commerce's vice president of "
        'trade, said that the rule "will slow every port in the country."'
    )
    assert _roles(text, backend) == [("Maria T. Ochoa", "U.S. Chamber of Commerce's vice president of trade")]
