"""The understanding stage end to end: the five seed transcripts and hand-written genre documents.

Expected values are written from reading the documents, not from the code's output. Fields that
OCR damaged in the source (titles, decision texts) are compared fuzzily; the others exactly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from pipeline.records import (
    DocumentText,
    PageText,
    UnderstoodDocument,
    from_jsonable,
    to_jsonable,
)
from pipeline.understand.stage import understand

REPO = Path(__file__).resolve().parents[2]
SEED_DIRS = (Path("/work/shared/seeds"), REPO / "raw" / "transcripts")
GENRE = Path(__file__).resolve().parents[1] / "resources" / "genre"
D = dt.date


def split_transcript(text: str) -> list[str]:
    """Pages of a transcript: a page begins at a line starting with exactly one space."""
    pages: list[list[str]] = [[]]
    for i, line in enumerate(text.split("\n")):
        if line.startswith(" ") and not line.startswith("  "):
            if i > 0:
                pages.append([])
            line = line[1:]
        pages[-1].append(line)
    return ["\n".join(p) for p in pages]


def document(path: Path) -> DocumentText:
    pages = split_transcript(path.read_text(encoding="utf-8"))
    return DocumentText(
        doc_id=path.stem[:16],
        sha256="0" * 64,
        source_path=path.name,
        media_type="text/plain",
        text_source="transcript",
        pages=tuple(PageText(i + 1, t, "transcript") for i, t in enumerate(pages)),
    )


def seed_path(name: str) -> Path:
    for folder in SEED_DIRS:
        if (folder / name).exists():
            return folder / name
    pytest.fail(f"seed {name} found neither in ../shared/seeds nor in raw/transcripts/")


_CACHE: dict[Path, UnderstoodDocument] = {}


def understood(path: Path) -> UnderstoodDocument:
    if path not in _CACHE:
        _CACHE[path] = understand(document(path))
    return _CACHE[path]


# --------------------------------------------------------------------------- expectations

SEEDS: dict[str, dict[str, Any]] = {
    "000_008b215ddad01cfe.txt": {
        "committee": "Socialnämnden",
        "doc_type": "tjänsteutlåtande",
        "dnr": None,
        "doc_date": None,
        "meeting_date": None,
        "title": "FoU-plan för 2015",
        "handlaggare": None,
        "decisions": [
            (1, "Socialnämnden godkänner förslag till FoU-plan 2015."),
            (2, "Socialnämnden delger samtliga stadsdelsnämnder ärendet."),
        ],
        "signatories": [("Gillis Hammar", "Förvaltningschef"), ("Denise Melin", "Avdelningschef")],
    },
    "001_596b07b856b5941c.txt": {
        "committee": "Socialnämnden",
        "doc_type": "tjänsteutlåtande",
        "dnr": "3.2.1-792/2020",
        "doc_date": D(2021, 1, 26),
        "meeting_date": D(2021, 2, 16),
        "title": "Årsrapport om medel för forskning och utveckling 2020",
        "handlaggare": "Lisa Wallenberg",
        "decisions": [
            (
                1,
                "Socialnämnden godkänner socialförvaltningens årsrapport om medel för "
                "forskning och utveckling under 2020",
            ),
            (2, "Socialnämnden överlämnar rapporten till samtliga stadsdelsnämnder"),
        ],
        "signatories": [
            ("Fredrik Jurdell", "socialdirektör"),
            ("Veronica Wolgast Carstorp", "avdelningschef"),
        ],
    },
    "002_a6dff5252f235419.txt": {
        "committee": "Socialnämnden",
        "doc_type": "tjänsteutlåtande",
        "dnr": None,
        "doc_date": None,
        "meeting_date": D(2021, 4, 27),
        "title": "Inriktning av medel för lokala utvecklingsprojekt och studieresor 2022 samt "
        "redovisning av lokala utvecklingsprojekt genomförda under 2020",
        "handlaggare": "Lisa Wallenberg",
        "decisions": [
            (1, "Socialnämnden godkänner redovisning av lokala utvecklingsprojekt år 2020."),
            (
                2,
                "Socialnämnden godkänner förslag till inriktning av medel för lokala "
                "utvecklingsprojekt och studieresor 2022.",
            ),
            (3, "Ärendet delges samtliga stadsdelsnämnder och kommunstyrelsen."),
        ],
        "signatories": [
            ("Fredrik Jurdell", "socialdirektör"),
            ("Veronica Carstorp Wolgast", "avdelningschef"),
        ],
    },
    "003_c8c31cc05d04c12b.txt": {
        "committee": "Socialnämnden",
        "doc_type": "protokollsutdrag",
        "dnr": "3.2-275/2013",
        "doc_date": None,
        "meeting_date": None,
        "title": "Lägesbeskrivning om projekt med syfte att implementera resultatstyrning och "
        "evidensbaserad praktik inom Stockholms stads socialtjänst",
        "handlaggare": None,
        "decisions": [
            (1, "Socialnämnden godkänner lägesbeskrivningen."),
            (
                2,
                "Socialnämnden godkänner förslaget till kompetensutveckling för "
                "ledningsgrupper inom barn- och ungdomsvården.",
            ),
            (3, "Socialnämnden överlämnar lägesbeskrivningen till stadsdelsnämnderna"),
            (1, "Socialnämnden beslutar att godkänna lägesbeskrivningen"),
            (
                2,
                "Socialnämnden beslutar att godkänna förslaget till kompetensutveckling för "
                "ledningsgrupper inom barn och ungdomsvården.",
            ),
            (3, "Socialnämnden beslutar att överlämna lägesbeskrivningen till stadsdelsnämnderna"),
        ],
        "signatories": [
            ("Lisbeth Westerlund", "sekreterare"),
            ("Gillis Hammar", "Förvaltningschef"),
            ("Fredrik Jurdell", "Avdelningschef"),
        ],
    },
    "004_3538bb1b39e8be89.txt": {
        "committee": "Socialtjänstnämnden",
        "doc_type": "tjänsteutlåtande",
        "dnr": "0066/2008",
        "doc_date": None,
        "meeting_date": D(2008, 3, 18),
        "title": "Ny organisation för stadens preventions-, forsknings- och utvecklingsarbete "
        "inom socialtjänstområdet",
        "handlaggare": "Fredrik Jurdell",
        "decisions": [
            (
                1,
                "Socialtjänstnämnden beslutar att en ny organisation för Stockholms stads "
                "preventions-, forsknings- och utvecklingsarbete inom socialtjänstområdet "
                "inrättas i enlighet med förvaltningens tjänsteutlåtande.",
            ),
            (2, "Socialtjänstnämnden överlämnar ärendet till stadsdelsnämnderna för kännedom."),
        ],
        "signatories": [("Dag Helin", None), ("Fredrik Jurdell", None)],
    },
}

GENRE_DOCS: dict[str, dict[str, Any]] = {
    "2011_stadsdelsnamnd_tjansteutlatande.txt": {
        "committee": "Spånga-Tensta stadsdelsnämnd",
        "doc_type": "tjänsteutlåtande",
        "dnr": "501-412/2011",
        "doc_date": D(2011, 4, 28),
        "meeting_date": D(2011, 5, 19),
        "title": "Ansökan om lokala utvecklingsmedel för uppsökande arbete bland unga vuxna",
        "handlaggare": "Karin Ekdahl",
        "decisions": [
            (
                1,
                "Stadsdelsnämnden godkänner förvaltningens ansökan om lokala "
                "utvecklingsmedel för projektet Unga vuxna i Tensta.",
            ),
            (2, "Stadsdelsnämnden överlämnar ärendet till socialtjänstnämnden."),
        ],
        "signatories": [
            ("Maria Lindqvist", "Stadsdelsdirektör"),
            ("Per Sandberg", "Avdelningschef"),
        ],
    },
    "2017_protokollsutdrag_att_satser.txt": {
        "committee": "Farsta stadsdelsnämnd",
        "doc_type": "protokollsutdrag",
        "dnr": "1.1-0234/2017",
        "doc_date": D(2017, 9, 21),
        "meeting_date": D(2017, 9, 21),
        "title": "Fördelning av utvecklingsmedel för socialtjänsten 2018",
        "handlaggare": None,
        "decisions": [
            (
                1,
                "att godkänna förvaltningens förslag till fördelning av utvecklingsmedel "
                "för år 2018,",
            ),
            (
                2,
                "att uppdra åt förvaltningen att återrapportera projektens resultat till "
                "nämnden i mars 2019.",
            ),
        ],
        "signatories": [("Jonas Ekström", "sekreterare")],
    },
    "2023_socialnamnden_ocr.txt": {
        "committee": "Socialnämnden",
        "doc_type": "tjänsteutlåtande",
        "dnr": "3.1-1187/2023",
        "doc_date": D(2023, 3, 14),
        "meeting_date": D(2023, 4, 18),
        "title": "Fördelning av lokala utvecklingsmedel och studieresor 2023",
        "handlaggare": "Johan Berglöv",
        "decisions": [
            (
                1,
                "Socialnämnden godkänner fördelningen av lokala utvecklingsmedel 2023 enligt bilaga 1.",
            ),
            (2, "Socialnämnden beviljar medel för studieresor enligt bilaga 2."),
            (3, "Ärendet delges samtliga stadsdelsnämnder."),
        ],
        "signatories": [
            ("Annika Berg Lindholm", "socialdirektör"),
            ("Mikael Strand", "avdelningschef"),
        ],
    },
    "2005_socialtjanstnamnden_tjansteutlatande.txt": {
        "committee": "Socialtjänstnämnden",
        "doc_type": "tjänsteutlåtande",
        "dnr": "008-121/05",
        "doc_date": D(2005, 3, 30),
        "meeting_date": D(2005, 4, 19),
        "title": "Plan för forsknings- och utvecklingsarbete 2005",
        "handlaggare": "Birgitta Ståhl",
        "decisions": [
            (
                1,
                "Socialtjänstnämnden godkänner förvaltningens plan för forsknings- och "
                "utvecklingsarbete 2005.",
            ),
            (2, "Socialtjänstnämnden överlämnar planen till stadsdelsnämnderna för kännedom."),
        ],
        "signatories": [("Gunnar Wessman", "Förvaltningschef")],
    },
}

META_FIELDS = ("committee", "doc_type", "dnr", "doc_date", "meeting_date", "title", "handlaggare")
FUZZY_FIELDS = {"title"}
FUZZY_MIN = 85.0  # token ratio for text that OCR damaged in the source


def _same(field: str, got: Any, want: Any) -> bool:
    if field in FUZZY_FIELDS and isinstance(got, str) and isinstance(want, str):
        return fuzz.ratio(got, want) >= FUZZY_MIN
    return bool(got == want)


def _check(doc: UnderstoodDocument, want: dict[str, Any], name: str) -> None:
    meta = doc.meta
    hits = {f: _same(f, getattr(meta, f), want[f]) for f in META_FIELDS}
    got_dec = [(d.item_no, d.text) for d in doc.decisions]
    dec_ok = len(got_dec) == len(want["decisions"]) and all(
        g[0] == w[0] and fuzz.ratio(g[1], w[1]) >= 80
        for g, w in zip(got_dec, want["decisions"], strict=True)
    )
    got_sig = [(s.name, s.role) for s in doc.signatories]
    print(
        f"\n{name}: metadata {sum(hits.values())}/{len(hits)} fields, "
        f"decisions {'ok' if dec_ok else 'WRONG'}, signatories "
        f"{'ok' if got_sig == want['signatories'] else 'WRONG'}"
    )
    for f, ok in hits.items():
        assert ok, f"{name}: {f} = {getattr(meta, f)!r}, expected {want[f]!r}"
    assert dec_ok, f"{name}: decisions {got_dec}"
    assert got_sig == want["signatories"]
    for f in META_FIELDS:
        if getattr(meta, f) is not None:
            assert meta.evidence.get(f) is not None and 0 < meta.confidence[f] <= 1


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_transcripts(name: str) -> None:
    _check(understood(seed_path(name)), SEEDS[name], name)


@pytest.mark.parametrize("name", sorted(GENRE_DOCS))
def test_genre_documents(name: str) -> None:
    _check(understood(GENRE / name), GENRE_DOCS[name], name)


def test_dnr_and_committee_as_printed() -> None:
    meta = understood(GENRE / "2005_socialtjanstnamnden_tjansteutlatande.txt").meta
    assert meta.dnr_as_printed == "008 – 121 / 05"
    meta = understood(GENRE / "2011_stadsdelsnamnd_tjansteutlatande.txt").meta
    assert meta.committee_as_printed == "Spånga-Tensta stadsdelsnämnd"


def test_furniture_is_kept_out_of_the_body() -> None:
    doc = understood(GENRE / "2023_socialnamnden_ocr.txt")
    page2 = doc.pages[1]
    assert "Error!" not in page2.body_text and "Sida 2 (3)" not in page2.body_text
    assert "Error! Use the Home tab" in page2.clean_text
    page1 = doc.pages[0]
    assert "Box 44" not in page1.body_text
    assert {ln.furniture for ln in page1.lines} >= {"letterhead", "address"}


def test_sections_of_a_protokollsutdrag() -> None:
    doc = understood(GENRE / "2017_protokollsutdrag_att_satser.txt")
    assert [s.kind for s in doc.sections if s.level == 1] == [
        "preamble",
        "beslut",
        "arendet",
        "beslutsgang",
        "sarskilt_uttalande",
    ]


def test_repair_keeps_one_clean_line_per_raw_line() -> None:
    for path in [*GENRE.glob("*.txt")]:
        doc = understood(path)
        for page in doc.pages:
            assert len(page.lines) == page.raw_text.count("\n") + 1
            assert [ln.line_no for ln in page.lines] == list(range(len(page.lines)))


def test_result_survives_the_json_round_trip() -> None:
    doc = understood(GENRE / "2017_protokollsutdrag_att_satser.txt")
    assert from_jsonable(UnderstoodDocument, to_jsonable(doc)) == doc


def test_empty_document() -> None:
    doc = understand(DocumentText("e", "0" * 64, "e.txt", "text/plain", "none", ()))
    assert doc.pages == () and doc.meta.committee is None
    blank = understand(
        DocumentText("b", "0" * 64, "b.txt", "text/plain", "ocr", (PageText(1, "", "ocr"),))
    )
    assert blank.sections == () and blank.decisions == ()


# --------------------------------------------------------------------------- layout families
# Invented documents, one per layout family the readers must know by position and wording
# (not by any real document's strings).


def _understand_pages(pages: list[str]) -> UnderstoodDocument:
    return understand(
        DocumentText(
            doc_id="layout",
            sha256="0" * 64,
            source_path="layout.txt",
            media_type="text/plain",
            text_source="transcript",
            pages=tuple(PageText(i + 1, t, "transcript") for i, t in enumerate(pages)),
        )
    )


def test_meeting_page_title_dates_committee_and_no_item_dnr() -> None:
    page = "\n".join(
        [
            "Du är här: Hem > Staden > Farsta stadsdelsnämnd > Sammanträde 2011-09-22",
            "",
            "Sammanträde 2011-09-22",
            "",
            "1 Val av justerare",
            "",
            "2 Uppföljning av verksamhetsplan",
            "",
            "Dnr 3.1-402/2011",
            "Handläggare: Kim Lind Tel: 08-508 00 000",
            "",
            "Förslag till beslut",
            "",
            "1. Stadsdelsnämnden godkänner uppföljningen.",
            "",
            "3 Yttrande över remiss",
            "",
            "Dnr 1.6-411/2011",
        ]
    )
    doc = _understand_pages([page])
    m = doc.meta
    assert m.title == "Sammanträde 2011-09-22"
    assert m.committee == "Farsta stadsdelsnämnd"
    assert m.meeting_date == m.doc_date == D(2011, 9, 22)
    assert m.dnr is None and m.handlaggare is None
    assert [d.text for d in doc.decisions] == ["Stadsdelsnämnden godkänner uppföljningen."]


def test_a_protocol_whose_first_page_lists_those_present_takes_its_title_from_its_paragraph() -> (
    None
):
    attendance = "\n".join(
        [
            "KULTURNÄMNDEN\t\tPROTOKOLL 5/2011",
            "\t\tSammanträdesdag 2011-06-07",
            "",
            "Närvarande",
            "Ledamöter",
            "Eva Exempel (S) ordförande",
            "Olof Prov (M) vice ordförande",
            "",
            "Justerare: Olof Prov",
        ]
    )
    paragraphs = "\n".join(
        [
            "KULTURNÄMNDEN\t\tPROTOKOLL 5/2011",
            "",
            "§ 1",
            "Val av justerare",
            "",
            "§ 7",
            "Bidrag till sommaraktiviteter för barn och unga i",
            "ytterstaden 2011",
            "Dnr 2.3-77/2011",
            "",
            "Beslut",
            "Kulturnämnden beslutar att bevilja bidrag enligt förvaltningens förslag.",
        ]
    )
    doc = _understand_pages([attendance, paragraphs])
    assert doc.meta.title == "Bidrag till sommaraktiviteter för barn och unga i ytterstaden 2011"


FLAT_PROTOCOL = [
    "Ledamot Ett Ledamot Två",
    "",
    "1 Kommunstyrelsen Protokoll nr 7 Sida 1 (3) Utdrag ur protokoll fört vid kommunstyrelsens "
    "sammanträde tisdagen den 12 mars Justerat den 19 mars 2019 Anslaget den 20 mars 2019 "
    "Ledamot Ett Ledamot Två 9 PM: Uppföljning av ekonomin februari, dnr /2019 Beslut "
    "1. Uppföljningen godkänns. 2. Nämnderna medges budgetjustering med 3,0 mnkr. "
    "Finansiering sker ur medelsreserven: 1. Till nämndernas förfogande enligt bilaga 1. "
    "3. Nämnderna medges budgetjustering med 1,5 mnkr enligt bilaga 2." + " Text." * 40,
    "",
    "2 Kommunstyrelsen Protokoll nr 7 Sida 2 (3) Nämnderna medges budgetjustering med 0,5 "
    "mnkr enligt bilaga 3. Reservation Ledamot Tre reserverade sig." + " Text." * 20,
]


def test_flattened_protocol() -> None:
    doc = _understand_pages(["\n".join(FLAT_PROTOCOL)])
    m = doc.meta
    assert m.committee == "Kommunstyrelsen"
    assert m.meeting_date == D(2019, 3, 12)
    assert m.title == "Uppföljning av ekonomin februari"
    assert m.dnr is None  # printed truncated
    texts = [d.text for d in doc.decisions]
    assert len(texts) == 4
    assert texts[1].endswith("Till nämndernas förfogande enligt bilaga 1.")  # a sub-list
    assert texts[3] == "Nämnderna medges budgetjustering med 0,5 mnkr enligt bilaga 3."


def test_flattened_utlatande_proposal_and_own_part() -> None:
    line = (
        "1 Utlåtande 2019:12 RV (Dnr 123-456/2018) Riktlinjer för ett nytt bidrag "
        "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande. Riktlinjerna "
        "godkänns enligt bilaga 1. Kommunstyrelsen beslutar för egen del, under förutsättning "
        "att kommunfullmäktige beslutar enligt ovan, följande. Stadsdirektören ska följa upp "
        "bidraget årligen. Föredragande borgarrådet Namn Namnsson anför följande. Ärendet "
        + "Bakgrundstext om bidraget. "
        * 15
    )
    doc = _understand_pages([f"Riktlinjer för ett nytt bidrag\n\n{line}"])
    assert doc.meta.title == "Riktlinjer för ett nytt bidrag"
    assert doc.meta.dnr == "123-456/2018"
    assert [d.text for d in doc.decisions] == [
        "Riktlinjerna godkänns enligt bilaga 1.",
        "Stadsdirektören ska följa upp bidraget årligen.",
    ]


def test_att_satser_wrapped_and_one_per_clause() -> None:
    page = "\n".join(
        [
            "§ 12 Ny modell för bidrag",
            "(KF-2017-00021-2)",
            "Beslut",
            "Kommunfullmäktige beslutar",
            "att anta modellen för bidrag till föreningar med verksamhet för",
            "att stödja barn och unga,",
            "att uppdra åt kommunstyrelsen att följa upp modellen",
            "att modellen utvärderas efter två år.",
            "Ärendet",
            "Kommunstyrelsen har tagit fram en modell.",
        ]
    )
    doc = _understand_pages([page])
    assert doc.meta.title == "Ny modell för bidrag"
    assert doc.meta.dnr == "KF-2017-00021-2"
    assert [d.text.rstrip(",") for d in doc.decisions] == [
        "att anta modellen för bidrag till föreningar med verksamhet för att stödja barn och unga",
        "att uppdra åt kommunstyrelsen att följa upp modellen",
        "att modellen utvärderas efter två år.",
    ]


def test_signatures_in_columns_and_under_justeras() -> None:
    page = "\n".join(
        [
            "Förslag till beslut",
            "",
            "1. Nämnden godkänner rapporten.",
            "",
            "Anna Ek                         Bo Berg",
            "Ekonomidirektör                 Chef för utvecklingsenheten",
            "",
            "Sammanfattning",
            "",
            "Rapporten beskriver året.",
            "",
            "Justeras",
            "",
            "Carl Ceder                      Dora Dal",
        ]
    )
    doc = _understand_pages([page])
    assert [(s.name, s.role) for s in doc.signatories] == [
        ("Anna Ek", "Ekonomidirektör"),
        ("Bo Berg", "Chef för utvecklingsenheten"),
        ("Carl Ceder", None),
        ("Dora Dal", None),
    ]


def test_opening_sentence_heads_the_decisions_in_a_line_layout() -> None:
    page = "\n".join(
        [
            "Utlåtande 2012:45 RIII",
            "(Dnr 325-1104/2011)",
            "",
            "Program för stöd till unga vuxna",
            "",
            "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande.",
            "",
            "1. Programmet godkänns.",
            "2. Socialnämnden ges i uppdrag att samordna arbetet.",
            "",
            "Kommunstyrelsen beslutar för egen del, under förutsättning att",
            "kommunfullmäktige beslutar enligt ovan, följande.",
            "",
            "Stadsdirektören ska rapportera arbetet i årsredovisningen.",
            "",
            "Föredragande borgarrådet Namn Namnsson anför följande.",
            "",
            "Ärendet",
            "",
            "Programmet beskriver hur staden ska arbeta.",
        ]
    )
    doc = _understand_pages([page])
    assert doc.meta.committee == "Kommunstyrelsen"
    assert doc.meta.title == "Program för stöd till unga vuxna"
    assert [d.text for d in doc.decisions] == [
        "Programmet godkänns.",
        "Socialnämnden ges i uppdrag att samordna arbetet.",
        "Stadsdirektören ska rapportera arbetet i årsredovisningen.",
    ]


def test_signatures_with_columns_collapsed_by_ocr() -> None:
    page = "\n".join(
        [
            "Vid protokollet",
            "",
            "Eva Ek",
            "sekreterare",
            "",
            "Justeras",
            "",
            "Karin Lund Göran Berg",
            "ordförande justerare",
        ]
    )
    doc = _understand_pages([page])
    assert [(s.name, s.role) for s in doc.signatories] == [
        ("Eva Ek", "sekreterare"),
        ("Karin Lund", "ordförande"),
        ("Göran Berg", "justerare"),
    ]
