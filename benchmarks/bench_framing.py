"""BASIL framing benchmark: newsprism's framing terms against the lexical-bias spans.

Why: BASIL annotators marked wording that carries bias ("lexical") in Fox / NYT / HuffPost
articles of the same 50 events. We run synthesis per event (the three articles as one
story, outlets given, ids opaque and shuffled) and match each framing term to a lexical
span by character overlap. Precision = terms overlapping some lexical span; recall =
lexical spans overlapped by some term. Quoted lexical spans are reported apart: newsprism
never charges an outlet with a quoted speaker's words, so it cannot find those by design.

Usage: .venv/bin/python benchmarks/bench_framing.py [--embedder hash|minilm] [--write-md]
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.model import Article, Story  # noqa: E402
from newsprism.synthesize import synthesize  # noqa: E402
from newsprism.synthesize.align import align, build_facts  # noqa: E402
from newsprism.synthesize.framing import THRESHOLD, framing, loaded_count  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "basil" / "dev.jsonl"
#: operating points reported: 1 = every hand-lexicon word (no contrast needed), 2 = the default,
#: 3 = only words no other outlet of the story uses
THRESHOLDS = (1, 2, 3)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _new() -> dict[str, int]:
    return {"terms": 0, "tp_terms": 0, "lex": 0, "found": 0, "lex_noquote": 0, "found_noquote": 0}


def _score(st: dict[str, int], terms: list[tuple[int, int]], gold: list[dict]) -> None:
    st["terms"] += len(terms)
    st["tp_terms"] += sum(1 for t in terms if any(overlap(t, (g["start"], g["end"])) for g in gold))
    for g in gold:
        hit = any(overlap(t, (g["start"], g["end"])) for t in terms)
        st["lex"] += 1
        st["found"] += hit
        if not g["quote"]:
            st["lex_noquote"] += 1
            st["found_noquote"] += hit


def _prf(st: dict[str, int]) -> dict[str, float]:
    p = st["tp_terms"] / max(1, st["terms"])
    r = st["found"] / max(1, st["lex"])
    return {
        "terms": st["terms"],
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / max(1e-9, p + r),
        "recall_unquoted": st["found_noquote"] / max(1, st["lex_noquote"]),
        "spans": st["lex"],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embedder", default="minilm")
    ap.add_argument("--nlp", default="regex")
    ap.add_argument("--write-md", action="store_true")
    args = ap.parse_args()
    if not EVAL.exists():
        sys.exit(f"BASIL data not found at {EVAL}")
    try:
        from newsprism.analyze import analyze
        from newsprism.analyze.embed import get_embedder

        embedder = get_embedder(args.embedder)
    except ImportError:
        analyze, embedder = None, None
    events: dict[str, list[dict]] = defaultdict(list)
    for line in EVAL.open(encoding="utf-8"):
        d = json.loads(line)
        events[d["event"]].append(d)
    # halves for choosing the operating point on one and checking it on the other: the parity of the
    # event's index among the sorted event ids (scorer side only; the system sees opaque shuffled ids)
    half = {ev: "A" if i % 2 == 0 else "B" for i, ev in enumerate(sorted(events))}
    rng = random.Random(7)
    keys = sorted(events)
    rng.shuffle(keys)
    default = {h: _new() for h in ("A", "B", "all")}
    points = {t: {h: _new() for h in ("A", "B", "all")} for t in THRESHOLDS}
    per_outlet: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    t0 = time.time()
    for k, ev in enumerate(keys):
        docs = events[ev]
        rng.shuffle(docs)
        arts = [
            Article(id=f"e{k}a{j}", text=d["text"], title=d["title"], outlet=d["outlet"], published=d["date"])
            for j, d in enumerate(docs)
        ]
        analyses = analyze(arts, nlp=args.nlp) if analyze else {}
        al = align(arts, analyses, embedder)
        brief = synthesize(Story(f"e{k}", [a.id for a in arts]), arts, analyses, embedder, alignment=al)
        facts, fact_units = build_facts(al, loaded_count)
        by_t = {t: framing(al, arts, facts, fact_units, threshold=t) for t in THRESHOLDS}
        for j, (art, d, fr) in enumerate(zip(arts, docs, brief.framing, strict=True)):
            assert fr.article == art.id == by_t[THRESHOLD][j].article
            gold = [b for b in d["bias_spans"] if b["bias"] == "lexical" and b["location"] == "body"]
            terms = [(sp.start, sp.end) for t in fr.terms for sp in t.spans]
            for h in (half[ev], "all"):
                _score(default[h], terms, gold)
                for t in THRESHOLDS:
                    _score(points[t][h], [(sp.start, sp.end) for x in by_t[t][j].terms for sp in x.spans], gold)
            per_outlet[d["outlet"]][0] += len(terms)
            per_outlet[d["outlet"]][1] += len(gold)
    secs = time.time() - t0
    res = {
        "events": len(keys),
        "default_threshold": THRESHOLD,
        "default": {h: _prf(v) for h, v in default.items()},
        "points": {t: {h: _prf(v) for h, v in pv.items()} for t, pv in points.items()},
        "seconds": secs,
        "per_outlet_terms_vs_gold": {k: v for k, v in sorted(per_outlet.items())},
        "embedder": getattr(embedder, "name", "fallback"),
    }
    res["best_on_A"] = max(THRESHOLDS, key=lambda t: res["points"][t]["A"]["f1"])
    res["best_on_B"] = max(THRESHOLDS, key=lambda t: res["points"][t]["B"]["f1"])
    print(json.dumps(res, indent=1))
    if args.write_md:
        write_md(res)


def write_md(res: dict) -> None:
    d, pts = res["default"], res["points"]
    po = ", ".join(f"{k}: {v[0]} terms / {v[1]} gold" for k, v in res["per_outlet_terms_vs_gold"].items())

    def row(name: str, m: dict) -> str:
        return (
            f"| {name} | {m['all']['terms']} | {m['all']['precision']:.3f} | {m['all']['recall']:.3f} | "
            f"**{m['all']['f1']:.3f}** | {m['all']['recall_unquoted']:.3f} | {m['A']['f1']:.3f} | {m['B']['f1']:.3f} |"
        )

    names = {
        1: "every hand-lexicon word (no contrast needed)",
        2: "loaded words; attribution verbs only when no other outlet uses them",
        3: "only words no other outlet of the story uses",
    }
    rows = "\n".join(row(f"threshold {t}: {names.get(t, '')}", pts[t]) for t in sorted(pts))
    md = f"""# Framing benchmark (BASIL DEV)

Run `.venv/bin/python benchmarks/bench_framing.py --write-md` (needs `../shared/eval/basil`).
Data: BASIL DEV, {res["events"]} events × Fox / NYT / HuffPost, {d["all"]["spans"]} lexical-bias spans in article bodies.
The system gets only the article fields (opaque ids `e<k>a<j>`, events and articles shuffled), one story per event.
A framing term counts as correct when it overlaps a lexical span (characters); a span counts as found when a term overlaps it.
Halves A / B: the events by the parity of their index among the sorted event ids (A even, B odd); the
operating point is chosen on A and checked on B.

- machine: {platform.machine()} / {platform.system()} {platform.release()}, Python {platform.python_version()}
- date: {datetime.date.today().isoformat()}
- embedder: `{res["embedder"]}`; {res["seconds"]:.0f} s for all events (every operating point)

| system | terms | precision | recall | F1 | recall, unquoted spans only | F1 half A | F1 half B |
|---|---|---|---|---|---|---|---|
{row(f"**newsprism framing, default (threshold {res['default_threshold']})**", d)}
{rows}
| before: previous commit `b624c1a` (default, threshold 2; run 2026-12-02 on this machine) | 204 | 0.167 | 0.139 | 0.152 | 0.186 | 0.189 | 0.121 |
| before that: commit `85eacce` (same lexicon, every word; rerun 2026-12-02 on this machine, halves from the same alignments) | 216 | 0.139 | 0.123 | 0.130 | 0.153 | 0.183 | 0.091 |

Best threshold by F1 on half A: **{res["best_on_A"]}** (on half B: {res["best_on_B"]}).
Per outlet (default): {po}.

## How it works, and what changed
Each candidate word gets a score: a loaded label, evaluative word, editorialising adverb or phrase of the hand
lexicons 2, a loaded attribution verb 1; +1 when no other outlet of the story uses the word (by stem) anywhere,
+1 more when the other outlets state the same aligned fact without it (notes say which, e.g. others write "said").
A story with a single outlet has nothing to contrast with, so there every lexicon word gets the +1. Terms scoring at
least the threshold are reported.

Latest change (2026-12-03): plain senses of lexicon words, found by reading reported terms outside BASIL (below).
A cave rescue and a pipeline hack are things ("hack" is a label only after "a"/"political"/"partisan"…);
"allegedly" is crime reporting's hedge, and "the lawsuit alleges" / "the indictment alleged" / "the alleged abuse"
are a charge's words ("he continued to allege" stays); "reckless homicide" and "recklessly endangering" are charges;
"was troubled by" reports a feeling; "painting the president as reckless", "condemning them as racist" and
"measures the IMF has called draconian" report someone else's characterisation; prices "fell sharply";
"contends with" is no saying verb; "her more salacious claims" is a noun. The stem of an evaluative "-ing" adjective
("troubling", "alarming", "shocking") now matches only its verb forms ("alarmed", "troubled"), not the bare noun
("trouble", "the alarm", "expressed shock"); a line break had split "scandal-plagued" into "scandal-" and "plagued"
(so "plaguing" matched); "slams" matches "slammed" (its stem "slamm" lost the doubled consonant); and the hedge
"apparently", like an attribution verb, now needs the contrast (no other outlet uses it). BASIL DEV: 0.167 / 0.139 /
0.152 → the table's default row, up in both halves, with 1 annotated span lost and won back ("alarmed immigration
activists", which the first "-ing" rule dropped; it was narrowed to keep verb forms) and 16 non-annotated terms gone.

### Hand-read samples outside BASIL (precision by reading, not by BASIL's sparse labels)
Each reported term was read in its sentence and judged: is this the outlet's own loaded or evaluative wording?
- NeuS DEV (307 stories, the three sources' title and lead), 45 terms drawn at random (seed 20261203) **before** the
  change: 26 loaded, 18 not, 1 unclear (precision 0.58). The rules above were written against the 18; after them
  16 of the 18 are gone and none of the 26 (in sample, so not a precision estimate).
- ECB+ DEV (40 gold stories, full articles, many blogs and columns), 40 terms drawn after the first rules (seed 31):
  17 loaded, 21 not, 2 unclear (0.43). Its errors prompted the "-ing" stem, "called draconian" and hedge rules:
  12 of the 21 are gone, no loaded term lost (in sample from then on).
- NeuS DEV again, 30 fresh terms not read before (seed 99), **after** all rules: 18 loaded, 10 not, 2 unclear
  (precision 0.60–0.67): the out-of-sample figure. The 10: "acknowledging atrocities", "sharply reduce spending",
  "bitterly cold", "possession of a dangerous weapon", "so-called no-knock warrants" (a name, not a sneer), "the
  dangerous journey", "devastated swaths of the economy", "Clinton claims milestone", and two loaded words inside
  indirect speech ("Clinton said that that is a racist attack", a testimony's "disastrous second wave"; see
  "Tried and not kept" for why those stay). Rules for four of the ten were written afterwards (so this sample is in
  sample from then on, like the others): "sharply" with "reduce"/"cut"/"raise", "bitterly cold", "dangerous weapon",
  "claims victory/milestone/responsibility" (taking, not saying); BASIL DEV unchanged by them.

Earlier changes:
- attribution verbs need the contrast. Measured on half A first: of the attribution verbs that another outlet of
  the story also used, 0 of 14 overlapped a lexical span (7 of 37 when only this outlet used the verb); half B
  confirmed it (0 of 37 vs 5 of 43). This is issue #7's point: "insisted" is a choice next to others' "said", and
  a verb every outlet uses for the event is not one outlet's framing.
- the lexicon matches inflections of its verbs and evaluative words ("mocking", "slams") and hyphen compounds of a
  loaded word ("gaffe-prone"); a label after "to" is a verb ("attempts to hack"); "claims" after a preposition or a
  past-tense verb is a noun ("despite claims", "disputed claims"), and "hail from" is not attribution.
- quotation marks per paragraph: a quote left open in its paragraph (news style when a quote runs on) covers the
  rest of it, and a stray straight quote no longer pairs with one paragraphs away. Quoted words stay the speaker's.
- loaded words next to each other are one term ("brazenly dishonest").

## Tried and not kept
- A general subjectivity lexicon from PyPI packages (TextBlob 0.20.1 `en-sentiment.xml`, Pattern lexicon,
  subjectivity ≥ 0.7 and |polarity| ≥ 0.3, agreeing with VADER 3.3.2 `vader_lexicon.txt` |valence| ≥ 1),
  counted only when this outlet alone used the word. On half A it added about 70 terms for 2 found spans
  (F1 0.177 → 0.148 at the same threshold; other cut-offs 0.144–0.171, never above the lexicon alone): the
  words it adds in news text are mostly "difficult", "strong", "popular", "free", "successful", which annotators
  did not mark. It was removed and no dependency was added. Rechecked 2026-12-03 (night) with VADER alone as a
  weakest category (base score 0 or 1 below the hand lexicon's 2, so it needs the contrasts): |valence| ≥ 2.5 with both
  contrasts 0.178 / 0.139 / 0.156 (flat against 0.181 / 0.139 / 0.157), with one contrast 0.121 / 0.168 / 0.140 (half A
  0.164, half B 0.122): recall rises by 0.03 while precision falls by a third. Still not kept.
- Leaving the words of indirect speech to their speaker, like quoted words (the spans of the analysis stage's
  indirect quotes, "X said that …", excluded; 2026-12-03): BASIL DEV F1 0.157 → 0.153 (P 0.181 → 0.183, R 0.139 →
  0.131; half A 0.196 → 0.202, half B 0.126 → 0.113). Of the 13 terms it removed, 11 were not annotated ("said those
  cuts would be devastating", "warns that radical Islam") but 2 were ("questioned why … when Clinton apparently was
  not", "claimed that his budget plan, which slashes antipoverty programs, …"): indirect speech is the reporter's
  paraphrase, and annotators charge its wording to the outlet. Not kept.
- Skipping saying verbs after "to" or a modal ("the first to admit") lost "continued to allege" and "to crow"
  (annotated) and was dropped.
- Word substitutions between aligned sentences as "terms only this outlet uses for the same fact" (2026-12-03):
  in every fact group with two or more outlets, a replaced run of one or two lower-case content words between
  matching neighbours (difflib over the two sentences' words). Over BASIL DEV it finds 98 substitutions and none
  overlaps a lexical span: they are synonyms and spellings ("conducting" / "carrying out", "lawsuit" /
  "class-action case", "shareholders" / "stockholders", straight vs curly apostrophes). Not built.

## Omissions
An outlet "omits" a fact when two or more outlets of two independent origins (copies of one wire story count once),
and more than half of the other outlets, report it, the outlet has no
sentence in the fact's group, none of its sentences comes within a pair score of 0.40 of any of the fact's
sentences, and it gives no variant of a reported disagreement about that fact (the Kremlin-sourced demo article's
"video conference" is its version of the Xi–Zelenskyy call). Until 2026-12-03 only the group counted; the alignment
links at 0.50 and keeps at most one sentence per outlet in a fact, so paraphrases came out as omissions (in the
demo, the article saying Xi's "long-rumored visit to Moscow … will take place next week" "omitted" Xi's trip).
BASIL + ECB+ DEV (90 stories): 369 omission claims before, 172 after. Read, 6 drawn per band of the outlet's best
pair score: ≥ 0.50, 6 of 6 state the fact; 0.45–0.50, about 4 of 6; 0.40–0.45, 5 of 6; 0.35–0.40 (still claimed),
1 of 6. After the change, 15 random claims read: 10 true omissions, 4 false (paraphrases just under the cut:
"Ms. Pelosi's victory over Representative Tim Ryan" for "Pelosi was challenged by Ohio Rep. Tim Ryan"), 1 unclear.
NeuS DEV (a title and a lead per source) has no claim the rule removes; 15 read: 8 true, 7 false, all headline
paraphrases ("Judge tosses Trump executive order, restores Obama drilling ban" for "Trump's Order to Open Arctic
Waters to Oil Drilling Was Unlawful, Federal Judge Finds", pair score 0.38). An embedding-only cue (cosine ≥ 0.60)
over all of an outlet's sentences removed 5 of those 7 but, in full articles, also about 12 of 20 true omissions
read, so it was not kept. Kept instead, for a fact that only opening sentences state (a headline, or a lead where the
text has no headline): the outlet's own headline or lead at cosine ≥ 0.60 counts as stating it. It removes 12 claims
over BASIL, ECB+ and NeuS DEV (10 NeuS, 2 BASIL), all 12 read as the outlet stating the event ("Education Department
to probe 5 states with 'unacceptable' school mask bans" for "State mask bans face federal civil rights inquiries";
"… called on President Donald Trump to cancel his meeting with Russian President Vladimir Putin" for "Democrats Say
Trump Should Cancel Putin Meeting After Indictments"), 3 of them only in part; the two true headline omissions of
the NeuS sample ("Governors Push Back On Trump's Threat …", "Michigan primary is a must win for Bernie Sanders'
campaign", cosine 0.55) stay. The rule was written after reading that sample, so NeuS is tuning data for it.
A fresh NeuS sample afterwards (15 claims from stories not read before, seed 4242): 9 true omissions, 6 false
(outlets stating the fact in their headline: "Trump Vetoes Defense-Spending Bill" for "President Trump vetoed the
defense spending bill Wednesday"; "China retaliates with tariffs on another $60 billion" for "China has hit back …
by imposing new trade tariffs on $60bn of American goods"). Widening the rule from headline facts to facts that only
headlines and first lead sentences state removes 11 more claims (9 NeuS, 1 BASIL, 1 ECB+): 9 read as stated, 2 not
(a company vaccine mandate against a general piece on workplace mandates; 'in his hometown of Hope, Arkansas'
against 'announced his run'); kept, since a false "omits" accuses an outlet. That sample is in sample from then on.

## What is left
- Recall is the weak side: most missed unquoted spans are evaluative adjectives the lexicon lacks ("ferocious",
  "charismatic", "hawkish") and figurative verbs and idioms ("toppled", "took a swipe", "wasted no time"). A
  general lexicon finds some of them but at about 2% precision here; a model trained on other annotated data is the
  likely next step (none may be trained on BASIL).
- Scare quotes: 19 of the 177 unquoted lexical spans lie inside quotation marks (about half are one-word scare quotes such as
  “scheme”); by design newsprism never charges quoted words to the outlet, so it cannot find them.
- Quoted lexical spans (67 of 244) are the speaker's words and are deliberately not charged to the outlet; recall
  counts them, so it is bounded by 0.73.
- No published peer reports phrase-level lexical-bias P/R on this split, so there is no peer row. Lexical spans
  are sparse (about 1.6 per article) and annotators mark only bias aimed at the event's main entities, so many
  loaded words newsprism reports are unannotated; precision here is a lower bound. The halves differ a lot
  (about 80 spans each), so differences of 0.01–0.02 are noise.
"""
    (ROOT / "benchmarks" / "framing.md").write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
