"""Thirty-ninth session: titles of documents that have no standard heading, each on a text
written for the test:

* the minutes of a council ("Minnesanteckningar från sammanträde med …") are named by that
  heading, not by the heading of their second §;
* a report's cover whose first lone line is its kind and number ("Revisionsrapport nr 4,
  2016") is named by the subject under it;
* an appendix's letterhead that names the § it belongs to in its right-hand column ("§ 9 ,"
  over "Sammanträde 2005-04-21") gives no title, and neither does a table's "forts." heading
  under the next page's "§ 9".
"""

from __future__ import annotations

from pathlib import Path

from tests.extract_helpers import understood


def _title(tmp_path: Path, text: str) -> str | None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return understood(path).meta.title


MINUTES = """Socialförvaltningen                                   Minnesanteckningar
Avdelningen för stadsövergripande                     Pensionärsrådet
sociala frågor                                        Sida 1 (2)
                                                      2016-03-10


Minnesanteckningar från sammanträde med socialnämndens
pensionärsråd

Tid                 Torsdagen den 10 mars 2016, kl. 13.00–15.00

Plats               Socialförvaltningen, konferensrum Tornet

Närvarande          Karin Exempel (S), ordförande
                    Bo Prov, SPF Seniorerna
                    Lisa Test, PRO Stockholm


§ 1  Mötets öppnande

Ordföranden öppnade mötet och hälsade alla välkomna.

§ 2  Föregående minnesanteckningar

Minnesanteckningarna från den 12 november 2015 lades till handlingarna.

§ 3  Utvecklingsmedel för äldreomsorgen

Förvaltningen berättade om de projekt som har fått utvecklingsmedel
under 2015 och om hur resultaten ska spridas till stadsdelarna.
"""


def test_a_councils_minutes_are_named_by_their_heading(tmp_path: Path) -> None:
    assert (
        _title(tmp_path, MINUTES)
        == "Minnesanteckningar från sammanträde med socialnämndens pensionärsråd"
    )


REPORT = """


          STADSREVISIONEN
          Stockholms stad



          Revisionsrapport nr 4, 2016


          Farsta stadsdelsnämnds uppföljning
          av beviljade föreningsbidrag



          Datum 2016-09-12
          Dnr 3.1.3-0051/2016




\f
Sammanfattning

Revisionskontoret har granskat hur Farsta stadsdelsnämnd följer upp de
föreningsbidrag som nämnden beviljar. Granskningen visar att uppföljningen
i huvudsak är tillräcklig men att redovisningarna inte alltid begärs in.
"""


def test_a_reports_kind_and_number_is_no_title(tmp_path: Path) -> None:
    assert (
        _title(tmp_path, REPORT)
        == "Farsta stadsdelsnämnds uppföljning av beviljade föreningsbidrag"
    )


APPENDIX = """KUNGSHOLMENS STADSDELSNÄMND                          BILAGA 1
                                                     Protokoll nr 4/2005
                                                     § 9 ,
                                                     Sammanträde 2005-04-21
                                                     Dnr 506-211/2005


Sammanställning över sökta och beviljade bidrag enligt nämndens beslut
den 21 april 2005, § 9. Belopp i kronor.

A. Verksamhetsbidrag

Förening                                    Sökt      Beviljat

Fridhemsplans Pensionärsförening          14 000        12 000
Kungsholmens Schackklubb                   8 000         6 000
\f
                                                     § 9

A. Verksamhetsbidrag, forts.

Förening                                    Sökt      Beviljat

Rålambshovs Boulesällskap                  6 500         6 000
"""


def test_an_appendixs_paragraph_reference_gives_no_title(tmp_path: Path) -> None:
    title = _title(tmp_path, APPENDIX)
    assert title is None or ("Sammanträde" not in title and "forts" not in title)
