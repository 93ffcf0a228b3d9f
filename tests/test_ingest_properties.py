"""Property tests of the ingest stage: any bytes in any files never crash it, every file and
record is accounted for, a valid table loses and duplicates no record, and the same corpus
always gives the same files."""

from __future__ import annotations

import csv
import io
import json
import logging
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_ingest_bad_inputs import OUTPUTS, assert_nothing_lost, read_outputs

from defaults import section
from topicpipe.ingest import IngestError, IngestOptions
from topicpipe.ingest.stage import IngestPaths, ingest_to_files

# Hundreds of examples would flood the test log with warnings about bad files.
QUIET = logging.getLogger("test_ingest_properties")
QUIET.disabled = True
# Characters that trouble parsers: quotes, separators, every kind of line end, and
# non-ASCII letters, with enough plain words for documents to survive cleaning.
TRICKY = st.sampled_from(
    [
        '"',
        ",",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\u2028",
        "\u0085",
        "{",
        "}",
        "[",
        "\\",
        "\u00e9",
        "\u0416",
    ]
)
WORD = st.sampled_from(["harbour", "quay", "grain", "ships", "board", "Velin", "wheat", "levy"])
TEXT = st.lists(st.one_of(WORD, WORD, WORD, TRICKY), max_size=60).map(" ".join)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])


def ingest(corpus: Path, out: Path) -> dict:
    """Run the stage (every file of a folder read, by suffix); the outputs as read back."""
    out.mkdir()
    paths = IngestPaths(*(out / name for name in OUTPUTS), kept=out / "kept")
    options = IngestOptions.from_config(section("ingest", glob="*", max_bytes=20_000))
    try:
        ingest_to_files(corpus, options, paths, QUIET)
    except IngestError as error:
        assert "no documents were read" in str(error)
    return read_outputs(corpus, out)


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


FILE = st.one_of(
    st.binary(max_size=400),
    st.builds(encode, TEXT, ENCODING),
    st.builds(
        encode,
        st.lists(TEXT, max_size=6).map(lambda rows: "id,text\n" + "\n".join(rows)),
        ENCODING,
    ),
    st.builds(
        encode,
        st.lists(st.one_of(TEXT.map(lambda t: json.dumps({"text": t})), TEXT), max_size=6).map(
            "\n".join
        ),
        ENCODING,
    ),
)
NAMES = st.sampled_from(["a.txt", "b.csv", "c.jsonl", "d.tsv", "sub/e.txt", "sub/f.csv", "NA.txt"])


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(NAMES, FILE, min_size=1, max_size=5))
def test_any_files_are_read_without_crash_accounted_for_and_deterministic(files):
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        corpus = root / "corpus"
        for relative, data in files.items():
            (corpus / relative).parent.mkdir(parents=True, exist_ok=True)
            (corpus / relative).write_bytes(data)
        first = ingest(corpus, root / "one")
        assert_nothing_lost(first)
        ingest(corpus, root / "two")
        for output in ("documents.jsonl", "manifest.csv", "problems.csv", "dup.csv"):
            assert (root / "one" / output).read_bytes() == (root / "two" / output).read_bytes()


def table_bytes(kind: str, texts: list[str]) -> bytes:
    rows = [{"id": f"r{n}", "text": text} for n, text in enumerate(texts)]
    if kind == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    out = io.StringIO()
    writer = csv.DictWriter(out, ["id", "text"], delimiter="," if kind == "csv" else "\t")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["csv", "tsv", "jsonl"]), st.lists(TEXT, min_size=1, max_size=12))
def test_a_valid_table_loses_and_duplicates_no_record(kind, texts):
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        corpus = root / f"table.{kind}"
        corpus.write_bytes(table_bytes(kind, texts))
        result = ingest(corpus, root / "out")
        assert_nothing_lost(result)
        (row,) = result["manifest"]
        assert (row["n_records"], row["n_bad_rows"]) == (str(len(texts)), "0")
        documents = [d["parent_id"] for d in result["docs"] if d["unit"] == "article"]
        empty = [p["id"] for p in result["problems"]]
        dropped = [d["id"] for d in result["duplicates"] if d["action"] == "dropped"]
        found = documents + empty + dropped
        assert sorted(found) == sorted(f"r{n}" for n in range(len(texts)))
