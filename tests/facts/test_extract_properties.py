"""Property tests: the extraction rules never fail on odd line structures and keep their
invariants (unique ids, positions counted from 1, amounts inside the body)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.facts.stage import extract
from pipeline.records import CleanPage, DocumentMeta, Line, UnderstoodDocument

FRAGMENTS = [
    "",
    "Ärendet",
    "Följande stadsdelsförvaltningar beviljades LUM-medel 2019:",
    "Ansökningarna prioriteras utifrån följande kriterier:",
    "• Har en tydlig forskningsanknytning.",
    "- Projekt som prövar nya arbetssätt",
    "e Omfattar flera förvaltningar.",
    "1. Trygg start, Farsta stadsdelsförvaltning",
    "2. Stöd i hemmet, Socialförvaltningen, socialjouren",
    "Bromma  Mötesplats för unga",
    "Socialförvaltningen,",
    "socialjouren",
    "(medsökande Södermalm)",
    "Projekt Utförare Klart Kostnad",
    "Uppföljning Ramböll 31 mars 2020 300 000 kr",
    "2020",
    "De beviljade ansökningarna omfattar 1,2 miljoner kronor för år 2019.",
    "Maximalt belopp som en ansökan kan beviljas är 500 000 kronor.",
    "Huvudkriteriet för projekt är att de stärker brukarna.",
    "SAMBA-projektet",
    "Staden har fått statsbidrag för projektet SAMBA; 2 miljoner kronor.",
    "3 Enskede-Årsta-Vantör och Skarpnäck.",
    "| | |",
    "1.",
    "kr",
    "Sedan 2019 genomför Södertörns högskola en utvärdering.",
]


def _doc(lines: list[str]) -> UnderstoodDocument:
    text = "\n".join(lines)
    page = CleanPage(
        page_no=1,
        raw_text=text,
        clean_text=text,
        lines=tuple(Line(1, i, t) for i, t in enumerate(lines)),
    )
    return UnderstoodDocument(
        doc_id="0123456789abcdef", pages=(page,), sections=(), meta=DocumentMeta()
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25))
def test_extract_never_fails_and_keeps_invariants(lines: list[str]) -> None:
    facts = extract(_doc(lines))
    ids = [p.project_id for p in facts.projects]
    assert len(ids) == len(set(ids))
    assert len({a.amount_id for a in facts.amounts}) == len(facts.amounts)
    assert all(c.position >= 1 and c.text for c in facts.criteria)
    assert all(p.name and p.page_no == 1 for p in facts.projects)
    assert all(a.sek > 0 and a.raw for a in facts.amounts)
    assert all(a.project_id in ids for a in facts.amounts if a.project_id)


def test_empty_document() -> None:
    facts = extract(_doc([]))
    assert (facts.projects, facts.amounts, facts.criteria, facts.mentions) == ((), (), (), ())
