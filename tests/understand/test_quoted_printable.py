"""An e-mail printed from its raw source, its body in quoted-printable encoding, read as the
mail program shows it (`pipeline.understand.quoted_printable`); written for the test."""

from __future__ import annotations

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
