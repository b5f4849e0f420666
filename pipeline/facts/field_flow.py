"""Projects printed as one paragraph of fields run together, as an e-service flattens its
form into text when the form is printed or exported::

    Ansökan 1 (LUM). Projektnamn: Trygg hemgång efter skyddat boende
    Sökande: Hägersten-Liljeholmens stadsdelsförvaltning, enheten för vuxna
    Medsökande: Älvsjö stadsdelsförvaltning Utförare: Egen regi Period:
    2020-01-01 – 2020-12-31 Belopp: 480 000 kr Syfte: Att ge kvinnor …

The labels are a form's known words followed by a colon, wherever they fall in the lines
(a line may end in a label whose value opens the next). A paragraph with a name field and at
least four fields, two of them run on inside a line, is one project: its name, applicant and
co-applicant (its districts), who carries it out (not when the work is the applicant's own,
"Egen regi", or the field is empty, "–") and its sum. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy
from pipeline.facts.lists import ListRow
from pipeline.facts.text_units import dehyphen_join, paragraphs
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_field_flows"]

#: a form's field label, wherever it stands in the text
_LABEL = re.compile(
    r"(?<![\w-])(Projektnamn|Projektets namn|Namn på projektet|Sökande|Medsökande|Utförare|"
    r"Projektperiod|Period|Sökt belopp|Belopp|Medfinansiering|Syfte|Antal deltagare|"
    r"Projektledare|Målgrupp|Kontaktperson)\s*:(?=\s|$)"
)
_NAMES = ("projektnamn", "projektets namn", "namn pa projektet")
_MIN_FIELDS = 4
_MIN_RUN_ON = 2
#: a performer field that names no one else: the applicant's own work, or left empty
_OWN_WORK = re.compile(r"^(?:[–—-]?$|egen regi\b|i egen regi\b|forvaltningen\b)")


def find_field_flows(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every paragraph of fields run together (module docstring), one project each."""
    texts = [ln.text for ln in lines]
    out: list[ListRow] = []
    for p in paragraphs(texts, [ln.page_no for ln in lines], [ln.heading for ln in lines]):
        text = dehyphen_join(texts[p.first : p.last + 1])
        labels = list(_LABEL.finditer(text))
        # (labels inside a line, after another field's value: a form's fields run together)
        run_on = [
            m
            for k in range(p.first, p.last + 1)
            for m in _LABEL.finditer(texts[k])
            if texts[k][: m.start()].strip() and not texts[k][: m.start()].rstrip().endswith(".")
        ]
        if len(labels) < _MIN_FIELDS or len(run_on) < _MIN_RUN_ON:
            continue
        fields: dict[str, str] = {}
        for m, nxt in zip(labels, [*labels[1:], None], strict=True):
            value = text[m.end() : nxt.start() if nxt is not None else len(text)]
            fields.setdefault(fold(m.group(1)), value.strip(" .;"))
        name = next((fields[k] for k in _NAMES if fields.get(k)), None)
        if name is None:
            continue
        places = find(fields.get("sokande", "")) + find(fields.get("medsokande", ""))
        row = ListRow(
            tidy(name),
            places,
            p.first,
            p.last,
            lines[p.first].page_no,
            text,
            form="intro_list",
            intro_line=p.first,
        )
        performer = fields.get("utforare", "")
        row.performer = None if _OWN_WORK.match(fold(performer)) else performer
        money = fields.get("belopp") or fields.get("sokt belopp") or ""
        sums = [a for a in find_amounts(money) if a.per is None]
        if sums:
            set_amount(row, sums[0], lines, p.first, p.last)
        out.append(row)
    return out
