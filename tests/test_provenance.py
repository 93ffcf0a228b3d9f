"""provenance.json says which versions, config and exact input bytes made the results."""

import hashlib

from topicpipe.provenance import input_checksums, provenance_record


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
