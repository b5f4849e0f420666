"""PDF files: sniffing and opening (with repair), the per-page text-layer check, and
text-layer extraction.

pypdfium2 opens files and does the fast per-page check (~1,000 pages/s); pdfplumber extracts
the text of upright pages; poppler's ``pdftotext`` reads pages whose text runs sideways
(``/Rotate``, rotated text matrices), where pdfplumber and pdfium scramble the order.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import textwrap
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pypdfium2 as pdfium

from pipeline.config import OcrSettings
from pipeline.errors import InputError, PageError
from pipeline.text import quality
from pipeline.text.layer import CidText, pdfium_words
from pipeline.text.pdf_repair import repaired_bytes, sniff
from pipeline.text.render import image_cover
from pipeline.text.results import LayerCheck
from pipeline.text.spacing import char_width, join_rows, spaced_line

#: At most this share of a text layer's characters may be unmapped glyphs, control or
#: private-use characters; above it the layer is garbage (typically lost å/ä/ö).
MAX_BAD_CHAR_SHARE = 0.01
#: Letters and digits among a usable layer's non-space characters.
MIN_ALNUM_SHARE = 0.5
#: Dictionary share is judged only on layers with at least this many tokens.
MIN_TOKENS_FOR_DICT = 10
#: A page mostly covered by an image with fewer text-layer characters than this is a scan
#: with a stamp or a header in text; it is OCR'd whole.
SCAN_STAMP_CHARS = 200
SCAN_COVER = 0.5
#: pdfium marks hyphenation points with these; they are not garbage.
_HYPHEN_MARKS = {"\x02", "\ufffe"}
PDFTOTEXT_TIMEOUT_S = 60


@dataclass(frozen=True)
class PdfProbe:
    """Page count and, per page, whether it has a usable text layer."""

    n_pages: int
    text_pages: tuple[bool, ...]


# ------------------------------------------------------------------ opening


@dataclass
class OpenPdf:
    path: Path
    doc: pdfium.PdfDocument
    repaired: bytes | None  # the repaired file, when the original could not be read as is
    plumber: Any = None  # the file opened by pdfplumber, once a page needs it (`_plumber`)
    pike: Any = None  # the file opened by pikepdf, once a page needs it (`_pike`)

    def __len__(self) -> int:
        return len(self.doc)

    def close(self) -> None:
        if self.plumber is not None:
            self.plumber.close()
            self.plumber = None
        if self.pike is not None:
            self.pike.close()
            self.pike = None
        self.doc.close()


@contextmanager
def open_pdf(path: Path) -> Iterator[OpenPdf]:
    """Open a PDF for reading; raise `InputError` with a one-line reason if it can't be.

    Files pdfium cannot open, or in which it finds no pages, go through qpdf, which repairs
    broken cross-reference tables and tells why a file cannot be read (pdfium's error codes
    are unreliable: a failure that sets none reports the previous file's). Owner-password-only
    encryption needs no password and is read normally.
    """
    pdf = _open(Path(path))
    try:
        yield pdf
    finally:
        pdf.close()


def _open(path: Path) -> OpenPdf:
    sniff(path)
    repaired: bytes | None = None
    try:
        doc = pdfium.PdfDocument(str(path))
        if len(doc) == 0:
            doc.close()
            raise pdfium.PdfiumError("no pages found")
    except pdfium.PdfiumError as exc:
        repaired = repaired_bytes(path, str(exc))
        try:
            doc = pdfium.PdfDocument(repaired)
        except pdfium.PdfiumError as exc2:
            raise InputError(f"corrupt PDF that cannot be repaired ({exc2})") from exc2
    if len(doc) == 0:
        doc.close()
        raise InputError("PDF has no pages")
    return OpenPdf(path, doc, repaired)


_held = threading.local()  # this worker's open PDF: (identity, OpenPdf)


@contextmanager
def worker_pdf(path: Path) -> Iterator[OpenPdf]:
    """`open_pdf`, kept open for the next task of this worker (thread) on the same file.

    A document's pages are read by tasks that mostly land on the same few workers: each
    worker opens a PDF (pdfium, and pdfplumber when a page needs it) once, not per page.
    One file is held at a time, so memory stays flat; a file changed on disk (size or
    mtime) is opened afresh.
    """
    path = Path(path)
    try:
        st = path.stat()
        key: tuple[str, int, int] | None = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None  # sniff() says why
    held = getattr(_held, "pdf", None)
    if held is not None and key is not None and held[0] == key:
        yield held[1]
        return
    release_worker_pdf()
    pdf = _open(path)
    _held.pdf = (key, pdf)
    yield pdf


def release_worker_pdf() -> None:
    """Close the PDF this worker holds, if any."""
    held = getattr(_held, "pdf", None)
    _held.pdf = None
    if held is not None:
        held[1].close()


def probe_pdf(path: Path, settings: OcrSettings) -> PdfProbe:
    """Count the pages and tell which have a usable text layer (no OCR, no rendering)."""
    with open_pdf(path) as pdf:
        flags: list[bool] = []
        for i in range(len(pdf)):
            try:
                page = pdf.doc[i]
            except pdfium.PdfiumError:
                flags.append(False)  # read_page will report this page as failed
                continue
            try:
                flags.append(check_text_layer(page, settings).usable)
            finally:
                page.close()
        return PdfProbe(n_pages=len(flags), text_pages=tuple(flags))


# ------------------------------------------------------------------ text layer


def _pdfium_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()


def _bad_char(c: str) -> bool:
    return c == "\ufffd" or (
        c not in _HYPHEN_MARKS and unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn")
    )


def check_text_layer(
    page: pdfium.PdfPage, settings: OcrSettings, textpage: pdfium.PdfTextPage | None = None
) -> LayerCheck:
    """Is the page's text layer worth using instead of OCR? `textpage`: the page's text
    page, if the caller has loaded it (it stays open)."""
    text = _pdfium_text(page) if textpage is None else textpage.get_text_range()
    # counted per distinct character: a page has thousands of characters but few distinct
    visible = {c: k for c, k in Counter(text).items() if not c.isspace()}
    n = sum(visible.values())
    rotation = page.get_rotation()
    if n < settings.min_text_chars:
        reason = "no text layer" if n == 0 else f"text layer too short ({n} characters)"
        return LayerCheck(False, n, reason, rotation=rotation)
    bad = sum(k for c, k in visible.items() if _bad_char(c))
    if bad > MAX_BAD_CHAR_SHARE * n:
        return LayerCheck(False, n, f"text layer has {bad} unmapped glyphs", rotation=rotation)
    if sum(k for c, k in visible.items() if c.isalnum()) < MIN_ALNUM_SHARE * n:
        return LayerCheck(False, n, "text layer is mostly symbols", rotation=rotation)
    share = quality.dictionary_share(text, min_tokens=MIN_TOKENS_FOR_DICT)
    if share is not None and share < quality.GARBLED_DICT_SHARE:
        reason = f"text layer is not words (dictionary share {share:.2f})"
        return LayerCheck(False, n, reason, share, rotation, unlike_words=True)
    if n < SCAN_STAMP_CHARS and image_cover(page) >= SCAN_COVER:
        return LayerCheck(False, n, "scanned page with a short text stamp", share, rotation)
    return LayerCheck(True, n, "", share, rotation)


def _tidy(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


#: a word that is nothing but one unmapped glyph code, as symbol-font bullets come out
_LONE_GLYPH = re.compile(r"\(cid:\d+\)")


def _pdfplumber_text(pdf: OpenPdf, page_no: int) -> tuple[str, float, list[dict[str, Any]]]:
    """Text in reading order, the share of characters that are not upright, and the words
    with their boxes in points (kept for the review page: :mod:`.boxes`)."""
    page = _plumber(pdf).pages[page_no - 1]
    try:
        chars = page.chars
        sideways = sum(1 for c in chars if not c.get("upright", True)) / max(1, len(chars))
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
        for w in words:  # a glyph without a Unicode mapping standing alone: a list bullet
            if _LONE_GLYPH.fullmatch(w["text"]):
                w["text"] = "•"
        return _tidy(_spaced_text(page, words)), sideways, words
    finally:
        page.close()  # drops the page's parsed objects: memory stays flat over long files


def _pike(pdf: OpenPdf) -> Any:
    """The file opened by pikepdf once for all its pages (fonts and content for `.layer`)."""
    if pdf.pike is None:
        pdf.pike = pikepdf.open(io.BytesIO(pdf.repaired) if pdf.repaired else pdf.path)
    return pdf.pike


def _pdfium_layer(
    pdf: OpenPdf,
    page_no: int,
    page: pdfium.PdfPage | None,
    textpage: pdfium.PdfTextPage | None,
) -> tuple[str, list[dict[str, Any]]] | None:
    """The page's text and words read by pdfium as pdfplumber would read them (`.layer`),
    or None when pdfplumber must read the page. Raises `layer.CidText`."""
    own = page is None
    if page is None:
        page = pdf.doc[page_no - 1]
    try:
        words = pdfium_words(page, _pike(pdf).pages[page_no - 1], textpage)
    except (pikepdf.PdfError, IndexError, ValueError):
        return None  # pikepdf cannot read what pdfium did: pdfplumber (or pdftotext) will
    finally:
        if own:
            page.close()
    if not words:
        return None
    return _tidy(_spaced_text(None, words)), words


def _plumber(pdf: OpenPdf) -> Any:
    """The file opened by pdfplumber once for all its pages (opening it per page re-reads the
    whole page tree each time: quadratic in the page count)."""
    if pdf.plumber is None:
        src: Path | io.BytesIO = io.BytesIO(pdf.repaired) if pdf.repaired else pdf.path
        pdf.plumber = pdfplumber.open(src)
    return pdf.plumber


#: words whose tops differ by less than this (points) stand on one line
_LINE_TOLERANCE_PT = 3.0


def _spaced_text(page: Any, words: list[dict[str, Any]]) -> str:
    """The page's words in reading order, one text line per printed line, with the wide
    gaps of table cells and indentation kept (:mod:`.spacing`); pdfplumber's own plain text
    when the page has no words."""
    if not words:
        return page.extract_text(layout=False) or ""
    words = sorted(words, key=lambda w: (round(w["top"], 1), w["x0"]))
    rows: list[list[dict[str, Any]]] = []
    for w in words:
        if rows and abs(w["top"] - rows[-1][0]["top"]) <= _LINE_TOLERANCE_PT:
            rows[-1].append(w)
        else:
            rows.append([w])
    boxes = [(float(w["x0"]), float(w["x1"]), str(w["text"])) for w in words]
    cw = char_width(boxes)
    margin = min(b[0] for b in boxes)
    return join_rows(
        [
            (
                min(float(w["top"]) for w in r),
                max(float(w["bottom"]) for w in r),
                spaced_line(
                    [
                        (float(w["x0"]), float(w["x1"]), str(w["text"]))
                        for w in sorted(r, key=lambda w: w["x0"])
                    ],
                    cw,
                    margin,
                ),
            )
            for r in rows
        ]
    )


def _pdftotext(pdf: OpenPdf, page_no: int) -> str:
    """poppler's reading order (it follows rotated pages and text)."""
    with tempfile.TemporaryDirectory(prefix="namnd_pdf_") as tmp:
        src = pdf.path
        if pdf.repaired:
            src = Path(tmp) / "repaired.pdf"
            src.write_bytes(pdf.repaired)
        cmd = ["pdftotext", "-f", str(page_no), "-l", str(page_no), "-layout", "-enc", "UTF-8"]
        cmd += [str(src), "-"]
        try:
            out = subprocess.run(cmd, capture_output=True, timeout=PDFTOTEXT_TIMEOUT_S, check=True)
        except FileNotFoundError as exc:
            raise PageError("pdftotext (poppler-utils) is not installed") from exc
        except subprocess.TimeoutExpired as exc:
            raise PageError(f"pdftotext timed out after {PDFTOTEXT_TIMEOUT_S} s") from exc
        except subprocess.CalledProcessError as exc:
            raise PageError(
                f"pdftotext failed: {exc.stderr.decode(errors='replace')[:160]}"
            ) from exc
    # -layout: the default mode joins hyphenated line ends, which pdfplumber does not
    text = out.stdout.decode("utf-8", errors="replace").replace("\f", "")
    return _tidy(textwrap.dedent(text))


def text_layer(
    pdf: OpenPdf,
    page_no: int,
    check: LayerCheck,
    page: pdfium.PdfPage | None = None,
    textpage: pdfium.PdfTextPage | None = None,
) -> tuple[str, str, list[dict[str, Any]]]:
    """The page's text layer in reading order, which tool read it, and pdfplumber's words
    with their boxes in points when pdfplumber's text was taken (else none). `page` and
    `textpage`: the page as pdfium has it open already (they stay open).

    Upright pages go through pdfplumber — or, where the page is a plain case, through
    pdfium with the same result (`.layer`: same words, same boxes, same text; about 20
    times faster); the method is "pdfplumber" either way. Pages turned by /Rotate, pages whose characters are
    mostly not upright, and pages where pdfplumber's words are garbled (low dictionary share
    or ``(cid:…)`` codes) are read by pdftotext; the more word-like of the two wins. Files
    pdfminer cannot parse (damaged ones pdfium tolerated) are read by pdftotext too.
    """
    if check.rotation % 360:
        return _pdftotext(pdf, page_no), "pdftotext", []
    try:
        fast = _pdfium_layer(pdf, page_no, page, textpage)
    except CidText:  # an unmapped glyph: pdfplumber reads a lone one as a bullet
        fast = None
    try:
        if fast is not None:
            (text, words), sideways = fast, 0.0
        else:
            text, sideways, words = _pdfplumber_text(pdf, page_no)
    except Exception:  # pdfminer is stricter than pdfium about damaged files; poppler is not
        return _pdftotext(pdf, page_no), "pdftotext", []
    share = quality.dictionary_share(text) or 0.0
    if sideways < 0.2 and "(cid:" not in text and share >= quality.GARBLED_DICT_SHARE:
        return text, "pdfplumber", words
    alt = _pdftotext(pdf, page_no)
    if sideways >= 0.2 or "(cid:" in text or (quality.dictionary_share(alt) or 0.0) > share:
        return alt, "pdftotext", []
    return text, "pdfplumber", words
