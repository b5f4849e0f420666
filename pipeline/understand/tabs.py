"""Tab-separated columns laid out as printed: a run of lines whose cells are separated by tabs
(a table typed with tabs, a letterhead "ÄLDRENÄMNDEN<tab><tab>PROTOKOLL 3/2009") is padded
so that each column starts at one position in every line of the run, two spaces at least
after the widest cell before it. The readers of positioned columns (tables, letterheads)
then see the columns the writer set with tabs; a tab read as one space would join them.
"""

from __future__ import annotations

__all__ = ["align_tab_columns", "plain_box_drawing"]

_GAP = 2


#: box-drawing characters of a table drawn with lines: the verticals part columns ("|"),
#: the horizontals, corners and crossings are rules ("-")
_BOX = str.maketrans(
    {**{c: "|" for c in "│┃║╎╏┆┇┊┋"}, **{c: "-" for c in "─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫"}}
)


def plain_box_drawing(text: str) -> str:
    """`text` with a table's box-drawing characters as the "|" and "-" of a plain table."""
    return text.translate(_BOX)


def align_tab_columns(text: str) -> str:
    """`text` with every run of consecutive tab-holding lines aligned; other lines as they
    are, and as many lines as before."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        if "\t" in line.strip(" \t") or (run and "\t" in line):
            run.append(line)
            continue
        out += _aligned(run)
        run = []
        out.append(line.replace("\t", "  "))
    out += _aligned(run)
    return "\n".join(out)


def _aligned(run: list[str]) -> list[str]:
    if not run:
        return []
    rows = [line.rstrip().split("\t") for line in run]
    widths: list[int] = []
    for cells in rows:
        for k, cell in enumerate(cells[:-1]):
            w = len(cell.rstrip())
            if k < len(widths):
                widths[k] = max(widths[k], w)
            else:
                widths.append(w)
    out: list[str] = []
    for cells in rows:
        parts = [
            cell.rstrip().ljust(widths[k] + _GAP) if k < len(cells) - 1 else cell
            for k, cell in enumerate(cells)
        ]
        out.append("".join(parts).rstrip())
    return out
