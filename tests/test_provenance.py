"""provenance.json says which versions, config and exact input bytes made the results."""

import hashlib
import subprocess

from defaults import ROOT
from topicpipe.provenance import code_version, input_checksums, provenance_record, workflow_hash


def test_checksums_identify_input_bytes_and_unreadable_files(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes("Tehran – Moscow\n".encode())
    missing = tmp_path / "gone.txt"
    sums = input_checksums([missing, article])
    assert sums[str(article)] == hashlib.sha256(article.read_bytes()).hexdigest()
    assert sums[str(missing)].startswith("unreadable")
    assert list(sums) == sorted(sums)


def test_record_carries_config_and_versions(tmp_path):
    config = {"corpus": "lee", "model": {"num_topics": 7, "random_state": 3}}
    record = provenance_record(config, [])
    assert record["config"] == config
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
    assert outside_git["version"] == provenance_record({}, [])["topicpipe"]
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
    record = provenance_record({}, [])
    assert record["code"]["workflow_sha256"] == workflow_hash(ROOT)
