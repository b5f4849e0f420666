"""A letter's address blocks on page 1: the organisation's name and unit printed over an
address line, and the addressee set in over its address ("Föreningen X" ⏎ "c/o Y" ⏎
"Gata 41" ⏎ "112 32 Stockholm"). Both are furniture of the head, never its title. Used by
:func:`pipeline.understand.furniture.classify_pages`."""

from __future__ import annotations

import re

from pipeline.lang.lexicon import fold

__all__ = ["extend_address_blocks"]

#: an organisation's name ends in one of these: "Socialförvaltningen", "Kista stadsdelsnämnd"
ORGANISATION = re.compile(r"(?:forvaltning(?:en)?|kontor(?:et)?|stad|namnd(?:en)?)$")


def extend_address_blocks(lines: list[str], labs: list[str | None]) -> None:
    """The organisation's name printed right above an address line is part of it, and so is
    its unit's line between them ("Socialförvaltningen" ⏎ "Avdelningen för …" ⏎ "Box 8000")."""
    for i in range(1, len(lines)):
        if labs[i] != "address":
            continue
        k = i - 1
        while k >= 0 and labs[k] is None and _address_name(lines[k]):
            k -= 1
        block = range(k + 1, i)
        if any(ORGANISATION.search(fold(lines[j]).split()[-1]) for j in block):
            for j in block:
                labs[j] = "address"
        # a letter's addressee set in over its address ("Föreningen X" ⏎ "c/o Y" ⏎ "Gata 41"
        # ⏎ "112 32 Stockholm"): the lines above it at its indent, up to a blank line
        at = len(lines[i]) - len(lines[i].lstrip())
        k = i - 1
        while (
            at >= _ADDRESSEE_INDENT
            and k >= 0
            and i - k <= _ADDRESSEE_LINES
            and labs[k] is None
            and lines[k].strip()
            and len(lines[k]) - len(lines[k].lstrip()) == at
        ):
            labs[k] = "address"
            k -= 1


_ADDRESSEE_INDENT, _ADDRESSEE_LINES = 20, 4


#: an office's unit printed under its name: "Avdelningen för …", "Enheten för …", "Staben"
_UNIT = re.compile(r"^(?:avdelning|enhet|sektion|stab|kansli|byra)\w*\b")


def _address_name(line: str) -> bool:
    words = fold(line.strip()).split()
    if not 1 <= len(words) <= 6 or line.rstrip().endswith((".", ",", ":")):
        return False
    return bool(ORGANISATION.search(words[-1]) or _UNIT.match(words[0]))
