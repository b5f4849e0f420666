"""Layout families met in the later blind rounds, each on a short text written for the test:
quoted titles in application lists, granted-after-sought sums, applications turned down,
year columns summed by the Summa row, labelled focus areas, a period column beside the end
column, and decision items without a full stop."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import body, understood

from pipeline.facts.context import Context
from pipeline.facts.criteria import find_criteria
from pipeline.facts.grid import find_grid_tables
from pipeline.facts.stage import extract
from pipeline.facts.text_units import sentences
from pipeline.records import Facts

LETTERHEAD = """Farsta stadsdelsförvaltning                          Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg           Dnr 2.1-0007/2015
                                                     Sida 1 (2)
                                                     2015-02-10
Handläggare                                          Till
Per Exempelsson                                      Farsta stadsdelsnämnd
Telefon: 08-508 00 000                               2015-03-05
"""


def facts_of(tmp_path: Path, text: str) -> Facts:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract(understood(path))


def test_quoted_titles_sought_and_granted_sums_and_applications_turned_down(
    tmp_path: Path,
) -> None:
    f = facts_of(
        tmp_path,
        LETTERHEAD
        + """
Lokala utvecklingsmedel 2015

Förslag till beslut
1. Stadsdelsnämnden beviljar lokala utvecklingsmedel med sammanlagt 330 000 kronor.

Bakgrund
Nämnden har avsatt 500 000 kronor för lokala utvecklingsmedel under 2015.

Ansökningar som föreslås beviljas

– Öppna förskolan, ”Språkstöd för nyanlända föräldrar”, 180 000 kronor.
  Bifalls.
– Mottagningsenheten, ”Snabb kontakt vid orosanmälan”, sökt belopp 200 000 kronor.
  Bifalls delvis med 150 000 kronor.

Ansökningar som föreslås avslås

– Fältgruppen, ”Kvällsvandringar i centrum”, 90 000 kronor. Avslås.

Ekonomi

Efter fördelningen återstår 170 000 kronor av de avsatta medlen.
""",
    )
    got = {p.name: (p.status, p.amount_sek) for p in f.projects}
    assert got == {
        "Språkstöd för nyanlända föräldrar": ("beviljad", 180_000),
        "Snabb kontakt vid orosanmälan": ("beviljad", 150_000),
        "Kvällsvandringar i centrum": ("ansökt", 90_000),
    }
    assert all([d.district_id for d in p.districts] == ["farsta"] for p in f.projects)
    kinds = {(a.sek, a.kind) for a in f.amounts}
    assert (200_000, "other") in kinds  # the sum applied for
    assert (90_000, "other") in kinds  # the sum of the application turned down
    # what is left of the money just allotted is that fund's money
    assert [(a.kind, a.fund_type) for a in f.amounts if a.sek == 170_000] == [("budget", "LUM")]


def test_a_summa_row_under_the_years_column_makes_the_years_cells_the_sums_decided() -> None:
    lines = body(
        """
Projekt                 Utförare           2019 (tkr)   Totalt (tkr)
Föräldrastöd online     Lunds universitet  400          1 200
Boende för unga         Umeå universitet   300          600
Summa                                      700
"""
    )
    (table,) = find_grid_tables(lines)
    assert [(r.amount, [e[0] for e in r.extra]) for r in table.rows] == [
        (400_000, [1_200_000]),
        (300_000, [600_000]),
    ]
    # the same rows summed over all years: the whole grant is each row's sum
    lines = body(
        """
Projekt                 Utförare           2019 (tkr)  2020 (tkr)  Totalt (tkr)
Föräldrastöd online     Lunds universitet  400         800         1 200
Boende för unga         Umeå universitet   300         300         600
Summa                                      700         1 100       1 800
"""
    )
    (table,) = find_grid_tables(lines)
    assert [r.amount for r in table.rows] == [1_200_000, 600_000]


def test_a_period_column_beside_the_end_column() -> None:
    lines = body(
        """
Projekt                 Period        Klart       Kostnad
Föräldrastöd online     2018–2020     mars 2020   400 000
Boende för unga         2019          vt 2020     300 000
"""
    )
    (table,) = find_grid_tables(lines)
    assert [r.text("end") for r in table.rows] == ["mars 2020", "vt 2020"]


def test_labelled_focus_areas() -> None:
    lines = body(
        """
Fokusområden för 2017
FoU-arbetet inom stadsövergripande FoU-medel ska under året ha sin tyngdpunkt i följande.

Fokusområde 1: Barn som bevittnat våld
Fokusområde 2: Äldres psykiska hälsa och
ensamhet
Fokusområde 3: Digital handläggning
""",
        headings=(0,),
    )
    got = [
        (c.kind, c.fund_type, c.year, c.position, c.text)
        for c in find_criteria(lines, Context(lines, 2017))
    ]
    assert got == [
        ("focus_area", "FUM", 2017, 1, "Barn som bevittnat våld"),
        ("focus_area", "FUM", 2017, 2, "Äldres psykiska hälsa och ensamhet"),
        ("focus_area", "FUM", 2017, 3, "Digital handläggning"),
    ]


def test_priority_sentences_that_share_a_line() -> None:
    lines = body(
        """
Särskilt prioriteras projekt där brukare deltar. Särskilt prioriteras projekt
som genomförs med en annan förvaltning.

Ansökan ska lämnas senast den 1 mars.
"""
    )
    got = [(c.kind, c.position, c.text) for c in find_criteria(lines, Context(lines, 2014))]
    assert got == [
        ("priority", 1, "Särskilt prioriteras projekt där brukare deltar."),
        ("priority", 2, "Särskilt prioriteras projekt som genomförs med en annan förvaltning."),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. att fördela medel med sammanlagt 2 mnkr enligt tabellen\n2. att uppdra åt kontoret",
            [
                "1. att fördela medel med sammanlagt 2 mnkr enligt tabellen",
                "2. att uppdra åt kontoret",
            ],
        ),
        ("Summan är 1 mnkr för\n2019 och 2020.", ["Summan är 1 mnkr för 2019 och 2020."]),
    ],
)
def test_a_numbered_item_at_a_lines_start_begins_a_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in sentences(text.split("\n"))] == expected


def test_a_study_named_in_quotes_with_its_sum_later_in_the_paragraph(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        LETTERHEAD.replace("Farsta stadsdelsnämnd", "Socialtjänstnämnden")
        + """
Stadsövergripande FoU-medel 2003

Förslag till beslut
1. Socialtjänstnämnden beviljar medel till de studier som redovisas i ärendet.

Ärendet
Institutionen för socialt arbete vid Umeå universitet har ansökt om medel för
en studie kallad "Barn i familjehem". Studien görs i samarbete med Farsta
stadsdelsförvaltning. Förvaltningen föreslår att studien beviljas 210 000 kronor.
""",
    )
    (p,) = f.projects
    assert (p.name, p.status, p.amount_sek) == ("Barn i familjehem", "beviljad", 210_000)
    assert p.performer == "Institutionen för socialt arbete vid Umeå universitet"
    assert [a.sek for a in f.amounts if a.sek == 210_000] == [210_000]  # one amount, not two
