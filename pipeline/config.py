"""Frozen settings objects, built once by the CLI and passed explicitly to stages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
#: the OCR engines `OcrSettings.engine` may name (see `pipeline.text.tesseract`)
OCR_ENGINES = ("auto", "tesserocr", "cli")


@dataclass(frozen=True)
class OcrSettings:
    """How pages are read."""

    dpi: int = 300
    lang: str = "swe"
    page_timeout_s: float = 120.0  # a Tesseract call running longer is killed
    max_render_pixels: int = (
        200_000_000  # decompression-bomb guard (≈ 40 MP/page at 300 dpi is normal)
    )
    min_text_chars: int = 40  # a text layer with fewer characters counts as empty
    retry: bool = True  # the retry ladder for suspicious pages
    #: "auto" (the default): in-process Tesseract (tesserocr) when it starts and runs the
    #: CLI's libtesseract (built from source against Debian's, as `make` does: it then reads
    #: exactly as the CLI does), else the CLI; "tesserocr": in-process whatever its
    #: libtesseract (PyPI's wheel bundles 5.5.4, which reads a few characters differently
    #: from Debian's 5.3.0); "cli": a Tesseract process per page. ``NAMND_OCR_ENGINE`` sets
    #: it. In-process reading saves the CLI's start and model load on every page
    #: (tests/bench/README.md, eleventh to thirteenth rounds).
    engine: str = field(default_factory=lambda: os.environ.get("NAMND_OCR_ENGINE") or "auto")

    def __post_init__(self) -> None:
        if self.engine not in OCR_ENGINES:
            from pipeline.errors import UsageError

            raise UsageError(
                f"unknown OCR engine {self.engine!r} (NAMND_OCR_ENGINE): "
                f"use one of {', '.join(OCR_ENGINES)}"
            )


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    db_path: Path
    extracted_dir: Path
    overrides_dir: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False
    prune: bool = False
    rebuild_warehouse: bool = False
    scheduler: str | None = None  # a Dask scheduler's address, or "local"; None: the local pool
    retry_failed: bool = False  # retry files whose unchanged bytes failed before
    ocr: OcrSettings = field(default_factory=OcrSettings)
    expected_dir: Path = Path("warehouse/expected")  # the expectations register (issue 18)

    @classmethod
    def from_env(
        cls,
        raw: str | Path | None = None,
        db: str | Path | None = None,
        **kwargs: object,
    ) -> Settings:
        """Settings from explicit options, then NAMND_RAW / NAMND_DB, then the defaults.

        Relative defaults are resolved against the current directory, as a user expects.
        """
        raw_dir = Path(raw or os.environ.get("NAMND_RAW") or "raw")
        db_path = Path(db or os.environ.get("NAMND_DB") or "warehouse/namnd.duckdb")
        extracted = Path(os.environ.get("NAMND_EXTRACTED") or db_path.parent.parent / "extracted")
        if db_path.parent.name != "warehouse":
            extracted = Path(os.environ.get("NAMND_EXTRACTED") or db_path.parent / "extracted")
        overrides = Path(os.environ.get("NAMND_OVERRIDES") or db_path.parent / "overrides")
        kwargs.setdefault(
            "expected_dir", Path(os.environ.get("NAMND_EXPECTED") or db_path.parent / "expected")
        )
        return cls(
            raw_dir=raw_dir,
            db_path=db_path,
            extracted_dir=extracted,
            overrides_dir=overrides,
            **kwargs,  # type: ignore[arg-type]
        )
