"""Existing OCR transcripts: decoding and page splitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.text.transcript import read_transcript, split_pages

_REPO = Path(__file__).resolve().parents[2]
SEEDS = next(
    (d for d in (_REPO.parent / "shared" / "seeds", _REPO / "raw" / "transcripts") if d.is_dir()),
    _REPO / "raw" / "transcripts",
)


def write(tmp_path: Path, data: bytes, name: str = "t.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        # form feeds win; an empty page after the final form feed is dropped
        ("Sida ett\n\fSida två\n\f", ["Sida ett\n", "Sida två\n"]),
        ("a\f\fc", ["a", "", "c"]),
        ("a\f b\n c", ["a", " b\n c"]),  # with form feeds, leading spaces are just text
        # exactly one leading space starts a page; the space is removed
        (
            " Första sidan\nrad två\n Andra sidan\nrad",
            ["Första sidan\nrad två", "Andra sidan\nrad"],
        ),
        ("Utan mellanslag\n Sida två", ["Utan mellanslag", "Sida två"]),
        # two or more spaces do not split
        (" Sida\n  indrag\n   mer indrag\nslut", ["Sida\n  indrag\n   mer indrag\nslut"]),
        ("ingen delning alls", ["ingen delning alls"]),
        ("rad\r\n Ny sida\r\n", ["rad", "Ny sida\n"]),  # CRLF normalised
    ],
)
def test_split_pages(text: str, pages: list[str]) -> None:
    assert split_pages(text) == pages


@given(st.lists(st.text(alphabet="abc åäö\n", max_size=30).map(str.strip), min_size=1))
def test_form_feed_split_round_trips(pages: list[str]) -> None:
    text = "\f".join(pages)
    if "\f" in text:
        got = split_pages(text)
        expected = pages[:-1] if len(pages) > 1 and not pages[-1].strip() else pages
        assert got == expected


def test_utf8_file(tmp_path: Path) -> None:
    path = write(tmp_path, "Socialnämnden\n Ärendet gäller år 2015".encode())
    assert read_transcript(path) == ["Socialnämnden", "Ärendet gäller år 2015"]


def test_utf8_bom_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffÄrende".encode())
    assert read_transcript(path) == ["Ärende"]


def test_cp1252_file(tmp_path: Path) -> None:
    path = write(tmp_path, "Förvaltningens förslag\n Bilaga – åtgärder".encode("cp1252"))
    assert read_transcript(path) == ["Förvaltningens förslag", "Bilaga – åtgärder"]


@pytest.mark.parametrize("data", [b"", b"   \n\n  \n"])
def test_empty_file_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        read_transcript(write(tmp_path, data))


def test_binary_file_is_an_input_error(tmp_path: Path) -> None:
    data = bytes(range(256)) * 8
    data = data.replace(b"\x81", b"").replace(b"\x8d", b"").replace(b"\x8f", b"")
    with pytest.raises(InputError, match="undecodable"):
        read_transcript(write(tmp_path, data))


def test_undecodable_in_both_encodings(tmp_path: Path) -> None:
    # 0x81 is invalid UTF-8 here and undefined in cp1252
    with pytest.raises(InputError, match="undecodable"):
        read_transcript(write(tmp_path, b"text \x81\x8d text"))


def test_seed_transcripts_split_as_the_sample_generator_does() -> None:
    """The seeds are what the samples are rendered from: both readings must agree."""
    from pipeline.devtools import render

    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds
    for seed in seeds:
        text = seed.read_bytes().decode("utf-8")
        assert read_transcript(seed) == render.split_transcript_pages(text), seed.name
    assert any(len(read_transcript(seed)) > 1 for seed in seeds)
