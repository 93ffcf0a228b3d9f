"""Applying a model bundle to new documents (``topicpipe.apply``), on a bundle trained
in-process on a tiny two-theme corpus: the shares, the documents that cannot be scored, the
bundle's checks, and the command line."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from defaults import CONFIG
from tiny_bundle import THEMES, build_bundle, paragraph, write_articles
from topicpipe.apply.__main__ import main
from topicpipe.apply.bundle import BundleError, file_checksums, open_bundle
from topicpipe.apply.layout import MANIFEST
from topicpipe.apply.request import ApplyError, apply_name, input_settings
from topicpipe.apply.stage import ApplyPaths, apply_bundle
from topicpipe.engines import ENGINES
from topicpipe.interpret.tables import read_doc_topics

LOG = logging.getLogger("test_apply_stage")
DEFAULT_ENGINE = CONFIG["model"]["engine"]


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    """``bundles(engine)``: the bundle of a model trained with ``engine``, its training corpus
    and the training topic shares (article units), built once per engine."""
    built = {}

    def bundle_of(engine: str) -> tuple[Path, Path, Path]:
        if engine not in built:
            folder = tmp_path_factory.mktemp(f"articles_{engine}")
            built[engine] = build_bundle(folder, model={"engine": engine})
        return built[engine]

    return bundle_of


@pytest.fixture(scope="module")
def trained(bundles):
    """The bundle of the default engine's model (as ``bundles``)."""
    return bundles(DEFAULT_ENGINE)


@pytest.fixture(scope="module")
def auto_paragraphs(tmp_path_factory):
    """A bundle trained on paragraph units chosen by ``ingest.unit`` auto (eight articles,
    fewer than ``adapt.paragraphs_below``), with its corpus and training shares."""
    return build_bundle(tmp_path_factory.mktemp("paragraphs"), ingest={"unit": "auto"})


@pytest.fixture(scope="module")
def paragraph_bundle(auto_paragraphs):
    """The bundle of ``auto_paragraphs``."""
    return auto_paragraphs[0]


def run(bundle: Path, corpus: Path, out: Path, **reading) -> ApplyPaths:
    """Apply ``bundle`` to ``corpus`` into ``out`` (standard file names)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = ApplyPaths.under(out)
    apply_bundle(open_bundle(bundle), corpus, reading, paths, LOG)
    return paths


def shares(path: Path) -> pd.DataFrame:
    table, theta = read_doc_topics(path)
    return pd.DataFrame(theta, index=table["id"])


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_training_documents_get_their_training_shares(bundles, engine, tmp_path):
    bundle, corpus, training = bundles(engine)
    paths = run(bundle, corpus, tmp_path / "out")
    applied, expected = shares(paths.doc_topics), shares(training)
    assert list(applied.index) == list(expected.index)
    assert np.abs(applied.to_numpy() - expected.to_numpy()).max() <= 1e-6
    columns = pd.read_csv(paths.doc_topics).columns.tolist()
    assert columns == ["id", "title", "parent_id", "date", "source", "author", "dominant_topic"] + [
        "topic_01",
        "topic_02",
    ]


def test_paragraphs_chosen_automatically_are_applied_as_paragraphs(auto_paragraphs, tmp_path):
    bundle, corpus, training = auto_paragraphs
    config = open_bundle(bundle).config
    assert config["ingest"]["unit"] == "paragraph"
    manifest = json.loads((bundle / MANIFEST).read_text())
    assert (manifest["unit"], manifest["automatic"]) == ("paragraph", {"ingest.unit": "paragraph"})
    # A new corpus of two articles would get article units if the unit were chosen again.
    paths = run(bundle, corpus, tmp_path / "out")
    applied, expected = shares(paths.doc_topics), shares(training)
    assert len(expected) == 16 and list(applied.index) == list(expected.index)
    assert np.abs(applied.to_numpy() - expected.to_numpy()).max() <= 1e-6
    assert len(pd.read_csv(paths.article_topics)) == 8


def test_aliases_of_training_apply_to_new_text(trained, tmp_path):
    new = tmp_path / "new"
    new.mkdir()
    text = "The U.S. envoy said the United States and the US would talk. Tell us more."
    (new / "envoy.txt").write_text(f"{text}\n", encoding="utf-8")
    tokens = json.loads(Path(run(trained[0], new, tmp_path / "out").tokens).read_text())
    assert tokens["tokens"].count("united_states") == 3
    assert "us" not in tokens["tokens"]


def test_identical_training_gives_an_identical_bundle(bundles, tmp_path):
    bundle, _, _ = bundles("gensim")
    # Trained again in another process, with another string hash seed (which orders sets).
    code = "import sys; from pathlib import Path; from tiny_bundle import build_bundle; "
    code += "build_bundle(Path(sys.argv[1]), model={'engine': 'gensim'})"
    tests = Path(__file__).parent
    path = os.pathsep.join([str(tests), str(tests.parent / "scripts")])
    env = {**os.environ, "PYTHONPATH": path, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env, check=True)
    # Every file, the pickled model, dictionary and phrase layers too, byte for byte.
    assert (tmp_path / "bundle" / MANIFEST).read_bytes() == (bundle / MANIFEST).read_bytes()


def test_new_documents_land_in_their_theme_and_unknown_ones_are_listed(trained, tmp_path, caplog):
    bundle, corpus, training = trained
    new = tmp_path / "new"
    write_articles(new, count=2, prefix="new")
    (new / "nonsense.txt").write_text("Zorblax quintuple frobnicate wibble.\n", encoding="utf-8")
    (new / "stopwords.txt").write_text("And the of it was.\n", encoding="utf-8")
    paths = run(bundle, new, tmp_path / "out")

    applied = pd.read_csv(paths.doc_topics).set_index("id")
    assert len(applied) == 4
    trained_topics = pd.read_csv(training).set_index("id").idxmax(axis=1)
    for theme in THEMES:
        expected = {trained_topics[i] for i in trained_topics.index if i.startswith(theme)}
        got = {f"topic_{t:02d}" for i, t in applied["dominant_topic"].items() if theme in i}
        assert got == expected and len(got) == 1, theme

    excluded = pd.read_csv(paths.excluded).set_index("id")["reason"]
    assert set(excluded.index) == {"nonsense", "stopwords"}
    assert "in the model's vocabulary" in excluded["nonsense"]
    assert "zorblax" in excluded["nonsense"]
    assert "no tokens after tokenising" in excluded["stopwords"]
    coverage = pd.read_csv(paths.coverage).set_index("id")
    assert coverage.loc["nonsense", "n_known"] == 0 and coverage.loc["nonsense", "n_tokens"] > 0
    record = json.loads(Path(paths.record).read_text())
    assert (record["documents"], record["scored"], record["excluded"]) == (6, 4, 2)
    # A topic flagged in training stays flagged where its shares are read.
    assert record["flagged_topics"] == {"2": "flat"}
    assert "Topic 2 flat: no term stands out" in caplog.text


def test_a_corpus_without_any_known_word_gives_empty_tables_and_the_list(trained, tmp_path):
    new = tmp_path / "new"
    new.mkdir()
    (new / "foreign.txt").write_text("Quelque chose de tout nouveau.\n", encoding="utf-8")
    paths = run(trained[0], new, tmp_path / "out")
    assert pd.read_csv(paths.doc_topics).empty and pd.read_csv(paths.article_topics).empty
    assert list(pd.read_csv(paths.excluded)["id"]) == ["foreign"]


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_a_document_gets_the_same_shares_alone_or_with_others(bundles, engine, tmp_path):
    bundle, _, _ = bundles(engine)
    both = tmp_path / "both"
    write_articles(both, count=2, prefix="x")
    alone = tmp_path / "alone"
    (alone / "glacier").mkdir(parents=True)
    shutil.copy(both / "glacier" / "xglacier_1.txt", alone / "glacier")
    together = shares(run(bundle, both, tmp_path / "out_both").doc_topics)
    single = shares(run(bundle, alone, tmp_path / "out_alone").doc_topics)
    pd.testing.assert_frame_equal(single, together.loc[["glacier/xglacier_1"]])


def test_paragraph_units_are_rolled_up_to_articles(paragraph_bundle, tmp_path):
    new = tmp_path / "new"
    new.mkdir()
    text = paragraph("glacier", "g") + "\n\n" + paragraph("bakery", "b", sentences=4)
    (new / "mixed.txt").write_text(f"A mixed story\n\n{text}\n", encoding="utf-8")
    paths = run(paragraph_bundle, new, tmp_path / "out")
    units, unit_theta = read_doc_topics(paths.doc_topics)
    assert list(units["parent_id"]) == ["mixed", "mixed"] and len(units) == 2
    articles, article_theta = read_doc_topics(paths.article_topics)
    assert list(articles["id"]) == ["mixed"]
    weights = pd.read_csv(paths.coverage)["n_known"].to_numpy()
    expected = weights @ unit_theta / weights.sum()
    np.testing.assert_allclose(article_theta[0], expected, atol=1e-5)
    assert int(articles["n_units"].iloc[0]) == 2


def test_a_table_with_other_column_names_and_dates_gives_prevalence(trained, tmp_path):
    bundle, _, _ = trained
    rows = [
        {"story": paragraph(theme, f"{theme}{i}"), "published": f"2021-0{i + 1}-15"}
        for i in range(3)
        for theme in THEMES
    ]
    table = tmp_path / "new.csv"
    pd.DataFrame(rows).to_csv(table, index=False)
    paths = run(bundle, table, tmp_path / "out", columns={"text": "story", "date": "published"})
    assert len(pd.read_csv(paths.doc_topics)) == 6
    prevalence = pd.read_csv(paths.prevalence)
    assert list(prevalence["period"].unique()) == ["2021-01", "2021-02", "2021-03"]
    assert set(prevalence["label"]) == {"first theme", "second theme"}
    assert (prevalence["n_documents"] == 2).all()


def test_input_settings_keep_the_cleaning_of_training():
    ingest = {"format": "auto", "columns": {"id": "id", "text": "text"}, "metadata": "old.csv"}
    ingest["unit"] = "paragraph"
    settings = input_settings(ingest, {"columns": {"text": "body"}})
    assert settings["columns"] == {"id": "id", "text": "body"}
    assert settings["metadata"] == "" and settings["unit"] == "paragraph"
    with pytest.raises(ApplyError, match="apply_ingest: unit cannot differ"):
        input_settings(ingest, {"unit": "article"})
    with pytest.raises(ApplyError, match="no field body"):
        input_settings(ingest, {"columns": {"body": "text"}})


def test_apply_names():
    assert apply_name("/data/new articles/") == "new_articles"
    assert apply_name("/data/march.csv") == "march"
    assert apply_name("/data/march.csv", "spring-2022") == "spring-2022"
    with pytest.raises(ApplyError, match="apply_name"):
        apply_name("/data/march.csv", "a/b")


def test_an_empty_input_is_a_clear_error(trained, tmp_path):
    bundle, _, _ = trained
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(ApplyError, match="no documents were read from .*all 1 files were skip"):
        run(bundle, empty, tmp_path / "out")
    (empty / "blank.txt").unlink()
    with pytest.raises(ApplyError, match="no documents were read from .*: it holds no file"):
        run(bundle, empty, tmp_path / "out")


def copy_of(bundle: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copied"
    shutil.copytree(bundle, copy)
    return copy


def test_a_missing_or_incomplete_bundle_is_named(trained, tmp_path):
    bundle, _, _ = trained
    with pytest.raises(BundleError, match="does not exist"):
        open_bundle(tmp_path / "nowhere")
    copy = copy_of(bundle, tmp_path)
    (copy / "dictionary.dict").unlink()
    with pytest.raises(BundleError, match="incomplete: missing dictionary.dict"):
        open_bundle(copy)
    (copy / MANIFEST).unlink()
    with pytest.raises(BundleError, match=f"no {MANIFEST}"):
        open_bundle(copy)


def test_a_changed_bundle_file_is_named(trained, tmp_path):
    copy = copy_of(trained[0], tmp_path)
    with open(copy / "topics.csv", "a", encoding="utf-8") as handle:
        handle.write("3,a third topic\n")
    with pytest.raises(BundleError, match="changed after it was made.*topics.csv"):
        open_bundle(copy)


def test_a_bundle_of_another_version_is_refused_unless_allowed(trained, tmp_path):
    copy = copy_of(trained[0], tmp_path)
    manifest = json.loads((copy / MANIFEST).read_text())
    manifest["topicpipe"] = "0.0.1"
    manifest["packages"]["gensim"] = "3.8.3"
    (copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="made by topicpipe 0.0.1, this is topicpipe"):
        open_bundle(copy)
    allowed = open_bundle(copy, allow_other_version=True)
    assert "topicpipe 0.0.1" in allowed.warnings[0]
    assert any("gensim 3.8.3 made the bundle" in w for w in allowed.warnings)
    manifest["format"] = 99
    (copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="has format 99"):
        open_bundle(copy, allow_other_version=True)


def test_a_model_from_before_fold_in_inference_is_applied_with_a_warning(trained, tmp_path):
    copy = copy_of(trained[0], tmp_path)
    engine_file = copy / "topic_model" / "engine.json"
    meta = json.loads(engine_file.read_text())
    if meta["engine"] != "tomotopy":
        pytest.skip("only tomotopy models changed how shares are inferred")
    assert not any("Gibbs" in w for w in open_bundle(copy).warnings)
    for key in ("inference", "infer_tolerance", "infer_max_iterations"):
        del meta["params"][key]
    meta["params"]["infer_iterations"] = 100
    engine_file.write_text(json.dumps(meta))
    manifest = json.loads((copy / MANIFEST).read_text())
    manifest["files"] = file_checksums(copy)
    (copy / MANIFEST).write_text(json.dumps(manifest))
    (warning,) = [w for w in open_bundle(copy).warnings if "Gibbs" in w]
    assert "differ from the training run's doc_topics" in warning
    assert "--forceall" in warning


def test_the_bundle_lists_every_part_with_its_checksum(trained):
    bundle = trained[0]
    manifest = json.loads((bundle / MANIFEST).read_text())
    files = set(manifest["files"])
    assert {"dictionary.dict", "topics.csv", "config.yaml", "tokeniser/tokeniser.json"} <= files
    assert "topic_model/engine.json" in files
    assert {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()} == (
        files | {MANIFEST}
    )
    assert (manifest["engine"], manifest["num_topics"], manifest["unit"]) == (
        DEFAULT_ENGINE,
        2,
        "article",
    )
    assert manifest["packages"]["gensim"] and manifest["python"]


def test_command_line_on_a_copied_bundle(trained, tmp_path, capsys):
    bundle, corpus, _ = trained
    copy = copy_of(bundle, tmp_path)
    main([str(copy), str(corpus), str(tmp_path / "cli")])
    direct = run(bundle, corpus, tmp_path / "direct")
    for name in ("doc_topics.csv", "article_topics.csv", "excluded.csv", "prevalence_time.csv"):
        assert (tmp_path / "cli" / name).read_bytes() == Path(direct.doc_topics).with_name(
            name
        ).read_bytes(), name
    with pytest.raises(SystemExit, match="apply: .*does not exist"):
        main([str(tmp_path / "nowhere"), str(corpus), str(tmp_path / "cli2")])
    with pytest.raises(SystemExit, match="--column 'text'"):
        main([str(copy), str(corpus), str(tmp_path / "cli3"), "--column", "text"])
