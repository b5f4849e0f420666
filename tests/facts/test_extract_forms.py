"""Each extraction form on short line lists: criteria, numbered and two-column project lists,
project tables, studies under their own headings."""

from __future__ import annotations

import datetime as dt

from extract_helpers import body

from pipeline.facts.context import Context
from pipeline.facts.criteria import find_criteria
from pipeline.facts.finders import org_finder, place_finder
from pipeline.facts.lists import find_numbered_projects
from pipeline.facts.projects import find_studies
from pipeline.facts.tables import find_tables, header_columns
from pipeline.facts.two_column import find_two_column_lists

PLACES = place_finder(2018)
ORGS = org_finder()


def crit(
    text: str, headings: tuple[int, ...] = (), year: int | None = 2018
) -> list[tuple[str, str | None, int | None, int, str]]:
    lines = body(text, headings)
    return [
        (c.kind, c.fund_type, c.year, c.position, c.text)
        for c in find_criteria(lines, Context(lines, year))
    ]


# --------------------------------------------------------------------------- criteria


def test_criteria_bullets_after_cue() -> None:
    got = crit(
        """
Lokala utvecklingsmedel
Nämnden utlyser lokala utvecklingsmedel för 2019. Ansökningarna prioriteras
utifrån hur väl de uppfyller följande kriterier:
• Involverar fler än en förvaltning.
• Har en tydlig plan för
uppföljning.

• Bygger på brukarnas erfarenheter.

Det högsta belopp som kan sökas är 300 000 kronor och medlen avser ett år i
taget.
""",
        headings=(0,),
    )
    assert got == [
        ("criterion", "LUM", 2019, 1, "Involverar fler än en förvaltning."),
        ("criterion", "LUM", 2019, 2, "Har en tydlig plan för uppföljning."),
        ("criterion", "LUM", 2019, 3, "Bygger på brukarnas erfarenheter."),
    ]


def test_conditions_numbered_inline_are_criteria() -> None:
    got = crit(
        """
Lokala utvecklingsmedel
Ansökningarna har prövats mot samma villkor som tidigare år, nämligen att projektet 1) rör
metoder inom individ- och familjeomsorgen, 2) följs av en forskare, och 3) kan spridas
till fler stadsdelar.

Förvaltningen har funnit att två av ansökningarna uppfyller villkoren.
""",
        headings=(0,),
    )
    assert [(k, p, t) for k, _f, _y, p, t in got] == [
        ("criterion", 1, "rör metoder inom individ- och familjeomsorgen"),
        ("criterion", 2, "följs av en forskare"),
        ("criterion", 3, "kan spridas till fler stadsdelar"),
    ]


def test_a_finding_that_names_criteria_opens_no_list() -> None:
    got = crit(
        """
Granskningen visar att
• kriterierna för bedömning av ansökningar är dokumenterade,
• beslutsunderlagen är tydliga,
• slutrapporterna kommer in sent.
""",
    )
    assert got == []


def test_criteria_plain_lines_after_open_clause() -> None:
    got = crit(
        """
De erfarenheter som gjorts bearbetas inför ansökningarna för 2012 års lokala
utvecklingsmedel. I årets utlysning prioriteras ansökningar som

är av betydelse för flera stadsdelar.
har tydlig koppling till forskning,

Nämnden tog beslut om ansökningarna vid junisammanträdet och följer upp
arbetet under hösten.
"""
    )
    assert got == [
        ("criterion", "LUM", 2012, 1, "är av betydelse för flera stadsdelar"),
        ("criterion", "LUM", 2012, 2, "har tydlig koppling till forskning"),
    ]


def test_criteria_plain_lines_taken_for_headings() -> None:
    # a layout reader may flag short item lines as sub-headings: the colon keeps them items
    got = crit(
        """
Lokala utvecklingsprojekt 2017 prioriterades utifrån hur väl de uppfyllde följande kriterier:
Brukarinflytande
Samverkan mellan förvaltningar

Jämlikhet
LUM kan beviljas för projekt under ett till tre år men ansökan ska
göras varje år.
""",
        headings=(1, 2, 4),
    )
    assert [g[4] for g in got] == [
        "Brukarinflytande",
        "Samverkan mellan förvaltningar",
        "Jämlikhet",
    ]
    assert {(g[0], g[1], g[2]) for g in got} == {("criterion", "LUM", 2017)}


def test_priorities_focus_areas_and_main_criterion() -> None:
    got = crit(
        """
Förslag på inriktning för lokala utvecklingsmedel 2024
Huvudkriteriet för projekt som beviljas medel är att de stärker barnrättsperspektivet.

Vidare föreslås några inriktningar som kan prioriteras i urvalet.
- Projekt som prövar digitala arbetssätt
- Projekt som involverar civilsamhället
Medel för stadsövergripande forskningsprojekt
Förvaltningen ser följande angelägna fokusområden för FoU-arbetet år 2024.
- Hemlöshet
- Våld i nära relationer
""",
        headings=(0, 6),
    )
    assert got == [
        (
            "criterion",
            "LUM",
            2024,
            1,
            "Huvudkriteriet för projekt som beviljas medel är att de stärker barnrättsperspektivet.",
        ),
        ("priority", "LUM", 2024, 1, "Projekt som prövar digitala arbetssätt"),
        ("priority", "LUM", 2024, 2, "Projekt som involverar civilsamhället"),
        ("focus_area", "FUM", 2024, 1, "Hemlöshet"),
        ("focus_area", "FUM", 2024, 2, "Våld i nära relationer"),
    ]


def test_lists_without_a_cue_are_not_criteria() -> None:
    assert (
        crit(
            """
Forsknings- och utvecklingsarbetet i staden ska:
- bidra till bättre resultat för brukarna,
- bedrivas nära praktiken.
Studien har identifierat fem förutsättningar:
1. tillräcklig bredd av insatser,
2. fungerande samverkan.
"""
        )
        == []
    )


# --------------------------------------------------------------------------- project lists


def test_numbered_list_name_and_district_phrase() -> None:
    lines = body(
        """
I bilagan redovisas resultaten från följande projekt:
1. Trygg i skolan, Farsta stadsdelsförvaltning
Projektet har utvecklat stödet till elever, föräldrar och skola.
2. Hemma igen, steg för steg, Bromma och Skärholmens stadsdelsförvaltningar
Syftet var att korta tiden på institution.
3. Nattvandring, Socialförvaltningen, socialjouren
Projektet har prövat nya former för uppsökande arbete.
"""
    )
    rows = find_numbered_projects(lines, PLACES)
    assert [(r.name, [p.district_id for p in r.places]) for r in rows] == [
        ("Trygg i skolan", ["farsta"]),
        ("Hemma igen, steg för steg", ["bromma", "skarholmen"]),
        ("Nattvandring", ["socialforvaltningen", "socialjouren"]),
    ]
    assert rows[0].description == "Projektet har utvecklat stödet till elever, föräldrar och skola."


def test_numbered_decisions_are_not_projects() -> None:
    lines = body(
        """
1. Socialnämnden godkänner rapporten.
2. Socialnämnden överlämnar ärendet till stadsdelsnämnderna.
"""
    )
    assert find_numbered_projects(lines, PLACES) == []


def test_two_column_list_with_units_and_coapplicants() -> None:
    lines = body(
        """
Under 2018 beviljades följande stadsdelsförvaltningar LUM-medel

Bromma  Hemmaplanslösningar för unga - en
förstudie

Spånga-Tensta | Föräldraskap i nytt land
(medsökande Rinkeby-Kista
och Hässelby-Vällingby)
Socialförvaltningen, Stöd till våldsutsatta

socialjouren
Socialförvaltningen Digitala samtal med
Framtid Stockholm unga i riskzon
Älvsjö Mötesplats för anhöriga

De beviljade ansökningarna omfattar 1,5 miljoner kronor för år 2018.
"""
    )
    rows = find_two_column_lists(lines, PLACES)
    assert [(r.name, [p.district_id for p in r.places]) for r in rows] == [
        ("Hemmaplanslösningar för unga - en förstudie", ["bromma"]),
        ("Föräldraskap i nytt land", ["spanga-tensta", "rinkeby-kista", "hasselby-vallingby"]),
        ("Stöd till våldsutsatta", ["socialforvaltningen", "socialjouren"]),
        ("Digitala samtal med unga i riskzon", ["socialforvaltningen", "framtid-stockholm"]),
        ("Mötesplats för anhöriga", ["alvsjo"]),
    ]


def test_prose_starting_with_a_district_is_not_a_list() -> None:
    lines = body(
        """
Socialförvaltningen erbjuder handledning inför ansökan.
Bromma och Farsta har deltagit i arbetet.
"""
    )
    assert find_two_column_lists(lines, PLACES) == []


# --------------------------------------------------------------------------- tables


def test_header_columns() -> None:
    assert header_columns("Projekt Utförare Slutdatum Belopp") == [
        "name",
        "performer",
        "end",
        "cost",
    ]
    assert header_columns("Uppdrag | Genomförs av | Klart | Kostnad") == [
        "name",
        "performer",
        "end",
        "cost",
    ]
    assert header_columns("Projektet genomförs av forskare och är klart") is None


def test_table_rows_wrapped_over_lines() -> None:
    lines = body(
        """
Projekt Utförare Avslutas Belopp
Hemlöshet bland Södertörns högskola 30 juni 300 000 kr
unga vuxna 2019
Boendestöd | Ramböll Management 31 december 2019 450 000 kr
Consulting
Föräldrastöd FoU Nordväst Mars 2020 ca 200 000 kr
"""
    )
    rows = find_tables(lines, ORGS)
    assert [(r.name, r.performer, r.end_date, r.cost) for r in rows] == [
        ("Hemlöshet bland unga vuxna", "Södertörns högskola", dt.date(2019, 6, 30), 300_000),
        ("Boendestöd", "Ramböll Management Consulting", dt.date(2019, 12, 31), 450_000),
        ("Föräldrastöd", "FoU Nordväst", dt.date(2020, 3, 1), 200_000),
    ]
    assert rows[2].approximate


_SU_INSTITUTION = "Institutionen för socialt arbete vid Stockholms universitet"


def test_studies_under_headings_join_their_table_row() -> None:
    lines = body(
        """
Följande stadsövergripande projekt som finansierats via FUM har pågått under 2018.
Barn i skyddat boende
Sedan 2018 genomför Södertörns högskola en utvärdering av stadens skyddade boenden.
Uppdraget ska avslutas den 30 juni 2019.
Ekonomiskt bistånd till unga
Studien har genomförts av Institutionen för socialt arbete vid Stockholms universitet.
Projekt Utförare Klart Kostnad
Barn i skyddat Södertörns 30 juni 2019 800 000 kr
boende högskola
""",
        headings=(1, 4),
    )
    ctx = Context(lines, 2018)
    rows = find_tables(lines, ORGS)
    studies = find_studies(lines, ctx, rows, ORGS, dt.date(2019, 1, 15))
    assert [(s.name, s.performer, s.end_date, s.status, s.fund_type, s.year) for s in studies] == [
        (
            "Barn i skyddat boende",
            "Södertörns högskola",
            dt.date(2019, 6, 30),
            "pågående",
            "FUM",
            2018,
        ),
        # another name of a known organisation (an alias) stays as printed (gold schema)
        ("Ekonomiskt bistånd till unga", _SU_INSTITUTION, None, "genomförd", "FUM", 2018),
    ]


def test_projects_named_by_headings_and_sentences() -> None:
    from pipeline.facts.named import find_named_projects

    lines = body(
        """
SAMBA- och TRYGG-projekten
Under 2016 startades ett forskningsprojekt på Bromma stadsdelsförvaltning och Södertörns
högskola kallat SAMBA-projektet.
Under 2016 startade även ett projekt med medel från Europeiska socialfonden, TRYGG-projektet.
Projektet bedrivs mellan perioden 2016-01-01 till 2018-06-30.
Boendelyftet
Staden har fått statsbidrag för projektet Boendelyftet; för år 2017 har nämnden tilldelats
2 miljoner kronor.
Övrigt
Förvaltningen använder erfarenheterna från projektet ”Tidigt stöd i skolan”. Projektet har
finansierats med statsbidrag och avslutades i maj 2016.
""",
        headings=(0, 5, 8),
    )
    ctx = Context(lines, 2017)
    got = find_named_projects(lines, ctx, PLACES, ORGS, dt.date(2017, 3, 1))
    assert [
        (
            n.name,
            n.fund_type,
            n.year,
            n.status,
            n.end_date,
            n.performer,
            [p.district_id for p in n.places],
        )
        for n in got
    ] == [
        ("SAMBA-projektet", None, None, "pågående", None, "Södertörns högskola", ["bromma"]),
        ("TRYGG-projektet", "ESF", None, "pågående", dt.date(2018, 6, 30), None, []),
        ("Boendelyftet", "statsbidrag", 2017, "pågående", None, None, []),
        ("Tidigt stöd i skolan", "statsbidrag", None, "genomförd", dt.date(2016, 5, 1), None, []),
    ]


def test_numbered_list_with_districts_in_brackets() -> None:
    lines = body(
        """
1. Trygg start (Farsta)
Projektet har prövat tidiga hembesök.
2. Unga i arbete (Bromma och Skärholmen)
Projektet har samverkat med arbetsförmedlingen.
"""
    )
    rows = find_numbered_projects(lines, PLACES)
    assert [(r.name, [p.district_id for p in r.places]) for r in rows] == [
        ("Trygg start", ["farsta"]),
        ("Unga i arbete", ["bromma", "skarholmen"]),
    ]


def test_two_column_list_under_a_heading() -> None:
    lines = body(
        """
Beviljade projekt 2019
Farsta  Hembesök för nyblivna föräldrar
Enskede-Årsta-Vantör  Digital ekonomisk rådgivning
""",
        headings=(0,),
    )
    rows = find_two_column_lists(lines, PLACES)
    assert [(r.name, [p.district_id for p in r.places]) for r in rows] == [
        ("Hembesök för nyblivna föräldrar", ["farsta"]),
        ("Digital ekonomisk rådgivning", ["enskede-arsta-vantor"]),
    ]


def test_generic_fou_money_only_without_a_specific_fund() -> None:
    from pipeline.facts.context import find_funds

    assert [f[2] for f in find_funds("Projektet finansieras med FoU-medel.")] == ["FoU"]
    assert [f[2] for f in find_funds("Lokala utvecklingsmedel med stöd av FoU-medel")] == ["LUM"]


def test_prose_under_a_project_heading_is_not_a_list() -> None:
    lines = body(
        """
Lokala utvecklingsprojekt
Socialförvaltningen utlyser och fördelar även lokala utvecklingsmedel samt medel för
studieresor. Medlen beviljas projekt som bedöms ha strategisk betydelse för hela stadens
socialtjänst och där flera förvaltningar kan samverka, utbyta erfarenheter och lära av
varandra under projekttiden som kan vara upp till tre år med årlig ansökan och rapport
till nämnden inför varje nytt år, vilket följs upp av förvaltningen i samband med beslut.
Bromma och Farsta har deltagit i arbetet.
""",
        headings=(0,),
    )
    assert find_two_column_lists(lines, PLACES) == []
