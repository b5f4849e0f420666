"""A protokollsutdrag of one §, written for the test: its subject is the §'s heading (past a
dnr on the § line and a flattened header's page number), and a decision item that announces
a list ("enligt följande:") keeps its dash list and is followed by the next items."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

EXCERPT = """STOCKHOLMS STADS EXEMPELNÄMND
PROTOKOLLSUTDRAG
Nr 2/2003
Sida 1 (2)

Sammanträdesdag: torsdagen den 13 mars 2003

§ 9      Dnr 4.1-077/03
Bidrag till studiecirklar, första fördelningen 2003

Förvaltningen har i tjänsteutlåtande daterat den 20 februari 2003 lämnat förslag till fördelning.

Exempelnämnden beslutar

1. att bevilja bidrag med sammanlagt 90 tkr enligt följande:

– Studieförbundet Exempel, cirklar i svenska för föräldrar, 50 tkr
– Föreningen Läsglädje, högläsning för äldre, 40 tkr

2. att avslå övriga ansökningar,

3. att förklara paragrafen omedelbart justerad.
"""


def test_the_subject_of_an_excerpt_is_its_paragraph_heading(tmp_path: Path) -> None:
    path = tmp_path / "excerpt.txt"
    path.write_text(EXCERPT, encoding="utf-8")
    assert understood(path).meta.title == "Bidrag till studiecirklar, första fördelningen 2003"


def test_a_decision_item_keeps_its_announced_list_and_the_items_go_on(tmp_path: Path) -> None:
    path = tmp_path / "excerpt.txt"
    path.write_text(EXCERPT, encoding="utf-8")
    items = understood(path).decisions
    assert [d.item_no for d in items] == [1, 2, 3]
    assert "Föreningen Läsglädje, högläsning för äldre, 40 tkr" in items[0].text
    assert items[1].text.startswith("att avslå övriga ansökningar")


TABLE_OVER_PAGES = """Socialförvaltningen                                            Tjänsteutlåtande
                                                               Sida 1 (2)
Till Socialnämnden

Stadsövergripande studier 2014

Bilaga 1

Studie                        Genomförs av              Medverkande          Kostnad
                                                        förvaltning          (tkr)
Barn i skyddat boende         Örebro universitet        Farsta               400
Unga vuxna i hemlöshet        Uppsala universitet       Bromma               300
\f
                                                               Sida 2 (2)
Studie                        Genomförs av              Medverkande          Kostnad
                                                        förvaltning          (tkr)
Äldre med missbruk            Lunds universitet         Södermalm            250
Summa                                                                        950
"""


def test_a_table_header_repeated_on_the_next_page_keeps_its_unit_line(tmp_path: Path) -> None:
    f = facts_of(tmp_path, TABLE_OVER_PAGES)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got["Barn i skyddat boende"] == 400_000
    assert got["Äldre med missbruk"] == 250_000
