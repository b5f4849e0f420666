"""Diarienummer (dnr): the registration number of a case.

Printed forms vary by year and committee: ``3.2.1-123/2021``, ``0012/2009``,
``106-0412/2007``, ``1.6-0543/2008``, ``D nr 008 – 121 / 05``, ``KS 155/18``,
``Dnr 3.2:118/2014``, ``KS-2015-00039-6`` (prefix, year, serial, version); labels ``Dnr``, ``DNR``, ``D nr``, ``Diarienummer`` and OCR's
``Dinr``/``Dnr.``.

`normalize_dnr` keeps the printed structure and only: drops spaces inside the number,
turns every dash into "-", reads O/o as 0 and I/l/| as 1 between digits, turns the ":" that
OCR reads for the dash before the serial number into "-", and writes a letter prefix
(``KS``) in capitals followed by one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.numbers import PRINTED_YEAR

__all__ = ["DnrMatch", "find_dnrs", "normalize_dnr"]

_LABEL = re.compile(r"(?<![\w])(?:d\s?[il1]?\s?nr|diarie(?:nummer|nr))\b\.?\s*:?\s*", re.IGNORECASE)
# A number, OCR letters allowed after its first digit. Possessive, and a match may not start
# inside a number: both keep the scan linear on long digit runs (no backtracking into them).
_N = r"[0-9][0-9OoIl|]*+"
_PART = rf"{_N}(?:\.{_N})*"
_BODY = re.compile(
    rf"(?<![0-9OoIl|.])(?P<prefix>(?<![\w-])[A-ZÅÄÖ]{{1,5}}(?:\s+|-(?={PRINTED_YEAR}-)|/(?={PRINTED_YEAR}:)))?(?P<num>"
    # a classification, then a running number and a year: "3.2/0417/2006"
    rf"{_PART}\s*/\s*{_N}\s*/\s*[0-9][0-9OoIl]{{1,3}}(?![0-9])"
    rf"|{_PART}(?:\s*[-–—:]\s*{_PART})*\s*/\s*[0-9][0-9OoIl]{{1,3}}"
    rf"|{_PART}(?:\s*[-–—:]\s*{_PART})+"
    # a year, then a running number of up to six digits: "KS 2021/00487"
    rf"|(?:19|20)\d\d\s*/\s*[0-9]{{4,6}}"
    # another municipality's "SN/2020:45": a year, a colon, a running number
    rf"|(?<=/)(?:19|20)\d\d:[0-9]{{1,5}})(?![\d/])"
)
_OCR = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


@dataclass(frozen=True)
class DnrMatch:
    """A dnr in a text: span of the number (label excluded), as printed, normalised."""

    start: int
    end: int
    raw: str
    normalized: str
    labelled: bool


def normalize_dnr(raw: str) -> str | None:
    """The normalised form of a printed dnr (label allowed), or None if it is not one."""
    text = _LABEL.sub("", raw.strip(), count=1).strip().rstrip(" .,;")
    m = _BODY.fullmatch(text)
    if m is None:
        return None
    num = re.sub(r"\s+", "", m.group("num"))
    num = re.sub(r"[–—]", "-", num).translate(_OCR)
    num = re.sub(r":(?=\d+/)", "-", num)
    if not any(c.isdigit() for c in num):
        return None
    prefix = m.group("prefix")
    if prefix and prefix.endswith(("-", "/")):
        return f"{prefix.upper()}{num}"  # "KS-2015-00039-6": prefix, year, serial
    return f"{prefix.strip().upper()} {num}" if prefix else num


_YEAR_SERIAL = re.compile(r"(?:19|20)\d\d-\d{3,6}(?:-\d{1,3})?")


def find_dnrs(text: str) -> list[DnrMatch]:
    """Dnr in `text`: every labelled one, and unlabelled ones of the unmistakable
    ``<number>/<year>`` shape with a classification code or a zero-padded serial."""
    out: list[DnrMatch] = []
    taken: list[tuple[int, int]] = []
    for lab in _LABEL.finditer(text):
        # OCR reads a leading zero as "O" ("Dnr O318/2000"): read it as the digit it stands for
        fixed = text[: lab.end()] + re.sub(r"^[Oo](?=[0-9OoIl]*\d)", "0", text[lab.end() :])
        # ... and a part's leading zero after a separator ("Dnr 120-O143/2OO5")
        fixed = (
            fixed[: lab.end()]
            + re.sub(r"(?<=[-–/.:])[Oo](?=[0-9Oo]*\d)", "0", fixed[lab.end() : lab.end() + 30])
            + fixed[lab.end() + 30 :]
        )
        m = _BODY.match(fixed, lab.end())
        if m is None:
            continue
        raw = m.group().strip()
        norm = normalize_dnr(raw)
        if norm is None or sum(c.isdigit() for c in norm) < 4:
            continue
        raw = text[m.start() : m.start() + len(raw)]
        out.append(DnrMatch(m.start(), m.start() + len(raw), raw, norm, True))
        taken.append(m.span())
    for m in _BODY.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        year_serial = bool(m.group("prefix")) and bool(
            _YEAR_SERIAL.fullmatch(m.group("num").strip())
        )
        if "/" not in m.group() and not (m.group("prefix") or "").endswith("-") and not year_serial:
            continue  # ("HSN 2020-0694": a body's code, a year and a serial, is one)
        num = m.group("num")
        serial = num.split("/")[0]
        classified = bool(re.match(r"\d+(?:\.\d+)+\s*[-–:]", num))
        padded = bool(re.fullmatch(r"0\d{2,4}", serial.strip()))
        if not (classified or padded or m.group("prefix")):
            continue
        if m.group("prefix") and not re.fullmatch(r"[A-ZÅÄÖ]{2,5}(?:\s+|-)", m.group("prefix")):
            continue
        raw = m.group().strip()
        norm = normalize_dnr(raw)
        if norm is not None:
            out.append(DnrMatch(m.start(), m.start() + len(raw), raw, norm, False))
    return sorted(out, key=lambda d: d.start)
