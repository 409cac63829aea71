"""What text a timeline entry shows for a dated event: a statement from the source, verbatim."""

from __future__ import annotations

from newsprism.analyze import analyze
from newsprism.model import Article, Story
from newsprism.synthesize import synthesize


def _entries(text: str, published: str) -> dict[tuple[str, str | None], str]:
    arts = [Article(id="a", text=text, outlet="A", published=published)]
    brief = synthesize(Story("s", ["a"]), arts, analyze(arts, nlp="regex"), None)
    return {(t.date, t.end_date): t.text for t in brief.timeline}


def test_a_reporting_clause_carries_what_was_reported():
    """ "…, the mayor's office said on March 30" dates the report, and the report is the clause before it;
    a reporting clause with no subject of its own ("…, who chairs the panel, said Tuesday, '…'") or one
    that opens the sentence has its content after it: the sentence."""
    got = _entries(
        "The bridge will reopen on April 3, the mayor's office said on March 30, ending months of detours.",
        "2031-03-31",
    )
    assert got[("2031-03-30", None)] == "The bridge will reopen on April 3, the mayor's office said on March 30"
    text = 'Sen. Jane Doe, who chairs the panel, said Tuesday, "We will hold hearings on the levy."'
    assert _entries(text, "2031-04-02")[("2031-04-01", None)] == text
    text = "The county clerk said on Monday, the levy passed by forty votes."
    assert _entries(text, "2031-04-02")[("2031-03-31", None)] == text


def test_demo_report_of_the_visit_carries_the_visit(demo_dir):
    import newsprism

    story = newsprism.brief(newsprism.clean([demo_dir])).stories[0]
    texts = [e.text for e in story.timeline if e.date == "2023-03-17"]
    assert (
        "Chinese President Xi Jinping will visit Russia on March 20, officials from both countries said on March 17"
        in texts
    )
    assert not any(t.startswith("officials") for t in texts)


def test_an_appositive_gives_its_own_statement_or_the_sentence():
    """ "…, her first since the envoys walked out in 2029, …" is a noun phrase set off in its sentence: the
    dated statement is its since-clause's own; an appositive with no clause of its own gives the sentence."""
    got = _entries(
        "The talks in Vienna, her first since the envoys walked out in 2029, will resume on Monday.", "2031-05-07"
    )
    assert got[("2029-01-01", "2029-12-31")] == "the envoys walked out in 2029"
    text = "The senator, a veteran of the budget fight of 2027, spoke for an hour on Monday."
    assert _entries(text, "2031-05-07")[("2027-01-01", "2027-12-31")] == text


def test_demo_invasion_entry_is_the_invasion(demo_dir):
    import newsprism

    story = newsprism.brief(newsprism.clean([demo_dir])).stories[0]
    texts = [e.text for e in story.timeline if e.date.startswith("2022-")]
    assert "Russia invaded Ukraine a year ago" in texts
    assert not any(t.startswith(("his ", "her ", "its ", "their ")) for t in texts)


def test_a_since_clause_after_a_superlative_is_a_baseline():
    """ "the second largest in history, since the agency started tracking the data in 2027" and "the worst
    violence since riots in 2028" bound a comparison: no entry; "his first since …" (an ordinal) dates an
    event, and so do a "since" clause with no superlative ("at least" is a hedge) and a date past "and"."""
    text = (
        "Claims were the second largest number in history, since the agency started tracking the data in 2027. "
        "It was the worst violence to hit the city since riots in 2028. "
        "The visit, his first to its closest ally since the envoys walked out in 2026, went well. "
        "The strike drew a protest since the government took office in 2029. "
        "He has held at least one belt since beating the champion in 2025. "
        "The bill cuts the rate to its lowest point since 1939 and cuts taxes for most households in 2030."
    )
    assert sorted(_entries(text, "2031-04-02")) == [(f"{y}-01-01", f"{y}-12-31") for y in (2025, 2026, 2029, 2030)]


def test_a_generic_today_in_a_quote_is_no_date():
    """ "Kids today …" or "the world today" in a quote means nowadays; a "today" that dates what the speaker
    did ("We signed the deal today") or one outside a quote is the day of the report."""
    text = (
        '"Kids today spend hours on their phones," the principal told parents on Monday. '
        '"The world today is less stable than it was," the minister said in a long speech. '
        '"We signed the lease with the city today," the owner of the shop said.'
    )
    got = _entries(text, "2031-05-07")
    assert got == {
        ("2031-05-05", None): '"Kids today spend hours on their phones," the principal told parents on Monday.',
        ("2031-05-07", None): '"We signed the lease with the city today," the owner of the shop said.',
    }


def test_an_ordinal_before_since_counts_from_the_date():
    """ "the fourth head coach since 2019", "his 3rd visit since 2024", "the tenth time since 2020" count from the
    date: nothing happened on it; the sentence's own event keeps its date ("the first meeting since 2021 took
    place on Monday"), and so does an ordinal inside a name ("the 2nd Congressional District since 2019")."""
    text = (
        "Smith, the fourth head coach since 2019, was fired on Monday. "
        "The trip, his 3rd visit since 2024, ended well. "
        "It was the tenth time since 2020 that the rates rose. "
        "Jones, who has represented the 2nd Congressional District since 2018, lost the primary."
    )
    assert sorted(_entries(text, "2031-05-07")) == [("2018-01-01", "2018-12-31"), ("2031-05-05", None)]
    assert _entries("The first meeting since 2021 took place on Monday in the capital.", "2031-05-07") == {
        ("2031-05-05", None): "The first meeting since 2021 took place on Monday in the capital."
    }


def test_a_subject_whose_verb_follows_a_set_off_phrase_takes_the_verb():
    """ "The envoy's visit to Oslo Monday to Wednesday, her first since …, will be …": the clause with the date
    is only the subject; the entry runs through the clause with its verb (a clause with a verb of its own stays
    cut)."""
    got = _entries(
        "The envoy's visit to Oslo Monday to Wednesday, her first since the talks broke down, will be short, "
        "a spokesman said.",
        "2031-05-08",
    )
    assert got[("2031-05-12", "2031-05-14")] == (
        "The envoy's visit to Oslo Monday to Wednesday, her first since the talks broke down, will be short"
    )
    got = _entries("The envoy flew to Oslo on Monday, her first trip abroad, a spokesman said.", "2031-05-08")
    assert got[("2031-05-05", None)] == "The envoy flew to Oslo on Monday"
