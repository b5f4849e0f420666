"""Tesseract adapter: one call = one recognition of one page image.

Two engines give the same answer (the TSV of ``-c tessedit_create_tsv=1``, the orientation
of ``--psm 0``): in-process Tesseract (`.tesseract_inprocess`, tesserocr: one API per worker,
models loaded once; ``NAMND_OCR_ENGINE=auto``, the default, when tesserocr runs the CLI's
libtesseract) and the CLI, one process per call (the fallback, or ``cli``). A worker that
cannot start the in-process engine says so once and uses the CLI.

Images reach the CLI as an uncompressed PGM temp file plus ``--dpi``: saving a noisy A4 page
as PNG (pytesseract's default for PIL images) takes ~1.3 s, about as long as the OCR itself,
while PGM takes ~15 ms. Every call has a timeout; pytesseract kills the process when it
expires (the in-process engine stops recognising) and we turn that into a `PageError`.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from pipeline.errors import PageError
from pipeline.records import Word
from pipeline.run.faults import pause_point
from pipeline.text.columns import Line, reading_groups
from pipeline.text.spacing import char_width, join_rows, spaced_line
from pipeline.text.tesseract_check import INSTALL_HINT, check_tesseract  # noqa: F401 (re-exported)
from pipeline.text.tesseract_inprocess import (  # noqa: F401 (tsv_dict for tests)
    InProcess,
    identity,
    tsv_dict,
)

log = logging.getLogger(__name__)

# Tesseract's OpenMP threads fight each other when several worker processes run pages in
# parallel: a page becomes several times slower on 2 cores. Workers are the parallelism.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


#: this process's in-process engine per language (None: the CLI), made at the first page
_ENGINES: dict[tuple[str, str], InProcess | None] = {}


def _inprocess(engine: str, lang: str) -> InProcess | None:
    """The in-process engine for `lang`, or None for the CLI: asked for (`engine` "cli"), or
    tesserocr missing, failing to start or, under "auto", running another libtesseract than
    the CLI's. A failed start is said once per process; under "auto" the other two are not,
    as a run has said them already (it settles "auto" before its workers start)."""
    if engine == "cli":
        return None
    key = (engine, lang)
    if key not in _ENGINES:
        from pipeline.run.fingerprint import same_library, tessdata_dir

        found: InProcess | None = None
        try:
            found = InProcess(tessdata_dir(), lang)
            if engine == "auto" and not same_library(identity()):
                found.close()
                found = None
        except ImportError as exc:
            if engine != "auto":
                log.warning(
                    "OCR engine: tesserocr is not installed (%s); using the tesseract CLI", exc
                )
        except Exception as exc:  # a broken wheel or model folder: the CLI still reads pages
            log.warning("OCR engine: tesserocr failed to start (%s); using the tesseract CLI", exc)
        _ENGINES[key] = found
    return _ENGINES[key]


def _pytesseract() -> Any:
    """pytesseract, imported at the first OCR call: it imports pandas (about 0.5 s and tens
    of MiB), which a worker that only reads text layers never needs (issue 19)."""
    import pytesseract

    return pytesseract


def __getattr__(name: str) -> Any:  # `tesseract.pytesseract` still names the module
    if name == "pytesseract":
        return _pytesseract()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class OcrRun:
    """What one Tesseract recognition pass returned."""

    text: str
    words: tuple[Word, ...]
    confidence: float | None  # mean word confidence 0-100, None when no words
    psm: int
    seconds: float

    @property
    def n_chars(self) -> int:
        """Characters recognised, whitespace excluded."""
        return sum(len(w.text) for w in self.words)


@contextmanager
def _image_file(image: Image.Image | np.ndarray) -> Iterator[str]:
    """The image as an uncompressed PGM/PBM temp file (deleted afterwards)."""
    pil = Image.fromarray(image) if isinstance(image, np.ndarray) else image
    if pil.mode not in ("L", "1"):
        pil = pil.convert("L")
    fd, name = tempfile.mkstemp(prefix="namnd_ocr_", suffix=".pgm")
    os.close(fd)
    try:
        pil.save(name, format="PPM")
        yield name
    finally:
        Path(name).unlink(missing_ok=True)


def _timeout_error(timeout: float) -> PageError:
    return PageError(f"OCR timed out after {timeout:g} s")


def recognise(
    image: Image.Image | np.ndarray,
    *,
    lang: str,
    dpi: int,
    psm: int,
    timeout: float,
    engine: str = "cli",
) -> OcrRun:
    """Run Tesseract once (`image_to_data`) and rebuild the page text from its lines.
    `engine`: "auto" or "tesserocr" (in-process, the CLI when it cannot start) or "cli"."""
    start = time.perf_counter()
    inprocess = _inprocess(engine, lang)
    if inprocess is not None:
        pause_point("tesseract")  # crash-safety tests only: freezes here until killed
        data = inprocess.data(np.asarray(_gray(image)), dpi=dpi, psm=psm, timeout=timeout)
    else:
        data = _cli_data(image, lang=lang, dpi=dpi, psm=psm, timeout=timeout)
    words = tuple(_words(data))
    confs = [w.conf for w in words if w.conf >= 0]
    return OcrRun(
        text=page_text(words),
        words=words,
        confidence=round(sum(confs) / len(confs), 2) if confs else None,
        psm=psm,
        seconds=time.perf_counter() - start,
    )


def _gray(image: Image.Image | np.ndarray) -> Image.Image | np.ndarray:
    """A greyscale image as the CLI gets it (PGM: mode L; a 1-bit image as 0/255)."""
    if isinstance(image, np.ndarray):
        return image
    return image if image.mode == "L" else image.convert("L")


def _cli_data(
    image: Image.Image | np.ndarray, *, lang: str, dpi: int, psm: int, timeout: float
) -> dict[str, list[Any]]:
    config = f"--psm {psm} --dpi {dpi}"
    pytesseract = _pytesseract()
    with _image_file(image) as name:
        pause_point("tesseract")  # crash-safety tests only: freezes here until killed
        try:
            data: dict[str, list[Any]] = pytesseract.image_to_data(
                name,
                lang=lang,
                config=config,
                timeout=timeout,
                output_type=pytesseract.Output.DICT,
            )
        except RuntimeError as exc:  # pytesseract's "Tesseract process timeout"
            if "timeout" in str(exc).lower():
                raise _timeout_error(timeout) from exc
            raise PageError(f"Tesseract failed: {exc}") from exc
        except pytesseract.TesseractError as exc:
            raise PageError(f"Tesseract failed: {exc.message or exc.status}") from exc
    return data


def _words(data: dict[str, list[Any]]) -> Iterator[Word]:
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if int(data["level"][i]) != 5 or not text:
            continue
        yield Word(
            text=text,
            left=int(data["left"][i]),
            top=int(data["top"][i]),
            width=int(data["width"][i]),
            height=int(data["height"][i]),
            conf=float(data["conf"][i]),
            block=int(data["block_num"][i]),
            par=int(data["par_num"][i]),
            line=int(data["line_num"][i]),
        )


def page_text(words: tuple[Word, ...]) -> str:
    """Words joined into lines; a blank line where the page leaves a vertical gap (paragraphs).
    Wide gaps inside a line and indented lines keep their width (:mod:`.spacing`), and blocks
    that stand side by side (a table's columns) are read row by row (:mod:`.columns`)."""
    boxes = [(float(w.left), float(w.left + w.width), w.text) for w in words]
    cw = char_width(boxes)
    margin = min((w.left for w in words), default=0)
    lines: list[Line] = []
    for w in words:
        key = (w.block, w.par, w.line)
        if lines and lines[-1].key == key:
            lines[-1].words.append(w)
        else:
            lines.append(Line(key, [w]))

    def spaced(ln: Line) -> str:
        ordered = sorted(ln.words, key=lambda w: w.left)
        return spaced_line(
            [(float(w.left), float(w.left + w.width), w.text) for w in ordered], cw, margin
        )

    # a blank line where the page leaves one (a vertical gap clearly taller than the line
    # pitch), not at each of Tesseract's paragraphs: it starts one per table row
    return "\n\n".join(
        join_rows([(ln.top, ln.bottom, spaced(ln)) for ln in group])
        for group in reading_groups(lines)
    )


_OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_OSD_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


def detect_orientation(
    image: Image.Image | np.ndarray,
    *,
    dpi: int,
    timeout: float,
    engine: str = "cli",
    lang: str = "swe",
) -> tuple[int, float] | None:
    """Tesseract OSD: (clockwise degrees to turn the image upright, confidence), or None when
    OSD cannot tell (sparse page, too few characters). `engine` as for `recognise` (`lang`:
    the language whose in-process engine answers)."""
    inprocess = _inprocess(engine, lang)
    if inprocess is not None:
        return inprocess.orientation(np.asarray(_gray(image)), dpi=dpi)
    pytesseract = _pytesseract()
    with _image_file(image) as name:
        try:
            osd = pytesseract.image_to_osd(name, config=f"--psm 0 --dpi {dpi}", timeout=timeout)
        except RuntimeError as exc:
            if "timeout" in str(exc).lower():
                raise _timeout_error(timeout) from exc
            return None
        except pytesseract.TesseractError:
            return None  # "Too few characters. Skipping this page": nothing to orient by
    rotate, conf = _OSD_ROTATE.search(osd), _OSD_CONF.search(osd)
    if not rotate or not conf:
        return None
    return int(rotate.group(1)) % 360, float(conf.group(1))
