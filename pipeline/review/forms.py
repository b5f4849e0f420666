"""The edit form: which fields each kind of value offers, and their typed parsing.

Each field parses what the analyst typed into the text an override carries (whole kronor,
an ISO date, a fund from the vocabulary, a district from the gazetteer) or says, in one line
shown next to the field, what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline import data
from pipeline.lang.numbers import MAX_PRINTED_YEAR, MIN_PRINTED_YEAR, PRINTED_YEAR


@dataclass(frozen=True)
class Field:
    name: str  # the column an override sets ("district" adds a project_districts link)
    label: str
    kind: str  # text | kronor | date | year | fund | district


FIELDS: dict[str, tuple[Field, ...]] = {
    "amounts": (Field("sek", "Amount (whole kronor)", "kronor"),),
    "projects": (
        Field("name", "Project name", "text"),
        Field("amount_sek", "Amount (whole kronor)", "kronor"),
        Field("fund_type", "Fund", "fund"),
        Field("year", "Year", "year"),
        Field("end_date", "End date (YYYY-MM-DD)", "date"),
        Field("district", "Add a district", "district"),
    ),
    "criteria": (
        Field("text", "Criterion", "text"),
        Field("fund_type", "Fund", "fund"),
    ),
}

_KRONOR = re.compile(r"^(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:\s*(?:kr|kronor|sek|:-))?$", re.I)


def fund_types() -> list[str]:
    """The fund vocabulary (pipeline/data/fund_types.csv)."""
    return [row["fund_type"] for row in data.rows("fund_types.csv", ["fund_type"])]


def parse(field: Field, typed: str, districts: dict[str, str]) -> tuple[str | None, str | None]:
    """(the override's value text, None) or (None, what is wrong). Empty input: ("", None)."""
    text = typed.strip()
    if not text:
        return "", None
    if field.kind == "kronor":
        m = _KRONOR.match(text)
        if not m:
            return None, f"{typed!r} is not a whole number of kronor (e.g. 450000 or 450 000)"
        return re.sub(r"\D", "", m.group(1)), None
    if field.kind == "date":
        try:
            return dt.date.fromisoformat(text).isoformat(), None
        except ValueError:
            return None, f"{typed!r} is not a date as YYYY-MM-DD"
    if field.kind == "year":
        if not re.fullmatch(PRINTED_YEAR, text):
            return None, (
                f"{typed!r} is not a year (four digits, {MIN_PRINTED_YEAR}-{MAX_PRINTED_YEAR})"
            )
        return text, None
    if field.kind == "fund":
        if text not in fund_types():
            return None, f"{typed!r} is not a fund of the vocabulary ({', '.join(fund_types())})"
        return text, None
    if field.kind == "district":
        if text not in districts:
            return None, f"{typed!r} is not a district of the gazetteer"
        return text, None
    return text, None
