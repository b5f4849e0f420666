"""Tests for the sample generators (pipeline.devtools) and the hostile-file zoo (tests/zoo.py)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.devtools import degrade, harsh, make_samples, render, scans

try:
    from tests import zoo
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import zoo  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[2]
RAW = REPO / "raw"

TINY_SEED = (
    " Förvaltningens förslag till beslut\n"
    "1. Socialnämnden godkänner förslag till FoU-plan 2015.\n"
    "\n"
    "Sammanfattning " + "Detta ärende är en plan för forskning och utveckling. " * 6 + "\n"
    " Bakgrund\n"
    "Utvecklingsenheten fördelar så kallade lokala utvecklingsmedel.\n"
)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _images(page: pikepdf.Page) -> list[pikepdf.Object]:
    xobjects = page.obj.Resources.get("/XObject", {})
    return [x for x in xobjects.values() if x.get("/Subtype") == "/Image"]


# ------------------------------------------------------------------ splitter / layout


def test_split_on_single_space_lines() -> None:
    text = " first page\nline two\n  two spaces: same page\n second page\nmore\n "
    assert render.split_transcript_pages(text) == [
        "first page\nline two\n  two spaces: same page",
        "second page\nmore",
        "",
    ]


def test_split_first_line_without_space_and_no_markers() -> None:
    assert render.split_transcript_pages("a\nb\n\nc") == ["a\nb\n\nc"]
    assert render.split_transcript_pages("") == [""]


def test_split_prefers_form_feeds() -> None:
    text = "page one\n not a break\fpage two\f"
    assert render.split_transcript_pages(text) == ["page one\n not a break", "page two", ""]


def test_layout_wraps_keeps_breaks_and_paginates() -> None:
    long = " ".join(f"ord{i}" for i in range(40))  # 40 words, ~200 chars
    pages = render.layout_pages(["\n\nrubrik\n" + long + "\n\n", "x\ny"], chars_per_line=30)
    assert pages[0][0] == "rubrik"  # leading blank lines trimmed
    assert all(len(line) <= 30 for line in pages[0])
    assert " ".join(pages[0][1:]).split() == long.split()
    assert pages[1] == ["x", "y"]  # each transcript page starts a new output page

    many = "\n".join(f"rad {i}" for i in range(7))
    split = render.layout_pages([many], lines_per_page=3)
    assert [len(p) for p in split] == [3, 3, 1]
    assert render.reference_text(split[0]) == "rad 0\nrad 1\nrad 2"
    assert render.layout_pages(["", "  \n"]) == [[], []]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet="abcåäöÅÄÖ-.,", min_size=1, max_size=12), max_size=40),
        min_size=1,
        max_size=8,
    ),
    st.integers(min_value=12, max_value=90),
)
def test_layout_preserves_words(lines: list[list[str]], width: int) -> None:
    text = "\n".join(" ".join(words) for words in lines)
    pages = render.layout_pages([text], chars_per_line=width, lines_per_page=5)
    flat = [line for page in pages for line in page]
    assert all(len(line) <= width for line in flat)
    assert " ".join(flat).split() == text.split()


def test_winansi_safe() -> None:
    assert render.winansi_safe("Ärende åäö é – ”") == "Ärende åäö é – ”"
    assert render.winansi_safe("ﬁnns ☃") == "finns ?"


# -------------------------------------------------------------------- generation


def _tiny_seeds(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "000_tiny.txt").write_text(TINY_SEED, encoding="utf-8")
    (directory / "001_tiny.txt").write_text(TINY_SEED.replace("2015", "2016"), encoding="utf-8")
    return directory


def test_generation_is_deterministic(tmp_path: Path) -> None:
    seeds = _tiny_seeds(tmp_path / "seeds")
    runs = []
    for k in range(2):
        out = tmp_path / f"run{k}"
        for seed in sorted(seeds.glob("*.txt")):
            make_samples.generate_seed(seed, out, dpi=150)
        runs.append(_digests(out))
    assert runs[0] == runs[1]
    assert set(runs[0]) == {
        "transcripts/000_tiny.txt",
        "transcripts/001_tiny.txt",
        "scanned/000_tiny.scan.pdf",
        "scanned/001_tiny.scan.pdf",
        "born/001_tiny.born.pdf",
        "mixed/000_tiny.mixed.pdf",
    }
    out = tmp_path / "run0"
    assert (out / "transcripts/000_tiny.txt").read_bytes() == (seeds / "000_tiny.txt").read_bytes()
    ref = make_samples.reference_pages(seeds / "001_tiny.txt")
    assert len(ref) == 2
    born = _page_texts(out / "born/001_tiny.born.pdf")
    assert [_norm(t) for t in born] == [_norm(r) for r in ref]
    assert _page_texts(out / "scanned/001_tiny.scan.pdf") == ["", ""]
    mixed = _page_texts(out / "mixed/000_tiny.mixed.pdf")
    assert _norm(mixed[0]) == _norm(make_samples.reference_pages(seeds / "000_tiny.txt")[0])
    assert mixed[1] == ""


def test_scanned_pdf_encodings(tmp_path: Path) -> None:
    img = scans.render_page_image(["Socialnämnden"], dpi=100)
    for enc, filt in (("g4", "/CCITTFaxDecode"), ("jpeg", "/DCTDecode")):
        path = scans.scanned_pdf([img, img], tmp_path / f"{enc}.pdf", encoding=enc, dpi=100)
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) == 2
            (image,) = _images(pdf.pages[0])
            assert pikepdf.PdfImage(image).filters == [filt]
            assert abs(float(pdf.pages[0].mediabox[2]) - render.A4_PT[0]) < 1
        assert _page_texts(path) == ["", ""]


def test_degrade_image_is_seeded() -> None:
    img = scans.render_page_image(["Ärende"], dpi=50)
    kw = {"skew_deg": 1.0, "noise_sigma": 10.0, "blur_radius": 0.5}
    a = scans.degrade_image(img, seed=1, **kw).tobytes()
    assert a == scans.degrade_image(img, seed=1, **kw).tobytes()
    assert a != scans.degrade_image(img, seed=2, **kw).tobytes()


def test_degrade_levels(tmp_path: Path) -> None:
    names = [lv.name for lv in degrade.LEVELS]
    assert names[0] == "clean300" and len(set(names)) == len(names)
    assert {"mild300", "moderate300", "harsh200", "harsh200_rot"} <= set(names)
    with pytest.raises(KeyError):
        degrade.get_level("nope")
    seed = _tiny_seeds(tmp_path / "seeds") / "000_tiny.txt"
    ref = degrade.degrade_seed(seed, "harsh200_rot", tmp_path / "rot.pdf")
    assert ref == make_samples.reference_pages(seed)
    with pikepdf.open(tmp_path / "rot.pdf") as pdf:
        box = pdf.pages[0].mediabox
        assert float(box[2]) > float(box[3])  # sideways image -> landscape page
        assert "/Rotate" not in pdf.pages[0].obj
    assert _page_texts(tmp_path / "rot.pdf") == ["", ""]


def test_harsh_set(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for prefix in ("000", "001", "002", "004"):
        (seeds / f"{prefix}_tiny.txt").write_text(TINY_SEED + " Tredje sidan\n", encoding="utf-8")
    out = tmp_path / "harsh"
    ref = harsh.build_harsh(out, seeds)
    assert json.loads((out / "reference.json").read_text(encoding="utf-8")) == ref
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(ref)
    total = 0
    for name, pages in ref.items():
        with pikepdf.open(out / name) as pdf:
            assert len(pdf.pages) == len(pages), name
            total += len(pdf.pages)
    assert total <= 8
    assert ref["harsh_near_blank.pdf"] == [""]
    with pikepdf.open(out / "harsh_rotate90_text.pdf") as pdf:
        assert int(pdf.pages[0].obj.Rotate) == 90
    assert _norm(_page_texts(out / "harsh_rotate90_text.pdf")[0]) == _norm(
        ref["harsh_rotate90_text.pdf"][0]
    )
    with pikepdf.open(out / "harsh_sideways.pdf") as pdf:
        box = pdf.pages[0].mediabox
        assert float(box[2]) > float(box[3])
    assert _page_texts(out / "harsh_noisy_jpeg.pdf") == ["", "", ""]


# ------------------------------------------------------------- committed samples


def _raw_files() -> list[Path]:
    return [p for p in RAW.rglob("*") if p.is_file()]


def test_raw_holds_only_inputs_within_budget() -> None:
    files = _raw_files()
    assert files and all(p.suffix in {".pdf", ".txt"} for p in files)
    assert sum(p.stat().st_size for p in files) < 25_000_000
    stems = {p.stem for p in (RAW / "transcripts").glob("*.txt")}
    assert len(stems) == 5
    assert {p.name.split(".")[0] for p in (RAW / "scanned").glob("*.scan.pdf")} == stems


def test_raw_transcripts_match_seeds() -> None:
    seeds = make_samples.default_seeds_dir()
    transcripts = sorted((RAW / "transcripts").glob("*.txt"))
    assert [t.name for t in transcripts] == sorted(SEED_SHA256)
    for t in transcripts:
        assert hashlib.sha256(t.read_bytes()).hexdigest() == SEED_SHA256[t.name], t.name
        if seeds.is_dir():
            assert t.read_bytes() == (seeds / t.name).read_bytes()


# SHA-256 of the five seed transcripts in ../shared/seeds (read 2026-11-22), so the copies in
# raw/transcripts are checked even where shared/ is not beside the repository.
SEED_SHA256 = {
    "000_008b215ddad01cfe.txt": "a466a51a3aa850f1339aa197abfef14aea118bf71ca7bda90adf790ca8e275ea",
    "001_596b07b856b5941c.txt": "a99940f6409c830e55ab608ee46dd81f5639c4f4e2d6bc25ae2570d29411bcef",
    "002_a6dff5252f235419.txt": "d7991c0a26206c86b1c05523c5e9c472af942e6c7a041e580bbc2ced506a0c60",
    "003_c8c31cc05d04c12b.txt": "069d0769c44f5f1f96162d98ba58f37f7a52e3b62180244504419b7a2f51350d",
    "004_3538bb1b39e8be89.txt": "a1e5cd9445a4423d3f461b9ce93d5b0da4b1f07da07f3a473843210e5b9e3f56",
}


def test_raw_pdfs_match_reference_pages() -> None:
    for transcript in sorted((RAW / "transcripts").glob("*.txt")):
        ref = make_samples.reference_pages(transcript)
        stem = transcript.stem
        assert _page_texts(RAW / "scanned" / f"{stem}.scan.pdf") == [""] * len(ref)
        born = RAW / "born" / f"{stem}.born.pdf"
        if born.exists():
            assert [_norm(t) for t in _page_texts(born)] == [_norm(r) for r in ref]
        mixed = RAW / "mixed" / f"{stem}.mixed.pdf"
        if mixed.exists():
            texts = _page_texts(mixed)
            assert len(texts) == len(ref)
            for i, (got, want) in enumerate(zip(texts, ref, strict=True)):
                assert _norm(got) == (_norm(want) if i % 2 == 0 else ""), i


# ------------------------------------------------------------------------- zoo


def test_zoo_valid_builders(tmp_path: Path) -> None:
    good = zoo.good_text_pdf(tmp_path, "g.pdf", "Hej Socialnämnden\nrad två")
    assert _norm(_page_texts(good)[0]) == "Hej Socialnämnden rad två"

    rot = zoo.rotate90_text_pdf(tmp_path)
    with pikepdf.open(rot) as pdf:
        assert int(pdf.pages[0].obj.Rotate) == 90
    assert "Socialnämnden" in _page_texts(rot)[0]

    for builder, filt, bpc in (
        (zoo.ccitt_g4_pdf, "/CCITTFaxDecode", 1),
        (zoo.bilevel_pdf, "/FlateDecode", 1),
    ):
        path = builder(tmp_path)
        with pikepdf.open(path) as pdf:
            (image,) = _images(pdf.pages[0])
            assert pikepdf.PdfImage(image).filters == [filt]
            assert int(image.BitsPerComponent) == bpc
        assert _page_texts(path) == [""]

    many = zoo.many_pages_pdf(tmp_path, n=300)
    with pikepdf.open(many) as pdf:
        assert len(pdf.pages) == 300

    uni = zoo.unicode_name_pdf(tmp_path)
    assert uni.suffix == ".PDF" and " " in uni.name and "å" in uni.name
    assert "Socialnämnden" in _page_texts(uni)[0]


def test_zoo_encryption(tmp_path: Path) -> None:
    user = zoo.encrypted_user_password(tmp_path)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(user)
    with pikepdf.open(user, password="hemligt") as pdf:
        assert len(pdf.pages) == 1

    owner = zoo.encrypted_owner_only(tmp_path)
    with pikepdf.open(owner) as pdf:
        assert pdf.is_encrypted and len(pdf.pages) == 1
        assert not pdf.allow.extract
    assert "Socialnämnden" in _page_texts(owner)[0]


def test_zoo_broken_inputs(tmp_path: Path) -> None:
    for builder in (zoo.truncated_pdf, zoo.zero_byte, zoo.garbage_bytes, zoo.html_as_pdf):
        path = builder(tmp_path)
        assert path.suffix == ".pdf"
        with pytest.raises(pikepdf.PdfError):
            pikepdf.open(path)
    assert zoo.zero_byte(tmp_path).stat().st_size == 0
    assert zoo.garbage_bytes(tmp_path, "g1.pdf").read_bytes() == (
        zoo.garbage_bytes(tmp_path, "g2.pdf").read_bytes()
    )
    assert zoo.html_as_pdf(tmp_path).read_bytes().startswith(b"<!DOCTYPE html>")
    assert zoo.png_as_pdf(tmp_path).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    with pikepdf.open(zoo.zero_pages_pdf(tmp_path)) as pdf:
        assert len(pdf.pages) == 0

    broken = zoo.broken_xref_pdf(tmp_path)
    with pikepdf.open(broken) as pdf:  # qpdf reconstructs the xref ...
        assert len(pdf.pages) == 1
        pdf.save(tmp_path / "repaired.pdf")  # ... and writes a clean file
    assert "Socialnämnden" in _page_texts(tmp_path / "repaired.pdf")[0]


def test_zoo_bomb(tmp_path: Path) -> None:
    bomb = zoo.decompression_bomb_pdf(tmp_path)
    assert bomb.stat().st_size < 4096
    with pikepdf.open(bomb) as pdf:
        page = pdf.pages[0]
        assert [float(v) for v in page.mediabox] == [0, 0, 14400, 14400]
        (image,) = _images(page)
        assert (int(image.Width), int(image.Height)) == (60000, 60000)
    small = zoo.decompression_bomb_pdf(tmp_path, "bomb_a4.pdf", huge_mediabox=False)
    with pikepdf.open(small) as pdf:
        assert float(pdf.pages[0].mediabox[2]) < 600


def test_zoo_filesystem_oddities(tmp_path: Path) -> None:
    loop = zoo.symlink_loop(tmp_path)
    assert loop.is_symlink()
    with pytest.raises(OSError):
        loop.read_bytes()
    cycle = zoo.symlink_dir_cycle(tmp_path)
    assert (cycle / "self").is_symlink() and os.path.samefile(cycle / "self", cycle)

    handle = zoo.growing_file(tmp_path, seconds=0.6, chunks=6)
    assert handle.path.exists()
    assert handle.wait(timeout=10) and handle.done.is_set()
    with pikepdf.open(handle.path) as pdf:
        assert len(pdf.pages) == 1


def test_zoo_build_all(tmp_path: Path) -> None:
    built = zoo.build_all(tmp_path)
    assert set(built) == set(zoo.BUILDERS)
    assert all(p.is_symlink() or p.exists() for p in built.values())


def test_render_corpus_writes_variants_and_gold_with_references(tmp_path: Path) -> None:
    from pipeline.devtools.corpus import render_corpus

    src = Path(__file__).parents[1] / "resources" / "corpus" / "genre"
    stems = {"g03_2003_sotn_protokoll_tabell"}
    first = render_corpus(src, tmp_path / "a", ("txt", "born"), stems=stems)
    again = render_corpus(src, tmp_path / "b", ("txt", "born"), stems=stems)
    names = [p.relative_to(tmp_path / "a").as_posix() for p in first]
    assert names == [
        "raw/transcripts/g03_2003_sotn_protokoll_tabell.txt",
        "raw/born/g03_2003_sotn_protokoll_tabell.born.pdf",
    ]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]  # reproducible
    gold = json.loads((tmp_path / "a" / "gold" / "g03_2003_sotn_protokoll_tabell.json").read_text())
    assert (
        Path(gold["reference"]) == (src / "docs" / "g03_2003_sotn_protokoll_tabell.txt").resolve()
    )
    with pytest.raises(ValueError, match="unknown variants"):
        render_corpus(src, tmp_path / "c", ("png",))


def test_render_corpus_in_worker_processes_writes_the_same_bytes_in_order(tmp_path: Path) -> None:
    from pipeline.devtools.corpus import render_corpus

    src = Path(__file__).parents[1] / "resources" / "corpus" / "neighbours"
    stems = sorted(p.stem for p in (src / "docs").glob("*.txt"))[:3]
    serial = render_corpus(src, tmp_path / "one", ("txt", "scan"), stems=stems, workers=1)
    pooled = render_corpus(src, tmp_path / "two", ("txt", "scan"), stems=stems, workers=2)
    assert [p.relative_to(tmp_path / "two") for p in pooled] == [
        p.relative_to(tmp_path / "one") for p in serial
    ]
    assert [p.name for p in pooled[:2]] == [f"{stems[0]}.txt", f"{stems[0]}.scan.pdf"]
    assert [p.read_bytes() for p in pooled] == [p.read_bytes() for p in serial]
    assert sorted(q.name for q in (tmp_path / "two" / "gold").iterdir()) == [
        f"{s}.json" for s in stems
    ]


def test_the_gate_reads_odd_transcripts_scans_every_32nd_neighbour_and_every_twelfth_born_copy(
    tmp_path: Path,
) -> None:
    from pipeline.devtools.corpus import gate_stems, render_gate_corpus

    corpora = Path(__file__).parents[1] / "resources" / "corpus"
    stems = ["n01", "n02", "n03", "n05", "n07", "n11", "n15", "n25", "n33", "n233", "n243"]
    assert gate_stems(corpora / "neighbours", "scan", stems) == ["n01", "n33"]
    assert gate_stems(corpora / "neighbours", "born", stems) == ["n03", "n15", "n243"]
    assert gate_stems(corpora / "neighbours", "txt", stems) == [
        "n01",
        "n03",
        "n05",
        "n07",
        "n11",
        "n15",
        "n233",
        "n243",
        "n25",
        "n33",
    ]
    assert gate_stems(corpora / "realdocs", "scan", ["r002", "r004"]) == ["r002", "r004"]
    assert gate_stems(corpora / "realdocs", "born", ["r002", "r004"]) == ["r002", "r004"]
    genre = ["g01_1999_a", "g02_2004_b", "g03_2008_f", "g05_2012_c", "g446_2020_d", "g449_2006_e"]
    assert gate_stems(corpora / "genre", "scan", genre) == [
        "g01_1999_a",
        "g05_2012_c",
        "g449_2006_e",
    ]
    assert gate_stems(corpora / "genre", "born", genre) == ["g03_2008_f"]
    assert "g02_2004_b" not in gate_stems(corpora / "genre", "txt", genre)
    assert gate_stems(corpora / "realdocs", "txt", ["r002", "r004"]) == ["r002", "r004"]
    # rendered as the gate renders it: odd-numbered transcripts, the costly variants of a few
    src = tmp_path / "neighbours"
    (src / "docs").mkdir(parents=True)
    (src / "gold").mkdir()
    for stem in ("n01", "n02", "n03"):
        (src / "docs" / f"{stem}.txt").write_text(
            "Socialnämnden\n\nBidrag 2020\n\nNämnden beviljar 10 000 kronor.\n", encoding="utf-8"
        )
    render_gate_corpus(src, tmp_path / "out", ("txt", "born", "scan"))
    raw = tmp_path / "out" / "raw"
    assert sorted(p.name for p in (raw / "transcripts").iterdir()) == ["n01.txt", "n03.txt"]
    assert sorted(p.name for p in (raw / "scanned").iterdir()) == ["n01.scan.pdf"]
    assert sorted(p.name for p in (raw / "born").iterdir()) == ["n03.born.pdf"]


def test_wide_table_rows_are_never_wrapped_but_drawn_smaller() -> None:
    row = "Unga vuxna i arbete" + " " * 30 + "Stockholms universitet" + " " * 30 + "480 000"
    prose = "Förvaltningen föreslår att nämnden beviljar medel till de projekt som anges nedan i tabellen."
    pages = render.layout_pages([f"{prose}\n{row}\n{row}"], chars_per_line=90)
    assert pages[0][-2:] == [row, row]  # the table's rows stay whole
    assert len(pages[0]) == 4  # the plain prose line longer than 90 is wrapped as before
    assert render.table_scale(pages[0]) == pytest.approx(90 / len(row))
    assert render.table_scale(["kort rad", "  indrag"]) == 1.0
    # running text with a double space after a full stop, or an indented paragraph line,
    # wraps as before and shrinks nothing
    double = "Föreningen ansöker om medel för perioden 2020-2022.  " + prose + " " + prose
    indented = "  " + prose + " " + prose
    for text in (double, indented):
        (page,) = render.layout_pages([text], chars_per_line=90)
        assert len(page) > 1 and render.table_scale(page) == 1.0
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(render.born_digital_bytes(pages))
    text = pdf[0].get_textpage().get_text_range()
    lines = [ln for ln in text.splitlines() if "480 000" in ln]
    assert len(lines) == 2 and all("Stockholms universitet" in ln for ln in lines)
