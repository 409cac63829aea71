"""Cross-article merging: one StoryQuote per quote that several articles carry (a fuzzy text match
and compatible speakers).

Why apart: it works on the finished quotes of many articles, not on one article's text.

A quote an outlet splits with its attribution ('“Is it true,” Roberts asked, “that …?”', '“We will
fight,” she said. “And we will win.”') is found as two quotes; :func:`join_pieces` reads them back as
one, its pieces joined by an ellipsis and each still cited to its own span.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from rapidfuzz import fuzz

from newsprism.analyze.quotes.lexicon import VERBS
from newsprism.model import Quote, Span, StoryQuote

#: what a brief puts between the pieces of one split quote: the words left out are the outlet's attribution
PIECE_JOIN = " … "

#: the text between two pieces of one quote: its closing mark, the attribution alone, its opening mark
#: ('…,” Chief Justice Roberts asked Mr. Sellers, “…', '…,” she said. “…', '…” Durbin said. “…')
_SPLIT_GAP = re.compile(r"[,;]?[ \t]*[”\"][ \t]*,?[ \t]+(?P<attr>[^“”\"\n]{2,160}?)(?P<stop>[,.:])[ \t]+[“\"]")
_SPEECH = re.compile(rf"\b(?:{VERBS})\b")
#: an attribution that says more than who is speaking: a second act ('he said before quickly correcting
#: himself', 'Mr. Pence said, adding later:'; not 'Ryan said after the vote'), a reported clause ('He noted,
#: though, that …'), an answer to somebody else's question ('Mr. Rhodes replied with a single word:')
_MORE_THAN_WHO = re.compile(
    r"\b(?:(?:before|after)(?![ \t]+(?-i:the|a|an|his|her|their|its|this|that|[A-Z]))|later|then|when|while|as|but|"
    r"though|although|because|since|until|that|"
    r"replied|responded|answered|retorted|countered)\b",
    re.IGNORECASE,
)
#: a sentence end inside the attribution ('Scalia asked. Either individual managers are on their own, “…');
#: an abbreviation's dot ('Mr.', 'Gov.', 'U.S.') is none
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})[.!?][ \t]+\S")
_MAX_ATTR_WORDS = 16
#: a whole quote this close to a split quote's joined text (fuzzy partial ratio) gives the same words, cut elsewhere
#: ('You know I'm not going to talk about this anymore.' / 'I'm not going to talk about this anymore … I think …')
_CUT_ELSEWHERE = 80.0


def normalize_quote(text: str) -> str:
    """Lowercase, unify quote marks/dashes, drop punctuation: the form fuzzy matching compares."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"[“”„«»\"‘’']", "'", t)
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _continues(a: Quote, b: Quote, text: str) -> bool:
    """``b`` goes on with ``a``'s words: both whole quotes of one speaker, and only ``a``'s attribution
    between them, in the same paragraph."""
    if a.kind != "direct" or b.kind != "direct" or not a.speaker or a.speaker != b.speaker:
        return False
    m = _SPLIT_GAP.fullmatch(text, a.end, b.start)
    if not m:
        return False
    attr, stop = m.group("attr"), m.group("stop")
    if not re.match(r"[,;]", text[a.end : b.start]) and not re.search(r"[,.?!…—–-][’']?$", a.text):
        return False  # '“And if I did” spend campaign funds improperly, he said, “…': the writer's sentence goes on
    if re.match(r"(?:and|or)\b", attr, re.IGNORECASE):
        return False  # '“…,” and predicted, “…”': a second statement, not the first one's attribution
    if re.search(r"[.?!…][’'”\"]*$", a.text):
        # the first piece ends its sentence: the attribution is a sentence of its own, and the next piece
        # opens another ('The savings, she said, “do not cut …”' goes on with the writer's words, not hers)
        if stop == "," or b.text[:1].islower():
            return False
    elif b.text[:1].islower() and (stop != "," or re.search(r",[ \t]+\w+ing\b", attr)):
        # one sentence split by its attribution: nothing of the writer's but who spoke ('“…,” the suit says,
        # undermining their marijuana bans, “draining …”' leaves out a part of the sentence)
        return False
    return (
        len(_SPEECH.findall(attr)) == 1
        and len(attr.split()) <= _MAX_ATTR_WORDS
        and not _MORE_THAN_WHO.search(attr)
        and not _SENTENCE_END.search(attr)
    )


def join_pieces(quotes: list[Quote], text: str) -> list[list[Quote]]:
    """One article's quotes in text order, each a list of its pieces: a quote split by its attribution
    ('“Is it true,” Chief Justice Roberts asked Mr. Sellers, “that …?”'), or one the same speaker goes on
    with right after it ('“…,” she said. “And we will win.”'), is one list; every other quote is alone."""
    out: list[list[Quote]] = []
    last: list[Quote] | None = None  # the latest whole quote's pieces (a reported statement or a quote
    # nested in a quote between two pieces is no piece: their text is no attribution)
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        if q.kind == "direct" and last is not None and _continues(last[-1], q, text):
            last.append(q)
            continue
        out.append([q])
        if q.kind == "direct":
            last = out[-1]
    return out


def _same_quote(a: str, b: str, threshold: float) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 12 or len(short.split()) < 2:
        return short == long_
    return fuzz.partial_ratio(short, long_) >= threshold


def merge_quotes(
    quotes: list[Quote], threshold: float = 90.0, texts: Mapping[str, str] | None = None
) -> list[StoryQuote]:
    """One StoryQuote per distinct quote across articles (fuzzy text match, compatible speakers).

    With ``texts`` (article id -> text), the pieces of a quote split by its attribution count as one quote
    (:func:`join_pieces`): its text is the pieces joined by ``PIECE_JOIN`` and its first spans are the
    pieces', in order; a quote that another outlet gives whole, in part or split elsewhere merges with it
    (any piece matching counts).  An entry shows one outlet's text, so a split quote with a piece that text
    does not show is an entry of its own, and is listed as carrying the entry's pieces it holds.
    """
    from collections import Counter

    from newsprism.analyze.entities import canonical_names

    if texts is not None:
        by_article: dict[str, list[Quote]] = {}
        for q in quotes:
            by_article.setdefault(q.article, []).append(q)
        units = [
            u
            for art, qs in by_article.items()
            for u in (join_pieces(qs, texts[art]) if art in texts else [[q] for q in qs])
        ]
        order = {id(q): k for k, q in enumerate(quotes)}
        units.sort(key=lambda u: order[id(u[0])])  # in the order given
    else:
        units = [[q] for q in quotes]
    direct = [u for u in units if u[0].kind != "indirect"] + [u for u in units if u[0].kind == "indirect"]
    names = canonical_names(p.speaker for u in direct for p in u if p.speaker)
    joined = [PIECE_JOIN.join(p.text for p in u) for u in direct]
    norm = [normalize_quote(t) for t in joined]
    # each piece alone too: two outlets that split one quote at different places share a piece
    pieces = [[normalize_quote(p.text) for p in u] if len(u) > 1 else norm[i : i + 1] for i, u in enumerate(direct)]

    def linked(i: int, j: int) -> bool:
        si = names.get(direct[i][0].speaker or "", direct[i][0].speaker)
        sj = names.get(direct[j][0].speaker or "", direct[j][0].speaker)
        if si and sj and si != sj:
            return False
        if (direct[i][0].kind == "indirect") != (direct[j][0].kind == "indirect"):
            return False
        return _same_quote(norm[i], norm[j], threshold) or any(
            _same_quote(a, b, threshold) for a in pieces[i] for b in pieces[j]
        )

    def shown(piece: str, k: int) -> bool:
        """``piece`` is in the text of quote ``k``: as written, or as a quote matches a longer one."""
        if f" {piece} " in f" {norm[k]} ":
            return True
        return any(len(piece) <= len(t) and _same_quote(piece, t, threshold) for t in [norm[k], *pieces[k]])

    out: list[tuple[int, StoryQuote]] = []
    pending = _groups(list(range(len(direct))), linked)
    while pending:
        members = pending.pop(0)
        k_best = max(members, key=lambda i: (len(joined[i]), -i))  # longest, then first
        carriers: list[Quote] = []
        if any(len(direct[i]) > 1 for i in members):
            # the text that shows the most of the others, then the longest
            k_best = max(
                members,
                key=lambda k: (sum(all(shown(pc, k) for pc in pieces[i]) for i in members), len(joined[k]), -k),
            )
            # a split quote shares a piece with another: the entry shows the longest one, so a quote with a
            # piece it does not show is an entry of its own (it would vanish from the brief), and is still
            # listed here as carrying the pieces this entry shows
            # (one that holds all the entry's pieces, or a whole quote close to the entry's text, is the same
            # words cut elsewhere: it stays)
            apart = [
                i
                for i in members
                if not all(shown(pc, k_best) for pc in pieces[i])
                and not all(shown(pc, i) for pc in pieces[k_best])
                and not (len(direct[i]) == 1 and fuzz.partial_ratio(norm[i], norm[k_best]) >= _CUT_ELSEWHERE)
            ]
            if apart:
                members = [i for i in members if i not in apart]
                carriers = [p for i in apart for p, pc in zip(direct[i], pieces[i], strict=True) if shown(pc, k_best)]
                pending += _groups(apart, linked)
        best = direct[k_best]
        qs = [p for i in members for p in direct[i]]
        heads = [direct[i][0] for i in members]  # one vote per quote, however many pieces it has
        speakers = Counter(names.get(q.speaker, q.speaker) for q in heads if q.speaker)
        roles = Counter(q.role for q in heads if q.role)
        arts: list[str] = []
        for q in qs + carriers:
            if q.article not in arts:
                arts.append(q.article)
        rest = [q for q in qs + carriers if all(q is not p for p in best)]
        out.append(
            (
                min(members),
                StoryQuote(
                    text=joined[k_best],
                    speaker=speakers.most_common(1)[0][0] if speakers else None,
                    role=roles.most_common(1)[0][0] if roles else None,
                    articles=arts,
                    # the quoted text is copied from ``best``: its pieces' spans come first, in order, as every
                    # cited text in a brief does
                    spans=[Span(q.article, q.start, q.end) for q in [*best, *rest]],
                    kind=best[0].kind,  # direct and reported speech are never merged
                ),
            )
        )
    return [q for _, q in sorted(out, key=lambda t: t[0])]  # in first-mention order


def _groups(idxs: list[int], linked) -> list[list[int]]:
    """The connected groups of ``idxs`` under ``linked`` (each group in index order, groups by first index)."""
    parent = {i: i for i in idxs}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for n, i in enumerate(idxs):
        for j in idxs[:n]:
            if root(i) != root(j) and linked(i, j):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in idxs:
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
