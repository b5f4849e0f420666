"""A numbered item's marker and its number: "1. …", "2) …", "3 Nämnden …", or a Roman
numeral "IV.  Beviljade …" (a protocol's decision items). Pure."""

from __future__ import annotations

import re

__all__ = ["ITEM", "item_no"]

#: a numbered item: "1. …", "2) …", "3 Nämnden …", a Roman numeral "IV.  Beviljade …", or a
#: part of one: "1a. …", "1b. …" (the same number, its letter the part)
ITEM = re.compile(
    r"^\s*(?P<no>\d{1,2}|[IVX]{1,4}(?=\.\s))(?P<sub>[a-h](?=[.)]\s))?"
    r"\s*(?:[.)]\s*|\s+(?=[A-ZÅÄÖ]))(?P<text>\S.*)$"
)
_ROMAN = {"I": 1, "V": 5, "X": 10}


def item_no(m: re.Match[str]) -> int:
    """The number of an `ITEM` match, a Roman numeral read as its value."""
    no = m.group("no")
    if no.isdigit():
        return int(no)
    values = [_ROMAN[c] for c in no]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
