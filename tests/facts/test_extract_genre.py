"""The extraction rules on short documents written for these tests (other districts,
other years, other table headers): see resources/genre_extract/README.md."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import GENRE, understood

from pipeline.facts.stage import extract
from pipeline.records import Facts


def facts(name: str) -> Facts:
    return extract(understood(GENRE / name))


def projects(f: Facts) -> list[tuple[object, ...]]:
    return [
        (
            p.name,
            p.fund_type,
            p.year,
            p.status,
            p.amount_sek,
            p.performer,
            p.end_date,
            [d.district_id for d in p.districts],
        )
        for p in f.projects
    ]


def amounts(f: Facts) -> list[tuple[object, ...]]:
    return [(a.sek, a.kind, a.fund_type, a.year, a.approximate) for a in f.amounts]


def criteria(f: Facts) -> list[tuple[object, ...]]:
    return [(c.kind, c.fund_type, c.year, c.position, c.text) for c in f.criteria]


def test_must_2011_study_visits_and_bullet_criteria() -> None:
    f = facts("must_2011_study_visits.txt")
    assert projects(f) == [
        (
            "Studiebesök hos socialtjänsten i Köpenhamn om hemlöshet",
            "MUST",
            2011,
            "beviljad",
            None,
            None,
            None,
            ["bromma"],
        ),
        (
            "Besök i Oslo kring arbetet med unga vuxna",
            "MUST",
            2011,
            "beviljad",
            None,
            None,
            None,
            ["farsta"],
        ),
        (
            "Studieresa till Glasgow om våldsprevention i skolan",
            "MUST",
            2011,
            "beviljad",
            None,
            None,
            None,
            ["rinkeby-kista"],
        ),
        ("Studiebesök i Tammerfors", "MUST", 2011, "beviljad", None, None, None, ["alvsjo"]),
    ]
    assert amounts(f) == [
        (30_000, "max_per_application", "MUST", 2011, False),
        (98_000, "total_granted", "MUST", 2011, False),
    ]
    assert criteria(f) == [
        (
            "criterion",
            "MUST",
            2011,
            1,
            "Studiebesöket ska ha en tydlig koppling till verksamhetens utvecklingsarbete.",
        ),
        ("criterion", "MUST", 2011, 2, "Flera yrkesgrupper ska delta."),
        ("criterion", "MUST", 2011, 3, "Erfarenheterna ska spridas inom förvaltningen."),
    ]


def test_lum_2016_district_list_completed_by_a_table_with_other_headers() -> None:
    f = facts("lum_2016_district_own_list.txt")
    assert projects(f) == [
        (
            "Föräldrastöd i förskolan",
            "LUM",
            2016,
            "pågående",
            180_000,
            "Södertörns högskola",
            dt.date(2017, 6, 30),
            ["skarpnack"],
        ),
        (
            "Unga vuxna i arbete",
            "LUM",
            2016,
            "pågående",
            240_000,
            "Ramböll",
            dt.date(2017, 3, 31),
            ["skarpnack", "farsta"],
        ),
    ]
    assert amounts(f) == [
        (180_000, "project_cost", "LUM", 2016, False),
        (240_000, "project_cost", "LUM", 2016, False),
    ]
    ids = [p.project_id for p in f.projects]
    assert [a.project_id for a in f.amounts] == ids


def test_call_2019_for_2020_criteria_focus_areas_and_amounts() -> None:
    f = facts("call_2019_criteria_bullets.txt")
    assert f.projects == ()
    assert amounts(f) == [
        (400_000, "max_per_application", "LUM", 2020, False),
        (4_000_000, "budget", "LUM", 2020, True),
        (20_000, "max_per_application", "MUL", 2020, False),
    ]
    assert criteria(f) == [
        ("criterion", "LUM", 2020, 1, "Projektet omfattar minst två stadsdelsförvaltningar."),
        ("criterion", "LUM", 2020, 2, "Projektet har en plan för utvärdering."),
        ("criterion", "LUM", 2020, 3, "Projektet stärker brukarnas inflytande."),
        ("focus_area", "FUM", 2020, 1, "Hemlöshet bland unga vuxna"),
        ("focus_area", "FUM", 2020, 2, "Våld i nära relationer"),
    ]


def test_lum_2024_two_column_list_with_new_districts() -> None:
    f = facts("lum_2024_two_column.txt")
    assert projects(f) == [
        ("Trygga vägar till skolan", "LUM", 2025, "beviljad", None, None, None, ["jarva"]),
        (
            "Digitalt stöd för anhöriga",
            "LUM",
            2025,
            "beviljad",
            None,
            None,
            None,
            ["norra-innerstaden", "sodermalm"],
        ),
        (
            "Boendestöd för unga med egen bostad",
            "LUM",
            2025,
            "beviljad",
            None,
            None,
            None,
            ["socialforvaltningen", "socialjouren"],
        ),
        ("Familjecentral i samverkan", "LUM", 2025, "beviljad", None, None, None, ["bromma"]),
    ]
    assert amounts(f) == [
        (1_800_000, "total_granted", "LUM", 2025, False),
        (500_000, "max_per_application", "LUM", 2025, False),
    ]
    assert {m.district_id for m in f.mentions} >= {
        "jarva",
        "norra-innerstaden",
        "sodermalm",
        "bromma",
    }


def test_lum_2013_district_own_bullets_and_a_district_table() -> None:
    f = facts("lum_2013_district_bullets_and_table.txt")
    # items without a district phrase belong to the committee's own district
    assert projects(f) == [
        (
            "Läxhjälp för unga i Tensta",
            "LUM",
            2013,
            "beviljad",
            150_000,
            None,
            None,
            ["spanga-tensta"],
        ),
        (
            "Föräldracafé på familjecentralen",
            "LUM",
            2013,
            "beviljad",
            90_000,
            None,
            None,
            ["spanga-tensta"],
        ),
        ("Trygga sommarjobb", "LUM", 2013, "beviljad", 120_000, None, None, ["spanga-tensta"]),
        (
            "Unga vuxna i Järvaområdet",
            "LUM",
            2013,
            "beviljad",
            200_000,
            None,
            None,
            ["rinkeby-kista"],
        ),
        ("Stöd till nyanlända familjer", "LUM", 2013, "beviljad", 175_000, None, None, ["bromma"]),
    ]
    assert amounts(f) == [
        (150_000, "project_cost", "LUM", 2013, False),
        (90_000, "project_cost", "LUM", 2013, False),
        (120_000, "project_cost", "LUM", 2013, False),
        (200_000, "project_cost", "LUM", 2013, False),
        (175_000, "project_cost", "LUM", 2013, False),
        (735_000, "total_granted", "LUM", 2013, False),
    ]
    assert [a.project_id for a in f.amounts[:5]] == [p.project_id for p in f.projects]
    assert f.amounts[5].project_id is None


@pytest.mark.parametrize("name", sorted(p.name for p in GENRE.glob("*.txt")))
def test_every_genre_document_is_described(name: str) -> None:
    readme = (GENRE / "README.md").read_text(encoding="utf-8")
    assert name in readme
