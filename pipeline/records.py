"""Typed, immutable records passed between pipeline stages.

Every stage takes and returns these frozen dataclasses; nothing else crosses a stage
boundary. Each extracted value carries its provenance (document, page, source text).
`to_jsonable` / `from_jsonable` turn any record into JSON-ready data and back, which is how
stage outputs are cached under ``extracted/``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

TextSource = Literal["text-layer", "ocr", "mixed", "transcript", "none"]
Quality = Literal["good", "doubtful", "failed"]


# --------------------------------------------------------------------------- input files


@dataclass(frozen=True)
class SourceFile:
    """A file found under the raw root."""

    path: str  # absolute path on disk
    source_path: str  # relative to the raw root, with "/" separators
    sha256: str
    doc_id: str  # first 16 hex characters of sha256
    size: int
    media_type: str  # "application/pdf" | "text/plain" | "unsupported"


# --------------------------------------------------------------------------- text stage


@dataclass(frozen=True)
class Word:
    """One OCR word with its box (pixels at the OCR resolution) and confidence 0-100."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    block: int = 0
    par: int = 0
    line: int = 0


@dataclass(frozen=True)
class PageText:
    """The text of one page, however it was obtained, with a record of how."""

    page_no: int  # 1-based
    text: str
    source: TextSource
    confidence: float | None = None  # mean OCR word confidence 0-100; None if not OCR'd
    quality: Quality = "good"
    method: str = ""  # e.g. "pdfplumber", "tesseract psm3", "tesseract psm6+otsu"
    retries: int = 0
    dict_share: float | None = None  # share of tokens that are dictionary words
    ink_ratio: float | None = None  # text produced relative to ink on the page
    rotation: int = 0  # degrees the page image was turned before OCR
    error: str | None = None  # why the page failed, if it did
    seconds: float = 0.0
    words: tuple[Word, ...] = ()
    dpi: int | None = None  # resolution of the OCR image (word boxes are in these pixels)
    #: affine (a, b, c, d, e, f) from word coordinates to PDF points of the page as displayed,
    #: top-left origin: x_pt = a·x + b·y + c, y_pt = d·x + e·y + f; () without boxes
    #: (transcripts, pages read by pdftotext). See pipeline.text.boxes.
    to_pdf: tuple[float, ...] = ()


@dataclass(frozen=True)
class DocumentText:
    """All pages of one input file."""

    doc_id: str
    sha256: str
    source_path: str
    media_type: str
    text_source: TextSource
    pages: tuple[PageText, ...]

    @property
    def ocr_confidence(self) -> float | None:
        confs = [p.confidence for p in self.pages if p.source == "ocr" and p.confidence is not None]
        return sum(confs) / len(confs) if confs else None

    @property
    def failed_pages(self) -> tuple[PageText, ...]:
        return tuple(p for p in self.pages if p.quality == "failed")


# --------------------------------------------------------------------------- understanding


@dataclass(frozen=True)
class Line:
    """One line of a page after repair; `furniture` names what it is when not body text."""

    page_no: int
    line_no: int  # 0-based within the page's clean text
    text: str
    furniture: str | None = None  # None = body; else "header" | "footer" | "page_number" |
    # "letterhead" | "field_error" | "url" | "address" | "footnote"


@dataclass(frozen=True)
class Repair:
    """One word changed by the repair of a page: on clean line `line_no`, `before` (as the
    lexicon pass left it) became `after`, for `reason` (see `understand.context_repair`)."""

    line_no: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class CleanPage:
    page_no: int
    raw_text: str
    clean_text: str
    lines: tuple[Line, ...]
    repairs: tuple[Repair, ...] = ()  # the context pass's changes, in page order

    @property
    def body_text(self) -> str:
        return "\n".join(ln.text for ln in self.lines if ln.furniture is None)


@dataclass(frozen=True)
class Section:
    """A part of the body under one heading ("Sammanfattning", "Ärendet", a sub-heading …)."""

    kind: str  # canonical: "forslag_till_beslut", "beslut", "sammanfattning", "bakgrund",
    # "beredning", "arendet", "synpunkter", "beslutsgang", "sarskilt_uttalande", "bilagor",
    # "ekonomi" (Ekonomiska konsekvenser),
    # "preamble" (before the first heading), "subheading" (any other heading)
    heading: str  # as printed (repaired text)
    level: int  # 1 = standard part, 2 = sub-heading
    page_no: int  # page of the heading
    lines: tuple[Line, ...]
    parent: str | None = None  # kind of the enclosing level-1 section for sub-headings

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


@dataclass(frozen=True)
class DocumentMeta:
    committee: str | None = None
    committee_as_printed: str | None = None
    doc_type: str | None = None  # tjänsteutlåtande | protokollsutdrag | protokoll | bilaga | other
    dnr: str | None = None
    dnr_as_printed: str | None = None
    doc_date: dt.date | None = None
    meeting_date: dt.date | None = None
    title: str | None = None
    handlaggare: str | None = None
    #: the ärende's heading when the title is another (a whole protocol named "Protokoll
    #: 6/2009": its first § of substance), which the facts take their year and fund from
    subject: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)  # field -> source text
    confidence: dict[str, float] = field(default_factory=dict)  # field -> 0..1


@dataclass(frozen=True)
class Decision:
    item_no: int
    text: str
    page_no: int
    evidence: str = ""


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str | None
    page_no: int


@dataclass(frozen=True)
class UnderstoodDocument:
    """Output of the understanding stage: repaired pages, sections, metadata."""

    doc_id: str
    pages: tuple[CleanPage, ...]
    sections: tuple[Section, ...]
    meta: DocumentMeta
    decisions: tuple[Decision, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    lexicon: str = ""  # digest of the learned domain lexicon its OCR repair read ("" none)


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class ProjectDistrict:
    district_id: str
    name_as_printed: str


@dataclass(frozen=True)
class Project:
    project_id: str  # from content: doc, folded name, fund, occurrence (pipeline.facts.ids)
    name: str
    fund_type: str | None
    year: int | None
    status: str | None  # ansökt | beviljad | pågående | genomförd
    amount_sek: int | None
    performer: str | None
    end_date: dt.date | None
    description: str | None
    page_no: int
    evidence: str
    confidence: float
    districts: tuple[ProjectDistrict, ...] = ()


@dataclass(frozen=True)
class Amount:
    amount_id: str  # from content: doc, page, raw, kind, occurrence (pipeline.facts.ids)
    sek: int
    raw: str
    approximate: bool
    kind: str  # max_per_application | total_granted | project_cost | budget | state_grant | other
    fund_type: str | None
    year: int | None
    project_id: str | None
    page_no: int
    evidence: str
    confidence: float = 0.5


@dataclass(frozen=True)
class Criterion:
    fund_type: str | None
    year: int | None
    position: int
    text: str
    kind: str  # criterion | priority | focus_area
    page_no: int
    evidence: str
    confidence: float = 0.5


@dataclass(frozen=True)
class DistrictMention:
    district_id: str
    name_as_printed: str
    page_no: int
    confidence: float = 1.0


@dataclass(frozen=True)
class Facts:
    """Output of the extraction stage."""

    doc_id: str
    projects: tuple[Project, ...] = ()
    amounts: tuple[Amount, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    mentions: tuple[DistrictMention, ...] = ()


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class DocumentResult:
    """What one file produced in one run: everything the loader needs."""

    source: SourceFile
    status: Literal["ok", "partial", "failed", "unsupported"]
    stage: str  # last stage reached (or the one that failed)
    error: str | None
    text: DocumentText | None = None
    understood: UnderstoodDocument | None = None
    facts: Facts | None = None
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None


# --------------------------------------------------------------------------- JSON round trip

T = TypeVar("T")


def to_jsonable(obj: Any) -> Any:
    """Turn a record (nested dataclasses, tuples, dates) into JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, dt.datetime):
        return obj.isoformat()
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def from_jsonable(cls: type[T], data: Any) -> T:
    """Rebuild a record of type `cls` from `to_jsonable` output."""
    return typing.cast(T, _convert(cls, data))


def _convert(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], data) if len(args) == 1 else data
    if origin is Literal:
        return data
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_convert(inner, x) for x in data)
    if origin is dict:
        return dict(data)
    if tp is dt.datetime:
        return dt.datetime.fromisoformat(data)
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _convert(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return typing.cast(Any, tp)(**kwargs)
    return data
