"""Contradiction rules on small written stories: what a careful reader accepts as 'sources differ', and
the false alarms found on ECB+ DEV (docs/contradictions-labels.md) written as general cases."""

from __future__ import annotations

import math

import pytest

from newsprism.model import Article, Story
from newsprism.synthesize import synthesize


def _contradictions(*texts: str, nlp: str = "regex") -> list:
    from newsprism.analyze import analyze
    from newsprism.analyze.embed import get_embedder

    arts = [Article(id=chr(97 + i), text=t, outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    brief = synthesize(Story("s", [a.id for a in arts]), arts, analyze(arts, nlp=nlp), get_embedder("hash"))
    return brief.contradictions


def _pairs(cs: list) -> list[set[str]]:
    return [{x for v in c.variants for x in v.articles} for c in cs]


def test_two_outlets_disagreeing_on_a_count_are_reported():
    cs = _contradictions(
        "The march began after more than 200 people set off from the vigil site on Church Avenue on Wednesday.",
        "The march began after nearly 100 people set off from the vigil site on Church Avenue on Wednesday.",
    )
    assert {"a", "b"} in _pairs(cs), cs


def test_precise_numbers_differing_within_a_few_percent_differ():
    cs = _contradictions(
        "Jobless claims for the prior week were revised to 6.9 million, the Labor Department said on Thursday.",
        "Jobless claims for the prior week were revised upward to 6.8 million, the Labor Department said on Thursday.",
    )
    assert {"a", "b"} in _pairs(cs), cs


@pytest.mark.parametrize(
    "a, b",
    [
        # the same number rounded: '$1.4 trillion' stands for 1.35-1.45, '200,000' for 150,000-250,000
        (
            "The House passed a $1.37 trillion spending package that includes money for the border wall on Tuesday.",
            "The House on Tuesday approved a $1.4 trillion spending package that includes funding for the border wall.",
        ),
        (
            "Border Patrol agents apprehended 212,000 migrants at the southern border in July, the agency said.",
            "Border Patrol agents made 200,000 arrests at the southern border in July, the agency said.",
        ),
        # a total against a part
        (
            "Playing in a combined 157 games with the Angels and Braves, Teixeira hit 33 homers last year.",
            "Playing in 54 games with the Angels, Teixeira hit 13 homers for the team last year.",
        ),
        # the same distance in two units, and a conversion in parentheses
        (
            "Wasilla, the governor's home town, lies 64 kilometres north of Anchorage in the valley.",
            "Wasilla, the governor's home town, lies about 40 miles north of Anchorage in the valley.",
        ),
        (
            "Damage to the church was estimated at $US1 million ($1.52 million), the fire officials said.",
            "Damage to the church was estimated at $1 million, the fire officials said on Saturday.",
        ),
        # distances from different places
        (
            "The attack on the freighter took place about 150 nautical miles off Aden, the navy said.",
            "The attack on the freighter took place 13 nautical miles from the warship, the navy said.",
        ),
        # whom the number counts is unclear: a coordinated noun
        (
            "The cruise ship evacuated some 420 passengers and crew before it sailed through the gulf.",
            "The cruise ship flew its 246 passengers over the gulf before it sailed through the gulf.",
        ),
        # a count of a subgroup, and a part of another count
        (
            "Three people died in the burning bank in central Athens during the general strike.",
            "Two women died in the burning bank in central Athens during the general strike.",
        ),
        (
            "The autopsy showed the teenager was hit by seven bullets fired by the two officers.",
            "The autopsy showed the teenager was hit in the back by three of the seven bullets fired by the officers.",
        ),
        # different predicates over one count noun
        (
            "Cheeks returned to the Sixers as an assistant coach and stayed for seven seasons in Philadelphia.",
            "Cheeks played for the Sixers for 11 seasons and served as an assistant coach in Philadelphia.",
        ),
        # one claim gives both numbers (three shot, two of them killed): the other's count is one of them
        (
            "On Tuesday night, 19-year-old Dale Whitaker allegedly shot three people in Rockford, Illinois, killing two.",
            "Dale Whitaker on Thursday was charged with homicide after shootings in Rockford where two people died.",
        ),
        # an age after a name is no count of what follows
        (
            "Police said Anthony Ross, 38, targeted two managers at the office building on Monday.",
            "Police said Anthony Ross targeted the two managers at the office building on Monday.",
        ),
    ],
)
def test_numbers_that_measure_different_things_are_not_a_contradiction(a: str, b: str):
    cs = [c for c in _contradictions(a, b) if c.kind in ("number", "quantity")]
    assert not cs, [(c.topic, [v.value for v in c.variants]) for c in cs]


def test_one_article_stating_both_values_is_not_a_disagreement_between_sources():
    cs = _contradictions(
        "While two of the skiffs got away, the warship intercepted the remaining three skiffs near the coast.",
        "While two of the skiffs got away, the warship intercepted the remaining three skiffs near the coast on Friday.",
        "The warship intercepted three skiffs near the coast on Friday, the navy said.",
    )
    assert not [c for c in cs if c.kind in ("number", "quantity")], cs


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "A craft group was in the building when the fire broke out, although no one was hurt.",
            "A craft group was in the building when the fire broke out, but they got out safely.",
        ),
        (
            '"We have no idea what caused it," the pastor of the Bible church said on Saturday, adding that '
            "investigators were considering arson.",
            "The pastor of the Bible church said on Saturday, adding that investigators were considering arson "
            "and other causes.",
        ),
    ],
)
def test_a_negation_the_other_outlet_has_no_counterpart_for_is_not_a_contradiction(a: str, b: str):
    assert not [c for c in _contradictions(a, b) if c.kind == "negation"]


def test_a_denied_claim_is_a_negation_contradiction():
    cs = _contradictions(
        "Director Gary Ross will not direct the Hunger Games sequel, the studio said on Friday.",
        "Director Gary Ross will direct the Hunger Games sequel, the studio said on Friday.",
    )
    assert [c for c in cs if c.kind == "negation"], cs


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "He did not know how long the suspect had worked at the business, police said.",
            "Fanning did not know how long the suspect had worked at the business, police said.",
        ),
        (
            "Witnesses said the shooter used a rifle, Troy police Lt. Gerry Scherlinck said on Monday.",
            "Witnesses said the shooter used a rifle, Troy police Lieutenant Gerry Scherlinck said on Monday.",
        ),
        (
            "INS Sukanya was escorting five merchant vessels through the corridor when the attack happened.",
            "Warship Sukanya was escorting five merchant vessels through the corridor when the attack happened.",
        ),
    ],
)
def test_a_pronoun_title_or_name_prefix_is_no_entity_contradiction(a: str, b: str):
    assert not [c for c in _contradictions(a, b, nlp="spacy") if c.kind == "entity"]


def test_outlets_giving_one_person_different_ages_differ():
    cs = _contradictions(
        "The jury found Jose Luis Orozco, 29, guilty of murdering a deputy sheriff in 2005.",
        "Jose Luis Orozco, 27, was found hiding in a house near the scene a few hours after the shooting.",
        nlp="spacy",
    )
    ages = [c for c in cs if c.topic.startswith("age")]
    assert ages and sorted(v.value for v in ages[0].variants) == ["27", "29"], cs


def test_two_people_with_one_surname_are_no_age_contradiction():
    cs = _contradictions(
        "Police said John Miller, 52, and his son, Mark Miller, 24, were arrested on Friday at their home.",
        "John Miller, 52, was arrested on Friday with his son at their home in Dayton, police said.",
        nlp="spacy",
    )
    assert not [c for c in cs if c.topic.startswith("age")], cs


def test_two_outlets_giving_different_sums_of_money_differ():
    """An amount of money is compared whatever follows it ('$3.6 billion from …'; a sentence-final '$3.5 billion.')."""
    cs = _contradictions(
        "The Pentagon will shift $3.6 billion from military construction projects to the border wall, officials said.",
        "The Pentagon will shift $2.5 billion from military construction projects to the border wall, officials said.",
    )
    assert {"a", "b"} in _pairs(cs), cs
    values = {v.value for c in cs for v in c.variants}
    assert {"$3.6 billion", "$2.5 billion"} <= values, values
    cs = _contradictions(
        "Congress gave the Pentagon money from its military construction budget, to the tune of $3.5 billion.",
        "Congress gave the Pentagon money from its military construction budget, to the tune of $4.5 billion.",
    )
    assert {"a", "b"} in _pairs(cs), cs


@pytest.mark.parametrize(
    "a, b",
    [
        # '$60bn' is 60 billion, '$1.6B' 1.6 billion
        (
            "China imposed new tariffs on $60bn of American goods on Friday, the commerce ministry said.",
            "China imposed new tariffs on $60 billion of American goods on Friday, the commerce ministry said.",
        ),
        (
            "Dominion Voting filed a $1.6B defamation lawsuit against the network on Friday.",
            "Dominion Voting filed a $1.6 billion defamation lawsuit against the network on Friday.",
        ),
        # '$1.9T', '$1.9tn' and '$1.9trn' are 1.9 trillion
        (
            "The Senate passed the $1.9T relief bill on Saturday after an all-night session.",
            "The Senate passed the $1.9 trillion relief bill on Saturday after an all-night session.",
        ),
        (
            "The Senate passed the $1.9trn relief bill on Saturday after an all-night session.",
            "The Senate passed the $1.9 trillion relief bill on Saturday after an all-night session.",
        ),
        # 'about $3.6 billion' allows $3.5 billion
        (
            "The declaration lets the president divert about $3.6 billion from military construction projects.",
            "The declaration lets the president divert $3.5 billion from military construction projects.",
        ),
        # two sums: whose goods they count differs
        (
            "President Trump imposed tariffs on $34 billion in Chinese goods in July, officials said.",
            "President Trump imposed tariffs on $60 billion in American goods in July, officials said.",
        ),
        # two sums of one story that pay for different things
        (
            "The plan moves $3.6 billion from military construction projects to build the border wall.",
            "The plan moves $600 million from the Treasury's asset forfeiture fund to the drug war.",
        ),
    ],
)
def test_the_same_sum_or_two_different_sums_are_no_money_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("a $1.9T relief bill", "1900000000000"),
        ("a $2tn stimulus", "2000000000000"),
        ("a $1.2trn package", "1200000000000"),
        ("a $1.9 trillion bill", "1900000000000"),
        ("$60bn of goods", "60000000000"),
    ],
)
def test_compact_trillion_suffixes_are_read_as_their_scale(text: str, value: str):
    from newsprism.synthesize.align import number_tokens

    assert number_tokens(text) == {value}


def test_a_lower_case_t_is_no_trillion():
    """'40t' writes tonnes; only a capital 'T' stands for trillion."""
    from newsprism.synthesize.align import number_tokens

    assert number_tokens("a $40T debt") == {"40000000000000"}
    assert "40000000000000" not in number_tokens("a 40t truck")


def test_a_number_written_apart_is_read_whole():
    """Text rebuilt from tokens writes '1, 500 kilometers': the distance is 1,500, not 500 ('1, 150' is 1,150)."""
    cs = _contradictions(
        "Qeshm, an island 1, 500 kilometers south of Tehran, was hit by the quake on Sunday, officials said.",
        "Qeshm, an island 1, 150 kilometers south of Tehran, was hit by the quake on Sunday, officials said.",
    )
    assert [sorted(v.value for v in c.variants) for c in cs] == [
        ["1, 150 kilometers south", "1, 500 kilometers south"]
    ], cs
    same = _contradictions(
        "Qeshm, an island 1, 500 kilometers south of Tehran, was hit by the quake on Sunday, officials said.",
        "Qeshm, an island 1,500 kilometers south of Tehran, was hit by the quake on Sunday, officials said.",
    )
    assert same == [], same


@pytest.mark.parametrize(
    "a, b",
    [
        # two places' populations
        (
            "The quake struck Qeshm island, home to 120,000 people, and the city of Bandar Abbas, state media said.",
            "Helicopters flew the injured to Bandar Abbas, a city of 500,000 people that was also jolted by the quake.",
        ),
        # whose population is unclear: not compared
        (
            "The quake struck Qeshm island, home to 120,000 people, and the city of Bandar Abbas, state media said.",
            "Residents of the island, which lies off the port city of Bandar Abbas and is home to 500,000 people, slept outside.",
        ),
    ],
)
def test_populations_of_different_places_are_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


def test_one_place_given_two_populations_differs():
    cs = _contradictions(
        "The quake struck Qeshm island, home to 120,000 people, on Sunday, state media said.",
        "The quake struck Qeshm island, home to 300,000 people, on Sunday, state media said.",
    )
    assert {"a", "b"} in _pairs(cs), cs


def test_outlets_giving_a_quake_different_magnitudes_differ():
    cs = _contradictions(
        "The 5.9-magnitude quake struck the island on Sunday afternoon, destroying homes, state media said.",
        "The 6.1-magnitude quake struck the island on Sunday afternoon, destroying homes, state media said.",
    )
    assert {"a", "b"} in _pairs(cs), cs
    assert {v.value for c in cs for v in c.variants} >= {"5.9-magnitude", "6.1-magnitude"}
    assert all(c.topic.startswith("magnitude") for c in cs), [c.topic for c in cs]


def test_a_magnitude_written_apart_is_titled_magnitude():
    cs = _contradictions(
        "The 5. 9-magnitude quake struck the island on Sunday afternoon, destroying homes, state media said.",
        "The 6. 1-magnitude quake struck the island on Sunday afternoon, destroying homes, state media said.",
    )
    assert [c.topic.split()[0] for c in cs] == ["magnitude"], [c.topic for c in cs]


@pytest.mark.parametrize(
    "a, b",
    [
        # 'about 6.0' allows 5.9; 'magnitude-5. 9' is 5.9 written apart
        (
            "The quake, which hit the island on Sunday, measured about 6.0 on the Richter scale, officials said.",
            "The quake, which hit the island on Sunday, measured magnitude-5. 9, officials said.",
        ),
        # an aftershock is another quake
        (
            "The quake that struck the island on Sunday measured magnitude 5.9, officials said.",
            "An aftershock of magnitude 4.5 struck the island on Sunday, officials said.",
        ),
    ],
)
def test_close_or_other_quakes_magnitudes_are_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


@pytest.mark.parametrize(
    "written, low, high",
    [
        # a bound keeps the written number's rounding on its own side and opens the other
        ("a magnitude of at least 5.9", 5.851, math.inf),  # not 5.85-5.95
        ("at least magnitude-5. 9", 5.851, math.inf),
        ("more than 6.0 on the Richter scale", 5.951, math.inf),
        ("a quake of magnitude over 6", 5.51, math.inf),
        ("up to 6.1 on the Richter scale", 0.0, 6.149),
        ("a magnitude of less than 5.9", 0.0, 5.949),
        ("a 5.9-magnitude quake", 5.851, 5.949),
        ("about 6.0 on the Richter scale", 5.75, 6.25),
    ],
)
def test_a_bound_on_a_magnitude_opens_its_interval(written: str, low: float, high: float):
    from newsprism.synthesize.align import Unit
    from newsprism.synthesize.contradictions import magnitude_mentions

    text = f"The quake measured {written}, officials said."
    u = Unit(0, "a", "A", "A", 0, 0, 0, len(text), text, [], set(), set(), 0.0, 0.0)
    [m] = magnitude_mentions(u, text)
    assert (m.low, m.high) == (pytest.approx(low), pytest.approx(high)), written


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The quake that struck the island on Sunday had a magnitude of at least 5.9, officials said.",
            "The quake that struck the island on Sunday had a magnitude of 6.1, officials said.",
        ),
        (
            "The quake that struck the island on Sunday measured up to 6.1 on the Richter scale, officials said.",
            "The quake that struck the island on Sunday measured 5.9 on the Richter scale, officials said.",
        ),
    ],
)
def test_a_bounded_magnitude_the_other_outlet_meets_is_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


def test_a_bounded_magnitude_the_other_outlet_exceeds_still_differs():
    cs = _contradictions(
        "The quake that struck the island on Sunday measured less than 5.5 on the Richter scale, officials said.",
        "The quake that struck the island on Sunday measured 6.1 on the Richter scale, officials said.",
    )
    assert {"a", "b"} in _pairs(cs), cs


def test_a_casualty_count_without_a_noun_is_compared_with_its_verb():
    # 'injuring 80' counts people injured: against 'wounding 70' the sources differ; the killed agree
    cs = _contradictions(
        "A powerful earthquake hit southern Iran on Sunday, destroying seven villages, killing 10 people and injuring 80.",
        "A powerful earthquake hit southern Iran on Sunday, destroying seven villages, killing 10 persons and wounding 70.",
    )
    assert {"a", "b"} in _pairs(cs), cs
    [c] = cs
    assert c.topic.startswith("people injured"), c.topic
    assert {v.value for v in c.variants} == {"injuring 80", "wounding 70"}


@pytest.mark.parametrize(
    "a, b",
    [
        # 'dozens' allows 80
        (
            "A powerful earthquake hit southern Iran on Sunday, destroying seven villages, killing 10 people and injuring 80.",
            "A powerful earthquake has hit southern Iran, killing at least 10 people, injuring dozens more, officials said.",
        ),
        # the killed are not the injured, though one clause names both verbs
        (
            "A powerful earthquake hit southern Iran on Sunday, destroying seven villages, killing 10 people and injuring 80.",
            "A powerful earthquake hit southern Iran on Sunday, destroying seven villages and killing 80 people.",
        ),
        # 'killing 10 soldiers' counts soldiers, not all the dead
        (
            "The bomb exploded at the base in the north on Sunday, killing 10 soldiers, the army said.",
            "The bomb exploded at the base in the north on Sunday, killing 14, the army said.",
        ),
    ],
)
def test_casualty_counts_that_agree_or_count_others_are_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


def test_outlets_giving_one_event_different_weekdays_differ():
    cs = _contradictions(
        "Rep. Elijah Cummings of Maryland died early Tuesday at Johns Hopkins Hospital from complications, his office said.",
        "Rep. Elijah Cummings of Maryland died early Thursday at Johns Hopkins Hospital from complications, his office said.",
    )
    assert {"a", "b"} in _pairs(cs), cs
    [c] = cs
    assert c.kind == "date" and {v.value for v in c.variants} == {"died early Tuesday", "died early Thursday"}


@pytest.mark.parametrize(
    "a, b",
    [
        # around midnight, or another time zone
        (
            "A federal judge in Maryland blocked the president's travel ban late Tuesday, ruling against the order.",
            "A federal judge in Maryland blocked the president's travel ban early Wednesday, ruling against the order.",
        ),
        # the day of a statement, not of the event
        (
            "The governor of Texas said Tuesday that the storm had destroyed hundreds of homes along the coast.",
            "The governor of Texas said Thursday that the storm had destroyed hundreds of homes along the coast.",
        ),
        # two events of the story: the arrest and the charge
        (
            "Police in Minneapolis arrested Anthony LaSalle on Monday after the hit-and-run outside the store.",
            "Prosecutors in Minneapolis charged Anthony LaSalle on Wednesday after the hit-and-run outside the store.",
        ),
        # a date beside the weekday is compared by the date rule
        (
            "Rep. Elijah Cummings of Maryland died early Thursday, Oct. 17, at Johns Hopkins Hospital, his office said.",
            "Rep. Elijah Cummings of Maryland died early Tuesday, Oct. 17, at Johns Hopkins Hospital, his office said.",
        ),
    ],
)
def test_weekdays_of_a_statement_another_event_or_midnight_are_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


def test_an_age_next_to_a_surname_the_ner_misses_at_a_sentence_start_is_compared():
    # 'Orozco' opens its sentence (the NER may miss it there), and is a name elsewhere in the story
    cs = _contradictions(
        "The jury in Bakersfield found Jose Luis Orozco, 29, guilty of murdering a sheriff's deputy, the prosecutor said.",
        "Orozco, 27, was found hiding in a house a few doors away from the shooting. The jury found Jose Luis Orozco "
        "guilty of murdering a sheriff's deputy in Bakersfield.",
    )
    assert any(c.topic == "age (Orozco)" for c in cs), cs


def test_an_age_before_a_place_and_a_noun_is_no_name():
    # 'the 39-year-old Troy man': Troy is where he lives; two people of one town may have any ages
    cs = _contradictions(
        "Police in Troy said a 25-year-old Troy man was arrested after the shooting at the office on Thursday.",
        "Police in Troy said a 40-year-old Troy woman was arrested after the shooting at the office on Thursday.",
    )
    assert not any(c.topic.startswith("age") for c in cs), cs


def test_a_decimal_written_apart_is_read_whole():
    # text rebuilt from tokens writes '40.3' as '40. 3': the number is 40.3, not 3
    cs = _contradictions(
        "The Oscars broadcast on Sunday night was watched by 40. 3 million people in the United States, Nielsen said.",
        "The Oscars broadcast on Sunday night was watched by 39. 9 million people in the United States, Nielsen said.",
    )
    assert {v.value for c in cs for v in c.variants} == {"40. 3 million people", "39. 9 million people"}, cs


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The city council agreed to buy about 8. 7 acres near downtown for the new stadium on Tuesday.",
            "The city council agreed to buy 8.7 acres near downtown for the new stadium on Tuesday.",
        ),
        # a magnitude written apart is no count of earthquakes
        (
            "A 5. 9 magnitude earthquake has leveled seven villages in southern Iran on Sunday, officials said.",
            "A 5.9-magnitude earthquake has leveled seven villages in southern Iran on Sunday, officials said.",
        ),
    ],
)
def test_decimals_written_apart_that_agree_are_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The US economy added 943K jobs in July, the Labor Department said on Friday.",
            "The US economy added 850,000 jobs in July, the Labor Department said on Friday.",
        ),
        (
            "About 1.5m people fled the fighting in the region last year, the United Nations said.",
            "About 2.5 million people fled the fighting in the region last year, the United Nations said.",
        ),
    ],
)
def test_a_count_with_a_compact_suffix_is_compared(a: str, b: str):
    """'943K jobs' is 943,000 jobs and '1.5m people' 1.5 million people, as the alignment's number tokens read them."""
    assert {"a", "b"} in _pairs(_contradictions(a, b))


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The US economy added 943K jobs in July, the Labor Department said on Friday.",
            "The US economy added 943,000 jobs in July, the Labor Department said on Friday.",
        ),
        # metres and bases are no scale suffix
        (
            "Smith won the 400m hurdles at the games in Rome on Friday, officials said.",
            "Smith won the 200m hurdles at the games in Rome on Friday, officials said.",
        ),
        (
            "The Angels traded 1B Mark Teixeira to the Braves on Friday, the team said.",
            "The Angels traded 3B Mark Teixeira to the Braves on Friday, the team said.",
        ),
    ],
)
def test_a_compact_suffix_that_agrees_or_is_no_scale_is_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "Markets reacted with alarm as Greek stocks plunged 5.4 percent on Wednesday.",
            "Markets reacted with alarm as Greek stocks fell 5.2 percent on Wednesday.",
        ),
        (
            "The unemployment rate fell to 5.4% in July, the Labor Department said on Friday.",
            "The unemployment rate dropped to 5.2% in July, the Labor Department said on Friday.",
        ),
    ],
)
def test_a_percentage_change_without_a_noun_is_compared_by_what_changed(a: str, b: str):
    """'plunged 5.4 percent' and 'fell 5.2 percent' are one fall of one subject ('Greek stocks') told two ways."""
    cs = _contradictions(a, b)
    assert {"a", "b"} in _pairs(cs), cs
    assert all("%" not in c.topic for c in cs), cs


@pytest.mark.parametrize(
    "a, b",
    [
        # a fall during the day and the close can both hold
        (
            "Markets reacted with alarm as Greek stocks plunged 5.4 percent on Wednesday.",
            "Markets reacted with alarm as Greek stocks closed down 3.9 percent on Wednesday.",
        ),
        # a level reached and a change
        (
            "The unemployment rate fell to 5.4% in July, the Labor Department said on Friday.",
            "The unemployment rate fell 0.5% in July, the Labor Department said on Friday.",
        ),
        # two indexes, two days
        (
            "The Dow Jones industrial average fell 6.7% in midday trading on Monday, traders said.",
            "The S&P 500 index fell 5.8% in midday trading on Monday, traders said.",
        ),
        (
            "Greek stocks fell 2 percent on Monday, traders in Athens said after the vote.",
            "Greek stocks fell 3 percent on Tuesday, traders in Athens said after the vote.",
        ),
        # no change word: what the share is of cannot be told
        (
            "In the poll, former House Speaker Newt Gingrich garnered 11 percent, the survey found.",
            "In the poll, former House Speaker Newt Gingrich garnered 9 percent, the survey found.",
        ),
    ],
)
def test_percentages_of_different_things_or_moments_are_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


def test_two_estimates_tops_that_differ_differ():
    """'as many as 1.5 million' and 'up to 1.6 million' each say how many there may be at most: they differ."""
    cs = _contradictions(
        "The lawsuit covers as many as 1.5 million women who worked at Wal-Mart stores, lawyers said on Tuesday.",
        "The lawsuit covers up to 1.6 million women who worked at Wal-Mart stores, lawyers said on Tuesday.",
    )
    assert {"a", "b"} in _pairs(cs), cs


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The lawsuit covers as many as 1.5 million women who worked at Wal-Mart stores, lawyers said on Tuesday.",
            "The lawsuit covers up to 1.5 million women who worked at Wal-Mart stores, lawyers said on Tuesday.",
        ),
        # a top and a count under it
        (
            "The lawsuit covers as many as 1.5 million women who worked at Wal-Mart stores, lawyers said on Tuesday.",
            "The lawsuit covers 1.4 million women who worked at Wal-Mart stores, lawyers said on Tuesday.",
        ),
        # limits, not estimates
        (
            "The lawsuit covers fewer than 1.5 million women who worked at Wal-Mart stores, lawyers said on Tuesday.",
            "The lawsuit covers less than 1.6 million women who worked at Wal-Mart stores, lawyers said on Tuesday.",
        ),
    ],
)
def test_estimates_tops_that_agree_or_limits_are_no_contradiction(a: str, b: str):
    assert _contradictions(a, b) == []


def test_a_participle_after_the_counted_noun_is_not_the_noun():
    """'1.5 million women seeking back pay' counts women (the noun was read as 'back', and 'women seeking
    damages' as 'damages'); 'two Yemeni fishing boats' still counts boats, not Yemenis."""
    cs = _contradictions(
        "The Wal-Mart lawsuit covers as many as 1.5 million women seeking back pay, lawyers said on Tuesday.",
        "The Wal-Mart lawsuit covers up to 1.6 million women seeking damages, lawyers said on Tuesday.",
    )
    assert {"a", "b"} in _pairs(cs), cs
    assert not _contradictions(
        "The navy said pirates captured two Yemeni fishing boats in the Gulf of Aden on Friday.",
        "The navy said pirates captured 11 Yemenis in the Gulf of Aden on Friday.",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Romney won 11 percent of the vote among Republicans in the Iowa poll released on Sunday.",
            "Romney won 9 percent among Tea Party supporters in the Iowa poll released on Sunday.",
        ),
        (
            "The poll found that 40 percent of Democrats backed the plan, the survey said on Monday.",
            "The poll found that 25 percent of independents backed the plan, the survey said on Monday.",
        ),
        (
            "Support for the plan stood at 40 percent among women in the poll released on Monday.",
            "Support for the plan stood at 31 percent among men in the poll released on Monday.",
        ),
    ],
)
def test_shares_of_different_groups_are_no_disagreement(a: str, b: str) -> None:
    """A percentage is a share of some group: 'among women' and 'among men', or 'of Democrats' and 'of
    independents', are two measures, whatever else the sentences share."""
    assert not _contradictions(a, b), _contradictions(a, b)


@pytest.mark.parametrize("group", ["of the vote among Republicans", "of the vote"])
def test_shares_of_one_group_that_differ_are_reported(group: str) -> None:
    cs = _contradictions(
        f"Romney won 11 percent {group} in the Iowa poll released on Sunday, the pollster said.",
        f"Romney won 19 percent {group} in the Iowa poll released on Sunday, the pollster said.",
    )
    assert {"a", "b"} in _pairs(cs), cs


def test_nearly_a_figure_is_under_it():
    """'nearly $40 million' says under 40 million: against '$43 million' the sources differ, though '$40 million'
    as a round figure (35-45 million) would allow it."""
    cs = _contradictions(
        "The county signed a ten-year lease with the stadium's owners worth nearly $40 million, officials said.",
        "The county signed a ten-year lease with the stadium's owners worth $43 million, officials said.",
    )
    assert {"a", "b"} in _pairs(cs), cs
    cs = _contradictions(
        "Almost 60 families were moved out of the flooded valley by boat on Sunday, the fire service said.",
        "The fire service said 62 families were moved out of the flooded valley by boat on Sunday.",
    )
    assert {"a", "b"} in _pairs(cs), cs


@pytest.mark.parametrize(
    "a, b",
    [
        # 'nearly N' against N itself, a figure under it, or another loose figure
        (
            "The county signed a ten-year lease with the stadium's owners worth nearly $40 million, officials said.",
            "The county signed a ten-year lease with the stadium's owners worth $40 million, officials said.",
        ),
        (
            "The county signed a ten-year lease with the stadium's owners worth nearly $40 million, officials said.",
            "The county signed a ten-year lease with the stadium's owners worth $39.2 million, officials said.",
        ),
        (
            "Almost 60 families were moved out of the flooded valley by boat on Sunday, the fire service said.",
            "The fire service said about 62 families were moved out of the flooded valley by boat on Sunday.",
        ),
        (
            "Almost 60 families were moved out of the flooded valley by boat on Sunday, the fire service said.",
            "The fire service said more than 55 families were moved out of the flooded valley by boat on Sunday.",
        ),
    ],
)
def test_nearly_a_figure_the_other_outlet_meets_is_no_contradiction(a: str, b: str):
    assert not _contradictions(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # what the group's members are ('are people of color') is said of the group; it is not the group
        (
            "The campaign said 35 percent of its staff are people of color, according to new diversity data.",
            "The campaign said 48 percent of its senior advisers are people of color, according to new diversity data.",
        ),
        # a share of a named group against a share that names none
        (
            "The poll found 36 percent of Republicans support the plan, the survey said on Monday.",
            "The poll found 52 percent support the plan, the survey said on Monday.",
        ),
    ],
)
def test_a_share_is_of_the_group_named_before_the_verb(a: str, b: str) -> None:
    assert not _contradictions(a, b), _contradictions(a, b)


def test_shares_of_one_group_named_alike_still_differ() -> None:
    cs = _contradictions(
        "The campaign said 35 percent of its staff are people of color, according to new diversity data.",
        "The campaign said 42 percent of its staff are people of color, according to new diversity data.",
    )
    assert {"a", "b"} in _pairs(cs), cs


def test_a_range_of_sums_shares_its_scale_word():
    """'$40 to 45 million' is 40 to 45 million, not 40 dollars: no disagreement with '$40 million'."""
    a = "The city offered the owners $40 to 45 million for the riverside land, officials said on Monday."
    b = "The city offered the owners $40 million for the riverside land, officials said on Monday."
    assert not _contradictions(a, b), _contradictions(a, b)


@pytest.mark.parametrize(
    ("written", "low"),
    [("between $140 and $150 million", 135.1e6), ("$2 to $3 billion", 1.51e9), ("$140, and $150 million", 139.51)],
)
def test_the_first_end_of_a_range_of_sums_is_read_with_its_scale(written: str, low: float):
    from newsprism.synthesize.align import Unit
    from newsprism.synthesize.contradictions import quantity_mentions

    text = f"The team offered {written} over seven years, the paper said."
    u = Unit(0, "a", "A", "A", 0, 0, 0, len(text), text, [], set(), set(), 0.0, 0.0)
    first = min(quantity_mentions(u, text), key=lambda m: m.start)
    assert first.low == pytest.approx(low), written
