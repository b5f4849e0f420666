"""Blind rounds g263–g270 and n171–n178, on short texts written for the test: paragraphs
opened by their applicant as a sentence and closed by their sum alone, a name marked for a
footnote that names the districts, studies printed as a bare name over labelled fields,
associations before a colon, a delegation decision's "Ärende" label, a KS utlåtande whose
opening says "för egen del", a report's numbered section that ends the project above it, and
a project's fund named in its own text."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

SOTN_PROTOCOL = """STOCKHOLMS STAD                                   PROTOKOLLSUTDRAG
Socialtjänstnämnden                               Sammanträdesdatum
                                                  2004-05-18
                                                  Sida 1 (2)

§ 9
Medel för studiebesök (MUST) 2004, vårens fördelning
Dnr 106-0311/2004

Beslut
1. Socialtjänstnämnden beviljar medel för studiebesök enligt
   förvaltningens förslag, sammanlagt 83 000 kr.

Ärendet
Förvaltningen föreslår att följande studiebesök beviljas.

"""


def test_paragraphs_opened_by_their_applicant_and_closed_by_their_sum(tmp_path: Path) -> None:
    text = (
        SOTN_PROTOCOL
        + """Bromma stadsdelsförvaltning. Mottagning för unga med spelproblem
i Vilnius. Tre deltagare. 29 000 lcr.

Farsta stadsdelsförvaltning. Familjecentraler i flerspråkiga
bostadsområden i Turku. Fyra deltagare. 36 000 kr.

Kungsholmens stadsdelsförvaltning. Stöd till äldre med missbruk
i hemtjänsten i Bergen. Två deltagare. 18 000 kr.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Mottagning för unga med spelproblem i Vilnius": (29_000, ["bromma"]),
        "Familjecentraler i flerspråkiga bostadsområden i Turku": (36_000, ["farsta"]),
        "Stöd till äldre med missbruk i hemtjänsten i Bergen": (18_000, ["kungsholmen"]),
    }


SN_TU = """Socialförvaltningen                              Tjänsteutlåtande
Avdelningen för stadsövergripande                Dnr 3.2.1-140/2019
sociala frågor                                   Sida 1 (3)
                                                 2019-03-12

Stadsövergripande FoU-medel (FUM) 2019

Förvaltningens förslag till beslut
1. Socialnämnden beviljar medel till tre studier med sammanlagt
   1 490 000 kronor.

"""


def test_a_name_marked_for_a_footnote_takes_the_footnotes_districts(tmp_path: Path) -> None:
    text = (
        SN_TU
        + """Förvaltningen föreslår att följande studier beviljas medel.

Studie                                    Genomförs av                 Kostnad
Unga i skyddat boende – skolgång          Ersta Sköndal Bräcke         520 000
                                          högskola
Hemtjänst för äldre med demens i          Karolinska Institutet        610 000
ensamhushåll*
Ekonomiskt bistånd och hälsa              Stockholms universitet       360 000

* Studien genomförs i samarbete med Skarpnäck och Östermalm.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    assert got["Hemtjänst för äldre med demens i ensamhushåll"] == ["skarpnack", "ostermalm"]
    assert got["Ekonomiskt bistånd och hälsa"] == []


def test_studies_as_a_bare_name_over_labelled_fields(tmp_path: Path) -> None:
    text = (
        SN_TU
        + """Stadsövergripande studier (FUM)

Unga vuxna som lämnar stödboende – vägar vidare
Utförare: Göteborgs universitet
Kostnad: 480 000 kronor
Studien följer 60 unga vuxna under två år efter utflyttningen.

Skolfrånvaro och orosanmälningar – en registerstudie
Utförare: Stockholms universitet, Institutionen för socialt arbete
Kostnad: 1 010 000 kronor
Beräknas klar: november 2020
Studien kopplar skolans frånvarouppgifter till socialtjänstens register.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Unga vuxna som lämnar stödboende – vägar vidare",
        "Skolfrånvaro och orosanmälningar – en registerstudie",
    }
    reg = got["Skolfrånvaro och orosanmälningar – en registerstudie"]
    assert reg.amount_sek == 1_010_000
    assert reg.performer == "Stockholms universitet, Institutionen för socialt arbete"
    assert reg.end_date is not None and (reg.end_date.year, reg.end_date.month) == (2020, 11)
    assert got["Unga vuxna som lämnar stödboende – vägar vidare"].performer == (
        "Göteborgs universitet"
    )


DELEGATION = """STOCKHOLMS STAD
Östermalms stadsdelsförvaltning
Äldreomsorgsavdelningen

BESLUT ENLIGT DELEGATION                           2013-04-02
                                                   Dnr 508-091/2013
                                                   Sida 1 (1)

Ärende        Bidrag till föreningars aktiviteter för äldre,
              våren 2013

Beslutsfattare
              Karin Exempel, avdelningschef

Delegation    Östermalms stadsdelsnämnds delegationsordning
              punkt 4.1: beslut om bidrag till föreningar

Beslut
1. Bidrag beviljas till tre föreningar med sammanlagt 47 000
   kronor enligt nedan.

Beviljade bidrag
- SPF Gärdet: boulespel för seniorer, 12 000 kronor
- Röda Korset, Östermalmskretsen: läsombud på servicehuset,
  20 000 kronor
- Föreningen Lärkstadens Vänner: stadsvandringar, 15 000 kronor
"""


def test_a_delegation_decisions_label_and_associations_before_a_colon(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(DELEGATION, encoding="utf-8")
    assert (
        understood(path).meta.title == "Bidrag till föreningars aktiviteter för äldre, våren 2013"
    )
    (tmp_path / "facts").mkdir()
    f = facts_of(tmp_path / "facts", DELEGATION)
    got = {p.name: (p.performer, p.amount_sek) for p in f.projects}
    assert got == {
        "boulespel för seniorer": ("SPF Gärdet", 12_000),
        "läsombud på servicehuset": ("Röda Korset, Östermalmskretsen", 20_000),
        "stadsvandringar": ("Föreningen Lärkstadens Vänner", 15_000),
    }


def test_a_ks_utlatande_whose_opening_says_for_egen_del(tmp_path: Path) -> None:
    text = """Utlåtande 2013:41 RI (Dnr 325-0877/2013)


Fördelning av medel för sommarjobb för unga i stadsdelsnämnderna
2013

Borgarrådsberedningen föreslår att kommunstyrelsen för egen del
beslutar följande.

1. Stadsdelsnämnderna tilldelas sammanlagt 1 800 000 kronor enligt
   bilaga 1.
2. Stadsdelsnämnderna ska redovisa hur medlen använts senast den
   31 januari 2014.

Föredragande borgarrådet Per Exempel anför följande.

Ärendet
Stadsdelsnämnderna har ansökt om sammanlagt 2,6 mnkr.
"""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = understood(path)
    assert doc.meta.committee == "Kommunstyrelsen"  # not the first nämnd a decision names
    assert doc.meta.title == (
        "Fördelning av medel för sommarjobb för unga i stadsdelsnämnderna 2013"
    )
    assert [d.text[:40] for d in doc.decisions] == [
        "Stadsdelsnämnderna tilldelas sammanlagt ",
        "Stadsdelsnämnderna ska redovisa hur medl",
    ]


def test_a_reports_numbered_section_ends_a_project_and_its_own_fund(tmp_path: Path) -> None:
    text = """FARSTA STADSDELSNÄMND                              Verksamhetsberättelse 2018
                                                   Sida 2 (3)

2.1 Projekt med extern finansiering
Förvaltningen har under 2018 bedrivit följande projekt med extern
finansiering.

Vägen till jobb i Farsta
Projektet erbjuder unga vuxna med försörjningsstöd coachning och
praktik. Projektet finansieras av Europeiska socialfonden med
1 900 000 kronor för perioden 2017–2019.

Trygga kvällar i Hökarängen
I samverkan med polisen och ett bostadsbolag har förvaltningen
genomfört kvällsaktiviteter för unga. Projektet finansierades av
Länsstyrelsen i Stockholms län med 160 000 kronor.


FARSTA STADSDELSNÄMND                              Verksamhetsberättelse 2018
                                                   Sida 3 (3)

3. Föreningsbidrag

Nämnden fördelade under året 540 000 kronor i föreningsbidrag.
Därutöver beviljades 90 000 kronor till sommarlovsaktiviteter.
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.fund_type) for p in f.projects}
    assert got["Vägen till jobb i Farsta"] == (1_900_000, "ESF")
    assert got["Trygga kvällar i Hökarängen"][0] == 160_000


def test_roles_of_a_proposal_that_shares_out_and_limits_written_otherwise(tmp_path: Path) -> None:
    text = (
        SN_TU
        + """Sammanfattning
Förslaget innebär att 1 490 000 kronor av de avsatta medlen fördelas.
Varje ansökan om studiebesök får högst uppgå till 45 000 kr.
Högsta belopp för en ansökan om lokala utvecklingsmedel är 650 000 kr.
"""
    )
    kinds = {a.sek: a.kind for a in facts_of(tmp_path, text).amounts}
    assert kinds[1_490_000] == "total_granted"
    assert kinds[45_000] == "max_per_application"
    assert kinds[650_000] == "max_per_application"


def test_a_fund_that_paid_a_part_is_not_the_projects_fund(tmp_path: Path) -> None:
    text = (
        SN_TU
        + """Förvaltningen redovisar följande avslutade studier.

Unga vuxna i hemlöshet
Studien har genomförts av Malmö universitet. Kostnaden uppgick till 820 000
kronor, varav 300 000 kronor utgjordes av statsbidrag från Socialstyrelsen.

Skolnärvaro och socialtjänst
Studien har genomförts av Södertörns högskola. Studien finansierades med
statsbidrag från Socialstyrelsen om 410 000 kronor.
"""
    )
    got = {p.name: p.fund_type for p in facts_of(tmp_path, text).projects}
    assert got["Skolnärvaro och socialtjänst"] == "statsbidrag"
    assert got["Unga vuxna i hemlöshet"] != "statsbidrag"


def test_a_distribution_of_bodies_activities_without_districts(tmp_path: Path) -> None:
    text = """KATARINA-SOFIA STADSDELSFÖRVALTNING                      Tjänsteutlåtande
                                                         Dnr 302-077/2000
                                                         2000-03-14

Brottsförebyggande medel 2000

Förvaltningens förslag till beslut
1. Stadsdelsnämnden beviljar bidrag med sammanlagt 150 000 kr.

Förvaltningen föreslår följande fördelning:

1. Fritidsgården Tanto, öppet hus på lördagskvällar
   ..................................................... 70 000 kr
2. Maria församlings ungdomsverksamhet, vuxna på stan
   fredagskvällar ...................................... 45 000 kr
3. Föräldraföreningarna vid skolorna i Sofia, nattvandring
   ..................................................... 35 000 kr
"""
    got = {p.name: (p.performer, p.amount_sek) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "öppet hus på lördagskvällar": ("Fritidsgården Tanto", 70_000),
        "vuxna på stan fredagskvällar": ("Maria församlings ungdomsverksamhet", 45_000),
        "nattvandring": ("Föräldraföreningarna vid skolorna i Sofia", 35_000),
    }


def test_one_project_whose_sum_stands_right_before_it(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
Avdelningen för vuxna                            Dnr 3.1-0455/2018
                                                 2018-05-02

Bidrag till Stiftelsen Hemvist 2018

Förvaltningens förslag till beslut
1. Socialnämnden beviljar Stiftelsen Hemvist 1 400 000 kronor för 2018.

Ärendet
Av bidraget till Stiftelsen Hemvist avser 500 000 kronor projektet
Trappsteget, ett försök med träningslägenheter för unga vuxna.
Resten avser stiftelsens ordinarie verksamhet.
"""
    got = [(p.name, p.amount_sek) for p in facts_of(tmp_path, text).projects]
    assert got == [("Trappsteget", 500_000)]
