"""Fifty-fourth session: a whole protocol whose business includes a § on the city's research
and development money is filed under that §: its heading is the title, its dnr the
document's; a protocol with no such § keeps its number ("Protokoll 4/2011")."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood

_FRAME = """STOCKHOLMS STAD                                         PROTOKOLL
NORRBACKA STADSDELSNÄMND                                Nr 4/2011
                                                        Sida 1 (3)

Tid och plats      Torsdagen den 14 april 2011 kl. 18.30–20.10,
                   stadsdelsförvaltningen, Provgatan 4

Närvarande         Anna Provsson (s), ordförande
                   Bertil Exempel (m)

Justerare          Bertil Exempel

Justeringsdag      Torsdagen den 21 april 2011


§ 1
Val av justerare och tid för justering

Nämnden utsåg Bertil Exempel att justera dagens protokoll.


§ 2
Månadsrapport för mars 2011
Dnr 1.2-101/2011

Stadsdelsnämnden godkänner månadsrapporten.


§ 3
{heading}
{heading_more}Dnr 1.5.1-188/2011

Stadsdelsnämnden {decision}


§ 4
Föreningsbidrag 2011, andra fördelningen
Dnr 1.6-144/2011

Stadsdelsnämnden beviljar bidrag enligt bilaga.
"""


def _meta(tmp_path: Path, heading: str, more: str, decision: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    text = _FRAME.format(heading=heading, heading_more=more, decision=decision)
    path.write_text(text, encoding="utf-8")
    return understood(path).meta


def test_a_protocol_is_filed_under_its_paragraph_on_development_money(tmp_path: Path) -> None:
    meta = _meta(
        tmp_path,
        "Ansökan om lokala utvecklingsmedel och medel för studiebesök",
        "(MUST) 2012\n",
        "ansöker hos socialnämnden om lokala utvecklingsmedel för två projekt.",
    )
    assert meta.title == (
        "Ansökan om lokala utvecklingsmedel och medel för studiebesök (MUST) 2012"
    )
    assert meta.dnr == "1.5.1-188/2011"


def test_a_protocol_without_such_a_paragraph_keeps_its_number(tmp_path: Path) -> None:
    meta = _meta(
        tmp_path,
        "Yttrande över remiss om trafikplan för Provstaden",
        "",
        "överlämnar förvaltningens tjänsteutlåtande som svar på remissen.",
    )
    assert meta.title == "Protokoll nr 4/2011"
    assert meta.dnr is None
