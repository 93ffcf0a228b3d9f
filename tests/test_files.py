"""Tables the pipeline writes are read back as written: ids such as "NA" or "None" stay ids."""

from __future__ import annotations

import re

from topicpipe.files import read_table
from workflow_runner import ROOT


def test_ids_and_text_columns_keep_what_was_written(tmp_path):
    path = tmp_path / "documents.csv"
    path.write_text(
        "row,id,n_tokens,label,share\n0,NA,5,None,0.5\n1,nan,3,,\n2,007,1,null,0.25\n",
        encoding="utf-8",
    )
    table = read_table(path, text=("label",))
    assert list(table["id"]) == ["NA", "nan", "007"]
    assert list(table["label"]) == ["None", "", "null"]
    assert table["n_tokens"].sum() == 9
    assert table["share"].isna().tolist() == [False, True, False]
    everything = read_table(path, text=None)
    assert list(everything["share"]) == ["0.5", "", "0.25"]


def test_every_table_of_the_package_is_read_through_the_helper():
    readers = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "scripts").rglob("*.py")
        if re.search(r"\bread_csv\(", path.read_text(encoding="utf-8"))
    ]
    assert readers == ["scripts/topicpipe/files.py"]
