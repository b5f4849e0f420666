"""The two OCR engines (issue 19): in-process Tesseract (tesserocr) and the CLI, with real
Tesseract. They read a page alike; a worker whose in-process engine cannot start reads with
the CLI; and the text fingerprint names the engine, so one engine's cache is never taken
for the other's."""

from __future__ import annotations

import logging
import re
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz.distance import Levenshtein

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


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_engines_read_a_sample_page_alike(sample_page: np.ndarray) -> None:
    """Same words, boxes within a few pixels, same lines; the text may differ in a few
    characters (the wheel's libtesseract is not Debian's: tests/bench/README.md, eleventh
    round), never more than 1 %."""
    cli, inproc = _run(sample_page, "cli"), _run(sample_page, "tesserocr")
    assert tesseract._ENGINES[("tesserocr", "swe")] is not None  # it really ran in-process
    assert len(cli.words) > 100
    cli_words = Counter(w.text for w in cli.words)
    same = sum((cli_words & Counter(w.text for w in inproc.words)).values())
    assert same >= 0.97 * len(cli.words)
    diff = Levenshtein.distance(_norm(cli.text), _norm(inproc.text))
    assert diff <= 0.01 * len(_norm(cli.text)), (cli.text, inproc.text)
    assert abs(len(cli.text.splitlines()) - len(inproc.text.splitlines())) <= 1
    pairs = SequenceMatcher(
        None, [w.text for w in cli.words], [w.text for w in inproc.words], autojunk=False
    )
    matched = [
        (cli.words[m.a + i], inproc.words[m.b + i])
        for m in pairs.get_matching_blocks()
        for i in range(m.size)
    ]
    assert len(matched) >= 0.97 * len(cli.words)
    for a, b in matched:
        assert abs(a.left - b.left) <= 3 and abs(a.top - b.top) <= 3, (a, b)
        assert abs(a.width - b.width) <= 6 and abs(a.height - b.height) <= 6, (a, b)
    assert inproc.confidence is not None and cli.confidence is not None
    assert abs(inproc.confidence - cli.confidence) <= 2.0


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


def test_the_engine_is_in_the_text_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAMND_CACHE_DIR", str(tmp_path))
    cli = fp.stage_fingerprints("swe", "cli")
    inproc = fp.stage_fingerprints("swe", "tesserocr")
    assert cli["text"].key != inproc["text"].key
    assert "ocr engine" not in cli["text"].tools  # the CLI's key is what it always was
    said = inproc["text"].tools["ocr engine"]
    assert said.startswith("tesserocr ") and "(tesseract 5." in said
    assert said.endswith(f"({tesserocr.tesseract_version().splitlines()[0].strip()})")
    assert fp.stage_fingerprints("swe", "auto")["text"].key == inproc["text"].key
    assert cli["understand"].key == inproc["understand"].key  # only the text stage
    assert fp.changes(json_of(cli), inproc) == [("text", f"ocr engine None → {said}")]


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
    assert OcrSettings().engine == "cli"  # the default, until the quality floors are re-set
    monkeypatch.setenv("NAMND_OCR_ENGINE", "auto")
    assert OcrSettings().engine == "auto"
    monkeypatch.setenv("NAMND_OCR_ENGINE", "tesseract")
    with pytest.raises(UsageError, match="auto, tesserocr, cli"):
        OcrSettings()


@pytest.mark.slow
def test_read_page_gives_the_same_record_shape_with_either_engine() -> None:
    """`read_page` of a sample page: same method, lines and (near) text with either engine."""
    cli = read_page(SAMPLE, 1, OcrSettings(engine="cli", page_timeout_s=900))
    inproc = read_page(SAMPLE, 1, OcrSettings(engine="tesserocr", page_timeout_s=900))
    assert (cli.source, cli.method, cli.quality) == (inproc.source, inproc.method, inproc.quality)
    diff = Levenshtein.distance(_norm(cli.text), _norm(inproc.text))
    assert diff <= 0.01 * len(_norm(cli.text))
    assert inproc.words and inproc.to_pdf == cli.to_pdf
