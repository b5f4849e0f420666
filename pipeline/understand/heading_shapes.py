"""The shapes of lines that tell a heading from running text: a title whose last word
wrapped onto a line of its own, a förvaltning's name standing alone, a form's labelled field,
and the words after which a line goes on. Read by :mod:`pipeline.understand.sections`. Pure."""

from __future__ import annotations

import re

from pipeline.lang.lexicon import fold

__all__ = ["DATED_NAME", "FULL_WIDTH", "FUNCTION_WORDS", "LABELLED", "OWNER_ALONE", "wrapped_title"]

#: words a heading never ends in, folded as the callers fold the words they test
FUNCTION_WORDS = frozenset(
    fold(w)
    for w in [
        "och",
        "i",
        "för",
        "av",
        "om",
        "till",
        "på",
        "med",
        "inom",
        "som",
        "att",
        "samt",
        "eller",
        "från",
        "vid",
        "mot",
        "under",
        "hos",
        "en",
        "ett",
        "den",
        "det",
        "de",
        "the",
        # (prepositions no heading ends in: "… insatser enligt" ⏎ "LSS …" goes on)
        "enligt",
        "efter",
        "kring",
        "mellan",
        "utan",
        "genom",
        "bland",
    ]
)

#: the least median width of a page's lines that is a full text column, not a narrow one
FULL_WIDTH = 50
#: a förvaltning's or nämnd's name, the whole line ("Farsta stadsdelsförvaltning")
OWNER_ALONE = re.compile(
    r"^[A-ZÅÄÖ][\w-]*(?:\s[\w-]+){0,3}\s(?:stadsdels)?(?:förvaltning|nämnd)(?:en)?$"
    r"|^[A-ZÅÄÖ][\wåäö-]*(?:förvaltningen|nämnden)$"
)
#: a form's field: "Studie: Name", "Utförare: …"
LABELLED = re.compile(r"^[A-ZÅÄÖ][\wåäö-]+(?:\s[\wåäö-]+){0,2}:\s+\S")


def wrapped_title(text: str, prev: str, following: list[str]) -> bool:
    """A title opening a paragraph whose last word or two wrapped onto a line of their own,
    over its text ("Likställighet i handläggningen av ekonomiskt" ⏎ "bistånd" ⏎ "Studien ska
    …"): the short line has no mark and ends in no function word, and the line under it
    opens a sentence — a wrapped sentence would have ended with a full stop first."""
    if prev or len(following) < 2 or text.endswith((".", ",", ";", ":")) or "," in text:
        return False  # (not "Name, Södermalms" ⏎ "stadsdelsförvaltning": an item's owner)
    if re.search(r"\S\s{2,}\S", text.strip()):
        return False  # a table's row ("Studien svarar mot …      30 %")
    nxt, after = following[0], following[1]
    return (
        bool(re.fullmatch(r"[a-zåäö][\wåäöé-]*(?: [a-zåäö][\wåäöé-]*)?", nxt))
        and fold(nxt.split()[-1]) not in FUNCTION_WORDS
        and after[:1].isupper()
        and len(after.split()) >= 4
    )


#: a name that ends in the year or years it ran, in brackets: "Ungdomslotsar i Rågsved (2015)"
DATED_NAME = re.compile(r"\S\s+\((?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\)$")
