"""OCR of one page image: orientation, deskew, a first read, and the retry ladder.

A first read that looks fine (confident, dictionary words, as much text as ink) is returned
as is, so ordinary scans pay for one Tesseract pass. A suspicious read climbs a bounded
ladder, cheapest rung first; each rung starts from the best read so far, every attempt is
counted, and the best read by `quality.score` wins. A rung's read with more text than the
page has ink for is never accepted (no invented text on near-blank pages).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from pipeline.config import OcrSettings
from pipeline.errors import PageError
from pipeline.text import quality, tesseract
from pipeline.text.quality import Ink

#: OSD confidence needed before a turned read is even tried (the turned read must then also
#: score better than the upright one, so this only saves pointless passes).
OSD_MIN_CONFIDENCE = 1.5
#: Upscale factor of the last rung (small or low-resolution print).
UPSCALE = 1.5


@dataclass(frozen=True)
class Read:
    """One Tesseract pass on one version of the page image."""

    run: tesseract.OcrRun
    image: np.ndarray
    dpi: int
    steps: tuple[str, ...]  # image fixes applied, in order ("turn90", "deskew", "denoise")
    rotation: int  # clockwise degrees the page image was turned
    dict_share: float | None
    coverage: float | None
    invented: bool
    skew: float = 0.0  # degrees the image was deskewed by (0: not deskewed)

    @property
    def score(self) -> float:
        return (
            0.0
            if self.invented
            else quality.score(self.run.confidence, self.dict_share, self.coverage)
        )

    @property
    def trustworthy(self) -> bool:
        return not self.invented and quality.trustworthy(
            self.run.confidence, self.dict_share, self.coverage
        )

    @property
    def method(self) -> str:
        return "+".join([f"tesseract psm{self.run.psm}", *self.steps])


@dataclass(frozen=True)
class OcrOutcome:
    best: Read | None
    ink: Ink
    tries: int  # Tesseract passes after the first (orientation and ladder)
    skew: float
    error: str | None = None  # a pass failed or timed out (the best read so far is kept)


@dataclass(frozen=True)
class Rung:
    """One retry: an image fix and/or a page segmentation mode."""

    name: str
    psm: int | None  # None: the mode of the best read so far
    fix: Callable[[np.ndarray, int], tuple[np.ndarray, int]] | None = None


LADDER: tuple[Rung, ...] = (
    Rung("psm6", psm=6),  # one uniform block: finds text psm 3 took for an image
    Rung("psm4", psm=4),  # one column of variable-size lines
    Rung("otsu", psm=None, fix=lambda g, d: (quality.binarise(g), d)),
    Rung("denoise", psm=None, fix=lambda g, d: (quality.denoise(g, d), d)),
    Rung("upscale", psm=None, fix=lambda g, d: (quality.upscale(g, UPSCALE), round(d * UPSCALE))),
)


class _Reader:
    """Runs passes against one page's ink, keeping count and time."""

    def __init__(self, ink: Ink, settings: OcrSettings) -> None:
        self.ink = ink
        self.settings = settings
        self.passes = 0

    def read(
        self,
        image: np.ndarray,
        dpi: int,
        psm: int,
        steps: tuple[str, ...],
        rotation: int,
        skew: float = 0.0,
    ) -> Read:
        self.passes += 1
        run = tesseract.recognise(
            image,
            lang=self.settings.lang,
            dpi=dpi,
            psm=psm,
            timeout=self.settings.page_timeout_s,
            engine=self.settings.engine,
        )
        if self.ink.blank:
            run = _drop_specks(run)
        return Read(
            run=run,
            image=image,
            dpi=dpi,
            steps=steps,
            rotation=rotation,
            dict_share=quality.dictionary_share(run.text, quality.MIN_TOKENS_TO_JUDGE),
            coverage=self.ink.coverage(run.n_chars),
            invented=self.ink.invented(run.n_chars),
            skew=skew,
        )


def _drop_specks(run: tesseract.OcrRun) -> tesseract.OcrRun:
    """On a near-blank page keep only confident words with letters or digits in them."""
    kept = tuple(
        w
        for w in run.words
        if w.conf >= quality.BLANK_PAGE_MIN_WORD_CONF and sum(c.isalnum() for c in w.text) >= 2
    )
    if len(kept) == len(run.words):
        return run
    if sum(len(w.text) for w in kept) < 2:
        kept = ()
    confs = [w.conf for w in kept]
    return replace(
        run,
        words=kept,
        text=tesseract.page_text(kept),
        confidence=round(sum(confs) / len(confs), 2) if confs else None,
    )


def ocr_image(
    gray: np.ndarray, dpi: int, settings: OcrSettings, *, bilevel: bool = False
) -> OcrOutcome:
    """Read a greyscale page image (numpy, uint8) rendered at `dpi`; `bilevel`: the page is
    a 1-bit scan, whose edges are smoothed first.

    Raises `PageError` only when the first pass fails (e.g. times out); later failures end
    the ladder and are reported in `OcrOutcome.error` next to the best read.
    """
    started = time.perf_counter()
    ink = quality.measure_ink(gray, dpi)
    reader = _Reader(ink, settings)
    rotation = 0
    if ink.sideways:  # text runs in columns: ask OSD whether it is 90 or 270 before reading
        try:
            rotation = _ask_osd(gray, dpi, settings, allowed=(90, 270))
        except PageError:
            rotation = 0  # read it as it is; Tesseract copes with sideways text, if worse
    prepared: tuple[str, ...] = ()
    if ink.blank:  # Tesseract spends seconds reading paper noise as text; clean it first
        gray, prepared = quality.denoise(gray, dpi), ("denoise",)
    elif bilevel:
        gray, prepared = quality.smooth(gray, dpi), ("smooth",)
    image, steps, skew = _upright(gray, dpi, rotation, ink.skew)
    best = reader.read(image, dpi, 3, (*prepared, *steps), rotation, skew)
    if ink.blank or best.trustworthy:
        return OcrOutcome(best, ink, 0, ink.skew)

    error = None
    try:
        if not ink.sideways:  # upside down? (OSD costs about a pass, so only now)
            rotation = _ask_osd(gray, dpi, settings, allowed=(90, 180, 270))
            if rotation:
                image, steps, skew = _upright(gray, dpi, rotation, None)
                turned = reader.read(image, dpi, 3, (*prepared, *steps), rotation, skew)
                best = turned if turned.score > best.score else best
        if settings.retry:
            best = _climb(reader, best, started)
    except PageError as exc:
        error = exc.message
    return OcrOutcome(best, ink, reader.passes - 1, ink.skew, error)


def _ask_osd(gray: np.ndarray, dpi: int, settings: OcrSettings, allowed: tuple[int, ...]) -> int:
    """Clockwise degrees OSD says the page must turn, if it is confident; else 0."""
    osd = tesseract.detect_orientation(
        quality.denoise(gray, dpi),
        dpi=dpi,
        timeout=settings.page_timeout_s,
        engine=settings.engine,
        lang=settings.lang,
    )
    if osd is None or osd[0] not in allowed or osd[1] < OSD_MIN_CONFIDENCE:
        return 0
    return osd[0]


def _upright(
    gray: np.ndarray, dpi: int, rotation: int, skew: float | None
) -> tuple[np.ndarray, tuple[str, ...], float]:
    """The image turned by `rotation` and deskewed (`skew` None: measure it after turning),
    and the skew it was deskewed by (0.0 when not)."""
    steps: tuple[str, ...] = ()
    if rotation:
        gray, steps = quality.turn(gray, rotation), (f"turn{rotation}",)
    if skew is None or rotation:
        skew = quality.estimate_skew(gray, dpi)
    if abs(skew) >= quality.MIN_SKEW:
        return quality.deskew(gray, skew), (*steps, "deskew"), skew
    return gray, steps, 0.0


def _climb(reader: _Reader, best: Read, started: float) -> Read:
    for rung in LADDER:
        if best.trustworthy or time.perf_counter() - started > reader.settings.page_timeout_s:
            break
        image, dpi = best.image, best.dpi
        steps = best.steps
        if rung.fix is not None:
            image, dpi = rung.fix(image, dpi)
            steps = (*steps, rung.name)
        cand = reader.read(image, dpi, rung.psm or best.run.psm, steps, best.rotation, best.skew)
        if cand.score > best.score:
            best = cand
    return best
