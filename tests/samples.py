"""Small hand-built documents and gazetteer files for the tests.

They mirror the real corpus in miniature: one FoU decision of Socialnämnden present as three
files (an OCR transcript, a scanned PDF and a born-digital PDF), later decisions naming
districts that have since merged (Rinkeby-Kista -> Järva, Hägersten-Liljeholmen ->
Hägersten-Älvsjö), an application that was not granted, and a file that failed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.records import (
    Amount,
    CleanPage,
    Criterion,
    Decision,
    DistrictMention,
    DocumentMeta,
    DocumentResult,
    DocumentText,
    Facts,
    Line,
    PageText,
    Project,
    ProjectDistrict,
    Signatory,
    SourceFile,
    TextSource,
    UnderstoodDocument,
)

DISTRICTS_CSV_TEXT = """\
district_id,name,kind,valid_from,valid_to,successor_id,source
rinkeby-kista,Rinkeby-Kista,stadsdelsförvaltning,2007-01-01,2019-12-31,jarva,sample
spanga-tensta,Spånga-Tensta,stadsdelsförvaltning,1997-01-01,2019-12-31,jarva,sample
jarva,Järva,stadsdelsförvaltning,2020-01-01,,,sample
hagersten-liljeholmen,Hägersten-Liljeholmen,stadsdelsförvaltning,2007-01-01,2019-12-31,hagersten-alvsjo,sample
alvsjo,Älvsjö,stadsdelsförvaltning,1997-01-01,2019-12-31,hagersten-alvsjo,sample
hagersten-alvsjo,Hägersten-Älvsjö,stadsdelsförvaltning,2020-01-01,,,sample
socialforvaltningen,Socialförvaltningen,fackförvaltning,,,,sample
"""

ALIASES_CSV_TEXT = """\
alias,district_id
Rinkeby-Kista stadsdelsförvaltning,rinkeby-kista
Rinkeby,rinkeby-kista
Spånga-Tensta stadsdelsförvaltning,spanga-tensta
Järva stadsdelsförvaltning,jarva
Hägersten,hagersten-liljeholmen
Hägersten,hagersten-alvsjo
Hägersten-Liljeholmens stadsdelsförvaltning,hagersten-liljeholmen
Hägersten-Älvsjö stadsdelsförvaltning,hagersten-alvsjo
"""


def write_sample_districts(directory: Path) -> tuple[Path, Path]:
    """Write districts.csv and district_aliases.csv into `directory`; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    districts = directory / "districts.csv"
    aliases = directory / "district_aliases.csv"
    districts.write_text(DISTRICTS_CSV_TEXT, encoding="utf-8")
    aliases.write_text(ALIASES_CSV_TEXT, encoding="utf-8")
    return districts, aliases


@dataclass(frozen=True)
class SampleProject:
    name: str
    fund_type: str | None
    year: int | None
    amount_sek: int | None
    districts: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (id, as printed)
    status: str | None = "beviljad"
    performer: str | None = None


def _page_source(text_source: TextSource, page_no: int) -> TextSource:
    if text_source == "mixed":
        return "text-layer" if page_no == 1 else "ocr"
    return text_source


def source_file(source_path: str, content: str) -> SourceFile:
    sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
    media = "text/plain" if source_path.endswith(".txt") else "application/pdf"
    return SourceFile(
        path=f"/raw/{source_path}",
        source_path=source_path,
        sha256=sha,
        doc_id=sha[:16],
        size=len(content.encode("utf-8")),
        media_type=media,
    )


def decision_result(
    source_path: str,
    *,
    text_source: TextSource,
    meta: DocumentMeta,
    pages: Sequence[str],
    projects: Sequence[SampleProject],
    totals: Sequence[tuple[str, int, str, int, bool]] = (),
    max_amounts: Sequence[tuple[str, int, str, int]] = (),
    criteria: Sequence[tuple[str, int, str, str]] = (),
    ocr_confidence: float | None = None,
) -> DocumentResult:
    """A DocumentResult as the pipeline would hand it to the loader.

    totals: (fund_type, year, raw, sek, approximate); max_amounts: (fund_type, year, raw,
    sek); criteria: (fund_type, year, text, kind) in order.
    """
    src = source_file(source_path, source_path + "\n".join(pages))
    doc_id = src.doc_id
    page_texts = tuple(
        PageText(
            page_no=i,
            text=t,
            source=_page_source(text_source, i),
            confidence=ocr_confidence if _page_source(text_source, i) == "ocr" else None,
            method="tesseract psm3" if _page_source(text_source, i) == "ocr" else "pdfplumber",
        )
        for i, t in enumerate(pages, start=1)
    )
    text = DocumentText(doc_id, src.sha256, source_path, src.media_type, text_source, page_texts)
    clean = tuple(
        CleanPage(
            page_no=p.page_no,
            raw_text=p.text,
            clean_text=p.text.strip(),
            lines=tuple(Line(p.page_no, n, ln) for n, ln in enumerate(p.text.strip().splitlines())),
        )
        for p in page_texts
    )
    understood = UnderstoodDocument(
        doc_id=doc_id,
        pages=clean,
        sections=(),
        meta=meta,
        decisions=(Decision(1, "Socialnämnden godkänner fördelningen av medel.", 1),),
        signatories=(Signatory("Gillis Hammar", "Förvaltningschef", 1),),
    )
    fact_projects: list[Project] = []
    amounts: list[Amount] = []
    for n, p in enumerate(projects, start=1):
        pid = f"{doc_id}-p{n}"
        fact_projects.append(
            Project(
                project_id=pid,
                name=p.name,
                fund_type=p.fund_type,
                year=p.year,
                status=p.status,
                amount_sek=p.amount_sek,
                performer=p.performer,
                end_date=None,
                description=None,
                page_no=2,
                evidence=f"{p.name} {p.amount_sek} kr",
                confidence=0.9,
                districts=tuple(ProjectDistrict(d, a) for d, a in p.districts),
            )
        )
        if p.amount_sek is not None:
            amounts.append(
                Amount(
                    amount_id=f"{doc_id}-a-p{n}",
                    sek=p.amount_sek,
                    raw=f"{p.amount_sek} kr",
                    approximate=False,
                    kind="project_cost",
                    fund_type=p.fund_type,
                    year=p.year,
                    project_id=pid,
                    page_no=2,
                    evidence=f"{p.name}: {p.amount_sek} kr",
                )
            )
    for n, (fund, year, raw, sek, approx) in enumerate(totals, start=1):
        amounts.append(
            Amount(
                f"{doc_id}-a-t{n}",
                sek,
                raw,
                approx,
                "total_granted",
                fund,
                year,
                None,
                1,
                f"totalt {raw}",
                0.8,
            )
        )
    for n, (fund, year, raw, sek) in enumerate(max_amounts, start=1):
        amounts.append(
            Amount(
                f"{doc_id}-a-m{n}",
                sek,
                raw,
                False,
                "max_per_application",
                fund,
                year,
                None,
                1,
                f"högst {raw} per ansökan",
                0.9,
            )
        )
    crit = tuple(
        Criterion(fund, year, pos, txt, kind, 1, txt, 0.7)
        for pos, (fund, year, txt, kind) in enumerate(criteria, start=1)
    )
    mentions = tuple(DistrictMention(d, a, 2) for p in projects for d, a in p.districts)
    facts = Facts(doc_id, tuple(fact_projects), tuple(amounts), crit, mentions)
    return DocumentResult(
        source=src,
        status="ok",
        stage="extract",
        error=None,
        text=text,
        understood=understood,
        facts=facts,
        started_at=dt.datetime(2024, 5, 1, 10, 0, tzinfo=dt.UTC),
        finished_at=dt.datetime(2024, 5, 1, 10, 1, tzinfo=dt.UTC),
    )


def failed_result(source_path: str) -> DocumentResult:
    """A file that could not be read at all (no text, nothing understood)."""
    return DocumentResult(
        source=source_file(source_path, "%PDF-1.4 broken"),
        status="failed",
        stage="text",
        error="PDF could not be opened: trailer not found",
        text=None,
        understood=None,
        facts=None,
    )


FOU_2015_META = DocumentMeta(
    committee="Socialnämnden",
    committee_as_printed="Socialnämnden",
    doc_type="tjänsteutlåtande",
    dnr="3.1-0421/2014",
    dnr_as_printed="Dnr 3.1-0421/2014",
    doc_date=dt.date(2014, 11, 20),
    meeting_date=dt.date(2014, 12, 16),
    title="FoU-plan för 2015",
    handlaggare="Denise Melin",
    evidence={"dnr": "Dnr 3.1-0421/2014"},
    confidence={"dnr": 0.95},
)

FOU_2015_PROJECTS = (
    SampleProject(
        "Motiverande samtal i försörjningsstödet",
        "LUM",
        2015,
        250_000,
        [("hagersten-liljeholmen", "Hägersten-Liljeholmen")],
    ),
    SampleProject(
        "Barnsamtal i familjehemsvården",
        "LUM",
        2015,
        400_001,
        [("rinkeby-kista", "Rinkeby-Kista"), ("spanga-tensta", "Spånga-Tensta")],
    ),
)

FOU_2015_CRITERIA = (
    ("LUM", 2015, "bidra till bättre resultat för brukarna", "criterion"),
    ("LUM", 2015, "bedrivas nära praktiken", "criterion"),
    ("LUM", 2015, "ha ett tydligt Stockholmsperspektiv", "criterion"),
)

FOU_2015_FILES: dict[str, str] = {
    "transcript": "seeds/fou_2015.txt",
    "ocr": "scans/fou_2015_skannad.pdf",
    "text-layer": "digital/fou_2015.pdf",
}


def fou_2015_copy(kind: TextSource) -> DocumentResult:
    """The 2015 FoU decision as one of its files: "transcript", "ocr" (scan) or "text-layer"."""
    # The scan's OCR lost the ö and added a full stop; its dnr was read correctly.
    meta = replace(FOU_2015_META, title="FoU-plan for 2015.") if kind == "ocr" else FOU_2015_META
    return decision_result(
        FOU_2015_FILES[kind],
        text_source=kind,
        meta=meta,
        pages=[f"Socialnämnden FoU-plan 2015 ({kind})", "Lokala utvecklingsmedel 2015 ..."],
        projects=FOU_2015_PROJECTS,
        totals=[("LUM", 2015, "650 001 kronor", 650_001, False)],
        max_amounts=[("LUM", 2015, "300 000 kronor", 300_000)],
        criteria=FOU_2015_CRITERIA,
        ocr_confidence=71.5 if kind == "ocr" else None,
    )


def mul_2019() -> DocumentResult:
    """A 2019 decision: a project continued in Rinkeby-Kista, an application not granted."""
    return decision_result(
        "digital/mul_2019.pdf",
        text_source="text-layer",
        meta=DocumentMeta(
            committee="Socialnämnden",
            doc_type="tjänsteutlåtande",
            dnr="3.1-0110/2019",
            doc_date=dt.date(2019, 3, 12),
            title="Fördelning av medel för utvecklingsarbete 2019",
        ),
        pages=["Fördelning av MUL 2019", "Projekt ..."],
        projects=[
            SampleProject(
                "Motiverande samtal i försörjningsstödet!",
                "MUL",
                2019,
                150_000,
                [("rinkeby-kista", "Rinkeby-Kista stadsdelsförvaltning")],
            ),
            SampleProject(
                "Digitalt stöd för unga",
                "MUL",
                2019,
                99_000,
                [("alvsjo", "Älvsjö")],
                status="ansökt",
            ),
        ],
        totals=[("MUL", 2019, "cirka 200 000 kronor", 200_000, True)],
        max_amounts=[("MUL", 2019, "200 000 kronor", 200_000)],
        criteria=[("MUL", 2019, "metoden ska vara evidensbaserad", "priority")],
    )


def lum_2021() -> DocumentResult:
    """A 2021 protokollsutdrag without dnr, naming Järva; one project without district/year."""
    return decision_result(
        "scans/lum_2021.pdf",
        text_source="mixed",
        ocr_confidence=88.0,
        meta=DocumentMeta(
            committee="Socialnämnden",
            doc_type="protokollsutdrag",
            doc_date=dt.date(2021, 2, 23),
            title="Lokala utvecklingsmedel 2021",
        ),
        pages=["Protokollsutdrag LUM 2021", "Järva stadsdelsförvaltning 300 000 kr"],
        projects=[
            SampleProject(
                "Motiverande samtal i forsorjningsstodet",
                "LUM",
                2021,
                300_000,
                [("jarva", "Järva stadsdelsförvaltning")],
            ),
            SampleProject("Stadsövergripande utvärdering", "LUM", None, 50_000),
        ],
        totals=[("LUM", 2021, "350 000 kronor", 350_000, False)],
        max_amounts=[("LUM", 2021, "350 000 kronor", 350_000)],
        criteria=[
            ("LUM", 2021, "bidra till bättre resultat för brukarna", "criterion"),
            ("LUM", 2021, "ha ett tydligt Stockholmsperspektiv", "criterion"),
        ],
    )


def sample_corpus() -> list[DocumentResult]:
    """Three copies of the 2015 decision, decisions from 2019 and 2021, and a failed file."""
    return [
        fou_2015_copy("transcript"),
        fou_2015_copy("ocr"),
        fou_2015_copy("text-layer"),
        mul_2019(),
        lum_2021(),
        failed_result("scans/trasig.pdf"),
    ]
