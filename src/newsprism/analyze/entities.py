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

HONORIFICS = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof|Lt|Col|Sgt|Capt|Adm|Rev|Det|Const|Insp|Cpl)\.?\s+)+")
#: Capitalised words that are titles/roles, not part of a person's name.
ROLE_WORDS = {
    "president",
    "leader",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chancellor",
    "premier",
    "governor",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "ambassador",
    "general",
    "judge",
    "justice",
    "mayor",
    "sheriff",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "speaker",
    "commissioner",
    "prosecutor",
    "attorney",
    "vice",
    "prime",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "chief",
    "adviser",
    "advisor",
    "aide",
    "dictator",
    "former",
    "first",
    "lady",
    "candidate",
    "nominee",
    "coach",
    "officer",
    "officials",
    "official",
    "gop",
    "democrat",
    "republican",
    "sheikh",
    "emperor",
    "chairperson",
    "founder",
    "host",
    "anchor",
    "columnist",
    "professor",
    "dr",
    "mr",
    "mrs",
    "ms",
    "state",
    "house",
    "white",
    "news",
    "press",
    "secretary-general",
}
DEMONYMS = {
    "china": "Chinese",
    "russia": "Russian",
    "ukraine": "Ukrainian",
    "u.s.": "U.S.",
    "america": "American",
    "japan": "Japanese",
    "iran": "Iranian",
    "britain": "British",
    "france": "French",
    "germany": "German",
    "india": "Indian",
    "israel": "Israeli",
    "taiwan": "Taiwanese",
    "europe": "European",
}
_POSS = re.compile(r"(?:['’]s|['’])$")


#: occupation nouns that are both capitalised words the NER takes into a person's name (_OCCUPATIONS) and role
#: nouns of the quote modules (quotes.lexicon._PERSON_ROLES): a word added here reaches both
OCCUPATION_WORDS = frozenset(
    {
        # the police
        "detective",
        "superintendent",
        "investigator",
        # the arts, the media, scholarship, business, faith
        "comedian",
        "author",
        "journalist",
        "correspondent",
        "commentator",
        "historian",
        "economist",
        "strategist",
        "pollster",
        "scientist",
        "researcher",
        "activist",
        "executive",
        "billionaire",
        "tycoon",
        "pastor",
        "rabbi",
    }
)
#: capitalised occupation and office words the NER takes into a person's name ('Comedian Ellen DeGeneres',
#: 'Constable Tim Fanning', 'Secretary of the Interior Ken Salazar' -> 'Interior Ken Salazar'); none of them is
#: a first name ('Hunter', 'Mason', 'Carter', 'Dean', 'Major' are, and are left out)
_OCCUPATIONS = OCCUPATION_WORDS | frozenset(
    {
        # public life, the law, the police
        "councilman",
        "councilwoman",
        "councilmember",
        "alderman",
        "assemblyman",
        "assemblywoman",
        "lawmaker",
        "legislator",
        "lawyer",
        "clerk",
        "constable",
        "trooper",
        "undersheriff",
        "inspector",
        "sergeant",
        "lieutenant",
        "captain",
        "corporal",
        "coroner",
        "ada",
        "da",
        # offices named by their department ('Interior Secretary', 'Secretary of the Interior')
        "interior",
        "treasury",
        "commerce",
        "agriculture",
        "homeland",
        "transportation",
        "education",
        "energy",
        # the arts, the media, scholarship, business, sport, faith
        "comedienne",
        "actor",
        "actress",
        "singer",
        "rapper",
        "novelist",
        "playwright",
        "filmmaker",
        "producer",
        "pundit",
        "analyst",
        "emeritus",
        "entrepreneur",
        "businessman",
        "businesswoman",
        "gm",
        "boxer",
        "quarterback",
        "pitcher",
        "imam",
        "archbishop",
        "cardinal",
        "pensioner",
        "retiree",
        "veteran",
    }
)


def title_word(w: str) -> bool:
    """Whether ``w`` is a title, office or occupation word ('Sen.', 'President', 'Comedian', 'Interior')."""
    low = w.lower().strip(".")
    return low in ROLE_WORDS or low in _OCCUPATIONS


def strip_name(name: str) -> str:
    """'Mr. Xi’s' -> 'Xi'; 'Chinese leader Xi Jinping' -> 'Xi Jinping'; 'RNC Chair Reince Priebus' -> 'Reince Priebus'."""
    name = name.strip().strip(",.;:")
    name = _POSS.sub("", name)
    name = HONORIFICS.sub("", name)
    words = name.split()
    # drop leading role/nationality words ("Chinese leader", "President")
    i = 0
    while i < len(words) - 1 and (
        title_word(words[i])
        or words[i][:1].islower()
        or words[i].lower() in _NORP_LOWER
        or words[i].lower() in _GERUNDS
    ):
        i += 1
    # a title whose first words are no title words ('RNC Chair', 'Angels GM', 'Genesee County Undersheriff',
    # 'Police Constable'): cut after its last title word when a full name of two words or more follows
    for j in range(len(words) - 3, i - 1, -1):
        if title_word(words[j]) and len(_name_words(" ".join(words[j + 1 :]))) >= 2:
            i = j + 1
            break
    return " ".join(words[i:])


#: sentence-opening gerunds the NER takes into a name ('Having Jackman host certainly fits'); names that
#: end in -ing ('Channing', 'Sterling', 'Manning') are not in this list of common verbs
_GERUNDS = frozenset(
    [
        "having",
        "being",
        "getting",
        "making",
        "seeing",
        "calling",
        "asking",
        "telling",
        "letting",
        "keeping",
        "giving",
        "taking",
        "leaving",
        "putting",
        "bringing",
        "watching",
        "hearing",
        "meeting",
        "following",
        "including",
        "saying",
        "naming",
        "hiring",
        "picking",
        "choosing",
        "signing",
        "sending",
        "adding",
        "allowing",
        "backing",
        "praising",
        "blaming",
        "thanking",
    ]
)
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


#: name suffixes that are not the surname ('George T. Conway III', 'Martin Luther King Jr.')
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}
#: honorifics and kinship/role words that state a person's gender (general English, no name lists)
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_MALE_WORDS = {
    "husband",
    "father",
    "son",
    "brother",
    "uncle",
    "nephew",
    "grandfather",
    "grandson",
    "boyfriend",
    "widower",
    "spokesman",
    "congressman",
    "chairman",
    "businessman",
    "assemblyman",
    "councilman",
    "king",
    "prince",
    "mr",
    "sir",
    "himself",
    "stepfather",
    "fiance",
}
_FEMALE_WORDS = {
    "wife",
    "mother",
    "daughter",
    "sister",
    "aunt",
    "niece",
    "grandmother",
    "granddaughter",
    "girlfriend",
    "widow",
    "spokeswoman",
    "congresswoman",
    "chairwoman",
    "businesswoman",
    "assemblywoman",
    "councilwoman",
    "queen",
    "princess",
    "actress",
    "mrs",
    "ms",
    "lady",
    "herself",
    "stepmother",
    "fiancee",
}
#: words a headline-cased NER span can end in that are no surname ('Trump Lashes Out')
_PARTICLES = {"Out", "In", "Up", "Back", "Down", "Off", "On", "Over", "Away", "Again"}
#: a small word between capitalised words, which a headline has and a person's name never does
_HEADLINE_GLUE = re.compile(r"\s(?:of|to|for|and|the|in|on|at|with|from|over|after)\s")
_HON_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


def _name_words(full: str) -> list[str]:
    """The words of a name without its generational suffix: 'John G. Roberts Jr' -> John, G., Roberts."""
    toks = full.split()
    while len(toks) > 1 and toks[-1].lower().strip(".,") in _SUFFIXES:
        toks.pop()
    return toks


def surname(full: str) -> str:
    """The last name word, skipping suffixes: 'George T. Conway III' -> 'Conway'."""
    toks = _name_words(full)
    return toks[-1] if toks else ""


#: short forms of English first names and the full names they stand for ('Dick Durbin' is Richard J. Durbin)
_HYPOCORISMS = {
    "bill": "william",
    "billy": "william",
    "will": "william",
    "willie": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "robbie": "robert",
    "dick": "richard",
    "rick": "richard",
    "ricky": "richard",
    "rich": "richard",
    "jim": "james",
    "jimmy": "james",
    "mike": "michael",
    "mick": "michael",
    "chuck": "charles",
    "charlie": "charles",
    "joe": "joseph",
    "joey": "joseph",
    "tom": "thomas",
    "tommy": "thomas",
    "tony": "anthony",
    "ben": "benjamin",
    "matt": "matthew",
    "dan": "daniel",
    "danny": "daniel",
    "dave": "david",
    "steve": "steven stephen",
    "chris": "christopher",
    "ed": "edward",
    "eddie": "edward",
    "ted": "edward theodore",
    "jack": "john",
    "johnny": "john",
    "jerry": "gerald jerome jerrold",
    "larry": "lawrence laurence",
    "nick": "nicholas",
    "pat": "patrick patricia",
    "sam": "samuel",
    "tim": "timothy",
    "andy": "andrew",
    "alex": "alexander",
    "don": "donald",
    "ron": "ronald",
    "greg": "gregory",
    "jeff": "jeffrey",
    "ken": "kenneth",
    "fred": "frederick",
    "hank": "henry",
    "doug": "douglas",
    "jon": "jonathan",
    "josh": "joshua",
    "ray": "raymond",
    "phil": "philip phillip",
    "kathy": "katherine kathleen",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "betsy": "elizabeth",
    "peggy": "margaret",
    "maggie": "margaret",
    "sue": "susan",
    "jenny": "jennifer",
    "debbie": "deborah",
}


def same_first_name(a: str, b: str) -> bool:
    """'Dick'/'Richard', 'Mike'/'Michael', 'Bill'/'William': one first name, or one the short form of the other."""
    a, b = a.lower().strip("."), b.lower().strip(".")
    return a == b or b in _HYPOCORISMS.get(a, "").split() or a in _HYPOCORISMS.get(b, "").split()


def _suffix(full: str) -> str:
    toks = full.split()
    return toks[-1].lower().strip(".,") if len(toks) > 1 and toks[-1].lower().strip(".,") in _SUFFIXES else ""


def _forms_of_one_name(a: str, b: str) -> bool:
    """Two full names written for one person in one article: the same surname and suffix ('Donald Trump' is not
    Don Trump Jr.), the same first name or a short form of it, and no two different middle names or initials
    ('Richard J. Durbin'/'Dick Durbin', 'Paul D. Ryan'/'Paul Ryan'; not 'George W. Bush'/'George H. W. Bush')."""
    wa, wb = _name_words(a), _name_words(b)
    if a == b or len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1] or _suffix(a) != _suffix(b):
        return False
    if not same_first_name(wa[0], wb[0]):
        return False
    ma, mb = [w[0].lower() for w in wa[1:-1]], [w[0].lower() for w in wb[1:-1]]
    return not ma or not mb or ma == mb


#: what a mention's own clause says the person is: ', 41, is a five-term congressman', ', the wife of …'
_SAID_IS = re.compile(
    r"(?:[ \t]*,[ \t]*\d{1,3}[ \t]*,)?(?:[ \t]+(?:is|was|has been|had been)[ \t]+|[ \t]*,[ \t]+)(?:a|an|the)[ \t]+"
    r"((?:[a-z][\w\-]*[ \t]+){0,3}[a-z][\w\-]*)"
)


def honorific_gender(name: str, text: str = "", pos: int | None = None) -> str | None:
    """'m'/'f' from the honorific in ``name`` or right before ``pos`` in ``text`` ('Mr. Conway'), else None."""
    m = re.match(r"(Mr|Mrs|Ms|Miss)\.?\s", name.strip() + " ")
    if not m and text and pos is not None:
        m = _HON_BEFORE.search(text[max(0, pos - 6) : pos])
    return _HONORIFIC_GENDER.get(m.group(1).lower()) if m else None


class NameIndex:
    """Full person names seen in one article, so a bare 'Xi' or 'Mr. Wang' resolves by position.

    Why genders: two people can share a surname ('George Conway' and 'Kellyanne Conway'), and the
    honorific of 'Mr. Conway' is the only thing in the mention that tells them apart."""

    def __init__(self) -> None:
        self.mentions: list[tuple[int, str]] = []  # (position, full name)
        self.roles: dict[str, str] = {}
        self.genders: dict[str, str] = {}  # full name -> 'm'/'f', from what the article says
        self.text = ""  # the article, for the honorific written before a mention's position

    def add(self, name: str, pos: int, role: str | None = None) -> str:
        full = strip_name(name)
        if (
            len(full.split()) >= 2
            and full.split()[-1] not in _PARTICLES  # not a headline 'Trump Lashes Out'
            and not _HEADLINE_GLUE.search(full)  # nor 'Biden Warns of Hurdles', 'Trump’s Order to Open Arctic Waters'
        ):
            self.mentions.append((pos, full))
            self.mentions.sort()
        if role and full not in self.roles:
            self.roles[full] = role
        return full

    def gender_of(self, full: str) -> str | None:
        return self.genders.get(full)

    def candidates(self, name: str) -> list[tuple[int, str]]:
        """Earlier or later full names that ``name`` can be short for (same surname, or same first name
        for a one-word mention)."""
        bare = strip_name(name)
        toks = bare.split()
        if not toks:
            return []
        key_first, key_last = toks[0].lower(), surname(bare).lower()
        return [
            (p, n)
            for p, n in self.mentions
            if (surname(n).lower() == key_last or (len(toks) == 1 and n.split()[0].lower() == key_first)) and n != bare
        ]

    def resolve(self, name: str, pos: int | None = None, gender: str | None = None) -> str:
        """Full name for ``name``: among the full names sharing a first or last word, those of the
        honorific's gender ('Mr. Conway' -> the man), then the nearest earlier one, else the most frequent;
        as the article first writes that person's name ('Dick Durbin' after 'Richard J. Durbin').

        ``gender`` is the honorific written before the mention when ``name`` itself has none."""
        return self.first_form(self._resolve(name, pos, gender))

    def first_form(self, full: str) -> str:
        """The earliest full name in the article that is another form of ``full`` ('Richard J. Durbin' for
        'Dick Durbin'), when all the forms it could be are forms of one another; else ``full``."""
        forms = [(p, n) for p, n in self.mentions if _forms_of_one_name(full, n)]
        names = {n for _, n in forms} | {full}
        if not forms or any(not _forms_of_one_name(x, y) for x in names for y in names if x != y):
            return full
        first = min(forms)[1]
        own = min((p for p, n in self.mentions if n == full), default=None)
        return first if own is None or min(forms)[0] < own else full

    def _resolve(self, name: str, pos: int | None = None, gender: str | None = None) -> str:
        bare = strip_name(name)
        toks = bare.split()
        if not toks:
            return bare
        if len(toks) >= 2 and any(n == bare for _, n in self.mentions):
            return bare
        cands = self.candidates(name)
        if len(toks) == 1:
            # 'Malia and Sasha Obama' names two people: a bare 'Obama' is neither of them
            cands = [c for c in cands if surname(c[1]).lower() != toks[0].lower() or not self._shared_surname(c)]
        if not cands:
            return bare
        gender = (
            honorific_gender(name) or gender or honorific_gender("", self.text, pos) or self._said_gender(name, pos)
        )
        if gender:
            # an honorific never picks a person the article gives the other gender ('Mr. Trump' is not
            # Melania Trump): the man, else somebody of unknown gender, else nobody known
            same = [c for c in cands if self.genders.get(c[1]) == gender]
            cands = same or [c for c in cands if c[1] not in self.genders]
            if not cands:
                return bare
        if pos is not None:
            before = [c for c in cands if c[0] <= pos]
            # a mention joined by 'and' to a namesake's ('Duncan Hunter and Margaret Hunter') names both,
            # so it says nothing about which of them a later bare 'Hunter' is: the nearest other mention does
            single = [c for c in before if not self._paired(c, before)]
            if single and len({n for _, n in before}) > 1:
                before = single
            if before:
                return before[-1][1]
            # a surname used before any full name is rarely the Jr./III named later ('Trump' … 'Donald Trump Jr.')
            cands = [c for c in cands if surname(c[1]) == c[1].split()[-1]]
            if not cands:
                return bare
        counts = Counter(n for _, n in cands)
        return counts.most_common(1)[0][0]

    def _said_gender(self, name: str, pos: int | None) -> str | None:
        """'m'/'f' from what the mention's own clause says the person is, right after it: an appositive or a
        'is/was a …' with a gendered role or kinship word in its first four words ('Hunter, 41, is a five-term
        congressman' after 'his wife, Margaret Hunter': the husband)."""
        if pos is None or not self.text.startswith(name, pos):
            return None
        m = _SAID_IS.match(self.text, pos + len(name))
        for w in m.group(1).split() if m else []:
            if w in _MALE_WORDS or w in _FEMALE_WORDS:
                return "m" if w in _MALE_WORDS else "f"
        return None

    def _paired(self, c: tuple[int, str], cands: list[tuple[int, str]]) -> bool:
        """Whether mention ``c`` is written next to another of ``cands`` with only 'and' between them."""
        for d in cands:
            if d[1] == c[1]:
                continue
            first, second = sorted((c, d))
            gap = self.text[first[0] + len(first[1]) : second[0]]
            if re.fullmatch(r",?\s+and\s+", gap):
                return True
        return False

    def _shared_surname(self, c: tuple[int, str]) -> bool:
        """Whether mention ``c`` ends a pair of first names sharing its surname ('Malia and |Sasha Obama')."""
        m = re.search(
            r"(?<!\bof )(?<!\bfrom )(?<!\bin )\b([A-Z][a-z]+),?\s+and\s+$", self.text[max(0, c[0] - 30) : c[0]]
        )
        # the word before 'and' is a bare first name, not another person's name ('Barack Obama and Michelle Obama')
        # nor a place ('Ron Wyden of Oregon and Mark Udall')
        return bool(m) and not any(m.group(1) in (n.split()[0], surname(n)) for _, n in self.mentions)

    def role_of(self, full: str) -> str | None:
        return self.roles.get(full)

    def learn_genders(self, text: str, people: list[Entity]) -> None:
        """Each full name's gender as the article states it, strongest evidence first: an honorific or a
        kinship/role word at a full-name mention ('the first lady, Melania Trump'; 'George Conway, … the
        husband of …'); then the honorifics of short mentions that only one full name fits ('Mr. Ryan');
        then the subject pronouns of sentences that have only that person in them."""
        self.text = text
        tiers: list[dict[str, Counter]] = [{}, {}, {}]
        for e in people:
            full = strip_name(e.text)
            tier = 0
            if len(full.split()) < 2 or not any(n == full for _, n in self.mentions):
                names = {n for _, n in self.candidates(e.text)}
                if len(names) != 1:
                    continue  # ambiguous short mention: it is what the genders are for
                full, tier = names.pop(), 1
            g = honorific_gender(e.text, text, e.start)
            if tier == 0:
                for w in _described_words(text, e.start, e.end):
                    g = g or ("m" if w in _MALE_WORDS else "f" if w in _FEMALE_WORDS else None)
            if g:
                tiers[tier].setdefault(full, Counter())[g] += 1
        for full, g in _pronoun_votes(text, people, self):
            tiers[2].setdefault(full, Counter())[g] += 1
        for full in {n for _, n in self.mentions}:
            for tier in tiers:
                if full in tier:
                    (g1, c1), *rest = tier[full].most_common()
                    if not rest or c1 >= 2 * rest[0][1]:
                        self.genders[full] = g1
                    break  # a weaker tier never overrides (or breaks a tie in) a stronger one


def _described_words(text: str, start: int, end: int) -> list[str]:
    """The title words right before a mention ('Kellyanne Conway’s husband, George') and the head of its
    appositive ('George Conway, a lawyer and the husband of …' -> lawyer, and, the, husband)."""
    before = re.search(r"([A-Za-z]+),?\s+(?:[A-Z][\w.’'\-]*\s+)?$", text[max(0, start - 40) : start])
    words = [before.group(1).lower()] if before else []
    ap = re.match(r",\s+((?:a|an|the|his|her)\s+[^,;.()“”\"]{0,80})", text[end : end + 100])
    if ap:
        head = re.split(r"\s+(?:of|for|to|at|in|from|with|who|whose|that|which)\s", ap.group(1))[0]
        words += [w.lower() for w in re.findall(r"[A-Za-z]+", head)]
    return words


#: a sentence end, not an initial or an abbreviation ('George T. Conway', 'Mr. Conway', 'Sen. Coons')
_SENT_END = re.compile(
    r"(?<![\s.][A-Z])(?<!\bMrs)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))(?<!\b(?:Sen|Rep|Gov|Gen|Col|Rev|Sgt|Det|Cpl))(?<!\bConst)(?<!\bInsp)"
    r"[.!?][”\"’]?\s+(?=[A-Z“\"])|\n+"
)


#: right after a name (and its appositive): its verb, then a pronoun ('Crowley, D-N.Y., asked her')
_VERB_OBJECT = re.compile(r"(?:\s*,[^,]{0,60},)?\s+(?:[a-z]+\s+){1,3}?(him|her)\b", re.I)
#: an object pronoun: 'him', or 'her' not followed by what it would own ('asked her if', 'told her that')
_OBJECT_PRONOUN = {
    "m": re.compile(r"\bhim\b", re.I),
    "f": re.compile(
        r"\bher\b(?=\s*(?:[,.;:!?)—–]|$)|\s+(?:if|whether|that|to|about|for|with|and|or|in|on|at|as|why|what|how|"
        r"when|where|who|from|into|by|out|up|back|down|again|after|before|over|off|not)\b)",
        re.I,
    ),
}


def _pronoun_votes(text: str, people: list[Entity], index: NameIndex) -> list[tuple[str, str]]:
    """(full name, gender) votes: a sentence that opens with a person's name and mentions nobody else
    outside quotes lends that person its he/his or she/her ('Mr. Ryan said he …'), as does the next
    sentence when it opens with He/She."""
    out: list[tuple[str, str]] = []
    unquoted = re.sub(r"[“\"][^”\"]*[”\"]", lambda m: " " * len(m.group(0)), text)
    bounds = [m.end() for m in re.finditer(_SENT_END, unquoted)]
    starts = [0, *bounds]
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(text)
        inside = [p for p in people if s <= p.start < e and unquoted[p.start : p.end].strip()]
        if not inside:
            continue
        lead = re.match(
            r"(?:[A-Z][A-Z.,' ]+\s[—–-]+\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+|[A-Z][\w.’'\-]*\s+){0,4}",
            text[s : inside[0].start],
        )  # a dateline, then titles: 'WASHINGTON — Sen. Chris Coons'
        if not lead or s + lead.end() != inside[0].start:
            continue
        names = {index.resolve(p.text, p.start) for p in inside}  # (the index reads the honorific before p)
        if len(names) != 1:
            continue
        full = names.pop()
        if len(full.split()) < 2:
            continue
        sent = unquoted[inside[0].end : e]
        # subject pronouns only: a possessive or object pronoun often points back to somebody in an
        # earlier sentence ('Ryan challenged her leadership'); and after the object of the subject's own verb
        # ('Crowley asked her if she could …': not the subject, who would be 'herself'), a subject pronoun of
        # its gender, here or opening the next sentence, may be that other person's: no evidence then
        obj = {"m": len(sent), "f": len(sent)}
        if (om := _VERB_OBJECT.match(sent)) and _OBJECT_PRONOUN[g := "m" if om.group(1) == "him" else "f"].match(
            sent, om.start(1)
        ):
            obj[g] = om.start(1)
        he = sum(1 for m in re.finditer(r"\b(?:he|himself)\b", sent, re.I) if m.start() < obj["m"])
        she = sum(1 for m in re.finditer(r"\b(?:she|herself)\b", sent, re.I) if m.start() < obj["f"])
        nxt = re.match(r"\s*(He|She)\b", unquoted[e : e + 6])
        q0 = s
        while q0 > 0 and unquoted[q0 - 1] in " \t":
            q0 -= 1  # back over a quote that opens the sentence ('“…,” Rep. Hank Johnson told reporters.')
        if nxt and any(q0 <= p.start < e and index.resolve(p.text, p.start) != full for p in people):
            nxt = None  # a person named in its quotes may be whom the next sentence's He/She is about
        if nxt:
            g = "m" if nxt.group(1) == "He" else "f"
            if obj[g] == len(sent):
                he, she = he + (g == "m"), she + (g == "f")
        if he and not she:
            out.append((full, "m"))
        elif she and not he:
            out.append((full, "f"))
    return out


_TITLED = re.compile(r"(?:^|\s)(?:[A-Z][a-z]+\.|[a-z]+)\s+$")
_NAME_SHAPE = re.compile(r"[A-Z][a-z’'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'\-]+){1,2}")


def _titled_people(entities: list[Entity], text: str) -> None:
    """A name the NER labelled a facility, place or organisation is a person right after a person's title.

    Why: 'Qeshm island governor Heydar Alishbandi told AFP' came back as FAC, so the governor was no
    antecedent for the 'he said' that follows. Only a plain two- or three-word name directly after a
    title or role word ('governor', 'spokesman', 'Gov.') is relabelled, never an organisation's name.
    """
    for e in entities:
        if e.label not in {"FAC", "ORG", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "NORP"}:
            continue
        if not _NAME_SHAPE.fullmatch(e.text) or any(w.lower() in ROLE_WORDS for w in e.text.split()):
            continue
        m = _TITLED.search(text, max(0, e.start - 30), e.start)
        if m and m.group(0).strip().lower().strip(".") in ROLE_WORDS:
            e.label = "PERSON"


#: an office 'of' a department, written before the department's name ('Secretary of the Interior', 'Minister of
#: Defence'): the words after the department are the office holder's name
_OFFICE_OF_DEPT = re.compile(
    r"\b(?:Secretary|Minister|Director|Commissioner|Administrator|Undersecretary|Chancellor)\s+of\s+(?:the\s+)?$"
)

#: a one-word department and a plain name run together ('Interior Ken Salazar')
_DEPT_AND_NAME = re.compile(r"([A-Z][a-z]+)\s+(" + _NAME_SHAPE.pattern + ")")


def _department_holders(entities: list[Entity], text: str) -> list[Entity]:
    """An organisation the NER ran on into the next name is split into the department and a person: 'Secretary
    of the Interior Ken Salazar' came back as ORG 'Interior Ken Salazar', so Salazar was no speaker of his
    own statement.  Only a one-word department after 'Secretary of (the)' and the like, followed by a plain
    two- or three-word name."""
    out = []
    for e in entities:
        m = _DEPT_AND_NAME.fullmatch(e.text) if e.label in {"ORG", "FAC", "GPE", "PRODUCT"} else None
        if (
            m
            and _OFFICE_OF_DEPT.search(text, max(0, e.start - 30), e.start)
            and not any(w.lower() in ROLE_WORDS for w in m.group(2).split())
        ):
            ps = e.start + m.start(2)
            out.append(Entity(text=m.group(1), label="ORG", start=e.start, end=e.start + m.end(1)))
            out.append(Entity(text=m.group(2), label="PERSON", start=ps, end=e.end))
        else:
            out.append(e)
    return out


#: the prefix of a ship's name ('INS Mysore', 'USS Cole', 'HMS Belfast', 'MV Gibe')
_SHIP_PREFIX = re.compile(r"(?:INS|USS|HMS|HMCS|HMAS|HMNZS|USNS|USCGC|MV|RMS)\s+[A-Z]")
#: a kind of ship written right before its name ('Indian warship INS Mysore', 'the destroyer Cole')
_SHIP_BEFORE = re.compile(
    r"\b(?:warship|ship|vessel|destroyer|frigate|cruiser|corvette|carrier|submarine|tanker|freighter|trawler|"
    r"yacht|liner|ferry|dhow|tugboat|gunboat|patrol boat)s?\s+$",
    re.I,
)


def _vessels(entities: list[Entity], text: str) -> None:
    """A name the NER labelled a person is a ship's when written with a ship's prefix or right after a kind
    of ship, and so is every mention with the same text ('Indian warship INS Mysore'; 'INS Mysore then opened
    fire').  Why: a ship was the antecedent of a crew member's 'he added'."""
    ships = {
        e.text
        for e in entities
        if e.label == "PERSON"
        and (_SHIP_PREFIX.match(e.text) or _SHIP_BEFORE.search(text, max(0, e.start - 30), e.start))
    }
    for e in entities:
        if e.label == "PERSON" and e.text in ships:
            e.label = "PRODUCT"


def _surnamed_people(entities: list[Entity], text: str) -> None:
    """A plain two- or three-word name the NER labelled an organisation, facility or product is a person's
    when its last word is labelled a person on its own elsewhere in the article and no other full name there
    has that surname ('Bettie Page' ORG, then 'Page' PERSON: her later 'she said' went to her agent, the only
    person left).  A name after 'the' is a title ('The Notorious Bettie Page', a film), not a person's."""
    bare = {e.text for e in entities if e.label == "PERSON" and " " not in e.text}
    full = {e.text for e in entities if e.label == "PERSON" and " " in e.text}
    names = {
        e.text
        for e in entities
        if e.label in {"ORG", "FAC", "PRODUCT"}
        and _NAME_SHAPE.fullmatch(e.text)
        and not any(w.lower() in ROLE_WORDS for w in e.text.split())
        and e.text.split()[-1] in bare
        and not any(f.split()[-1] == e.text.split()[-1] and f != e.text for f in full)
        and not re.search(r"\b(?:the|The)\s+$", text[max(0, e.start - 5) : e.start])
    }
    for e in entities:
        if e.text in names and e.label in {"ORG", "FAC", "PRODUCT"}:
            e.label = "PERSON"


def _plural_things(entities: list[Entity], text: str) -> None:
    """A name the NER labelled a person is a thing's when its last word is a plural noun that also ends other
    capitalised names in the article and is written lower-case there too ('Tony Awards' beside 'the Academy
    Awards', 'Grammy Awards' and 'awards shows').  Why: as a person, 'Tony Awards' took a later mention
    ('Academy Awards') and with it the description that followed.  A surname that is a plural ('Maxine Waters',
    'Bill Gates') is not written after other capitalised words as the end of their names."""
    things = set()
    for e in entities:
        words = strip_name(e.text).split() if e.label == "PERSON" else []
        if len(words) < 2 or not re.fullmatch(r"[A-Z][a-z]+s", words[-1]):
            continue
        last = words[-1]
        if not re.search(rf"\b{last.lower()}\b|\b{last.lower()[:-1]}\b", text):
            continue  # never written as a common noun
        for m in re.finditer(rf"(?<![\w.’'\-])([A-Z][\w’'\-]*)[ \t]+{last}\b", text):
            if m.group(1) != words[-2] and not title_word(m.group(1)) and m.group(1).lower() not in _NORP_LOWER:
                things.add(e.text)
                break
    for e in entities:
        if e.label == "PERSON" and e.text in things:
            e.label = "EVENT"


def canonicalize_article(entities: list[Entity], text: str = "", index: NameIndex | None = None) -> NameIndex:
    """Set ``Entity.canonical`` within one article; returns the name index for quote attribution."""
    index = index or NameIndex()
    if text:
        entities[:] = _department_holders(entities, text)
        _titled_people(entities, text)
        _vessels(entities, text)
        _surnamed_people(entities, text)
        _plural_things(entities, text)
    people = [e for e in entities if e.label == "PERSON"]
    for e in people:
        index.add(e.text, e.start)
    if text:
        index.learn_genders(text, people)
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
    ta, tb = _name_words(a), _name_words(b)  # 'John G. Roberts Jr' is 'John Roberts'
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
    if same_first_name(fa, fb) and _suffix(a) == _suffix(b):
        return True  # 'Dick Durbin' is Richard J. Durbin; 'Don Trump Jr' is not Donald Trump
    return fuzz.ratio(fa, fb) >= 70


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map each person name to one canonical spelling (the most frequent full form)."""
    counts = Counter(n for n in names if n)
    # two speakers together ('Chinese Foreign Ministry and Kremlin') are nobody's full name: 'Kremlin' is not them
    joint = {n for n in counts if " and " in n}
    full = sorted((n for n in counts if len(n.split()) >= 2 and n not in joint), key=lambda n: (-counts[n], -len(n), n))
    groups: list[list[str]] = []
    for n in full:
        for g in groups:
            if _same_person(g[0], n) and (
                n.split()[0].lower()[:1] == g[0].split()[0].lower()[:1]
                or (same_first_name(n.split()[0], g[0].split()[0]) and _suffix(n) == _suffix(g[0]))
            ):
                g.append(n)
                break
        else:
            groups.append([n])
    mapping: dict[str, str] = {}
    for g in groups:
        best = sorted(g, key=lambda n: (-counts[n], n))[0]
        for n in g:
            mapping[n] = best
    mapping.update({j: j for j in joint})
    singles = [n for n in counts if len(n.split()) == 1]
    for s in singles:
        low = s.lower()
        hits = {mapping[f] for f in full if surname(f).lower() == low or f.split()[0].lower() == low}
        if not hits:
            hits = {mapping[f] for f in full if fuzz.ratio(surname(f).lower(), low) >= 88 and len(low) >= 5}
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
