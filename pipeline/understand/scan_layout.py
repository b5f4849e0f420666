"""Layout repairs of a scanned page that its OCR word confidences allow (moved out of
:mod:`pipeline.understand.context_repair`, which runs them after its word pass): a heading
read in small letters where Tesseract was unsure of a capital that looks the same, a lost
thousands space in a sum ("2235 000" → "2 235 000"), and a blank line OCR put inside a
paragraph, closed with the freed lines moved after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.lang.lexicon import fold
from pipeline.records import Repair
from pipeline.understand.ocr_confidence import UNSURE_CONF
from pipeline.understand.repair_bullets import LOOKALIKE_CAPITALS, RUNS_ON
from pipeline.understand.repair_tables import CELL_GAP

__all__ = ["capital_lookalikes", "close_inner_blanks", "thousands_spaces"]


def capital_lookalikes(lines: list[str], conf: Sequence[dict[str, float]]) -> list[Repair]:
    """A heading (a line standing alone between blank lines, at the left margin) that begins
    in small letters, whose first letter looks the same in both cases and which Tesseract
    read unsure, was printed with a capital ("vägen tillbaka" for "Vägen tillbaka"). OCR
    pages only: the confidences say so. Changes `lines` in place."""
    out: list[Repair] = []
    for i, line in enumerate(lines):
        if i >= len(conf) or not conf[i]:
            continue
        body = line.lstrip()
        if len(line) - len(body) >= 4 or CELL_GAP.search(body):
            continue  # a table cell's continuation or a letterhead's column, not a heading
        word = body.split(" ", 1)[0] if body else ""
        if len(word) < 3 or word[0] not in LOOKALIKE_CAPITALS:
            continue
        if not word.isalpha() or not word.islower():
            continue
        alone = (not i or not lines[i - 1].strip()) and (
            i + 1 >= len(lines) or not lines[i + 1].strip()
        )
        c = conf[i].get(word)
        if not alone or c is None or c >= UNSURE_CONF:
            continue
        after = word[0].upper() + word[1:]
        lines[i] = line[: len(line) - len(body)] + after + body[len(word) :]
        out.append(Repair(i, word, after, "capital read as small"))
    return out


# A million amount whose first thousands space OCR lost ("1488 200", "Totalt   2235 000"):
# four digits, a space, three digits, standing alone (no digit group after it, no decimal).
_LOST_THOUSANDS = re.compile(
    r"(?<![\d,.:/-])(?P<m>\d)(?P<t>\d{3}) (?P<u>\d{3})(?![\d,.:/-]| \d{3}\b)"
)


def thousands_spaces(lines: list[str], conf: Sequence[dict[str, float]]) -> list[Repair]:
    """The thousands space OCR lost in an amount of millions ("1488 200" → "1 488 200"); an
    amount right after another (two cells whose gap closed to one space) is set apart by
    two. A four-digit group that could be a year (1900–2099: "november 2021 780") stays.
    OCR pages only. Changes `lines` in place."""
    out: list[Repair] = []
    for i, line in enumerate(lines):
        if i >= len(conf) or not conf[i]:
            continue

        def fix(m: re.Match[str], line: str = line) -> str:
            if 1900 <= int(m.group("m") + m.group("t")) <= 2099:
                return m.group(0)
            at = m.start()
            # "2 200 000 1488 200": two cells whose gap closed to one space
            lead = " " if at > 1 and line[at - 1] == " " and line[at - 2].isdigit() else ""
            return f"{lead}{m.group('m')} {m.group('t')} {m.group('u')}"

        new = _LOST_THOUSANDS.sub(fix, line)
        if new != line:
            lines[i] = new
            out.append(Repair(i, line.strip(), new.strip(), "thousands space lost"))
    return out


_LEAD_MARK = re.compile(r"^(?:\d{1,2}[.)]|att)\s+")
_ITEM_MARK = re.compile(r"^\s*(?:[-–—•]\s|\d{1,2}[.)]\s|[a-h][.)]\s)")


def close_inner_blanks(lines: list[str], conf: Sequence[dict[str, float]]) -> list[Repair]:
    """A blank line OCR put inside a paragraph (the gap between two printed lines read as a
    paragraph's): between a line of prose that does not end a sentence ("Slutrapporten
    lämnas i", "… forsknings- och utvecklingsmedel", "”Tidigt tillsammans -") and a line that
    goes on with it (starting in small letters or "(", or with a capital after a function
    word no sentence ends on, "genomförs i / Järva"; no bullet, number or "att" that could
    start an att-sats), the blank goes:
    the rest of the paragraph moves up one line and the blank follows it. OCR pages only;
    lines laid out in columns (tables) and short lines (headings, names) are left. Changes
    `lines` in place."""
    out: list[Repair] = []
    conf_page = any(conf)
    if not conf_page:
        return out
    inner: set[int] = set()
    for i in range(1, len(lines) - 1):
        a, b = lines[i - 1], lines[i + 1]
        if lines[i].strip() or not a.strip() or not b.strip():
            continue
        a_text, b_text = a.strip(), b.strip()
        joins = (
            len(a_text.split()) >= 4
            and (a_text[-1].isalpha() or a_text[-1] in ",-–")
            and (
                b_text[0].islower()
                or b_text[0] == "("
                # no sentence ends on a function word: "… och genomförs i / Järva …"
                or (b_text[0].isupper() and fold(a_text.split()[-1]) in RUNS_ON)
            )
            and not _ITEM_MARK.match(b)
            and b_text.split()[0] != "att"  # an att-sats starts, a blank line before it
            and not CELL_GAP.search(_LEAD_MARK.sub("", a_text))
            and not CELL_GAP.search(b_text)
        )
        if joins:
            inner.add(i)
    if not inner:
        return out
    # the paragraph closes up; its freed lines go after it, before the next real break
    merged: list[str] = []
    pending = 0
    for i, line in enumerate(lines):
        if i in inner:
            pending += 1
            out.append(
                Repair(len(merged), "", lines[i + 1].strip(), "blank line inside a paragraph")
            )
            continue
        if not line.strip() and pending:
            merged.extend([""] * pending)
            pending = 0
        merged.append(line)
    merged.extend([""] * pending)
    lines[:] = merged
    return out
