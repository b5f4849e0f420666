"""An abbreviation by the name it stands for, where the same document prints the name with
the abbreviation in brackets after it ("Institutet för kommunal socialforskning (IKS)",
"Centrum för epidemiologi och samhällsmedicin (CES)"): the words before the bracket whose
initials spell it, the small words of a name skipped. Pure."""

from __future__ import annotations

import re

__all__ = ["expanded"]

#: the small words inside a name that give no letter to its abbreviation
_SMALL = frozenset({"för", "och", "i", "vid", "av", "&", "-", "–", "på", "med", "till"})
_MAX_WORDS = 9


def expanded(abbreviation: str, text: str) -> str | None:
    """The name `abbreviation` stands for in `text`, or None."""
    letters = re.sub(r"[^A-Za-zÅÄÖåäö]", "", abbreviation).lower()
    if len(letters) < 2:
        return None
    flat = " ".join(text.split())
    for m in re.finditer(rf"\(\s*{re.escape(abbreviation)}\s*\)", flat):
        words = flat[: m.start()].split()[-_MAX_WORDS:]
        for k in range(len(words) - 1, -1, -1):
            name = words[k:]
            initials = "".join(
                w[0] for w in (x.strip(",.;:") for x in name) if w and w.lower() not in _SMALL
            ).lower()
            if initials == letters and name[0][:1].isupper():
                return " ".join(name).strip(" ,.;:")
            if len(initials) > len(letters):
                break
    return None
