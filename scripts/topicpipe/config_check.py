"""What is wrong with a config, said in one short line per problem that names the key.

The Snakefile calls ``config_problems`` before anything else runs, so a typo or a value
that cannot work stops the run at once, before any job: the schema's own checks
(types, ranges, unknown keys), read back as short messages instead of jsonschema's
dump of the whole schema, then the checks that span keys (the K grid, seeds, the
selection rule, topic labels). ``config_warnings`` names settings that may not work
out, depending on the K the selection rule will pick.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from topicpipe.config import AUTO
from topicpipe.engines.sweep import k_values, moved_keys_message, seed_values, trained_k

# How each JSON type is named to a user writing YAML.
_TYPE_NAMES = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a section of keys (key: value)",
    "null": "null",
}
# Longest value quoted back in a message (a long list or section is cut).
_MAX_VALUE_CHARS = 60
# Most problems listed at once; the rest are counted.
MAX_LISTED = 12


def config_problems(config: Mapping[str, Any], schema: Mapping[str, Any]) -> list[str]:
    """Every problem of ``config`` against ``schema`` and across keys, one line each.

    Keys that cross-key checks rely on are only looked at once the schema is satisfied.
    """
    model = config.get("model")
    moved = moved_keys_message(model) if isinstance(model, Mapping) else ""
    if moved:
        return [moved]
    problems = schema_problems(config, schema)
    if problems:
        return problems
    return [*grid_problems(config), *dynamics_problems(config)]


def problems_message(problems: list[str], source: str = "config.yaml or --config") -> str:
    """The stop message for ``problems``: each on its line, and what to do."""
    listed = problems[:MAX_LISTED]
    more = len(problems) - len(listed)
    lines = [f"the config has {len(problems)} problem{'s' * (len(problems) > 1)} ({source}):"]
    lines += [f"  - {problem}" for problem in listed]
    if more:
        lines.append(f"  ... and {more} more")
    lines.append(
        "Fix these and run again; config.yaml describes every key, and "
        "workflow/schemas/config.schema.yaml lists what each accepts."
    )
    return "\n".join(lines)


def schema_problems(config: Mapping[str, Any], schema: Mapping[str, Any]) -> list[str]:
    """The schema's findings on ``config``, one short line each, in key order."""
    errors = Draft202012Validator(schema).iter_errors(config)
    return sorted(describe(error, schema, config) for error in errors)


def key_path(parts: Any, root: Any = None) -> str:
    """``model.seeds[1]`` from the path parts ("model", "seeds", 1) into ``root``: an item of
    a list in brackets, a key of a section (also a number, as in ``topic_labels.3``) dotted."""
    text, node = "", root
    for part in parts:
        if isinstance(node, list):
            text += f"[{part}]"
            node = node[part] if 0 <= part < len(node) else None
        else:
            text += f"{'.' if text else ''}{part}"
            node = node.get(part) if isinstance(node, Mapping) else None
    return text


def describe(error: ValidationError, schema: Mapping[str, Any], config: Any = None) -> str:
    """One line for one schema error in ``config``: the key, what is wrong, what would be
    right."""
    where = key_path(error.absolute_path, config)
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        return "; ".join(
            unknown_key(where, key, allowed, schema) for key in value if key not in allowed
        )
    if "propertyNames" in error.absolute_schema_path:
        rule = "a number" if expected == "^[0-9]+$" else f"match {expected}"
        return f"{where}: key {_show(value)} is not allowed; keys here must be {rule}"
    if kind == "required":
        missing = [key for key in expected if key not in value]
        paths = [key_path([*error.absolute_path, key], config) for key in missing]
        return "; ".join(f"{path}: missing; add it (config.yaml has its default)" for path in paths)
    if kind == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        names = [_TYPE_NAMES.get(k, k) for k in kinds]
        wanted = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        return f"{where}: expected {wanted}, got {_show(value)}"
    if kind == "enum":
        choices = ", ".join("null" if c is None else str(c) for c in expected)
        hint = _close(value, [str(c) for c in expected if c is not None])
        return f"{where}: {_show(value)} is not one of {choices}.{hint}"
    if kind in ("oneOf", "anyOf"):
        return _alternatives(error, schema, config)
    if kind in _BOUNDS:
        return f"{where}: {_show(value)} {_BOUNDS[kind]} {expected}"
    if kind in _SIZES:
        return f"{where}: {_SIZES[kind].format(expected)}, got {_show(value)}"
    return f"{where or 'config'}: {_show(value)}: {error.message[: _MAX_VALUE_CHARS * 2]}"


def _alternatives(error: ValidationError, schema: Mapping[str, Any], config: Any) -> str:
    """A value that fits none of a key's forms (e.g. ``auto`` or a whole number): what is
    wrong with it in the form of its own type (a bound), else every form the key accepts."""
    own_type = [e for e in error.context if e.validator not in ("type", "const", "enum")]
    if own_type:
        return describe(own_type[0], schema, config)
    forms = []
    for option in error.validator_value:
        if "const" in option:
            forms.append(repr(option["const"]))
        elif "enum" in option:
            forms.append(" or ".join(repr(choice) for choice in option["enum"]))
        elif "type" in option:
            kinds = option["type"] if isinstance(option["type"], list) else [option["type"]]
            forms += [_TYPE_NAMES.get(kind, kind) for kind in kinds]
    where = key_path(error.absolute_path, config)
    consts = [str(option["const"]) for option in error.validator_value if "const" in option]
    hint = _close(error.instance, consts)
    line = f"{where}: expected {' or '.join(forms)}, got {_show(error.instance)}"
    return f"{line}.{hint}" if hint else line


_BOUNDS = {
    "minimum": "is below the smallest allowed value,",
    "maximum": "is above the largest allowed value,",
    "exclusiveMinimum": "must be above",
    "exclusiveMaximum": "must be below",
}
_SIZES = {
    "minItems": "give at least {} item(s)",
    "maxItems": "give at most {} item(s)",
    "uniqueItems": "give each item once",
    "minLength": "give at least {} character(s)",
    "pattern": "must match {}",
}


def unknown_key(where: str, key: str, allowed: list[str], schema: Mapping[str, Any]) -> str:
    """A line for a key the schema does not know: a close match, the section it belongs
    to if it is a key of another section, or the keys allowed here."""
    full = f"{where}.{key}" if where else key
    section = f"in {where}" if where else "at the top level"
    hint = _close(key, allowed)
    if not hint:
        homes = [place for place in key_places(schema, key) if place != full]
        if homes:
            hint = f" It is a key of {' and '.join(p.rsplit('.', 1)[0] for p in homes)}."
    return f"{full}: unknown key {section}.{hint} Allowed here: {', '.join(allowed)}"


def key_places(schema: Mapping[str, Any], key: str, prefix: str = "") -> list[str]:
    """Every dotted path at which ``schema`` defines a property named ``key``."""
    places = []
    for name, sub in (schema.get("properties") or {}).items():
        path = f"{prefix}.{name}" if prefix else name
        if name == key:
            places.append(path)
        if isinstance(sub, Mapping):
            places += key_places(sub, key, path)
    return places


def _close(value: Any, choices: list[str]) -> str:
    """ " Did you mean 'x'?" when ``value`` looks like a misspelt choice, else ""."""
    if not isinstance(value, str):
        return ""
    match = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not match:
        lowered = {choice.lower(): choice for choice in choices}
        match = [lowered[value.lower()]] if value.lower() in lowered else []
    return f" Did you mean {match[0]!r}?" if match else ""


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_VALUE_CHARS else text[: _MAX_VALUE_CHARS - 3] + "..."


def grid_problems(config: Mapping[str, Any]) -> list[str]:
    """Problems of the K x seed grid, and of the selection rule and topic labels against the
    K the config lets the sweep train."""
    model = config["model"]
    problems = []
    try:
        ks = k_values(model["k"])
    except ValueError as error:
        problems.append(str(error))
        ks = []
    try:
        seeds = seed_values(model["seeds"])
    except ValueError as error:
        problems.append(str(error))
        seeds = []
    seed = config["selection"].get("seed")
    if ks:
        problems += sweep_problems(config, planned_k(model), str(model.get("max_k", AUTO)))
    if seed is not None and seeds and seed not in seeds:
        problems.append(
            f"selection.seed: {seed} is not one of model.seeds {seeds}; pick one of them "
            "or null (the most representative seed)"
        )
    return problems


def planned_k(model: Mapping[str, Any]) -> list[int]:
    """The K the sweep trains as far as the config can tell: those ``model.max_k`` lets
    through, or every K of ``model.k`` while ``max_k`` is ``auto`` (the cap then depends on
    the training documents, and the check_sweep job applies it)."""
    ks = k_values(model["k"])
    max_k = model.get("max_k", AUTO)
    return ks if max_k == AUTO else trained_k(ks, int(max_k))


def sweep_problems(config: Mapping[str, Any], trained: list[int], max_k: str) -> list[str]:
    """Problems of ``selection`` and ``topic_labels`` against the K of ``model.k`` that are
    ``trained`` (``max_k``: how ``model.max_k`` reads, for the message). Called at parse
    time with what the config tells and by the check_sweep job with the K that train."""
    return [*selection_problems(config, trained, max_k), *label_problems(config, trained)]


def selection_problems(config: Mapping[str, Any], trained: list[int], max_k: str) -> list[str]:
    """``selection.k`` against the rule and the K of the sweep that are ``trained``."""
    ks = k_values(config["model"]["k"])
    selection = config["selection"]
    k = selection.get("k")
    if selection["rule"] == "fixed" and k is None:
        return [
            f"selection.k: selection.rule 'fixed' needs a K; set selection.k to one of model.k {ks}"
        ]
    if selection["rule"] == "fixed" and k not in ks:
        return [
            f"selection.k: {k} is not among the K trained (model.k {ks}); pick one of "
            f"them or add {k} to model.k"
        ]
    if selection["rule"] == "fixed" and k not in trained:
        return [
            f"selection.k: K = {k} is not trained, being above model.max_k ({max_k}); pick "
            f"one of the K trained {trained}, or raise model.max_k"
        ]
    if selection["rule"] != "fixed" and k is not None:
        return [
            f"selection.k: {k} is only used by selection.rule 'fixed' (now "
            f"{selection['rule']!r}); set selection.rule: fixed to use it, or selection.k: null"
        ]
    return []


def selectable_k(config: Mapping[str, Any], trained: list[int]) -> list[int]:
    """The K the selection rule can pick: ``selection.k`` for rule fixed, else every K
    ``trained``."""
    selection = config["selection"]
    if selection["rule"] == "fixed" and selection.get("k") is not None:
        return [int(selection["k"])]
    return trained


def _label_topics(config: Mapping[str, Any]) -> Iterator[tuple[Any, int | None]]:
    """Each ``topic_labels`` key with its topic number (None if it is not a number)."""
    for key in config.get("topic_labels") or {}:
        try:
            yield key, int(key)
        except (TypeError, ValueError):
            yield key, None


def label_problems(config: Mapping[str, Any], trained: list[int]) -> list[str]:
    """``topic_labels`` entries that name no topic of any model the run can select."""
    ks = selectable_k(config, trained)
    if config["selection"]["rule"] == "fixed":
        where = "selection.k"
    elif ks == k_values(config["model"]["k"]):
        where = "model.k"
    else:
        where = "model.k and model.max_k"
    problems = []
    for key, topic in _label_topics(config):
        if topic is None:
            problems.append(
                f"topic_labels: key {key!r} is not a topic number; write e.g. 3: Sanctions"
            )
        elif topic < 1:
            problems.append(
                f"topic_labels: topic {topic} does not exist; topics are numbered from 1"
            )
        elif topic > max(ks):
            problems.append(
                f"topic_labels: topic {topic} does not exist in any model this run can "
                f"select ({where}: largest K is {max(ks)}); remove its label or raise {where}"
            )
    return problems


def label_warnings(config: Mapping[str, Any]) -> list[str]:
    """``topic_labels`` entries that exist only if the selection rule picks a large enough K."""
    ks = selectable_k(config, planned_k(config["model"]))
    return [
        f"topic_labels: topic {topic} exists only if a K of at least {topic} is selected "
        f"(model.k {ks}); if a smaller K is chosen the topics stage stops. To be sure, fix the "
        f"K: selection: {{rule: fixed, k: {max(ks)}}}"
        for _, topic in _label_topics(config)
        if topic is not None and min(ks) < topic <= max(ks)
    ]


def dynamics_problems(config: Mapping[str, Any]) -> list[str]:
    """``dynamics.compare`` must name two different periods, or none."""
    compare = [str(period) for period in config["dynamics"]["compare"]]
    if len(compare) == 1 or (len(compare) == 2 and compare[0] == compare[1]):
        return [
            f"dynamics.compare: give two different periods (e.g. ['2016-01', '2018-06']) or [] "
            f"for the first and the last, not {compare}"
        ]
    return []


def config_warnings(config: Mapping[str, Any]) -> list[str]:
    """Settings that are valid but may not work out (call after ``config_problems``)."""
    return label_warnings(config)
