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


def _spans(text: str, ref: str) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.date, t.end_date) for t in extract_times("a", text, split_sentences(text), ref)}


def test_passive_participle_and_noun_plan_carry_no_tense():
    # "to be arraigned": the participle is not a past verb; "scheduled" decides
    assert _times("The two men are scheduled to be arraigned Thursday in Boston.", "2023-03-14")["Thursday"] == (
        "2023-03-16"
    )
    got = _times(
        "The report won't be released until the board approves it during its meeting in October.", "2023-03-14"
    )
    assert got["October"] == "2023-10-01"
    # the noun "plan" is no future; "plans for" something on a day is
    text = "On Thursday, aides who oppose the leadership's plan gathered in a senator's office."
    assert _times(text, "2023-03-18")["Thursday"] == "2023-03-16"
    assert _times("Activists announced plans for a protest at the embassy on Friday.", "2023-03-15")["Friday"] == (
        "2023-03-17"
    )


def test_untensed_present_and_deadlines_are_ahead():
    assert _times("The senator is up for re-election in November.", "2023-03-15")["November"] == "2023-11-01"
    assert _times("Noting that Tuesday is the deadline, he urged a vote.", "2023-03-18")["Tuesday"] == "2023-03-21"
    assert _times("Others are not waiting until Friday to post photos.", "2023-03-15")["Friday"] == "2023-03-17"
    assert _times("I look forward to talking to you Monday evening.", "2023-03-19")["Monday"] == "2023-03-20"
    # a possessive day is a past event described in the present; "as recently as" is past
    assert _times("Wednesday's attack is the worst in years.", "2023-03-16")["Wednesday"] == "2023-03-15"
    text = "The plan, which leaders discussed as recently as Wednesday -- is significant."
    assert _times(text, "2023-03-16")["Wednesday"] == "2023-03-15"


def test_weekend_follows_tense_and_a_weekend_report():
    monday = "2023-03-20"
    assert _spans("The governor became a candidate this weekend.", monday)["this weekend"] == (
        "2023-03-18",
        "2023-03-19",
    )
    assert _spans("She issued a statement over the weekend.", monday)["the weekend"] == ("2023-03-18", "2023-03-19")
    assert _spans("Officials planned to work over the weekend.", "2023-03-15")["the weekend"] == (
        "2023-03-18",
        "2023-03-19",
    )
    assert _spans("We are in talks this weekend.", "2023-03-19")["this weekend"] == ("2023-03-18", "2023-03-19")


def test_sunday_report_weeks():
    sunday = "2023-03-19"
    assert _spans("The law was enacted last week.", sunday)["last week"] == ("2023-03-13", "2023-03-19")
    assert _spans("A fix will be introduced this week.", sunday)["this week"] == ("2023-03-20", "2023-03-26")
    assert _spans("He spoke earlier this week.", sunday)["this week"] == ("2023-03-13", "2023-03-19")


def test_quoted_titles_are_not_dates():
    text = "He appeared on ABC's “This Week” on Sunday and on NBC's “Today” show."
    assert set(_times(text, "2023-03-19")) == {"Sunday"}
    # a quote that opens with a date word is still a date
    assert "Today" in _times("“Today’s indictment is a reminder,” she said.", "2023-03-19")


def test_year_and_month_ranges_and_capitalised_prepositions():
    text = (
        "He was president from 2006 until 2012. Seizures rose between 2005 and 2008. "
        "From December 2007 through December 2008, they spent $300. In 2007, he won. "
        "It dates back to 1909. She was sued in 2011 and 2012. Records go back to late 1998."
    )
    got = _spans(text, "2013-02-20")
    assert got["2006 until 2012"] == ("2006-01-01", "2012-12-31")
    assert got["2005 and 2008"] == ("2005-01-01", "2008-12-31")
    assert got["December 2007 through December 2008"] == ("2007-12-01", "2008-12-31")
    assert got["2007"] == ("2007-01-01", "2007-12-31") and got["1909"] == ("1909-01-01", "1909-12-31")
    assert got["2011"] == ("2011-01-01", "2011-12-31") and got["2012"] == ("2012-01-01", "2012-12-31")
    assert got["1998"] == ("1998-01-01", "1998-12-31")
    assert _spans("In January, the court ruled.", "2013-02-20")["January"] == ("2013-01-01", "2013-01-31")


def test_month_ranges_across_a_year_and_between():
    got = _spans("From Dec. 22 through Jan. 25, the government was shut.", "2019-02-15")
    assert got["Dec. 22 through Jan. 25"] == ("2018-12-22", "2019-01-25")
    got = _spans("The shutdown ran from Dec. 22 to Jan. 25, 2019.", "2019-02-15")
    assert got["Dec. 22 to Jan. 25, 2019"] == ("2018-12-22", "2019-01-25")
    got = _spans("It covers elephants killed between January 2016 and December 2018.", "2017-11-17")
    assert got["January 2016 and December 2018"] == ("2016-01-01", "2018-12-31")


def test_weekend_day_naming_an_event_and_sunday_last_weekend():
    # "is the suspect in the Friday slaying": the day names a past event, the present verb is not its tense
    text = "That man is now the main suspect in the Friday afternoon slaying of the deputy."
    assert _times(text, "2005-06-26")["Friday"] == "2005-06-24"
    assert _times("Ms Merkel might pay a price on Sunday.", "2010-05-06")["Sunday"] == "2010-05-09"
    got = _spans("It was one of three accidents in the city last weekend.", "2013-09-15")
    assert got["last weekend"] == ("2013-09-14", "2013-09-15")


def test_a_month_naming_an_event_is_the_nearest_one():
    # "the March incident" in an April article: last March, not next; "a December filing" in February: last December
    got = _spans("He was expected to mention the March incident at the hearing.", "2019-04-10")
    assert got["March"] == ("2019-03-01", "2019-03-31")
    got = _spans("According to a December court filing he owes the bank money.", "2019-02-03")
    assert got["December"] == ("2018-12-01", "2018-12-31")
    # May is a name too often (Theresa May) to be read as a month this way
    assert "May" not in _spans("Lawmakers rejected the May plan again.", "2019-03-13")


def test_months_and_years_after_before_and_of():
    got = _spans("The talks stalled after November and resumed before 2015 ended.", "2014-12-20")
    assert got["November"] == ("2014-11-01", "2014-11-30")
    assert got["2015"] == ("2015-01-01", "2015-12-31")
    assert _spans("The vote of June was annulled.", "2016-08-01")["June"] == ("2016-06-01", "2016-06-30")
    # but "after May" is as often Theresa May
    assert "May" not in _spans("Few Tories want to serve after May resigns.", "2019-03-13")


def test_might_looks_ahead():
    assert _times("The minister might resign on Friday.", "2023-03-15")["Friday"] == "2023-03-17"


def test_the_past_year_is_a_window_up_to_the_report_not_last_calendar_year():
    # "in the last year" in April 2012 is not 2011 (the twelve months up to the report's); "last year" still is
    got = _spans("In the last year, bishops have emerged as critics.", "2012-04-24")
    assert got["last year"] == ("2011-05-01", "2012-04-30")
    assert _spans("Sales fell last year.", "2012-04-24")["last year"] == ("2011-01-01", "2011-12-31")
    # a Friday report: "the past week" holds that week's summit, the calendar "last week" does not
    assert _spans("Trump spent the past week meeting with NATO allies.", "2018-07-13")["past week"] == (
        "2018-07-06",
        "2018-07-13",
    )
    assert _spans("He left last week.", "2018-07-13")["last week"] == ("2018-07-02", "2018-07-08")
    # "the last week of June" is part of June, not a week before the report
    assert "last week" not in _spans("It was the last week of June.", "2018-07-13")


def test_two_months_share_the_year_written_once():
    got = _spans("He delivered the testimony in August and October 2017.", "2019-01-18")
    assert got["August"] == ("2017-08-01", "2017-08-31") and got["October 2017"] == ("2017-10-01", "2017-10-31")
    got = _spans("He submitted 8,000 applications between July and October 2020.", "2021-03-01")
    assert got["July and October 2020"] == ("2020-07-01", "2020-10-31")
    assert _spans("From May to August 2019, it rained.", "2019-10-01")["May to August 2019"] == (
        "2019-05-01",
        "2019-08-31",
    )
    # a month and a dated month of two clauses are not one expression
    got = _spans("Prices rose in March and fell in April 2019.", "2019-06-10")
    assert got["March"] == ("2019-03-01", "2019-03-31") and got["April 2019"] == ("2019-04-01", "2019-04-30")


def test_a_year_range_with_a_two_digit_end():
    got = _spans("He coached the national team from 1979-90. He played with the Celtics from 2000-04.", "2008-12-13")
    assert got["1979-90"] == ("1979-01-01", "1990-12-31") and got["2000-04"] == ("2000-01-01", "2004-12-31")
    got = _spans(
        "It was a poor start to the 2008-09 season. In 1998-01 he lived abroad. He left on 2008-12-13.", "2008-12-13"
    )
    assert got["2008-09"] == ("2008-01-01", "2009-12-31") and got["1998-01"] == ("1998-01-01", "2001-12-31")
    assert got["2008-12-13"] == ("2008-12-13", None)


def test_a_month_day_takes_the_year_written_next_to_it():
    # a 2007 report of a 2005 killing: the bare "June 20" is the week of the dated one, not 2007
    text = "The deputy was killed June 24, 2005 while investigating a June 20 shooting."
    assert _spans(text, "2007-03-20")["June 20"] == ("2005-06-20", None)
    # months apart, the nearest year to the report still wins
    text = "Cheeks, who was fired March 2 as head coach, is the fourth coach since King took over on May 26, 2003."
    assert _spans(text, "2005-05-24")["March 2"] == ("2005-03-02", None)


def test_a_past_month_day_is_not_after_the_report():
    # "rear-ended a truck on June 8" in a May 2013 report happened in June 2012
    text = "Her latest stay comes after Lohan rear-ended a truck on Pacific Coast Highway on June 8, and then lied."
    assert _spans(text, "2013-05-03")["June 8"] == ("2012-06-08", None)
    # ahead despite a past verb: an infinitive, a passive after "be", an appositive borrowing the main verb
    text = "Mr Pitman was remanded in custody to appear before Taunton Crown Court on 19 August."
    assert _spans(text, "2013-07-23")["19 August"] == ("2013-08-19", None)
    assert _spans("Orozco is to be formally sentenced May 3 by the judge.", "2007-04-04")["May 3"] == (
        "2007-05-03",
        None,
    )
    text = "Joni Ernst, a candidate in the Republican Senate primary on June 3, announced in an ad that she grew up on a farm."
    assert _spans(text, "2014-03-25")["June 3"] == ("2014-06-03", None)


def test_a_weekday_before_a_month_day_picks_its_year_and_is_not_read_twice():
    # Sept. 14 was a Friday in 2012, not in 2013: a May 2013 report of "Friday, Sept. 14" means 2012
    got = _spans("The process began at 4:20 p.m. on Friday, Sept. 14, when he sent an e-mail.", "2013-05-15")
    assert got == {"Sept. 14": ("2012-09-14", None)}
    got = _spans("Officials said on Friday, March 17 that they met. He left Friday.", "2023-03-20")
    assert got == {"March 17": ("2023-03-17", None), "Friday": ("2023-03-17", None)}


def test_a_timeline_entry_is_no_phrase_cut_from_its_sentence():
    """With a date's commas no longer clause breaks, the clause around a date is read as it stands: one
    opening with a preposition or a number is a phrase of its sentence, and one whose object (a "that"
    clause) follows is not a statement either; a clause that says something on its own is kept."""
    from newsprism.model import Story
    from newsprism.synthesize import synthesize

    sents = [
        "The ship was seized off the coast of Yemen, by armed pirates from the region on June 3, 2009.",
        "The mayor told reporters on May 4, 2010, just before the vote, that the plant would close.",
        "The mayor was born on March 2, 1950, in Dayton, Ohio, and raised there.",
    ]
    arts = [Article(id="a", text=" ".join(sents), outlet="A", published="2011-01-05")]
    brief = synthesize(Story("s", ["a"]), arts, analyze(arts, nlp="regex"), None)
    assert sorted(t.text for t in brief.timeline) == sorted(
        [sents[0], sents[1], "The mayor was born on March 2, 1950, in Dayton, Ohio"]
    ), brief.timeline


def test_the_comma_inside_a_date_is_no_clause_break():
    """'April 21, 2004', 'March 20-22, 2023', '18 September, 2013' and 'Friday, Sept. 14' are one date each,
    the comma closing a written year belongs to the date and 'Dayton, Ohio' is one place; a comma before a
    number that is no year still breaks."""
    from newsprism.synthesize._text import clauses

    def cut(text: str) -> list[str]:
        return [text[s:e] for s, e in clauses(text, 0, len(text))]

    assert cut("The mayor was sworn in on April 21, 2004 and resigned, aides said.") == [
        "The mayor was sworn in on April 21, 2004 and resigned",
        "aides said.",
    ]
    assert cut("The talks ran March 20-22, 2023, in Geneva, he said.") == [
        "The talks ran March 20-22, 2023, in Geneva",
        "he said.",
    ]
    assert cut("She was born in Dayton, Ohio, and in Macon, Ga., he said.") == [
        "She was born in Dayton, Ohio",
        "and in Macon, Ga.",
        "he said.",
    ]
    assert cut("On 18 September, 2013 the court sat.") == ["On 18 September, 2013 the court sat."]
    assert cut("On Friday, Sept. 14, the board met.") == ["On Friday, Sept. 14", "the board met."]
    assert cut("He won on Monday, 2013 voters said.") == ["He won on Monday", "2013 voters said."]
    assert cut("It rained on May 4, 12 people left.") == ["It rained on May 4", "12 people left."]


def test_a_month_day_naming_an_event_is_no_date_of_the_report():
    """A month-day without a year inside a name ('the post-Sept. 11 law', 'the July 4 anniversary') is not
    this year's date; an attack named by its day is not dated after the report (its year is unknown); one
    the past tense puts before the report keeps its date, and a month-day with its year written is a date."""
    text = "The gala, delayed because of the September 11 attacks, was held in the post-Sept. 11 era."
    assert _spans(text, "2013-08-02") == {}
    assert _spans("Crowds gathered on Friday for the July 4 anniversary.", "2015-06-30") == {
        "Friday": ("2015-06-26", None)
    }
    got = _spans("The e-mails showed how officials described the Sept. 11 attack.", "2013-05-15")
    assert got == {"Sept. 11": ("2012-09-11", None)}
    got = _spans("It reopened after the Sept. 11, 2001 attacks.", "2013-08-02")
    assert got == {"Sept. 11, 2001": ("2001-09-11", None)}


def test_a_weekday_in_the_name_of_a_day_is_no_date():
    """'Oscar Sunday' or 'Super Tuesday' is not the Sunday or Tuesday nearest the report; a plain weekday is."""
    got = _spans("She will be back for Oscar Sunday, and Super Tuesday looms. He spoke on Sunday.", "2013-08-02")
    assert got == {"Sunday": ("2013-07-28", None)}


def test_a_bare_month_with_a_present_verb_is_the_next_one():
    """News states what is scheduled in the present: "begins shooting in August" in an April report is this
    August, "starts in June" in a September report next June, whatever another clause's past verb says;
    a past verb keeps the last one and "since" always looks back."""
    assert _spans('After all, "The Sequel" begins shooting in August with a new script.', "2031-04-09") == {
        "August": ("2031-08-01", "2031-08-31")
    }
    assert _spans("The festival starts in June, organisers said.", "2031-09-09") == {
        "June": ("2032-06-01", "2032-06-30")
    }
    assert _spans("The festival started in June.", "2031-04-09") == {"June": ("2030-06-01", "2030-06-30")}
    assert _spans("The shop opens on Sundays and has been busy since June.", "2031-04-09") == {
        "June": ("2030-06-01", "2030-06-30")
    }


def test_a_month_with_its_year_after_a_comma_or_of_is_that_month():
    """ "in February, 2029", "November of 2027" and "March of last year" name a month of a given year, not
    the nearest bare month; a number after "Month, " that counts something ("2000 people") is no year."""
    got = _spans("He resigned in February, 2029, after the audit, and left in March of last year.", "2031-06-10")
    assert got == {"February, 2029": ("2029-02-01", "2029-02-28"), "March of last year": ("2030-03-01", "2030-03-31")}
    got = _spans("The studio was founded in November of 2027 and will close in May of next year.", "2031-06-10")
    assert got == {"November of 2027": ("2027-11-01", "2027-11-30"), "May of next year": ("2032-05-01", "2032-05-31")}
    assert _spans("The plant closed in June, 2028.", "2031-06-10") == {"June, 2028": ("2028-06-01", "2028-06-30")}
    assert _spans("In May, 2000 people marched to the hall.", "2031-06-10") == {"May": ("2031-05-01", "2031-05-31")}
