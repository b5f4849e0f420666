"""Pages and lines of other kinds than the document's own: a fax's cover sheet sent before
it, and the footer of each slide of a handout printed several slides to a page. Also the key
by which the furniture readers know a line repeated across pages. Pure.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.lang.amounts import find_amounts
from pipeline.lang.lexicon import fold
from pipeline.understand.sections import heading_kind
from pipeline.understand.table_lines import table_header

__all__ = ["fax_cover", "key", "mark_slide_footers", "run_key"]


def key(line: str) -> str:
    """A line's identity for repetition across pages: folded, digits and spaces ignored."""
    return re.sub(r"[\d\s.,:;()|\-–]+", "", fold(line))


def run_key(line: str) -> str:
    """`key` with the line's number of cells: a running header is printed in the same shape
    on every page, while a table row "Name   420   380" only shares its words with the
    project's own heading "Name" on the next page."""
    return f"{len(_CELL_GAP.split(line.strip()))}:{key(line)}"


_CELL_GAP = re.compile(r"\s{2,}")


_MIN_FOOTER_KEY = 12


def mark_slide_footers(pages: list[list[str]], labels: list[list[str | None]]) -> None:
    """A line printed twice or more on a page, and again on other pages, standing apart and
    ending in the slide's number, is the footer of each slide of a handout that prints
    several slides to a page ("RINKEBY-KISTA STADSDELSFÖRVALTNING      4"): furniture wherever
    it stands. Not a sum, a heading or a table's header, and not a short line ("Summa")."""
    if len(pages) < 2:
        return
    per_page = [Counter(run_key(ln) for ln in lines if ln.strip()) for lines in pages]
    on_pages: Counter[str] = Counter()
    for counts in per_page:
        on_pages.update(counts.keys())
    twice = {k for counts in per_page for k, n in counts.items() if n >= 2}
    for lines, labs in zip(pages, labels, strict=True):
        for i, ln in enumerate(lines):
            line_key = run_key(ln)
            if (
                labs[i] is None
                and _stands_apart(lines, i)
                and _SLIDE_NUMBER.search(ln)
                and line_key in twice
                and on_pages[line_key] >= 2
                and len(line_key.partition(":")[2]) >= _MIN_FOOTER_KEY
                and not find_amounts(ln)
                and heading_kind(ln) is None
                and not table_header(ln)
            ):
                labs[i] = "footer"


#: a slide's number in its footer's last cell ("RINKEBY-KISTA STADSDELSFÖRVALTNING      4")
_SLIDE_NUMBER = re.compile(r"\S\s{2,}\d{1,3}\s*$")


def _stands_apart(lines: list[str], i: int) -> bool:
    """A blank line (or the page's edge) above and below line `i`: a footer stands apart."""
    above = i == 0 or not lines[i - 1].strip()
    below = i + 1 >= len(lines) or not lines[i + 1].strip()
    return above and below


#: the word a fax's cover sheet is headed by, its letters perhaps spaced out ("T E L E F A X")
_FAX_WORD = re.compile(r"^(?:tele)?fax(?:meddelande|försättsblad)?$|^försättsblad(?:fax)?$")
#: the cover sheet's fields: "Till:", "Från:", "Faxnr:", "Antal sidor inkl. denna:"
_FAX_FIELD = re.compile(
    r"^\s*(?:till|från|fran|fax\s*(?:nr|nummer)|telefax\s*nr|antal\s+sidor|meddelande|"
    r"att|ärende|arende|datum|tfn|telefon)\b[^:\n]{0,20}:",
    re.IGNORECASE,
)


def fax_cover(lines: list[str]) -> bool:
    """Whether a page is a fax's cover sheet: a line that is the word "Telefax" (or "Fax",
    "Faxmeddelande", its letters perhaps spaced) and the sheet's labelled fields, among them
    the number of pages sent."""
    # (the word alone on its line or in a cell of its own: "Socialtjänstförvaltningen
    # T E L E F A X")
    word = any(
        _FAX_WORD.match(re.sub(r"\s+", "", cell.lower()))
        for ln in lines
        for cell in re.split(r"\s{3,}", ln.strip())
    )
    fields = sum(1 for ln in lines if _FAX_FIELD.match(ln))
    pages = any(re.search(r"antal\s+sid(?:or)?|sidor\s+inkl", ln, re.IGNORECASE) for ln in lines)
    return word and pages and fields >= 3
