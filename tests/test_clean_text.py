"""Clean stage on the demo corpus: real scrapes of five outlets covering one story."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsprism.clean import clean_document, clean_documents
from newsprism.model import Article, RawDocument

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "xi-moscow-2023"


def _raws() -> list[RawDocument]:
    return [
        RawDocument(id=p.stem, source=str(p), content=p.read_text(encoding="utf8"), kind="text")
        for p in sorted(CORPUS.glob("*.txt"))
    ]


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    out = clean_documents(_raws(), on_error=lambda e: pytest.fail(str(e)))
    assert len(out) == 5
    return {a.id[:3]: a for a in out}


def _all_text(articles: dict[str, Article]) -> str:
    return "\n\n".join(a.text for a in articles.values())


def test_text_shape(articles):
    for a in articles.values():
        assert a.text == a.text.strip()
        assert "\n\n\n" not in a.text
        assert all(p.strip() == p and p for p in a.text.split("\n\n")), a.id
        assert a.language == "en"
        assert a.id and a.source.endswith(".txt")


@pytest.mark.parametrize(
    "fragment",
    ["Skip to", "Arrow-right", "Camera", "Nation/World", "Est. May 19, 1883", "Active Person", "| Beijing"],
)
def test_no_navigation_or_masthead(articles, fragment):
    assert fragment not in _all_text(articles)


@pytest.mark.parametrize(
    "fragment",
    ["Druzhinin", "Sputnik/AP", "Zemlianichenko", "Getty Images", "Credit:", "Karpukhin", "File/AP"],
)
def test_no_photo_credits(articles, fragment):
    assert fragment not in _all_text(articles)


def test_no_captions(articles):
    text = _all_text(articles)
    assert "In this June 5, 2019 photo" not in text
    assert "shakes hands with Chinese President Xi Jinping on April 26, 2019" not in text
    assert "FILE - " not in text
    assert "gestures while speaking to Russian President" not in text
    # no paragraph appears twice within one article
    for a in articles.values():
        paras = a.text.split("\n\n")
        assert len(paras) == len(set(paras)), a.id


@pytest.mark.parametrize(
    "fragment",
    [
        "Local journalism is essential",
        "Give directly",
        "tax deductible",
        "Subscribe now",
        "inbox",
        "issues with commenting",
        "This story has been updated",
        "UPDATED at",
        "The Spokesman-Review Newspaper",
        "With files from",
        "This story was reported by",
        "By Lily Kuo",
        "By Emily Wang Fujiyama",
    ],
)
def test_no_prompts_notices_or_bylines_in_text(articles, fragment):
    assert fragment not in _all_text(articles)


def test_titles(articles):
    assert articles["000"].title == "China’s Xi to meet Putin in Russia in ‘trip for peace’ in Ukraine next week"
    assert articles["002"].title == "China’s Xi to meet Putin in Russia next week"
    assert articles["003"].title == "'Powerful partners': Leaders Xi, Putin meet after Putin's ICC warrant"
    assert articles["004"].title == "Kremlin: China’s Xi to Meet with Putin Next Week"
    # the Globe scrape has no headline line: the lead's first sentence stands in, verbatim
    assert articles["001"].title.startswith("Chinese President Xi Jinping will visit Russia next week, both")
    assert articles["001"].title.endswith("ending the war in Ukraine.")
    assert articles["001"].text.startswith(articles["001"].title)
    for k in ("000", "002", "003", "004"):
        assert articles[k].title not in articles[k].text.split("\n\n")


def test_authors_and_credits(articles):
    assert articles["003"].authors == ["Emily Wang Fujiyama", "Joe McDonald"]
    assert "Associated Press" in articles["003"].credits
    assert "This story was reported by The Associated Press" in articles["003"].credits
    assert articles["002"].authors == ["Lily Kuo"]
    assert articles["002"].credits == ["Washington Post"]
    assert articles["001"].credits == ["With files from Reuters and the Associated Press"]
    assert articles["000"].authors == [] and articles["004"].authors == []


def test_dates(articles):
    assert articles["002"].published == "2023-03-17"
    assert (articles["002"].updated or "").startswith("2023-03-17")
    assert articles["003"].published == "2023-03-20"
    assert articles["000"].published is None
    assert (articles["000"].updated or "").startswith("2023-03-20")
    assert articles["004"].published is None


def test_outlet(articles):
    assert articles["002"].outlet == "The Spokesman-Review"
    # no masthead in the other scrapes: an honest None, not a guess
    assert all(articles[k].outlet is None for k in ("000", "001", "003", "004"))


@pytest.mark.parametrize(
    ("key", "sentence"),
    [
        ("000", "“China-Russia cooperation is completely aboveboard,” Wang said when asked about the report."),
        (
            "000",
            "The March 20-22 visit comes as China faces pressure to also talk to Ukraine and limit support to Russia.",
        ),
        (
            "001",
            "But though Beijing has little credibility in the West, a show of diplomacy could play well in other parts of the world.",
        ),
        ("001", "Chinese President Xi Jinping will visit Russia next week, both countries have confirmed,"),
        ("002", "“Of course, the conflict in Ukraine will be discussed,” said Russian presidential aide Yury Ushakov."),
        (
            "002",
            "said Alexander Gabuev, an expert on Russia-China relations at the Carnegie Endowment for International Peace.",
        ),
        (
            "003",
            "Mr. Putin has yet to comment on the announcement, but the Kremlin rejected the move as “outrageous and unacceptable.”",
        ),
        ("003", "“They won’t spend political capital” on pressing Moscow to make peace,"),
        ("004", "The BBC on Friday was skeptical about whether Xi Jinping really wants the Ukraine war to end:"),
        ("004", "“restart attacks on Ukraine at a time of their choosing.”"),
    ],
)
def test_body_sentences_verbatim(articles, key, sentence):
    assert sentence in articles[key].text


def test_every_body_paragraph_kept(articles):
    """Every long paragraph of the scrape that is not a caption survives, verbatim."""
    for raw in _raws():
        a = articles[raw.id[:3]]
        for line in raw.content.splitlines():
            line = re.sub(r"\s+", " ", line).strip()
            captionish = re.search(
                r"photo|Credit:|Getty|/The Associated Press$|^Chinese leader Xi Jinping gestures", line
            )
            if len(line.split()) >= 25 and not captionish and not line.startswith("Give directly"):
                assert line in a.text, (raw.id, line[:80])


def test_meta_wins_over_inferred():
    raw = _raws()[2]
    raw.meta = {
        "title": "Given title",
        "outlet": "Given Outlet",
        "published": "2023-03-18",
        "authors": ["A B"],
        "url": "https://example.com/x",
    }
    a = clean_document(raw)
    assert (a.title, a.outlet, a.published, a.authors, a.url) == (
        "Given title",
        "Given Outlet",
        "2023-03-18",
        ["A B"],
        "https://example.com/x",
    )
    assert "Chinese leader Xi Jinping will travel to Russia next week" in a.text


def test_single_document_matches_batch_on_demo(articles):
    for raw in _raws():
        assert clean_document(raw).text == articles[raw.id[:3]].text


def test_a_url_line_is_the_address_and_its_site_the_outlet():
    """Scrapes often start with the page's address: it is the URL, not the headline, and when nothing
    else names the outlet its site does ('news.bbc.co.uk' -> 'bbc.co.uk'), never a guessed brand."""
    from newsprism.clean import clean_document
    from newsprism.model import RawDocument

    text = (
        "http://news.bbc.co.uk/2/hi/middle_east/4475546.stm\n"
        "Ten dead in southern Iran quake\n\n"
        "A powerful earthquake has hit southern Iran, killing at least 10 people, injuring dozens more and "
        "damaging several villages, officials say.\n\n"
        "The quake struck Qeshm island, home to 120,000 people, and the city of Bandar Abbas, state media said."
    )
    art = clean_document(RawDocument(id="q", source="q.txt", content=text))
    assert art.url == "http://news.bbc.co.uk/2/hi/middle_east/4475546.stm"
    assert art.title == "Ten dead in southern Iran quake"
    assert art.outlet == "bbc.co.uk"
    assert "http" not in art.text


def test_site_of_a_url():
    from newsprism.clean.html import site_of

    assert site_of("http://usatoday30.usatoday.com/news/x.htm") == "usatoday.com"
    assert site_of("https://www.abc.net.au/news/1") == "abc.net.au"
    assert site_of("http://secretdubai.blogspot.nl/2005/11/x.html") == "secretdubai.blogspot.nl"
    assert site_of("http://127.0.0.1:8000/a") is None and site_of(None) is None
