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
  `layer_pdfminer.run_x` does the same floating-point operations on the same numbers — the
  PDF's numbers read back from pdfium's single precision as the shortest decimal that
  rounds to them (`layer_pdfminer.as_written`) — and checks the result against pdfium's
  character origins. Single precision as it is would round some boxes the other way at
  exact half pixels.
- y: pdfminer's box runs from the font's descent to descent + font size (pdfium's to the
  ascent), so ``top``/``bottom`` come from the baseline, the size and the AFM descent.
- words: pdfplumber clusters all characters into lines by ``top`` (3 pt), sorts each line
  by ``x0`` and starts a new word at a blank character, at a gap over 3 pt, at a step back
  or at a change of ``top`` over 3 pt. Here the same is done on *runs* (`layer_words`) —
  the characters between two blanks that come from one text object — so that pdfium is
  asked only about the ends of each run: a few calls per word instead of per character.
  Blanks pdfium generated itself do not split words; real ones do, and blanks it dropped
  (it keeps one of several) are counted back into the pen.
- characters: pdfium marks a line-end hyphen and reports the undefined WinAnsi byte 0x7F
  as a bullet; the page's shown bytes (pikepdf) tell what pdfminer saw. A 0x7F raises
  `CidText`: pdfminer writes ``(cid:127)``, and the caller takes pdftotext's text as before.

Pages this does not model give ``None``: any /Rotate (pdftotext reads those), a media box
not at the origin or a crop box, form XObjects, embedded or other non-standard fonts (exact
boxes would need a pdfium call per character for widths and kerning), Type3 fonts,
character or word spacing, kerning, several strings in one text object, Tz or scaled
matrices, rotated or mirrored text, characters pdfium cannot map, text whose runs would
interleave when sorted by ``x0``, and pages without words.

The parts: this module reads pdfium's characters and text objects (through ctypes, a few
calls per word) and the page's shown bytes; `layer_pdfminer` holds pdfminer's arithmetic
(fonts' descents and AFM widths, the pen, the numbers as written); `layer_words` groups
runs into pdfplumber's lines and words.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.text.layer_pdfminer import (
    EPS,
    UNKNOWN_FONT,
    Fallback,
    TextObj,
    as_written,
    page_fonts,
    run_x,
)
from pipeline.text.layer_words import group_words

__all__ = ["pdfium_words"]

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


def _font_name(font: int, cache: dict[int, str]) -> str:
    if font not in cache:
        n = _base_font_name(font, None, 0)
        buf = ctypes.create_string_buffer(max(1, n))
        _base_font_name(font, buf, n)
        cache[font] = buf.value.decode("utf-8", errors="replace")
    return cache[font]


# ------------------------------------------------------------------ page


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
        raise Fallback("hyphen mark or bullet outside plain standard-14 fonts")
    shown = _shown_bytes(pike_page)
    if b"\x7f" in shown:
        raise CidText
    if marks:
        if b"\xad" in shown:
            raise Fallback("soft hyphen")
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
    except Fallback as exc:
        global last_fallback
        last_fallback = str(exc)
        return None


last_fallback = ""  # why the last page fell back (for the comparison tests and benchmarks)


def _words(
    page: pdfium.PdfPage, pike_page: pikepdf.Page, textpage: pdfium.PdfTextPage | None
) -> list[dict[str, Any]] | None:
    if page.get_rotation() % 360:
        raise Fallback("rotated page")
    w, h = page.get_width(), page.get_height()
    box = (0.0, 0.0, w, h)
    if any(abs(a - b) > EPS for a, b in zip(page.get_mediabox(), box, strict=True)):
        raise Fallback("media box")
    if any(abs(a - b) > EPS for a, b in zip(page.get_cropbox(), box, strict=True)):
        raise Fallback("crop box")
    objects = _text_objects(page, page_fonts(pike_page), as_written(h))
    standard_only = all(o[3] is not None for o in objects.values())

    own = textpage is None
    tpage = page.get_textpage() if textpage is None else textpage
    try:
        tp = _handle(tpage.raw)
        return _page_words(tp, objects, lambda t: _fix_codes(t, pike_page, standard_only))
    finally:
        if own:
            tpage.close()


def _text_objects(
    page: pdfium.PdfPage,
    fonts: dict[str, tuple[float, dict[str, float] | None]],
    height: float,
) -> dict[int, TextObj]:
    """Every text object on the page, by handle."""
    raw = _handle(page.raw)
    out: dict[int, TextObj] = {}
    names: dict[int, str] = {}
    m = pdfium_c.FS_MATRIX()
    size = ctypes.c_float()
    for i in range(_count_objects(raw)):
        obj = _get_object(raw, i)
        kind = _object_type(obj)
        if kind == _FORM:
            raise Fallback("form xobject")  # text in a form XObject: its fonts are not the page's
        if kind != _TEXT:
            continue
        if not _object_matrix(obj, ctypes.byref(m)) or not _font_size(obj, ctypes.byref(size)):
            raise Fallback("object matrix")
        if abs(m.b) > 1e-9 or abs(m.c) > 1e-9 or m.a <= 0 or m.d <= 0:
            raise Fallback("rotated text")  # rotated, skewed or mirrored text
        font = _text_font(obj)
        if not font:
            raise Fallback("no font")
        descent, widths = fonts.get(_font_name(font, names), UNKNOWN_FONT)
        if descent != descent:  # unknown or ambiguous (nan)
            raise Fallback("font descent unknown")
        if widths is None:
            # an embedded font: exact equality would need every character's width and
            # kerning from pdfium (a call per character); pdfplumber reads the page
            raise Fallback("not a standard-14 font")
        if m.a != 1 or m.d != 1:
            raise Fallback("scaled text matrix")
        fs = float(size.value)
        # pdfminer: y0 = descent·size + rise + f, y1 = y0' + size, top = height - y1 (the
        # same operations on the same numbers as the PDF gives them, see `as_written`)
        f, size_r = as_written(m.f), as_written(fs)
        desc = descent * 0.001 * size_r
        top, bottom = height - (desc + 0 + size_r + f), height - (desc + 0 + f)
        out[obj] = TextObj(m.f, top, bottom, widths, fs / 1000, True, as_written(m.e), size_r)
    return out


def _page_words(
    tp: int, objects: dict[int, TextObj], fix: Callable[[str], str]
) -> list[dict[str, Any]] | None:
    n = _count_chars(tp)
    if n <= 0:
        return None
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = _get_text(tp, 0, n, buf)
    raw = buf.raw[: 2 * max(0, got - 1)]
    if len(raw) != 2 * n:
        raise Fallback("surrogates")  # surrogate pairs or a short read: indices would not line up
    text = raw.decode("utf-16-le", errors="replace")
    if any(_bad(c) for c in set(text)):
        raise Fallback("unmapped characters")
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
                raise Fallback("unknown text object")
            _char_origin(tp, a, px, py)
            if abs(y.value - info.baseline) > EPS:
                raise Fallback("baseline moved")  # text rise, or a baseline pdfium moved
            fx0 = x.value
            widths = info.widths
            assert widths is not None  # `_text_objects` let only standard-14 fonts through
            # pdfminer takes the AFM advance, pdfium its own font's
            w = widths.get(text[b])
            if w is None:
                raise Fallback("character not in the AFM")
            if b != a:
                _char_origin(tp, b, px, py)
            fx1 = x.value + w * info.xscale
            exact = run_x(info, pens, obj, prev_obj, text, real, a, b, fx0)
            if exact is None or abs(exact[0] - fx0) > EPS or abs(exact[1] - fx1) > EPS:
                # kerning, character or word spacing, several strings in one text object:
                # single precision would decide half pixels and half spaces by chance
                raise Fallback("pen not reproduced")
            x0, x1 = exact
            if x1 < x0 - EPS:
                raise Fallback("run goes backwards")
            runs.append([x0, x1, info.top, info.bottom, text[a : b + 1], obj, blank])
            blank = False
            real = []
            prev_obj = obj
    if not runs:
        return None
    used = {r[5] for r in runs}
    extra = {info[1] for obj, info in objects.items() if obj not in used and _has_chars(obj, tp)}
    return group_words(runs, extra)


def _has_chars(obj: int, tp: int) -> bool:
    """Does this text object put any character (a blank, here) on the text page?"""
    return _obj_text(obj, tp, None, 0) > 2  # the length in bytes includes the final NUL
