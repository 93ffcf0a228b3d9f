"""Surface tokens: split text into words and punctuation, and classify each word once.

Splitting uses one regular expression written for news text, as an nltk
``RegexpTokenizer`` (rule-based, needs no downloaded data). nltk runs it with
the third-party ``regex`` engine under a timeout; Python's ``re`` finds the same
tokens about twice as fast, so ``split_text`` uses ``re`` whenever both engines
agree on every character of the text (always for ASCII text) and nltk otherwise.
Every distinct surface form is classified once and cached, so the cost per token
is a dictionary lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from nltk import redos
from nltk.tokenize import RegexpTokenizer

# Typographic variants folded to ASCII, so "Russia’s" splits like "Russia's".
FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u00ad": "",
        "\u200b": "",
        "_": " ",
    }
)
# URLs, e-mail addresses and @handles carry no topic; removed before splitting.
_NOISE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\w)@\w+")
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = "Mr|Mrs|Ms|Dr|St|Prof|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Gov|Jr|Sr|Mt|Ft|Adm|Maj|Rev|No"
_PATTERN = (
    r"(?:[A-Za-z]\.){2,}"  # dotted acronyms: U.S., U.N.
    rf"|(?:{ABBREVIATIONS})\.(?=\s)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+"  # 2,000 and 1.5 as one number
    r"|[^\W_]+(?:['-][^\W_]+)*"  # words, with inner hyphens and apostrophes
    r"|\n|[^\w\s]"  # line ends (headlines, paragraphs) and single punctuation marks
)
# The same tokens, found faster: blanks are skipped in one step, and a lowercase word (most
# tokens) is tried first, which is safe because no earlier alternative can match where a
# lowercase letter is followed by a letter or digit. The empty alternative lets trailing
# blanks be skipped in one step too (its empty token is dropped).
_FAST_PATTERN = rf"[^\S\n]*+([a-z][^\W_]+(?:['-][^\W_]+)*|{_PATTERN}|)"
SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"'})
# Contractions whose first part is the word: "it's" -> it, "don't" -> do.
_CONTRACTIONS = ("s", "re", "ve", "ll", "d", "m", "t")
# Words that may sit inside a statistical phrase ("minister_of_foreign_affairs"); gensim's
# English connector words without "and"/"or", so "russia_and_iran" is never one token.
PHRASE_CONNECTORS = frozenset(
    {"a", "an", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with", "without"}
)
# What happened to a word, for the attrition report.
STOPPED, FILTERED, KEPT = 0, 1, 2


class Kind(IntEnum):
    """What a surface token is."""

    BOUNDARY = 0  # ends a sentence (and a phrase)
    BREAK = 1  # other punctuation: ends a name or a phrase
    WORD = 2  # a lowercase word
    CAPITAL = 3  # a capitalised word
    ACRONYM = 4  # SCO, JCPOA, U.S.
    NUMBER = 5
    CONNECTOR = 6  # lowercase "of", "for", "and": may sit inside a name


NAME_CONNECTORS = frozenset({"of", "for", "and"})
# Acronyms spelt like stopwords that are names when written in capitals.
ACRONYM_NAMES = frozenset({"us", "un", "who", "it"})


class Word:
    """One classified surface form, with the token it gives as a name and as a common word.

    ``common`` is the lemma (or stem) used when the word is not a name; ``stop`` and
    ``name_stop`` say whether each is a stopword, ``keep`` and ``name_keep`` whether each
    survives the stopword, length and number filters. ``fate``, ``name_fate`` and
    ``in_name_fate`` are the word's ``(raw, token, fate)`` for the attrition report when
    it is read as a common word, as a name on its own, or inside a multi-word name; they
    are made once here, so the scanner only appends them.
    """

    __slots__ = (
        "kind",
        "raw",
        "lower",
        "name",
        "common",
        "stop",
        "keep",
        "name_stop",
        "name_keep",
        "possessive",
        "connects",
        "fate",
        "name_fate",
        "in_name_fate",
        "_name_like",
        "_bare_name_like",
    )

    def __init__(
        self,
        kind: Kind,
        raw: str,
        lower: str,
        name: str,
        common: str,
        stop: bool,
        keep: bool,
        name_stop: bool,
        name_keep: bool,
        possessive: bool = False,
        alias: bool = False,
    ):
        self.kind = kind
        self.raw = raw
        self.lower = lower
        self.name = name
        self.common = common
        self.stop = stop
        self.keep = keep
        self.name_stop = name_stop
        self.name_keep = name_keep
        self.possessive = possessive
        # Whether the common form may sit inside a phrase (a dropped one does not end it).
        self.connects = common in PHRASE_CONNECTORS
        self.fate = (raw, common, KEPT if keep else STOPPED if stop else FILTERED)
        self.name_fate = (raw, name, KEPT if name_keep else STOPPED if name_stop else FILTERED)
        self.in_name_fate = (raw, name, STOPPED if kind == Kind.CONNECTOR else KEPT)
        self._name_like: bool | None = None
        # An alias ("U.S.") is a name wherever it stands.
        self._bare_name_like: bool | None = True if alias else None

    @property
    def name_like(self) -> bool:
        """Whether the word is a name even where it only starts a sentence (worked out
        when first asked: it needs the lemma dictionary, and few words are ever asked)."""
        if self._name_like is None:
            self._name_like = self.kind == Kind.ACRONYM or (
                self.kind == Kind.CAPITAL and looks_like_name(self.lower)
            )
        return self._name_like

    @property
    def bare_name_like(self) -> bool:
        """Whether the word is a name on a line whose capitals say nothing (an all-caps
        headline, a table row): only a dotted acronym ("U.S."), an alias or a word the lemma
        dictionary does not know is; "US", "MLN" or "WOULD" in capitals is a common word."""
        if self._bare_name_like is None:
            self._bare_name_like = self.kind in (Kind.CAPITAL, Kind.ACRONYM) and (
                "." in self.raw or looks_like_name(self.lower)
            )
        return self._bare_name_like


@dataclass(frozen=True)
class TokeniseOptions:
    """How surface words become tokens (the ``tokenise`` section of the config)."""

    lowercase: bool
    normalise: str  # lemma | snowball | porter | none
    min_length: int
    keep_numbers: bool
    stopwords: frozenset[str]
    # (surface form, token) pairs of ``tokenise.aliases`` that are one word ("U.S.", "UN"),
    # matched as written (so "US" but never the pronoun "us"); the default keeps saved
    # tokenisers from before aliases loadable.
    aliases: tuple[tuple[str, str], ...] = ()
    # The aliases of more than one word ("United States of America"), joined as one name.
    run_aliases: tuple[tuple[str, str], ...] = ()


_SPLITTER = RegexpTokenizer(_PATTERN)
_FAST_SPLITTER = re.compile(_FAST_PATTERN)
# The character classes the pattern uses, in nltk's engine and in ``re``.
_CLASSES = [(re.compile(c), redos.compile(c, re.UNICODE)) for c in (r"\w", r"\s", r"\d")]
# Characters both engines classify alike (so ``re`` finds nltk's tokens), and the others.
_SAME: set[str] = set()
_DIFFERENT: set[str] = set()


def _engines_agree(text: str) -> bool:
    """Whether ``re`` and nltk's ``regex`` engine put every character of ``text`` in the same
    classes (``\\w``, ``\\s``, ``\\d``); learnt per character and remembered."""
    if _SAME.issuperset(text):
        return True
    for char in set(text) - _SAME:
        if char not in _DIFFERENT:
            same = all(bool(fast.match(char)) == bool(nltk.match(char)) for fast, nltk in _CLASSES)
            (_SAME if same else _DIFFERENT).add(char)
        if char in _DIFFERENT:
            return False
    return True


def split_text(text: str) -> list[str]:
    """Surface tokens of ``text``: words, numbers and punctuation, URLs and e-mails removed."""
    text = text.translate(FOLD)
    if "@" in text or "http" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    if not _engines_agree(text):
        return _SPLITTER.tokenize(text)
    tokens = _FAST_SPLITTER.findall(text)
    # Only the end of the text gives empty tokens (FOLD leaves no "_" to give others).
    while tokens and not tokens[-1]:
        tokens.pop()
    return tokens


def normaliser(method: str) -> Callable[[str], str]:
    """The function that turns a lowercase common word into its base form."""
    if method == "lemma":
        import simplemma

        def lemma(word: str) -> str:
            base = simplemma.lemmatize(word, lang="en")
            # simplemma capitalises lemmas of proper nouns; keep the word's case.
            return base.lower()

        return lemma
    if method in ("snowball", "porter"):
        from nltk.stem import PorterStemmer, SnowballStemmer

        stemmer = SnowballStemmer("english") if method == "snowball" else PorterStemmer()
        return stemmer.stem
    if method == "none":
        return str
    raise ValueError(
        f"tokenise.normalise: unknown method {method!r} (lemma, snowball, porter, none)"
    )


def is_acronym(word: str) -> bool:
    """Two or more letters, all capitals (dots and hyphens aside): SCO, U.S., JCPOA."""
    letters = word.replace(".", "").replace("-", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


def looks_like_name(lower: str) -> bool:
    """Whether a word seen only at a sentence start is a name: unknown to the lemma
    dictionary, or known with a capitalised lemma (Moscow, Tehran)."""
    import simplemma

    if not simplemma.is_known(lower, lang="en"):
        return True
    return simplemma.lemmatize(lower, lang="en")[:1].isupper()


class WordClassifier:
    """Classifies surface tokens (cached): kind, name form, common form, filters."""

    def __init__(self, options: TokeniseOptions):
        self.options = options
        self._base = normaliser(options.normalise)
        self._aliases = dict(options.aliases)
        self.cache: dict[str, Word] = {}

    def __call__(self, raw: str) -> Word:
        word = self.cache.get(raw)
        if word is None:
            word = self.cache[raw] = self._classify(raw)
        return word

    def _classify(self, raw: str) -> Word:
        opts = self.options
        first = raw[0]
        if not (first.isalnum()):
            kind = Kind.BOUNDARY if raw in SENTENCE_END or first == "\n" else Kind.BREAK
            return Word(kind, raw, raw, "", "", True, False, True, False)
        possessive = False
        word = raw
        if "'" in word:
            head, _, tail = word.partition("'")
            if tail.lower() in _CONTRACTIONS:
                possessive = tail.lower() == "s"
                word = head
        if word.endswith(".") and not is_acronym(word):
            word = word[:-1]  # Mr. -> Mr
        lower = word.lower()
        if not any(c.isalpha() for c in word):
            number = word.replace(",", "")
            keep = opts.keep_numbers
            return Word(Kind.NUMBER, raw, lower, number, number, False, keep, False, keep)
        acronym = is_acronym(word)
        if acronym:
            kind = Kind.ACRONYM
            name = word.replace(".", "")
        elif first.isupper():
            kind = Kind.CAPITAL
            name = word
        elif lower in NAME_CONNECTORS:
            kind = Kind.CONNECTOR
            name = word
        else:
            kind = Kind.WORD
            name = word
        if opts.lowercase:
            name = name.lower()
        common = self._base(lower)
        stop = lower in opts.stopwords or common in opts.stopwords
        keep = not stop and len(common) >= opts.min_length
        # An acronym such as "US" is a name, not the pronoun "us" on the stopword list.
        name_stop = name.lower() in opts.stopwords and not (
            acronym and name.lower() in ACRONYM_NAMES
        )
        name_keep = not name_stop and (acronym or len(name) >= opts.min_length)
        alias = self._aliases.get(word)
        if alias is not None:
            # An acronym or a name's other spelling: always that name, never a stopword.
            kind = Kind.ACRONYM if kind in (Kind.WORD, Kind.CONNECTOR) else kind
            name, name_stop, name_keep = alias, False, True
        return Word(
            kind,
            raw,
            lower,
            name,
            common,
            stop,
            keep,
            name_stop,
            name_keep,
            possessive,
            alias is not None,
        )
