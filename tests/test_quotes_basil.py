"""Speaker-accuracy floor on BASIL DEV (skips when ../shared/eval is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEV = EVAL / "basil" / "dev.jsonl"


@pytest.mark.slow
def test_basil_speaker_accuracy_floor() -> None:
    if not DEV.exists():
        pytest.skip(f"BASIL eval data not found at {DEV} (expected ../shared/eval relative to the repo root)")
    from newsprism.analyze import analyze
    from newsprism.analyze.quote_eval import PredQuote, load_basil, score

    arts, gold = load_basil(DEV)
    res = analyze(arts, cross_article=False)
    pred = [PredQuote(q.article, q.start, q.end, q.speaker, q.role) for a in res.values() for q in a.quotes]
    s = score(gold, pred)
    assert s["recall"] >= 0.90, s
    # floors a few points under the measured values (benchmarks/quotes.md: 0.992 / 0.652 / 0.856)
    assert s["person_speaker_accuracy"] >= 0.93, s
    assert s["speaker_accuracy"] >= 0.60, s
    assert s["member_accuracy"] >= 0.80, s


def test_name_match() -> None:
    from newsprism.analyze.quote_eval import is_person_label, name_match

    assert name_match("Barack Obama", "Obama") and not name_match("Mitt Romney", "Barack Obama")
    assert not is_person_label("Democratic lawmakers") and is_person_label("Mike Pence")


def test_member_match_uses_only_what_the_prediction_says() -> None:
    from newsprism.analyze.quote_eval import member_match

    assert member_match("Chris Coons", "Fellow Democratic Sen.", "Democratic lawmakers")
    assert member_match("Chuck Schumer", "Senate minority leader, D-N.Y.", "Democratic lawmakers")
    assert member_match("Lis Smith", "spokeswoman for the Obama campaign", "Obama campaign")
    assert member_match("Jon Bruning", "Nebraska Attorney General", "Nebraska officials")
    # no role evidence, wrong party, wrong chamber, or a person label: no match
    assert not member_match("Chuck Schumer", "Senate minority leader", "Democratic lawmakers")
    assert not member_match("Mitt Romney", "Sen., R-Utah", "Democratic lawmakers")
    assert not member_match("Kurt Schrader", "Representative of Oregon", "House Democrats")
    assert not member_match("Barney Frank", "Representative, Democrat of Massachusetts", "senate Democrats")
    assert not member_match("Joe Biden", "Democratic vice president", "Mike Pence")
