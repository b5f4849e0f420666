"""District mentions of a document: every district, förvaltning or unit named in the
body or its footnotes that is a mention of it (``Gazetteer.mention``), through the spaCy
pipeline's DISTRICT entities.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.lists import Place
from pipeline.facts.spacy_pipeline import gazetteer, get_nlp
from pipeline.facts.text_units import paragraphs
from pipeline.records import DistrictMention, Project, UnderstoodDocument


def mention_years(doc: UnderstoodDocument, year: int | None) -> tuple[int, ...]:
    """The years a document is of: its subject year, its date's and its meeting's."""
    dates = (doc.meta.doc_date, doc.meta.meeting_date)
    return tuple(sorted({y for y in (year, *(d.year for d in dates if d)) if y is not None}))


def mentions(
    lines: Sequence[BodyLine],
    notes: Sequence[tuple[int, str]],
    years: Sequence[int] = (),
    city_offices: bool = True,
) -> list[DistrictMention]:
    """Every district, förvaltning or unit named in the body or its footnotes that is a
    mention of it (``Gazetteer.mention``)."""
    gaz = gazetteer()
    nlp = get_nlp()
    out: list[DistrictMention] = []
    seen: set[tuple[str, str, int]] = set()
    heads = [ln.heading for ln in lines]
    texts = [
        (s.text, s.page_no)
        for para in paragraphs([ln.text for ln in lines], [ln.page_no for ln in lines], heads)
        for s in para.sentences
    ] + list((t, p) for p, t in notes)
    # a document repeats sentences (letterheads, standard clauses): each distinct text goes
    # through the pipeline once; what it names depends on the text alone
    unique = list(dict.fromkeys(t for t, _p in texts))
    named: dict[str, list[tuple[str, str, float]]] = {}
    for text, sdoc in zip(unique, nlp.pipe(unique), strict=True):
        named[text] = []
        for ent in sdoc.ents:
            if ent.label_ != "DISTRICT" or not ent._.district_id:
                continue
            unit = gaz.mention(
                sdoc.text, ent.start_char, ent.end_char, ent._.district_id, years, city_offices
            )
            if unit is not None:
                named[text].append((unit.id, ent.text, ent._.score))
    for text, page in texts:
        for unit_id, name, score in named[text]:
            key = (unit_id, name, page)
            if key in seen:
                continue
            seen.add(key)
            out.append(DistrictMention(unit_id, name, page, score))
    return out


def own_mentioned(
    own: Sequence[Place], found: Sequence[DistrictMention]
) -> tuple[DistrictMention, ...]:
    """A stadsdelsnämnd's document names its own district in its letterhead or head even when
    its body does not: that district is mentioned (on page 1, with the confidence of a name
    read from the committee's head)."""
    have = {m.district_id for m in found}
    extra = [
        DistrictMention(p.district_id, p.name_as_printed, 1, _OWN_CONFIDENCE)
        for p in own
        if p.district_id not in have
    ]
    return (*found, *extra)


_OWN_CONFIDENCE = 0.8


def owned_units(
    projects: Sequence[Project], own: Sequence[Place], found: Sequence[DistrictMention]
) -> tuple[DistrictMention, ...]:
    """`own_mentioned`, with a förvaltning's unit ("Socialjouren", "Uppsökarenheten")
    counted only where it owns or shares a project of the document: a unit named in
    passing is no party to the decision (as the gold of every writer counts it); and every
    district or unit that owns a project counted."""
    owners = {d.district_id for p in projects for d in p.districts}
    known = gazetteer().districts
    units = {k for k, d in known.items() if d.kind == "unit"}
    kept = [m for m in found if m.district_id not in units or m.district_id in owners]
    # a stadsdelsförvaltning that owns a project is named in the document, though the
    # scan of running text may have missed it ("Hägersten-" ⏎ "Liljeholmen" in a cell)
    have = {m.district_id for m in kept}
    for p in projects:
        for d in p.districts:
            district = known.get(d.district_id)
            if (
                district is not None
                and district.kind != "fackförvaltning"
                and d.district_id not in have
            ):
                have.add(d.district_id)
                kept.append(DistrictMention(d.district_id, d.name_as_printed, p.page_no, 0.7))
    return own_mentioned(own, kept)
