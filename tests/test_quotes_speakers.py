"""Speaker attribution on small written articles: shared surnames, honorifics and genders."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.analyze import analyze
from newsprism.analyze.entities import NameIndex, canonicalize_article, honorific_gender, surname
from newsprism.model import Article, Entity

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quotes"


def _speakers(name: str, backend: str) -> dict[str, str | None]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    res = analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"]
    return {q.text: q.speaker for q in res.quotes}


def _by_text(text: str, backend: str) -> dict[str, tuple[str | None, str | None]]:
    """Each quote of a one-article text -> (speaker, role)."""
    res = analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"]
    return {q.text: (q.speaker, q.role) for q in res.quotes}


def _person(text: str, name: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Entity(text=name, label="PERSON", start=start, end=start + len(name))


def test_surname_skips_generational_suffixes() -> None:
    assert surname("George T. Conway III") == "Conway"
    assert surname("Jesse L. Jackson Jr.") == "Jackson"
    assert surname("Xi Jinping") == "Jinping"


def test_honorific_gender_from_the_name_or_the_text_before_it() -> None:
    text = "Then Mrs. Conway spoke, and Mr. Conway replied; Conway left."
    assert honorific_gender("Mr. Conway") == "m"
    assert honorific_gender("Conway", text, text.index("Conway")) == "f"
    assert honorific_gender("Conway", text, text.index("Conway replied")) == "m"
    assert honorific_gender("Conway", text, text.index("Conway left")) is None


@pytest.mark.parametrize("backend", ["spacy", "regex"])
def test_honorific_picks_the_person_of_that_gender(backend: str) -> None:
    """'Mr. Conway' is George and 'Mrs. Conway' Kellyanne, whichever of them was named last; the
    genders come only from the article (pronouns, 'her brother')."""
    sp = _speakers("shared_surname.txt", backend)
    george = [s for t, s in sp.items() if t.startswith(("If he knows", "The courts"))]
    kellyanne = [s for t, s in sp.items() if t.startswith("The president has every right")]
    assert len(george) == 2 and all(s and s.endswith("Conway III") for s in george), sp
    assert kellyanne == ["Kellyanne Conway"], sp
    assert sp["We should wait for the courts"] == "Daniel Lopez"
    assert sp["The border is not an emergency"] == "Maria Lopez"


def test_gender_from_a_kinship_word_in_the_appositive() -> None:
    text = (
        "George Conway, a lawyer and the husband of Kellyanne Conway, spoke first. "
        "Kellyanne Conway spoke later. “Fine,” Mr. Conway said."
    )
    people = [
        _person(text, "George Conway"),
        _person(text, "Kellyanne Conway"),
        _person(text, "Kellyanne Conway", 1),
        _person(text, "Conway", 3),
    ]
    idx = canonicalize_article(people, text)
    assert idx.gender_of("George Conway") == "m"
    assert people[-1].canonical == "George Conway"  # not the more recent Kellyanne
    assert idx.resolve("Conway", text.index("Conway said")) == "George Conway"


def test_shared_surname_without_honorific_resolves_by_recency() -> None:
    idx = NameIndex()
    idx.add("Maria Lopez", 10)
    idx.add("Daniel Lopez", 100)
    assert idx.resolve("Lopez", 50) == "Maria Lopez"
    assert idx.resolve("Lopez", 150) == "Daniel Lopez"


def test_honorific_never_picks_the_other_gender() -> None:
    """'Mr. Trump' in an article whose only full Trump is 'the first lady, Melania Trump' is not her."""
    text = "The first lady, Melania Trump, spoke. Mr. Trump tweeted later."
    people = [_person(text, "Melania Trump"), _person(text, "Trump", 1)]
    idx = canonicalize_article(people, text)
    assert idx.gender_of("Melania Trump") == "f"
    assert people[1].canonical == "Trump"
    assert idx.resolve("Mrs. Trump", len(text)) == "Melania Trump"


def test_a_bare_surname_before_any_full_name_is_not_the_junior() -> None:
    idx = NameIndex()
    idx.add("Donald Trump Jr.", 500)
    assert idx.resolve("Trump", 100) == "Trump"
    assert idx.resolve("Trump", 600) == "Donald Trump Jr"


def _group_articles() -> dict[str, list[tuple[str, str | None, str | None]]]:
    parts = (FIXTURES / "groups.txt").read_text(encoding="utf-8").split("\n----\n")
    arts = [Article(id=f"a{i}", text=t.strip()) for i, t in enumerate(parts)]
    res = analyze(arts, nlp="spacy", cross_article=False)
    return {a.text: [(q.text, q.speaker, q.role) for q in res[a.id].quotes] for a in arts}


@pytest.fixture(scope="module")
def groups() -> dict[str, list[tuple[str, str | None, str | None]]]:
    return _group_articles()


def _only(groups: dict, opening: str) -> tuple[str, str | None, str | None]:
    found = [qs for text, qs in groups.items() if text.startswith(opening)]
    assert len(found) == 1 and len(found[0]) == 1, found
    return found[0][0]


def test_group_descriptions_stand_for_the_group_named_before(groups) -> None:
    """'the campaign said' is the Obama campaign; 'The department said' the Justice Department; 'The group'
    the organisation that was the previous sentence's subject, not the one it mentioned."""
    assert _only(groups, "The Obama campaign")[1] == "Obama campaign"
    assert _only(groups, "The Justice Department")[1] == "Justice Department"
    assert _only(groups, "The NAACP passed")[1] == "St. Louis Tea Party"
    assert _only(groups, "The St. Louis Tea Party Coalition")[1] == "St. Louis Tea Party Coalition"
    assert _only(groups, '"The president has full')[1] == "White House"


def test_an_organisation_that_only_modifies_a_noun_is_no_speaker(groups) -> None:
    assert _only(groups, "The GOP front-runner")[1] != "GOP"


def test_roles_the_article_gives_before_or_around_the_name(groups) -> None:
    _, sp, role = _only(groups, "Speaker Nancy Pelosi rejected")
    assert sp == "Chuck Schumer" and role and "Democratic leader" in role
    _, sp, role = _only(groups, '"They are reading')
    assert sp == "Jerrold Nadler" and role and "D-N.Y." in role
    _, sp, role = _only(groups, '"President Obama achieved')
    assert sp == "Ben LaBolt" and role == "Obama's current campaign press secretary"
    _, sp, role = _only(groups, "Another leading Dem, Sen. Kirsten Gillibrand of New York, said")
    assert sp == "Kirsten Gillibrand" and role and "Dem" in role


def test_party_the_article_gives_through_a_description(groups) -> None:
    """'The Democratic senator' (the only senator named before) and 'like his fellow Republicans' place
    the person in the party; an appositive of somebody else ('Pelosi …, the Democratic leader') does not."""
    menendez = [r for t, qs in groups.items() if t.startswith("Then there was") for _, _, r in qs]
    assert menendez and all(r and "Democratic senator" in r for r in menendez), menendez
    _, sp, role = _only(groups, "Florida Sen. Marco Rubio")
    assert sp == "Marco Rubio" and role and "Republican" in role
    _, sp, role = _only(groups, "Another leading Dem, Sen. Kirsten Gillibrand of New York, criticized")
    assert sp == "Kirsten Gillibrand" and role and "Another leading Dem" in role
    _, sp, role = _only(groups, "An informal dinner party")
    assert sp == "Eric Cantor" and role and "Democratic" not in role


def test_a_quantifier_opening_the_sentence_is_no_speaker(groups) -> None:
    assert _only(groups, "Close to three dozen")[1] != "Close"


def test_its_in_a_role_is_the_organisation_opening_the_sentence(groups) -> None:
    roles = [
        r
        for t, qs in groups.items()
        if t.startswith("BuzzFeed News maintained")
        for _, sp, r in qs
        if sp == "Ben Smith"
    ]
    assert roles and all(r and "BuzzFeed News editor" in r for r in roles), roles


def _quotes(*texts: str) -> list[list[tuple[str, str | None, str | None]]]:
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    res = analyze(arts, nlp="spacy", cross_article=False)
    return [[(q.text, q.speaker, q.role) for q in res[a.id].quotes if q.kind != "indirect"] for a in arts]


def test_names_keep_middle_initials_and_survive_stray_spaces_before_punctuation() -> None:
    """'said Jesuit Father Thomas J. Reese , one of …' is Thomas J. Reese, not 'Jesuit Father Thomas' (the
    noun phrase ended at the initial's full stop); a space before a comma keeps the description before the
    name and the appositive after it."""
    reese, before, after = _quotes(
        "“Our problem with Representative Ryan is that he claims his budget is based on Catholic social "
        "teaching,” said Jesuit Father Thomas J. Reese , one of the organizers of the letter. “This is nonsense.”",
        "The group’s chief organizer , Thomas Reese , said: “Our problem is nonsense.”",
        "“Our problem is nonsense,” Thomas Reese , a senior fellow at the center , said.",
    )
    assert [sp for _, sp, _ in reese] == ["Thomas J. Reese", "Thomas J. Reese"], reese
    assert before == [("Our problem is nonsense.", "Thomas Reese", "group’s chief organizer")], before
    assert after == [("Our problem is nonsense", "Thomas Reese", "senior fellow at the center")], after


def test_abbreviations_with_full_stops_do_not_end_the_attribution() -> None:
    """'the U.S. attorney', 'the F.E.C. chairman', 'the No. 2 Republican': the full stop is no sentence end,
    so the appositive and the speech verb after it are kept (the speaker fell back to the paragraph's
    previous one, or was lost)."""
    bra, smith, kyl = _quotes(
        "The Justice Department said the Hunters spent campaign money on themselves.\n\n“The indictment alleges "
        "that Congressman Hunter falsified F.E.C. campaign finance reports,” Adam L. Braverman, the United States "
        "attorney for the Southern District of California, said in a statement.",
        "“We will prosecute,” John Smith, the U.S. attorney for the District, said on Monday.",
        "“We will vote on Thursday,” said Sen. Jon Kyl, the No. 2 Republican in the Senate.",
    )
    assert bra[0][1:] == ("Adam L. Braverman", "United States attorney for the Southern District of California")
    assert smith[0][1:] == ("John Smith", "U.S. attorney for the District"), smith
    assert kyl[0][1] == "Jon Kyl" and "No. 2 Republican in the Senate" in (kyl[0][2] or ""), kyl


def test_a_definite_description_subject_is_the_person_the_article_described_so() -> None:
    """'The communications pro also took a shot at …, writing “…”' is the person the article calls 'The
    communications director …' in its lede (the sentence before her name), who was quoted just before; 'The
    strategist' is the person whose appositive has that head noun.  A thing is never a person ('The tax
    proposal …' shares 'tax' with 'a veteran tax lawyer'), nor is a plural ('The girls')."""
    lauten, strategist, proposal = _quotes(
        "The communications director for a Republican member of Congress had to apologize Saturday for a "
        "Facebook post critical of the first daughters.\n\nElizabeth Lauten wrote in a now-deleted Facebook post "
        'Friday that the girls should "try showing a little class."\n\n"Rise to the occasion. Dress like you '
        'deserve respect." added Lauten, who works for Rep. Stephen Fincher, R-Tenn. The communications pro also '
        'took a shot at President Obama and the first lady, writing "your mother and father don’t respect their '
        'positions very much."',
        "Mark Smith, a veteran campaign strategist, criticized the plan on Monday. The strategist also took aim "
        'at Senator Jones, writing "a giveaway to the rich."',
        'Mark Smith, a veteran tax lawyer, criticized the plan on Monday. "It is a mess," Smith said. The tax '
        'proposal also drew fire from Democrats, calling it "a giveaway to the rich."',
    )
    assert [sp for _, sp, _ in lauten] == ["Elizabeth Lauten"] * 3, lauten
    assert strategist[0][1] == "Mark Smith", strategist
    assert proposal[-1][1] is None, proposal


def test_the_words_before_a_names_honorific_are_no_role() -> None:
    """'When Mr. Shulman said he had', 'Enter Ms. Lauten', 'While the AARP claims': a sentence's opening
    words before the name or subject are no title."""
    from newsprism.analyze.quotes import clean_role

    assert clean_role("When Mr.") is None and clean_role("Enter Ms.") is None and clean_role("Mr.") is None
    assert clean_role("While") is None
    assert clean_role("After the chairman") == "chairman"
    assert clean_role("Former Speaker") == "Former Speaker"


def test_an_answer_is_not_the_askers() -> None:
    """'Pat Morgan asked Lee, “Is it real?” His response: “…”' / 'He replied, “…”' / '“…,” he replied':
    the answer is the person asked, not the asker (whose genders the article does not give); a response
    to something unquoted stays with the latest speaker."""
    colon, replied, after, critics = _quotes(
        "Talk show host Pat Morgan asked Jordan Lee about the plan on Monday. “Is it real?” Morgan asked. "
        "His response: “It is very real.”",
        "Jordan Lee said on Monday, “I will run.” Talk show host Pat Morgan asked Lee, “Is it real?” He replied, "
        "“It is very real.”",
        "Jordan Lee said on Monday, “I will run.” Talk show host Pat Morgan asked Lee, “Is it real?” “It is very "
        "real,” he replied.",
        "Pat Morgan met Jordan Lee on Monday. “I will run,” Morgan said. He responded to critics, saying “I am ready.”",
    )
    assert [sp for _, sp, _ in colon] == ["Pat Morgan", "Jordan Lee"], colon
    assert [sp for _, sp, _ in replied][1:] == ["Pat Morgan", "Jordan Lee"], replied
    assert [sp for _, sp, _ in after][1:] == ["Pat Morgan", "Jordan Lee"], after
    assert [sp for _, sp, _ in critics] == ["Pat Morgan", "Pat Morgan"], critics


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_indirect_speech_starts_where_what_was_said_starts(backend: str) -> None:
    text = (
        "Chinese President Xi Jinping will visit Russia on March 20, officials from both countries said on March 17, "
        "weighing into the Ukraine conflict as relations hit a new low.\n\n"
        "China’s Foreign Ministry and the Kremlin said in separate statements Friday that Xi will visit Russia "
        "from Monday to Wednesday.\n\n"
        "Some commentators draw a parallel between Russia’s claims to Ukrainian territory and Beijing’s claim to Taiwan.\n\n"
        "Beijing called for a cease-fire last month, but Washington said that would ratify the Kremlin’s gains."
    )
    res = analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"]
    said = {q.text: q.speaker for q in res.quotes if q.kind == "indirect"}
    # a date phrase and a participle are not what the officials said
    assert not any(t.startswith(("on March 17", "weighing")) for t in said)
    # after a phrase of time or place, the report starts after 'that'
    assert "Xi will visit Russia from Monday to Wednesday" in said
    # 'claims' after a possessive is a noun
    assert not any("Ukrainian territory" in t or "Taiwan" in t for t in said)
    # 'that' as the subject of the report stays in it
    assert (
        "that would ratify the Kremlin’s gains" in said
        and said["that would ratify the Kremlin’s gains"] == "Washington"
    )


def test_a_phrase_after_said_that_is_part_of_the_report() -> None:
    text = (
        "Justice Ruth Bader Ginsburg said that at this stage of the lawsuit, the issue is not proving "
        "discrimination but showing enough evidence to go forward."
    )
    res = analyze([Article(id="a", text=text)], nlp="regex", cross_article=False)["a"]
    assert [q.text for q in res.quotes if q.kind == "indirect"] == [
        "at this stage of the lawsuit, the issue is not proving discrimination but showing enough evidence to go forward"
    ]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_an_institutions_unnamed_speaker_and_the_description_that_refers_back(backend: str) -> None:
    """'A Microsoft spokesperson said' is Microsoft speaking (role 'spokesperson'), not 'A Microsoft
    Spokesperson' and not an earlier, named spokesman; 'the spokesperson said' refers back to the latest
    such speaker.  A place, a party or a possessive before the noun is not an institution."""
    text = (
        "Jen Psaki, the White House press secretary, spoke on Monday.\n\n"
        'A spokesperson for Google says the company "cares deeply" about the security of users\' data.\n\n'
        "A Microsoft spokesperson said that the company only provides customer data after a binding order.\n\n"
        '"In addition we only ever comply with orders about specific accounts," the spokesperson said.\n\n'
        '"We review every request," a senior White House official said.\n\n'
        'Sarah Palin, a vocal tea party supporter, said in a statement that she was "saddened by the claim." '
        'The former Alaska governor said the claims were "false and appalling."\n\n'
        '"We are disappointed," said the statement from Grimm\'s attorney, William McGinley.\n\n'
        'And Sen. Kirsten Gillibrand of New York also chimed in, demanding that the "report must be made public. '
        'Not just a letter from someone appointed by Trump."'
    )
    by = _by_text(text, backend)
    said = next(t for t in by if t.startswith("the company only provides"))
    assert by[said] == ("Microsoft", "spokesperson")
    assert by["In addition we only ever comply with orders about specific accounts"] == ("Microsoft", "spokesperson")
    assert by["We review every request"] == ("White House", "senior official")
    assert by["false and appalling."][0] != "Alaska"
    assert by["We are disappointed"][0] != "Grimm"
    assert by[next(t for t in by if t.startswith("report must be made public"))][0] == "Kirsten Gillibrand"


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_unnamed_sources_are_given_as_written_not_unattributed_or_guessed(backend: str) -> None:
    """'a source told FT', 'one diplomat said', 'People familiar with the matter said' attribute the words to
    an unnamed source: the speaker is that description as the article writes it, never the previous
    paragraph's speaker, and 'the officials' (which refers back) is not such a source."""
    text = (
        "Kremlin spokesman Dmitry Peskov said talks were planned for Monday.\n\n"
        "A source told FT that Xi might “conduct a video conference with the Ukrainian president,” and China agreed.\n\n"
        "“We will see,” a source familiar with the talks said.\n\n"
        "“It is over,” one diplomat said.\n\n"
        "People familiar with the matter said the deal was “close.”\n\n"
        "“Not yet,” Peskov said. “We are waiting,” a senior official said."
    )
    by = {t: sp for t, (sp, _) in _by_text(text, backend).items()}
    assert by[next(t for t in by if t.startswith("conduct a video conference"))] == "A source"
    assert by["We will see"] == "a source familiar with the talks"
    assert by["It is over"] == "one diplomat"
    assert by["close."] == "People familiar with the matter"
    assert by["We are waiting"] == "a senior official"


def test_a_role_inside_a_fuller_one_is_replaced_not_repeated() -> None:
    from newsprism.analyze.quotes.roles import _merge_roles

    assert (
        _merge_roles("China’s spokesman", ["Chinese Foreign Ministry spokesman"])
        == "Chinese Foreign Ministry spokesman"
    )
    # a description that adds words to a different role is still appended
    assert _merge_roles("Representative", ["Republican of Idaho"]) == "Representative, Republican of Idaho"


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_two_speakers_joined_by_and_are_both_the_speaker(backend: str) -> None:
    """'Pelosi and Schumer said in a joint statement' was Schumer's, with 'Nancy Pelosi' as his role;
    'China’s Foreign Ministry and the Kremlin said' was the ministry's alone."""
    text = (
        "The talks were announced on Friday.\n\n"
        "China’s Foreign Ministry and the Kremlin said in separate statements Friday that Xi will visit Russia.\n\n"
        "“We will not accept this,” Speaker Nancy Pelosi of California and Senator Chuck Schumer of New York, "
        "the Democratic leader, said in a joint statement."
    )
    by = _by_text(text, backend)
    assert by["Xi will visit Russia"][0] == "Chinese Foreign Ministry and Kremlin"
    if backend == "spacy":  # the regex NER takes 'Speaker Nancy Pelosi of California' for an organisation
        assert by["We will not accept this"] == ("Nancy Pelosi and Chuck Schumer", None)


def test_a_joint_speaker_is_nobodys_full_name() -> None:
    from newsprism.analyze.entities import canonical_names

    m = canonical_names(
        [
            "Chinese Foreign Ministry and Kremlin",
            "Kremlin",
            "Nancy Pelosi and Chuck Schumer",
            "Schumer",
            "Chuck Schumer",
        ]
    )
    assert m["Kremlin"] == "Kremlin" and m["Schumer"] == "Chuck Schumer"
    assert m["Nancy Pelosi and Chuck Schumer"] == "Nancy Pelosi and Chuck Schumer"


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_persons_spokesman_is_not_the_person(backend: str) -> None:
    text = (
        "Paul Ryan spoke at Georgetown on Thursday.\n\n"
        '"Chairman Ryan remains grateful for the invitation," a Ryan spokesman said.'
    )
    assert _by_text(text, backend)["Chairman Ryan remains grateful for the invitation"] == ("a Ryan spokesman", None)
    text = "Anthony Weiner spoke on Monday.\n\nWeiner's spokesman said that the congressman's account had been hacked."
    assert _by_text(text, backend)["the congressman's account had been hacked"] == ("Weiner's spokesman", None)


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_documents_signers_speak_for_it(backend: str) -> None:
    """'The letter says' is whoever signed or sent it; a counted group is the speaker as written, and a
    document that names its own author ('released by the faculty at X') does not need an earlier one."""
    text = (
        "Senator Jane Miller has defended her farm bill all week.\n\n"
        "The criticism comes in a letter released Monday and signed by more than 60 professors and students at "
        "Lakeside College, ahead of her visit there.\n\n"
        'The letter says, "We cannot stay silent while the bill cuts school lunches for the poorest children."\n\n'
        "Dozens of farmers in Ohio sent her a separate letter last month.\n\n"
        'The letter released Monday by the faculty at Lakeside also warns that the bill "abandons rural '
        'hospitals."'
    )
    by = _by_text(text, backend)
    assert by["We cannot stay silent while the bill cuts school lunches for the poorest children."] == (
        "more than 60 professors and students at Lakeside College",
        None,
    ), by
    assert by["abandons rural hospitals."][0] == "the faculty at Lakeside", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_statement_from_a_named_person_is_theirs(backend: str) -> None:
    text = (
        "Prosecutors charged the mayor on Friday.\n\n"
        '"We are disappointed but not surprised," said the statement from the mayor\'s lawyer, Anna Berg.'
    )
    assert _by_text(text, backend)["We are disappointed but not surprised"] == ("Anna Berg", "mayor's lawyer")


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_counted_groups_and_time_phrases_in_reported_speech(backend: str) -> None:
    text = (
        "More than 100 economists said on Tuesday that the tariff plan would raise prices for families.\n\n"
        "Senator Jane Miller claimed this month that her bill would save farms across the state.\n\n"
        'Nearly two dozen county sheriffs have signed a letter from Sheriff Tom Reyes, calling the plan "reckless."'
    )
    by = _by_text(text, backend)
    assert by["reckless."][0] == "Nearly two dozen county sheriffs", by
    assert by["the tariff plan would raise prices for families"][0] == "More than 100 economists", by
    assert by["her bill would save farms across the state"][0] == "Jane Miller", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_one_of_the_appositive_is_the_role(backend: str) -> None:
    text = '"This plan is cruel," said Maria Lopez, one of the organizers of the protest.'
    assert _by_text(text, backend)["This plan is cruel"] == ("Maria Lopez", "one of the organizers of the protest")


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_lead_in_paragraph_ending_in_a_colon_gives_the_speaker(backend: str) -> None:
    text = (
        "The governor spoke for an hour on Monday.\n\n"
        "The Green Party issued a short statement shortly after the speech:\n\n"
        '"This plan fails every family in the state. It is a gift to the oil companies."\n\n'
        '"We have heard it all before," youth pastor Mark Olsen told reporters after the rally.'
    )
    by = _by_text(text, backend)
    assert by["This plan fails every family in the state. It is a gift to the oil companies."][0] == "Green Party", by
    assert by["We have heard it all before"] == ("Mark Olsen", "youth pastor"), by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_an_institutions_unnamed_people_and_outlets_that_now_report(backend: str) -> None:
    text = (
        'Senior White House officials raised the stakes, warning that delay would "increase the risk" of a crisis.\n\n'
        'Meanwhile, the Daily Planet now reports that the mayor has "left the city for good."'
    )
    by = _by_text(text, backend)
    assert by["increase the risk"][0] == "Senior White House officials", by
    assert by["left the city for good."][0] == "Daily Planet", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_the_official_refers_back_to_an_unnamed_source(backend: str) -> None:
    text = (
        '"The leaders like the inside game," one union official said. "But they are walking backwards now."\n\n'
        'The official said that members had been told the group\'s "longstanding position" had not changed.'
    )
    assert _by_text(text, backend)["longstanding position"] == ("one union official", None)


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_issuers_relative_clauses_and_pointed_out(backend: str) -> None:
    """'X issued a statement calling …' is X's; 'Thursday night, the hospital issued a statement saying' is the
    hospital's, not 'Thursday'; ', who tweeted that “…”' is the person before it; 'as X pointed out, “…”'."""
    text = (
        'Ann Hale, a former aide to Governor Bob Smith, issued a statement calling the deal "a steep price."\n\n'
        'Thursday night, the Lakeside General Hospital issued a statement saying the senator "remains in critical '
        'condition."\n\n'
        'It was a similar call from Sen. Maria Lopez of Ohio, who tweeted that "the full report must be public now."\n\n'
        'But, as Mr. Reyes pointed out, "the committees decide the details" in separate bills.'
    )
    by = _by_text(text, backend)
    assert by["a steep price."][0] == "Ann Hale", by
    assert by["remains in critical condition."][0] == "Lakeside General Hospital", by
    assert by["the full report must be public now."][0] == "Maria Lopez", by
    assert by["the committees decide the details"][0] == "Reyes", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_documents_own_name_and_a_persons_office(backend: str) -> None:
    """'the Daily Planet report said' is the Planet's; 'said the report' after 'A March 2020 Budget Office
    report found' is the Budget Office's; 'a release from Mr. Hale’s office about …' is his office, as written."""
    text = (
        "A March 2020 Congressional Budget Office report found that the plan would cut the deficit.\n\n"
        '"Over ten years the savings would reach $200 billion," said the report.\n\n'
        '"The agency routinely collects a great deal of content," the Daily Planet report said.\n\n'
        "Senator Tom Hale met the governor.\n\n"
        'But a release from Mr. Hale’s office about the meeting noted that the governor "has raised the issue."'
    )
    by = _by_text(text, backend)
    assert by["Over ten years the savings would reach $200 billion"][0] == "Congressional Budget Office", by
    assert by["The agency routinely collects a great deal of content"][0] == "Daily Planet", by
    assert by["has raised the issue."][0] == "Mr. Hale’s office", by


@pytest.mark.parametrize("backend", ["spacy"])
def test_an_organisation_after_an_opening_time_phrase_speaks(backend: str) -> None:
    text = (
        "A day after the suspension, the Safari Club sent out a \u201ccall to arms,\u201d encouraging hunters "
        "to write to the agency."
    )
    assert _by_text(text, backend)["call to arms"][0] == "Safari Club"


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_titles_ages_and_possessive_descriptions_before_a_name(backend: str) -> None:
    """Found on ECB+ DEV, outside the BASIL gold: 'the Rev. Terry Lee said' was 'Rev', 'said 32-year-old
    protester Paris Kyriakides' and 'her agent, Mark Roesler, said' had no speaker."""
    text = (
        '"The community can get dangerous at times," the Rev. Terry Lee said.\n\n'
        '"The violence we use is minimal," said 32-year-old protester Paris Kyriakides.\n\n'
        'Page died on Thursday. "She captured the imagination of a generation," her agent, Mark Roesler, said.'
    )
    by = _by_text(text, backend)
    assert by["The community can get dangerous at times"][0] == "Terry Lee", by
    assert by["The violence we use is minimal"][0] == "Paris Kyriakides", by
    assert by["She captured the imagination of a generation"] == ("Mark Roesler", "her agent"), by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_passive_said_is_nobody_speaking(backend: str) -> None:
    text = (
        "The deal is said to be for eight years and could be worth up to $180 million in total.\n\n"
        "The charges were announced on Friday that the two men had hacked the party's servers."
    )
    assert not [q for q in _by_text(text, backend) if "eight years" in q or "hacked" in q]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_coordinated_names_co_workers_and_notified(backend: str) -> None:
    """More ECB+ DEV cases: 'Salazar and Lock said' was 'Lock' in the role 'Salazar'; 'some co-workers said she'
    was the 'she'; 'notified the panel' gave no speaker."""
    text = (
        "Interior Secretary Ken Salazar spoke on Monday.\n\n"
        "Salazar and Lock said the two departments will jointly decide if any changes are needed to the rules.\n\n"
        "While some co-workers said she had a history of run-ins with managers, others disagreed.\n\n"
        '"We cannot pay the notes until we move," Karen Olson, president of Valley Dairy, notified the panel.'
    )
    by = _by_text(text, backend)
    assert by["the two departments will jointly decide if any changes are needed to the rules"] == (
        "Salazar and Lock",
        None,
    ), by
    # (the report ends where the main clause begins: ', others disagreed' is the writer's)
    assert by["she had a history of run-ins with managers"][0] == "some co-workers", by
    assert by["We cannot pay the notes until we move"][0] == "Karen Olson", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_person_described_in_the_passive_is_not_the_speaker(backend: str) -> None:
    text = 'Mark Teixeira hit 33 homers. For these reasons, he has been described as the "apple of the owner\'s eye."'
    assert _by_text(text, backend)["apple of the owner's eye."][0] is None


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_possessive_description_right_before_the_name(backend: str) -> None:
    text = (
        "The actress has died, her agent said.\n\n"
        '"With deep personal sadness I must announce her death," her agent Mark Roesler said in a statement.'
    )
    assert _by_text(text, backend)["With deep personal sadness I must announce her death"] == (
        "Mark Roesler",
        "her agent",
    )


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_title_never_comes_from_the_previous_paragraph(backend: str) -> None:
    """'… said Academy spokeswoman Leslie Unger.' / 'SAG leaders say …' gave SAG the role 'Academy spokeswoman
    Leslie Unger.': the sentence end right before the name was not seen when nothing followed it in the window."""
    text = (
        '"We are monitoring what is going on," said Academy spokeswoman Leslie Unger.\n\n'
        'SAG leaders say they need a credible strike threat to win a better deal than the "final" offer.'
    )
    role = _by_text(text, backend)["final"][1]
    assert not role or "Unger" not in role


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_name_in_quote_marks_is_not_speech(backend: str) -> None:
    text = (
        'Senator Ann Hale said the plan was sound. She wore a "Team Hale" shirt to the game and praised '
        'Roosevelt\'s "New Deal" programmes.\n\n'
        'In a morning tweet, Ms. Hale railed against the "WITCH HUNT" of investigations of her aides.'
    )
    by = _by_text(text, backend)
    assert by["Team Hale"][0] is None and by["New Deal"][0] is None, by
    assert by["WITCH HUNT"][0] == "Ann Hale", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_closing_attribution_with_its_time_and_unnamed_partisans(backend: str) -> None:
    """Found on NeuS DEV sources (2026-12-02, third out-of-sample sample): '… touching their “intimate body
    parts” without consent, officials said Tuesday.' was the governor's (the time after 'said' hid the
    attribution); '…,” said one prominent centrist Democrat' had no speaker (a party word is no name). A
    speech verb before the quote keeps the quote its subject's: the closing source only reports it."""
    text = (
        "Gov. Ray Dunn harassed staff through actions that included touching their “intimate body parts” without "
        "consent, the attorney general Ana Ruiz said Tuesday.\n\n"
        '"I have never seen this level of doom," said one prominent centrist Democrat.\n\n'
        "Senator Tom Hale told the president that he needed a “public reassurance” first, one person close to "
        "the talks said Wednesday.\n\n"
        'Two men, believed to be "management level employees," underwent surgery, Lt. Gerry Scherlinck said.'
    )
    by = _by_text(text, backend)
    assert by["management level employees"][0] == "Gerry Scherlinck", by
    assert by["intimate body parts"][0] == "Ana Ruiz", by
    assert by["I have never seen this level of doom"][0] == "one prominent centrist Democrat", by
    assert by["public reassurance"][0] == "Tom Hale", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_indirect_speech_is_not_a_name_a_sum_or_a_time_clause(backend: str) -> None:
    """From ECB+ and NeuS DEV: '…, said Chief of Detectives Charlie Beck.' reported the name itself; 'The economy
    added 136,000 new jobs' was the economy speaking; 'argued Wednesday as they opened the prosecution' reported
    the 'as' clause. A clause right after the verb is still a report ('said when he started …, he thought …')."""
    text = (
        "Two men were arrested Friday and were being held without bail, said Chief of Detectives Charlie Beck.\n\n"
        "The economy added 136,000 new jobs in September, the government said Friday.\n\n"
        "Former President Donald Trump knew the riot would be violent, House impeachment managers argued Wednesday "
        "as they opened the prosecution of Mr. Trump in his Senate trial.\n\n"
        "Trump said when he started considering a bid, he thought the president was native-born."
    )
    by = _by_text(text, backend)
    assert [q for q in by if q.startswith("when he started")] and len(by) == 1, by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_subordinate_clause_with_its_own_subject_keeps_the_quote_from_the_main_subject(backend: str) -> None:
    """NeuS DEV: 'Fox News has issued an apology … after a guest on one of the network’s shows called her
    “mentally ill.”' was Fox News'. The guest is not named there, so nobody; a participle ('…, calling it')
    has no subject of its own and stays the main subject's."""
    text = (
        "The Daily Planet has issued an apology to Ann Ruiz after a guest on one of the paper’s podcasts called "
        "her “mentally ill.”\n\n"
        "Senator Tom Hale left after the meeting, calling it “a disgrace.”\n\n"
        'Governor Ann Ruiz released a statement after the fire and offered an apology to the pastor "if the '
        'incident is in any way connected to my campaign."'
    )
    by = _by_text(text, backend)
    assert by["mentally ill."][0] is None, by
    assert by["a disgrace."][0] == "Tom Hale", by
    assert by["if the incident is in any way connected to my campaign."][0] == "Ann Ruiz", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_titles_after_a_preposition_a_kind_of_work_or_in_a_list_are_not_speech(backend: str) -> None:
    """ECB+ DEV: 'the star of "American Pie", "Van Wilder" and "The Big Lebowski"' and 'TV show "Scrubs"' were
    given to the sentence's subject; a quote with a speech verb keeps its speaker."""
    text = (
        'Jack Ketsoyan did not reveal what the star of "American Pie", "Van Wilder" and "The Big Lebowski" '
        "was being treated for.\n\n"
        'Jack Ketsoyan said she appeared on the TV show "Scrubs" for years.\n\n'
        'Senator Ann Hale said the plan was "Dead On Arrival" in her speech.'
    )
    by = _by_text(text, backend)
    assert all(by[t][0] is None for t in ("American Pie", "Van Wilder", "The Big Lebowski", "Scrubs")), by
    assert by["Dead On Arrival"][0] == "Ann Hale", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_titles_names_ending_in_ly_and_a_persons_attorney(backend: str) -> None:
    """ECB+/NeuS DEV: '…,” Sgt. Fanning said' was 'Sgt' (a surname ending in 'ing' after the title's full stop
    was read as a sentence-opening participle); 'Entertainment Weekly has now confirmed that' was
    'Entertainment' ('Weekly' taken for an adverb); 'Michael Cohen's attorney on Tuesday night said' had no
    speaker (a person's attorney at that person's first mention, and 'night' after the day)."""
    text = (
        '"We determined that there was nobody else in the building," Sgt. Fanning said.\n\n'
        "Earlier in the week, Entertainment Weekly has now confirmed that Chris Weitz will direct the sequel.\n\n"
        'Michael Cohen\'s attorney on Tuesday night said his client had knowledge that would be "of interest" to '
        "the counsel."
    )
    by = _by_text(text, backend)
    assert by["We determined that there was nobody else in the building"][0] == "Fanning", by
    assert by["Chris Weitz will direct the sequel"][0] == "Entertainment Weekly", by
    assert by["of interest"][0] == "Michael Cohen's attorney", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_name_with_its_initials_in_parentheses_is_the_speaker(backend: str) -> None:
    """Demo corpus / NeuS DEV: 'The Financial Times (FT) suggested …' gave the speaker 'FT' with the role
    'Financial Times'; the long form is the name (and what other outlets write), the initials are no role.
    Initials that do not spell the words before them stay as they were."""
    text = (
        "The Financial Times (FT) suggested Xi could prove he is serious about negotiating peace.\n\n"
        "The Department of Justice (DOJ) on Monday announced that it is siding with a district court ruling.\n\n"
        '"We will appeal," said the World Health Organization (WHO).'
    )
    by = _by_text(text, backend)
    assert by["Xi could prove he is serious about negotiating peace"] == ("Financial Times", None), by
    assert by["it is siding with a district court ruling"] == ("Department of Justice", None), by
    assert by["We will appeal"] == ("World Health Organization", None), by
    from newsprism.analyze.quotes.roles import _spells_out

    assert not _spells_out("ICC", "Kremlin spokesman") and not _spells_out("NATO", "North Atlantic Council")


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_description_nothing_names_is_the_speaker_as_written(backend: str) -> None:
    """ECB+/NeuS DEV: '…,” the judge said', '…,” the official said', '…,” the president said' had no speaker
    when no earlier mention named them; the description as written says more than nobody. A description an
    earlier mention resolves, and a plain noun like 'police', keep their speaker."""
    cases = {
        '"If there was any more I could give you, I would," the judge said.': ("judge", None),
        '"We are lending a portion of our doses," the official said on condition of anonymity.': ("official", None),
        '"The plan is affirmed," the defence lawyers wrote.': ("defence lawyers", None),
        '"We are confident," police said.': ("Police", None),
    }
    for text, want in cases.items():
        assert list(_by_text(text, backend).values()) == [want], text
    resolved = _by_text(
        'Ann Lee, a lawyer for the family, spoke on Monday. "We will appeal," the lawyer said.', backend
    )
    assert resolved["We will appeal"][0] == "Ann Lee", resolved


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_role_word_before_a_name_and_a_gerund_opening_a_name(backend: str) -> None:
    """ECB+ DEV: '“…,” producers Craig Zadan and Neil Meron said' and '…,” producer Bill Condon said' had no
    speaker (a role word the lists lack, before a full name); 'Having Jackman host certainly fits' made the
    NER's 'Having Jackman' the name every later 'Jackman' resolved to. A conjunction is no role word."""
    text = (
        "Hugh Jackman will host the show.\n\n"
        "Having Jackman host certainly fits with that theme.\n\n"
        '"He is a consummate entertainer," producer Bill Condon said.\n\n'
        '"I am thrilled," Jackman said.\n\n'
        '"It was a long night," but Ann Ruiz said nothing more.'
    )
    by = _by_text(text, backend)
    assert by["He is a consummate entertainer"] == ("Bill Condon", "producer"), by
    assert by["I am thrilled"][0] == "Hugh Jackman", by
    assert by["It was a long night"][0] != "Ann Ruiz", by
    from newsprism.analyze.entities import strip_name

    assert strip_name("Having Jackman") == "Jackman" and strip_name("Channing Tatum") == "Channing Tatum"


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_her_agent_is_not_her_and_a_titled_name_is_a_person(backend: str) -> None:
    """ECB+/NeuS DEV: '…, her father said', 'his lawyer said', 'according to her publicist' were given to the
    person 'her'/'his' stands for; 'His response: “…”' is still that person's. 'Qeshm island governor Heydar
    Alishbandi told AFP that …' (NER: a facility) was no antecedent for the 'he said' after it."""
    by = _by_text(
        "Lindsay Lohan left the clinic on Thursday.\n\n"
        "She left because “she was not happy with the place,” her father said.\n\n"
        "Donald Trump was asked about it. His response: “I have people studying it.”",
        backend,
    )
    assert by["she was not happy with the place"][0] == "Lindsay Lohan’s father", by
    assert by["I have people studying it."][0] == "Donald Trump", by
    by = _by_text(
        '"All those who need tents will get one," the head of the service, Massoud Dalman, told the television.\n\n'
        "Qeshm island governor Heydar Alishbandi told AFP that ten people had been killed.\n\n"
        '"Around 1,000 people are housed in tents," he said.',
        backend,
    )
    assert by["Around 1,000 people are housed in tents"] == ("Heydar Alishbandi", "Qeshm island governor"), by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_an_office_of_something_before_the_name_is_the_role(backend: str) -> None:
    """ECB+ DEV: '“…,” the head of the provincial natural disaster service, Massoud Dalman, told the television'
    had no speaker, and 'the vice president of the civil servants' union, Elias Vrettakos, told' no role (the
    description ends in what the office is of); a place's initials are no name ('the mayor of Washington, DC,')."""
    by = _by_text(
        '"All those who need tents will get one," the head of the provincial natural disaster service, '
        "Massoud Dalman, told the television.",
        backend,
    )
    assert by["All those who need tents will get one"] == (
        "Massoud Dalman",
        "head of the provincial natural disaster service",
    ), by
    from newsprism.analyze.quotes.roles import _describes

    assert _describes("the vice president of the civil servants' union") and not _describes("the heart of the city")


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_title_followed_by_the_kind_of_work_is_nobodys_speech(backend: str) -> None:
    """ECB+ DEV: "Gary Ross in negotiations to direct 'The Hunger Games' sequel 'Catching Fire'" and '“Twilight”
    director Catherine Hardwicke' gave the titles to a speaker; a title followed by the kind of work (or its
    star, director, author) names something. A short Title Case quote closed by its comma is still speech."""
    by = _by_text(
        "Gary Ross in negotiations to direct 'The Hunger Games' sequel 'Catching Fire'\n\n"
        '"Twilight" director Catherine Hardwicke was unable to reach a deal.\n\n'
        '"Never Again," actress Ann Lee said.',
        backend,
    )
    assert by["The Hunger Games"][0] is None and by["Catching Fire"][0] is None, by
    assert by["Twilight"][0] is None, by
    assert by["Never Again"][0] == "Ann Lee", by


def test_indirect_speech_ends_where_the_speaker_acts_again() -> None:
    """Demo corpus / BASIL, ECB+ DEV: 'The Chinese government said Mr. Xi would visit Moscow … but gave no
    indication whether he had left' reported the reporter's 'but gave no indication' as the government's
    words; likewise 'but declined to comment', 'but stopped short of', 'but would not name her'. A
    coordinated clause of what was said stays ('the bridge was closed and traffic was diverted')."""
    text = (
        "The Chinese government said Mr. Xi would visit Moscow from Monday to Wednesday but gave no indication "
        "whether he had left.\n\n"
        "Police said the person killed was a 63-year-old woman from Warren but would not name her.\n\n"
        "Officials said the bridge was closed and traffic was diverted to the north."
    )
    res = analyze([Article(id="a", text=text)], nlp="regex", cross_article=False)["a"]
    said = {q.speaker: q.text for q in res.quotes if q.kind == "indirect"}
    assert said["Chinese Government"] == "Mr. Xi would visit Moscow from Monday to Wednesday", said
    assert said["Police"] == "the person killed was a 63-year-old woman from Warren", said
    assert said["Officials"] == "the bridge was closed and traffic was diverted to the north", said


def test_a_relative_clause_between_the_name_and_the_verb() -> None:
    """BASIL DEV: '“…,” California Attorney General Xavier Becerra, who has sued the Trump administration
    multiple times, said in a statement. “…”' left both quotes without a speaker: the 'who' clause hid the
    verb from the name. The continuation in the same paragraph is the same person's."""
    by = _by_text(
        "The utility did not respond at first.\n\n"
        "“The claims are false. There is no shortage of water,” Oregon Attorney General Dana Whitfield, who has "
        "sued the utility twice this year, said in a statement. “If the company keeps this up, we will see it "
        "in court.”\n\n"
        "“We did nothing wrong,” Paul Ortega, whose company runs the plant, told reporters.",
        "spacy",
    )
    assert by["The claims are false. There is no shortage of water"] == (
        "Dana Whitfield",
        "Oregon Attorney General",
    ), by
    assert by["If the company keeps this up, we will see it in court."][0] == "Dana Whitfield", by
    assert by["We did nothing wrong"][0] == "Paul Ortega", by


def test_one_of_a_group_before_the_name_is_a_description() -> None:
    """BASIL DEV: '“…,” one of the women, Maureen Maloney, said in an interview. Her son Matthew Denice, 23,
    was killed … “…,” she said.' had no speaker for the first quote, so 'she' fell back to the last name
    mentioned, the dead son. 'one of the <people>' before a name and its comma describes that person."""
    by = _by_text(
        "Several parents spoke at the vigil.\n\n"
        "“Daniel’s death could have been avoided,” one of the mothers, Helen Castillo, said in an interview "
        "after the vigil. Her son Daniel Castillo, 19, was killed in 2015 in a crash on the interstate. “He "
        "should never have been on that road at all,” she said. “Nobody listened to us.”\n\n"
        "Another of his lawyers, Ruth Okafor, said the city would appeal.",
        "spacy",
    )
    assert by["Daniel’s death could have been avoided"] == ("Helen Castillo", "one of the mothers"), by
    assert by["He should never have been on that road at all"][0] == "Helen Castillo", by
    assert by["Nobody listened to us."][0] == "Helen Castillo", by
    assert by["the city would appeal"][0] == "Ruth Okafor", by


def test_a_national_description_is_the_person_of_that_nationality_in_its_sentence() -> None:
    """Demo corpus (cleaned, so without the caption 'Russian President Vladimir Putin'): 'When Putin hosted
    China’s top diplomat, Wang Yi, last month, the Russian leader said the relationship had reached “new
    milestones.”' gave the quote to 'Russian Leader', a description title-cased into a name. The article
    makes Putin Russian ('his Russian counterpart Vladimir Putin'); one of another office is not 'the
    leader', and a description nobody fits is never made a name."""
    by = _by_text(
        "Indian leader Arun Mehta will travel to Russia next week to meet his Russian counterpart Vladimir "
        "Putin.\n\n"
        "When Putin hosted India’s top diplomat, Anil Rao, last month, the Russian leader said the relationship "
        "had reached “historic heights.”\n\n"
        "When Russian Foreign Minister Sergei Lavrov met Rao in April, the Russian leader said the talks had been "
        "“very warm.”\n\n"
        "After the summit, the Japanese leader said the deal was “a new chapter.”",
        "spacy",
    )
    assert by["historic heights."][0] == "Vladimir Putin", by
    assert by["very warm."][0] != "Sergei Lavrov", by
    assert by["a new chapter."][0] is None, by
    assert not any(sp and sp.endswith("Leader") for sp, _ in by.values()), by


def test_they_is_the_latest_joint_speaker_nearby_or_nobody() -> None:
    """BASIL DEV: '“…,” House Speaker Nancy Pelosi and Senate Democratic Leader Chuck Schumer said in a
    statement. “…”' then 'They vowed Congress would “defend our constitutional authorities …”' left the last
    quote without a speaker. 'They' is the speakers of the latest quote in this or the previous paragraph
    when those are several; after one person's quote, or further back, it is nobody (no guessing)."""
    by = _by_text(
        '"This is a reckless move that ignores the law," Senate Majority Leader Ruth Calder and House Minority '
        'Leader Tomas Breyer said in a statement. "The governor\'s order plainly exceeds his powers."\n\n'
        'They vowed the legislature would "fight this order in every court in the state."\n\n'
        '"We will comply with the order," Mayor Joan Whitaker said.\n\n'
        'They added that the budget was "a disaster for the towns."\n\n'
        "The hearing is set for May.\n\n"
        "The session ended late.\n\n"
        'They said the vote would be "close."',
        "spacy",
    )
    assert by["fight this order in every court in the state."][0] == "Ruth Calder and Tomas Breyer", by
    assert by["a disaster for the towns."][0] is None, by
    assert by["close."][0] is None, by
    by = _by_text(
        '"The plan would hurt millions of families," Democratic lawmakers wrote in a letter on Monday.\n\n'
        'They warned that the cuts were "simply unworkable."',
        "spacy",
    )
    assert by["simply unworkable."][0] == "Democratic lawmakers", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_police_titles_and_decimals_written_apart(backend: str) -> None:
    """ECB+ DEV: '“…,” Vancouver police Const. Tim Fanning told a news conference' had no speaker (the
    splitter ended a sentence at 'Const.'), and '… said it was a magnitude-6. 1 temblor' was cut at '6.'."""
    text = (
        "A gunman opened fire at an office party on Friday.\n\n"
        "“A man who had just lost his job came back and fired at the crowd,” city police Const. Maria Lind told "
        "a news conference.\n\n"
        "“Nobody else was hurt,” Det. Sam Okafor said.\n\n"
        "The state institute said the shock measured magnitude-5. 4 at the coast."
    )
    res = analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"]
    by = {q.text: q.speaker for q in res.quotes}
    assert by["A man who had just lost his job came back and fired at the crowd"] == "Maria Lind", by
    assert by["Nobody else was hurt"] == "Sam Okafor", by
    assert any(s.text.endswith("magnitude-5. 4 at the coast.") for s in res.sentences), res.sentences


def test_a_place_between_commas_after_the_subject_is_not_the_speaker() -> None:
    """ECB+ DEV: 'Tehran's seismologic center put the quake's magnitude at 5. 9, but the U. S. Geological
    Survey in Golden, Colo., said it was 6. 1' gave the report to 'Colo' (or 'Tehran'): the place after 'in'
    locates the survey. A contrasted clause with its own speech verb ends the first speaker's report."""
    text = (
        "A strong earthquake shook the coast on Monday, damaging dozens of homes.\n\n"
        "The regional observatory put the strength at 5. 2, but the U. S. Geological Survey in Menlo Park, "
        "Calif., said it was a magnitude-5. 6 event.\n\n"
        "The water board said the reservoir was safe for now, but the county engineer in Fresno said "
        "the dam needed repairs within a month."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    said = {q.text: q.speaker for q in res.quotes if q.kind == "indirect"}
    assert said.get("it was a magnitude-5. 6 event") == "U. S. Geological Survey", said
    assert "the reservoir was safe for now" in said, said


def test_a_report_without_that_is_a_clause_not_an_object() -> None:
    """BASIL DEV: 'Mr. Ryan suggested few ideas for how to appeal to voters beyond …' and 'Ms. Pelosi
    announced her nominations last week for a handful of other positions, and proposed that …' were
    reported speech; so were inverted speakers ('…, said James Steele, chief of …') and times ('…, officials
    said Saturday, offering a reward'). Without 'that', what was said is a clause with a subject and a verb."""
    text = (
        "The caucus met on Monday to pick its leaders.\n\n"
        "In an interview, Ms. Alvarez suggested few ways to win back rural voters beyond asking more members "
        "for help.\n\n"
        "Mr. Okafor announced his picks last week for several committee posts, and proposed that two members "
        "share the job.\n\n"
        "Ms. Alvarez said the party had lost touch with working families.\n\n"
        "Mr. Okafor said it was a close vote.\n\n"
        "The caucus announced Tuesday he’ll lead the panel.\n\n"
        "The office was closed for the day, said Maria Lind, a spokeswoman for the caucus.\n\n"
        "The caucus said Friday, by far the longest meeting of the year."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    said = [q.text for q in res.quotes if q.kind == "indirect"]
    assert "the party had lost touch with working families" in said, said
    assert "it was a close vote" in said and "he’ll lead the panel" in said, said
    assert not any(t.startswith(("few ways", "his picks", "Maria Lind", "Friday")) for t in said), said


def test_a_restrictive_who_said_belongs_to_the_noun_phrase_before_it() -> None:
    """BASIL DEV: '… re-electing Representative Nancy Pelosi of California … over a Rust Belt congressman who
    said the party had lost its connection to …' gave the report to Pelosi. The 'who' clause is said by the
    noun phrase right before it: a description as written, a group as written, or the person it describes."""
    text = (
        "Party members met on Wednesday in the capitol.\n\n"
        "House Democrats voted to keep Representative Maria Alvarez of Oregon as their leader over a Midwest "
        "congressman who said the party had lost its hold on rural voters.\n\n"
        "The plan drew praise from Paul Okafor, the former director of the State Water Authority who said it "
        "would save the valley's farms.\n\n"
        "The vote set off a round of reactions from senior members of the Senate who said the House had moved "
        "too fast."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    said = {q.text: q.speaker for q in res.quotes if q.kind == "indirect"}
    assert said["the party had lost its hold on rural voters"] == "Midwest congressman", said
    assert said["it would save the valley's farms"] == "Paul Okafor", said
    assert said["the House had moved too fast"] == "senior members of the Senate", said


def test_lower_case_job_title_words_before_the_name_after_said() -> None:
    """ECB+ DEV: '“…,” said public relations executive Bina Mathews.' had no speaker of its own (the noun
    phrase ended at 'public'), so the quote went to the previous speaker."""
    by = _by_text(
        "Buildings shook across the city on Sunday.\n\n"
        "“The cups were rattling on every desk,” said Omar Reid, a clerk.\n\n"
        "“It went on for half a minute or so,” said public relations executive Dana Whitfield.",
        "spacy",
    )
    assert by["It went on for half a minute or so"] == ("Dana Whitfield", "public relations executive"), by


def test_a_hyphenated_office_before_the_name_is_a_description() -> None:
    """ECB+ DEV: '“…,” the governor-general of Hormouzgan province, Abdolreza Sheikholeslami, told state
    television.' had no speaker: 'governor-general' was not read as an office, so 'the X of Y, Name,' was no
    description before the name."""
    by = _by_text(
        "Buildings shook across the region on Sunday.\n\n"
        "“We have sent tents and blankets to the villages,” the governor-general of Kerman province, Ali "
        "Rostami, told state television.\n\n"
        "“The roads are open again,” the deputy-governor of Fars province, Reza Karimi, said.",
        "spacy",
    )
    assert by["We have sent tents and blankets to the villages"] == (
        "Ali Rostami",
        "governor-general of Kerman province",
    ), by
    assert by["The roads are open again"][0] == "Reza Karimi", by


def test_a_state_and_party_description_is_the_person_with_that_party_tag() -> None:
    """BASIL DEV: 'The California Democrat spoke briefly to reporters after the vote, saying she feels
    “exhilarated” …' was given to 'California Democrat'; the article had named 'House Minority Leader Nancy
    Pelosi (D-Calif.)'. A state and a party match the one person whose party tag gives both."""
    text = (
        "House Minority Leader Maria Alvarez (D-Ore.) won another term on Wednesday, beating Rep. Paul Okafor "
        "(D-Ohio) by a wide margin.\n\n"
        "Okafor had argued that the party needed a new face.\n\n"
        "The Oregon Democrat spoke briefly to reporters after the vote, saying she felt “thrilled” at being "
        "chosen again.\n\n"
        "The Texas Republican later issued a statement, calling the vote “a missed chance.”"
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    by = {q.text: q.speaker for q in res.quotes}
    assert by["thrilled"] == "Maria Alvarez", by
    assert by.get("a missed chance.") not in ("Maria Alvarez", "Paul Okafor"), by


@pytest.mark.parametrize(
    "title",
    ["German Chancellor", "Human rights lawyer"],
)
def test_a_role_ending_in_man_that_is_no_man_gives_no_gender(title: str):
    """'German', 'human' and 'women' end in 'man'/'men' but say nothing of the person's gender."""
    text = (
        "Union leader Giannis Panagopoulos said the strike would go on. "
        f"Fighting accusations of holding up the bailout, {title} Angela Merkel said the crisis was serious.\n\n"
        "“The future of Europe is at stake,” she told a debate in Berlin."
    )
    [found] = _quotes(text)
    assert ("The future of Europe is at stake", "Angela Merkel") in [(t, s) for t, s, _ in found], found


def test_a_pronoun_after_an_object_pronoun_is_no_evidence_of_the_subjects_gender() -> None:
    """BASIL DEV: 'Rep. Joseph Crowley, D-N.Y., asked her if she could “…”' followed by 'She said: …' made
    Crowley a woman (the 'she' is the woman asked), so the 'he said' after 'Crowley later called her answer
    evasive' went to somebody else. After an object pronoun ('asked her if'), a subject pronoun of its gender,
    in that sentence or opening the next, is no evidence of the subject's gender."""
    text = (
        "Dana Whitfield, the agency's director, testified on Tuesday.\n\n"
        "Rep. Thomas Walsh, D-Ohio, asked her if she could explain the delay.\n\n"
        "She said: “We are working on it.”\n\n"
        "Walsh later called her answer evasive.\n\n"
        "“You cannot mislead Congress,” he said."
    )
    people = [_person(text, "Dana Whitfield"), _person(text, "Thomas Walsh"), _person(text, "Walsh", 1)]
    assert canonicalize_article(people, text).gender_of("Thomas Walsh") != "f"
    [found] = _quotes(text)
    assert ("You cannot mislead Congress", "Thomas Walsh") in [(t, s) for t, s, _ in found], found


def test_the_next_sentences_pronoun_is_no_evidence_when_the_quote_names_somebody_else() -> None:
    """BASIL DEV: '“You can’t really blame Nancy Pelosi for …,” Rep. Hank Johnson (D-Ga.) told reporters.'
    then 'She’s also the only woman in …' made Hank Johnson a woman: the 'She' is the person his quote names.
    A He/She opening the next sentence votes for the subject's gender only when nobody else is named in the
    sentence, its quotes included (a quote that opens it too)."""
    text = (
        "Maria Ortiz kept her post on Wednesday.\n\n"
        "“You can’t really blame Maria Ortiz for the losses,” Rep. Samuel Greene (D-Ga.) told reporters.\n\n"
        "She’s also the only woman in the leadership.\n\n"
        "Former Rep. Paul Hadley of Maryland called for a new vote. He told reporters the party must change."
    )
    people = [
        _person(text, "Maria Ortiz"),
        _person(text, "Maria Ortiz", 1),
        _person(text, "Samuel Greene"),
        _person(text, "Paul Hadley"),
    ]
    idx = canonicalize_article(people, text)
    assert idx.gender_of("Samuel Greene") is None
    assert idx.gender_of("Paul Hadley") == "m"  # nobody else in his sentence


def test_the_pronoun_fallbacks_never_give_she_to_a_man() -> None:
    """NeuS DEV: '… took aim at Sen. Tammy Duckworth Wednesday, questioning the Illinois Democrat’s patriotism
    after she suggested that there should be a “national dialogue” …' went to Rep. Dan Crenshaw, whom the
    article makes a man: when no salient person fits, the fallbacks (the latest speaker, the nearest person)
    skip a person of the other gender too."""
    text = (
        "Benton takes aim at Marsh's judgment, accuses her of supporting the 'end of history'. Freshman GOP Rep. "
        "Carl Benton (Texas) took aim at Sen. Rita Marsh Wednesday, questioning the Ohio Democrat’s judgment after "
        'she suggested that there should be a "national review" of the statues. Benton, a former Army ranger, was '
        "speaking at a campaign event on Thursday when he took a swing at Marsh."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    assert {q.text: q.speaker for q in res.quotes}["national review"] == "Rita Marsh"


def test_a_possessive_owner_is_not_the_subject_when_another_person_acts_in_the_sentence() -> None:
    """BASIL DEV: 'Pelosi’s understanding of Midwesterners, or lack thereof, is what Ryan highlighted as the
    party’s biggest problem. He said the California progressive has lost the connection …' gave the report to
    Pelosi: the owner in 'Pelosi’s understanding' was taken for the sentence's subject. The person who then
    does something in the sentence ('Ryan highlighted') is its subject; without one, the owner still is."""
    text = (
        "House Minority Leader Maria Alvarez (D-Ore.) won another term on Wednesday, beating Rep. Paul Okafor "
        "(D-Ohio).\n\n"
        "“We know how to win elections,” Alvarez said.\n\n"
        "Alvarez’s grasp of rural voters, or lack thereof, is what Okafor highlighted as the party’s biggest "
        "problem. He said the Oregon progressive has lost touch with working families."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    by = {q.text: q.speaker for q in res.quotes}
    assert by["the Oregon progressive has lost touch with working families"] == "Paul Okafor", by


def test_words_that_aides_pass_on_are_the_speakers() -> None:
    """BASIL DEV: '“We got wiped out in the Midwest, and we’re toxic in rural America,” aides said Mr. Ryan told
    his colleagues behind closed doors' went to 'aides'. Words that others pass on ('X said (that) Y told …')
    are the named person's."""
    text = (
        "Rep. Carl Benton of Ohio lost the race for leader on Wednesday.\n\n"
        "“We got beaten in the suburbs,” aides said Mr. Benton told his colleagues before the vote. "
        "“Ultimately, we are responsible.”"
    )
    by = {t: s for t, s, _ in _quotes(text)[0]}
    assert by["We got beaten in the suburbs"] == "Carl Benton", by
    assert by["Ultimately, we are responsible."] == "Carl Benton", by


def test_a_clause_joined_by_and_with_its_own_speaker_ends_the_report() -> None:
    """', and the caucus announced …' after a report did not end it (only but/while/whereas did), so the
    caucus's words were the first speaker's. A clause joined by 'and' whose own short subject says something
    ends the report; a passive ('and the cuts were announced') or the speaker's own 'I' does not."""
    text = (
        "Rep. Maria Alvarez said the leadership vote had been fair and open to every member, and the caucus "
        "announced it would meet again next week to choose a whip.\n\n"
        "Rep. Paul Okafor said the tax plan would help working families, and the cuts were announced in March "
        "by the committee."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    by = {q.text: q.speaker for q in res.quotes if q.kind == "indirect"}
    assert by.get("the leadership vote had been fair and open to every member") == "Maria Alvarez", by
    assert not any("caucus" in t and s == "Maria Alvarez" for t, s in by.items()), by
    assert any(t.startswith("the tax plan") and "announced in March" in t for t in by), by


def test_reporting_verbs_with_a_that_clause() -> None:
    """BASIL DEV: 'Ms. Pelosi announced her nominations last week …, and proposed that three members from
    Illinois, Pennsylvania and New York share the leadership duties …' was no report, nor 'Mr. Trump asserted
    that …' or 'Abbott emphasized that …'. These verbs report with a 'that' clause only: 'proposed a budget' and
    'a proposed deal' are no speech."""
    text = (
        "Trying to quell calls to replace her, Rep. Maria Alvarez announced her nominations last week, and "
        "proposed that three members from Ohio and Texas share the duties of the messaging committee.\n\n"
        "In a speech, Gov. Carl Benton emphasized that he expects people to keep wearing masks in stores.\n\n"
        "President Paul Okafor on Monday proposed a $4.7 trillion budget that would sharply cut spending.\n\n"
        "Sen. Dana Whitfield said a proposed nuclear deal with Iran is “terrible” for the region."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    by = {q.text: q.speaker for q in res.quotes}
    assert by.get("three members from Ohio and Texas share the duties of the messaging committee") == "Maria Alvarez"
    assert by.get("he expects people to keep wearing masks in stores") == "Carl Benton", by
    assert not any("budget" in t for t in by), by
    assert by["terrible"] == "Dana Whitfield", by


def test_the_speech_verb_list_names_each_verb_once() -> None:
    """The lexicon's lists are one copy each: no verb twice in VERBS, the role trimmer's words are _SMALL."""
    from newsprism.analyze.quotes import lexicon, roles

    verbs = lexicon.VERBS.split("|")
    assert len(verbs) == len(set(verbs)) and "" not in verbs
    assert not hasattr(roles, "_DANGLING")
    assert lexicon._NP_GLUE <= lexicon._FUNCTION_NP & lexicon._ROLE_FILLER & lexicon._NP_LOWER


def test_a_headline_the_ner_took_for_a_name_is_no_full_name() -> None:
    """NeuS DEV: the title 'With More Vaccines Secured, Biden Warns of Hurdles to Come.' gave the NER a
    person 'Biden Warns of Hurdles', and every later 'Mr. Biden' resolved to it. A small word ('of', 'to',
    'for' …) between capitalised words is a headline's, never a person's name ('Bill de Blasio' still is)."""
    idx = NameIndex()
    idx.add("Biden Warns of Hurdles", 30)
    idx.add("Bill de Blasio", 60)
    assert idx.resolve("Mr. Biden", 200) == "Biden"
    assert idx.resolve("de Blasio", 200) == "Bill de Blasio"


def test_the_contrasted_clause_is_a_report_of_its_own_speaker() -> None:
    """ECB+ DEV: 'Lindsay Lohan’s attorney said Thursday the actress checked into a California rehab facility,
    but a state official said it is unlicensed to perform …': the report ended at ', but', and the official's
    words were lost. After the first report, the contrasted clause is read as a report of its own."""
    text = (
        "Attorney Mark Heller said Thursday the singer had checked into a private clinic in Arizona, but a state "
        "official said the clinic is not licensed to offer the treatment a judge ordered."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    by = {q.text: q.speaker for q in res.quotes if q.kind == "indirect"}
    assert by.get("the clinic is not licensed to offer the treatment a judge ordered") == "a state official", by
    assert by.get("the singer had checked into a private clinic in Arizona") == "Mark Heller", by


def test_a_pronoun_right_before_the_speech_verb_is_its_subject() -> None:
    """NeuS DEV: '… if the United States formally recognizes Jerusalem as the Israeli capital, a move he said
    would be a “red line” for Muslims' went to 'a move he'. In 'a move he said', the pronoun is the subject."""
    text = (
        "President Ahmet Kaya said on Tuesday his country could cut ties with its neighbour if the border "
        "closed, a move he said would be a “red line” for the region."
    )
    res = analyze([Article(id="a", text=text)], nlp="spacy", cross_article=False)["a"]
    assert {q.text: q.speaker for q in res.quotes}["red line"] == "Ahmet Kaya"


def test_a_pronoun_after_the_subject_acted_on_an_object_pronoun_is_that_other_person() -> None:
    """BASIL DEV: 'Rep. Joseph Crowley, D-N.Y., asked her if she could “…”' then 'She said: “Well there's a
    questionnaire …”' gave Lois Lerner's answer to Crowley, the latest salient person (of unknown gender). A
    subject who does something to 'her' (or 'him') is not the 'she' ('he') after it: the person asked is."""
    text = (
        "Dana Whitfield, the agency's director, testified on Tuesday.\n\n"
        "Rep. Thomas Walsh, D-Ohio, asked her if she could explain the delay.\n\n"
        "She said: “We are working on it.”\n\n"
        "Walsh later called her answer evasive."
    )
    [found] = _quotes(text)
    assert ("We are working on it.", "Dana Whitfield") in [(t, s) for t, s, _ in found], found


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_quote_nested_in_a_quote_keeps_the_outer_quote(backend: str) -> None:
    """BASIL DEV: '"By waffling on a trade deal she … once called a "gold standard," Hillary Clinton
    continues …," Short said' kept only '"gold standard,"': the inner opening mark restarted the quote
    and the outer one was lost. An opening mark inside an open quote nests (straight or curly marks)."""
    text = (
        "Party spokeswoman Ana Ruiz criticised the plan on Sunday.\n\n"
        '"By backing a bill she once called a "disaster," the mayor shows she has no plan," Ruiz said.\n\n'
        "The council wrote: “Most residents regard “temporary housing” as a broken promise.”"
    )
    by = _by_text(text, backend)
    outer = by['By backing a bill she once called a "disaster," the mayor shows she has no plan'][0]
    assert outer and outer.endswith("Ruiz") and by["disaster"][0] == outer, by
    assert "Most residents regard “temporary housing” as a broken promise." in by, by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_closing_mark_typed_with_its_space_on_the_wrong_side(backend: str) -> None:
    """ECB+ DEV (text rebuilt from tokens): '"I made the decision because …, "said Stefanski.' read the
    second mark as an opening one: the quote was lost and '"said Stefanski. …' became one. Inside an open
    quote, a straight mark after ', ' that an attribution follows ('said X', 'X said', 'he said') closes it."""
    text = (
        "The club fired its coach on Sunday.\n\n"
        '"We were not winning the games we had to win, "said owner Paula Brandt.\n\n'
        '"It was time for a change, "Brandt said.'
    )
    by = _by_text(text, backend)
    assert by.get("We were not winning the games we had to win") == ("Paula Brandt", "owner"), by
    assert by.get("It was time for a change")[0] == "Paula Brandt", by
    assert not any(t.startswith("said") for t in by), by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_quote_set_as_paragraphs_without_opening_marks_runs_to_its_closing_mark(backend: str) -> None:
    """BASIL DEV: 'Warner said in a statement: “Congress and the American people deserve …' / 'It is also
    critical … would be unacceptable.”' was lost: the second paragraph opens with no mark, so the quote
    ended with the first. It runs on to the closing mark that starts the marks of one of the next three
    paragraphs, when those before it have none; a mark that can open there ends nothing."""
    text = (
        "Mayor Lena Ortiz responded on Friday.\n\n"
        "Ortiz said in a statement: “The council has failed the people of this city.\n\n"
        "We will keep the clinics open.\n\n"
        "Nothing short of that will do.”\n\n"
        "The council did not reply.\n\n"
        "A resident said: “We are tired of waiting.\n\n"
        "Another resident added that the buses “never come.”"
    )
    by = _by_text(text, backend)
    long = "The council has failed the people of this city.\n\nWe will keep the clinics open.\n\nNothing short of that will do."
    assert by.get(long, (None,))[0] == "Lena Ortiz", by
    assert "never come." in by and not any(t.startswith("We are tired") and "buses" in t for t in by), by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_quote_never_closed_runs_to_its_paragraphs_end(backend: str) -> None:
    """BASIL DEV: '“…,” Bloomberg said. “Trump says he wants to run the nation like he’s running his business?
    God help us.' has no closing mark, and the quote was lost (its middle became Trump's reported speech). A
    mark opening a sentence that nothing closes quotes to the paragraph's end, unless the sentence ends with
    its own attribution (a stray mark before the writer's report)."""
    text = (
        "“The budget is a disgrace,” Governor Ellen Marsh said. “They call this a plan? Nobody believes that.\n\n"
        "The legislature adjourned on Friday.\n\n"
        '"Officers found the stolen car near the highway, police said.\n\n'
        "The car was towed."
    )
    by = _by_text(text, backend)
    assert by.get("They call this a plan? Nobody believes that.", (None,))[0] == "Ellen Marsh", by
    assert not any(t.startswith("Officers found") for t in by), by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_block_quote_without_marks_after_a_lead_in_colon(backend: str) -> None:
    """BASIL DEV: 'Read the full rant via Gawker:' / 'Dear Sasha and Malia, …' (a letter set as its own
    paragraph, no marks) was no quote. A paragraph of prose after a lead-in that ends in a colon after a
    publishing verb or a statement-like noun is one; a colon before a list or after a subheading is not."""
    text = (
        "Councilwoman Rosa Delgado answered her critics on Monday.\n\n"
        "Delgado posted this message on her website:\n\n"
        "I have served this district for twelve years and I will not be bullied out of office.\n\n"
        "The council will vote on three items:\n\n"
        "The budget for the parks department comes first on the agenda.\n\n"
        "Background:\n\n"
        "The district has lost two libraries since the last election."
    )
    res = analyze([Article(id="a", text=text)], nlp=backend, cross_article=False)["a"]
    found = {q.text: q.speaker for q in res.quotes}
    block = "I have served this district for twelve years and I will not be bullied out of office."
    assert block in found and found[block] and found[block].endswith("Delgado"), found
    assert not any(t.startswith(("The budget", "The district")) for t in found), found


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_pronoun_and_its_verb_are_no_modifiers_of_an_unnamed_source(backend: str) -> None:
    """'“…,” he said Republicans told him' gave the speaker 'he said Republicans': the unnamed-source
    pattern ('two senior officials said') took 'he said' as modifiers of 'Republicans'. A subject pronoun
    or a speech verb starts a clause; it never modifies the head of an unnamed source."""
    text = (
        "Senator Mark Ellis met party leaders on Monday.\n\n"
        "“We will not support the bill,” he said Republicans complained."
    )
    assert _by_text(text, backend)["We will not support the bill"][0] == "Mark Ellis"


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_words_relayed_from_an_unnamed_group_are_the_groups(backend: str) -> None:
    """'“…,” he said Republicans told him': the words are the Republicans', which he passes on, as the relay
    rule already read '“…,” aides said Mr. Ryan told his colleagues' (a person only). An unnamed group of
    people with a speech verb of its own after the relay's 'said' speaks, as written; a group that refers
    back ('the Republicans') or one unnamed person ('an aide') is left to the other rules."""
    lead = "Senator Mark Ellis met party leaders on Monday.\n\n"
    said = _by_text(lead + "“We will not support the bill,” he said Republicans told him.", backend)
    assert said["We will not support the bill"][0] == "Republicans", said
    back = _by_text(lead + "“We will not support the bill,” he said the Republicans told him.", backend)
    assert back["We will not support the bill"][0] == "Mark Ellis", back


def test_a_persons_own_account_speaks_for_them() -> None:
    """BASIL DEV: 'This was after Trump’s account tweeted Saturday: “I had to fire General Flynn …”' had no
    speaker: a possessive before the subject ('Trump’s lawyer said') names someone else, and 'after' read as
    a preposition. An account, feed, page or website of a named person publishes that person's words."""
    text = (
        "Senator Paula Brandt of Ohio voted against the bill on Thursday.\n\n"
        "Hours after the vote, Brandt’s Twitter account posted: “This bill fails every family in Ohio.”\n\n"
        "“She is wrong,” Brandt’s lawyer said."
    )
    by = _by_text(text, "spacy")
    assert by["This bill fails every family in Ohio."][0] == "Paula Brandt", by
    assert by["She is wrong"][0] != "Paula Brandt", by


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_namesake_pair_joined_by_and_does_not_pick_the_later_bare_surname(backend: str) -> None:
    """'Duncan Hunter and Margaret Hunter' names both of them, so it is no evidence that a later bare
    'Hunter' is the one written second: the nearest mention of one person alone decides."""
    text = (
        "Rep. Duncan Hunter, a California Republican, pleaded not guilty on Thursday.\n\n"
        "Prosecutors say that Duncan Hunter and Margaret Hunter spent campaign money on family trips.\n\n"
        "“This is a political hit job,” Hunter said outside the courthouse."
    )
    got = _by_text(text, backend)
    assert got["This is a political hit job"][0] == "Duncan Hunter"


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_block_quote_after_a_lead_in_that_refers_back_is_the_reported_writers(backend: str) -> None:
    """'Read the full rant via Gawker:' names nobody: 'the full rant' is the text the paragraph before
    reported someone writing, so the block below is that writer's; the site it was read on ('via the
    Riverton Ledger') only published it. A lead-in naming its own source keeps the old rules."""
    text = (
        "A city councilman apologized on Tuesday for a blog post about the mayor's family.\n\n"
        "Tom Wexler, a two-term councilman from the east side, wrote that the mayor should "
        '"stop hiding behind his children" and "face the voters."\n\n'
        "Read the full post via the Riverton Ledger:\n\n"
        "Dear Mayor Hart, I have watched you dodge every question about the budget for a year. "
        "Your children deserve better than a father who hides.\n\n"
        "The mayor's office did not respond."
    )
    found = _by_text(text, backend)
    block = "Dear Mayor Hart, I have watched you dodge every question about the budget for a year."
    assert found[next(t for t in found if t.startswith(block))][0] == "Tom Wexler", found
    own = text.replace("Read the full post via the Riverton Ledger:", "Mayor Ann Hart released the full post:")
    found = _by_text(own, backend)
    assert found[next(t for t in found if t.startswith(block))][0] != "Tom Wexler", found


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_quote_after_a_sentence_reporting_speech_goes_on_with_that_speaker(backend: str) -> None:
    """'On Tuesday, Dukes walked out of the courthouse … saying she feels no anger toward her bosses. “Wal-Mart
    may be a big company …”' had no speaker: a quote opening its sentence with no attribution takes the
    previous quote's speaker only, and nobody was quoted before it. A sentence of the same paragraph that
    reports someone's speech gives the quote its speaker; a quote with its own speech verb after it keeps it."""
    lead = "The union filed its appeal on Monday.\n\n"
    report = (
        "On Tuesday, Maria Ortiz walked out of the courthouse full of confidence, saying she holds no grudge "
        'against her former employer. "The company is big, and that is no secret.\n\n'
        'But nobody is too big to answer for what they do."\n\nThe company declined to comment.'
    )
    found = _by_text(lead + report, backend)
    assert found[next(t for t in found if t.startswith("The company is big"))][0] == "Maria Ortiz", found
    own = report.replace('what they do."', 'what they do," three union lawyers wrote.')
    found = _by_text(lead + own, backend)
    assert found[next(t for t in found if t.startswith("The company is big"))][0] != "Maria Ortiz", found


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_ship_is_no_person_for_a_pronoun(backend: str) -> None:
    """'Indian warship INS Mysore …' came back from the NER as a person, so a crew member's 'he added' went
    to the ship. A name written with a ship's prefix ('INS', 'USS', 'HMS', 'MV' …) or right after a kind of
    ship ('the destroyer …') is a ship's, and so is every mention with the same text."""
    text = (
        "The navy destroyer USS Harlan Cole seized a smuggling boat off the coast on Sunday.\n\n"
        "USS Harlan Cole will return to port next week.\n\n"
        '"The crew acted quickly and nobody was hurt," he added.'
    )
    found = _by_text(text, backend)
    assert found["The crew acted quickly and nobody was hurt"][0] != "USS Harlan Cole", found
    ents = [_person(text, "USS Harlan Cole"), _person(text, "USS Harlan Cole", 1)]
    canonicalize_article(ents, text)
    assert [e.label for e in ents] == ["PRODUCT", "PRODUCT"]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_partial_quote_in_a_which_clause_is_not_the_sentence_subjects(backend: str) -> None:
    """'Page … posed for Playboy, which named her “the model of the century.”' gave the term to Page, the
    sentence's subject: a partial quote with no speech verb takes the clause subject, but a ', which' clause
    has its own subject, a thing ('filings', a magazine), so nobody is read as the speaker there."""
    text = (
        "Senator Ann Blake of Ohio spoke at the dinner on Friday.\n\n"
        "Blake won an award from the Riverton Herald, which named her “the hardest-working senator in the state.”"
    )
    found = _by_text(text, backend)
    assert found["the hardest-working senator in the state."][0] != "Ann Blake", found


def test_a_name_tagged_organisation_whose_surname_is_tagged_person_is_a_person() -> None:
    """'Bettie Page, the pin-up model …' came back as ORG and only the bare 'Page' as PERSON further on, so
    her agent was the only person left for her 'she said'. A plain name labelled an organisation whose last
    word is labelled a person alone elsewhere is a person, unless another full name has that surname; a name
    after 'the' is a title ('The Notorious Lena Marsh', a film)."""
    text = (
        "Lena Marsh, the pin-up model, has died. Marsh later said she was puzzled. "
        "She starred in The Notorious Lena Marsh. Her agent Tom Reed said so."
    )

    def ent(name: str, label: str, nth: int = 0) -> Entity:
        e = _person(text, name, nth)
        e.label = label
        return e

    ents = [
        ent("Lena Marsh", "ORG"),
        ent("Marsh", "PERSON", 1),
        ent("Notorious Lena Marsh", "ORG"),
        ent("Tom Reed", "PERSON"),
    ]
    index = canonicalize_article(ents, text)
    assert [e.label for e in ents] == ["PERSON", "PERSON", "ORG", "PERSON"]
    assert index.resolve("Marsh", text.index("Marsh later")) == "Lena Marsh"
    other = [ent("Lena Marsh", "ORG"), ent("Marsh", "PERSON", 1), Entity("Ed Marsh", "PERSON", 0, 0)]
    canonicalize_article(other, text)
    assert other[0].label == "ORG"  # another Marsh is named: the ORG may be his firm


def test_a_bare_surname_takes_the_gender_its_own_clause_gives() -> None:
    """'Rep. Duncan Hunter and his wife, Margaret Hunter, were indicted … Hunter, 41, is a five-term
    congressman': the bare surname went to the wife, the nearest full name. What the mention's own clause
    says the person is ('is a … congressman', ', the wife of …') gives the gender, as an honorific would."""
    text = (
        "Rep. Paul Garner and his wife, Ellen Garner, were charged on Monday.\n\n"
        "Garner, 52, is a three-term congressman from the valley. Garner, the mother of two, ran his campaign."
    )
    ents = [
        _person(text, "Paul Garner"),
        _person(text, "Ellen Garner"),
        _person(text, "Garner", 2),
        _person(text, "Garner", 3),
    ]
    canonicalize_article(ents, text)
    assert [e.canonical for e in ents[2:]] == ["Paul Garner", "Ellen Garner"]


@pytest.mark.parametrize("backend", ["regex", "spacy"])
def test_a_quote_opening_the_paragraph_after_a_reported_speech_goes_on_with_its_speaker(backend: str) -> None:
    """'Hoyer said negotiation can progress after the government reopens.' / '“With the government open, we
    can negotiate …”' had no speaker: nobody was quoted in the paragraph before. Its last sentence reporting
    speech gives the quote its speaker, when the quote is closed in its own paragraph; one left open to the
    paragraph's end is often attributed later ('… “the source told us'), and is left alone."""
    lead = "The mayor met the council on Tuesday.\n\nRita Vance, a council member, said the budget talks can resume next week.\n\n"
    found = _by_text(lead + "“We are ready to sit down with anyone who wants a fair deal.”", backend)
    assert found["We are ready to sit down with anyone who wants a fair deal."][0] == "Rita Vance", found
    found = _by_text(lead + "“We are ready to sit down with anyone who wants a fair deal.", backend)
    assert all(sp != "Rita Vance" for t, (sp, _) in found.items() if t.startswith("We are ready")), found


@pytest.mark.parametrize("backend", ["spacy"])
def test_the_judge_is_not_the_judge_who_was_killed(backend: str) -> None:
    """ECB+ 3_1ecb: 'The judge had advice …: "Do not trust Mr. Nichols"' came after 'shot and killed Superior
    Court Judge Rowland Barnes' and went to him; the sentencing judge is the one who speaks.  (spaCy only: the
    regex backend reads 'Superior Court Judge James Bodiford' as one organisation name.)"""
    text = (
        "Nichols will likely die in prison after Superior Court Judge James Bodiford handed down the maximum "
        "sentence.\n\nHe burst into the courtroom and shot and killed Superior Court Judge Rowland Barnes and a "
        'deputy.\n\n"I will not bring dishonor to the decision," Nichols said.\n\n'
        'The judge had advice for anyone who deals with Nichols in the future:\n\n"Do not trust Mr. Nichols ever '
        'again."'
    )
    by = _by_text(text, backend)
    assert by["Do not trust Mr. Nichols ever again."] == ("James Bodiford", "Superior Court Judge"), by
