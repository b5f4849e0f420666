"""In-process Tesseract (tesserocr): the CLI's recognition without a process per page.

Every ``tesseract`` call of `.tesseract` starts a process, loads the Swedish model and reads
the page from a temp file. A worker here keeps one `PyTessBaseAPI` per language, loaded at
its first page, and hands it the page image's bytes as they are (greyscale, one byte a
pixel: no temp file, no encoding). What it answers is what the CLI writes: the TSV of
``-c tessedit_create_tsv=1`` (`GetTSVText`, parsed as pytesseract parses the file, so that
`.tesseract` builds words and page text from it unchanged) and the orientation of
``--psm 0`` (`DetectOrientationScript`, the function behind the CLI's ``Rotate:`` and
``Orientation confidence:`` lines, confidence printed to two decimals as the CLI does).

tesserocr is built from source against Debian's libtesseract (``make``: the ``inprocess``
extra with ``--no-binary tesserocr``), so it runs the CLI's very library (5.3.0) on the CLI's
models (the ``--list-langs`` folder) and reads a page exactly as the CLI does
(tests/bench/README.md, thirteenth round). PyPI's wheel bundles a libtesseract of its own
(5.5.4 in tesserocr 2.13.0), which reads a few characters of some pages differently
(eleventh round): "auto" does not use it, and asked for by name its identity is in the text
stage's fingerprint (`pipeline.run.fingerprint.ocr_engine`, `same_library`), so its cache is
never taken for the CLI's.
"""

from __future__ import annotations

import os
import time
from typing import Any

import numpy as np

from pipeline.errors import PageError

# Debian's libtesseract runs OpenMP threads, and libgomp reads its thread limit once, when
# tesserocr first loads it: in a worker, or in the main process (`fingerprint.ocr_engine`
# tries the engine there), whose workers fork with the limit it had. Unlimited, a page took
# 12.5 s of CPU instead of 2.5 s on 2 cores (the threads spin), as the CLI's OpenMP threads
# did (`.tesseract`).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

#: The TSV columns, in the order Tesseract writes them (`GetTSVText` leaves out the header).
TSV_COLUMNS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)


def identity() -> str:
    """``tesserocr 2.13.0 (tesseract 5.5.4)``: the binding's version and its libtesseract's."""
    import tesserocr

    lib = (tesserocr.tesseract_version().splitlines() or ["tesseract ?"])[0].strip()
    return f"tesserocr {getattr(tesserocr, '__version__', '?')} ({lib})"


class InProcess:
    """One worker's Tesseract: a recognition API for `lang` (made now, so that a broken
    install fails here, where the caller falls back to the CLI) and an OSD API made at the
    first orientation question."""

    def __init__(self, tessdata: str, lang: str) -> None:
        import tesserocr

        self._tesserocr = tesserocr
        self.tessdata = tessdata.rstrip("/") + "/"
        self.lang = lang
        self._api = tesserocr.PyTessBaseAPI(path=self.tessdata, lang=lang)
        self._osd: Any = None

    def data(
        self, image: np.ndarray, *, dpi: int, psm: int, timeout: float
    ) -> dict[str, list[Any]]:
        """Recognise `image` (greyscale uint8): the TSV as pytesseract's `image_to_data`
        returns it (`Output.DICT`)."""
        api = self._api
        api.SetPageSegMode(psm)
        api.SetVariable("user_defined_dpi", str(dpi))  # what the CLI's --dpi sets
        _set_image(api, image)
        try:
            started = time.perf_counter()
            if not api.Recognize(timeout=max(1, round(timeout * 1000))):
                if time.perf_counter() - started >= timeout:
                    raise PageError(f"OCR timed out after {timeout:g} s")
                raise PageError("Tesseract failed: recognition returned no result")
            return tsv_dict(api.GetTSVText(0))
        finally:
            api.Clear()  # the image and results; the model stays loaded

    def orientation_api(self) -> Any:
        """The OSD API (``osd`` model, OSD only), made at the first question."""
        if self._osd is None:
            self._osd = self._tesserocr.PyTessBaseAPI(
                path=self.tessdata, lang="osd", psm=self._tesserocr.PSM.OSD_ONLY
            )
        return self._osd

    def orientation(self, image: np.ndarray, *, dpi: int) -> tuple[int, float] | None:
        """(clockwise degrees to turn the image upright, confidence), as the CLI's ``--psm 0``
        prints them, or None when OSD cannot tell (too few characters)."""
        api = self.orientation_api()
        api.SetVariable("user_defined_dpi", str(dpi))
        _set_image(api, image)
        try:
            found = api.DetectOrientationScript()
        finally:
            api.Clear()
        if not found:
            return None
        # the CLI prints Rotate = (360 - orientation) % 360 and the confidence as "%.2f"
        return (360 - int(found["orient_deg"])) % 360, float(f"{found['orient_conf']:.2f}")

    def close(self) -> None:
        for api in (self._api, self._osd):
            if api is not None:
                api.End()


def _set_image(api: Any, image: np.ndarray) -> None:
    gray = np.ascontiguousarray(image, dtype=np.uint8)
    if gray.ndim != 2:
        raise PageError(f"Tesseract failed: expected a greyscale image, got shape {gray.shape}")
    height, width = gray.shape
    api.SetImageBytes(gray.tobytes(), width, height, 1, width)


def tsv_dict(tsv: str) -> dict[str, list[Any]]:
    """Tesseract's TSV rows (no header) as pytesseract's `file_to_dict` reads the CLI's file:
    every column but the text as ``int(float(cell))`` (confidences truncated, as the CLI path
    has them), the text as written."""
    out: dict[str, list[Any]] = {name: [] for name in TSV_COLUMNS}
    last = len(TSV_COLUMNS) - 1
    for row in tsv.strip("\n").split("\n"):
        if not row:
            continue
        cells = row.split("\t")
        if len(cells) < len(TSV_COLUMNS):
            cells += [""] * (len(TSV_COLUMNS) - len(cells))
        for i, name in enumerate(TSV_COLUMNS):
            cell = cells[i]
            if i == last:
                out[name].append(cell)
                continue
            try:
                out[name].append(int(float(cell)))
            except ValueError:
                out[name].append(cell)
    return out
