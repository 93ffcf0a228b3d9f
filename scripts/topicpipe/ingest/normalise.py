"""Unicode clean-up of decoded text: one form for quotes, dashes, spaces and line ends."""

from __future__ import annotations

import re
import unicodedata

# Characters NFKC leaves alone but that differ only typographically from ASCII ones.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",  # left single quote
        "\u2019": "'",  # right single quote / apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash: ranges (2015-2022) and spaced dashes keep their spacing
        "\u2212": "-",  # minus sign
        "\u00ad": "",  # soft hyphen
        "\u200b": "",  # zero-width space
        "\u200c": "",  # zero-width non-joiner
        "\u200d": "",  # zero-width joiner
        "\u2060": "",  # word joiner
        "\ufeff": "",  # BOM / zero-width no-break space
        "\u00a0": " ",  # no-break space
        "\u202f": " ",
        "\u2028": "\n",  # line separator
        "\u2029": "\n\n",  # paragraph separator
        "\t": " ",
        "\f": "\n",
        "\v": "\n",
    }
)
# An em dash or horizontal bar separates words: "ties\u2014and" must not become one token.
# Only spaces around it go: a dash opening a line must not join it to the line before.
_EM_DASH = re.compile(r" *[\u2014\u2015] *")
_SPACES = re.compile(r"[ ]{2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    """NFKC-normalise ``text``, fold quotes and dashes, drop invisible characters.

    Line ends become ``\\n``; runs of spaces collapse to one and lines lose their
    surrounding spaces, so two copies that differ only in typography compare equal.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    # The dash pattern tries every space of a text; most texts have no dash to look for.
    if "\u2014" in text or "\u2015" in text:
        text = _EM_DASH.sub(" - ", text)
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    # Runs of spaces never cross a line end, so the whole text is collapsed at once.
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))
