"""Snakemake adapter, tokenise merge: shards back in document order, phrases table, step counts."""

import csv
import json
from collections import Counter

from topicpipe.logsetup import get_logger
from topicpipe.tokenise import load_tokeniser
from topicpipe.tokenise.attrition import Tally
from topicpipe.tokenise.phrases import layer_scores
from topicpipe.tokenise.shards import interleave

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_merge", smk.log[0])

count = 0
with open(smk.output.tokens, "w", encoding="utf-8", newline="\n") as handle:
    for line in interleave(list(smk.input.tokens)):
        handle.write(line)
        count += 1
log.info("merged %d documents from %d shards", count, len(smk.input.tokens))

tally = Tally()
n_documents = 0
for path in smk.input.counts:
    with open(path, encoding="utf-8") as handle:
        counts = json.load(handle)
    tally.merge(Tally.from_dict(counts["tally"]))
    n_documents += counts["documents"]
phrases: Counter[str] = Counter()
names: set[str] = set()
for path in smk.input.stats:
    with open(path, encoding="utf-8") as handle:
        stats = json.load(handle)
    tally.merge(Tally.from_dict(stats["tally"]))
    phrases.update(stats["phrases"])
    names.update(stats["names"])
with open(smk.output.steps, "w", encoding="utf-8") as handle:
    json.dump({"documents": n_documents, "steps": tally.counts()}, handle, indent=1, sort_keys=True)

model = load_tokeniser(smk.input.model).model
scores = layer_scores(model.layers)
with open(smk.output.phrases, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["phrase", "count", "words", "source", "npmi"])
    for phrase, n in sorted(phrases.items(), key=lambda item: (-item[1], item[0])):
        if phrase in model.user.joined:
            source = "user"
        elif phrase in names:
            source = "name"
        else:
            source = "collocation"
        score = scores.get(phrase)
        words = phrase.count("_") + 1
        writer.writerow([phrase, n, words, source, "" if score is None else f"{score:.3f}"])
log.info("%d distinct phrases written to %s", len(phrases), smk.output.phrases)
