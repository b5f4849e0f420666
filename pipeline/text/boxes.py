"""Word boxes kept with a page's text, and the way back from them to PDF points.

Every page read from a PDF keeps its words with their boxes (`PageText.words`) and an affine
transform (`PageText.to_pdf`) from the words' coordinates to PDF points on the page as it is
displayed (its /Rotate applied), origin at the top left, y downwards — the coordinates in
which the review page crops and draws.

- OCR words are in pixels of the image Tesseract read: the page rendered at the OCR
  resolution, then turned by a multiple of 90° (orientation), deskewed (a small rotation about
  the image centre) and perhaps upscaled (the last rung of the retry ladder). `ocr_to_pdf`
  composes those steps and inverts them.
- Text-layer words come from pdfplumber in points; they are stored as if the page had been
  rendered at the OCR resolution (integers, like OCR boxes: 1 px = 0.24 pt at 300 dpi) with the
  matching scale as their transform.

Transcripts have no words and no transform.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from pipeline.records import Word

#: (a, b, c, d, e, f): x_pt = a·x + b·y + c, y_pt = d·x + e·y + f
Affine = tuple[float, float, float, float, float, float]

#: pdfplumber words whose tops differ by less than this (points) stand on one line
LINE_TOLERANCE_PT = 3.0


def _matrix(aff: Affine) -> np.ndarray:
    a, b, c, d, e, f = aff
    return np.array([[a, b, c], [d, e, f], [0.0, 0.0, 1.0]])


def _affine(m: np.ndarray) -> Affine:
    return (
        float(m[0, 0]),
        float(m[0, 1]),
        float(m[0, 2]),
        float(m[1, 0]),
        float(m[1, 1]),
        float(m[1, 2]),
    )


def ocr_to_pdf(
    rendered_shape: tuple[int, ...],
    render_dpi: int,
    rotation: int,
    skew: float,
    read_dpi: int,
) -> Affine:
    """The transform from the pixels of the image Tesseract read back to PDF points.

    `rendered_shape` is (height, width) of the page as rendered at `render_dpi`; the image read
    was turned `rotation` degrees clockwise, deskewed by `skew` degrees (as measured by
    `quality.estimate_skew`, 0 when not deskewed) and rendered or upscaled to `read_dpi`.
    """
    h, w = int(rendered_shape[0]), int(rendered_shape[1])
    k = (rotation // 90) % 4
    # rendered pixel -> turned pixel (cv2.rotate, continuous coordinates)
    turn = {
        0: np.eye(3),
        1: np.array([[0.0, -1.0, h], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]),
        2: np.array([[-1.0, 0.0, w], [0.0, -1.0, h], [0.0, 0.0, 1.0]]),
        3: np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, w], [0.0, 0.0, 1.0]]),
    }[k]
    tw, th = (h, w) if k % 2 else (w, h)
    deskew = np.eye(3)
    if skew:
        # the same matrix as quality.deskew: cv2.getRotationMatrix2D(centre, -skew, 1)
        t = math.radians(-skew)
        alpha, beta = math.cos(t), math.sin(t)
        cx, cy = tw / 2, th / 2
        deskew = np.array(
            [
                [alpha, beta, (1 - alpha) * cx - beta * cy],
                [-beta, alpha, beta * cx + (1 - alpha) * cy],
                [0.0, 0.0, 1.0],
            ]
        )
    scale = np.diag([read_dpi / render_dpi, read_dpi / render_dpi, 1.0])
    forward = scale @ deskew @ turn  # rendered pixel -> read pixel
    to_pt = np.diag([72.0 / render_dpi, 72.0 / render_dpi, 1.0])
    return _affine(to_pt @ np.linalg.inv(forward))


def layer_to_pdf(dpi: int) -> Affine:
    """The transform of text-layer words stored at `dpi` (see `layer_words`)."""
    return (72.0 / dpi, 0.0, 0.0, 0.0, 72.0 / dpi, 0.0)


def layer_words(plumber_words: Iterable[Mapping[str, Any]], dpi: int) -> tuple[Word, ...]:
    """pdfplumber's words (points) as `Word`s in pixels at `dpi`, in reading order: printed
    lines top to bottom (tops within `LINE_TOLERANCE_PT` share a line, as the cells of a table
    row do), each line left to right."""
    k = dpi / 72.0
    by_top = sorted(plumber_words, key=lambda w: (float(w["top"]), float(w["x0"])))
    lines: list[list[Mapping[str, Any]]] = []
    for w in by_top:
        if lines and float(w["top"]) - float(lines[-1][0]["top"]) <= LINE_TOLERANCE_PT:
            lines[-1].append(w)
        else:
            lines.append([w])
    out: list[Word] = []
    for line_no, line in enumerate(lines, start=1):
        for w in sorted(line, key=lambda w: float(w["x0"])):
            x0, x1 = float(w["x0"]), float(w["x1"])
            top, bottom = float(w["top"]), float(w["bottom"])
            out.append(
                Word(
                    text=str(w["text"]),
                    left=round(x0 * k),
                    top=round(top * k),
                    width=max(1, round((x1 - x0) * k)),
                    height=max(1, round((bottom - top) * k)),
                    conf=100.0,
                    block=1,
                    par=1,
                    line=line_no,
                )
            )
    return tuple(out)


def visual_order(words: tuple[Word, ...]) -> list[int]:
    """Indices of `words` in printed lines top to bottom, each left to right, whatever order
    the reader gave them in (Tesseract reads a table column by column, as blocks)."""
    order = sorted(range(len(words)), key=lambda i: words[i].top + words[i].height / 2)
    lines: list[list[int]] = []
    for i in order:
        w = words[i]
        mid = w.top + w.height / 2
        if lines:
            last = words[lines[-1][0]]
            if abs(mid - (last.top + last.height / 2)) <= max(last.height, w.height) / 2:
                lines[-1].append(i)
                continue
        lines.append([i])
    return [i for line in lines for i in sorted(line, key=lambda i: words[i].left)]


def word_box_pt(word: Word, to_pdf: Affine) -> tuple[float, float, float, float]:
    """A word's box in PDF points (x0, y0, x1, y1): the bounds of its four corners mapped."""
    a, b, c, d, e, f = to_pdf
    xs, ys = [], []
    for x, y in (
        (word.left, word.top),
        (word.left + word.width, word.top),
        (word.left, word.top + word.height),
        (word.left + word.width, word.top + word.height),
    ):
        xs.append(a * x + b * y + c)
        ys.append(d * x + e * y + f)
    return min(xs), min(ys), max(xs), max(ys)
