"""Command-line config overrides reach the workflow with the types the schema asks for."""

from pathlib import Path

import yaml

from topicpipe.config import coerce_to_schema

SCHEMA = yaml.safe_load(
    (Path(__file__).parents[1] / "workflow" / "schemas" / "config.schema.yaml").read_text()
)


def test_nested_numbers_and_booleans_become_typed():
    given = {"dictionary": {"no_below": "1", "no_above": "0.9"}, "tokenise": {"lowercase": "false"}}
    coerced = coerce_to_schema(given, SCHEMA)
    assert coerced["dictionary"] == {"no_below": 1, "no_above": 0.9}
    assert coerced["tokenise"]["lowercase"] is False


def test_strings_the_schema_wants_as_strings_stay_strings():
    given = {"corpus": "2016", "tokenise": {"extra_stopwords": ["no", "true", "10"]}}
    coerced = coerce_to_schema(given, SCHEMA)
    assert coerced["corpus"] == "2016"
    assert coerced["tokenise"]["extra_stopwords"] == ["no", "true", "10"]


def test_unconvertible_value_is_left_for_the_validator_to_name():
    coerced = coerce_to_schema({"dictionary": {"no_below": "many"}}, SCHEMA)
    assert coerced["dictionary"]["no_below"] == "many"


def test_a_number_given_where_the_schema_wants_text_becomes_text():
    # `--config apply_name=2022` reaches the workflow as the number 2022.
    coerced = coerce_to_schema({"apply_name": 2022, "dictionary": {"no_below": 3}}, SCHEMA)
    assert coerced == {"apply_name": "2022", "dictionary": {"no_below": 3}}
