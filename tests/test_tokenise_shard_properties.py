"""Property tests of the tokenise stage on files, as its rules run it: for any documents and
any shard count, no crash, every document comes out once and in order, and the files are
byte-identical to those of one shard and of a second run."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_tokenise_stage import tokenise

from topicpipe.files import read_json
from topicpipe.jsonl import read_jsonl, write_jsonl

# Words that recur (so names and phrases are learnt), odd characters and free text.
WORDS = st.sampled_from(
    ["Iran", "Russia", "oil", "price", "the", "of", "Shanghai", "Cooperation", "Organization"]
    + ["said", "2015", "U.S.", "north-south", "Él", "ß", ".", ",", "\n\n", "\u2028", "\x00"]
)
TEXT = st.one_of(st.lists(WORDS, max_size=30).map(" ".join), st.text(max_size=80))
DOCUMENTS = st.lists(st.tuples(st.text(max_size=8), TEXT), min_size=1, max_size=12)
# The files of the stage that must not depend on the number of shards (and the fitted
# tokeniser's, in model/).
OUTPUTS = ("tokens", "steps.json", "phrases.csv")


def run(documents: list[tuple[str, str]], shards: int, folder: Path) -> dict[str, bytes]:
    """The tokenise stage on ``documents`` with ``shards`` shards; its output files' bytes."""
    folder.mkdir()
    source = folder / "documents.jsonl"
    write_jsonl(source, ({"id": doc_id, "text": text} for doc_id, text in documents))
    out = tokenise(source, folder / "out", shards)
    fitted = [path.relative_to(out).as_posix() for path in (out / "model").iterdir()]
    return {name: (out / name).read_bytes() for name in [*OUTPUTS, *sorted(fitted)]}


@settings(max_examples=40, deadline=None)
@given(DOCUMENTS, st.integers(min_value=2, max_value=5))
def test_any_documents_any_shards_same_files_every_document_once(documents, shards):
    with tempfile.TemporaryDirectory() as tmp:
        one = run(documents, 1, Path(tmp) / "one")
        many = run(documents, shards, Path(tmp) / "many")
        again = run(documents, shards, Path(tmp) / "again")
        records = list(read_jsonl(Path(tmp) / "many" / "out" / "tokens"))
        steps = read_json(Path(tmp) / "many" / "out" / "steps.json")
    assert many == one
    assert again == many
    assert [record["id"] for record in records] == [doc_id for doc_id, _ in documents]
    assert steps["documents"] == len(documents)
    for record in records:
        assert all(token and not token.isspace() for token in record["tokens"])
        assert json.loads(json.dumps(record["tokens"])) == record["tokens"]
