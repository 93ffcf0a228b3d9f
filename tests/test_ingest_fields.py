"""Titles, dates, sources and authors through the ingest pipeline: regressions from small
corpora (datelines that ate a story's first word, short documents lost as empty), dates and
repeated rows of the metadata sidecar, and the author field from every origin."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from test_ingest_formats import run

from topicpipe.ingest.summary import summary_markdown

# Openings from a wire corpus whose first word a dateline pattern used to eat.
OPENINGS = {
    "contra": "U.S.-backed Contra rebels attacked a village in northern Nicaragua on Tuesday.",
    "mgm": "MGM/UA Communications Co said it would sell part of its film library this year.",
    "iran": "US-Iran relations have worsened since the dispute over the embassy, officials said.",
    "covid": "COVID-19 cases rose sharply in the province last week, the health office said.",
    "nato": "NATO-Russia talks ended without agreement on Friday after two days in Brussels.",
}
SECOND = "The statement gave no further details and officials declined to comment on it."


def test_stories_in_text_files_keep_their_first_word(tmp_path):
    for name, opening in OPENINGS.items():
        (tmp_path / f"{name}.txt").write_text(f"{opening}\n\n{SECOND}\n", encoding="utf-8")
    docs, sink, _ = run(tmp_path)
    texts = {d["id"]: d["text"] for d in docs}
    assert texts == {name: f"{opening}\n\n{SECOND}" for name, opening in OPENINGS.items()}
    assert not [r for _, r in sink.removals if r.kind == "dateline"]


def test_table_rows_keep_their_first_word_and_column_dates(tmp_path):
    rows = [(name, "1987-03-02", opening) for name, opening in OPENINGS.items()]
    rows.append(("fed", "1987-03-03", f"WASHINGTON, March 3 (Reuters) - {SECOND}"))
    table = tmp_path / "wire.csv"
    with open(table, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([("id", "date", "text"), *rows])
    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"id": i, "date": d, "text": t}) + "\n" for i, d, t in rows),
        encoding="utf-8",
    )
    for path in (table, jsonl):
        docs, _, _ = run(path)
        got = {d["id"]: (d["date"], d["text"], d["source"]) for d in docs}
        for name, opening in OPENINGS.items():
            assert got[name] == ("1987-03-02", opening, ""), (path.name, name)
        assert got["fed"] == ("1987-03-03", SECOND, "Reuters")


def test_short_documents_are_kept_as_text(tmp_path):
    lines = [
        "Stocks fall in Tokyo",
        "Harbour board approves new quay for grain ships after a long debate on costs",
        "Fed adds reserves via customer repurchases",
        "Quake hits coast; no casualties reported",
    ]
    one_per_line = tmp_path / "headlines.cor"
    one_per_line.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = tmp_path / "short.csv"
    with open(table, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([("text",), *[(line,) for line in lines]])
    records = tmp_path / "short.jsonl"
    records.write_text("".join(json.dumps({"text": t}) + "\n" for t in lines), encoding="utf-8")
    for path in (one_per_line, table, records):
        docs, _, tally = run(path)
        assert [d["text"] for d in docs] == lines, path.name
        assert [d["title"] for d in docs] == [" ".join(t.split()[:12]) for t in lines]
        assert tally.empty_documents == 0


def _sidecar(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _corpus(folder: Path, names: list[str]) -> Path:
    folder.mkdir()
    for name in names:
        (folder / name).write_text(f"Title of {name}\n\n{SECOND} {name}\n", encoding="utf-8")
    return folder


def test_sidecar_dates_are_read_or_reported_naming_file_and_value(tmp_path):
    corpus = _corpus(tmp_path / "corpus", ["a.txt", "b.txt", "c.txt", "d.txt"])
    values = {"a.txt": "2021-02-28T10:00:00Z", "b.txt": "15/09/2021", "c.txt": "2021-02-30"}
    values["d.txt"] = "03/04/2021"
    sidecar = _sidecar(tmp_path / "meta.csv", [("file", "date"), *values.items()])
    docs, sink, tally = run(corpus, metadata=str(sidecar))
    assert [d["date"] for d in docs] == ["2021-02-28", "2021-09-15", "", ""]
    notes = {Path(r.path).name: r.as_dict()["notes"] for r in sink.files}
    assert notes["a.txt"] == notes["b.txt"] == ""
    assert notes["c.txt"] == (
        f"date in {sidecar}: impossible date '2021-02-30' (no such day); left undated"
    )
    assert "ambiguous date '03/04/2021'" in notes["d.txt"]
    assert "set ingest.date_order to dmy or mdy" in notes["d.txt"]
    summary = tally.as_dict()
    assert summary["articles"]["date_problems"] == 2
    assert [p["file"] for p in summary["articles"]["date_problem_examples"]] == [
        str(corpus / "c.txt"),
        str(corpus / "d.txt"),
    ]
    markdown = summary_markdown(summary)
    assert "| dates not understood (see below) | 2 |" in markdown
    assert "impossible date '2021-02-30'" in markdown and "c.txt" in markdown
    docs, _, tally = run(corpus, metadata=str(sidecar), date_order="dmy")
    assert docs[3]["date"] == "2021-04-03"


def test_a_bad_column_date_keeps_the_date_of_the_text_and_says_so(tmp_path):
    table = tmp_path / "t.csv"
    text = f"Quay approved\nPublished 2 Feb 2016\n\n{SECOND}"
    _sidecar(table, [("id", "date", "text"), ("q1", "2016-02-31", text)])
    docs, sink, _ = run(table)
    assert docs[0]["date"] == "2016-02-02"
    assert sink.files[0].as_dict()["notes"] == (
        "q1: date in column 'date': impossible date '2016-02-31' (no such day); "
        "kept 2016-02-02 from the text"
    )


def test_repeated_sidecar_rows_are_reported_and_the_first_is_used(tmp_path):
    corpus = _corpus(tmp_path / "corpus", ["a.txt", "b.txt"])
    rows = [("file", "date"), ("a.txt", "2021-03-01"), ("b.txt", "2021-03-02")]
    sidecar = _sidecar(tmp_path / "meta.csv", [*rows, ("a.txt", "2021-04-01")])
    docs, sink, tally = run(corpus, metadata=str(sidecar))
    assert [d["date"] for d in docs] == ["2021-03-01", "2021-03-02"]
    note = sink.files[0].as_dict()["notes"]
    assert (
        note
        == f"{sidecar} has 2 rows for 'a.txt' (rows 1, 3); the first is used, remove the others"
    )
    summary = tally.as_dict()
    assert summary["metadata_sidecar"]["repeated_keys"] == {"a.txt": [1, 3]}
    assert "| a.txt | 1, 3 |" in summary_markdown(summary)


def test_author_from_byline_column_and_sidecar_and_counted(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "byline.txt").write_text(
        f"Quay approved\nBy Anna Kessler\n\n{SECOND}", encoding="utf-8"
    )
    (corpus / "outlet.txt").write_text(
        f"Quay approved again\nBy Velin Herald\n\n{SECOND} Again.", encoding="utf-8"
    )
    (corpus / "given.txt").write_text(f"Wheat\n\n{SECOND} Wheat.", encoding="utf-8")
    sidecar = _sidecar(tmp_path / "meta.csv", [("file", "author"), ("given.txt", "Tomas Reyes")])
    docs, sink, tally = run(corpus, metadata=str(sidecar))
    got = {d["id"]: (d["author"], d["source"]) for d in docs}
    assert got == {
        "byline": ("Anna Kessler", ""),
        "given": ("Tomas Reyes", ""),
        "outlet": ("", "Velin Herald"),
    }
    assert {Path(r.path).stem: r.author for r in sink.files}["byline"] == "Anna Kessler"
    articles = tally.as_dict()["articles"]
    assert (articles["with_author"], articles["without_author"]) == (2, 1)
    table = tmp_path / "t.csv"
    _sidecar(table, [("id", "writer", "text"), ("r1", "Lena Ortega", SECOND)])
    docs, _, _ = run(table, columns={"author": "writer"})
    assert (docs[0]["author"], docs[0]["meta"]) == ("Lena Ortega", {})
