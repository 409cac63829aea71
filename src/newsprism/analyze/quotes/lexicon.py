"""Word lists and patterns shared by the quote modules: speech verbs, role and office nouns,
institutions, places, function words.

Why one module: the same vocabulary decides noun phrases, roles and speakers, so a list tuned here
changes every rule that reads it.  A list or pattern that only one module reads lives in that module.
"""

from __future__ import annotations

import calendar
import re

from newsprism.analyze.entities import DEMONYMS, OCCUPATION_WORDS
from newsprism.analyze.nlp import _MAIN_PLACES as _NLP_MAIN_PLACES
from newsprism.analyze.nlp import _NORP as _NLP_NORP

VERBS = (
    "said|says|say|saying|told|tells|added|adds|adding|wrote|writes|tweeted|tweets|posted|stated|states|noted|"
    "notes|explained|asked|asks|insisted|insists|argued|argues|warned|warns|claimed|claims|declared|announced|"
    "continued|stressed|emphasized|emphasised|acknowledged|admitted|recalled|replied|responded|complained|urged|"
    "suggested|predicted|conceded|countered|observed|remarked|testified|vowed|promised|pledged|cautioned|scoffed|"
    "quipped|lamented|charged|contended|maintained|reported|called|described|confirmed|concluded|joked|boasted|"
    "retorted|shouted|wondered|mused|agreed|blasted|slammed|praised|accused|criticized|criticised|denied|"
    "demanded|explains|recounted|offered|thanked|predicts|believes|believed|hoped|advised|proclaimed|exclaimed|"
    "signaled|signalled|read|reads|tweeting|telling|calling|describing|writing|retort|declaring|insisting|"
    "arguing|warning|claiming|noting|asking|stating|reports|pointed out|points out|notified|asserted|reiterated|"
    "revealed"
)
_VERB_RE = re.compile(rf"\b(?:{VERBS})\b")


_PRONOUNS = {"he", "she", "him", "her", "his"}

#: month and day names, never a speaker ('The Indian Navy in November said'); 'May' is also a surname
_CALENDAR = (
    frozenset(w.lower() for w in (*calendar.month_name, *calendar.day_name) if w) | {"today", "yesterday", "tonight"}
) - {"may"}
#: a person's occupation or standing written before a name or as an appositive: the bench, business, media and
#: public life ('Justice Anthony Kennedy', 'CEO Dan Cathy', 'Talk-show host Ellen DeGeneres', 'Harvard economist
#: Jeff Miron', 'Wal-Mart worker Betty Dukes'); both role vocabularies below hold them. The ones the NER also
#: takes into a name are entities.OCCUPATION_WORDS, shared with its _OCCUPATIONS. Not 'actor'/'actress':
#: as a description subject they are epithets of the story's main person ('The American Pie actress … checked in',
#: 'The 40-year-old actor plays …'), which no earlier role resolves, so they hid the person who spoke next
_PERSON_ROLES = set(OCCUPATION_WORDS) | {
    "justice",
    "judge",
    "ceo",
    "founder",
    "host",
    "anchor",
    "columnist",
    "nominee",
    "hopeful",
    "consultant",
    "photographer",
    "worker",
    "officer",
    "commander",
    "chairwoman",
    "owner",
    "physician",
    "surgeon",
    "priest",
}
#: the articles and joining words inside a noun phrase ('the chairman of the committee for …'); the base of the
#: lower-case words a name's noun phrase, a function noun phrase and a role's filler may hold
_NP_GLUE = {"the", "a", "an", "of", "for", "and"}
_NP_LOWER = _NP_GLUE | {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "aide",
    "adviser",
    "advisor",
    "presidential",
    "foreign",
    "policy",
    "prime",
    "minister",
    "ministry",
    "secretary",
    "official",
    "officials",
    "expert",
    "analyst",
    "director",
    "president",
    "leader",
    "senior",
    "deputy",
    "chief",
    "former",
    "national",
    "security",
    "press",
    "state",
    "top",
    "diplomat",
    "envoy",
    "ambassador",
    "lawmaker",
    "lawmakers",
    "senator",
    "governor",
    "chairman",
    "chairwoman",
    "professor",
    "researcher",
    "fellow",
    "economist",
    "commentator",
    "correspondent",
    "editor",
    "strategist",
    "general",
    "commander",
    "prosecutor",
    "attorney",
    "lawyer",
    "judge",
    "mayor",
    "manager",
    "executive",
    "founder",
    "candidate",
    "nominee",
    "campaign",
    "party",
    "government",
    "administration",
    "department",
    "office",
    "council",
    "committee",
    "agency",
    "court",
    "military",
    "defense",
    "intelligence",
    "head",
    "member",
    "officer",
    "spokesmen",
    "majority",
    "minority",
    "speaker",
    "vice",
    "first",
    "lady",
    "host",
    "writer",
    "author",
    "activist",
    "representative",
    "congressman",
    "congresswoman",
    "democrat",
    "republican",
    "democratic",
    "conservative",
    "liberal",
    "white",
    "house",
    "her",
    "his",
    "its",
    "their",
    "source",
    "sources",
    "statement",
    "readout",
    "aides",
    "staff",
    "counterpart",
    "media",
    "newspaper",
    "outlet",
    "network",
    "group",
    "organization",
    "union",
    "association",
    "affairs",
    "relations",
    "justice",
    "gop",
    "u.s.",
    "federal",
    "county",
    "city",
    "health",
    "police",
    "sheriff",
    "coach",
    "owner",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "friend",
    "resident",
    "witness",
    "victim",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "pastor",
    "chancellor",
    "premier",
    "commissioner",
    "organizer",
    "whip",
    "agent",
    "publicist",
}
_NP_LOWER |= _PERSON_ROLES
_DESCRIPTORS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "adviser",
    "advisor",
    "minister",
    "official",
    "president",
    "leader",
    "expert",
    "analyst",
    "envoy",
    "diplomat",
    "ambassador",
    "secretary",
    "director",
    "senator",
    "governor",
    "chairman",
    "professor",
    "general",
    "prosecutor",
    "attorney",
    "lawyer",
    "mayor",
    "candidate",
    "lawmaker",
    "congressman",
    "congresswoman",
    "chancellor",
    "premier",
    "commissioner",
    "sheriff",
    "chief",
    "representative",
    "whip",
    "organizer",
    "editor",
    "speaker",
    "agent",
    "publicist",
} | _PERSON_ROLES
_ORG_HEADS = {
    "ministry",
    "kremlin",
    "government",
    "administration",
    "office",
    "department",
    "council",
    "committee",
    "agency",
    "court",
    "house",
    "pentagon",
    "party",
    "commission",
    "campaign",
    "embassy",
    "police",
    "union",
    "army",
    "military",
    "company",
    "university",
    "institute",
    "center",
    "bank",
}
_INTRO = {
    "in",
    "on",
    "at",
    "after",
    "during",
    "asked",
    "speaking",
    "when",
    "while",
    "since",
    "before",
    "ahead",
    "last",
    "this",
    "according",
    "earlier",
    "later",
    "meanwhile",
    "but",
    "and",
    "yet",
    "still",
    "separately",
    "instead",
    "however",
    "also",
    "then",
    "so",
    "as",
    "for",
    "with",
    "without",
    "despite",
    "responding",
    "writing",
    "addressing",
    "if",
    "although",
    "though",
    "because",
    "once",
    "today",
    "yesterday",
}


_NORP = {v.lower() for v in DEMONYMS.values()}
#: party words (one set: an earlier, wider copy was shadowed by this one at run time)
_PARTY_WORDS = {"democrat", "democratic", "republican", "independent", "gop"}


#: an institution's unnamed speaker: '[a] [senior] White House [press] spokesman' (modifiers, institution, role)
_ORG_DESC = re.compile(
    r"(?:(?:the|a|an|The|A|An)\s+)?((?:[a-z][\w\-]*\s+){0,2})?"
    r"((?:[A-Z][\w.&’'\-]*\s+){0,4}[A-Z][\w.&’'\-]*)\s+((?:[a-z][\w\-]*\s+){0,2}(?:"
    + "|".join(sorted(_DESCRIPTORS))
    + r"))"
)
_ORG_WORDS = _ORG_HEADS | {
    "ministry",
    "foreign",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "reuters",
    "agency",
    "endowment",
    "program",
    "university",
    "nato",
    "nsc",
    "cnn",
    "bbc",
    "fox",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "npr",
    "associated",
    "xinhua",
    "white",
    "house",
    "senate",
    "congress",
    "democrats",
    "republicans",
    "gop",
    "fbi",
    "cia",
    "un",
    "eu",
    "commission",
    "kremlin",
}
#: places: the analysis stage's main ones, 'the' and 'u.k' (the words of 'the U.K.' with the dots stripped), and
#: below the nationality words. Not all of nlp._PLACES: its 'united states' made 'the United States said …' no speaker
_PLACES = _NLP_MAIN_PLACES | {"u.k", "the"}
#: nationality words: the analysis stage's list without its party words, and a few more
_NORPS = (_NLP_NORP - {"democrat", "democratic", "democrats", "republican", "republicans"}) | {
    "afghan",
    "canadian",
    "iraqi",
    "korean",
    "mexican",
    "syrian",
    "taiwanese",
}
_PLACES |= _NORPS


_STOPRUN = {
    "the",
    "a",
    "an",
    "some",
    "many",
    "it",
    "this",
    "that",
    "they",
    "we",
    "i",
    "you",
    "there",
    "but",
    "and",
    "in",
    "on",
    "when",
    "while",
    "after",
    "asked",
    "officials",
    "experts",
    "critics",
}
#: determiners, quantifiers and numbers that open a sentence and are never a speaker's name
_FUNCTION_OPENERS = {
    "one",
    "another",
    "their",
    "his",
    "her",
    "its",
    "our",
    "dozens",
    "hundreds",
    "thousands",
    "several",
    "close",
    "some",
    "many",
    "most",
    "few",
    "both",
    "each",
    "all",
    "such",
    "other",
    "others",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "nearly",
    "about",
    "almost",
    "more",
    "fewer",
    "half",
    "those",
    "these",
    "none",
    "neither",
    "either",
    "every",
    "only",
    # a place or time phrase opening the sentence ('Down the street, John Christie, …, said'; 'As I said')
    "down",
    "up",
    "outside",
    "inside",
    "across",
    "along",
    "near",
    "behind",
    "beyond",
    "around",
    "among",
    "as",
}


_FUNCTION_NP = _NP_GLUE | {"her", "his", "its", "their"}


_TITLE_ABBR = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "sens",
    "rep",
    "reps",
    "gov",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "det",
    "const",
    "insp",
    "cpl",
    "prof",
    "rev",
    "st",
    "jr",
    "sr",
    "u.s",
    "u.n",
    "d.c",
    "no",
    "vs",
    "inc",
    "corp",
    "co",
    "ltd",
    "maj",
    "dist",  # 'Dist. Atty. Steve Cooley'
    "atty",
    "asst",
    "supt",
    "cmdr",
}


_PREPS = {
    "at",
    "to",
    "with",
    "by",
    "from",
    "of",
    "for",
    "on",
    "in",
    "about",
    "against",
    "after",
    "before",
    "when",
    "asked",
    "ask",
    "told",
    "tell",
    "urging",
    "urged",
    "called",
    "than",
    "like",
    "as",
    "into",
    "over",
    "toward",
    "towards",
    "and",
    "or",
    "between",
    "among",
    "under",
    "prompted",
    "thanked",
    "criticized",
    "attacked",
    "sent",
    "sends",
    "gave",
    "handed",
    "addressed",
    "invited",
    "accused",
    "blamed",
}


#: party nouns that describe a person on their own ('Another leading Dem, Sen. Kirsten Gillibrand')
_PARTY_NOUNS = {"dem", "democrat", "republican", "independent", "conservative", "liberal", "progressive"}


#: speech verbs whose subject is the speaker (not 'called', 'described', 'read': 'a charity called “Smiles for Life”')
_SAY = (
    "said|says|told|tells|added|adds|wrote|writes|stated|states|noted|notes|announced|warned|warns|argued|argues|"
    "claimed|claims|explained|insisted|insists|tweeted|responded|replied|acknowledged|confirmed|declared|urged|"
    "testified|concluded|countered|cautioned|predicted|suggested"
)
_COMMON_SUBJ = re.compile(rf"((?:the|a|an)\s+(?:[a-z][\w\-]*\s+){{0,2}}[a-z][\w\-]*)\s+(?:\w+ly\s+)?({_SAY})\b")


_DOC_SYNONYMS = [
    {"statement", "release"},
    {"letter"},
    {"suit", "lawsuit", "complaint", "filing"},
    {"ad", "advertisement", "commercial", "spot"},
    {"resolution"},
    {"memo", "memorandum"},
    {"petition"},
    {"report", "study"},
]
_DOC_NP = re.compile(
    r"(?:the|The|a|A|its|Its|their|Their|this|This)\s+(?:[\w’'\-]+\s+){0,2}?("
    + "|".join(sorted(set().union(*_DOC_SYNONYMS)))
    + r")\b"
)


#: head nouns of a group or institution that 'the …' can stand for ('the campaign said' -> the Obama campaign)
_GROUP_HEADS = {
    "campaign",
    "department",
    "committee",
    "administration",
    "agency",
    "party",
    "company",
    "group",
    "organization",
    "organisation",
    "coalition",
    "association",
    "union",
    "council",
    "commission",
    "ministry",
    "government",
    "board",
    "bureau",
    "office",
    "firm",
    "caucus",
    "court",
    "hospital",
    "university",
    "church",
    "movement",
    "foundation",
    "institute",
    "embassy",
    "network",
    "newspaper",
}


_GROUP_DESC = re.compile(
    r"(?:the|its|their|The|Its|Their)\s+(?:[a-z][\w\-]*\s+)?(" + "|".join(sorted(_GROUP_HEADS)) + r")"
)
#: a date between a subject and its verb ('The Indian Navy in November said', 'Google on Tuesday said')
_DATE_BETWEEN = re.compile(
    r"[ \t]+(?:in|on|last|this|late|early|earlier)[ \t]+(?i:"
    + "|".join(sorted(_CALENDAR | {"week", "month", "year"}))
    + r")\b,?(?=\s)"
)
#: a word that can be a finite verb right after a subject ('The NAACP adopted', 'The group has drafted',
#: 'the group wrote'), unlike the noun of 'The GOP front-runner' or 'Fox News host'
_VERBISH = re.compile(
    r"\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|es)|[a-z]{3,}[^s\W]s|has|had|have|is|was|are|were|will|would|"
    r"can|could|may|might|must|wrote|said|says|told|made|took|gave|sent|put|spoke|began|went|came|"
    r"did|does|won|lost|held|left|brought|sought|found|saw|ran|led|got|kept|also|again|then)\b"
)
_NAME_LEAD = {
    "the",
    "a",
    "an",
    "but",
    "and",
    "in",
    "on",
    "at",
    "as",
    "after",
    "when",
    "while",
    "if",
    "then",
    "so",
    "by",
    "for",
    "from",
    "with",
    "to",
    "of",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
}


#: the small words of a title or a role: articles, "and"/"or", prepositions (a role neither starts nor ends with one)
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"}


_ROLE_FILLER = _NP_GLUE | {"from", "at", "in", "on", "with", "once", "now", "also"}


# sentence openers a role match starting at a sentence can drag in ('But Republican Sen. Lindsey Graham')
_LEADING = {"but", "yet", "so", "meanwhile", "also", "however", "still", "now", "then", "instead", "indeed"}
#: subordinators a role match starting at a sentence can drag in ('When Mr. Shulman said he had')
_SUBORD = {"when", "while", "as", "after", "before", "if", "although", "though", "because", "since", "once", "until"}


#: US states and the abbreviations a party-state tag writes them with ('D-Calif.', 'R-Utah', 'D-N.Y.', 'D-CA')
US_STATES = {
    "alabama": ("ala", "al"),
    "alaska": ("alaska", "ak"),
    "arizona": ("ariz", "az"),
    "arkansas": ("ark", "ar"),
    "california": ("calif", "cal", "ca"),
    "colorado": ("colo", "co"),
    "connecticut": ("conn", "ct"),
    "delaware": ("del", "de"),
    "florida": ("fla", "fl"),
    "georgia": ("ga",),
    "hawaii": ("hawaii", "hi"),
    "idaho": ("idaho", "id"),
    "illinois": ("ill", "il"),
    "indiana": ("ind", "in"),
    "iowa": ("iowa", "ia"),
    "kansas": ("kan", "kans", "ks"),
    "kentucky": ("ky",),
    "louisiana": ("la",),
    "maine": ("maine", "me"),
    "maryland": ("md",),
    "massachusetts": ("mass", "ma"),
    "michigan": ("mich", "mi"),
    "minnesota": ("minn", "mn"),
    "mississippi": ("miss", "ms"),
    "missouri": ("mo",),
    "montana": ("mont", "mt"),
    "nebraska": ("neb", "ne"),
    "nevada": ("nev", "nv"),
    "new hampshire": ("nh",),
    "new jersey": ("nj",),
    "new mexico": ("nm",),
    "new york": ("ny",),
    "north carolina": ("nc",),
    "north dakota": ("nd",),
    "ohio": ("ohio", "oh"),
    "oklahoma": ("okla", "ok"),
    "oregon": ("ore", "or"),
    "pennsylvania": ("pa",),
    "rhode island": ("ri",),
    "south carolina": ("sc",),
    "south dakota": ("sd",),
    "tennessee": ("tenn", "tn"),
    "texas": ("tex", "tx"),
    "utah": ("utah", "ut"),
    "vermont": ("vt",),
    "virginia": ("va",),
    "washington": ("wash", "wa"),
    "west virginia": ("wva", "wv"),
    "wisconsin": ("wis", "wi"),
    "wyoming": ("wyo", "wy"),
}
