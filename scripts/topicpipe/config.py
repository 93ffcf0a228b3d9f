"""Config values given on the command line, made to fit the schema's types.

Snakemake parses nested ``--config key={...}`` values with YAML's BaseLoader,
which keeps every scalar a string ("20", "true"). Converting only where the
schema asks for a number or a boolean keeps strings such as stopwords intact.
"""

from __future__ import annotations

from typing import Any

_SCALARS = {"integer": int, "number": float}
# The value of a setting the pipeline chooses for the corpus at hand (``topicpipe.adapt``).
AUTO = "auto"


def coerce_to_schema(value: Any, schema: dict[str, Any]) -> Any:
    """Return ``value`` with strings converted to the numbers/booleans ``schema`` expects."""
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {key: coerce_to_schema(item, properties.get(key, {})) for key, item in value.items()}
    if isinstance(value, list):
        items = schema.get("items", {})
        return [coerce_to_schema(item, items) for item in value]
    if not isinstance(value, str):
        # Snakemake reads a top-level ``--config name=2022`` as a number.
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and schema.get("type") == "string":
            return str(value)
        return value
    for option in [schema, *schema.get("oneOf", []), *schema.get("anyOf", [])]:
        converted = _convert_scalar(value, option.get("type"))
        if converted is not None:
            return converted
    return value


def _convert_scalar(text: str, kind: Any) -> Any:
    kinds = kind if isinstance(kind, list) else [kind]
    for name in kinds:
        if name == "boolean" and text.lower() in {"true", "false"}:
            return text.lower() == "true"
        if name in _SCALARS:
            try:
                number = _SCALARS[name](text)
            except ValueError:
                continue
            return int(number) if name == "integer" else number
    return None
