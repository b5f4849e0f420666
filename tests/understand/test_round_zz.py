"""Forty-seventh session: the titles of letters, agreements, minutes and notices — the
subject line under an addressee's block and over a greeting, a contract's subject under its
kind in capitals, the subject over a meeting's time and place, a decision whose kind stands
in the letterhead's right corner; a web page's headline over its publication line, an
e-service's name as a form's title; decision numbers alone on the line above their text."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import understood

LETTER = """Farsta stadsdelsförvaltning                                          Brev
Avdelningen för äldreomsorg
                                                                     Sida 1 (1)
                                                                     2016-04-11
                                                                     Dnr 1.5.3-200/2016



                                             Föreningen Grannstöd i Farsta
                                             c/o Karin Exempel
                                             Storgatan 4
                                             123 45 Farsta



Beslut om bidrag till projektet Promenadgrupper 2016

Hej!

Tack för er ansökan. Stadsdelsnämnden har vid sitt sammanträde den 7 april 2016 beviljat
föreningen ett bidrag på 40 000 kronor för projektet Promenadgrupper under 2016.

Med vänlig hälsning

Eva Exempel
avdelningschef
"""

CONTRACT = """Bromma stadsdelsförvaltning                                       Avtal
Avdelningen för individ- och familjeomsorg                        Dnr 1.2-300/2021
                                                                  Sida 1 (2)
                                                                  2021-02-03



KONSULTAVTAL

Handledning i projektet Tidigt stöd –
metodutveckling inom barn och unga


1  Parter

Beställare     Bromma stadsdelsnämnd
               Box 15000, 167 15 Bromma

Konsult        Exempel Handledning AB
               Org.nr 556000-0000

I avtalet kallas parterna för beställaren och konsulten.


2  Bakgrund

Socialnämnden har beviljat förvaltningen lokala utvecklingsmedel för projektet.
"""

MINUTES = """Socialförvaltningen                                        Minnesanteckningar
Avdelningen för stadsövergripande sociala frågor           Sida 1 (1)
                                                           2014-03-12




Minnesanteckningar – referensgruppen för lokala utvecklingsmedel

Tid och plats: Onsdagen den 12 mars 2014 kl. 13.00–15.00, Swedenborgsgatan 20,
rum Exempel

Närvarande
Anna Exempel              socialförvaltningen
Bo Exempel                Farsta stadsdelsförvaltning


1. Föregående anteckningar
Anteckningarna lades till handlingarna.
"""

NOTICE = """Skarpnäcks stadsdelsförvaltning                             Kallelse
Kansliet                                                    Sida 1 (1)
                                                            2015-05-29



Till ledamöter och ersättare i Skarpnäcks stadsdelsnämnd


Kallelse till sammanträde i Skarpnäcks stadsdelsnämnd

Tid        Torsdagen den 11 juni 2015 kl. 18.30
Plats      Stadsdelsförvaltningens sammanträdesrum, Exempelvägen 1

Gruppmöten kl. 17.30: (s) och (v) i rum Ett, (m) och (fp) i rum Två.


Föredragningslista

1    Val av justerare
2    Anmälan av protokoll
"""

DECISION = """                                             BESLUT
LÄNSSTYRELSEN
STOCKHOLM                                    Datum            Dnr
                                             2015-05-08       851-1000-2015
Enheten för social utveckling                                 Sida 1 (2)



                                   Skarpnäcks stadsdelsförvaltning
                                   Box 5000
                                   128 00 Skarpnäck



Beslut om utvecklingsmedel för förebyggande arbete 2015
– projektet Trygga helger i Skarpnäck


Beslut

1. Länsstyrelsen beviljar Skarpnäcks stadsdelsförvaltning 300 000 kronor.
"""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (LETTER, "Beslut om bidrag till projektet Promenadgrupper 2016"),
        (CONTRACT, "Handledning i projektet Tidigt stöd – metodutveckling inom barn och unga"),
        (MINUTES, "Minnesanteckningar – referensgruppen för lokala utvecklingsmedel"),
        (NOTICE, "Kallelse till sammanträde i Skarpnäcks stadsdelsnämnd"),
        (
            DECISION,
            "Beslut om utvecklingsmedel för förebyggande arbete 2015 – projektet Trygga "
            "helger i Skarpnäck",
        ),
    ],
    ids=["letter", "contract", "minutes", "notice", "decision"],
)
def test_the_subject_line_of_letters_agreements_minutes_and_notices(
    tmp_path: Path, text: str, title: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    got = understood(path).meta.title
    assert got is not None
    assert got.replace(" - ", " – ") == title


NEWS = """Stöd till läxhjälp i Skarpnäck - Stockholms stad
https://start.stockholm/aktuellt/nyheter/2020/05/exempel/

Hoppa till huvudinnehållet
Meny
Sök

Start  ›  Aktuellt  ›  Nyheter

Stöd till läxhjälp i
Skarpnäck

Nyhet  |  4 maj 2020

Socialnämnden har beslutat att ge 300 000 kronor till en läxhjälp i Skarpnäck.
"""

FORM = """STOCKHOLMS STAD                                              Utskrivet 2021-10-02 14:37
E-tjänst: Ansökan om lokala utvecklingsmedel för
projekt inom socialtjänsten
Ärendenummer: EA-2021-100000          Inskickad: 2021-10-02 14:31

Information till sökande
Ansökan avser projekt som genomförs under 2022.

1. Typ av ansökan
"""

NUMBERS_ALONE = """Socialförvaltningen                              Tjänsteutlåtande
Avdelningen för stadsövergripande                Dnr 3.1-0101/2024
sociala frågor                                   Sida 1 (3)
                                                 2024-10-02
Handläggare: Eva Exempel                         Till
Telefon: 08-508 00 000                           Socialnämnden

Lokala utvecklingsmedel 2025

Förvaltningens förslag till beslut

1.
Nämnden beviljar lokala utvecklingsmedel för 2025 enligt tabell 1.

2.
Nämnden avslår övriga ansökningar.

Sammanfattning
Förvaltningen föreslår att sju projekt beviljas medel.
"""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (NEWS, "Stöd till läxhjälp i Skarpnäck"),
        (FORM, "Ansökan om lokala utvecklingsmedel för projekt inom socialtjänsten"),
    ],
    ids=["news", "form"],
)
def test_the_headline_of_a_web_page_and_the_name_of_an_e_service(
    tmp_path: Path, text: str, title: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert understood(path).meta.title == title


def test_decision_numbers_alone_over_their_text(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(NUMBERS_ALONE, encoding="utf-8")
    got = [(d.item_no, d.text) for d in understood(path).decisions]
    assert got == [
        (1, "Nämnden beviljar lokala utvecklingsmedel för 2025 enligt tabell 1."),
        (2, "Nämnden avslår övriga ansökningar."),
    ]
