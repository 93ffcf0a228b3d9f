"""Bad config stops the run at parse time with one short line per problem that names the key.

The matrix runs ``config_problems``, the function the Snakefile calls before any job, on the
project defaults with one change each; two real ``snakemake -n`` runs check what a user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from defaults import CONFIG, ROOT, deep_merge
from topicpipe.config import coerce_to_schema
from topicpipe.config_check import config_problems, config_warnings, problems_message
from workflow_runner import run_snakemake, write_config

SCHEMA = yaml.safe_load((ROOT / "workflow" / "schemas" / "config.schema.yaml").read_text())

# (case, change to the defaults, the key the message must name, words it must hold)
CASES = [
    ("top-level typo", {"dictionry": {"no_below": 1}}, "dictionry", ["Did you mean 'dictionary'"]),
    ("key of a section at the top", {"no_below": 1}, "no_below", ["key of dictionary"]),
    ("unknown section key", {"model": {"num_topics": 5}}, "model.num_topics", ["unknown key"]),
    (
        "unknown engine key",
        {"model": {"tomotopy": {"iteratons": 5}}},
        "model.tomotopy.iteratons",
        ["Did you mean 'iterations'"],
    ),
    (
        "unknown ingest column key",
        {"ingest": {"columns": {"txt": "body"}}},
        "ingest.columns.txt",
        ["Did you mean 'text'"],
    ),
    (
        "old flat model key",
        {"model": {"passes": 5}},
        "model.passes",
        ["model.gensim.passes"],
    ),
    ("integer as text", {"dictionary": {"no_below": "many"}}, "dictionary.no_below", ["whole"]),
    ("number as text", {"dictionary": {"no_above": "half"}}, "dictionary.no_above", ["number"]),
    ("boolean as text", {"dynamics": {"enabled": "sometimes"}}, "dynamics.enabled", ["true or"]),
    (
        "list as text",
        {"tokenise": {"extra_stopwords": "iran"}},
        "tokenise.extra_stopwords",
        ["list"],
    ),
    ("below the minimum", {"tokenise": {"shards": 0}}, "tokenise.shards", ["smallest"]),
    (
        "above the maximum",
        {"evaluation": {"heldout_fraction": 0.9}},
        "evaluation.heldout_fraction",
        ["0.5"],
    ),
    ("open bound", {"prevalence": {"confidence": 1.0}}, "prevalence.confidence", ["below 1"]),
    ("bad enum", {"model": {"engine": "tomotopi"}}, "model.engine", ["Did you mean 'tomotopy'"]),
    ("bad period", {"prevalence": {"period": "decade"}}, "prevalence.period", ["month"]),
    ("bad selection metric", {"selection": {"metric": "coherence"}}, "selection.metric", ["npmi"]),
    ("K as text", {"model": {"k": "ten"}}, "model.k", ["whole number", "list"]),
    ("K below 2", {"model": {"k": [1, 5]}}, "model.k[0]", ["smallest"]),
    ("K range backwards", {"model": {"k": {"from": 20, "to": 5}}}, "model.k", ["from <= to"]),
    ("K range typo", {"model": {"k": {"from": 5, "upto": 20}}}, "model.k.upto", ["Did you mean"]),
    ("K repeated", {"model": {"k": [5, 5]}}, "model.k", ["once"]),
    ("no seeds", {"model": {"seeds": []}}, "model.seeds", ["at least 1"]),
    ("seed repeated", {"model": {"seeds": [1, 1]}}, "model.seeds", ["once"]),
    ("negative seed", {"model": {"seeds": [-1]}}, "model.seeds[0]", ["smallest"]),
    ("fixed rule without K", {"selection": {"rule": "fixed"}}, "selection.k", ["needs a K"]),
    (
        "fixed K not trained",
        {"selection": {"rule": "fixed", "k": 12}},
        "selection.k",
        ["12 is not among", "[5, 10, 15, 20]"],
    ),
    ("K without fixed rule", {"selection": {"k": 10}}, "selection.k", ["selection.rule: fixed"]),
    ("selection seed not trained", {"selection": {"seed": 9}}, "selection.seed", ["[1, 2, 3]"]),
    ("label beyond every K", {"topic_labels": {25: "Sanctions"}}, "topic_labels", ["topic 25"]),
    (
        "label beyond the fixed K",
        {"selection": {"rule": "fixed", "k": 10}, "topic_labels": {12: "Syria"}},
        "topic_labels",
        ["selection.k", "largest K is 10"],
    ),
    ("label topic 0", {"topic_labels": {0: "Zero"}}, "topic_labels", ["numbered from 1"]),
    ("label key not a number", {"topic_labels": {"three": "x"}}, "topic_labels", ["'three'"]),
    ("empty label", {"topic_labels": {3: ""}}, "topic_labels.3", ["at least 1"]),
    ("prevalence typo", {"prevalence": {"bootstraps": 10}}, "prevalence.bootstraps", ["bootstrap"]),
    ("prevalence negative", {"prevalence": {"bootstrap": -5}}, "prevalence.bootstrap", ["-5"]),
    (
        "dynamics compare one period",
        {"dynamics": {"compare": ["2016-01"]}},
        "dynamics.compare",
        ["two different periods"],
    ),
    ("engine section type", {"model": {"gensim": 5}}, "model.gensim", ["section"]),
    ("gensim enum", {"model": {"gensim": {"alpha": "uniform"}}}, "model.gensim.alpha", ["auto"]),
    ("tomotopy workers", {"model": {"tomotopy": {"workers": 0}}}, "model.tomotopy.workers", []),
    ("figure dpi text", {"figures": {"dpi": "high"}}, "figures.dpi", ["'high'"]),
    (
        "auto misspelt",
        {"dictionary": {"no_below": "autp"}},
        "dictionary.no_below",
        ["'auto' or a whole number", "Did you mean 'auto'"],
    ),
    ("auto key below bound", {"model": {"max_k": 1}}, "model.max_k", ["smallest", "2"]),
    (
        "fixed K above max_k",
        {"model": {"max_k": 10}, "selection": {"rule": "fixed", "k": 15}},
        "selection.k",
        ["K = 15 is not trained", "model.max_k (10)", "[5, 10]"],
    ),
    (
        "label beyond max_k",
        {"model": {"max_k": 10}, "topic_labels": {12: "Syria"}},
        "topic_labels",
        ["model.k and model.max_k", "largest K is 10"],
    ),
]


def problems_for(change: dict) -> list[str]:
    """What the Snakefile reports for the defaults with ``change``."""
    config = deep_merge(CONFIG, change)
    return config_problems(coerce_to_schema(config, SCHEMA), SCHEMA)


def test_defaults_have_no_problem():
    assert problems_for({}) == []
    assert config_warnings(CONFIG) == []


@pytest.mark.parametrize(
    ("change", "key", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_bad_setting_is_named_in_one_short_line(change, key, words):
    problems = problems_for(change)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.startswith(key), problem
    for word in words:
        assert word in problem, problem
    assert "\n" not in problem and len(problem) < 400


def test_a_missing_section_and_several_problems_are_all_listed():
    config = {key: value for key, value in CONFIG.items() if key != "figures"}
    config["dictionary"] = {**CONFIG["dictionary"], "no_below": 0, "no_abov": 1}
    problems = config_problems(config, SCHEMA)
    assert [p.split(":")[0] for p in problems] == [
        "dictionary.no_abov",
        "dictionary.no_below",
        "figures",
    ]
    message = problems_message(problems)
    assert message.startswith("the config has 3 problems")
    assert len(message.splitlines()) == 5


def test_auto_settings_pass_and_keep_every_k_of_the_grid_selectable():
    """With model.max_k auto the K cap depends on the corpus: the parse-time checks accept
    every K of model.k (the check_sweep job applies the cap), and the other auto keys pass."""
    auto = {
        "ingest": {"unit": "auto"},
        "dictionary": {"no_below": "auto", "no_above": "auto"},
        "evaluation": {"heldout_fraction": "auto"},
        "model": {"max_k": "auto"},
        "selection": {"rule": "fixed", "k": 20},
        "topic_labels": {20: "Syria"},
    }
    assert problems_for(auto) == []
    # A smallest K above a numeric cap is still trained, so it can be selected.
    capped = {"model": {"max_k": 3}, "selection": {"rule": "fixed", "k": 5}}
    assert problems_for(capped) == []


def test_a_label_that_only_some_k_have_is_a_warning_at_parse_time():
    warnings = config_warnings(deep_merge(CONFIG, {"topic_labels": {15: "Syria"}}))
    assert len(warnings) == 1
    assert "topic 15" in warnings[0] and "selection: {rule: fixed, k: 20}" in warnings[0]
    fixed = {"selection": {"rule": "fixed", "k": 15}, "topic_labels": {15: "Syria"}}
    assert config_warnings(deep_merge(CONFIG, fixed)) == []


@pytest.mark.slow
def test_snakemake_says_a_top_level_typo_in_a_few_lines(workflow_copy: Path):
    write_config(workflow_copy, {"modle": {"k": 5}})
    result = run_snakemake(workflow_copy, "-n", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "modle: unknown key at the top level. Did you mean 'model'?" in output
    assert len(output.splitlines()) < 15, output
    assert "Failed validating" not in output


@pytest.mark.slow
def test_a_label_no_model_has_stops_before_any_job(workflow_copy: Path):
    write_config(workflow_copy, {"model": {"k": [2, 3]}, "topic_labels": {4: "Oil"}})
    result = run_snakemake(workflow_copy, check=False)
    assert result.returncode != 0
    assert "topic_labels: topic 4 does not exist" in result.stderr
    assert not (workflow_copy / "results").exists()
