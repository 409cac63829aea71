"""Line-level boilerplate rules shared by the text and HTML cleaners.

Why rules on *shapes* rather than a list of known strings: the cleaner is judged on scrapes of
outlets it has never seen, so every rule describes a kind of line (a navigation label, a photo
credit, a subscription prompt) by its form — length, capitalisation, punctuation, imperative or
second-person wording — and never by a sentence copied from one site.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SENT_END = re.compile(r"[.!?…]['\"”’)\]]*$|[:;]$")


def words(line: str) -> list[str]:
    """Alphabetic words of a line (numbers and punctuation dropped)."""
    return _WORD.findall(line)


def ends_like_sentence(line: str) -> bool:
    return bool(_SENT_END.search(line.rstrip()))


def is_title_case_fragment(line: str, max_words: int = 4) -> bool:
    """Short run of capitalised words with no sentence punctuation: "Active Person", "Arrow-right Camera"."""
    ws = words(line)
    if not ws or len(ws) > max_words or ends_like_sentence(line):
        return False
    if any(c in line for c in '"“”'):
        return False
    return all(w[0].isupper() or not w[0].isalpha() for w in ws)


# ------------------------------------------------------------ navigation
_NAV_PHRASE = re.compile(
    r"\b(skip to (the )?(main )?(content|menu|navigation|search|footer|article)|jump to (main )?content|"
    r"toggle (navigation|menu)|open (the )?menu|close (the )?menu|back to top|scroll to top|main menu)\b",
    re.I,
)


def strip_navigation(line: str) -> str:
    """Remove skip-links and menu toggles, which scrapes glue onto the first line."""
    return re.sub(r"\s{2,}", " ", _NAV_PHRASE.sub(" ", line)).strip()


_BREADCRUMB = re.compile(r"^[\w&'’ -]{1,30}(\s*[>»›/|]\s*[\w&'’ -]{1,30}){1,5}$")


def is_breadcrumb(line: str) -> bool:
    """Section path such as "News > Nation/World" or "World | Asia"."""
    return bool(_BREADCRUMB.match(line)) and not ends_like_sentence(line) and len(words(line)) <= 8


_MASTHEAD = re.compile(r"\b(Est\.|Established|Founded|Since)\s+(\w+\.?\s+)?(\d{1,2},?\s+)?1[6-9]\d\d\b")


def is_masthead_line(line: str) -> bool:
    """Masthead furniture: "Spokane, Washington Est. May 19, 1883"."""
    return bool(_MASTHEAD.search(line)) and len(words(line)) <= 10


# ------------------------------------------------------ photo credits
_AGENCY = (
    r"(AP|AFP|Reuters|Getty(\s+Images)?|EPA|Shutterstock|Bloomberg|Xinhua|Sputnik|Pool|File|"
    r"TASS|Kyodo|Yonhap|Anadolu|Alamy|iStock|Imago|Corbis|UPI|NurPhoto|SOPA|ZUMA|PA(\s+Wire)?|"
    r"The Associated Press|Associated Press|Canadian Press|The Canadian Press)"
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
# "Alexei Druzhinin/Sputnik/AP", "Alexander Zemlianichenko, Pool, File/AP", "AP Photo/Jane Doe"
_SLASH_CREDIT = re.compile(rf"(?:{_NAME}(?:,\s*{_NAME}){{0,3}}\s*/\s*)+{_NAME}")
_CREDIT_LABEL = re.compile(
    r"^\(?\s*(photo(graph)?s?|image|picture|pictured|credit|photo credit|illustration|video|source|"
    r"courtesy|foto|bild)\b\s*(credits?\b\s*)?(:|by\b)",
    re.I,
)
_PAREN_CREDIT = re.compile(rf"\((?:[^()]*/[^()]*|[^()]*\b{_AGENCY}\b[^()]*)\)\s*$")
_TRAIL_LABEL_CREDIT = re.compile(r"(?:\b(?:Credit|Photo|Photograph|Image|Picture)s?\s*:\s*[^.]{2,80})$", re.I)
# a credit glued to the caption's final period: "...on Feb. 4, 2022.Alexei Druzhinin/The Associated Press"
_GLUED_CREDIT = re.compile(rf"[.!?]['’”]?\s*{_SLASH_CREDIT.pattern}\s*$")
_CAPTION_START = re.compile(
    r"^(FILE\s*[-–—]|FILE PHOTO\b|In this (undated |handout |file |combination |)?(\w+\s+){0,6}?"
    r"(photo|image|picture|file photo|photograph|handout)\b|Pictured\b|Photo\s*:)",
    re.I,
)


def is_photo_credit(line: str) -> bool:
    """A line that is only a photo credit."""
    s = line.strip()
    if not s or len(words(s)) > 10 or ends_like_sentence(s.rstrip(")")) and not s.endswith(")"):
        return False
    if _CREDIT_LABEL.match(s):
        return True
    if re.fullmatch(r"\(\s*[^()]{1,60}\)", s) and (re.search(_AGENCY, s) or "/" in s or "photo" in s.lower()):
        return True
    return bool(_SLASH_CREDIT.fullmatch(s)) and re.search(rf"\b{_AGENCY}\b", s) is not None


def is_caption(line: str) -> bool:
    """A photo caption: it starts like one ("FILE - ", "In this … photo") or ends in a credit."""
    s = line.strip()
    if _CAPTION_START.match(s):
        return True
    if _PAREN_CREDIT.search(s):
        tail = s[s.rfind("(") :]
        if re.search(rf"\b{_AGENCY}\b", tail) or _SLASH_CREDIT.search(tail) or re.search(r"photo|©", tail, re.I):
            return True
    if _TRAIL_LABEL_CREDIT.search(s) and re.search(r"\b(Credit|Photo|Photograph)\s*:", s):
        return True
    return bool(_GLUED_CREDIT.search(s))


# ------------------------------------------------- prompts and notices
_PROMPT_START = re.compile(
    r"^(subscribe|sign up|sign in|log ?in|register|donate|give (directly|now|today|to)|support (us|our|local|"
    r"independent|quality)|become a (member|subscriber|patron)|join (us|our|the conversation)|follow us|"
    r"follow (him|her|them|me) on|like us on|share (this|on)|click here|tap here|read more|see more|"
    r"see also|more from|related|recommended|don'?t miss|trending|most (read|popular|viewed)|"
    r"(also )?read( also)?\s*:|watch\s*:|listen\s*:|advertisement|sponsored|"
    r"get (breaking|the latest|our|free|unlimited|full|all|exclusive|the best|the news)|"
    r"tell us|let us know|please (let us know|note|enable|disable|support|consider|subscribe|share)|"
    r"have a (news )?tip|got a (news )?tip|want more|enjoy(ed)? this|thanks for reading|"
    r"we (want to|'d love to) hear|contact (us|the (author|writer|reporter))|email (us|the)|"
    r"download (our|the) app|this (article|content) (is|was) (only )?available|"
    r"already a (subscriber|member)|you (have|'ve) reached|you can (unsubscribe|opt out)|"
    r"copyright|©|all rights reserved|terms of (use|service)|privacy policy|cookie)",
    re.I,
)
_PROMPT_WORDS = re.compile(
    r"\b(subscri\w*|newsletters?|inbox|donat\w+|tax[- ]deductible|paywall|commenting|comments? (section|policy)|"
    r"sign(ed)? up|log(ged)? in|journalism is|support (our|local|independent) journalism|"
    r"delivered (to|straight to|right to) your|breaking news alerts?|unsubscribe|push notifications?|"
    r"cookies?|ad ?blocker|javascript|browser|download the app|follow (us|her|him|them) on|"
    r"(on|via) (twitter|facebook|instagram|linkedin)|may be reached at|reach (him|her|them) at|"
    r"all rights reserved)\b",
    re.I,
)
_SECOND_PERSON = re.compile(r"\b(you|your|you're|you’re|us|our)\b", re.I)
_RELATED_TAG = re.compile(r"\[(INSIGHT|VIDEO|PICTURES|PHOTOS|REVEAL|ANALYSIS|POLL|LATEST|REACTION|MAP)\]\s*\|?\s*$")
_SHORTCODE = re.compile(r"^\[[a-z_]+(\s[^\]]*)?\].*\[/[a-z_]+\]$|^\[/?[a-z_]+(\s+[a-z_]+=[^\]]*)*\]$")


def is_prompt(line: str, *, edge: bool = False) -> bool:
    """Subscription, donation, comment, newsletter and "read more" prompts.

    ``edge`` marks lines outside the article's central run, where the rule may be looser:
    a prompt keyword alone suffices there, while mid-article it needs an imperative opening
    or second-person wording too (so "Netflix added 5m subscribers." survives).
    """
    s = line.strip()
    n = len(words(s))
    if _RELATED_TAG.search(s) or _SHORTCODE.match(s):
        return True
    if _PROMPT_START.match(s) and (n <= 30 or _PROMPT_WORDS.search(s)):
        return True
    if _PROMPT_WORDS.search(s) and (edge or _SECOND_PERSON.search(s) or n <= 8):
        return n <= 60
    return False


_UPDATE_NOTICE = re.compile(
    r"^(\(?(this|an earlier version of this) (story|article|post|report|piece|headline)\b.{0,40}?\b"
    r"(has been|was|were|have been|is being|will be|incorrectly|misstated|misidentified|stated|said)\b.*"
    r"(updated|corrected|amended|revised|changed|clarif|error|incorrect|misstat|misidentif|developing|breaking)|"
    r"(correction|clarification|update|editor['’]?s note)s?\s*[:(—–-]|an earlier version of (this|the) \w+\b|"
    r"updated?\s+(at|on)?\s*\d|this is a (developing|breaking) (story|news))",
    re.I,
)


def is_update_notice(line: str) -> bool:
    """Correction / update / editor's notes about the article itself, not its subject."""
    s = line.strip()
    return bool(_UPDATE_NOTICE.match(s)) and len(words(s)) <= 60


def normalise_line(line: str) -> str:
    """Key for comparing lines across and within documents (case, spacing, punctuation ignored)."""
    return " ".join(re.findall(r"\w+", line.lower()))
