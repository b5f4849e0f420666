"""An abbreviation by the name it stands for, where the same document prints the name with
the abbreviation in brackets after it ("Institutet för kommunal socialforskning (IKS)",
"Centrum för epidemiologi och samhällsmedicin (CES)"): the words before the bracket whose
initials spell it, the small words of a name skipped; or where a list of abbreviations
("Förkortningar") sets the name beside it, its wrapped lines indented under the name. Pure."""

from __future__ import annotations

import re

__all__ = ["expanded", "legend"]

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


#: an abbreviation of a legend: no space, at least two capitals ("SU/IS", "SoRAD", "FoU-C")
_LEGEND_KEY = re.compile(r"(?=(?:\S*[A-ZÅÄÖ]){2})[A-ZÅÄÖ][\w/.&-]{1,9}")


#: a line that is an entry of its own ("ESH        Ersta Sköndal högskola")
_ENTRY = re.compile(r"\s*\S+(?:\s{2,}|\s*[=:–]\s*)[A-ZÅÄÖ]")
#: a name's line that goes on on the next ("…, Stockholms", "alkohol- och drog-", "för")
_OPEN_END = re.compile(r"(?:[,-]|\b(?:för|och|i|vid|av|på|med))$")


def legend(abbreviation: str, text: str) -> str | None:
    """The name a list of abbreviations sets beside `abbreviation` ("SU/IS      Stockholms
    universitet, Institutionen för socialt arbete", "RMC = Ramböll Management Consulting"),
    with the lines wrapped under it joined (set in to the name's column, or, where the
    indentation is lost, what goes on from a line left open or starts in lower case); or None."""
    if not _LEGEND_KEY.fullmatch(abbreviation):
        return None
    lines = text.splitlines()
    entry = re.compile(rf"^(\s*{re.escape(abbreviation)}(?:\s*[=:–]\s*|\s{{2,}}))([A-ZÅÄÖ].*)$")
    for i, line in enumerate(lines):
        if not (m := entry.match(line)):
            continue
        col, parts = len(m.group(1)), [m.group(2).strip()]
        for nxt in lines[i + 1 : i + 3]:
            lead = len(nxt) - len(nxt.lstrip())
            if not nxt.strip() or _ENTRY.match(nxt):
                break
            if not (
                abs(lead - col) <= 1 or _OPEN_END.search(parts[-1]) or nxt.lstrip()[0].islower()
            ):
                break
            parts.append(nxt.strip())
        name = parts[0]
        for part in parts[1:]:  # "Hälso- och sjukvårds-" / "förvaltningen": one word
            joined = name.endswith("-") and not re.match(r"(?:och|eller|samt)\b", part)
            name += part if joined else f" {part}"
        return name.strip(" ,.;")
    return None
