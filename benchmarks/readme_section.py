"""Write one benchmark's section of ``benchmarks/README.md``, leaving the others alone."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).with_name("README.md")


def write_section(heading: str, body: str, readme: Path = README) -> Path:
    """Replace the section that starts with ``heading`` (a ``## ...`` line) by ``heading``
    and ``body``, or add it at the end when the file has no such section."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    section = f"{heading}\n\n{body.strip()}\n"
    if heading in text:
        start = text.index(heading)
        following = text.find("\n## ", start + len(heading))
        rest = "" if following < 0 else "\n" + text[following + 1 :]
        text = text[:start] + section + rest
    else:
        text = text.rstrip("\n") + "\n\n" + section
    readme.write_text(text, encoding="utf-8")
    return readme
