"""Run notes: the automatic choices a run made and the warnings its guardrails raised.

A step that decides something for the user (a setting left at ``auto``) or finds a result
that should not be read at face value returns ``Note`` objects; its entry point logs them
and writes them to ``results/notes/<rule>.json``. The rule ``run_notes`` gathers those files
into ``results/run_notes.md`` (for people), ``run_notes.json`` (for programs, and the
explorer) and ``run_notes.html`` (shown in the Snakemake report).
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

# A setting left at "auto" was given a value for this corpus.
CHOICE = "choice"
# A guardrail found something a reader should know before trusting a result.
WARNING = "warning"
KINDS = (CHOICE, WARNING)


@dataclass(frozen=True)
class Note:
    """One automatic choice or warning.

    ``subject`` is the setting (``dictionary.no_below``) or the check (``flat_topic``);
    ``value`` the value chosen or what the warning is about (``topics 3, 7``);
    ``message`` says what happened and which rule made it happen; ``override`` how to
    change it.
    """

    stage: str
    kind: str
    subject: str
    value: str
    message: str
    override: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"note kind must be one of {KINDS}, not {self.kind!r}")


def choice(stage: str, setting: str, value: object, why: str, override: str) -> Note:
    """The note of a setting left at ``auto`` that was given ``value`` because of ``why``."""
    return Note(stage, CHOICE, setting, str(value), why, override)


def warning(stage: str, check: str, about: str, message: str, override: str = "") -> Note:
    """The note of a guardrail ``check`` that fired on ``about``."""
    return Note(stage, WARNING, check, about, message, override)


def write_notes(path: str | Path, notes: Iterable[Note]) -> None:
    """Write ``notes`` as a JSON list (in the order given)."""
    data = [asdict(note) for note in notes]
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_notes(path: str | Path) -> list[Note]:
    """The notes ``write_notes`` wrote to ``path``."""
    return [Note(**item) for item in json.loads(Path(path).read_text(encoding="utf-8"))]


def gather(paths: Iterable[str | Path]) -> list[Note]:
    """The notes of every file in ``paths``, in order: the warnings first, then the choices."""
    notes = [note for path in paths for note in read_notes(path)]
    return [n for n in notes if n.kind == WARNING] + [n for n in notes if n.kind == CHOICE]


def log_notes(log: logging.Logger, notes: Iterable[Note]) -> None:
    """Log each note: a choice as information, a warning as a warning."""
    for note in notes:
        if note.kind == WARNING:
            log.warning("%s (%s): %s", note.subject, note.value, note.message)
        else:
            log.info("automatic choice %s = %s: %s", note.subject, note.value, note.message)


_HEADINGS = {
    WARNING: (
        "Warnings",
        "What the guardrails found: read these results with care.",
    ),
    CHOICE: (
        "Automatic choices",
        "Settings left at `auto` in config.yaml, and the value this corpus got. "
        "Set the setting yourself to override it; your value always wins.",
    ),
}


def notes_markdown(notes: Sequence[Note]) -> str:
    """``run_notes.md``: the warnings, then the automatic choices, each with its override."""
    lines = ["# Run notes", ""]
    if not notes:
        lines += ["No automatic choice was made and no guardrail fired.", ""]
    for kind in (WARNING, CHOICE):
        chosen = [note for note in notes if note.kind == kind]
        if not chosen:
            continue
        title, intro = _HEADINGS[kind]
        lines += [f"## {title}", "", intro, ""]
        for note in chosen:
            lines.append(
                f"- `{note.subject}` = {_md(note.value)} ({note.stage}): {_md(note.message)}"
            )
            if note.override:
                lines.append(f"  *To change it:* {_md(note.override)}")
        lines.append("")
    return "\n".join(lines)


def notes_html(notes: Sequence[Note], title: str) -> str:
    """``run_notes.html``: the same content as ``notes_markdown`` as a small page (the
    Snakemake report shows HTML files inline)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font:14px/1.45 sans-serif;margin:1em 2em;max-width:60em}"
        "h2{font-size:1.1em;margin-top:1.4em}li{margin:.35em 0}.how{color:#555}"
        ".warning{color:#a33}code{background:#f3f3f3;padding:0 .2em}</style>",
        f"</head><body><h1>{html.escape(title)}</h1>",
    ]
    if not notes:
        parts.append("<p>No automatic choice was made and no guardrail fired.</p>")
    for kind in (WARNING, CHOICE):
        chosen = [note for note in notes if note.kind == kind]
        if not chosen:
            continue
        heading, intro = _HEADINGS[kind]
        parts.append(f'<h2 class="{kind}">{html.escape(heading)}</h2>')
        parts.append(f"<p>{html.escape(intro.replace('`', ''))}</p><ul>")
        for note in chosen:
            how = (
                f'<br><span class="how">To change it: {html.escape(note.override)}</span>'
                if note.override
                else ""
            )
            parts.append(
                f"<li><code>{html.escape(note.subject)}</code> = {html.escape(note.value)} "
                f"({html.escape(note.stage)}): {html.escape(note.message)}{how}</li>"
            )
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _md(text: str) -> str:
    """``text`` without raw HTML and with Markdown emphasis characters escaped."""
    return html.escape(str(text), quote=False).replace("*", "\\*").replace("_", "\\_")


def count(n: int, noun: str) -> str:
    """ "1 article", "3 articles": ``n`` and ``noun``, plural unless ``n`` is 1."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
