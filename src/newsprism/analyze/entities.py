"""Entity-name canonicalisation within one article and across a story's articles.

Why: a brief must count "Mr. Xi", "Xi" and "Chinese leader Xi Jinping" as one person,
and "Yury Ushakov"/"Yuri Ushakov" or "Zelensky"/"Zelenskyy" as one speaker across
outlets; otherwise quotes and facts split into near-duplicate entries.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

from newsprism.model import Analysis, Entity

HONORIFICS = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof|Lt|Col|Sgt|Capt|Adm|Rev)\.?\s+)+")
#: Capitalised words that are titles/roles, not part of a person's name.
ROLE_WORDS = {
    "president", "leader", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chancellor",
    "premier", "governor", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "chairman",
    "chairwoman", "chair", "ceo", "director", "ambassador", "general", "judge", "justice", "mayor", "sheriff",
    "pope", "king", "queen", "prince", "princess", "speaker", "commissioner", "prosecutor", "attorney", "vice",
    "prime", "foreign", "defense", "defence", "deputy", "chief", "adviser", "advisor", "aide", "dictator",
    "former", "first", "lady", "candidate", "nominee", "coach", "officer", "officials", "official", "gop",
    "democrat", "republican", "sheikh", "emperor", "chairperson", "founder", "host", "anchor", "columnist",
    "professor", "dr", "mr", "mrs", "ms", "state", "house", "white", "news", "press", "secretary-general",
}
DEMONYMS = {
    "china": "Chinese", "russia": "Russian", "ukraine": "Ukrainian", "u.s.": "U.S.", "america": "American",
    "japan": "Japanese", "iran": "Iranian", "britain": "British", "france": "French", "germany": "German",
    "india": "Indian", "israel": "Israeli", "taiwan": "Taiwanese", "europe": "European",
}
_POSS = re.compile(r"(?:['’]s|['’])$")


def strip_name(name: str) -> str:
    """'Mr. Xi’s' -> 'Xi'; 'Chinese leader Xi Jinping' -> 'Xi Jinping'."""
    name = name.strip().strip(",.;:")
    name = _POSS.sub("", name)
    name = HONORIFICS.sub("", name)
    words = name.split()
    # drop leading role/nationality words ("Chinese leader", "President")
    i = 0
    while i < len(words) - 1 and (
        words[i].lower().strip(".") in ROLE_WORDS or words[i][:1].islower() or words[i].lower() in _NORP_LOWER
    ):
        i += 1
    return " ".join(words[i:])


_NORP_LOWER = {v.lower() for v in DEMONYMS.values()} | {"western", "saudi", "ukrainian", "russian", "chinese"}


def normalize_org(name: str) -> str:
    """'the Kremlin' -> 'Kremlin'; "China's foreign ministry" -> 'Chinese Foreign Ministry'."""
    name = name.strip().strip(",;:")
    if name.endswith(".") and not re.search(r"[A-Z]\.$", name):
        name = name[:-1]
    name = re.sub(r"^(?:the|The)\s+", "", name)
    m = re.match(r"^([A-Z][\w.]*)['’]s\s+(.+)$", name)
    if m and m.group(1).lower() in DEMONYMS:
        name = f"{DEMONYMS[m.group(1).lower()]} {m.group(2)}"
    name = _POSS.sub("", name)
    return " ".join(w if w[:1].isupper() or w in {"of", "for", "and", "the"} else w.capitalize() for w in name.split())


class NameIndex:
    """Full person names seen in one article, so a bare 'Xi' or 'Mr. Wang' resolves by position."""

    def __init__(self) -> None:
        self.mentions: list[tuple[int, str]] = []  # (position, full name)
        self.roles: dict[str, str] = {}

    def add(self, name: str, pos: int, role: str | None = None) -> str:
        full = strip_name(name)
        if len(full.split()) >= 2:
            self.mentions.append((pos, full))
            self.mentions.sort()
        if role and full not in self.roles:
            self.roles[full] = role
        return full

    def resolve(self, name: str, pos: int | None = None) -> str:
        """Full name for ``name``: the nearest earlier full name sharing a first or last word."""
        bare = strip_name(name)
        toks = bare.split()
        if not toks:
            return bare
        if len(toks) >= 2 and any(n == bare for _, n in self.mentions):
            return bare
        key_first, key_last = toks[0].lower(), toks[-1].lower()
        cands = [
            (p, n)
            for p, n in self.mentions
            if (n.split()[-1].lower() == key_last or (len(toks) == 1 and n.split()[0].lower() == key_first))
            and n != bare
        ]
        if not cands:
            return bare
        if pos is not None:
            before = [c for c in cands if c[0] <= pos]
            if before:
                return before[-1][1]
        counts = Counter(n for _, n in cands)
        return counts.most_common(1)[0][0]

    def role_of(self, full: str) -> str | None:
        return self.roles.get(full)


def canonicalize_article(entities: list[Entity], text: str = "", index: NameIndex | None = None) -> NameIndex:
    """Set ``Entity.canonical`` within one article; returns the name index for quote attribution."""
    index = index or NameIndex()
    for e in entities:
        if e.label == "PERSON":
            index.add(e.text, e.start)
    for e in entities:
        if e.label == "PERSON":
            e.canonical = index.resolve(e.text, e.start)
        elif e.label in {"ORG", "FAC"}:
            e.canonical = normalize_org(e.text)
        else:
            e.canonical = e.text
    return index


def _same_person(a: str, b: str) -> bool:
    """Spelling variants of one person: surname fuzzy-equal and first names similar (or one missing)."""
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return False
    la, lb = ta[-1].lower(), tb[-1].lower()
    if la != lb and (fuzz.ratio(la, lb) < 85 or min(len(la), len(lb)) < 4):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    fa, fb = ta[0].lower().strip("."), tb[0].lower().strip(".")
    if fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb)):
        return True
    return fuzz.ratio(fa, fb) >= 70


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map each person name to one canonical spelling (the most frequent full form)."""
    counts = Counter(n for n in names if n)
    full = sorted((n for n in counts if len(n.split()) >= 2), key=lambda n: (-counts[n], -len(n), n))
    groups: list[list[str]] = []
    for n in full:
        for g in groups:
            if _same_person(g[0], n) and n.split()[0].lower()[:1] == g[0].split()[0].lower()[:1]:
                g.append(n)
                break
        else:
            groups.append([n])
    mapping: dict[str, str] = {}
    for g in groups:
        best = sorted(g, key=lambda n: (-counts[n], n))[0]
        for n in g:
            mapping[n] = best
    singles = [n for n in counts if len(n.split()) == 1]
    for s in singles:
        low = s.lower()
        hits = {mapping[f] for f in full if f.split()[-1].lower() == low or f.split()[0].lower() == low}
        if not hits:
            hits = {mapping[f] for f in full if fuzz.ratio(f.split()[-1].lower(), low) >= 88 and len(low) >= 5}
        mapping[s] = hits.pop() if len(hits) == 1 else s
    return mapping


def canonicalize(analyses: list[Analysis]) -> dict[str, str]:
    """Canonicalise person names across a story's analyses (entities and quote speakers), in place."""
    names: list[str] = []
    for a in analyses:
        names += [e.canonical or e.text for e in a.entities if e.label == "PERSON"]
        names += [q.speaker for q in a.quotes if q.speaker]
    mapping = canonical_names(names)
    for a in analyses:
        for e in a.entities:
            if e.label == "PERSON":
                e.canonical = mapping.get(e.canonical or e.text, e.canonical or e.text)
        for q in a.quotes:
            if q.speaker:
                q.speaker = mapping.get(q.speaker, q.speaker)
    return mapping
