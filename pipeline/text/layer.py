"""Text-layer words read with pdfium, exactly as pdfplumber would give them.

pdfplumber (pdfminer) interprets every page's content stream in Python: about 10–30 pages/s.
pdfium has already laid out the same characters in C (`FPDFText_LoadPage`). For the plain
case — upright text in the standard-14 fonts with a plain text matrix, as reportlab and many
older producers write it — this module rebuilds pdfplumber's ``page.extract_words()``
(default tolerances, ``use_text_flow=False``) from pdfium's characters, identical down to
the last bit that matters (the pixel boxes of `text.boxes` and the spacing of
`text.spacing`), and `text.pdf.text_layer` uses it instead of pdfplumber. For anything it
cannot reproduce exactly it returns ``None``, and pdfplumber reads that page as before.

What must agree with pdfminer, and how:

- x: pdfminer's pen starts at 0 in each text object and adds size × width / 1000 per
  character (the AFM widths it takes by font name); x0 = pen + e, x1 = advance + (pen + e).
  `_pen` does the same floating-point operations on the same numbers — the PDF's numbers
  read back from pdfium's single precision as the shortest decimal that rounds to them
  (`_r`) — and checks the result against pdfium's character origins. Single precision as
  it is would round some boxes the other way at exact half pixels.
- y: pdfminer's box runs from the font's descent to descent + font size (pdfium's to the
  ascent), so ``top``/``bottom`` come from the baseline, the size and the AFM descent.
- words: pdfplumber clusters all characters into lines by ``top`` (3 pt), sorts each line
  by ``x0`` and starts a new word at a blank character, at a gap over 3 pt, at a step back
  or at a change of ``top`` over 3 pt. Here the same is done on *runs* — the characters
  between two blanks that come from one text object — so that pdfium is asked only about
  the ends of each run: a few calls per word instead of per character. Blanks pdfium
  generated itself do not split words; real ones do, and blanks it dropped (it keeps one of
  several) are counted back into the pen.
- characters: pdfium marks a line-end hyphen and reports the undefined WinAnsi byte 0x7F
  as a bullet; the page's shown bytes (pikepdf) tell what pdfminer saw. A 0x7F raises
  `CidText`: pdfminer writes ``(cid:127)``, and the caller takes pdftotext's text as before.

Pages this does not model give ``None``: any /Rotate (pdftotext reads those), a media box
not at the origin or a crop box, form XObjects, embedded or other non-standard fonts (exact
boxes would need a pdfium call per character for widths and kerning), Type3 fonts,
character or word spacing, kerning, several strings in one text object, Tz or scaled
matrices, rotated or mirrored text, characters pdfium cannot map, text whose runs would
interleave when sorted by ``x0``, and pages without words.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

__all__ = ["pdfium_words"]

X_TOLERANCE = 3.0  # pdfplumber's defaults
Y_TOLERANCE = 3.0
#: pdfium's single-precision coordinates against pdfminer's doubles
EPS = 1e-3

_c_void_p, _c_int = ctypes.c_void_p, ctypes.c_int


def _proto(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """`fn` of pypdfium2.raw called with plain integers for handles (cheaper per call)."""
    addr = ctypes.cast(fn, ctypes.c_void_p).value
    assert addr
    return ctypes.CFUNCTYPE(restype, *argtypes)(addr)


_count_chars = _proto(pdfium_c.FPDFText_CountChars, _c_int, _c_void_p)
_text_object = _proto(pdfium_c.FPDFText_GetTextObject, _c_void_p, _c_void_p, _c_int)
_char_origin = _proto(
    pdfium_c.FPDFText_GetCharOrigin,
    _c_int,
    _c_void_p,
    _c_int,
    ctypes.POINTER(ctypes.c_double),
    ctypes.POINTER(ctypes.c_double),
)
_loose_box = _proto(pdfium_c.FPDFText_GetLooseCharBox, _c_int, _c_void_p, _c_int, _c_void_p)
_is_generated = _proto(pdfium_c.FPDFText_IsGenerated, _c_int, _c_void_p, _c_int)
_get_text = _proto(pdfium_c.FPDFText_GetText, _c_int, _c_void_p, _c_int, _c_int, _c_void_p)
_count_objects = _proto(pdfium_c.FPDFPage_CountObjects, _c_int, _c_void_p)
_get_object = _proto(pdfium_c.FPDFPage_GetObject, _c_void_p, _c_void_p, _c_int)
_object_type = _proto(pdfium_c.FPDFPageObj_GetType, _c_int, _c_void_p)
_object_matrix = _proto(pdfium_c.FPDFPageObj_GetMatrix, _c_int, _c_void_p, _c_void_p)
_font_size = _proto(
    pdfium_c.FPDFTextObj_GetFontSize, _c_int, _c_void_p, ctypes.POINTER(ctypes.c_float)
)
_text_font = _proto(pdfium_c.FPDFTextObj_GetFont, _c_void_p, _c_void_p)
_obj_text = _proto(
    pdfium_c.FPDFTextObj_GetText, ctypes.c_ulong, _c_void_p, _c_void_p, _c_void_p, ctypes.c_ulong
)
_base_font_name = _proto(
    pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _c_void_p, _c_void_p, ctypes.c_size_t
)

_TOKEN = re.compile(r"\S+")
_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM


def _handle(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


#: pdfplumber's ``expand_ligatures`` (on by default)
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb06": "st",
    "\ufb05": "st",
}


_LIGATURE = re.compile("[\ufb00-\ufb06]")


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


_NAN = (float("nan"), None)


def _page_fonts(pike_page: pikepdf.Page) -> dict[str, tuple[float, dict[str, float] | None]]:
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
            out[name] = _NAN
        else:
            out[name] = m
    return out


def _font_name(font: int, cache: dict[int, str]) -> str:
    if font not in cache:
        n = _base_font_name(font, None, 0)
        buf = ctypes.create_string_buffer(max(1, n))
        _base_font_name(font, buf, n)
        cache[font] = buf.value.decode("utf-8", errors="replace")
    return cache[font]


# ------------------------------------------------------------------ page


class _Fallback(Exception):
    """The page is not a case this module models: pdfplumber reads it."""


class CidText(Exception):
    """pdfminer would write ``(cid:N)`` for a character on this page (the undefined byte
    0x7F of a standard-14 font); `text.pdf.text_layer` then takes pdftotext's text, as it
    does when pdfplumber's text has ``(cid:``."""


#: pdfium's marks of a hyphen at a line end (pdfminer gives the character itself)
_HYPHEN_MARKS = "\x02\ufffe"


def _bad(c: str) -> bool:
    return c not in _HYPHEN_MARKS and (
        c == "\ufffd"
        or unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn")
        and not c.isspace()
    )


def _shown_bytes(pike_page: pikepdf.Page) -> bytes:
    """Every string the page's content shows (Tj, TJ, ', \")."""
    out = bytearray()
    for instruction in pikepdf.parse_content_stream(pike_page, "Tj TJ ' \""):
        for o in getattr(instruction, "operands", ()):
            items = o if isinstance(o, pikepdf.Array) else [o]
            for item in items:
                if isinstance(item, pikepdf.String):
                    out += bytes(item)
    return bytes(out)


def _fix_codes(text: str, pike_page: pikepdf.Page, standard_only: bool) -> str:
    """Characters pdfium reports where pdfminer may report something else, made pdfminer's.

    pdfium writes a line-end hyphen (byte 0x2D or the soft hyphen 0xAD) as a mark, and the
    undefined WinAnsi byte 0x7F as a bullet, which pdfminer writes as ``(cid:127)``. On pages
    set only in standard-14 fonts (one byte per character, no ToUnicode) the shown bytes tell
    which it was; elsewhere the page falls back."""
    marks = "\x02" in text or "\ufffe" in text
    if not marks and "\u2022" not in text:
        return text
    if not standard_only or any(
        isinstance(f, pikepdf.Dictionary) and isinstance(f.get("/Encoding"), pikepdf.Dictionary)
        for _, f in (pike_page.resources.get("/Font") or {}).items()
    ):
        raise _Fallback("hyphen mark or bullet outside plain standard-14 fonts")
    shown = _shown_bytes(pike_page)
    if b"\x7f" in shown:
        raise CidText
    if marks:
        if b"\xad" in shown:
            raise _Fallback("soft hyphen")
        text = text.replace("\x02", "-").replace("\ufffe", "-")
    return text


def pdfium_words(
    page: pdfium.PdfPage, pike_page: pikepdf.Page, textpage: pdfium.PdfTextPage | None = None
) -> list[dict[str, Any]] | None:
    """pdfplumber's ``page.extract_words()`` for this page from pdfium's layout, or None
    when the page is not a case modelled here (see the module docstring). Raises `CidText`
    when pdfminer's text would hold ``(cid:127)``. `textpage`: the page's text page, if
    already loaded (it is left open)."""
    try:
        return _words(page, pike_page, textpage)
    except _Fallback as exc:
        global last_fallback
        last_fallback = str(exc)
        return None


last_fallback = ""  # why the last page fell back (for the comparison tests and benchmarks)


def _words(
    page: pdfium.PdfPage, pike_page: pikepdf.Page, textpage: pdfium.PdfTextPage | None
) -> list[dict[str, Any]] | None:
    if page.get_rotation() % 360:
        raise _Fallback("rotated page")
    w, h = page.get_width(), page.get_height()
    box = (0.0, 0.0, w, h)
    if any(abs(a - b) > EPS for a, b in zip(page.get_mediabox(), box, strict=True)):
        raise _Fallback("media box")
    if any(abs(a - b) > EPS for a, b in zip(page.get_cropbox(), box, strict=True)):
        raise _Fallback("crop box")
    objects = _text_objects(page, _page_fonts(pike_page), _r(h))
    standard_only = all(o[3] is not None for o in objects.values())

    own = textpage is None
    tpage = page.get_textpage() if textpage is None else textpage
    try:
        tp = _handle(tpage.raw)
        return _page_words(tp, objects, lambda t: _fix_codes(t, pike_page, standard_only))
    finally:
        if own:
            tpage.close()


class _Obj(NamedTuple):
    """A text object as pdfminer places its characters."""

    baseline: float  # y of the baseline (pdfium's)
    top: float
    bottom: float
    widths: dict[str, float] | None  # AFM advances of a standard-14 font
    xscale: float  # points per 1/1000 em horizontally
    unit: bool  # the text matrix is a plain translation
    e: float  # its x translation
    size: float  # font size


def _text_objects(
    page: pdfium.PdfPage,
    fonts: dict[str, tuple[float, dict[str, float] | None]],
    height: float,
) -> dict[int, _Obj]:
    """Every text object on the page, by handle."""
    raw = _handle(page.raw)
    out: dict[int, _Obj] = {}
    names: dict[int, str] = {}
    m = pdfium_c.FS_MATRIX()
    size = ctypes.c_float()
    for i in range(_count_objects(raw)):
        obj = _get_object(raw, i)
        kind = _object_type(obj)
        if kind == _FORM:
            raise _Fallback("form xobject")  # text in a form XObject: its fonts are not the page's
        if kind != _TEXT:
            continue
        if not _object_matrix(obj, ctypes.byref(m)) or not _font_size(obj, ctypes.byref(size)):
            raise _Fallback("object matrix")
        if abs(m.b) > 1e-9 or abs(m.c) > 1e-9 or m.a <= 0 or m.d <= 0:
            raise _Fallback("rotated text")  # rotated, skewed or mirrored text
        font = _text_font(obj)
        if not font:
            raise _Fallback("no font")
        descent, widths = fonts.get(_font_name(font, names), _NAN)
        if descent != descent:  # unknown or ambiguous (nan)
            raise _Fallback("font descent unknown")
        if widths is None:
            # an embedded font: exact equality would need every character's width and
            # kerning from pdfium (a call per character); pdfplumber reads the page
            raise _Fallback("not a standard-14 font")
        if m.a != 1 or m.d != 1:
            raise _Fallback("scaled text matrix")
        fs = float(size.value)
        # pdfminer: y0 = descent·size + rise + f, y1 = y0' + size, top = height - y1 (the
        # same operations on the same numbers as the PDF gives them, see `_r`)
        f, size_r = _r(m.f), _r(fs)
        desc = descent * 0.001 * size_r
        top, bottom = height - (desc + 0 + size_r + f), height - (desc + 0 + f)
        out[obj] = _Obj(m.f, top, bottom, widths, fs / 1000, True, _r(m.e), size_r)
    return out


def _r(v: float) -> float:
    """pdfium's single-precision number back to the decimal the PDF most likely wrote: the
    shortest decimal that rounds to the same single-precision value (what pdfminer parses
    and computes with)."""
    return float(str(np.float32(v)))


def _page_words(
    tp: int, objects: dict[int, _Obj], fix: Callable[[str], str]
) -> list[dict[str, Any]] | None:
    n = _count_chars(tp)
    if n <= 0:
        return None
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = _get_text(tp, 0, n, buf)
    raw = buf.raw[: 2 * max(0, got - 1)]
    if len(raw) != 2 * n:
        raise _Fallback("surrogates")  # surrogate pairs or a short read: indices would not line up
    text = raw.decode("utf-16-le", errors="replace")
    if any(_bad(c) for c in set(text)):
        raise _Fallback("unmapped characters")
    text = fix(text)

    x, y = ctypes.c_double(), ctypes.c_double()
    px, py = ctypes.byref(x), ctypes.byref(y)

    # runs: [x0, x1, top, bottom, text, text object, real blank before]
    runs: list[list[Any]] = []
    # pdfminer's pen (x in text space) after the last character seen of each text object
    # set in a standard-14 font with a plain matrix, and the index of that character
    pens: dict[int, tuple[float, int]] = {}
    end = 0  # end of the previous token
    prev_obj = 0
    for m in _TOKEN.finditer(text):
        i, j = m.start(), m.end() - 1
        # a blank pdfium generated (at a gap of its choosing) does not split a word
        real = [k for k in range(end, i) if not _is_generated(tp, k)]
        blank = bool(real)
        end = j + 1
        first, last = _text_object(tp, i), _text_object(tp, j)
        if first == last:
            pieces = [(i, j, first)]
        else:  # the token spans text objects: split it where the object changes
            pieces = []
            start, cur = i, first
            for k in range(i + 1, j + 1):
                o = _text_object(tp, k)
                if o != cur:
                    pieces.append((start, k - 1, cur))
                    start, cur = k, o
            pieces.append((start, j, cur))
        for a, b, obj in pieces:
            info = objects.get(obj)
            if info is None:
                raise _Fallback("unknown text object")
            _char_origin(tp, a, px, py)
            if abs(y.value - info.baseline) > EPS:
                raise _Fallback("baseline moved")  # text rise, or a baseline pdfium moved
            fx0 = x.value
            widths = info.widths
            assert widths is not None  # `_text_objects` let only standard-14 fonts through
            # pdfminer takes the AFM advance, pdfium its own font's
            w = widths.get(text[b])
            if w is None:
                raise _Fallback("character not in the AFM")
            if b != a:
                _char_origin(tp, b, px, py)
            fx1 = x.value + w * info.xscale
            exact = _pen(info, pens, obj, prev_obj, text, real, a, b, fx0)
            if exact is None or abs(exact[0] - fx0) > EPS or abs(exact[1] - fx1) > EPS:
                # kerning, character or word spacing, several strings in one text object:
                # single precision would decide half pixels and half spaces by chance
                raise _Fallback("pen not reproduced")
            x0, x1 = exact
            if x1 < x0 - EPS:
                raise _Fallback("run goes backwards")
            runs.append([x0, x1, info.top, info.bottom, text[a : b + 1], obj, blank])
            blank = False
            real = []
            prev_obj = obj
    if not runs:
        return None
    used = {r[5] for r in runs}
    extra = {info[1] for obj, info in objects.items() if obj not in used and _has_chars(obj, tp)}
    return _group(runs, extra)


def _pen(
    info: _Obj,
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


def _has_chars(obj: int, tp: int) -> bool:
    """Does this text object put any character (a blank, here) on the text page?"""
    return _obj_text(obj, tp, None, 0) > 2  # the length in bytes includes the final NUL


def _group(runs: list[list[Any]], extra_tops: set[float]) -> list[dict[str, Any]]:
    """pdfplumber's line clustering and word splitting, applied to runs (content order).

    `extra_tops`: tops of text objects holding only blanks, which pdfplumber clusters too."""
    tops = sorted({r[2] for r in runs} | extra_tops)
    cluster: dict[float, int] = {}
    k, last = 0, tops[0]
    for t in tops:
        if t > last + Y_TOLERANCE:
            k += 1
        cluster[t] = k
        last = t
    lines: dict[int, list[int]] = {}
    for idx, r in enumerate(runs):
        lines.setdefault(cluster[r[2]], []).append(idx)
    words: list[dict[str, Any]] = []
    for key in sorted(lines):
        word: list[Any] | None = None
        prev = -1
        for idx in lines[key]:
            r = runs[idx]
            if word is None:
                word = [r[0], r[1], r[2], r[3], r[4]]
                prev = idx
                continue
            a = runs[prev]
            # pdfplumber sorts the line's characters by x0: the runs must already be in that
            # order and must not overlap, or it would interleave them
            if r[0] < a[0] or r[0] < a[1] - EPS:
                raise _Fallback("runs interleave")
            if idx == prev + 1:
                blank = r[6]
            elif any(runs[m][6] for m in range(prev + 1, idx + 1)):
                raise _Fallback(
                    "blank between runs of one line"
                )  # a blank between them in content order, of unknown line
            else:
                blank = False
            # char_begins_new_word between the last char of `a` and the first of `r`
            # (its cx < ax cannot hold: r starts at or after a's end)
            if blank or r[0] > a[1] + X_TOLERANCE or abs(r[2] - a[2]) > Y_TOLERANCE:
                words.append(_word(word))
                word = [r[0], r[1], r[2], r[3], r[4]]
            else:
                word[1] = max(word[1], r[1])
                word[2] = min(word[2], r[2])
                word[3] = max(word[3], r[3])
                word[4] += r[4]
            prev = idx
        if word is not None:
            words.append(_word(word))
    return words


def _word(w: list[Any]) -> dict[str, Any]:
    x0, x1, top, bottom, text = w
    return {
        "text": "".join(_LIGATURES.get(c, c) for c in text) if _LIGATURE.search(text) else text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "doctop": top,
        "bottom": bottom,
        "upright": True,
        "height": bottom - top,
        "width": x1 - x0,
        "direction": "ltr",
    }
