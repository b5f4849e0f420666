"""A follow-up table's status told by a colour (a traffic light) and the legend that reads it.

How the documents write it
--------------------------

A lägesrapport marks each study or project with a colour instead of a word, and explains the
colours once, in a legend over or under the table::

    Färgmarkeringen i tabellen nedan betyder:
       Blå     studien är avslutad och slutrapport har lämnats
       Grön    studien genomförs enligt tidplan och kostnadsram
       Gul     avvikelse i tid eller innehåll som kan hanteras
       Röd     allvarlig avvikelse som kräver beslut av nämnden

    Studie                   Utförare          Kostnad, tkr   Status
    Hemlösa kvinnor med …    Institutet för …           620   Blå

A colour whose legend line says the work is finished ("avslutad", "klar", "slutrapport har
lämnats") marks a finished project; any other colour marks work still under way, on time or
late (a traffic light follows running work). Without a legend green, yellow and red are the
usual lights of running work; blue and grey say nothing by themselves. The row's status cell
is rewritten to the word it stands for, so the table readers read it as any status word. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.drafts import cued_status
from pipeline.facts.grid_model import GridTable
from pipeline.lang.fuzzy import fold

__all__ = ["colour_statuses"]

#: the colours of a traffic light and of a report's markings
_COLOURS = r"(?:blå|bla|grön|gron|gul|röd|rod|orange|grå|gra|svart|lila)"
#: a colour word alone in a status cell, perhaps with a note ("Röd (urspr. …)")
_COLOUR_CELL = re.compile(rf"^\s*({_COLOURS})\b", re.IGNORECASE)
#: a legend line: the colour, then its meaning after a gap, a colon, a dash or "="
_LEGEND = re.compile(
    rf"^(?:[-–•*]\s*)?(?P<colour>{_COLOURS})(?:\s*[:=–-]\s*|\s{{2,}})(?P<means>\S.*)$",
    re.IGNORECASE,
)
#: the lights of running work when no legend tells them
_RUNNING = ("gron", "gul", "rod")


def _legend(lines: Sequence[BodyLine]) -> dict[str, str]:
    """Each colour's meaning as the document's legend gives it (its first line and the one
    under it, a meaning may wrap)."""
    out: dict[str, str] = {}
    for k, ln in enumerate(lines):
        m = _LEGEND.match(ln.text.strip())
        if m is None or fold(m.group("colour")) in out:
            continue
        means = m.group("means")
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and nxt.text.strip() and nxt.indent > ln.indent + 4:
            means += " " + nxt.text.strip()  # (a meaning that wraps under itself)
        out[fold(m.group("colour"))] = means
    return out


def colour_statuses(table: GridTable, lines: Sequence[BodyLine]) -> None:
    """Rewrite each row's colour in its status column to the status it stands for."""
    if not any(c.role == "status" for c in table.columns):
        return
    cells = [(r, " ".join(r.cells.get("status", []))) for r in table.rows]
    coloured = [(r, fold(m.group(1))) for r, s in cells if (m := _COLOUR_CELL.match(s))]
    if len(coloured) < 2:
        return  # (one colour word may be a name's)
    legend = _legend(lines)
    for row, colour in coloured:
        means = legend.get(colour)
        if means is not None:
            done = cued_status(means, None) == "genomförd"
        elif colour in _RUNNING:
            done = False
        else:
            continue
        row.cells["status"] = ["Avslutad" if done else "Pågår"]
