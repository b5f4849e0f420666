"""pdfminer's arithmetic for `text.layer`: where pdfminer puts a character, reproduced.

`text.layer` reads the characters from pdfium; to give pdfplumber's boxes to the last bit
it computes them as pdfminer does, from the same numbers in the same floating-point
operations: the fonts' descent and AFM advance widths (`page_fonts`, from the page's font
dictionaries: only the plain cases pdfminer takes by name), a text object's top and bottom
(`TextObj`), the pen along a run of characters (`run_x`), and the PDF's numbers as written
(`as_written`). What is not a plain case raises `Fallback`: pdfplumber reads the page.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pikepdf

#: pdfium's single-precision coordinates against pdfminer's doubles
EPS = 1e-3


class Fallback(Exception):
    """The page is not a case this module models: pdfplumber reads it."""


# ------------------------------------------------------------------ fonts


def _std_metrics() -> dict[str, tuple[float, dict[str, float]]]:
    from pdfminer.fontmetrics import FONT_METRICS

    out: dict[str, tuple[float, dict[str, float]]] = {}
    for name, (descriptor, widths) in FONT_METRICS.items():
        desc: Any = descriptor.get("Descent", 0)
        out[name] = (float(desc), {str(k): float(v) for k, v in widths.items()})
    return out


#: name -> (descent, advance widths by character) of the fonts pdfminer knows by name
_STD = _std_metrics()


def _num(v: Any, default: float = 0.0) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return default


def _metrics(font: pikepdf.Dictionary) -> tuple[float, dict[str, float] | None] | None:
    """pdfminer's descent (font units) for a font dictionary, with the AFM advance widths
    when pdfminer takes a standard-14 font's metrics by name; None when the font is not a
    case pdfminer handles the plain way."""
    sub = str(font.get("/Subtype", ""))
    base = str(font.get("/BaseFont", "/unknown"))[1:]
    widths = None
    if sub == "/Type3":
        return None
    if sub == "/Type0":
        if str(font.get("/Encoding", "")).endswith("-V"):
            return None  # vertical writing
        kids = font.get("/DescendantFonts")
        if not isinstance(kids, pikepdf.Array) or len(kids) == 0:
            return None
        desc = kids[0].get("/FontDescriptor")
        d = _num(desc.get("/Descent", 0)) if isinstance(desc, pikepdf.Dictionary) else 0.0
        if not _integers(kids[0].get("/W")):
            return None
    elif sub in ("/Type1", "/MMType1", "/TrueType") and base in _STD:
        if "/Widths" in font:
            return None  # pdfminer takes the AFM widths, pdfium these: they may differ
        d, widths = _STD[base]
    else:
        if "/Widths" not in font or not _integers(font.get("/Widths")):
            return None
        desc = font.get("/FontDescriptor")
        d = _num(desc.get("/Descent", 0)) if isinstance(desc, pikepdf.Dictionary) else 0.0
    return (-d if d > 0 else d), widths


def _integers(widths: Any) -> bool:
    """Are all advance widths whole font units? pdfium keeps them as integers, pdfminer as
    given: fractional widths (some producers write them) would move pdfium's characters."""
    if widths is None:
        return True
    if not isinstance(widths, pikepdf.Array):
        return False
    for w in widths:
        if isinstance(w, pikepdf.Array):
            if not _integers(w):
                return False
        elif _num(w, 0.5) != int(_num(w, 0.5)):
            return False
    return True


UNKNOWN_FONT = (float("nan"), None)


def page_fonts(pike_page: pikepdf.Page) -> dict[str, tuple[float, dict[str, float] | None]]:
    """The page's fonts by name as pdfium reports it (the BaseFont without a subset tag):
    (pdfminer's descent, AFM widths or None). A name whose fonts cannot be told apart, or
    are not a plain case, maps to a NaN descent: text in it makes the page fall back."""
    fonts = pike_page.resources.get("/Font")
    out: dict[str, tuple[float, dict[str, float] | None]] = {}
    if not isinstance(fonts, pikepdf.Dictionary):
        return out
    for _, font in fonts.items():
        if not isinstance(font, pikepdf.Dictionary):
            continue
        name = str(font.get("/BaseFont", "/unknown"))[1:]
        if len(name) > 7 and name[6] == "+" and name[:6].isupper():
            name = name[7:]
        m = _metrics(font)
        if m is None or (name in out and out[name] != m):
            out[name] = UNKNOWN_FONT
        else:
            out[name] = m
    return out


class TextObj(NamedTuple):
    """A text object as pdfminer places its characters."""

    baseline: float  # y of the baseline (pdfium's)
    top: float
    bottom: float
    widths: dict[str, float] | None  # AFM advances of a standard-14 font
    xscale: float  # points per 1/1000 em horizontally
    unit: bool  # the text matrix is a plain translation
    e: float  # its x translation
    size: float  # font size


def as_written(v: float) -> float:
    """pdfium's single-precision number back to the decimal the PDF most likely wrote: the
    shortest decimal that rounds to the same single-precision value (what pdfminer parses
    and computes with)."""
    return float(str(np.float32(v)))


def run_x(
    info: TextObj,
    pens: dict[int, tuple[float, int]],
    obj: int,
    prev_obj: int,
    text: str,
    real: list[int],
    a: int,
    b: int,
    fx0: float,
) -> tuple[float, float] | None:
    """x0 and x1 of the run text[a..b] computed as pdfminer computes them, in the same order
    of the same floating-point operations (pdfminer.pdfdevice.render_string_horizontal,
    layout.LTChar: the pen starts at 0 in each text object and adds size·width/1000 per
    character; x0 = pen + e, x1 = advance + (pen + e)). Single precision would round a few
    boxes the other way at exact half pixels. None when the pen is not known: the run is not
    the first of its object and does not follow its object's last run, or a real blank
    before it may belong to another object. `fx0`: pdfium's x0 of the run. The caller checks
    the result against pdfium."""
    if not info.unit:
        return None
    widths = info.widths
    assert widths is not None
    size = info.size
    if obj in pens:
        pen, last = pens[obj]
        if real and real[0] != last + 1 or not real and last != a - 1:
            pens.pop(obj)
            return None
        for k in real:  # blanks between runs of one object are its own
            w = widths.get(text[k])
            if w is None:
                pens.pop(obj)
                return None
            pen += w * 0.001 * size * 1.0
        if real and real[-1] != a - 1:
            pens.pop(obj)
            return None
    elif real and prev_obj != obj:
        return None  # whose blanks? (the previous object's or this one's)
    else:
        pen = 0
        for k in real:
            w = widths.get(text[k])
            if w is None:
                return None
            pen += w * 0.001 * size * 1.0
    x0 = pen * 1 + 0 * 0 + info.e
    if abs(x0 - fx0) > EPS and " " in widths:
        # pdfium keeps one blank of a run of blanks: pdfminer's pen went over all of them
        step = widths[" "] * 0.001 * size * 1.0
        missing = round((fx0 - x0) / step)
        if 1 <= missing <= 500 and abs(x0 + missing * step - fx0) < EPS:
            for _ in range(missing):
                pen += step
            x0 = pen * 1 + 0 * 0 + info.e
    before = pen
    for k in range(a, b + 1):
        before = pen
        pen += widths[text[k]] * 0.001 * size * 1.0
    adv = widths[text[b]] * 0.001 * size * 1.0
    x1 = 1 * adv + 0 * 0.0 + (before * 1 + 0 * 0 + info.e)
    pens[obj] = (pen, b)
    return x0, x1
