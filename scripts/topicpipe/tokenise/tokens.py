"""Surface tokens: split text into words and punctuation, and classify each word once.

Splitting uses nltk's ``RegexpTokenizer`` (rule-based, needs no downloaded data)
with one pattern written for news text. Every distinct surface form is
classified once and cached, so the cost per token is a dictionary lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum

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
SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"'})
# Contractions whose first part is the word: "it's" -> it, "don't" -> do.
_CONTRACTIONS = ("s", "re", "ve", "ll", "d", "m", "t")


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


@dataclass(frozen=True, slots=True)
class Word:
    """One classified surface form, with the token it gives as a name and as a common word.

    ``common`` is the lemma (or stem) used when the word is not a name; ``stop`` and
    ``name_stop`` say whether each is a stopword, ``keep`` and ``name_keep`` whether each
    survives the stopword, length and number filters.
    """

    kind: Kind
    raw: str
    name: str
    common: str
    stop: bool
    keep: bool
    name_stop: bool
    name_keep: bool
    possessive: bool
    name_like: bool


@dataclass(frozen=True)
class TokeniseOptions:
    """How surface words become tokens (the ``tokenise`` section of the config)."""

    lowercase: bool = True
    normalise: str = "lemma"  # lemma | snowball | porter | none
    min_length: int = 3
    keep_numbers: bool = False
    stopwords: frozenset[str] = field(default_factory=frozenset)


def split_text(text: str) -> list[str]:
    """Surface tokens of ``text``: words, numbers and punctuation, URLs and e-mails removed."""
    text = text.translate(FOLD)
    if "@" in text or "http" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    return _SPLITTER.tokenize(text)


_SPLITTER = RegexpTokenizer(_PATTERN)


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
            return Word(kind, raw, "", "", True, False, True, False, False, False)
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
            return Word(Kind.NUMBER, raw, number, number, False, keep, False, keep, False, False)
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
        name_like = kind == Kind.ACRONYM or (kind == Kind.CAPITAL and looks_like_name(lower))
        return Word(
            kind, raw, name, common, stop, keep, name_stop, name_keep, possessive, name_like
        )
