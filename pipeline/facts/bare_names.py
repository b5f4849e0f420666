"""A name line with no mark over the labelled fields of its project ("Äldre personer i
hemlöshet – behov och insatser" over "Utförare: …" and "Kostnad: …"), read for
:mod:`pipeline.facts.field_blocks`. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.cues import cue_hits
from pipeline.facts.field_lines import (
    AMOUNT,
    COST,
    MIN_FIELDS,
    NAME,
    PERFORMER,
    TOTAL,
    YEAR_COST,
    field_of,
    is_field,
    known_gap_field,
    read_fields,
)
from pipeline.facts.form_names import FORM_SECTION
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["bare_name_over_fields"]

_MONEY_CAPTION = re.compile(r"\b(?:kostnad\w*|budget\w*|kronor|tkr|belopp)\b")
_MAX_BARE_NAME_WORDS = 16


def bare_name_over_fields(
    lines: Sequence[BodyLine], i: int
) -> tuple[dict[str, tuple[int, str]], int] | None:
    """ "Äldre personer i hemlöshet – behov och insatser" right over "Utförare: …" and
    "Kostnad: 650 000 kronor": a name line with no mark, no full stop and no label, over two
    fields at least of which one gives the sum or who carries the work out."""
    text = lines[i].text.strip()
    if (
        not text[:1].isupper()
        or known_gap_field(text)  # ("Deltagare      4": a label and its value)
        or re.search(r"\s{2,}[\d\s.,]+$", text)  # ("Handledning    28 000": a cost line)
        or re.search(r"\S\s{3,}\S+.*\s{3,}\S", text)  # ("A      B      Totalt": a header)
        or _MONEY_CAPTION.search(fold(text))  # ("Kostnader, kronor" over a cost table)
        or FORM_SECTION.fullmatch(fold(text))  # ("A. Uppgifter om sökande": who applies)
        or text.endswith((".", ":", ","))
        or not 2 <= len(text.split()) <= _MAX_BARE_NAME_WORDS
        or find_amounts(text)
        or i + 2 >= len(lines)
        or _LABEL_THEN_VALUE.match(text)  # ("Finansiering      Socialtjänstnämnden, MUST 2006")
        or _wrapped_value(lines, i)
    ):
        return None
    # (one blank line may stand between the name and its fields)
    k = i + 2 if not lines[i + 1].text.strip() else i + 1
    wrapped = lines[k].text.strip() if k == i + 1 and k + 1 < len(lines) else ""
    if (
        not is_field(lines[k].text)
        and wrapped[:1].islower()
        and not wrapped.endswith((".", ":", ","))  # (a sentence that describes, not a name)
        and ":" not in wrapped  # ("Kontaktperson i" ⏎ "föreningen:   …": a label wrapped)
        and is_field(lines[k + 1].text)
    ):
        # "Farsta sdf - Tammerfors, akut socialt" ⏎ "arbete nattetid" ⏎ "Deltagare: 4"
        text, k = dehyphen_join([text, wrapped]), k + 1
    if not is_field(lines[k].text):
        return None
    fields, after = read_fields(lines, k)
    kinds = (AMOUNT, COST, PERFORMER, TOTAL, YEAR_COST)
    if not any(p.match(lab) for lab in fields for p in kinds):
        return None
    if len(fields) < MIN_FIELDS and not _granted_alone(lines, i, fields):
        return None
    if field_of(fields, NAME) is not None:
        return None  # "Studiebesök (MUST)" over "Resmål: …": a caption; the block names itself
    # ("A   Arbetslinjen i …": the item's letter before its name; "… – ny ansökan": what
    # the section brings of it)
    name = _PAPER_TAIL.sub("", re.sub(r"^[A-H]\s{2,}", "", text))
    return {"projekt": (i, name), **fields}, after


#: a field of a label unknown to the vocabulary, its value set off by a wide gap
_LABEL_THEN_VALUE = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?\s{4,}[A-ZÅÄÖ]")


def _wrapped_value(lines: Sequence[BodyLine], i: int) -> bool:
    """Line `i` goes on with the value of the gap field right above it, set in under that
    value ("Finansiering      Socialtjänstnämnden, utvecklingsmedel för" ⏎ "          IFO-projekt
    2005-2006"), not a name of its own."""
    if i == 0 or not lines[i - 1].text.strip() or lines[i].indent < 8:
        return False
    above = " " * lines[i - 1].indent + lines[i - 1].text
    m = _LABEL_THEN_VALUE.match(above.strip())
    if m is None:
        return False
    value_at = lines[i - 1].indent + m.end() - 1
    return abs(lines[i].indent - value_at) <= 2


#: what a section brings of the project its heading names ("Hemmaplan – redovisning 2024
#: och ansökan för 2025", "… – ny ansökan", "… – slutrapport")
_PAPER_TAIL = re.compile(
    r"\s+[–—-]\s+(?:ny\s+|fortsatt\s+)?(?:ansökan|redovisning|slutrapport|delrapport|"
    r"lägesrapport)\b[^–—]*$",
    re.IGNORECASE,
)


def _granted_alone(lines: Sequence[BodyLine], i: int, fields: dict[str, tuple[int, str]]) -> bool:
    """A name opening a paragraph over one field, the sum it is granted ("Peer support inom
    socialpsykiatrin" ⏎ "Beviljas: 420 000 kronor"): an item of a list of grants set as
    cards, each its name and its sum — not a fund's caption over its sum."""
    ((label, (_, value)),) = fields.items()
    text = lines[i].text.strip()
    return (
        # (a grant's own label: an organisation's "Förslag 2020: …" over last year's is a
        # grant to run it, no project)
        bool(_GRANTED_LABEL.match(label))
        and bool(find_amounts(value))
        and (
            i == 0
            or not lines[i - 1].text.strip()
            # (a caption over it, not a unit's name it is set in under: "Vuxenenheten" ⏎
            # "   Uppföljning av boendestöd …" ⏎ "   Beviljas: …" is a list of the unit's)
            or (
                (lines[i - 1].heading or _caption(lines[i - 1].text))
                and lines[i - 1].indent >= lines[i].indent
            )
        )
        and not _caption(text)
    )


_GRANTED_LABEL = re.compile(
    r"^(?:beviljas|beviljat belopp|beviljat|beviljade medel|tilldelat belopp)$"
)


def _caption(text: str) -> bool:
    """A fund's caption over its items ("Lokala utvecklingsmedel", "Studiebesök (MUST)")."""
    return len(text.split()) <= 4 and bool(cue_hits(text, "fund"))
