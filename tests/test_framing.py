"""Per-outlet framing: loaded wording charged to the outlet that chose it, never a quoted speaker's."""

from __future__ import annotations

from newsprism.model import Article, Story
from newsprism.synthesize import synthesize
from newsprism.synthesize.align import align, build_facts
from newsprism.synthesize.framing import _inside_quotes, framing, loaded_count


def _story(texts: dict[str, str]) -> tuple[list[Article], dict[str, list[tuple[str, str]]]]:
    arts = [Article(id=f"a{i}", text=t, title=f"Budget vote {i}", outlet=o) for i, (o, t) in enumerate(texts.items())]
    brief = synthesize(Story("s", [a.id for a in arts]), arts, {}, None)
    return arts, {f.outlet: [(t.text, t.note) for t in f.terms] for f in brief.framing}


BASE = (
    "The Senate passed the budget bill on Tuesday by a vote of 51 to 49. "
    "The measure funds the government through September. "
    "Senator Jane Miller {verb} that the bill would cut the deficit by $40 billion. "
    "The House is expected to take up the bill next week."
)


def test_attribution_verb_only_this_outlet_uses_is_charged_and_said_is_not():
    arts, terms = _story(
        {
            "fox": BASE.format(verb="insisted"),
            "nyt": BASE.format(verb="said"),
            "hpo": BASE.format(verb="said"),
        }
    )
    fox = [t for t, _ in terms["fox"]]
    assert fox == ["insisted"]
    note = dict(terms["fox"])["insisted"]
    assert "only this outlet" in note and 'others write "said"' in note
    assert terms["nyt"] == [] and terms["hpo"] == []


def test_attribution_verb_every_outlet_uses_is_not_one_outlets_framing():
    _, terms = _story({o: BASE.format(verb="insisted") for o in ("fox", "nyt", "hpo")})
    assert all(v == [] for v in terms.values())


def test_loaded_label_is_charged_even_when_others_use_it_too():
    text = BASE.format(verb="said") + " The plan is a sham."
    _, terms = _story({"fox": text, "nyt": text})
    assert [t for t, _ in terms["fox"]] == ["sham"] and [t for t, _ in terms["nyt"]] == ["sham"]


def test_neutral_words_are_not_flagged():
    text = (
        "Officials said the new support package was announced on Monday. The minister told reporters that "
        "the plan would help farmers and added that talks will continue next week."
    )
    _, terms = _story({"fox": text, "nyt": text.replace("Monday", "Tuesday")})
    assert terms == {"fox": [], "nyt": []}


def test_quoted_words_are_the_speakers_not_the_outlets():
    quoted = BASE.format(verb="said") + ' Miller said the opposition plan was "a disastrous sham."'
    # a quote that runs on into the next paragraph stays open in this one and is still quoted
    open_para = (
        BASE.format(verb="said")
        + "\n\n“The regime of waste is over, and the reckless spending ends.\n\n“We did it,” she said."
    )
    _, terms = _story({"fox": quoted, "nyt": open_para, "hpo": BASE.format(verb="said")})
    assert terms["fox"] == [] and terms["nyt"] == []


def test_open_quote_runs_to_the_end_of_its_paragraph_only():
    text = "He said: “This is a disaster.\n\nThe bill is reckless, critics wrote."
    spans = _inside_quotes(text)
    assert any(s <= text.index("disaster") < e for s, e in spans)
    assert not any(s <= text.index("reckless") < e for s, e in spans)


def test_inflections_and_compounds_of_lexicon_words():
    text = BASE.format(verb="said") + " The gaffe-prone senator was accused of botching the rollout."
    _, terms = _story({"fox": text, "nyt": BASE.format(verb="said")})
    assert {t for t, _ in terms["fox"]} == {"gaffe-prone", "botching"}


def test_noun_claims_is_not_an_attribution_verb():
    text = BASE.format(verb="said") + " The group disputed claims of fraud, and despite claims from rivals it won."
    _, terms = _story({"fox": text, "nyt": BASE.format(verb="said")})
    assert terms["fox"] == []


def test_single_outlet_story_keeps_lexicon_attribution_verbs():
    _, terms = _story({"fox": BASE.format(verb="insisted")})
    assert [t for t, _ in terms["fox"]] == ["insisted"]


def test_threshold_is_an_operating_point():
    arts = [
        Article(id="a0", text=BASE.format(verb="insisted") + " It was a sham.", title="t", outlet="fox"),
        Article(id="a1", text=BASE.format(verb="said") + " It was a sham.", title="t", outlet="nyt"),
    ]
    al = align(arts, {}, None)
    facts, fact_units = build_facts(al, loaded_count)
    loose = {f.outlet: [t.text for t in f.terms] for f in framing(al, arts, facts, fact_units, threshold=1)}
    strict = {f.outlet: [t.text for t in f.terms] for f in framing(al, arts, facts, fact_units, threshold=3)}
    assert loose == {"fox": ["insisted", "sham"], "nyt": ["sham"]}
    assert strict == {"fox": ["insisted"], "nyt": []}


def test_plain_senses_of_lexicon_words_are_not_framing():
    """NeuS DEV sample (45 reported terms read by hand, 18 not the outlet's wording): a cave rescue and a
    pipeline hack are things; 'reckless homicide' is a charge and 'the lawsuit alleges' its wording;
    'allegedly' is crime reporting's hedge; 'was troubled by' reports a feeling; 'painting him as reckless'
    reports others' words; stocks 'fell sharply'; 'contends with' is no saying verb. The loaded senses stay."""
    plain = (
        "Rescuers resumed the Thai cave rescue after a pipeline hack upended the gas market. "
        "The suspect allegedly shot three people and is charged with first-degree reckless homicide. "
        "The lawsuit alleges that the network aired false claims. "
        "The officer was deeply troubled by the demand. "
        "Rivals were united in painting the mayor as reckless, and critics call the plan a sham. "
        "Stocks fell sharply on Wednesday as the mayor contends with scrutiny. "
        "The hospital had trouble keeping up after the alarm was raised, and the mayor expressed shock. "
        "The group claimed responsibility for the bitterly cold night's blackout, and its plan would sharply "
        "reduce spending; one member had a dangerous weapon."
    )
    loaded = (
        "The mayor caved to pressure from a political hack. "
        "The reckless mayor insisted, and Miller sharply criticized the troubled plan. Miller slams a troubling deal."
    )
    base = BASE.format(verb="said")
    _, terms = _story({"fox": base + " " + plain, "nyt": base})
    assert terms["fox"] == [], terms["fox"]
    _, terms = _story({"fox": base + " " + loaded, "nyt": base})
    assert {t for t, _ in terms["fox"]} == {
        "caved",
        "hack",
        "reckless",
        "insisted",
        "sharply",
        "troubled",
        "slams",
        "troubling",
    }


VOTER_ID = {
    "Alpha": "Judge blocks new voter ID law in Texas.\n\nA federal judge on Tuesday blocked Texas from enforcing its "
    "new voter identification law, ruling that it discriminates against minority voters. The state will appeal "
    "the ruling, the attorney general said.",
    "Beta": "Judge blocks Texas voter ID law.\n\nA federal judge blocked the state's new voter identification "
    "requirement on Tuesday, siding with civil rights groups. The state will appeal the ruling, Texas's attorney "
    "general said.",
    "Gamma": "Court bars Texas from requiring photo IDs at the polls.\n\nSaying the requirement burdens Black and "
    "Hispanic residents, a U.S. district court stopped officials from enforcing it this week.",
}


def test_an_outlet_whose_headline_says_the_same_in_other_words_omits_nothing_of_it():
    """Omission is a claim about an outlet: Gamma's headline states the event the others' headlines state (the
    embeddings agree, the words do not, so the alignment leaves it apart); Gamma does leave out the appeal."""
    from newsprism.analyze import analyze
    from newsprism.analyze.embed import get_embedder

    arts = [Article(id=o.lower(), text=t, outlet=o) for o, t in VOTER_ID.items()]
    brief = synthesize(Story("s", [a.id for a in arts]), arts, analyze(arts, nlp="regex"), get_embedder("minilm"))
    headline = next(k for k, f in enumerate(brief.facts) if f.text.startswith("Judge blocks"))
    appeal = next(k for k, f in enumerate(brief.facts) if "will appeal" in f.text)
    assert "gamma" not in brief.facts[headline].articles  # not aligned: the omission check has to see it
    omits = {fr.article: set(fr.omits) for fr in brief.framing}
    assert headline not in omits["gamma"]
    assert appeal in omits["gamma"]


def test_leaving_out_what_only_copies_of_one_wire_story_say_is_no_omission():
    """Two outlets running one AP story are one origin: a third outlet without its detail omits nothing that
    "most others" independently report; with two independent reports of the detail, it does."""
    base = "The city council approved a new budget of 12 million dollars on Monday after a long debate."
    detail = " Critics said the budget was far too small for the city's schools."
    other = "On Monday the city council approved a new budget of 12 million dollars after debate."

    def omitted(b_origin: dict) -> bool:
        arts = [
            Article(id="a", text=base + detail, outlet="AP", origin="AP"),
            Article(id="b", text=base + detail, outlet="Local Times", **b_origin),
            Article(id="c", text=other, outlet="Daily"),
        ]
        brief = synthesize(Story("s", ["a", "b", "c"]), arts, {}, None)
        k = next(k for k, f in enumerate(brief.facts) if f.text.startswith("Critics"))
        assert brief.facts[k].support == 2
        return k in next(fr for fr in brief.framing if fr.article == "c").omits

    assert not omitted({"duplicate_of": "a"})
    assert omitted({"origin": "Local Times"})
