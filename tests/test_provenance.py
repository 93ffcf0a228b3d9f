"""provenance.json says which versions, config and exact input bytes made the results."""

import hashlib

from topicpipe.provenance import input_checksums, provenance_record


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
