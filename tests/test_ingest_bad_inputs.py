"""Every kind of bad input a real corpus brings, one case each, run through the ingest stage
on files (as the rule runs it). Each case checks the message a user reads (the manifest's
reason, the problems table, the encoding note) and that nothing was lost: every file is in
the manifest, and every record of every file is a document, a duplicate, or a listed
problem with its reason."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import logging
import os
import random
import signal
import socket
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_ingest_stage import paragraphs

from defaults import section
from topicpipe.ingest import IngestError, IngestOptions
from topicpipe.ingest.metadata import MetadataError
from topicpipe.ingest.stage import IngestPaths, ingest_to_files

LOG = logging.getLogger("test_ingest_bad_inputs")


def story(seed: int, words: int = 40) -> str:
    """Made-up sentences of about ``words`` words, different for each seed."""
    return " ".join(paragraphs(seed, count=max(1, words // 40)))


def article(title: str, seed: int) -> str:
    return f"{title}\n\n" + "\n\n".join(paragraphs(seed)) + "\n"


# The stage's output files, in the order of IngestPaths.
OUTPUTS = ("documents.jsonl", "manifest.csv", "summary.json", "summary.md", "dup.csv", "b.csv")
# Files of a case: relative path -> bytes, or a function that makes the entry at a path.
Maker = Callable[[Path], None]


@dataclass
class Case:
    """One kind of bad input: the files, the fate of the file under test (status and words
    of its reason), words expected in the problems table, and other checks."""

    files: dict[str, bytes | Maker]
    fate: tuple[str, str, str] = ("", "", "")  # (path, status, words in the reason)
    problems: tuple[str, ...] = ()
    corpus: str = ""  # a single file of the case as the corpus (else the folder)
    overrides: dict = field(default_factory=dict)
    check: Callable[[dict], None] | None = None


def symlink_to(target: str) -> Maker:
    return lambda path: os.symlink(target, path)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def unix_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


def csv_bytes(rows: list[list[str]], **options) -> bytes:
    out = io.StringIO()
    csv.writer(out, **options).writerows(rows)
    return out.getvalue().encode("utf-8")


def jsonl(*rows: object) -> bytes:
    return "".join(
        json.dumps(r, ensure_ascii=False) + "\n" if not isinstance(r, str) else r for r in rows
    ).encode()


def random_utf16_bytes() -> bytes:
    """Random bytes behind a UTF-16 byte-order mark that happen to decode."""
    for seed in range(1000):
        data = codecs.BOM_UTF16_LE + random.Random(seed).randbytes(80)
        try:
            data.decode("utf-16")
        except UnicodeDecodeError:
            continue
        return data
    raise AssertionError("no random bytes decode as UTF-16")


GOOD = article("Quay approved after debate", 1).encode()
CAFE = "The caf\u00e9 on the quay reopened, and the harbour board met there again today. "
MIXED = (CAFE * 3).encode("utf-8") + b"\n\n" + (CAFE * 3).encode("latin-1")
ROWS = [["id", "text", "date"], ["r1", story(1), "2021-02-02"], ["r2", story(2), "2021-02-03"]]
CYRILLIC = "Переговоры в Москве и Тегеране продолжились во вторник, сообщили дипломаты. "


def docs_check(expected: set[str]) -> Callable[[dict], None]:
    def check(result: dict) -> None:
        assert expected <= {d["id"] for d in result["docs"]}, expected

    return check


def encoding_check(encoding: str, note: str = "") -> Callable[[dict], None]:
    def check(result: dict) -> None:
        row = result["row"]
        assert row["encoding"] == encoding, row
        assert note in row["encoding_note"], row

    return check


def mixed_check(result: dict) -> None:
    encoding_check("utf-8+cp1252", "mixed encodings")(result)
    (doc,) = [d for d in result["docs"] if d["id"] == "mixed"]
    assert doc["text"].count("caf\u00e9") == 6 and "\u00c3" not in doc["text"]
    assert result["summary"]["files"]["read_in_doubt"] == {"utf-8+cp1252": 1}


def u2028_check(result: dict) -> None:
    (doc,) = result["docs"]
    assert "first half" in doc["text"] and "second half" in doc["text"]
    assert result["row"]["n_bad_rows"] == "0"


def similar_check(result: dict) -> None:
    kept = sorted(d["date"] for d in result["docs"])
    assert kept == ["1987-03-02", "1987-03-03", "1987-03-09"]
    actions = [r["action"] for r in result["duplicates"]]
    assert sorted(actions) == ["dropped", "similar, kept", "similar, kept"]


def hidden_check(result: dict) -> None:
    assert not any(".git/" in r["path"] for r in result["manifest"])


CASES: dict[str, Case] = {
    # Files that are not text, or not there.
    "empty file": Case({"empty.txt": b""}, ("empty.txt", "skipped", "empty")),
    "whitespace only": Case({"blank.txt": b" \n\t\r\n \n"}, ("blank.txt", "skipped", "empty")),
    "NUL bytes": Case({"nul.txt": b"text\x00with\x00nuls"}, ("nul.txt", "skipped", "NUL")),
    "PNG renamed .txt": Case(
        {"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)},
        ("image.txt", "skipped", "PNG image"),
    ),
    "PDF renamed .txt": Case(
        {"paper.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"}, ("paper.txt", "skipped", "PDF")
    ),
    "ZIP / docx renamed .txt": Case(
        {"report.txt": lambda p: zipfile.ZipFile(p, "w").writestr("a.xml", "<a/>")},
        ("report.txt", "skipped", "ZIP archive"),
    ),
    "gzip renamed .txt": Case(
        {"news.txt": gzip.compress(GOOD)}, ("news.txt", "skipped", "gzip archive")
    ),
    "control characters": Case(
        {"ctrl.txt": bytes(range(1, 9)) * 80}, ("ctrl.txt", "skipped", "control characters")
    ),
    "undecodable bytes": Case(
        {"bytes.txt": bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50},
        ("bytes.txt", "skipped", "undecodable"),
    ),
    "random bytes after a UTF-16 BOM": Case(
        {"noise.txt": random_utf16_bytes()}, ("noise.txt", "skipped", "doubtful encoding")
    ),
    "larger than max_bytes": Case(
        {"huge.txt": b"word " * 2000},
        ("huge.txt", "skipped", "larger than ingest.max_bytes"),
        overrides={"max_bytes": 5000},
    ),
    "broken symbolic link": Case(
        {"gone.txt": symlink_to("missing.txt")}, ("gone.txt", "skipped", "broken symbolic link")
    ),
    "symbolic link loop": Case(
        {"loop.txt": symlink_to("loop.txt")}, ("loop.txt", "skipped", "symbolic link loop")
    ),
    "symbolic link to a folder": Case(
        {"linked.txt": symlink_to("/tmp")}, ("linked.txt", "skipped", "symbolic link to a folder")
    ),
    "FIFO named .txt (must not block)": Case(
        {"pipe.txt": fifo}, ("pipe.txt", "skipped", "special file: a FIFO")
    ),
    "socket named .txt": Case(
        {"sock.txt": unix_socket}, ("sock.txt", "skipped", "special file: a socket")
    ),
    "device (link to /dev/null)": Case(
        {"null.txt": symlink_to("/dev/null")}, ("null.txt", "skipped", "character device")
    ),
    "hidden folder": Case(
        {".git/objects/a.txt": GOOD, ".git/HEAD.txt": GOOD},
        (".git", "skipped", "hidden folder"),
        check=hidden_check,
    ),
    "not matched by the glob": Case(
        {"notes.md": b"not an article"}, ("notes.md", "skipped", "ingest.glob")
    ),
    "only boilerplate": Case(
        {"furniture.txt": b"Share this article\n1,204 views\nFollow us on Twitter\n"},
        ("furniture.txt", "skipped", "no documents left after cleaning"),
    ),
    # Names and ids.
    "odd file names": Case(
        {
            "spaces and \u00fcn\u00efc\u00f6d\u00e9.txt": article("Names", 2).encode(),
            "new\nline.txt": article("Lines", 3).encode(),
            "-leading-dash.txt": article("Dash", 4).encode(),
        },
        ("new\nline.txt", "kept", ""),
        check=docs_check({"spaces and \u00fcn\u00efc\u00f6d\u00e9", "new\nline", "-leading-dash"}),
    ),
    "file names that pandas reads as missing": Case(
        {f"{name}.txt": article(name, 5 + i).encode() for i, name in enumerate(["NA", "nan"])}
        | {"null.txt": article("null", 7).encode(), "None.txt": article("None", 8).encode()},
        ("NA.txt", "kept", ""),
        check=docs_check({"NA", "nan", "null", "None"}),
    ),
    "same id twice": Case(
        {"a.txt": article("First", 2).encode(), "a.text": article("Second", 3).encode()},
        ("a.text", "kept", ""),
        overrides={"glob": "*.t*"},
        check=docs_check({"a", "a~2"}),
    ),
    # Duplicates.
    "exact duplicate": Case(
        {"copy.txt": GOOD.upper()}, ("copy.txt", "duplicate", "duplicate of a_good")
    ),
    "near-duplicate re-post": Case(
        {"repost.txt": b"Quay approved after debate\nNews Code : 99812\n\n" + GOOD[27:]},
        ("repost.txt", "duplicate", "duplicate of a_good"),
    ),
    "templated wire item on other days": Case(
        {
            "fed.csv": csv_bytes(
                [["id", "date", "text"]]
                + [
                    [f"fed{n}", day, f"FED ADDS RESERVES VIA CUSTOMER REPURCHASES. {story(9)}"]
                    for n, day in enumerate(["1987-03-02", "1987-03-02", "1987-03-03"])
                ]
                + [
                    [
                        "fed3",
                        "1987-03-09",
                        f"FED ADDS RESERVES VIA CUSTOMER REPURCHASES. {story(9)} 2.5",
                    ]
                ]
            )
        },
        ("fed.csv", "kept", "1 duplicates"),
        corpus="fed.csv",
        check=similar_check,
    ),
    # Encodings.
    "mixed UTF-8 and Latin-1 in one file": Case(
        {"mixed.txt": MIXED}, ("mixed.txt", "kept", ""), check=mixed_check
    ),
    "UTF-16 with BOM": Case(
        {"u16.txt": article("Wide", 2).encode("utf-16")},
        ("u16.txt", "kept", ""),
        check=encoding_check("utf-16"),
    ),
    "UTF-16 without BOM": Case(
        {"u16le.txt": article("Wide", 3).encode("utf-16-le")},
        ("u16le.txt", "kept", ""),
        check=encoding_check("utf-16-le"),
    ),
    "UTF-8 with BOM": Case(
        {"bom.txt": codecs.BOM_UTF8 + article("Marked", 2).encode()},
        ("bom.txt", "kept", ""),
        check=encoding_check("utf-8"),
    ),
    "cp1252 legacy file": Case(
        {"legacy.txt": (article("Pound", 2) + " It cost \u00a35.").encode("cp1252")},
        ("legacy.txt", "kept", ""),
        check=encoding_check("cp1252"),
    ),
    "cp1251 Cyrillic file": Case(
        {"ru.txt": (CYRILLIC * 4).encode("cp1251")},
        ("ru.txt", "kept", ""),
        check=encoding_check("cp1251"),
    ),
    # CSV and TSV tables.
    "CSV: unclosed quote at the end": Case(
        {"t.csv": csv_bytes(ROWS) + b'r3,"never closed\nr4,more,2021-02-04\n'},
        ("t.csv", "kept", "1 bad rows (1 unclosed quote)"),
        problems=("lines 4-5: unclosed quote",),
        corpus="t.csv",
    ),
    "CSV: unclosed quote that merges rows": Case(
        {"t.csv": csv_bytes(ROWS[:2]) + b'r2,"opens here,2021\nr3,"closes" early,x\n'},
        ("t.csv", "kept", "1 bad rows (1 bad quoting)"),
        problems=("lines 3-4: bad quoting",),
        corpus="t.csv",
    ),
    "CSV: row with extra fields": Case(
        {"t.csv": csv_bytes(ROWS) + f"r3,{story(3)},2021-02-04,extra\n".encode()},
        ("t.csv", "kept", "1 ragged row"),
        problems=("line 4: ragged row (4 fields where the header has 3)",),
        corpus="t.csv",
    ),
    "CSV: row with missing fields": Case(
        {"t.csv": csv_bytes(ROWS) + b"r3\n"},
        ("t.csv", "kept", "1 ragged row"),
        problems=("line 4: ragged row (1 field where the header has 3)",),
        corpus="t.csv",
    ),
    "CSV: unquoted commas in the text": Case(
        {"t.csv": b"id,text\nx1,words, more words, and more\n" + csv_bytes([["r1", story(1)]])},
        ("t.csv", "kept", "1 ragged row"),
        problems=("line 2: ragged row (4 fields where the header has 2)",),
        corpus="t.csv",
    ),
    "CSV: stray carriage return splits a row": Case(
        {"t.csv": csv_bytes(ROWS) + b"r3,first part\rsecond part,2021-02-05\n"},
        ("t.csv", "kept", "2 ragged row"),
        problems=("line 4: ragged row", "line 5: ragged row"),
        corpus="t.csv",
    ),
    "CSV: no text column": Case(
        {"t.csv": b"body,title\nsome words,x\n"},
        ("t.csv", "skipped", "set ingest.columns.text"),
        corpus="t.csv",
    ),
    "CSV: a column named twice": Case(
        {"t.csv": b"id,text,text\na,b,c\n"},
        ("t.csv", "skipped", "columns named twice in the header: text"),
        corpus="t.csv",
    ),
    "CSV: header only": Case(
        {"t.csv": b"id,text\n"}, ("t.csv", "skipped", "no documents"), corpus="t.csv"
    ),
    "CSV: empty text cell": Case(
        {"t.csv": csv_bytes([*ROWS, ["r3", "", ""]])},
        ("t.csv", "kept", "1 empty"),
        problems=("line 4: empty after cleaning",),
        corpus="t.csv",
    ),
    "CSV: record longer than max_bytes": Case(
        {"t.csv": csv_bytes([*ROWS, ["r3", story(3, words=3000), ""]])},
        ("t.csv", "kept", "1 longer than ingest.max_bytes"),
        problems=("line 4: longer than ingest.max_bytes",),
        corpus="t.csv",
        overrides={"max_bytes": 5000},
    ),
    "CSV: BOM before the header": Case(
        {"t.csv": codecs.BOM_UTF8 + csv_bytes(ROWS)},
        ("t.csv", "kept", ""),
        corpus="t.csv",
        check=docs_check({"r1", "r2"}),
    ),
    "CSV: one Latin-1 row in a UTF-8 file": Case(
        {
            "t.csv": csv_bytes([ROWS[0], ["r1", "na\u00efve " + story(1), ""]])
            + csv_bytes([["r3", CAFE, ""]]).decode().encode("latin-1")
        },
        ("t.csv", "kept", ""),
        corpus="t.csv",
        check=encoding_check("utf-8+cp1252", "line 3"),
    ),
    "CSV: ids NA, nan, null, None": Case(
        {
            "t.csv": csv_bytes(
                [["id", "text"]]
                + [[i, story(n)] for n, i in enumerate(["NA", "nan", "null", "None"])]
            )
        },
        ("t.csv", "kept", ""),
        corpus="t.csv",
        check=docs_check({"NA", "nan", "null", "None"}),
    ),
    "CSV: duplicate ids": Case(
        {"t.csv": csv_bytes([["id", "text"], ["x", story(1)], ["x", story(2)]])},
        ("t.csv", "kept", ""),
        corpus="t.csv",
        check=docs_check({"x", "x~2"}),
    ),
    "TSV with a ragged row": Case(
        {"t.tsv": b"id\ttext\nt1\t" + story(1).encode() + b"\nt2\tone\ttwo\n"},
        ("t.tsv", "kept", "1 ragged row"),
        problems=("line 3: ragged row",),
        corpus="t.tsv",
    ),
    # JSON Lines.
    "JSONL: a broken line": Case(
        {"t.jsonl": jsonl({"id": "j1", "text": story(1)}, "{not json\n")},
        ("t.jsonl", "kept", "1 not valid JSON"),
        problems=("line 2: not valid JSON",),
        corpus="t.jsonl",
    ),
    "JSONL: a line that is not an object": Case(
        {"t.jsonl": jsonl({"id": "j1", "text": story(1)}, ["a", "list"])},
        ("t.jsonl", "kept", "1 not a JSON object"),
        problems=("line 2: not a JSON object",),
        corpus="t.jsonl",
    ),
    "JSONL: no text field": Case(
        {"t.jsonl": jsonl({"id": "j1", "text": story(1)}, {"id": "j2", "body": "x"})},
        ("t.jsonl", "kept", "1 no 'text' field"),
        problems=("line 2: no 'text' field",),
        corpus="t.jsonl",
    ),
    "JSONL: text that is not a string": Case(
        {"t.jsonl": jsonl({"id": "j1", "text": story(1)}, {"id": "j2", "text": ["a", "b"]})},
        ("t.jsonl", "kept", "'text' is not a string"),
        problems=("line 2: 'text' is not a string (list)",),
        corpus="t.jsonl",
    ),
    "JSONL: null text": Case(
        {"t.jsonl": jsonl({"id": "j1", "text": story(1)}, {"id": "j2", "text": None})},
        ("t.jsonl", "kept", "1 empty"),
        problems=("line 2: empty after cleaning",),
        corpus="t.jsonl",
    ),
    "JSONL: U+2028 and U+0085 inside strings": Case(
        {
            "t.jsonl": (
                '{"id": "j1", "text": "first half \u2028 and \u0085 second half of '
                + story(1)
                + '"}\n'
            ).encode()
        },
        ("t.jsonl", "kept", ""),
        corpus="t.jsonl",
        check=u2028_check,
    ),
    "JSONL: a JSON array instead": Case(
        {"t.jsonl": json.dumps([{"id": "a", "text": story(1)}], indent=1).encode()},
        ("t.jsonl", "skipped", "a JSON array, not JSON Lines"),
        corpus="t.jsonl",
    ),
    "JSONL: one object pretty-printed": Case(
        {"t.jsonl": json.dumps({"id": "a", "text": story(1)}, indent=1).encode()},
        ("t.jsonl", "skipped", "an object spread over several lines"),
        corpus="t.jsonl",
    ),
    "JSONL: a line that is not UTF-8": Case(
        {
            "t.jsonl": jsonl({"id": "j1", "text": "caf\u00e9 " + story(1)})
            + jsonl({"id": "j2", "text": "\u00e9t\u00e9 " + story(2)}).decode().encode("latin-1")
        },
        ("t.jsonl", "kept", ""),
        corpus="t.jsonl",
        check=encoding_check("utf-8+cp1252", "line 2"),
    ),
    "JSONL: UTF-16": Case(
        {"t.jsonl": jsonl({"id": "j1", "text": story(1)}).decode().encode("utf-16")},
        ("t.jsonl", "kept", ""),
        corpus="t.jsonl",
        check=encoding_check("utf-16"),
    ),
    "JSONL: a line longer than max_bytes": Case(
        {"t.jsonl": jsonl({"id": "j1", "text": story(1)}, {"id": "j2", "text": story(2, 3000)})},
        ("t.jsonl", "kept", "1 longer than ingest.max_bytes"),
        problems=("line 2: longer than ingest.max_bytes",),
        corpus="t.jsonl",
        overrides={"max_bytes": 5000},
    ),
    "JSONL: Windows line ends and blank lines": Case(
        {"t.jsonl": jsonl({"id": "j1", "text": story(1)}).replace(b"\n", b"\r\n\r\n") * 1},
        ("t.jsonl", "kept", ""),
        corpus="t.jsonl",
        check=docs_check({"j1"}),
    ),
    # One document per line.
    "lines file: blank lines keep line-number ids": Case(
        {"t.cor": f"{story(1)}\n\n{story(2)}\n".encode()},
        ("t.cor", "kept", ""),
        corpus="t.cor",
        check=docs_check({"t-1", "t-3"}),
    ),
    "lines file: old Mac line ends": Case(
        {"t.cor": f"{story(1)}\r{story(2)}\r{story(3)}\r".encode()},
        ("t.cor", "kept", ""),
        corpus="t.cor",
        check=docs_check({"t-1", "t-2", "t-3"}),
    ),
    "lines file: a line longer than max_bytes": Case(
        {"t.cor": f"{story(1)}\n{story(2, 3000)}\n{story(3)}\n".encode()},
        ("t.cor", "kept", "1 longer than ingest.max_bytes"),
        problems=("line 2: longer than ingest.max_bytes",),
        corpus="t.cor",
        overrides={"max_bytes": 5000},
        check=docs_check({"t-1", "t-3"}),
    ),
    "lines file: every line longer than max_bytes": Case(
        {"t.cor": f"{story(1, 3000)}\n{story(2, 3000)}\n".encode()},
        ("t.cor", "skipped", "no usable records (2 longer than ingest.max_bytes)"),
        corpus="t.cor",
        overrides={"max_bytes": 5000},
    ),
}


def make(folder: Path, files: dict[str, bytes | Maker]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            content(path)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run_case(tmp_path: Path, case: Case) -> dict:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if not case.corpus:
        (corpus / "a_good.txt").write_bytes(GOOD)
    make(corpus, case.files)
    out = tmp_path / "out"
    out.mkdir()
    paths = IngestPaths(*(out / name for name in OUTPUTS), kept=tmp_path / "kept")
    options = IngestOptions.from_config(section("ingest", **case.overrides))
    target = corpus / case.corpus if case.corpus else corpus
    # A FIFO that were opened would block forever: fail instead.
    signal.alarm(60)
    try:
        ingest_to_files(target, options, paths, LOG)
    except IngestError:
        # The only file of a single-file corpus was skipped: its fate is still written.
        assert case.corpus and case.fate[1] == "skipped"
    finally:
        signal.alarm(0)
    return read_outputs(corpus, out)


def read_outputs(corpus: Path, out: Path) -> dict:
    """What the stage wrote into ``out`` (file names as in ``OUTPUTS``), read back."""
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return {
        "corpus": corpus,
        "docs": [json.loads(line) for line in lines],
        "manifest": read_csv(out / "manifest.csv"),
        "problems": read_csv(out / "problems.csv"),
        "duplicates": read_csv(out / "dup.csv"),
        "summary": json.loads((out / "summary.json").read_text()),
    }


def listed_entries(corpus: Path) -> set[str]:
    """Every entry under the corpus, hidden folders as one entry (what must be reported)."""
    found = set()
    for folder, subfolders, names in os.walk(corpus):
        base = Path(folder)
        hidden = [d for d in subfolders if d.startswith(".")]
        linked = [d for d in subfolders if (base / d).is_symlink()]
        subfolders[:] = [d for d in subfolders if d not in hidden]
        found.update(str(base / name) for name in [*names, *hidden, *linked])
    return found


def assert_nothing_lost(result: dict) -> None:
    """Every entry is in the manifest once; every record is a document, a duplicate or a
    listed problem; the counts add up."""
    manifest, docs = result["manifest"], result["docs"]
    paths = [row["path"] for row in manifest]
    assert len(paths) == len(set(paths))
    if result["corpus"].is_dir() and len(manifest) > 1:
        assert set(paths) == listed_entries(result["corpus"])
    assert len({d["id"] for d in docs}) == len(docs), "document ids must be unique"
    for row in manifest:
        n = {k: int(row[k]) for k in row if k.startswith("n_")}
        assert (
            n["n_records"] == n["n_documents"] + n["n_duplicates"] + n["n_empty"] + n["n_bad_rows"]
        ), row
        assert n["n_documents"] == len(
            {d["parent_id"] for d in docs if d["source_path"] == row["path"]}
        ), row
        dropped = [
            d
            for d in result["duplicates"]
            if d["source_path"] == row["path"] and d["action"] == "dropped"
        ]
        assert n["n_duplicates"] == len(dropped), row
        listed = [p for p in result["problems"] if p["path"] == row["path"]]
        table_empty = n["n_empty"] if row["format"] != "article" else 0
        assert len(listed) == n["n_bad_rows"] + table_empty, (row, listed)
        if row["status"] != "kept":
            assert row["reason"], row
    assert result["summary"]["files"]["seen"] == len(manifest)


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_reported_and_nothing_is_lost(name: str, tmp_path: Path):
    case = CASES[name]
    result = run_case(tmp_path, case)
    assert_nothing_lost(result)
    path, status, words = case.fate
    rows = {
        Path(row["path"]).relative_to(result["corpus"]).as_posix()
        if case.corpus == ""
        else Path(row["path"]).name: row
        for row in result["manifest"]
    }
    row = rows[path]
    assert row["status"] == status, row
    assert words in row["reason"], row
    problems = [p["problem"] for p in result["problems"]]
    for expected in case.problems:
        assert any(p.startswith(expected) for p in problems), (expected, problems)
    if case.check:
        case.check(result | {"row": row})


def test_there_are_at_least_forty_kinds():
    assert len(CASES) + len(ERRORS) >= 40


ERRORS = {
    "missing corpus path": ("nowhere", {}, IngestError, "does not exist"),
    "folder of only bad files": ("corpus", {}, IngestError, "no documents were read"),
    "missing metadata sidecar": (
        "corpus",
        {"metadata": "/no/such.csv"},
        MetadataError,
        "cannot read",
    ),
}


@pytest.mark.parametrize("name", list(ERRORS))
def test_a_corpus_that_cannot_be_read_stops_with_the_fix_and_keeps_the_audit(
    name: str, tmp_path: Path
):
    folder, overrides, error, words = ERRORS[name]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "paper.txt").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    out.mkdir()
    kept = tmp_path / "logs" / "ingest"
    paths = IngestPaths(*(out / name for name in OUTPUTS), kept=kept)
    options = IngestOptions.from_config(section("ingest", **overrides))
    with pytest.raises(error, match=words) as raised:
        ingest_to_files(tmp_path / folder, options, paths, LOG)
    assert (kept / "summary.md").exists()
    if error is IngestError and folder == "corpus":
        assert str(kept / "manifest.csv") in str(raised.value)
        fates = {Path(r["path"]).name: r["reason"] for r in read_csv(kept / "manifest.csv")}
        assert fates == {"empty.txt": "empty", "paper.txt": "binary (PDF document)"}
