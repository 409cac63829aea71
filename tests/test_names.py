"""Name resolution inside one article (``entities.NameIndex``) as quote speakers show it."""

from __future__ import annotations

import pytest

from quote_helpers import speakers


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_first_names_sharing_a_surname_name_nobody_for_the_bare_surname(backend: str) -> None:
    # 'Malia and Sasha Obama' are two people: 'President Obama' is neither of them
    text = (
        "A county clerk mocked Lena and Ruth Okafor on Facebook. The sisters joined Governor Okafor at the fair, "
        'where the governor said it was "a joy to be here every year."'
    )
    assert speakers(text, backend) == ["Okafor"]
    # a full name of the person the surname stands for still resolves it
    text = 'David Okafor spoke first. Critics mocked Lena and Ruth Okafor. "I am proud of them," Okafor said.'
    assert speakers(text, backend) == ["David Okafor"]
    # two full names joined by 'and' are no shared-surname pair ('David Okafor and Ruth Okafor')
    text = 'David Okafor and Ruth Okafor spoke. "I am proud of them," Mrs. Okafor said.'
    assert speakers(text, backend) == ["Ruth Okafor"]
    if backend == "regex":
        return  # the regex NER reads 'Mark Udall of Colorado' as one name, so the case below needs spaCy
    # a place before 'and' is no first name ('Ron Wyden of Oregon and Mark Udall')
    text = (
        "The critics, Senators Ron Wyden of Oregon and Mark Udall of Colorado, wrote a letter. "
        '"We were never told," Mr. Udall said.'
    )
    assert speakers(text, backend) == ["Mark Udall"]
