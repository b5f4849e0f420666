"""How much to trust a page's text, and the image fixes the retry ladder can try.

Tesseract exits 0 with an empty or nonsensical page on hard scans, so every OCR'd page is
checked against what the image holds: the ink on it (glyph-sized connected components after
binarisation) versus the characters returned, the mean word confidence, and the share of
tokens that are Swedish dictionary words (wordfreq).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import cv2
import numpy as np
import wordfreq

# ------------------------------------------------------------------ thresholds (as data)

#: A page with fewer glyph-sized marks than this is (near) blank: nothing to lose, and any
#: longer text an OCR pass returns for it is invented.
BLANK_GLYPHS = 12
#: Text is "invented" when it has more characters than this many per glyph (+ slack).
INVENTED_PER_GLYPH = 4.0
INVENTED_SLACK = 20
#: A read is complete when characters >= this share of the glyph count (glyphs merge under
#: blur, letters with diacritics split, so the count is rough; good reads sit at 1-2).
MIN_COVERAGE = 0.45
#: Mean word confidence and dictionary share of a trustworthy page.
GOOD_CONFIDENCE = 70.0
GOOD_DICT_SHARE = 0.45
#: Dictionary share is judged only on text with at least this many tokens.
MIN_TOKENS_TO_JUDGE = 5
#: Below this dictionary share the text is probably upside down, sideways or noise.
GARBLED_DICT_SHARE = 0.35
#: Words below this confidence are dropped on near-blank pages (specks read as letters).
BLANK_PAGE_MIN_WORD_CONF = 80.0

#: Resolution the ink measures and the skew estimate work at (fast, and enough for glyphs).
MEASURE_DPI = 200
#: Largest skew corrected, degrees. Below MIN_SKEW Tesseract copes as well without (measured
#: on the mild samples: deskewing ±0.4-1.2° pages changed CER by -0.05..+0.05 points).
MAX_SKEW = 5.0
MIN_SKEW = 1.0

_TOKEN = re.compile(r"[^\W\d_]{2,}")


# ------------------------------------------------------------------ text measures


@functools.lru_cache(maxsize=200_000)
def _known(token: str) -> bool:
    return wordfreq.zipf_frequency(token, "sv") > 0


def dictionary_share(text: str, min_tokens: int = 1) -> float | None:
    """Share of tokens (2+ letters) that are Swedish words in wordfreq; None with fewer than
    `min_tokens` tokens."""
    tokens = _TOKEN.findall(text)
    if not tokens or len(tokens) < min_tokens:
        return None
    return round(sum(_known(t.lower()) for t in tokens) / len(tokens), 3)


# ------------------------------------------------------------------ ink


@dataclass(frozen=True)
class Ink:
    """What is printed on a page image, measured without reading it."""

    dark_share: float  # share of dark pixels after binarisation
    glyphs: int  # connected components of glyph size (about one per letter)
    skew: float = 0.0  # degrees the text lines rise (counter-clockwise), see estimate_skew
    sideways: bool = False  # the ink lines up in columns, not rows: text turned 90°/270°

    @property
    def blank(self) -> bool:
        return self.glyphs < BLANK_GLYPHS

    def coverage(self, n_chars: int) -> float | None:
        """Characters read per glyph on the page (None for a blank page)."""
        return None if self.blank else round(n_chars / self.glyphs, 3)

    def invented(self, n_chars: int) -> bool:
        """More text than the ink on the page can hold."""
        return n_chars > INVENTED_PER_GLYPH * self.glyphs + INVENTED_SLACK


def _at_measure_dpi(gray: np.ndarray, dpi: int) -> tuple[np.ndarray, int]:
    if dpi <= MEASURE_DPI:
        return gray, dpi
    f = MEASURE_DPI / dpi
    return cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA), MEASURE_DPI


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Dark marks as 255 on 0: median-filtered, then Otsu's threshold, but never closer to the
    paper than 60 grey levels (Otsu splits pure noise on an empty page otherwise)."""
    smooth = cv2.medianBlur(gray, 3)
    otsu, _ = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    hist = np.bincount(smooth.ravel(), minlength=256)
    paper = float(np.searchsorted(np.cumsum(hist), smooth.size / 2))  # the median grey
    level = min(otsu, paper - 60.0)
    if level <= 0:
        return np.zeros_like(gray)
    return np.where(smooth < level, 255, 0).astype(np.uint8)


def measure_ink(gray: np.ndarray, dpi: int) -> Ink:
    """Dark-pixel share, glyph count and skew of a greyscale page image at `dpi`."""
    small, d = _at_measure_dpi(gray, dpi)
    mask = ink_mask(small)
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    h = stats[1:, cv2.CC_STAT_HEIGHT]
    w = stats[1:, cv2.CC_STAT_WIDTH]
    glyphs = int(((h >= 0.03 * d) & (h <= 0.4 * d) & (w <= 0.6 * d)).sum())
    dark_share = round(float(np.count_nonzero(mask)) / mask.size, 5)
    if glyphs < BLANK_GLYPHS:
        return Ink(dark_share, glyphs)
    skew, rows = _skew_of(mask)
    _, columns = _skew_of(mask.T, fine=False)
    return Ink(dark_share, glyphs, skew, sideways=columns > rows)


# ------------------------------------------------------------------ skew


def estimate_skew(gray: np.ndarray, dpi: int) -> float:
    """Skew of the text lines in degrees (counter-clockwise positive), within ±MAX_SKEW.

    Projection-profile search as in Leptonica's pixFindSkew: the angle at which the ink's
    row profile changes most sharply between adjacent rows (text lines crisp). The ink
    pixels' coordinates are projected, which is much cheaper than rotating the image.
    """
    small, _ = _at_measure_dpi(gray, dpi)
    return _skew_of(ink_mask(small))[0]


def _skew_of(mask: np.ndarray, fine: bool = True) -> tuple[float, float]:
    """(skew, how sharp the line profile is at that skew). Run on the transposed mask, the
    sharpness tells whether the text runs in columns (a page turned sideways)."""
    ys, xs = np.nonzero(mask)
    if len(xs) < 50:
        return 0.0, 0.0
    thin = max(1, len(xs) // 60_000)  # a sample of the ink is as good and faster
    xs, ys = xs[::thin].astype(np.float64), ys[::thin].astype(np.float64)

    def sharpness(angle: float) -> float:
        t = np.deg2rad(angle)
        rows = ys * np.cos(t) + xs * np.sin(t)
        profile = np.bincount(np.round(rows - rows.min()).astype(np.int64))
        return float(np.square(np.diff(profile.astype(np.float64))).sum())

    angles = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)
    best = float(max(angles, key=sharpness))
    if fine:
        best = float(max(np.arange(best - 0.4, best + 0.4 + 1e-9, 0.1), key=sharpness))
    return round(best, 2), sharpness(best)


def _rotate(img: np.ndarray, angle: float, fill: int) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(
        img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )


# ------------------------------------------------------------------ image fixes


def deskew(gray: np.ndarray, skew: float) -> np.ndarray:
    """Turn the image back by `skew` degrees (as returned by `estimate_skew`), white fill."""
    return _rotate(gray, -skew, fill=255)


def turn(gray: np.ndarray, clockwise: int) -> np.ndarray:
    """Turn by a multiple of 90 degrees clockwise."""
    k = (clockwise // 90) % 4
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return gray if k == 0 else cv2.rotate(gray, codes[k])


def smooth(gray: np.ndarray, dpi: int) -> np.ndarray:
    """A light Gaussian blur for 1-bit scans: their staircase edges cost Tesseract accuracy
    (G4 samples: summed CER 2.41 → 2.30 points over 8 pages; a sideways page 0.32 → 0.16 %)."""
    return cv2.GaussianBlur(gray, (0, 0), 0.8 * dpi / 300)


def binarise(gray: np.ndarray) -> np.ndarray:
    """Otsu's global threshold: black text on white."""
    _, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return bw


def denoise(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Median filter sized to the resolution: removes speckle and JPEG/scanner noise.

    (fastNlMeans was tried: 2-7 s per page and it erased the text of the noisiest pages.)
    """
    return cv2.medianBlur(gray, 3 if dpi < 400 else 5)


def upscale(gray: np.ndarray, factor: float) -> np.ndarray:
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


# ------------------------------------------------------------------ verdicts


def score(confidence: float | None, dict_share: float | None, coverage: float | None) -> float:
    """How good a read is: confidence × dictionary share × (capped) completeness."""
    if not confidence:
        return 0.0
    words = 0.5 if dict_share is None else dict_share  # numbers only: neither good nor bad
    complete = 1.0 if coverage is None else min(1.0, coverage / MIN_COVERAGE)
    return (confidence / 100.0) * words * complete


def trustworthy(confidence: float | None, dict_share: float | None, coverage: float | None) -> bool:
    """A read that needs no retry."""
    return (
        confidence is not None
        and confidence >= GOOD_CONFIDENCE
        and (dict_share is None or dict_share >= GOOD_DICT_SHARE)
        and (coverage is None or coverage >= MIN_COVERAGE)
    )
