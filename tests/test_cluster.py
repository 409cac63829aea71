"""Streaming story clustering: demo corpus, determinism, user labels, similar events, bounded pool."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

from newsprism.analyze.embed import get_embedder
from newsprism.cluster import StoryClusterer, cheap_entities, cluster, story_id_for
from newsprism.model import Article

DEMO = Path(__file__).resolve().parents[1] / "examples" / "xi-moscow-2023"


def demo_articles() -> list[Article]:
    out = []
    for p in sorted(DEMO.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        title = next(line.strip() for line in text.splitlines() if line.strip())
        out.append(Article(id=p.stem, title=title, text=text))
    return out


def quake(i: int, place: str, mag: str, day: str, extra: str) -> Article:
    return Article(
        id=f"{place}-{day}-{i}",
        title=f"Magnitude {mag} earthquake strikes {place}",
        text=(
            f"A magnitude {mag} earthquake struck near {place} on {day}, the Indonesian Meteorology Agency said. "
            f"{extra} Rescue teams from Jakarta were sent to the area, officials said."
        ),
        published=day,
    )


def test_demo_articles_form_one_story():
    arts = demo_articles()
    assert len(arts) == 5
    stories = cluster(arts)  # default embedder: minilm
    assert len(stories) == 1
    assert sorted(stories[0].articles) == sorted(a.id for a in arts)
    assert stories[0].id == story_id_for(stories[0].articles[0])


def test_deterministic_for_a_given_order():
    arts = demo_articles() + [
        quake(i, "Sumatra", "6.1", "2024-03-02", "Buildings collapsed in Padang.") for i in range(3)
    ]
    e = get_embedder("hash")
    a = [(s.id, s.articles, s.title) for s in cluster(arts, embedder=e)]
    b = [(s.id, s.articles, s.title) for s in cluster(list(arts), embedder=e)]
    assert a == b
    ids = {s.id for s in cluster(arts[::-1], embedder=e)}
    assert all(i.startswith("story-") for i in ids)


def test_two_similar_events_stay_apart():
    """Same region, same kind of event, a year apart and with different places and magnitudes."""
    e = get_embedder("hash")
    first = [quake(i, "Padang", "7.6", "2009-09-30", "Hundreds died in West Sumatra province.") for i in range(3)]
    second = [quake(i, "Mentawai", "7.7", "2010-10-25", "A tsunami hit the Mentawai islands.") for i in range(3)]
    arts = [first[0], second[0], first[1], second[1], first[2], second[2]]
    got = sorted(sorted(s.articles) for s in cluster(arts, embedder=e))
    assert got == sorted([sorted(a.id for a in first), sorted(a.id for a in second)])


def test_user_story_labels_are_kept():
    arts = demo_articles()
    arts[0].story = "mine"
    arts[3].story = "mine"
    arts[4].story = "other"
    stories = {s.id: s for s in cluster(arts, embedder=get_embedder("hash"))}
    assert {"mine", "other"} <= set(stories)
    assert {arts[0].id, arts[3].id} <= set(stories["mine"].articles)
    assert arts[4].id in stories["other"].articles and arts[0].id not in stories["other"].articles


def test_stream_api_and_bounded_pool():
    retired = []
    c = StoryClusterer(embedder=get_embedder("hash"), max_active=3, merge_every=2, on_retire=retired.append)
    for i in range(8):
        sid = c.add(
            Article(
                id=f"a{i}", title=f"Topic{i} Alpha{i}", text=f"Unrelated{i} report number {i * 7919} about Thing{i}."
            )
        )
        assert sid == c.resolve(sid)
    assert len(c._by_id) <= 3 and retired
    every = [a for s in retired + c.stories() for a in s.articles]
    assert sorted(every) == sorted(f"a{i}" for i in range(8))


def test_cheap_entities():
    ents = cheap_entities(
        "Fire crews said the fire at the Waitrose store in Banstead, Surrey, broke out at 20:45 on Friday. "
        "The 6.1 magnitude quake hit Qeshm Island in 2005."
    )
    assert {"waitrose", "banstead", "surrey", "qeshm", "#6.1", "#2005"} <= set(ents)
    assert "fire" not in ents and "the" not in ents and "friday" not in ents


@pytest.mark.parametrize("bad", [Article(id="empty", text=""), Article(id="ws", text="   \n ")])
def test_empty_articles_do_not_crash(bad):
    stories = cluster([bad], embedder=get_embedder("hash"))
    assert [s.articles for s in stories] == [[bad.id]]


def fight(i: int, rival: str, venue: str, town: str, promoter: str, record: str) -> Article:
    return Article(
        id=f"{rival}-{i}",
        text=(
            f"Klitschko beat {rival} at the {venue} in {town} to keep his IBF heavyweight title. "
            f"{promoter} promoted the bout, and Klitschko is now {record}. Ringside report {i}."
        ),
    )


RAHMAN = ("Rahman", "Sapphire Arena", "Mannheim", "Ulrich Kessler", "52-3")
THOMPSON = ("Thompson", "Stade Suisse", "Bern", "Bernd Boente", "58-3")


def test_split_separates_two_fused_lookalike_events():
    """A story that fused two fights of one boxer splits along the names that differ."""
    a = [fight(i, *RAHMAN) for i in range(4)]
    b = [fight(i, *THOMPSON) for i in range(4)]
    c = StoryClusterer(embedder=get_embedder("hash"), threshold=-1.0, cohesion_ratio=0.0, settle_every=0, merge_every=0)
    for art in [x for pair in zip(a, b, strict=True) for x in pair]:
        c.add(art)
    assert len(c.stories()) == 1  # fused on purpose
    c.p = dataclasses.replace(c.p, cohesion_ratio=0.45)
    assert c.split() == 1
    c.merge()  # the merge test agrees with the split: no re-merge
    got = sorted(sorted(s.articles) for s in c.stories())
    assert got == sorted([sorted(x.id for x in a), sorted(x.id for x in b)])


def two_fights() -> tuple[list[Article], list[Article], StoryClusterer]:
    a = [fight(i, *RAHMAN) for i in range(3)]
    b = [fight(i, *THOMPSON) for i in range(3)]
    c = StoryClusterer(embedder=get_embedder("hash"), settle_every=0)
    for art in a + b:
        c.add(art)
    c.merge()
    return a, b, c


@pytest.mark.parametrize("misplace", ["member", "lone"])
def test_refine_moves_a_misplaced_report_back(misplace: str):
    """A report in the look-alike event's story, or left alone (its event's story was too small and
    tight when it arrived), rejoins its own event on refinement."""
    a, b, c = two_fights()
    by = {s.articles[0].split("-")[0]: c._by_id[s.id] for s in c.stories()}
    assert set(by) == {"Rahman", "Thompson"}
    if misplace == "member":
        c._move(by["Thompson"], 0, by["Rahman"])
    else:
        assert c._split_off(by["Thompson"], [2]) is not None
        assert len(c.stories()) == 3
    assert c.refine() >= 1
    got = sorted(sorted(s.articles) for s in c.stories())
    assert got == sorted([sorted(x.id for x in a), sorted(x.id for x in b)])


def test_entity_vocabulary_stays_bounded():
    """Names that recur (so none is 'seen once') must not make every later article re-prune the vocabulary."""
    c = StoryClusterer(embedder=get_embedder("hash"), max_vocab=40, settle_every=0)
    for i in range(60):
        c.add(Article(id=f"v{i}", text=f"Name{i // 2}a met Name{i // 2}b and Name{i // 2}c in Town{i // 2}."))
        assert len(c._df) <= 40
    assert len(c._df) >= 20  # pruning keeps the frequent half, it does not empty the table


def test_reweigh_uses_the_idf_of_everything_seen():
    """Early members were weighed on a young IDF; ``reweigh`` re-weights them (``cluster()`` does it before settling)."""
    c = StoryClusterer(embedder=get_embedder("hash"), settle_every=0, merge_every=0, refresh_until=0)
    arts = [fight(i, *RAHMAN) for i in range(3)] + [fight(i, *THOMPSON) for i in range(3)]
    for art in arts:
        c.add(art)
    first = next(s for s in c._slots if s is not None and arts[0].id in s.members)
    k = first.members.index(arts[0].id)
    stale = dict(first.member_evs[k])
    assert stale != c._ent_vec(first.member_ents[k])  # the IDF moved since the first article
    c.reweigh()
    for s in (x for x in c._slots if x is not None):
        for ents, ev in zip(s.member_ents, s.member_evs, strict=True):
            assert ev == c._ent_vec(ents)
        assert s.ent_sum.keys() == {t for ev in s.member_evs for t in ev}


def test_faiss_backend_finds_the_same_neighbours_as_numpy():
    """Both nearest-neighbour backends are exact: same rows, same order, dead rows never returned."""
    import numpy as np

    from newsprism import registry

    pytest.importorskip("faiss", reason="faiss-cpu is an optional extra (pip install 'newsprism[faiss]')")
    rng = np.random.default_rng(3)
    cent = rng.standard_normal((500, 32)).astype(np.float32)
    cent /= np.linalg.norm(cent, axis=1, keepdims=True)
    live = rng.random(500) > 0.3  # dead rows keep their stale vectors, as a pool's dropped slots do
    few = np.zeros(500, dtype=bool)
    few[:7] = True  # a young pool: fewer live rows than k, some with negative similarity
    np_nn, fa_nn = registry.get("nn", "numpy"), registry.get("nn", "faiss")
    for mask in (live, few):
        for q in [*cent[mask][:20], *-cent[mask][:3]]:
            a, sa = np_nn(cent, mask, q, 20)
            b, sb = fa_nn(cent, mask, q, 20)
            assert a == b and all(mask[j] for j in b) and len(b) == min(20, int(mask.sum()))
            assert all(abs(float(sa[j]) - sb[j]) < 1e-5 for j in b)
    assert fa_nn(cent, np.zeros(500, dtype=bool), cent[0], 5) == ([], {})


def test_cluster_with_faiss_matches_numpy():
    pytest.importorskip("faiss", reason="faiss-cpu is an optional extra (pip install 'newsprism[faiss]')")
    arts = [fight(i, *RAHMAN) for i in range(4)] + [fight(i, *THOMPSON) for i in range(4)] + demo_articles()
    e = get_embedder("hash")
    a = [(s.id, s.articles) for s in cluster(arts, embedder=e)]
    b = [(s.id, s.articles) for s in cluster(arts, embedder=e, nn="faiss")]
    assert a == b and len(a) == 3


def test_nn_default_comes_from_cluster_params(monkeypatch):
    """ClusterParams.nn is the one default: api.cluster(nn=None) and the CLI's --nn defer to it."""
    import inspect

    from click.testing import CliRunner

    from newsprism import api
    from newsprism.cli import main
    from newsprism.cluster import ClusterParams

    assert inspect.signature(api.cluster).parameters["nn"].default is None
    seen: list[dict] = []

    def spy(articles, embedder=None, **params):
        seen.append(params)
        return cluster(articles, embedder=embedder, **params)

    monkeypatch.setattr(sys.modules["newsprism.cluster"], "cluster", spy)  # the package binds the name to the function
    arts = demo_articles()
    assert len(api.cluster(arts, embedder="hash")) == 1 and seen[-1] == {}  # None: the params default
    assert len(api.cluster(arts, embedder="hash", nn="numpy")) == 1 and seen[-1] == {"nn": "numpy"}
    with pytest.raises(KeyError, match="unknown nn backend 'nope'"):
        api.cluster(arts, embedder="hash", nn="nope")
    res = CliRunner().invoke(main, ["cluster", "--help"])
    assert res.exit_code == 0 and f"[default: {ClusterParams().nn}]" in res.output
    res = CliRunner().invoke(main, ["cluster", str(DEMO), "--embedder", "hash"])
    assert res.exit_code == 0, res.output
    assert seen[-1] == {"nn": ClusterParams().nn}


def test_api_and_cli_pass_nn_faiss_through(monkeypatch):
    pytest.importorskip("faiss", reason="faiss-cpu is an optional extra (pip install 'newsprism[faiss]')")
    from click.testing import CliRunner

    from newsprism import api
    from newsprism.cli import main

    seen: list[dict] = []

    def spy(articles, embedder=None, **params):
        seen.append(params)
        return cluster(articles, embedder=embedder, **params)

    monkeypatch.setattr(sys.modules["newsprism.cluster"], "cluster", spy)  # the package binds the name to the function
    a = [(s.id, s.articles) for s in api.cluster(demo_articles(), embedder="hash", nn="faiss")]
    assert seen[-1] == {"nn": "faiss"} and len(a) == 1
    res = CliRunner().invoke(main, ["cluster", str(DEMO), "--embedder", "hash", "--nn", "faiss"])
    assert res.exit_code == 0, res.output
    assert seen[-1] == {"nn": "faiss"} and len({json.loads(line)["story"] for line in res.output.splitlines()}) == 1


def test_numpy_backend_matmul_variant_finds_the_same_rows():
    """The ``@`` variant kept for benchmarks/bench_nn.py --matmul agrees with the default einsum search."""
    import numpy as np

    from newsprism import registry

    rng = np.random.default_rng(5)
    cent = rng.standard_normal((300, 16)).astype(np.float32)
    live = rng.random(300) > 0.3
    ein, mm = registry.get("nn", "numpy"), registry.get("nn", "numpy", matmul=True)
    for q in cent[:20]:
        assert ein(cent, live, q, 20)[0] == mm(cent, live, q, 20)[0]


def _big_story_stream(n: int) -> list[Article]:
    """Few (place, event) stories, each reported many times: the stories grow big."""
    import random

    rng = random.Random(3)
    places = ["Northgate", "Port Elin", "Valmora", "Kestrel Bay", "Ashford", "Lindholm"]
    events = ["a flood barrier", "a new tram line", "repairs to the pier", "a school expansion"]
    out = []
    for i in range(n):
        place, event = rng.choice(places), rng.choice(events)
        body = " ".join(f"Officials in {place} approved {event} on Monday, report {i}-{k} said." for k in range(4))
        out.append(Article(id=f"b{i}", title=f"{place} approves {event}", text=body, published="2024-03-04"))
    return out


def test_refinement_budget_bounds_the_rescores_of_big_stories(monkeypatch: pytest.MonkeyPatch):
    """A periodic settle re-scores at most about ``refine_budget`` members, however big the stories are."""
    counts: list[int] = []
    real = StoryClusterer._better_story

    def counting(self, st, k):
        counts[-1] += 1
        return real(self, st, k)

    monkeypatch.setattr(StoryClusterer, "_better_story", counting)
    real_refine = StoryClusterer.refine

    def per_pass(self, *a, **kw):
        counts.append(0)
        return real_refine(self, *a, **kw)

    monkeypatch.setattr(StoryClusterer, "refine", per_pass)
    arts = _big_story_stream(1200)
    per_budget = {}
    for budget in (0, 60):
        counts.clear()
        c = StoryClusterer(embedder=get_embedder("hash"), settle_every=100, refine_budget=budget)
        for a in arts:
            c.add(a)
        per_budget[budget] = list(counts)
        stories = len(c.stories())
        assert 5 <= stories <= 60, stories
    late = slice(5, None)  # once the stories are big
    assert max(per_budget[60][late]) <= 60 + 30  # each touched story rounds its share up: at most +1 each
    assert sum(per_budget[0][late]) > 2 * sum(per_budget[60][late])
