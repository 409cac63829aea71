"""Date resolution where tense and missing publication dates make it hard (clause tense, undated articles)."""

from __future__ import annotations

from newsprism.analyze import analyze
from newsprism.analyze.nlp import split_sentences
from newsprism.analyze.timex import extract_times, infer_reference, local_tense
from newsprism.model import Article


def _times(text: str, ref: str) -> dict[str, str]:
    sents = split_sentences(text)
    return {t.text: t.date for t in extract_times("a", text, sents, ref)}


def test_weekday_takes_the_tense_of_its_own_clause_not_the_sentence():
    # one sentence, two tenses: "will travel next week" and "announced on Friday"
    text = (
        "Chinese leader Xi Jinping will travel to Russia next week for talks, "
        "Beijing and Moscow announced on Friday as the U.S. warned against peace plans."
    )
    assert _times(text, "2023-03-20")["Friday"] == "2023-03-17"  # a Monday reference: the Friday before
    text = "Officials said in separate statements Friday that Xi will visit Russia on Tuesday."
    got = _times(text, "2023-03-18")
    assert got["Friday"] == "2023-03-17" and got["Tuesday"] == "2023-03-21"


def test_local_tense_reads_the_nearest_verb():
    text = (
        "The Kremlin confirmed on Friday that the visit will take place next week, beginning with a dinner on Monday."
    )
    fri, mon = text.index("Friday"), text.index("Monday")
    assert local_tense(text, fri, fri + 6, 0, len(text)) is False
    assert local_tense(text, mon, mon + 6, 0, len(text)) is True


def test_no_reference_means_no_guessed_year():
    # an undated article alone: "March 17" must not land on today's year
    text = "Officials from both countries said on March 17 that the leaders would meet."
    assert "March 17" not in _times(text, None)  # type: ignore[arg-type]


def test_undated_article_borrows_its_writing_date_from_what_it_reports():
    text = (
        "The Kremlin confirmed on Friday that the visit will take place next week. "
        "Officials said on Thursday that talks were planned."
    )
    sents = split_sentences(text)
    # the story's other articles are dated around Monday 2023-03-20; the latest past day reported is Friday
    assert str(infer_reference(text, sents, "2023-03-20")) == "2023-03-17"


def test_story_median_dates_an_undated_article_in_one_analysis():
    dated = Article(
        id="d", text="The minister said on Friday that the bridge will reopen next month.", published="2023-03-17"
    )
    undated = Article(id="u", text="The bridge will reopen on April 3, officials said on March 17.")
    an = analyze([dated, undated], nlp="regex")
    dates = {t.text: t.date for t in an["u"].times}
    assert dates == {"April 3": "2023-04-03", "March 17": "2023-03-17"}


def test_demo_timeline_separates_events_of_one_day_and_cites_verbatim(demo_dir):
    import newsprism

    articles = newsprism.clean([demo_dir])
    story = newsprism.brief(articles).stories[0]
    by_id = {a.id: a for a in articles}
    for entry in story.timeline:
        first = entry.spans[0]
        assert by_id[first.article].text[first.start : first.end] == entry.text
        assert set(entry.articles) == {sp.article for sp in entry.spans}
    friday = [e for e in story.timeline if e.date == "2023-03-17" and e.end_date is None]
    # the visit's announcement and the ICC warrant both fell on Friday 17 March: two events, each in ≥ 2 outlets
    assert len(friday) >= 2 and all(len(e.articles) >= 2 for e in friday)
    # nothing resolved into the year the test runs in: every article is from 2023 or earlier
    assert all(e.date < "2023-12-31" for e in story.timeline)


def test_update_stamp_alone_is_a_bound_not_the_writing_date():
    # "UPDATED 3/20" over a report written on Friday 17 March: "next week" is the week of the 20th
    text = (
        "Chinese leader Xi Jinping will travel to Russia next week for talks, "
        "Beijing and Moscow announced on Friday. China's foreign minister spoke with Kuleba by phone on Thursday."
    )
    art = Article(id="u", text=text, updated="2023-03-20")
    times = {t.text: (t.date, t.end_date) for t in analyze([art], nlp="regex")["u"].times}
    assert times["next week"] == ("2023-03-20", "2023-03-26")
    assert times["Friday"] == ("2023-03-17", None) and times["Thursday"] == ("2023-03-16", None)
    # with a publication date the stamp is not needed and the date is used as it is
    art = Article(id="p", text=text, published="2023-03-20", updated="2023-03-20")
    times = {t.text: (t.date, t.end_date) for t in analyze([art], nlp="regex")["p"].times}
    assert times["next week"] == ("2023-03-27", "2023-04-02")


def test_ago_resolves_at_the_precision_of_its_unit():
    sents = (
        "Russia invaded a year ago. Talks collapsed two months ago. A deal came three days ago. It began a week ago."
    )
    got = {t.text: (t.date, t.end_date) for t in extract_times("a", sents, split_sentences(sents), "2023-03-17")}
    assert got["a year ago"] == ("2022-01-01", "2022-12-31")
    assert got["two months ago"] == ("2023-01-01", "2023-01-31")
    assert got["three days ago"] == ("2023-03-14", None)
    assert got["a week ago"] == ("2023-03-06", "2023-03-12")


def test_appositive_verb_does_not_set_the_tense_of_the_main_clause():
    text = (
        "Xi's visit to Moscow Monday to Wednesday, his first since Russia invaded Ukraine a year ago, "
        "will be a trip for peace, a spokesman told a briefing."
    )
    sents = split_sentences(text)
    got = {t.text: (t.date, t.end_date) for t in extract_times("a", text, sents, "2023-03-17")}
    assert got["Monday to Wednesday"] == ("2023-03-20", "2023-03-22")
