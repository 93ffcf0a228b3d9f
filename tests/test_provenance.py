"""provenance.json says which versions, config and exact input bytes made the results."""

import hashlib
import subprocess

from defaults import ROOT
from topicpipe.provenance import code_version, input_checksums, provenance_record, workflow_hash


def test_checksums_come_from_the_manifest_and_say_why_a_file_was_not_read(tmp_path):
    sidecar = tmp_path / "meta.csv"
    sidecar.write_bytes(b"file,date\na.txt,2021-02-02\n")
    manifest = [
        {"path": "corpus/b.txt", "sha256": "ab" * 32, "reason": ""},
        {"path": "corpus/pipe.txt", "sha256": "", "reason": "special file: a FIFO"},
    ]
    sums = input_checksums(manifest, [sidecar, tmp_path / "gone.csv"])
    assert sums["corpus/b.txt"] == "ab" * 32
    assert sums["corpus/pipe.txt"] == "not read: special file: a FIFO"
    assert sums[str(sidecar)] == hashlib.sha256(sidecar.read_bytes()).hexdigest()
    assert sums[str(tmp_path / "gone.csv")].startswith("unreadable")
    assert list(sums) == sorted(sums)


def test_record_carries_config_versions_inputs_and_corpus_fingerprint(tmp_path):
    sidecar = tmp_path / "meta.csv"
    sidecar.write_bytes(b"id,date\n")
    config = {"corpus": "lee", "ingest": {"metadata": str(sidecar)}, "model": {"k": 7}}
    manifest = [{"path": "lee.cor", "sha256": "cd" * 32, "reason": ""}]
    record = provenance_record(config, manifest, "0123456789abcdef")
    assert record["config"] == config
    assert set(record["inputs"]) == {"lee.cor", str(sidecar)}
    assert record["corpus_index"] == "0123456789abcdef"
    assert record["packages"]["gensim"] == "4.4.0"
    assert record["python"].count(".") == 2


def git(root, *args):
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


def test_code_version_names_the_commit_and_hashes_the_workflow_files(tmp_path):
    (tmp_path / "workflow" / "rules").mkdir(parents=True)
    (tmp_path / "scripts" / "topicpipe" / "__pycache__").mkdir(parents=True)
    (tmp_path / "Snakefile").write_text("rule all:\n")
    (tmp_path / "workflow" / "rules" / "a.smk").write_text("rule a:\n")
    (tmp_path / "scripts" / "topicpipe" / "x.py").write_text("X = 1\n")
    (tmp_path / "scripts" / "topicpipe" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (tmp_path / "README.md").write_text("not code\n")

    outside_git = code_version(tmp_path)
    assert outside_git["git_commit"] is None and outside_git["git_modified"] is None
    assert outside_git["version"] == provenance_record({}, [], "")["topicpipe"]
    assert outside_git["workflow_files"] == 3

    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    committed = code_version(tmp_path)
    assert len(committed["git_commit"]) == 40 and committed["git_modified"] is False
    assert committed["workflow_sha256"] == outside_git["workflow_sha256"]

    (tmp_path / "README.md").write_text("still not code\n")
    assert code_version(tmp_path)["workflow_sha256"] == outside_git["workflow_sha256"]
    (tmp_path / "scripts" / "topicpipe" / "x.py").write_text("X = 2\n")
    edited = code_version(tmp_path)
    assert edited["git_modified"] is True
    assert edited["workflow_sha256"] != outside_git["workflow_sha256"]
    (tmp_path / "scripts" / "topicpipe" / "x.py").rename(
        tmp_path / "scripts" / "topicpipe" / "y.py"
    )
    (tmp_path / "scripts" / "topicpipe" / "y.py").write_text("X = 1\n")
    assert code_version(tmp_path)["workflow_sha256"] != outside_git["workflow_sha256"]


def test_the_record_describes_this_project_by_default():
    record = provenance_record({}, [], "")
    assert record["code"]["workflow_sha256"] == workflow_hash(ROOT)
