"""Who wrote an article: tell a person ("By Anna Kessler") from an outlet ("By Reuters
Staff", "By Vestnik Kavkaza", "BBC Scotland") and split a byline into authors and source.

A name counts as an outlet when it is a known agency or broadcaster (``KNOWN_OUTLETS``
plus ``ingest.metadata_patterns.outlets``), or is built like one: it ends with a word
such as *News*, *Times* or *Agency*, or is two words starting with one (*Daily Sabah*).
A person is two to four capitalised name words that are none of these, nor months,
weekdays or common page words. Anything else is neither, so nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Agencies, broadcasters and outlets often named alone in a byline or dateline.
KNOWN_OUTLETS = (
    "reuters", "ap", "associated press", "afp", "agence france-presse", "upi",
    "united press international", "bloomberg", "xinhua", "tass", "ria novosti", "interfax",
    "sputnik", "irna", "isna", "fna", "fars", "mna", "mehr", "tasnim", "anadolu", "aa", "dpa",
    "efe", "ansa", "kyodo", "jiji", "yonhap", "pti", "ians", "ani", "tnn", "antara", "bernama",
    "kuna", "wam", "spa", "mena", "qna", "apa", "trend", "azertag", "armenpress", "kazinform",
    "belta", "ukrinform", "unian", "pap", "ctk", "mti", "bta", "agerpres", "tanjug", "hina",
    "lusa", "belga", "anp", "ntb", "ritzau", "keystone-sda", "cna", "pna", "vna", "kcna",
    "prensa latina", "bbc", "cbc", "abc", "nhk", "dw", "deutsche welle", "rfe/rl",
    "radio free europe/radio liberty", "voa", "rte", "rté", "france 24", "rfi", "al jazeera",
    "euronews", "cnn", "npr", "pbs", "sbs", "rnz", "kbs", "cgtn", "cctv", "rt", "mee",
    "politico", "axios",
)  # fmt: skip


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A name ending with one of these (or two words starting with one) is an outlet.
OUTLET_WORDS = _wordset(
    "news newswire wire wires times post press agency service herald tribune journal gazette "
    "daily weekly telegraph monitor chronicle observer guardian mail express radio tv "
    "television broadcasting network media online magazine newspaper courier standard "
    "vestnik gazeta pravda izvestia zeitung"
)
# Words of a byline that name a role, not a person (and, trailing an outlet, are dropped).
ROLE_WORDS = _wordset(
    "correspondent correspondents reporter reporters staff writer writers editor editors "
    "journalist columnist contributor analyst desk bureau team producer photographer "
    "lecturer professor researcher fellow agencies"
)
_PARTICLES = _wordset(
    "van von der den de del della di da dos das du la le bin binti ibn al el ben ter zu"
)
# Capitalised words of page furniture, sections, places and dates that are never part of a name.
_NOT_NAMES = _wordset(
    "the a an and of in on at for to by our your new live update updates updated analysis "
    "opinion exclusive breaking watch video photos latest explainer feature interview "
    "editorial comment comments share save print listen follow subscribe home menu search "
    "more top business politics sport sports culture society science health technology "
    "economy europe asia africa americas international national local world region lifestyle "
    "travel weather markets published posted special author authors source sources related "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday mon tue wed thu fri sat sun north south east west middle central "
    "northern southern eastern western united kingdom states republic island islands city "
    "province region county gulf sea bay valley coast "
    # "By Royal Decree", "By Popular Demand": what "by" names here is a means, not a writer.
    "decree decrees order orders vote votes demand request requests agreement consent "
    "arrangement invitation appointment mandate edict statute ruling resolution referendum "
    "proclamation proxy default design contrast comparison accident mistake means virtue "
    "majority margin definition tradition convention contract permission command"
)
_NAME_WORD = re.compile(r"(?:[^\W\d_]\.){1,2}|[^\W\d_][^\W\d_'.-]*(?:['-][^\W\d_]+)*")
_BYLINE_SPLIT = re.compile(r"\s*(?:[,;|·•&]|\band\b|\bwith\b)\s*", re.IGNORECASE)
_PLACE_TAIL = re.compile(r"\s+(?:in|from|at)\s+[A-Z].*$")
_CONNECTORS = frozenset({"of", "for", "in", "at", "from"})


def _plain(token: str) -> str:
    return re.sub(r"'s$", "", token.casefold())


@dataclass(frozen=True)
class Outlets:
    """Known outlet names (lowercase word tuples), from ``KNOWN_OUTLETS`` plus the user's."""

    names: frozenset[tuple[str, ...]] = field(default_factory=frozenset)

    @classmethod
    def with_extra(cls, extra: Iterable[str] = ()) -> Outlets:
        """The built-in names plus ``extra`` (config ``ingest.metadata_patterns.outlets``)."""
        names = {tuple(_plain(t) for t in name.split()) for name in (*KNOWN_OUTLETS, *extra)}
        return cls(frozenset(n for n in names if n))

    def _known_prefix(self, words: list[str]) -> bool:
        return any(tuple(words[:k]) in self.names for k in range(1, min(len(words), 4) + 1))

    def known(self, text: str) -> bool:
        """Whether ``text`` is exactly a known outlet name ("EFE", "Reuters")."""
        return tuple(_plain(t) for t in text.split()) in self.names

    def outlet(self, text: str) -> str:
        """``text`` as an outlet name ("Reuters Staff" gives "Reuters"), or "" if it is none."""
        tokens = text.strip(" .,:;-").split()
        while tokens and tokens[-1].casefold() in ROLE_WORDS:
            tokens.pop()
        if tokens and tokens[0].casefold() == "the":
            tokens = tokens[1:]
        if not tokens or len(tokens) > 5:
            return ""
        words = [_plain(t) for t in tokens]
        if not all(
            t[0].isupper() or t[0].isdigit() or w in {"of", "the", "&"}
            for t, w in zip(tokens, words, strict=True)
        ):
            return ""
        name = " ".join(tokens)
        if self._known_prefix(words):
            return name
        if words[-1] in OUTLET_WORDS or (len(words) <= 2 and words[0] in OUTLET_WORDS):
            return name
        return ""


def person_name(text: str) -> str:
    """``text`` as a person's name (upper-case names title-cased), or "" if it is not one."""
    tokens = text.strip(" ,;:").split()
    if not tokens or len(tokens) > 6:
        return ""
    named = [t for t in tokens if t.casefold() not in _PARTICLES]
    if not 2 <= len(named) <= 4 or not tokens[0][0].isupper():
        return ""
    for token in named:
        if not _NAME_WORD.fullmatch(token) or not token[0].isupper():
            return ""
        if token.casefold().rstrip(".") in _NOT_NAMES | ROLE_WORDS | OUTLET_WORDS:
            return ""
    if all(t.isupper() for t in named if len(t) > 2):
        tokens = [t if t.casefold() in _PARTICLES else t.capitalize() for t in tokens]
    return " ".join(tokens)


def _is_role_tail(tokens: list[str]) -> bool:
    """Words after a name that describe the person ("North of England correspondent")."""
    if not tokens:
        return False
    lowered = [t.casefold().strip(",") for t in tokens]
    starts_well = (
        not tokens[0][0].isupper()
        or lowered[0] in ROLE_WORDS
        or (len(lowered) > 1 and lowered[1] in _CONNECTORS)
    )
    return starts_well and any(w in ROLE_WORDS for w in lowered)


def name_with_role(text: str) -> str:
    """The person of a line such as "Harriet Cole North of England correspondent", or ""."""
    text = _PLACE_TAIL.sub("", text.strip())
    direct = person_name(text)
    if direct:
        return direct
    tokens = text.split()
    for size in range(2, min(len(tokens), 5)):
        name = person_name(" ".join(tokens[:size]))
        if name and _is_role_tail(tokens[size:]):
            return name
    return ""


def is_role(text: str) -> bool:
    """A line that names only a role: "Special Correspondent", "Staff Reporter",
    "Lecturer in Marine Ecology, Skerholm University"."""
    words = [w.strip(",").casefold() for w in text.split()]
    return 0 < len(words) <= 8 and (words[-1] in ROLE_WORDS or words[0] in ROLE_WORDS)


@dataclass
class Byline:
    """What a byline says: persons and an outlet (either may be missing)."""

    authors: list[str] = field(default_factory=list)
    source: str = ""


def _person_then_outlet(part: str, outlets: Outlets) -> tuple[str, str]:
    """A person's name directly followed by an outlet ("MARTA OLSSON Associated Press")."""
    tokens = part.split()
    for size in range(2, min(len(tokens) - 1, 4) + 1):
        person = person_name(" ".join(tokens[:size]))
        outlet = outlets.outlet(" ".join(tokens[size:])) if person else ""
        if outlet:
            return person, outlet
    return "", ""


def read_byline(text: str, outlets: Outlets) -> Byline | None:
    """Authors and outlet of the text after "By"; None unless every part is understood.

    Parts are split at commas, "and", "&", "with"; each must be a person (optionally
    with a place or role after it), an outlet, a person followed by an outlet
    ("MARTA OLSSON Associated Press") or a role ("Special Correspondent").
    """
    byline = Byline()
    for part in _BYLINE_SPLIT.split(text.strip()):
        if not part:
            continue
        person, outlet = _person_then_outlet(part, outlets)
        if not person and not outlet:
            outlet = outlets.outlet(part)
            person = "" if outlet else name_with_role(part)
            if not outlet and not person and not is_role(part):
                return None
        if person:
            byline.authors.append(person)
        if outlet and not byline.source:
            byline.source = outlet
    return byline
