"""Turn a test corpus of transcripts into the raw folder the quality gate runs on.

Usage::

    python -m pipeline.devtools.corpus SRC OUT [--variants txt born scan mixed] [--level mild300]

``SRC`` is a corpus folder with ``docs/<stem>.txt`` (pages separated by form feeds) and
``gold/<stem>.json`` (``tests/resources/corpus/genre``, ``tests/resources/corpus/realdocs``).
:func:`render_corpus` writes, for every transcript and every requested variant,

* ``OUT/raw/transcripts/<stem>.txt`` -- the transcript, byte for byte (``txt``);
* ``OUT/raw/born/<stem>.born.pdf`` -- born-digital, real text layer (``born``);
* ``OUT/raw/scanned/<stem>.scan.pdf`` -- image-only scan at a degrade level (``scan``);
* ``OUT/raw/mixed/<stem>.mixed.pdf`` -- odd pages text, even pages scanned (``mixed``);

and ``OUT/gold/<stem>.json``: the corpus gold with ``reference`` pointing at the transcript,
so ``namnd eval --gold OUT/gold`` measures CER/WER of every variant too. Every file is made by
the project's own renderer (:mod:`pipeline.devtools.render`, the same layout as the samples),
deterministically: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import shutil
from collections.abc import Collection, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from pipeline.devtools import render, scans
from pipeline.devtools.degrade import LEVELS, get_level, level_images
from pipeline.devtools.make_samples import seed_pages

__all__ = [
    "GATE_STRIDE",
    "VARIANTS",
    "gate_stems",
    "in_gate",
    "main",
    "render_corpus",
    "render_gate_corpus",
]

#: Variant names, in the order files are written.
VARIANTS = ("txt", "born", "scan", "mixed")
DEFAULT_LEVEL = "mild300"
#: The documents of a large corpus that the quality gate renders in a variant, as
#: (stride, residue): the documents numbered residue, residue + stride, … (scans of the
#: neighbours: n01, n33, …). OCR is most of the test suite's time, and each document is a
#: full parse: the odd-numbered transcripts, a thirty-second of the neighbours' scans and a
#: twelfth of each corpus's born-digital copies (numbers 3, 15, 27, …, none of them scanned;
#: every rendered copy's transcript is rendered too) still show what each path costs each
#: field, and keep the suite within its CI budget as the corpora grow (README,
#: "Development"). The README's figures are measured on every transcript; the gate's floors
#: on the documents rendered here (`quality_report --floors`, `in_gate`).
GATE_STRIDE: dict[str, dict[str, tuple[int, int]]] = {
    "neighbours": {"txt": (2, 1), "scan": (32, 1), "born": (12, 3)},
    "genre": {"txt": (2, 1), "scan": (4, 1), "born": (12, 3)},
}


def in_gate(corpus: str | Path, variant: str, stem: str) -> bool:
    """Whether the quality gate renders document `stem` of `corpus` (a folder or its name) in
    `variant`: always, except for a variant of :data:`GATE_STRIDE`, where the document's
    number must be its residue modulo its stride."""
    stride, residue = GATE_STRIDE.get(Path(corpus).name, {}).get(variant, (1, 0))
    if stride == 1:
        return True
    m = re.match(r"\D*(\d+)", stem)
    return m is not None and int(m.group(1)) % stride == residue % stride


def gate_stems(corpus: str | Path, variant: str, stems: Collection[str]) -> list[str]:
    """The documents of `corpus` that the quality gate renders in `variant` (`in_gate`)."""
    return sorted(s for s in stems if in_gate(corpus, variant, s))


def render_gate_corpus(
    src_dir: str | Path,
    out_dir: str | Path,
    variants: Collection[str],
    *,
    level: str = DEFAULT_LEVEL,
) -> list[Path]:
    """`render_corpus` as the quality gate renders the corpus: every variant of every document,
    but a variant of :data:`GATE_STRIDE` only for the documents of `gate_stems` (the README's
    figures render every transcript: `--variants txt` without `--gate`, then the costly
    variants with it, into one folder)."""
    src = Path(src_dir)
    every = [p.stem for p in (src / "docs").glob("*.txt")]
    groups: dict[tuple[str, ...], set[str]] = {}
    for variant in variants:
        groups.setdefault(tuple(gate_stems(src, variant, every)), set()).add(variant)
    written: list[Path] = []
    for stems, group in groups.items():
        if stems:
            written += render_corpus(src, out_dir, group, level=level, stems=stems)
    return written


def render_corpus(
    src_dir: str | Path,
    out_dir: str | Path,
    variants: Collection[str] = ("txt", "born", "scan"),
    *,
    level: str = DEFAULT_LEVEL,
    stems: Collection[str] | None = None,
    workers: int | None = None,
) -> list[Path]:
    """Write the requested variants of every document of the corpus ``src_dir`` under
    ``out_dir/raw`` and its gold (with ``reference``) under ``out_dir/gold``.

    ``stems`` restricts the documents (default: every ``docs/*.txt``). ``workers`` processes
    render documents side by side (default: one per CPU; 1 renders in this process). Returns
    the paths of the raw files written, in document order.
    """
    src, out = Path(src_dir), Path(out_dir)
    unknown = sorted(set(variants) - set(VARIANTS))
    if unknown:
        raise ValueError(f"unknown variants {unknown}; known: {', '.join(VARIANTS)}")
    get_level(level)  # an unknown level fails here, before any worker starts
    docs = sorted(p for p in (src / "docs").glob("*.txt") if stems is None or p.stem in stems)
    if not docs:
        raise FileNotFoundError(f"no transcripts in {src / 'docs'}")
    one = partial(_render_document, src=src, out=out, variants=tuple(variants), level=level)
    n = min(len(docs), workers if workers is not None else (os.cpu_count() or 1))
    if n <= 1:
        return [p for doc in docs for p in one(doc)]
    # Documents are independent and every image is seeded from its own stem, so rendering
    # them in worker processes gives the same bytes as rendering them one by one.
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn")) as pool:
        return [p for paths in pool.map(one, docs, chunksize=4) for p in paths]


def _render_document(
    doc: Path, src: Path, out: Path, variants: tuple[str, ...], level: str
) -> list[Path]:
    """Write the requested variants of one transcript and its gold; returns the raw files."""
    lv = get_level(level)
    raw, gold = out / "raw", out / "gold"
    written: list[Path] = []

    def target(sub: str, name: str) -> Path:
        (raw / sub).mkdir(parents=True, exist_ok=True)
        return raw / sub / name

    gold.mkdir(parents=True, exist_ok=True)
    gold_src = src / "gold" / f"{doc.stem}.json"
    if gold_src.is_file():
        data = json.loads(gold_src.read_text(encoding="utf-8"))
        data["reference"] = str(doc.resolve())
        (gold / gold_src.name).write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    pages = seed_pages(doc)
    images = None
    if {"scan", "mixed"} & set(variants):
        images = level_images(pages, doc.stem, lv)
    for variant in (v for v in VARIANTS if v in variants):
        if variant == "txt":
            dst = target("transcripts", doc.name)
            shutil.copyfile(doc, dst)
        elif variant == "born":
            dst = render.born_digital_pdf(pages, target("born", f"{doc.stem}.born.pdf"))
        elif variant == "scan":
            assert images is not None
            dst = scans.scanned_pdf(
                images,
                target("scanned", f"{doc.stem}.scan.pdf"),
                encoding=lv.encoding,
                jpeg_quality=lv.jpeg_quality,
                dpi=lv.dpi,
            )
        else:
            assert images is not None
            even = {i: images[i] for i in range(1, len(pages), 2)}  # 2nd, 4th, ... page
            dst = scans.mixed_pdf(
                pages,
                even,
                target("mixed", f"{doc.stem}.mixed.pdf"),
                encoding=lv.encoding,
                jpeg_quality=lv.jpeg_quality,
                dpi=lv.dpi,
            )
        written.append(dst)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point; prints every written file with its size."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("src", type=Path, help="corpus folder with docs/ and gold/")
    ap.add_argument("out", type=Path, help="output folder (raw/ and gold/ are written in it)")
    ap.add_argument(
        "--variants", nargs="+", choices=VARIANTS, default=["txt", "born", "scan"], metavar="V"
    )
    ap.add_argument(
        "--level", default=DEFAULT_LEVEL, choices=[lv.name for lv in LEVELS], help="scan level"
    )
    ap.add_argument(
        "--gate",
        action="store_true",
        help="render as the quality gate does (GATE_STRIDE: a part of a large corpus)",
    )
    args = ap.parse_args(argv)
    render = render_gate_corpus if args.gate else render_corpus
    try:
        written = render(args.src, args.out, args.variants, level=args.level)
    except FileNotFoundError as exc:
        ap.error(str(exc))
    for p in written:
        print(f"{p.stat().st_size:>10,d} B  {p}")
    print(f"{len(written)} files under {args.out / 'raw'}; gold in {args.out / 'gold'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
