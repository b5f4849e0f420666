"""The two OCR engines (issue 19): in-process Tesseract (tesserocr) and the CLI, with real
Tesseract. Built against the CLI's libtesseract (as `make` builds it), the in-process engine
reads a page exactly as the CLI does; a worker whose in-process engine cannot start reads
with the CLI; and the text fingerprint names an in-process engine only when it runs another
libtesseract (PyPI's wheel), whose text is then never taken for the CLI's."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from pipeline.config import OcrSettings
from pipeline.errors import UsageError
from pipeline.run import fingerprint as fp
from pipeline.text import tesseract
from pipeline.text.page import read_page
from pipeline.text.pdf import open_pdf
from pipeline.text.render import render_gray

tesserocr = pytest.importorskip("tesserocr")

REPO = Path(__file__).resolve().parents[2]
#: a page of a bundled scan (printed text, a table of sums), as `namnd run` renders it
SAMPLE = REPO / "raw" / "scanned" / "002_a6dff5252f235419.scan.pdf"


@pytest.fixture(autouse=True)
def _fresh_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without this process's engines (they are made at the first page)."""
    monkeypatch.setattr(tesseract, "_ENGINES", {})


@pytest.fixture(scope="module")
def sample_page() -> np.ndarray:
    with open_pdf(SAMPLE) as pdf:
        page = pdf.doc[0]
        try:
            return render_gray(page, OcrSettings())
        finally:
            page.close()


def _run(image: np.ndarray, engine: str) -> tesseract.OcrRun:
    return tesseract.recognise(image, lang="swe", dpi=300, psm=3, timeout=600, engine=engine)


def test_the_engines_read_a_sample_page_alike(sample_page: np.ndarray) -> None:
    """The same words, boxes, confidences and text: tesserocr runs the CLI's libtesseract
    (`make` builds it from source against Debian's; tests/bench/README.md, thirteenth
    round)."""
    assert fp.same_library(tesseract.identity()), (
        f"{tesseract.identity()} does not run the CLI's Tesseract: `make tesserocr` builds "
        "it from source against Debian's libtesseract"
    )
    cli, inproc = _run(sample_page, "cli"), _run(sample_page, "tesserocr")
    assert tesseract._ENGINES[("tesserocr", "swe")] is not None  # it really ran in-process
    assert len(cli.words) > 100
    assert inproc.words == cli.words
    assert inproc.text == cli.text and inproc.confidence == cli.confidence


def test_the_engines_agree_on_orientation(sample_page: np.ndarray) -> None:
    """OSD is the same function behind both: the same turn and confidence, to the digit the
    CLI prints."""
    for k in (0, 1, 2, 3):
        turned = np.ascontiguousarray(np.rot90(sample_page, k))
        cli = tesseract.detect_orientation(turned, dpi=300, timeout=600, engine="cli")
        inproc = tesseract.detect_orientation(turned, dpi=300, timeout=600, engine="tesserocr")
        assert cli is not None and cli == inproc
        assert cli[0] == (90 * k) % 360


def test_a_page_reads_the_same_twice_in_one_worker(sample_page: np.ndarray) -> None:
    """The API kept between pages holds nothing of the page before."""
    first = _run(sample_page, "tesserocr")
    _run(np.ascontiguousarray(sample_page[: sample_page.shape[0] // 2]), "tesserocr")
    assert _run(sample_page, "tesserocr").words == first.words


def test_a_failing_in_process_start_falls_back_to_the_cli(
    sample_page: np.ndarray, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A fault injected at the start (a broken wheel, a model folder it cannot read): the
    worker says so once and reads with the CLI."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Failed to init API, possibly an invalid tessdata path")

    monkeypatch.setattr(tesseract, "InProcess", broken)
    cli_calls: list[str] = []
    real = tesseract._cli_data

    def spy(image, **kw):  # type: ignore[no-untyped-def]
        cli_calls.append("cli")
        return real(image, **kw)

    monkeypatch.setattr(tesseract, "_cli_data", spy)
    with caplog.at_level(logging.WARNING, logger=tesseract.__name__):
        run = _run(sample_page, "tesserocr")
        _run(sample_page, "tesserocr")
    assert cli_calls == ["cli", "cli"] and run.words
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1 and "tesserocr failed to start" in said[0] and "CLI" in said[0]


def test_the_cli_s_library_in_process_keeps_the_cli_s_text_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process Tesseract that runs the CLI's library reads as the CLI does: one text key
    for both, so switching engines redoes no OCR."""
    monkeypatch.setenv("NAMND_CACHE_DIR", str(tmp_path))
    assert fp.ocr_engine("auto", "swe").name == "tesserocr"
    cli = fp.stage_fingerprints("swe", "cli")
    for engine in ("auto", "tesserocr"):
        assert fp.stage_fingerprints("swe", engine)["text"].key == cli["text"].key
    assert "ocr engine" not in cli["text"].tools


def test_another_libtesseract_is_in_the_text_key_and_not_taken_by_auto(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tesserocr with a libtesseract of its own (PyPI's wheel bundles 5.5.4) reads a few
    characters differently: "auto" reads with the CLI and says why; asked for by name, its
    identity is in the text key, so its cache is never taken for the CLI's."""
    monkeypatch.setenv("NAMND_CACHE_DIR", str(tmp_path))
    wheel = "tesserocr 2.13.0 (tesseract 5.5.4)"
    monkeypatch.setattr(fp, "_try_inprocess", lambda tessdata, lang: [True, wheel])
    engine, said = fp.settled_engine("auto", "swe")
    assert engine == "cli"
    assert said.startswith(f"OCR engine: the tesseract CLI ({wheel} is not the CLI's tesseract ")
    cli = fp.stage_fingerprints("swe", "cli")
    assert fp.stage_fingerprints("swe", "auto")["text"].key == cli["text"].key
    inproc = fp.stage_fingerprints("swe", "tesserocr")
    assert inproc["text"].tools["ocr engine"] == wheel
    assert inproc["text"].key != cli["text"].key
    assert cli["understand"].key == inproc["understand"].key  # only the text stage
    assert fp.changes(json_of(cli), inproc) == [("text", f"ocr engine None → {wheel}")]


def json_of(fps: dict[str, fp.StageFingerprint]) -> dict[str, dict[str, object]]:
    import json

    return dict(json.loads(fp.to_json(fps)))


def test_a_failing_start_is_remembered_and_the_run_uses_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The main process asks once whether tesserocr starts (kept in the tool cache): when it
    does not, "auto" comes to the CLI and the fingerprint is the CLI's."""
    monkeypatch.setenv("NAMND_CACHE_DIR", str(tmp_path))
    tries: list[str] = []

    def failing(tessdata: str, lang: str) -> list[object]:
        tries.append(lang)
        return [False, "tesserocr failed to start: RuntimeError: injected"]

    monkeypatch.setattr(fp, "_try_inprocess", failing)
    chosen = fp.ocr_engine("auto", "swe")
    assert chosen.name == "cli" and "injected" in chosen.why_cli
    assert fp.ocr_engine("auto", "swe") == chosen and tries == ["swe"]  # from the cache
    assert fp.stage_fingerprints("swe", "auto")["text"].key == (
        fp.stage_fingerprints("swe", "cli")["text"].key
    )


def test_the_engine_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAMND_OCR_ENGINE", "cli")
    assert OcrSettings().engine == "cli"
    assert fp.ocr_engine(OcrSettings().engine).name == "cli"
    monkeypatch.delenv("NAMND_OCR_ENGINE")
    assert OcrSettings().engine == "auto"  # the default
    monkeypatch.setenv("NAMND_OCR_ENGINE", "tesserocr")
    assert OcrSettings().engine == "tesserocr"
    monkeypatch.setenv("NAMND_OCR_ENGINE", "tesseract")
    with pytest.raises(UsageError, match="auto, tesserocr, cli"):
        OcrSettings()


@pytest.mark.slow
def test_read_page_gives_the_same_record_shape_with_either_engine() -> None:
    """`read_page` of a sample page (orientation, deskew, the ladder): the same record with
    either engine, but for the time it took."""
    cli = read_page(SAMPLE, 1, OcrSettings(engine="cli", page_timeout_s=900))
    inproc = read_page(SAMPLE, 1, OcrSettings(engine="tesserocr", page_timeout_s=900))
    assert inproc.words and replace(inproc, seconds=0.0) == replace(cli, seconds=0.0)
