"""The fitted part of the tokeniser: what the first pass over the corpus learnt, applied to
every document.

``fit_tokeniser`` turns the first pass's output (chunks, name counts) into a
``FittedTokeniser``; ``FittedTokeniser.tokens`` turns one document's chunks into its
final tokens. ``save``/``load_tokeniser`` keep it on disk, so that new documents can
later be tokenised exactly as the corpus was.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from topicpipe.tokenise.names import SEPARATOR, NameVocabulary
from topicpipe.tokenise.phrases import PhraseLayer, UserPhrases, fit_layers
from topicpipe.tokenise.scan import (
    PHRASE_CONNECTORS,
    UNIT,
    Chunks,
    Scanner,
    chunks_text,
    run_spans,
    text_chunks,
)
from topicpipe.tokenise.settings import Settings
from topicpipe.tokenise.stopwords import corpus_stopwords
from topicpipe.tokenise.tokens import TokeniseOptions

STATE_FILE = "tokeniser.json"
# Where a run that was all stopwords was taken out: units in a row, or a unit at either
# end of a chunk.
_REPEATED_UNITS = re.compile("\x1f{2,}")
_EDGE_UNIT = re.compile("(?<![^\t])\x1f|\x1f(?![^\t])")


@dataclass
class FittedTokeniser:
    """Names, phrases and the final stopword filter learnt from one corpus."""

    names: NameVocabulary
    user: UserPhrases
    layers: list[PhraseLayer]
    stopwords: frozenset[str]
    corpus_stopwords: dict[str, int] = field(default_factory=dict)
    name_tokens: set[str] = field(default_factory=set)
    # Each name run seen, as the text that replaces it, and whether one was all stopwords.
    _run_texts: dict[str, str] = field(default_factory=dict, repr=False)
    _dropped_runs: bool = field(default=False, repr=False)

    def named_text(self, text: str) -> str:
        """A document's chunks as text (``chunks_text``) with its names joined (or split):
        each distinct name run is resolved once, and replaced wherever it occurs."""
        if SEPARATOR not in text:
            return text
        pieces = []
        done = 0
        for start, end in run_spans(text):
            pieces.append(text[done:start])
            pieces.append(self._run_text(text[start:end]))
            done = end
        pieces.append(text[done:])
        named = "".join(pieces)
        if self._dropped_runs:
            # A run that was all stopwords left an empty place between units.
            named = _EDGE_UNIT.sub("", _REPEATED_UNITS.sub(UNIT, named))
        return named

    def _run_text(self, run: str) -> str:
        """The items that replace a name run (``UNIT`` between them)."""
        text = self._run_texts.get(run)
        if text is None:
            # Joined names meet the stopword list only now ("vestnik_kavkaza").
            parts = [part for part in self.names.split(run) if part not in self.stopwords]
            self.name_tokens.update(parts)
            text = self._run_texts[run] = UNIT.join(parts)
            self._dropped_runs = self._dropped_runs or not parts
        return text

    def prepared_text(self, text: str) -> Chunks:
        """A document's chunks, from their text (``chunks_text``), with names joined (or
        split) and the user's phrases joined."""
        chunks = text_chunks(self.named_text(text))
        if self.user.by_first:
            return [self.user(chunk) for chunk in chunks]
        return chunks

    def prepared(self, chunks: Chunks) -> Chunks:
        """``prepared_text`` for a document's chunks."""
        return self.prepared_text(chunks_text(chunks))

    def phrased(self, chunks: Chunks) -> list[str]:
        """A document's tokens with names and phrases joined, before corpus stopwords."""
        return self._joined(self.prepared(chunks))

    def phrased_text(self, text: str) -> list[str]:
        """``phrased`` for a document's chunks as text (``chunks_text``)."""
        return self._joined(self.prepared_text(text))

    def _joined(self, prepared: Chunks) -> list[str]:
        """The tokens of prepared chunks, with the phrases of every layer joined."""
        out: list[str] = []
        layers = [(layer.starts.isdisjoint, layer.join) for layer in self.layers]
        for chunk in prepared:
            for cannot_join, join in layers:
                if not cannot_join(chunk):
                    chunk = join(chunk)
            if PHRASE_CONNECTORS.isdisjoint(chunk):
                out += chunk
            else:
                out += [token for token in chunk if token not in PHRASE_CONNECTORS]
        return out

    def without_corpus_stopwords(self, tokens: list[str]) -> list[str]:
        """``tokens`` without the corpus-specific stopwords."""
        if not self.corpus_stopwords:
            return tokens
        return [token for token in tokens if token not in self.corpus_stopwords]

    def tokens(self, chunks: Chunks) -> list[str]:
        """The final tokens of a document, from its chunks."""
        return self.without_corpus_stopwords(self.phrased(chunks))

    def save(self, directory: str | Path, scanner: Scanner) -> None:
        """Write what was fitted, and the ``scanner`` settings that made its input, to
        ``directory``."""
        options = scanner.options
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for index, layer in enumerate(self.layers):
            layer.save(str(directory / f"phrases_{index + 1}.pkl"))
        state = {
            "options": {**asdict(options), "stopwords": sorted(options.stopwords)},
            "titles": sorted(scanner.titles),
            "join_names": scanner.join_names,
            "names": {
                "min_count": self.names.min_count,
                "keep": sorted(self.names.keep),
                "runs": dict(sorted(self.names.runs.items())),
            },
            "user_phrases": sorted(" ".join(p) for ps in self.user.by_first.values() for p in ps),
            "stopwords": sorted(self.stopwords),
            "corpus_stopwords": self.corpus_stopwords,
            "layers": len(self.layers),
        }
        text = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True)
        (directory / STATE_FILE).write_text(text + "\n", encoding="utf-8")


def fit_tokeniser(
    scans: Callable[[], Iterable[str]],
    runs: Mapping[str, int],
    n_documents: int,
    settings: Settings,
) -> FittedTokeniser:
    """Learn names, phrases and corpus stopwords from ``scans()``, each document's chunks
    as text (``chunks_text``), and ``runs``, the name runs counted by the first pass.

    ``scans`` is called once per pass (one or two for phrases, one more for corpus
    stopwords), so the corpus is streamed and never held in memory.
    """
    scanner = settings.scanner()
    stopwords = scanner.options.stopwords
    user_items = [
        [item for chunk in scanner(text).chunks for item in chunk] for text in settings.phrases.user
    ]
    keep = frozenset(item for items in user_items for item in items if SEPARATOR in item)
    names = NameVocabulary(runs, settings.name_min_count, keep)
    user = UserPhrases(
        tuple(t for item in items for t in names.split(item)) for items in user_items
    )
    fitted = FittedTokeniser(names, user, [], stopwords)

    def documents() -> Iterable[str]:
        if user.by_first:
            return (chunks_text(fitted.prepared_text(text)) for text in scans())
        return map(fitted.named_text, scans())

    fitted = FittedTokeniser(names, user, fit_layers(documents, settings.phrases), stopwords)
    if settings.corpus_stopwords_above >= 1.0:
        return fitted
    df: Counter[str] = Counter()
    for doc in scans():
        df.update(set(fitted.phrased_text(doc)))
    found = corpus_stopwords(df, n_documents, settings.corpus_stopwords_above)
    return FittedTokeniser(names, user, fitted.layers, stopwords, found)


class Tokeniser:
    """Text to tokens: the scanner and what was fitted, the same steps the pipeline ran on
    the corpus."""

    def __init__(self, scanner: Scanner, fitted: FittedTokeniser):
        self.scanner = scanner
        self.fitted = fitted

    def __call__(self, text: str) -> list[str]:
        return self.fitted.tokens(self.scanner(text).chunks)


def load_tokeniser(directory: str | Path) -> Tokeniser:
    """The tokeniser saved in ``directory`` (``results/tokens/model``), for new documents."""
    directory = Path(directory)
    state = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
    saved = state["options"]
    options = TokeniseOptions(
        **{
            **saved,
            "stopwords": frozenset(saved["stopwords"]),
            "aliases": tuple(map(tuple, saved.get("aliases", ()))),
            "run_aliases": tuple(map(tuple, saved.get("run_aliases", ()))),
        }
    )
    names = NameVocabulary(
        state["names"]["runs"], state["names"]["min_count"], frozenset(state["names"]["keep"])
    )
    user = UserPhrases(tuple(p.split(" ")) for p in state["user_phrases"])
    layers = [
        PhraseLayer.load(str(directory / f"phrases_{i + 1}.pkl")) for i in range(state["layers"])
    ]
    fitted = FittedTokeniser(
        names, user, layers, frozenset(state["stopwords"]), state["corpus_stopwords"]
    )
    return Tokeniser(Scanner(options, frozenset(state["titles"]), state["join_names"]), fitted)
