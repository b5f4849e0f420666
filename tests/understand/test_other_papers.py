"""Papers that are no nämnd's own layout, written for the test: an e-mail printed from its raw
source, its body in quoted-printable encoding, read as the mail program shows it
(`pipeline.understand.quoted_printable`); a plan's cover (`page_titles.report_cover_title`)."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood

from pipeline.understand.quoted_printable import quoted_printable_decoded

MAIL = """Subject: =?iso-8859-1?Q?Ans=F6kan_om_medel_fr=E5n_Farsta?=
Content-Transfer-Encoding: quoted-printable

H=E4r kommer Farsta stadsdelsf=F6rvaltnings ans=F6kan om lokala utveckli=
ngsmedel f=F6r =E5r 2004 =96 beslutet fattades i g=E5r.
Summa =3D 250 000 kr
"""


def test_an_e_mails_quoted_printable_body_is_decoded() -> None:
    out = quoted_printable_decoded(MAIL).split("\n")
    assert out[0] == "Subject: Ansökan om medel från Farsta"
    assert out[3] == (
        "Här kommer Farsta stadsdelsförvaltnings ansökan om lokala utvecklingsmedel för år"
        " 2004 – beslutet fattades i går."
    )
    assert out[4] == "Summa = 250 000 kr"


def test_a_page_with_a_few_equals_signs_stays_as_it_is() -> None:
    text = "Kostnad =E5 i formeln\nA = B\nrad=\nnästa"
    assert quoted_printable_decoded(text) == text


COVER = """



                    Farsta stadsdelsnämnd



                    Verksamhetsplan 2019



                    Dnr 1.2-0918/2018
                    2018-11-20




                    Stadsdelsförvaltningen, Box 81, 123 22 Farsta
\f
Farsta stadsdelsnämnd                              Verksamhetsplan 2019
                                                   Sida 5 (38)


2  Nämndens budget 2019

Kommunfullmäktige har i budget 2019 tilldelat nämnden en nettobudget på
1 684,2 mnkr.
"""


def test_a_plans_cover_gives_its_kind_and_year_as_the_title(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(COVER, encoding="utf-8")
    assert understood(path).meta.title == "Verksamhetsplan 2019"


def test_a_reports_cover_joins_its_subtitle(tmp_path: Path) -> None:
    text = COVER.replace(
        "Verksamhetsplan 2019\n\n\n\n",
        "Årsrapport 2018\n\n                    Forskning och utveckling inom\n"
        "                    socialtjänsten\n\n\n\n",
        1,
    )
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert (
        understood(path).meta.title
        == "Årsrapport 2018 – Forskning och utveckling inom socialtjänsten"
    )


def test_bold_set_by_overstriking_reads_once() -> None:
    from pipeline.understand.doubled_bold import undoubled

    text = (
        "§§  1144\n"
        "MMUULL--mmeeddeell  fföörr  rreessoorr  22001122\n"
        "SSttaaddssddeell       RReessmmååll  oocchh  ssyyffttee          SSöökktt      FFöörrssllaagg\n"
        "Farsta                 Oslo: barnahus                   24 000       20 000\n"
    )
    out = undoubled(text).split("\n")
    assert out[0] == "§ 14"
    assert out[1] == "MUL-medel för resor 2012"
    assert out[2].split("  ")[0] == "Stadsdel"
    assert "Resmål och syfte" in out[2]
    assert out[2].index("Resmål") == out[3].index("Oslo")  # the cells stay over their columns
    assert out[3] == text.split("\n")[3]  # a line of plain text is left alone
