"""Headings that group projects by theme, not projects: a heading over a paragraph whose
sentence names its own project. Pure."""

from __future__ import annotations

from pipeline.facts.drafts import Draft
from pipeline.lang.fuzzy import fold

__all__ = ["without_theme_headings"]


def without_theme_headings(out: list[Draft]) -> list[Draft]:
    """A heading over a paragraph whose sentence names its own project ("Barn och unga" over
    "Skärholmen har med 480 000 kronor genomfört projektet Familjecoacher …"): a theme the
    projects are grouped by, not a project."""
    named_in = {(d.evidence, d.first_line) for d in out if fold(d.name) in fold(d.evidence)}
    return [
        d
        for d in out
        if fold(d.name) in fold(d.evidence) or (d.evidence, d.first_line) not in named_in
    ]
