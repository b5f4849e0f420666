"""Districts a project works with, named in a sentence away from the project's own row: by
the organisation that carries it out (several projects in one gapped sentence), and in a
document about one project, as "Projektet … tillsammans med …"."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

HEAD = """Kulturförvaltningen                                 Tjänsteutlåtande
Stödavdelningen                                     Dnr 4.1-0077/2012
                                                    Sida 1 (2)
                                                    2012-05-02
Handläggare                                         Till
Per Exempel                                         Kulturnämnden
Telefon: 08-508 00 002                              2012-05-24
"""


def _districts(tmp_path: Path, text: str) -> dict[str, set[str]]:
    f = facts_of(tmp_path, HEAD + text)
    return {p.name: {d.district_id for d in p.districts} for p in f.projects}


def test_organisations_named_later_bring_their_partner_districts(tmp_path: Path) -> None:
    got = _districts(
        tmp_path,
        """
Bidrag till kulturprojekt för unga 2012

Förvaltningens förslag till beslut
1. Kulturnämnden beviljar bidrag enligt tabellen.

Förvaltningens bedömning
Föreningen Trumslaget genomför sitt projekt i samverkan med Bromma stadsdelsförvaltning och
Stiftelsen Pennverket i samverkan med Farsta stadsdelsförvaltning och Skarpnäcks
stadsdelsförvaltning.

Organisation                  Projekt                                   Förslag (kr)
Föreningen Trumslaget         Rytmverkstad för mellanstadiet              110 000
Stiftelsen Pennverket         Skrivarläger för unga                        90 000
Teatergruppen Ekot            Forumteater om mobbning                      80 000
Summa                                                                     280 000
""",
    )
    assert got["Rytmverkstad för mellanstadiet"] == {"bromma"}
    assert got["Skrivarläger för unga"] == {"farsta", "skarpnack"}
    assert got["Forumteater om mobbning"] == set()


def test_the_only_project_of_an_application_takes_the_districts_it_works_with(
    tmp_path: Path,
) -> None:
    got = _districts(
        tmp_path,
        """
Ansökan om medel för projektet Sommarjobb i ytterstaden

Förvaltningens förslag till beslut
1. Nämnden godkänner att förvaltningen ansöker om 2,1 mnkr för projektet Sommarjobb i ytterstaden.

Sammanfattning
Projektet Sommarjobb i ytterstaden riktar sig till unga mellan 16 och 19 år. Projektet genomförs av förvaltningens jobbcenter tillsammans med Skärholmens och Farsta stadsdelsförvaltningar.
""",
    )
    assert got["Sommarjobb i ytterstaden"] >= {"skarholmen", "farsta"}
