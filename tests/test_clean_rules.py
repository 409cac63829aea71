"""Clean-stage rules on shapes the demo corpus does not contain (the cleaner must generalise)."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_documents
from newsprism.clean.meta import detect_language, find_dates, is_date_line, parse_byline, parse_credit
from newsprism.clean.rules import is_caption, is_photo_credit, is_prompt, is_update_notice
from newsprism.model import RawDocument


@pytest.mark.parametrize(
    ("line", "authors", "credit"),
    [
        ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
        ("By Jane Doe and John Smith | CNN", ["Jane Doe", "John Smith"], "CNN"),
        ("By Maria Garcia The New York Times", ["Maria Garcia"], "The New York Times"),
        ("BY Tom O'Neil", ["Tom O'Neil"], None),
        ("By Ana Lopes, Kim Lee and Raj Patel Bloomberg", ["Ana Lopes", "Kim Lee", "Raj Patel"], "Bloomberg"),
    ],
)
def test_bylines(line, authors, credit):
    b = parse_byline(line)
    assert b is not None and b.authors == authors and b.credit == credit


@pytest.mark.parametrize("line", ["By the time the rally ended, police had left.", "Byzantine rules apply here."])
def test_sentences_are_not_bylines(line):
    assert parse_byline(line) is None


def test_dates():
    assert [h.iso for h in find_dates("Published 4 June 2021, updated 5 June 2021 at 10:02")] == [
        "2021-06-04",
        "2021-06-05",
    ]
    assert [h.updated for h in find_dates("Published 4 June 2021, updated 5 June 2021 at 10:02")] == [False, True]
    assert is_date_line("Updated: Tue., Sept. 3, 2019, 4:15 p.m. EDT")
    assert not is_date_line("On March 3, 2020, the court ruled against him.")


@pytest.mark.parametrize(
    "line",
    [
        "Additional reporting by Kim Lee in Seoul",
        "Reporting by Jane Doe; Editing by John Smith",
        "The Associated Press contributed to this report.",
    ],
)
def test_credits(line):
    assert parse_credit(line) == line.rstrip(".")


@pytest.mark.parametrize(
    "line", ["AP Photo/Evan Vucci", "Photo: Jane Doe/Reuters", "(AFP via Getty Images)", "Image credit: NASA"]
)
def test_photo_credits(line):
    assert is_photo_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister speaks in Paris on Monday. (AP Photo/Michel Euler)",
        "FILE PHOTO: A man walks past the central bank building in Moscow.",
        "In this handout photo released by the ministry, troops march.",
    ],
)
def test_captions(line):
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our morning newsletter.",
        "Follow us on Twitter for the latest updates.",
        "Support independent journalism: donate today.",
        "Click here to read more stories like this.",
    ],
)
def test_prompts(line):
    assert is_prompt(line)


@pytest.mark.parametrize(
    "line",
    [
        "Netflix added 5 million subscribers in the quarter, the company said.",
        "The minister said the cookie factory would close in June.",
        "“We will follow the law,” she said.",
    ],
)
def test_news_sentences_are_not_prompts(line):
    assert not is_prompt(line) and not is_caption(line) and not is_photo_credit(line)


def test_update_notices():
    assert is_update_notice("Correction: An earlier version of this article misstated the date.")
    assert is_update_notice("An earlier version of this story incorrectly said the vote was on Monday.")
    assert not is_update_notice("The report was updated annually by the ministry.")


def test_language():
    assert (
        detect_language("Der Bundestag hat am Donnerstag das Gesetz beschlossen, das die Regierung vorgelegt hatte.")
        == "de"
    )
    assert detect_language("The government said on Thursday that the law would be passed.") == "en"
    assert detect_language("Le gouvernement a annoncé jeudi que la loi serait adoptée par le parlement.") == "fr"


def _doc(i: str, body: str, outlet: str) -> RawDocument:
    return RawDocument(id=i, source=f"{i}.txt", content=body, kind="text", meta={"url": f"https://{outlet}/{i}"})


def test_corpus_statistics_drop_site_boilerplate_but_keep_shared_wire_copy():
    site_tail = (
        "Example Daily is the region's oldest independent newspaper, owned by its readers since "
        "the cooperative was founded."
    )
    wire = "The central bank raised its key rate by half a point on Tuesday, its third increase this year."
    docs = [
        _doc(
            f"a{k}",
            f"Story {k} headline here\n\nMain Menu Sections\n\nParagraph {k} about local news happened "
            f"on day {k} in the city centre, witnesses said.\n\n{wire if k < 2 else ''}\n\n{site_tail}",
            "example.com",
        )
        for k in range(4)
    ] + [
        _doc(
            "b0",
            f"Other outlet story headline\n\n{wire}\n\nA second paragraph from another outlet, "
            "with its own reporting on the decision.",
            "other.org",
        )
    ]
    arts = {a.id: a for a in clean_documents(docs)}
    for k in range(4):
        t = arts[f"a{k}"].text
        assert site_tail not in t and "Main Menu" not in t
        assert f"Paragraph {k} about local news" in t
        assert (wire in t) == (k < 2)
    assert wire in arts["b0"].text


def test_copies_and_updated_versions_do_not_erase_each_other(demo_dir):
    """Re-ingested copies and a later version share every line: that is no evidence of boilerplate."""
    text = (demo_dir / "002_977fb0aefb6c66fe.txt").read_text()
    alone = clean_documents([_doc("v1", text, "spokesman.com")])[0].text
    paras = alone.split("\n\n")
    updated = text.replace(
        paras[-1], paras[-1] + "\n\nThis paragraph was added when the story was updated on Saturday."
    )
    docs = [
        _doc("v1", text, "spokesman.com"),
        _doc("copy", text, "spokesman.com"),
        _doc("v2", updated, "spokesman.com"),
    ]
    arts = {a.id: a for a in clean_documents(docs)}
    assert set(arts) == {"v1", "copy", "v2"}
    assert arts["v1"].text == arts["copy"].text == alone
    assert arts["v2"].text.startswith(paras[0]) and "added when the story was updated" in arts["v2"].text
