"""Dedupe: copies collapse to their original, wire credits give an origin, same-event articles stay apart."""

from __future__ import annotations

import json
import random

from conftest import eval_path
from newsprism.dedupe import dedupe, origin_key, wire_origin
from newsprism.model import Article


def _ecb_articles(n_topics: int = 6) -> list[Article]:
    rows = [json.loads(line) for line in eval_path("ecbplus", "dev.jsonl").open()]
    rows = [r for r in rows if r["topic"] <= n_topics and len(r["text"].split()) > 120]
    out = []
    for r in rows:
        text = r["text"].split("\n", 1)[1] if r["url"] else r["text"]
        out.append(Article(id=r["id"], text=text.replace("\n", "\n\n")))
    return out


def test_wire_origin_from_credits():
    assert wire_origin(Article(id="a", text="x", credits=["This story was reported by The Associated Press."])) == "AP"
    assert wire_origin(Article(id="b", text="x", credits=["Washington Post"])) == "Washington Post"
    assert wire_origin(Article(id="c", text="x", credits=["Reuters"], outlet="Reuters")) is None
    # Staff reporting that used wire material is still the outlet's own story.
    assert wire_origin(Article(id="d", text="x", credits=["With files from Reuters and the Associated Press"])) is None
    assert wire_origin(Article(id="e", text="x", credits=["Apple"])) is None


def test_perturbed_copies_are_found_and_distinct_articles_are_not():
    rng = random.Random(7)
    originals = _ecb_articles()
    assert len(originals) >= 20
    copies = []
    for n, art in enumerate(originals[:20]):
        paras = art.text.split("\n\n")
        kind = n % 4
        if kind == 0:  # dropped paragraph
            paras = paras[:-1] if len(paras) > 3 else paras
        elif kind == 1:  # added boilerplate and a new headline
            paras = ["Subscribe to our newsletter for breaking news."] + paras + ["Share this article."]
        elif kind == 2:  # light edits
            paras = [p.replace(" said ", " says ", 1) for p in paras]
        else:  # reordered paragraphs after the lead
            rest = paras[1:]
            rng.shuffle(rest)
            paras = paras[:1] + rest
        copies.append(Article(id=f"copy-{art.id}", text="\n\n".join(paras), outlet=f"reprint{n}"))
    result = {a.id: a for a in dedupe(originals + copies)}
    found = sum(result[f"copy-{a.id}"].duplicate_of == a.id for a in originals[:20])
    assert found >= 19
    false_alarms = [a.id for a in originals if result[a.id].duplicate_of is not None]
    # Different articles on the same event (hard negatives) must not be merged.
    assert len(false_alarms) <= 1, false_alarms


def test_copies_share_one_origin():
    text = "Officials said the bridge would reopen on Monday after repairs. " * 20
    a = Article(id="ap", text=text, outlet="AP News", credits=["Associated Press"], published="2023-01-02")
    b = Article(id="paper", text=text + " Subscribe now.", outlet="Daily Bugle", published="2023-01-03")
    by_id = {x.id: x for x in dedupe([b, a])}
    assert by_id["paper"].duplicate_of == "ap"
    assert origin_key(by_id["paper"], by_id) == origin_key(by_id["ap"], by_id)
