"""Every input format, the metadata sidecar, ids and sources, run through the ingest pipeline."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from defaults import section
from topicpipe.ingest import Ingest, IngestError, IngestOptions, content_index, pipeline
from topicpipe.ingest.metadata import MetadataError

BODY = (
    "The harbour board of Port Velin approved a new quay for grain ships after a long "
    "debate among its members about costs, dredging and the future of the old fish market."
)


class Collect:
    """A sink that keeps the manifest rows and audit events in lists."""

    def __init__(self):
        self.files, self.removals, self.duplicates, self.problems = [], [], [], []

    def file(self, row):
        self.files.append(row)

    def problem(self, problem):
        self.problems.append(problem)

    def removed(self, doc_id, removal):
        self.removals.append((doc_id, removal))

    def duplicate(self, doc_id, path, match):
        self.duplicates.append((doc_id, match))


def run(corpus: Path, **overrides):
    sink = Collect()
    ingest = Ingest(corpus, IngestOptions.from_config(section("ingest", **overrides)), sink)
    return list(ingest.documents()), sink, ingest.counts


def body(n: int) -> str:
    return f"Story {n}: " + BODY.replace("grain", f"grain lot {n}")


def test_csv_columns_metadata_and_row_ids(tmp_path):
    path = tmp_path / "articles.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["story", "headline", "published", "outlet", "section", "uid"])
        writer.writerow([body(1), "Quay approved", "Apr 17, 2018", "Velin Herald", "ports", "a1"])
        writer.writerow([body(2), "", "", "", "farming", ""])
        writer.writerow(["", "Empty", "", "", "", "a3"])
    columns = {
        "text": "story",
        "title": "headline",
        "date": "published",
        "source": "outlet",
        "id": "uid",
    }
    docs, sink, tally = run(path, columns=columns)
    assert [d["id"] for d in docs] == ["a1", "articles-2"]
    first, second = docs
    assert (first["title"], first["date"], first["source"]) == (
        "Quay approved",
        "2018-04-17",
        "Velin Herald",
    )
    assert first["meta"] == {"section": "ports"}
    assert second["title"].startswith("Story 2")
    (row,) = sink.files
    assert (row.format, row.status, row.n_documents, row.n_empty) == ("csv", "kept", 2, 1)
    assert tally.as_dict()["articles"]["dated"] == 1


def test_tsv_and_jsonl_and_bad_json_lines(tmp_path):
    tsv = tmp_path / "a.tsv"
    tsv.write_text(f"id\ttext\tdate\nt1\t{body(1)}\t2016-02-02\n", encoding="utf-8")
    docs, _, _ = run(tsv)
    assert [(d["id"], d["date"]) for d in docs] == [("t1", "2016-02-02")]

    jsonl = tmp_path / "b.jsonl"
    lines = [
        json.dumps({"id": "j1", "text": body(1), "tags": ["x", "y"]}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "j2", "text": body(2), "source": "Wire"}),
    ]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, sink, _ = run(jsonl)
    assert [d["id"] for d in docs] == ["j1", "j2"]
    assert docs[0]["meta"] == {"tags": ["x", "y"]}
    assert docs[1]["source"] == "Wire"
    assert sink.files[0].n_bad_rows == 2


def test_table_without_its_text_column_is_skipped_with_the_fix(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("body,title\nsome words here,x\n", encoding="utf-8")
    docs, sink, _ = run(path)
    assert docs == []
    assert sink.files[0].status == "skipped"
    assert "ingest.columns.text" in sink.files[0].reason


def test_lines_file_ids_and_titles(tmp_path):
    path = tmp_path / "stories.cor"
    path.write_text(f"{body(1)}\n\n{body(2)}\n", encoding="utf-8")
    docs, sink, _ = run(path)
    assert [d["id"] for d in docs] == ["stories-1", "stories-3"]
    assert sink.files[0].format == "lines"
    assert docs[0]["title"] == " ".join(docs[0]["text"].split()[:12])


def test_explicit_format_overrides_the_suffix(tmp_path):
    path = tmp_path / "table.txt"
    path.write_text(f'id,text\nx1,"{body(1)}"\n', encoding="utf-8")
    docs, _, _ = run(path, format="csv")
    assert [d["id"] for d in docs] == ["x1"]


def test_folder_recursive_glob_ids_and_folder_source(tmp_path):
    (tmp_path / "herald" / "2016").mkdir(parents=True)
    (tmp_path / "herald" / "2016" / "quay.txt").write_text(f"Quay\n\n{body(1)}", encoding="utf-8")
    (tmp_path / "top.txt").write_text(f"Top\n\n{body(2)}", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    docs, sink, _ = run(tmp_path)
    assert [(d["id"], d["source"]) for d in docs] == [
        ("herald/2016/quay", "herald"),
        ("top", ""),
    ]
    fates = {Path(r.path).name: (r.status, r.reason) for r in sink.files}
    assert fates["notes.md"] == ("skipped", "not matched by ingest.glob '*.txt'")
    docs, _, _ = run(tmp_path, source_from_folder=False)
    assert docs[0]["source"] == ""


def test_sidecar_overrides_and_carries_columns(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"Quay approved\n\n{body(1)}", encoding="utf-8")
    (corpus / "b.txt").write_text(f"Wheat\n2 Feb 2016\n\n{body(2)}", encoding="utf-8")
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text(
        "file,date,source,region\na.txt,17 April 2018,Velin Herald,north\n", encoding="utf-8"
    )
    docs, _, _ = run(corpus, metadata=str(sidecar))
    a, b = docs
    assert (a["date"], a["source"], a["meta"]) == (
        "2018-04-17",
        "Velin Herald",
        {"region": "north"},
    )
    assert (b["date"], b["meta"]) == ("2016-02-02", {})


def test_sidecar_without_key_column_names_the_fix(tmp_path):
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("name,date\na,2016-01-01\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="'file' or 'id' column"):
        run(tmp_path, metadata=str(sidecar))


def test_clashing_ids_are_made_unique(tmp_path):
    (tmp_path / "a.txt").write_text(f"A\n\n{body(1)}", encoding="utf-8")
    (tmp_path / "a.text").write_text(f"B\n\n{body(2)}", encoding="utf-8")
    docs, _, tally = run(tmp_path, glob="*.t*")
    assert sorted(d["id"] for d in docs) == ["a", "a~2"]
    assert tally.renamed_ids == 1


def test_duplicate_file_is_listed_with_its_original(tmp_path):
    (tmp_path / "a.txt").write_text(f"Quay\n\n{body(1)} {BODY}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Quay\nNews Code : 123\n\n{body(1)} {BODY}", encoding="utf-8")
    docs, sink, tally = run(tmp_path)
    assert [d["id"] for d in docs] == ["a"]
    fates = {Path(r.path).name: (r.status, r.duplicate_of) for r in sink.files}
    assert fates["b.txt"] == ("duplicate", "a")
    assert sink.duplicates[0][1].kind == "exact"
    assert tally.as_dict()["duplicates_removed"] == {"exact": 1, "near": 0}


def test_paragraph_mode_units_name_their_article(tmp_path):
    paragraphs = "\n\n".join(body(i) for i in range(3))
    (tmp_path / "a.txt").write_text(f"Quay\n\n{paragraphs}", encoding="utf-8")
    docs, sink, tally = run(tmp_path, unit="paragraph", paragraph_min_words=10)
    assert [d["id"] for d in docs] == ["a#p001", "a#p002", "a#p003"]
    assert {d["parent_id"] for d in docs} == {"a"}
    assert sink.files[0].n_units == 3 and sink.files[0].n_documents == 1
    assert tally.as_dict()["documents_by_unit"] == {"paragraph": 3}


def test_missing_corpus_names_cause_and_fix(tmp_path):
    with pytest.raises(IngestError, match="does not exist.*--config corpus=PATH"):
        run(tmp_path / "nope")


def test_content_index_changes_with_any_change_under_the_corpus_and_only_then(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "wire" / "2021").mkdir(parents=True)
    story = corpus / "wire" / "2021" / "story.txt"
    story.write_text(f"Quay\n\n{body(1)}", encoding="utf-8")
    table = corpus / "rows.csv"
    table.write_text("id,text\na,one\nb,two\n", encoding="utf-8")
    (corpus / ".git").mkdir()
    last = [content_index(corpus)]

    def changed() -> bool:
        index = content_index(corpus)
        new = index != last[-1]
        last.append(index)
        return new

    assert not changed(), "nothing changed"
    (corpus / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    assert not changed(), "a hidden folder is not read"
    story.write_text(f"Quay\n\n{body(2)}", encoding="utf-8")
    assert changed(), "edited in a sub-folder"
    table.write_text("id,text\na,one\nb,tw0\n", encoding="utf-8")
    os.utime(table, ns=(1, 1))
    assert changed(), "a table row changed"
    (corpus / "wire" / "new.txt").write_text("new", encoding="utf-8")
    assert changed(), "added"
    (corpus / "wire" / "new.txt").rename(corpus / "wire" / "renamed.txt")
    assert changed(), "renamed"
    (corpus / "wire" / "renamed.txt").unlink()
    assert changed(), "removed"
    assert last[-1] == last[-4], "the same files give the same index"
    assert content_index(table) != content_index(story), "a single-file corpus"


def test_a_read_failing_midway_keeps_what_was_read_and_says_so(tmp_path, monkeypatch):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"id": "j1", "text": body(1)}) + "\n", encoding="utf-8")
    real = pipeline.read_records

    def failing(*args):
        yield from real(*args)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(pipeline, "read_records", failing)
    docs, sink, _ = run(path)
    assert [d["id"] for d in docs] == ["j1"]
    (row,) = sink.files
    assert row.status == "kept"
    assert row.reason == (
        "read failed after 1 records (Input/output error); the rest of the file was not read"
    )
