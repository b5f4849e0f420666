"""Gazetteer data, OCR-tolerant folding, district/org matching and the fuzzy threshold."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pipeline.facts.alias_index as alias_index_mod
from pipeline import data
from pipeline.facts.districts import (
    FUZZY_THRESHOLD,
    Gazetteer,
    counts_city_offices,
    find_districts,
    find_orgs,
    load_gazetteer,
    resolve,
    successor_today,
)
from pipeline.lang.fuzzy import compact, fold, loose, similarity, skeleton, token_variants


def _csv(name: str) -> list[dict[str, str]]:
    return [r.cells for r in data.rows(name)]


# --------------------------------------------------------------------------- fuzzy.py

FOLDS = [
    ("Skarpnäck", "skarpnack", "sk*rpn*ck", "sk*rpn*ck"),
    ("Skarpnéck", "skarpneck", "sk*rpn*ck", "sk*rpn*ck"),
    ("Södermalm", "sodermalm", "s*derm*lm", "s*d*rm*lm"),
    (
        "f6r 6ver &r #rendet l4n",
        "for over ar arendet lan",
        "f*r *ver *r *rendet l*n",
        "f*r *v*r *r *r*nd*t l*n",
    ),
    ("V1llingby", "villingby", "villingby", "v*ll*ngb*"),
    # numbers, dates, units and ampersands between words are left alone
    (
        "6 tr 6kr 6mkr 2016-12-16 08-508",
        "6 tr 6kr 6mkr 2016-12-16 08-508",
        "6 tr 6kr 6mkr 2016-12-16 08-508",
        "6 tr 6kr 6mkr 2016-12-16 08-508",
    ),
    (
        "Ernst & Young, H&M, R&D",
        "ernst & young, h&m, r&d",
        "ernst & y*ung, h&m, r&d",
        "*rnst & ***ng, h&m, r&d",
    ),
]


@pytest.mark.parametrize(("text", "folded", "skel", "loosed"), FOLDS)
def test_fold_skeleton_loose(text: str, folded: str, skel: str, loosed: str) -> None:
    assert fold(text) == folded
    assert skeleton(text) == skel
    assert loose(text) == loosed


@given(st.text(max_size=200))
def test_folding_is_length_preserving(text: str) -> None:
    for f in (fold, skeleton, loose):
        assert len(f(text)) == len(text)


def test_token_variants_and_compact() -> None:
    assert token_variants("Skarpnäcks") == ("skarpnacks", "sk*rpn*cks", "skarpnack", "sk*rpn*ck")
    assert token_variants("ndmnden") == ("ndmnden", "n*mnden")
    assert compact("Hässelby - Vällingby\n& co.") == "HässelbyVällingbyco"
    assert similarity("Hésselby-Villingby", "Hässelby-Vällingby") == 1.0
    assert similarity("Farsta", "Bromma") < 0.5


# --------------------------------------------------------------------------- data files

KINDS = {"stadsdelsförvaltning", "fackförvaltning", "unit"}
CURRENT = {
    "bromma",
    "enskede-arsta-vantor",
    "farsta",
    "hagersten-alvsjo",
    "hasselby-vallingby",
    "jarva",
    "kungsholmen",
    "norra-innerstaden",
    "skarholmen",
    "skarpnack",
    "sodermalm",
}


def test_districts_csv_is_consistent() -> None:
    rows = _csv("districts.csv")
    assert list(rows[0]) == [
        "district_id",
        "name",
        "kind",
        "valid_from",
        "valid_to",
        "successor_id",
        "source",
    ]
    ids = [r["district_id"] for r in rows]
    assert len(ids) == len(set(ids))
    by_id = {r["district_id"]: r for r in rows}
    for r in rows:
        assert r["district_id"].isascii() and r["district_id"] == r["district_id"].lower()
        assert r["kind"] in KINDS
        assert r["source"].strip()
        start = dt.date.fromisoformat(r["valid_from"]) if r["valid_from"] else None
        end = dt.date.fromisoformat(r["valid_to"]) if r["valid_to"] else None
        if start and end:
            assert start < end
        if r["successor_id"]:
            succ = by_id[r["successor_id"]]
            assert end is not None, r["district_id"]
            # the successor exists the day after (newly formed that day, or absorbing)
            next_day = (end + dt.timedelta(days=1)).isoformat()
            assert succ["valid_from"] <= next_day, r["district_id"]
            assert not succ["valid_to"] or succ["valid_to"] > next_day, r["district_id"]


@pytest.mark.parametrize(
    ("day", "count"),
    [("2004-06-01", 18), ("2010-06-01", 14), ("2021-06-01", 13), ("2024-06-01", 11)],
)
def test_number_of_stadsdelsnamnder_over_time(day: str, count: int) -> None:
    d = dt.date.fromisoformat(day)
    g = load_gazetteer()
    alive = [
        x
        for x in g.districts.values()
        if x.kind == "stadsdelsförvaltning"
        and (x.valid_from is None or x.valid_from <= d)
        and (x.valid_to is None or x.valid_to >= d)
    ]
    assert len(alive) == count
    if count == 11:
        assert {x.id for x in alive} == CURRENT


def test_aliases_orgs_and_fund_types_files() -> None:
    g = load_gazetteer()
    aliases = _csv("district_aliases.csv")
    assert list(aliases[0]) == ["alias", "district_id"]
    assert all(a["district_id"] in g.districts for a in aliases)
    orgs = _csv("orgs.csv")
    assert list(orgs[0]) == ["org_id", "name", "kind", "aliases"]
    assert len({o["org_id"] for o in orgs}) == len(orgs)
    funds = _csv("fund_types.csv")
    assert list(funds[0]) == ["fund_type", "label", "description"]
    assert {"LUM", "MUL", "MUST", "FUM", "FoU", "ESF", "statsbidrag"} <= {
        f["fund_type"] for f in funds
    }
    assert all(f["label"] and f["description"] for f in funds)


def test_gazetteer_rejects_bad_data() -> None:
    g = load_gazetteer()
    d = g.district("farsta")
    with pytest.raises(ValueError):
        Gazetteer([d], [("Farstas", "nowhere")], [])


# --------------------------------------------------------------------------- successors

SUCCESSORS = [
    ("rinkeby", "jarva"),
    ("kista", "jarva"),
    ("spanga-tensta", "jarva"),
    ("hammarby", "skarpnack"),
    ("hagersten", "hagersten-alvsjo"),
    ("liljeholmen", "hagersten-alvsjo"),
    ("alvsjo", "hagersten-alvsjo"),
    ("enskede", "enskede-arsta-vantor"),
    ("arsta", "enskede-arsta-vantor"),
    ("vantor", "enskede-arsta-vantor"),
    ("maria-gamla-stan", "sodermalm"),
    ("katarina-sofia", "sodermalm"),
    ("norrmalm", "norra-innerstaden"),
    ("ostermalm", "norra-innerstaden"),
    ("hasselby", "hasselby-vallingby"),
    ("farsta", "farsta"),
    ("socialtjanstforvaltningen", "socialforvaltningen"),
    ("usk", "usk"),
]


@pytest.mark.parametrize(("district_id", "today"), SUCCESSORS)
def test_successor_today(district_id: str, today: str) -> None:
    assert successor_today(district_id) == today


# --------------------------------------------------------------------------- resolve

RESOLVE = [
    ("Farsta", None, "farsta"),
    ("Skarpnäcks stadsdelsförvaltning", None, "skarpnack"),
    ("Skarpnäcks", None, "skarpnack"),
    ("SDF Farsta", None, "farsta"),
    ("sdf Skarpnäck", None, "skarpnack"),
    ("Hässelby Vällingby", None, "hasselby-vallingby"),
    ("EnskedeÅrsta-Vantörs", None, "enskede-arsta-vantor"),
    ("Enskede-Årsta-Vantörs stadsdelsnämnd", None, "enskede-arsta-vantor"),
    ("Stadsdelsförvaltningen Kungsholmen", None, "kungsholmen"),
    ("Norra innerstaden", None, "norra-innerstaden"),
    ("Socialförvaltningen", None, "socialforvaltningen"),
    ("socialförvaltningens", None, "socialforvaltningen"),
    ("Utrednings- och statistikkontoret", None, "usk"),
    ("USK", None, "usk"),
    ("Precens", None, "preventionscentrum-stockholm"),
    ("Socialjouren", None, "socialjouren"),
    # a short name picks the district valid in the year
    ("Hägersten", None, "hagersten"),
    ("Hägersten", 2003, "hagersten"),
    ("Hägersten", 2015, "hagersten-liljeholmen"),
    ("Hägersten", 2021, "hagersten-alvsjo"),
    ("Älvsjö", 2019, "alvsjo"),
    ("Älvsjö", 2020, "hagersten-alvsjo"),
    ("Rinkeby", 2005, "rinkeby"),
    ("Rinkeby", 2012, "rinkeby-kista"),
    ("Rinkeby", 2024, "jarva"),
    ("Östermalms", 2024, "norra-innerstaden"),
    ("Östermalms", 2021, "ostermalm"),
    ("Årsta", 1998, "arsta"),
    ("Årsta", 2003, "enskede-arsta"),
    ("Årsta", 2010, "enskede-arsta-vantor"),
    # a full name is not re-mapped: the printed district is returned as it is
    ("Hägersten-Liljeholmen", 2021, "hagersten-liljeholmen"),
]


@pytest.mark.parametrize(("name", "year", "district_id"), RESOLVE)
def test_resolve(name: str, year: int | None, district_id: str) -> None:
    m = resolve(name, year)
    assert m is not None and m.district_id == district_id
    assert m.score == 1.0 and m.name_as_printed == name


# OCR damage as it appears in scanned decisions (vowel class, d/i/é for ä, rn for m, 1 for l,
# dropped/extra letters) and the district each must resolve to.
DAMAGED = [
    ("Hésselby-Villingby", "hasselby-vallingby"),
    ("Hasselby-Villingby", "hasselby-vallingby"),
    ("Hässelby-Väl1ingby", "hasselby-vallingby"),
    ("Skarpnéck", "skarpnack"),
    ("Skarpnécks", "skarpnack"),
    ("Sodermalm", "sodermalm"),
    ("Ostermalm", "ostermalm"),
    ("Enskede-Arsta-Vantor", "enskede-arsta-vantor"),
    ("Enskede-Arsta-Vantoér", "enskede-arsta-vantor"),
    ("Hagersten-Liljeholmen", "hagersten-liljeholmen"),
    ("Hdgersten-Liljeholmen", "hagersten-liljeholmen"),
    ("Hägersten-Älvsiö", "hagersten-alvsjo"),
    ("Spanga-Tensta", "spanga-tensta"),
    ("Skérholmen", "skarholmen"),
    ("Skérholmens stadsdelsforvaltning", "skarholmen"),
    ("Stidermalm", "sodermalm"),
    ("Stidermalms", "sodermalm"),
    ("Stidermalms stadsdelsforvaltning", "sodermalm"),
    ("Kungsholnmens", "kungsholmen"),
    ("Kungsho1men", "kungsholmen"),
    ("Liljeholrnen", "liljeholmen"),
    ("Vällingbv", "vallingby"),
    ("Socialférvaltningen", "socialforvaltningen"),
    ("socialfdrvaliningen", "socialforvaltningen"),
    ("socialfSrvaltningen", "socialforvaltningen"),
    ("Socialtjdnstforvaltningen", "socialtjanstforvaltningen"),
    ("Socialtjinstforvaltningens", "socialtjanstforvaltningen"),
    ("dldreférvaltningen", "aldreforvaltningen"),
    ("Utbildningsfdrvaltningen", "utbildningsforvaltningen"),
    ("Stadsledningskontorct", "stadsledningskontoret"),
    ("Preventionscentrnm Stockholm", "preventionscentrum-stockholm"),
]


@pytest.mark.parametrize(("printed", "district_id"), DAMAGED)
def test_damaged_forms_resolve(printed: str, district_id: str) -> None:
    m = resolve(printed)
    assert m is not None and m.district_id == district_id
    assert m.score >= FUZZY_THRESHOLD


# Words that look like district names but are not mentions of one: other names built on a
# district's stem, other municipalities and förvaltningar, common words, and OCR damage of
# common words/surnames.
NEAR_MISSES = [
    "Norrmalmstorg",
    "Farstaviken",
    "Farstastrand",
    "Skarpnäcksfältet",
    "Kungsholmsgatan",
    "Kungsholms",
    "Södermalmsallén",
    "Liljeholmsbron",
    "Hägerstensåsen",
    "Vällingbyplan",
    "Rinkebyskolan",
    "Enskededalen",
    "Kistagången",
    "Hässelbygård",
    "Skärholmsvägen",
    "Södertälje",
    "Söderholm",
    "Vallentuna",
    "Fasta",
    "Normalt",
    "Socialtjänsten",
    "Socialtjänstavdelningen",
    "socialtjanstavdelning",
    "Socialnämnden",
    "Socialstyrelsen",
    "Socialsekreterare",
    "Stadsdelsförvaltningarna",
    "Stadsdelsforvaltningarna har",
    "Varje stadsdelsförvaltning",
    "Utbildningsnämnden",
    "Äldrenämnden",
    "Stockholms stad",
    "Stockholmsenkäten",
    "Sehulman",
    "Secialister",
    "Stackholmska",
    "Socialogi",
    "Fégersta",
]


# The city's fackförvaltningar and kontor are mentions (tests/gold/SCHEMA.md:
# "districts_mentioned: every stadsdelsförvaltning, fackförvaltning or city office named").
CITY_OFFICES = [
    ("Arbetsmarknadsförvaltningen", "arbetsmarknadsforvaltningen"),
    ("Kulturförvaltningen", "kulturforvaltningen"),
    ("Miljöförvaltningen", "miljoforvaltningen"),
    ("Miljö- och hälsoskyddsförvaltningen", "miljoforvaltningen"),
    ("Idrottsförvaltningen", "idrottsforvaltningen"),
    ("Serviceförvaltningen", "serviceforvaltningen"),
    ("Exploateringskontoret", "exploateringskontoret"),
    ("Stadsbyggnadskontoret", "stadsbyggnadskontoret"),
    ("Trafikkontoret", "trafikkontoret"),
    ("Fastighetskontoret", "fastighetskontoret"),
]


@pytest.mark.parametrize(("printed", "district_id"), CITY_OFFICES)
def test_city_offices_are_found(printed: str, district_id: str) -> None:
    m = resolve(printed)
    assert m is not None and m.district_id == district_id
    assert [f.district_id for f in find_districts(f"i samråd med {printed.lower()} och")] == [
        district_id
    ]


@pytest.mark.parametrize("word", NEAR_MISSES)
def test_near_misses_do_not_match(word: str) -> None:
    assert resolve(word) is None
    assert find_districts(word) == []


#: The gold schema (tests/gold/SCHEMA.md, districts_mentioned) counts every stadsdelsförvaltning,
#: fackförvaltning and city office named in the body, and the units that own projects. Real
#: city offices are therefore mentions, never near misses: every one the gazetteer holds must be
#: found in running text. (The gazetteer is being extended with the rest of the city's
#: fackförvaltningar -- Arbetsmarknadsförvaltningen, Kulturförvaltningen, Stadsbyggnadskontoret
#: ...; this test then covers them too, as it reads the list from the data.)
CITY_OFFICES = [
    (row["name"], row["district_id"])
    for row in _csv("districts.csv")
    if row["kind"] in ("fackförvaltning", "unit")
]


def test_the_gazetteer_holds_city_offices() -> None:
    names = {name for name, _ in CITY_OFFICES}
    assert {"Socialförvaltningen", "Stadsledningskontoret", "Utbildningsförvaltningen"} <= names


@pytest.mark.parametrize(("name", "district_id"), CITY_OFFICES)
def test_city_offices_are_district_mentions(name: str, district_id: str) -> None:
    text = f"Projektet genomförs i samarbete med {name} under hösten."
    assert [(m.name_as_printed, m.district_id) for m in find_districts(text)] == [
        (name, district_id)
    ]


def _best_score(g: Gazetteer, printed: str) -> float:
    m = g.resolve(printed)
    return 0.0 if m is None else m.score


def test_threshold_separates_damaged_forms_from_near_misses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Evidence for FUZZY_THRESHOLD: with the cut-off lowered, every damaged form still scores
    at or above it and every near miss that survives the structural rules scores below it."""
    monkeypatch.setattr(alias_index_mod, "FUZZY_THRESHOLD", 0.70)
    g = Gazetteer.load()
    damaged = {p: _best_score(g, p) for p, _ in DAMAGED}
    near = {w: _best_score(g, w) for w in NEAR_MISSES}
    assert min(damaged.values()) >= FUZZY_THRESHOLD > max(near.values())
    # the scores seen at the edges of the gap (see pipeline/data/README.md for the
    # simulation over the whole gazetteer that picked 0.86 inside it)
    assert round(min(damaged.values()), 3) == 0.87  # "Liljeholrnen": rn for m, 1 of 11
    assert round(max(near.values()), 3) == 0.857  # "Secialister": not "Socialjouren"


# --------------------------------------------------------------------------- running text


def _mentions(text: str, year: int | None = None) -> list[tuple[str, str]]:
    found = find_districts(text, year)
    for m in found:
        assert text[m.start : m.end] == m.name_as_printed
    return [(m.name_as_printed, m.district_id) for m in found]


TEXTS = [
    (
        "4. Ett gemensamt projekt, Kungsholmen, Norrmalm och Östermalms stadsdelsförvaltning",
        None,
        [
            ("Kungsholmen", "kungsholmen"),
            ("Norrmalm", "norrmalm"),
            ("Östermalms stadsdelsförvaltning", "ostermalm"),
        ],
    ),
    (
        "Hégersten-Liljeholmen  Projekt A - metodstöd\nHésselby-Villingby Projekt B",
        None,
        [
            ("Hégersten-Liljeholmen", "hagersten-liljeholmen"),
            ("Hésselby-Villingby", "hasselby-vallingby"),
        ],
    ),
    (
        "Socialférvaltningen, socialjouren",
        None,
        [("Socialférvaltningen", "socialforvaltningen"), ("socialjouren", "socialjouren")],
    ),
    (
        "representanter för socialförvaltningen samt",
        None,
        [("socialförvaltningen", "socialforvaltningen")],
    ),
    (
        "i samarbete med Kungsholnmens och Sodermalms\nstadsdelsforvaltningar.",
        None,
        [("Kungsholnmens", "kungsholmen"), ("Sodermalms", "sodermalm")],
    ),
    (
        "projekt i Hägersten-\nLiljeholmen och Farsta",
        None,
        [("Hägersten-\nLiljeholmen", "hagersten-liljeholmen"), ("Farsta", "farsta")],
    ),
    (
        "Munkforsplan 33, 6 tr Farsta\nBox 44\n12321 Farsta",
        None,
        [("Farsta", "farsta"), ("Farsta", "farsta")],
    ),
    (
        "3 EnskedeÅrsta-Vantörs och Skarpnäcks sdf",
        None,
        [("EnskedeÅrsta-Vantörs", "enskede-arsta-vantor"), ("Skarpnäcks sdf", "skarpnack")],
    ),
    ("Flera stadsdelsförvaltningar och stadsdelsnämnderna har", None, []),
    ("en kista av ek; socialtjänsten i staden", None, []),
    ("Rinkeby och Älvsjö", 2021, [("Rinkeby", "rinkeby-kista"), ("Älvsjö", "hagersten-alvsjo")]),
    ("Rinkeby och Älvsjö", None, [("Rinkeby", "rinkeby"), ("Älvsjö", "alvsjo")]),
    (
        "ansvar hos dldreférvaltningen och utbildningsférvaltningen",
        None,
        [
            ("dldreférvaltningen", "aldreforvaltningen"),
            ("utbildningsférvaltningen", "utbildningsforvaltningen"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "expected"), TEXTS, ids=[t[0][:30] for t in TEXTS])
def test_find_districts(text: str, year: int | None, expected: list[tuple[str, str]]) -> None:
    assert _mentions(text, year) == expected


ORGS = [
    (
        "genomförs av Ersta Sköndal Bräcke högskola.",
        [("Ersta Sköndal Bräcke högskola", "ersta-skondal-bracke-hogskola")],
    ),
    (
        "med Ersta-Skondal hdgskola och Socialhdgskolan i Stockholm",
        [
            ("Ersta-Skondal hdgskola", "ersta-skondal-bracke-hogskola"),
            ("Socialhdgskolan i Stockholm", "socialhogskolan"),
        ],
    ),
    (
        "Juridiska institutionen vid Stockholms universitet",
        [("Stockholms universitet", "stockholms-universitet")],
    ),
    ("analyseras av Lumells Associates pa uppdrag", [("Lumells Associates", "lumell-associates")]),
    (
        "Sveriges Kommuner och Regioner (SKR) och SKL",
        [("Sveriges Kommuner och Regioner", "skr"), ("SKR", "skr"), ("SKL", "skr")],
    ),
    (
        "Sveriges Komniuner och\nLandstings satsning",
        [("Sveriges Komniuner och\nLandstings", "skr")],
    ),
    ("utvärdering SBU2 och FoU i vast", [("SBU", "sbu"), ("FoU i vast", "fou-i-vast")]),
    (
        "Karolinska institutet (KI) och Karolinska universitetssjukhuset",
        [("Karolinska institutet", "karolinska-institutet"), ("KI", "karolinska-institutet")],
    ),
    (
        "ansökningar via Forte, Socialstyrelsens stöd, Ernst & Young",
        [("Forte", "forte"), ("Socialstyrelsens", "socialstyrelsen"), ("Ernst & Young", "ey")],
    ),
    ("hans forte är ki och sbu", []),
    (
        "IMS (Socialstyrelsens institut for utveckling av metoder i socialt arbete) och CEPI",
        [
            ("IMS", "ims"),
            ("Socialstyrelsens institut for utveckling av metoder i socialt arbete", "ims"),
            ("CEPI", "cepi"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORGS, ids=[t[0][:30] for t in ORGS])
def test_find_orgs(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_orgs(text)
    for m in found:
        assert text[m.start : m.end] == m.name_as_printed
    assert [(m.name_as_printed, m.org_id) for m in found] == expected


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    for m in find_districts(text):
        assert text[m.start : m.end] == m.name_as_printed
    find_orgs(text)
    resolve(text)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "Hässelby " * 10_000,
        "Stadsdelsförvaltningen " * 4_000,
        "Xyzzyvägen-Qwerty " * 5_000,
        "A" * 100_000,
    ],
    ids=["repeated-name", "repeated-generic", "capitalised-junk", "one-long-word"],
)
def test_long_text_returns(text: str) -> None:
    find_districts(text)
    find_orgs(text)


# --------------------------------------------------------------------------- mentions

MENTION_CASES = [
    # (text, document years, city offices counted, ids of the mentions)
    ("Läget på Södermalm har förbättrats.", (2010,), True, ["sodermalm"]),
    ("Läget på Södermalm har förbättrats.", (1998,), True, []),  # an area in 1998
    ("Förslag till Vision Järva 2030 remitteras.", (2008,), True, []),  # the district is 2023
    ("Järva stadsdelsnämnd har beslutat.", (2024,), True, ["jarva"]),
    ("Parkerna i Rinkeby och Kista-Husby-Akalla stadsdelsområde sköts.", (2008,), True, []),
    ("Rinkeby stadsdelsförvaltning drev projektet under 2005.", (2012,), True, ["rinkeby"]),
    ("Kista och Rinkeby stadsdelsförvaltningar deltar.", (2004,), True, ["kista", "rinkeby"]),
    ("Klubben Spånga Handboll har samverkat med förvaltningen.", (2020,), True, []),
    ("Mötet hålls i Skarpnäcks kulturhus.", (2013,), True, []),
    # an association's name: "<place> <…klubb|…förening|…sällskap|…kår>"
    ("Ansökan från Kungsholmens Fäktklubb avslås.", (2010,), True, []),
    ("Bromma Ridklubb och Farsta deltar.", (2010,), True, ["farsta"]),
    ("Familjer i Farsta strand deltar.", (2013,), True, []),
    ("Familjer i Farsta deltar.", (2013,), True, ["farsta"]),
    ("Arbetet leds av stadsdelsförvaltningen i Skärholmen.", (2010,), True, ["skarholmen"]),
    (
        "Södermalms sdf och Hässelby Vällingby deltar.",
        (2015,),
        True,
        ["sodermalm", "hasselby-vallingby"],
    ),
    ("Hägersten-Liljeholmen redovisar sitt projekt.", (2021,), True, ["hagersten-liljeholmen"]),
    ("Kulturförvaltningen medverkar.", (2015,), True, ["kulturforvaltningen"]),
    ("Kulturförvaltningen medverkar.", (2015,), False, []),
    ("Socialförvaltningen Box 8117, 104 20 Stockholm Telefon 08-508 25 000", (2015,), True, []),
    ("Socialförvaltningen Avdelningen för sociala frågor", (2015,), True, []),  # sender block
    # a meeting page without blank lines: the next item's dnr is no letterhead
    (
        "4 Anmälan av Bromma stadsdelsförvaltnings rutiner Dnr 106-0479/2008",
        (2008,),
        True,
        ["bromma"],
    ),
    (
        "Socialförvaltningen, avdelningen för sociala frågor, deltar.",
        (2015,),
        True,
        ["socialforvaltningen"],
    ),
]


@pytest.mark.parametrize(("text", "years", "offices", "ids"), MENTION_CASES)
def test_mentions(text: str, years: tuple[int, ...], offices: bool, ids: list[str]) -> None:
    g = load_gazetteer()
    found = []
    for m in g.find_districts(text, years[0]):
        unit = g.mention(text, m.start, m.end, m.district_id, years, offices)
        if unit is not None:
            found.append(unit.id)
    assert found == ids


def test_city_offices_counted_only_in_fou_documents() -> None:
    fou = "Fördelning av FoU-medel. Lokala utvecklingsmedel (LUM) för forskning i praktiken."
    other = "Sammanträde 2008-10-23. Månadsrapport per den 30 september."
    assert counts_city_offices(fou)
    assert not counts_city_offices(other)
