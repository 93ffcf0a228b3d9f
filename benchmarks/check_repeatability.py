"""Which tomotopy settings repeat themselves: distinct topic-term tables over repeated trainings.

tomotopy's ``LDAModel`` is trained ``--runs`` times with the same seed on the Lee corpus
(gensim's ``lee_background.cor``, simple tokens, default pruning) for each worker count and
parallel scheme; a setting is repeatable when every run gives byte-identical topic-word
counts. Also: the same documents with the words of each document in another order (the
engine always feeds term-id order), and inference of one document alone vs. among others.

    python benchmarks/check_repeatability.py [--runs 3] [--no-write]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import warnings
from pathlib import Path

import numpy as np
import tomotopy as tp
from gensim.corpora import Dictionary
from gensim.parsing.preprocessing import STOPWORDS
from gensim.test.utils import datapath
from gensim.utils import simple_preprocess

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from readme_section import write_section  # noqa: E402

from topicpipe.engines.tomotopy_lda import bow_words  # noqa: E402

SECTION = "## tomotopy repeatability"
K, SEED, SWEEPS = 10, 1, 300


def lee_bows() -> list[list[tuple[int, int]]]:
    lines = Path(datapath("lee_background.cor")).read_text(encoding="latin-1").splitlines()
    texts = [
        [w for w in simple_preprocess(line, min_len=3) if w not in STOPWORDS] for line in lines
    ]
    dictionary = Dictionary(texts)
    dictionary.filter_extremes(no_below=5, no_above=0.5)
    return [bow for bow in (dictionary.doc2bow(t) for t in texts) if bow]


def digest(documents: list[list[str]], workers: int, scheme: tp.ParallelScheme) -> str:
    """Hash of the topic-word counts after training on ``documents``."""
    model = tp.LDAModel(k=K, seed=SEED)
    for words in documents:
        model.add_doc(words)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        model.train(SWEEPS, workers=workers, parallel=scheme)
    counts = np.array([model.get_topic_word_dist(k, normalize=False) for k in range(K)])
    vocabulary = "\n".join(model.used_vocabs).encode()
    return hashlib.sha256(counts.tobytes() + vocabulary).hexdigest()[:12]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    bows = lee_bows()
    ordered = [bow_words(bow) for bow in bows]
    rng = np.random.default_rng(0)
    shuffled = [list(rng.permutation(words)) for words in ordered]
    cases = [
        ("1 worker, PARTITION (the engine's)", ordered, 1, tp.ParallelScheme.PARTITION),
        ("1 worker, NONE", ordered, 1, tp.ParallelScheme.NONE),
        ("2 workers, PARTITION (the engine's)", ordered, 2, tp.ParallelScheme.PARTITION),
        ("2 workers, DEFAULT", ordered, 2, tp.ParallelScheme.DEFAULT),
        ("2 workers, COPY_MERGE", ordered, 2, tp.ParallelScheme.COPY_MERGE),
        ("1 worker, words of each document shuffled", shuffled, 1, tp.ParallelScheme.PARTITION),
    ]
    lines = [
        f"`python benchmarks/check_repeatability.py --runs {args.runs}`: tomotopy "
        f"{tp.__version__} (ISA {tp.isa}), Lee ({len(bows)} documents, simple tokens), K={K}, "
        f"seed {SEED}, {SWEEPS} sweeps, {args.runs} trainings per row.",
        "",
        "| setting | distinct results | result |",
        "|---|---|---|",
    ]
    results = {}
    for label, documents, workers, scheme in cases:
        digests = [digest(documents, workers, scheme) for _ in range(args.runs)]
        results[label] = set(digests)
        lines.append(f"| {label} | {len(set(digests))} | {', '.join(sorted(set(digests)))} |")
    reordered = results[cases[-1][0]] != results[cases[0][0]]
    lines += [
        "",
        f"Another order of the words inside each document gives "
        f"{'another' if reordered else 'the same'} chain (the engine feeds term-id order).",
    ]
    model = tp.LDAModel(k=K, seed=SEED)
    for words in ordered:
        model.add_doc(words)
    model.train(SWEEPS, workers=1)
    alone = model.infer(model.make_doc(ordered[5]))[0]
    among, _ = model.infer([model.make_doc(w) for w in ordered[::-1]], workers=2)
    same = np.array_equal(alone, among[len(ordered) - 1 - 5])
    lines += [
        f"Inference of a document alone equals its inference among all documents in reverse "
        f"order with 2 workers: {same}.",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        print(f"wrote {write_section(SECTION, body)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
