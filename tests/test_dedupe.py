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


# ---------------------------------------------------------------- streaming window, passages, restore
def _demo_articles() -> list[Article]:
    from conftest import DEMO
    from newsprism.api import clean

    return clean(sorted(DEMO.iterdir()))


def _mutated_stream(n: int, seed: int = 3) -> list[str]:
    """Distinct articles made from the demo corpus: real words and lengths, one word in four replaced."""
    rng = random.Random(seed)
    bases = [a.text for a in _demo_articles()]
    vocab = sorted({w for t in bases for w in t.split()})
    out = []
    for _ in range(n):
        words = rng.choice(bases).split(" ")[: rng.randrange(150, 400)]
        for j in range(0, len(words), 4):
            words[j + rng.randrange(min(4, len(words) - j))] = rng.choice(vocab)
        out.append(" ".join(words))
    return out


def test_stream_window_stays_bounded_and_finds_recent_copies():
    from newsprism.dedupe import Deduper

    texts = _mutated_stream(2000)
    dd = Deduper(window=300)
    shapes = (dd.index.sig.shape, dd.index.keys.shape, dd.index.head.shape)
    rng = random.Random(1)
    found = copies = false_links = stale = 0
    for i, text in enumerate(texts):
        art = dd.add(Article(id=f"s{i}", text=text))
        false_links += art.duplicate_of is not None
        if i >= 100 and i % 10 == 0:  # a copy (boilerplate, a dropped sentence) of an article still live
            j = rng.randrange(max(0, i - 250), i)
            copy = dd.add(Article(id=f"c{i}", text="Advertisement. " + texts[j].replace(".", "", 1) + " Share this."))
            copies += 1
            found += copy.duplicate_of == f"s{j}"
        if i >= 1000 and i % 50 == 0:  # an exact copy of an article that left the window is not matched
            stale += dd.add(Article(id=f"old{i}", text=texts[i - 900])).duplicate_of is not None
        assert len(dd) <= 300 and len(dd.index.digests) <= 300
    assert len(dd) == 300
    assert (dd.index.sig.shape, dd.index.keys.shape, dd.index.head.shape) == shapes  # nothing grew
    assert found == copies and copies >= 180
    assert false_links == 0 and stale == 0


def test_restored_window_decides_like_the_original():
    from newsprism.dedupe import Deduper

    texts = _mutated_stream(600, seed=9)
    a, b = Deduper(window=200), Deduper(window=200)
    for i, t in enumerate(texts[:400]):
        a.add(Article(id=f"s{i}", text=t))
    for e in a.entries():  # what a store persists and reloads
        b.restore(e)
    rng = random.Random(4)
    for i, t in enumerate(texts[400:], start=400):
        src = texts[rng.randrange(150, i)]
        for dd in (a, b):
            dd.add(Article(id=f"s{i}", text=t))
            dd.add(Article(id=f"c{i}", text=src + " Subscribe now."))
    assert [(e.id, e.root) for e in a.entries()] == [(e.id, e.root) for e in b.entries()]
    assert any(e.root != e.id for e in a.entries())


def test_local_rewrite_over_an_agency_body_gets_the_agency_origin():
    from newsprism.dedupe import Deduper

    arts = {a.id: a for a in _demo_articles()}
    ap = next(a for a in arts.values() if a.origin == "AP" or wire_origin(a) == "AP")
    other = next(a for a in arts.values() if a is not ap and wire_origin(a) is None)
    ap_paras = [p for p in ap.text.split("\n\n") if len(p.split()) > 15]
    own_paras = [p for p in other.text.split("\n\n") if len(p.split()) > 15]
    # A local paper's own top (four paragraphs) over the middle of the AP story.
    local_text = "\n\n".join(own_paras[:4] + ap_paras[3:10])
    dd = Deduper()
    for a in arts.values():
        dd.add(Article(id=a.id, text=a.text, outlet=a.outlet, credits=a.credits))
    local = dd.add(Article(id="local", text=local_text, outlet="Springfield Courier"))
    assert local.duplicate_of is None  # its own story, not a copy ...
    assert local.origin == "AP"  # ... but its body is AP's
    # A second local paper with the same syndicated top but another stretch of the AP story: the
    # credited wire is the likelier common source than the first local paper.
    second = dd.add(Article(id="local2", text="\n\n".join(own_paras[:4] + ap_paras[10:17]), outlet="Gazette"))
    assert second.duplicate_of is None and second.origin == "AP"
    # Same-event articles from other outlets share quotes, not passages: no origin is invented.
    hard = [
        dd.add(
            Article(
                id=f"again-{a.id}", text=a.text + "\n\nA new closing paragraph about the visit.", outlet="Other Paper"
            )
        )
        for a in arts.values()
        if a.id == other.id
    ]
    assert hard[0].duplicate_of == other.id and hard[0].origin is None


def test_stored_dedupe_window_resumes_across_runs(tmp_path):
    import sqlite3
    from pathlib import Path

    from conftest import DEMO
    from newsprism import api

    db = tmp_path / "news.db"
    api.ingest([DEMO], db, embedder="hash")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM dedupe_index").fetchone()[0] == 5
    ap_file = next(p for p in sorted(DEMO.iterdir()) if "reported by The Associated Press" in p.read_text())
    ap_id = conn.execute("SELECT id FROM articles WHERE source LIKE ?", (f"%{ap_file.name}",)).fetchone()[0]

    def reprint(name: str, footer: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "reprint.txt").write_text(ap_file.read_text() + f"\n\n{footer}\n", encoding="utf-8")
        return folder

    # A later run: the new copy is checked against the articles stored by the first run.
    api.ingest([reprint("day2", "Subscribe to the Daily Ledger for more.")], db, embedder="hash")
    row = conn.execute("SELECT duplicate_of, origin FROM articles WHERE source LIKE '%day2%'").fetchone()
    assert row == (ap_id, "AP")
    # A store from before the table (no rows): the window is re-hashed from the text, and written back.
    conn.execute("DELETE FROM dedupe_index")
    conn.commit()
    api.ingest([reprint("day3", "Follow the Evening Star on social media.")], db, embedder="hash")
    row = conn.execute("SELECT duplicate_of, origin FROM articles WHERE source LIKE '%day3%'").fetchone()
    assert row == (ap_id, "AP")
    assert conn.execute("SELECT count(*) FROM dedupe_index").fetchone()[0] == 7
    conn.close()


def test_demo_corpus_marks_the_ap_article():
    from conftest import DEMO

    by_name = {a.source.rsplit("/", 1)[-1]: a for a in dedupe(_demo_articles())}
    ap = [n for n, a in by_name.items() if a.origin == "AP"]
    assert ap == [p.name for p in sorted(DEMO.iterdir()) if "reported by The Associated Press" in p.read_text()]
    assert all(a.duplicate_of is None for a in by_name.values())  # five outlets, five reports
