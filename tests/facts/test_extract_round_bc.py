"""Forty-third session: rules from the corpora's project districts and end dates and from the
rounds opened for them, each on a short text written for the test (none of the rounds' names
or sums):

* a sentence that opens with a listed project's name, the head of its name before a dash, or
  a one-word name ("Stödsteget är ett samverkansprojekt mellan …", "Nattkompis påbörjades …
  och genomförs tillsammans med …") adds the districts it names as taking part;
* "Projektet genomförs i samverkan med …" right after a sentence that opened with a project's
  name speaks of that project (districts only);
* a partner in brackets under a name whose district name the table's next column splits
  ("(tillsammans med Farsta" ⏎ "stadsdelsförvaltning)") takes part beside the writing
  district;
* an organisation and its sum over its quoted project under each district's name in capitals,
  "Delsumma <district>" a group's total;
* partners numbered over their "Verksamhet:" (the project), "Stadsdelsområde:" (its owner)
  and "Ersättning:" a sum per year (the project's sum their total, no one year); a table of
  partners' money by year under "Ersättning inom partnerskapen" holds their grants, an
  association's "verksamhetsbidrag" by year does not; a partnership call's conditions are
  criteria of the IOP;
* a page printed with its formatting marks shown (¶, ¤, →, "Sidbrytning") read as printed
  without them;
* "… för programmet X" in a title names the project, "Gemensam ansökan …" applies for it;
  "projektet X avvecklas den …" ends X's name;
* a district's name wrapped in a list's left column ("Hässelby-" ⏎ "Vällingby"), a partner
  in brackets under it, a fund's name in capitals as the list's heading;
* term columns ("Höstterminen HT 2011", "Läsåret 2011/12") and the school year's total as
  each row's sum;
* numbered studies read by two readers keep the end the fields give ("Klar: juni 2003"); a
  status field that dates the end ("avslutat december 2003", "pågår till juni 2004");
* a table row's number and name again over its paragraph after the table: the paragraph is
  its text (its "Slutrapport lämnas i juni 2020") and no project of its own;
* an item's sentence "Klar juni 2000." under its name;
* one paragraph on several numbered rows ("Studie 1 ska redovisas … Studie 2 avslutas … och
  genomförs i …") parted by their numbers;
* money paid back ("har … återbetalats"), paid by the applicant itself ("varav förvaltningen
  finansierar …", "själva står för"), what a project came to cost ("kostnaden blev") and what
  something would cost ("skulle kosta") is other money; what a trip cost ("kostade") and an
  application's proposed sum ("ansökan föreslås …") are the project's;
* a column headed "T.o.m." ("Till och med", "Pågår till") dates each row's end;
* another municipality's "lokala utvecklingsmedel" are its own "utvecklingsmedel" (amounts,
  projects and criteria), not Stockholm's LUM.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ba import _ends_of
from test_extract_round_ii import HEAD

from pipeline.facts.header_roles import header_role
from pipeline.understand.tabs import formatting_marks_hidden

SDF_HEAD = """Vantörs stadsdelsförvaltning                       Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg         Dnr 1.2-88/{year}
                                                   Sida 1 (3)
                                                   {year}-09-12
Handläggare                                        Till
Per Prov                                           Vantörs stadsdelsnämnd

Uppföljning av externt finansierade projekt {year}

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner uppföljningen.

Ärendet
"""

TABLE = """
Tabell 1. Externt finansierade projekt {year}, tkr

Projekt                        Finansiär                     Tkr

Stödsteget                     Europeiska socialfonden       1 400
Nattkompis – vuxna på          Länsstyrelsen i Stockholms      520
stan kvällstid                 län
Läsglädje i förskolan          Socialnämnden, lokala           310
                               utvecklingsmedel
Summa                                                        2 230

"""


def _districts(tmp_path: Path, year: int, body: str) -> dict[str, set[str]]:
    f = facts_of(tmp_path, SDF_HEAD.format(year=year) + TABLE.format(year=year) + body)
    return {p.name: {d.district_id for d in p.districts} for p in f.projects}


def test_a_sentence_opening_with_a_listed_name_adds_its_partners(tmp_path: Path) -> None:
    body = """Stödsteget är ett samverkansprojekt mellan Vantörs stadsdelsförvaltning och
Skarpnäcks stadsdelsförvaltning som finansieras av Europeiska socialfonden.
Nattkompis påbörjades i mars 2019 och genomförs tillsammans med Farsta
stadsdelsförvaltning, som ansvarar för kvällarna i Hökarängen. Läsglädje i
förskolan riktar sig till förskolorna i Rågsved.
"""
    got = _districts(tmp_path, 2019, body)
    stod = next(v for k, v in got.items() if k.startswith("Stödsteget"))
    natt = next(v for k, v in got.items() if k.startswith("Nattkompis"))
    las = next(v for k, v in got.items() if k.startswith("Läsglädje"))
    assert stod == {"vantor", "skarpnack"}
    assert natt == {"vantor", "farsta"}
    assert las == {"vantor"}


def test_the_project_a_paragraph_opened_with_is_the_next_sentences_projektet(
    tmp_path: Path,
) -> None:
    body = """Nattkompis ger stöd till unga som rör sig ute sent på helgerna. Projektet
genomförs i samverkan med Farsta och Skarpnäcks stadsdelsförvaltningar, som
bidrar med fältassistenter. Läsglädje i förskolan vänder sig till förskolorna
i Rågsved. Projektet genomförs av förskolans egna pedagoger.
"""
    got = _districts(tmp_path, 2019, body)
    natt = next(v for k, v in got.items() if k.startswith("Nattkompis"))
    las = next(v for k, v in got.items() if k.startswith("Läsglädje"))
    assert natt == {"vantor", "farsta", "skarpnack"}
    assert las == {"vantor"}


def test_a_bracketed_partner_split_by_the_next_column_takes_part_beside_the_writer(
    tmp_path: Path,
) -> None:
    table = """
Tabell 1. Projekt med extern finansiering {year}

Projekt                          Finansiär                      Tkr

Trygga vägar hem                 Länsstyrelsen i Stockholms     300
(tillsammans med Farsta          län
stadsdelsförvaltning)
Läxhjälp på biblioteket          Allmänna arvsfonden            450
Summa                                                           750
"""
    f = facts_of(tmp_path, SDF_HEAD.format(year=2010) + table.format(year=2010))
    got = {p.name: {d.district_id for d in p.districts} for p in f.projects}
    trygga = next(v for k, v in got.items() if k.startswith("Trygga vägar hem"))
    assert trygga == {"vantor", "farsta"}


KS_HEAD = """STOCKHOLMS STAD                                   PROTOKOLLSUTDRAG
Idrottsnämnden                                    Nr 3/{year}
                                                  Sammanträdesdag
                                                  {year}-03-14
                                                  Sida 1 (2)

§ 7
{title}
Dnr 2.4-0101/{year}

Idrottsnämnden beslöt

att bevilja bidrag enligt bilaga till protokollet.

"""

GROUPS = """Beviljade bidrag {year}

Stadsdel / organisation och projekt                                Kronor

BROMMA
  Föreningen Bollkulan                                             45 000
    "Fotboll i parken för flickor"
  Klätterklubben Greppet                                           38 000
    "Klättring på lovet"
  Delsumma Bromma                                                  83 000

FARSTA
  Orienteringsklubben Kartan                                       52 000
    "Hitta ut – orientering för nybörjare"
  Delsumma Farsta                                                  52 000

Totalt                                                            135 000
"""


def test_an_organisation_over_its_quoted_project_under_each_district(tmp_path: Path) -> None:
    title = "Bidrag till idrottsprojekt för barn i ytterstaden 2012"
    f = facts_of(tmp_path, KS_HEAD.format(year=2012, title=title) + GROUPS.format(year=2012))
    got = {
        p.name: (sorted(d.district_id for d in p.districts), p.amount_sek, p.performer)
        for p in f.projects
    }
    assert got == {
        "Fotboll i parken för flickor": (["bromma"], 45000, "Föreningen Bollkulan"),
        "Klättring på lovet": (["bromma"], 38000, "Klätterklubben Greppet"),
        "Hitta ut – orientering för nybörjare": (["farsta"], 52000, "Orienteringsklubben Kartan"),
    }


PARTNERS = """Bedömning

Enligt utlysningen skulle verksamheten
- vända sig till unga 13–19 år i områden med låg valdeltagande,
- bygga på ideellt engagemang,
- kunna följas upp varje år.

Partnerskapen

1. Föreningen Trappsteget
Verksamhet:        Kvällsöppen ungdomsgård med läxhjälp i
                   Husby
Stadsdelsområde:   Rinkeby-Kista
Ersättning:        300 000 kronor 2020, 310 000 kronor 2021 och
                   320 000 kronor 2022

2. Stiftelsen Bryggan
Verksamhet:        Samtalsgrupper för unga tjejer i Bredäng
Stadsdelsområde:   Skärholmen
Ersättning:        200 000 kronor 2020, 200 000 kronor 2021 och
                   210 000 kronor 2022

Tabell 1. Ersättning inom partnerskapen 2020–2022, kronor

Organisation                   2020        2021        2022        Summa
Föreningen Trappsteget      300 000     310 000     320 000      930 000
Stiftelsen Bryggan          200 000     200 000     210 000      610 000
Summa                       500 000     510 000     530 000    1 540 000
"""


def test_partners_numbered_over_their_activity_and_money_by_year(tmp_path: Path) -> None:
    title = "Idéburna offentliga partnerskap för unga 2020–2022"
    f = facts_of(tmp_path, HEAD.format(year=2019, title=title) + PARTNERS)
    got = {
        p.name: (sorted(d.district_id for d in p.districts), p.amount_sek, p.year, p.performer)
        for p in f.projects
    }
    assert got == {
        "Kvällsöppen ungdomsgård med läxhjälp i Husby": (
            ["rinkeby-kista"],
            930000,
            None,
            "Föreningen Trappsteget",
        ),
        "Samtalsgrupper för unga tjejer i Bredäng": (
            ["skarholmen"],
            610000,
            None,
            "Stiftelsen Bryggan",
        ),
    }
    # each partner's money in the table is its grant, not other money
    cells = [a for a in f.amounts if a.sek in (310000, 320000, 210000) and "kr" not in a.raw]
    assert cells and all(a.kind == "project_cost" for a in cells)
    assert [c.text for c in f.criteria] == [
        "vända sig till unga 13–19 år i områden med låg valdeltagande",
        "bygga på ideellt engagemang",
        "kunna följas upp varje år",
    ]
    assert {c.fund_type for c in f.criteria} == {"IOP"}


def test_an_operating_grants_activity_field_and_money_by_year_are_no_projects(
    tmp_path: Path,
) -> None:
    body = """Förvaltningens bedömning

Föreningen Nattljuset
Verksamhet: Härbärge med 20 platser, öppet alla dagar.
Bidrag 2011: 900 000 kr   Sökt 2012: 1 000 000 kr   Förslag 2012: 950 000 kr

Tabell 1. Förslag till verksamhetsbidrag 2012–2013, kronor

Organisation                   2012        2013
Föreningen Nattljuset       950 000     950 000
Kvinnojouren Ljuset         400 000     420 000
"""
    title = "Bidrag till frivilligorganisationer 2012–2013"
    f = facts_of(tmp_path, HEAD.format(year=2011, title=title) + body)
    assert not [p for p in f.projects if p.name.startswith("Härbärge")]
    assert {a.kind for a in f.amounts if a.sek == 420000} == {"other"}


def test_formatting_marks_read_as_the_blanks_they_stand_for() -> None:
    marked = (
        "Ärendet¶\n¶\nProjekt¤        Sökt, kr¤\nLäxhjälp¤        40 000¤\n"
        "·······Sidbrytning·······¶\n1.→  Nämnden beslutar.¶\n"
    )
    plain = formatting_marks_hidden(marked)
    assert "¶" not in plain and "¤" not in plain and "→" not in plain
    assert "Sidbrytning" not in plain
    assert "Läxhjälp         40 000" in plain  # the columns keep their places
    # a page with no paragraph marks at its line ends keeps its arrows
    assert formatting_marks_hidden("Skärholmen → Bredäng\n") == "Skärholmen → Bredäng\n"


SDN_HEAD = """Södermalms stadsdelsnämnd→                          PROTOKOLLSUTDRAG¶
→                                                   Nr 4/2013¶
→                                                   Sammanträdesdatum¶
→                                                   2013-04-18¶
¶
§ 9→  Ansökan om lokala utvecklingsmedel 2014¶
      Dnr 1.5.2-201/2013¶
¶
Stadsdelsnämndens beslut¶
1.→  Stadsdelsnämnden ansöker om lokala utvecklingsmedel för två projekt.¶
¶
Ärendet¶
Ansökningarna sammanfattas i tabellen.¶
Projekt¤                               Sökt belopp, kr¤  ¤
Trygga lördagar på Mariatorget¤                 210 000¤  ¤
Språkcafé för föräldrar¤                        150 000¤  ¤
Summa¤                                          360 000¤  ¤
¶
"""


def test_a_page_printed_with_its_formatting_marks(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SDN_HEAD)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {"Trygga lördagar på Mariatorget": 210000, "Språkcafé för föräldrar": 150000}


def test_a_programme_in_the_title_and_a_project_wound_up(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    title = "Gemensam ansökan med Länsstyrelsen om statsbidrag för programmet Trygga hem 2019–2021"
    f = facts_of(tmp_path / "a", KS_HEAD.format(year=2019, title=title))
    assert [(p.name, p.status) for p in f.projects] == [("Trygga hem", "ansökt")]
    body = """Förslag till beslut

1. Stadsdelsnämnden beslutar att projektet Gårdsvärdarna avvecklas den
   31 mars 2016.

Ärendet

Projektet Gårdsvärdarna startade 2014 med lokala utvecklingsmedel.
"""
    title = "Avveckling av projektet Gårdsvärdarna"
    f = facts_of(
        tmp_path / "b",
        SDF_HEAD.format(year=2016)
        .replace("Uppföljning av externt finansierade projekt 2016", title)
        .split("Förvaltningens förslag")[0]
        + body,
    )
    assert [p.name for p in f.projects] == ["Gårdsvärdarna"]


TWO_COLUMN = """
Sammanställning av förslaget för år {year}

LOKALA UTVECKLINGSMEDEL

Barn och ungdom
  Kista           Läxhjälp och föräldrakontakt i Akalla  245 000
  Hässelby-       Återfall i grupp efter avslutad        240 000
  Vällingby       behandling
  Enskede-Årsta   Gemensam mottagning för skol-          310 000
  (med Vantör)    kuratorer och socialsekreterare
"""


def test_a_district_wrapped_in_the_left_column_and_a_partner_under_it(tmp_path: Path) -> None:
    title = "Fördelning av lokala utvecklingsmedel för år 2000"
    f = facts_of(tmp_path, HEAD_1999.format(title=title) + TWO_COLUMN.format(year=2000))
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got["Återfall i grupp efter avslutad behandling"] == (["hasselby-vallingby"], 240000)
    assert got["Gemensam mottagning för skolkuratorer och socialsekreterare"] == (
        ["enskede-arsta", "vantor"],
        310000,
    )


HEAD_1999 = """STOCKHOLMS STAD                                          Sid 1 (3)
Socialtjänstförvaltningen                                Dnr 406-2391/99
FoU-enheten                                              1999-11-23

{title}

Förslag till beslut
1. Socialtjänstnämnden beviljar medel enligt förvaltningens förslag.
"""

TERMS = """
Bilaga 1. Förslag till fördelning, läsåret 2011/12

                                                  Höstterminen    Vårterminen     Läsåret
Stadsdels-       Projekt                               HT 2011        VT 2012     2011/12
förvaltning                                                 kr             kr          kr
------------------------------------------------------------------------------------------
Farsta           Samtalsgrupper för elever              80 000         90 000     170 000
                 med hög frånvaro
Bromma           Läxhjälp i samverkan med               60 000         70 000     130 000
                 skolbiblioteket
------------------------------------------------------------------------------------------
Summa                                                  140 000        160 000     300 000
"""


def test_term_columns_and_the_school_years_total(tmp_path: Path) -> None:
    title = "Lokala utvecklingsmedel för skolsocialt arbete läsåret 2011/12"
    f = facts_of(tmp_path, HEAD.format(year=2011, title=title) + TERMS)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got == {
        "Samtalsgrupper för elever med hög frånvaro": (["farsta"], 170000),
        "Läxhjälp i samverkan med skolbiblioteket": (["bromma"], 130000),
    }


STUDIES = """
Förvaltningen föreslår att följande studier beställs.

1) Placerade tonåringars skolgång
Utförare: Socialhögskolan, Stockholms universitet
Kostnad: 520 000 kr                   Klar: juni {next}

2) Unga vuxna med försörjningsstöd i tre stadsdelar
Utförare: Sociologiska institutionen, Uppsala universitet
Kostnad: 410 000 kr                   Klar: mars {next}
"""


def test_numbered_studies_keep_the_end_their_fields_give(tmp_path: Path) -> None:
    title = "FoU-studier 2002"
    ends = {
        p.name: p.end_date
        for p in facts_of(
            tmp_path, HEAD.format(year=2002, title=title) + STUDIES.format(next=2003)
        ).projects
    }
    assert ends == {
        "Placerade tonåringars skolgång": dt.date(2003, 6, 1),
        "Unga vuxna med försörjningsstöd i tre stadsdelar": dt.date(2003, 3, 1),
    }


REPORTED = """
Redovisning av projekten

1. Samtalsgrupper för barn i familjer med missbruk
   Farsta stadsdelsförvaltning
   Beviljat: 250 000 kr        Status: pågår till juni 2004

2. Boendestöd för unga vuxna
   Älvsjö stadsdelsförvaltning
   Beviljat: 210 000 kr        Status: avslutat december 2003
"""


def test_a_status_field_that_dates_the_end(tmp_path: Path) -> None:
    title = "Redovisning av lokala utvecklingsmedel 2003"
    f = facts_of(tmp_path, HEAD.format(year=2004, title=title) + REPORTED)
    ends = {p.name[:20]: p.end_date for p in f.projects}
    assert ends == {
        "Samtalsgrupper för b": dt.date(2004, 6, 1),
        "Boendestöd för unga ": dt.date(2003, 12, 1),
    }


EVALUATIONS = """
Tabell 1. Föreslagna utvärderingar (mnkr)

Utvärdering               Utförare                  2019   2020  Totalt
1. Läxhjälp i             Institutionen för          0,8    0,4     1,2
bibliotekens regi         pedagogik, Stockholms
                          universitet
2. Sommarjobb som         Forskargruppen för         1,2    0,6     1,8
förebyggande insats       arbetsmarknadsanalys
Summa                                                2,0    1,0     3,0

1. Läxhjälp i bibliotekens regi

Kulturförvaltningen erbjuder läxhjälp i tolv bibliotek. Utvärderingen ska
jämföra skolresultat med elever som inte deltagit. Slutrapport lämnas i
juni 2020.

2. Sommarjobb som förebyggande insats

Arbetsmarknadsförvaltningen erbjuder varje sommar jobb till unga.
Utvärderingen bygger på registerdata och kan avslutas i december 2020.
"""


def test_a_rows_number_and_name_over_its_paragraph_after_the_table(tmp_path: Path) -> None:
    title = "Utvärderingar 2019–2020"
    f = facts_of(tmp_path, HEAD.format(year=2018, title=title) + EVALUATIONS)
    ends = {p.name: p.end_date for p in f.projects}
    assert ends == {
        "Läxhjälp i bibliotekens regi": dt.date(2020, 6, 1),
        "Sommarjobb som förebyggande insats": dt.date(2020, 12, 1),
    }


RESPONSIBLE = """
Följande utredningar föreslås.

1. Unga vuxna med socialbidrag i ytterstaden - en uppföljning.
   Ansvarig: docent Eva Exempel. Klar juni 2000.
   Kostnad 420 000 kr.

2. Sammanbrott i familjehemsvården för tonåringar.
   Ansvarig: fil.dr Per Prov. Klar december 1999.
   Kostnad 385 000 kr.
"""


def test_an_items_sentence_that_says_when_it_is_done(tmp_path: Path) -> None:
    title = "Utredningar inom individ- och familjeomsorgen 1999"
    f = facts_of(tmp_path, HEAD.format(year=1999, title=title) + RESPONSIBLE)
    ends = {p.name[:12]: p.end_date for p in f.projects}
    assert ends == {"Unga vuxna m": dt.date(2000, 6, 1), "Sammanbrott ": dt.date(1999, 12, 1)}


PER_YEAR = """
Studier och kostnader per år

Studie / utförare                         År        Kronor
--------------------------------------------------------------
1. Skolresultat och trångboddhet
   (Institutet för framtidsstudier)       2013     250 000
                                          2014     150 000
                                          Summa    400 000
--------------------------------------------------------------
2. Unga utan sysselsättning i
   fyra stadsdelar
   (Ramböll Management Consulting)        2013     200 000
                                          2014     300 000
                                          Summa    500 000
--------------------------------------------------------------

Kommentarer
Studie 1 ska redovisas senast den 30 juni 2015. Studie 2 avslutas i
oktober 2015 och genomförs i Rinkeby-Kista och Farsta
stadsdelsförvaltningar, som också deltar i en referensgrupp.
"""


def test_one_paragraph_on_several_numbered_rows_is_parted_by_their_numbers(
    tmp_path: Path,
) -> None:
    title = "Stadsövergripande studier 2013–2014"
    f = facts_of(tmp_path, HEAD.format(year=2013, title=title) + PER_YEAR)
    got = {
        p.name[:12]: (sorted(d.district_id for d in p.districts), p.end_date) for p in f.projects
    }
    assert got == {
        "Skolresultat": ([], dt.date(2015, 6, 30)),
        "Unga utan sy": (["farsta", "rinkeby-kista"], dt.date(2015, 10, 1)),
    }


def test_money_paid_back_spent_or_paid_by_the_applicant_is_other_money(tmp_path: Path) -> None:
    body = """Ärendet

Projektet Samtal i skolan beviljades 300 000 kronor för 2015. Av beviljade
medel har 46 000 kronor återbetalats. Projektets totala kostnad beräknades
till 680 000 kronor, varav förvaltningen finansierar 250 000 kronor inom
avdelningens budget. Den samlade kostnaden blev 254 000 kronor.
"""
    title = "Redovisning av projektet Samtal i skolan"
    f = facts_of(tmp_path, HEAD.format(year=2016, title=title) + body)
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[46000] == "other"
    assert kinds[250000] == "other"
    assert kinds[254000] == "other"
    assert kinds[300000] == "project_cost"


OTHER_TOWN = """Protokoll                                              Västerviks kommun
Socialnämnden
Sammanträdesdatum 2017-05-16                           Sida 4 (9)

§ 31    Lokala utvecklingsmedel för Gröndal och Kvarnbacken 2017

Beslut

Socialnämnden beslutar att bevilja lokala utvecklingsmedel för 2017 med
sammanlagt 300 000 kronor enligt socialkontorets förslag.

Ärendet

- Gröndals Idrottsförening, lovfotboll och läxläsning, 110 000 kronor
- Kvarnbackens Musikförening, musikstudio för unga, 190 000 kronor

Vid bedömningen har socialkontoret prioriterat insatser som

- riktar sig till barn och unga i området,
- genomförs i samverkan med skolan.
"""


def test_another_towns_local_development_money_is_its_own(tmp_path: Path) -> None:
    f = facts_of(tmp_path, OTHER_TOWN)
    assert {a.fund_type for a in f.amounts} == {"utvecklingsmedel"}
    assert "LUM" not in {p.fund_type for p in f.projects}
    assert f.criteria and {c.fund_type for c in f.criteria} == {"utvecklingsmedel"}


def test_what_a_project_cost_or_is_proposed_is_its_money(tmp_path: Path) -> None:
    body = """Ärendet

Resan till Bergen kostade 18 000 kronor. Ett utegym skulle kosta cirka 24 600 kr.
Kungsholmens ansökan föreslås 300 000 kr, vilket är det högsta belopp som kan beviljas.
"""
    title = "Studiebesök och projekt 2014"
    f = facts_of(tmp_path, HEAD.format(year=2014, title=title) + body)
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[18000] == kinds[300000] == "project_cost"
    assert kinds[24600] == "other"  # (what something would cost)


UNTIL_COLUMN = """
Tabell 5.2 Projekt med särskild finansiering {year}

Projekt                    Finansiär               Tkr {year}  Status    T.o.m.

Språkvänner i Bredäng      Socialnämnden, lokala        540  Beviljat  dec {year}
                           utvecklingsmedel
Samtal för män som         Länsstyrelsen, utveck-       860  Pågår     jun {next}
utövat våld                lingsmedel

Summa                                                 1 400
"""


def test_a_column_headed_until_dates_each_rows_end(tmp_path: Path) -> None:
    assert header_role("T.o.m.") == header_role("Till och med") == "end"
    title = "Verksamhetsplan 2021"
    ends = _ends_of(tmp_path, 2021, title, UNTIL_COLUMN.format(year=2021, next=2022))
    assert ends == {
        "Språkvänner i Bredäng": dt.date(2021, 12, 1),
        "Samtal för män som utövat våld": dt.date(2022, 6, 1),
    }
