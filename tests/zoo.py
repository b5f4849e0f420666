"""A zoo of hostile and unusual input files, built on demand (no binary blobs are committed).

Every builder takes a directory, writes one input into it and returns its path (except
:func:`growing_file`, which returns a handle). Builders are fast (well under a second each)
and deterministic unless noted (encryption uses random salts/IVs). Use them in tests like::

    from tests import zoo          # or `import zoo` when tests/ is not a package
    pdf = zoo.encrypted_user_password(tmp_path)

:func:`build_all` writes every static specimen into one directory, for end-to-end runs.
"""

from __future__ import annotations

import io
import os
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pikepdf
from PIL import Image

from pipeline.devtools import render, scans

#: Default Swedish sample text for the small valid PDFs.
SAMPLE_TEXT = (
    "Socialnämnden\n"
    "Tjänsteutlåtande 2021-04-27\n"
    "Förvaltningens förslag till beslut\n"
    "1. Socialnämnden godkänner redovisning av lokala utvecklingsprojekt år 2020.\n"
    "2. Ärendet delges samtliga stadsdelsnämnder."
)

PathLike = str | os.PathLike[str]


def _lines(text: str) -> list[str]:
    return render.layout_pages([text])[0]


def _good_bytes(text: str = SAMPLE_TEXT) -> bytes:
    return render.born_digital_bytes([_lines(text)])


def _write(directory: PathLike, name: str, data: bytes) -> Path:
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def assemble_pdf(objects: list[bytes], *, root: int = 1) -> bytes:
    """Serialise raw PDF object bodies (object ``i + 1`` is ``objects[i]``) into a complete
    PDF-1.4 file with a correct classic xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


# ----------------------------------------------------------------------------- valid


def good_text_pdf(directory: PathLike, name: str = "good.pdf", text: str = SAMPLE_TEXT) -> Path:
    """A tiny valid one-page born-digital PDF whose text layer is ``text``."""
    return _write(directory, name, _good_bytes(text))


def rotate90_text_pdf(directory: PathLike, name: str = "rotate90_text.pdf") -> Path:
    """A born-digital text page with ``/Rotate 90``: the text layer is displayed sideways."""
    return _write(directory, name, scans.set_page_rotation(_good_bytes(), 90))


def ccitt_g4_pdf(directory: PathLike, name: str = "ccitt_g4.pdf", dpi: int = 200) -> Path:
    """An image-only page of :data:`SAMPLE_TEXT` stored as a CCITT Group 4 image
    (``/CCITTFaxDecode``), as produced by office scanners."""
    img = scans.render_page_image(_lines(SAMPLE_TEXT), dpi=dpi)
    return scans.scanned_pdf([img], Path(directory) / name, encoding="g4", dpi=dpi)


def bilevel_pdf(directory: PathLike, name: str = "bilevel.pdf", dpi: int = 150) -> Path:
    """An image-only page of :data:`SAMPLE_TEXT` as a 1-bit ``/DeviceGray`` image compressed
    with ``/FlateDecode`` (bilevel but *not* CCITT)."""
    img = scans.render_page_image(_lines(SAMPLE_TEXT), dpi=dpi).convert(
        "1", dither=Image.Dither.NONE
    )
    w, h = img.size
    pw, ph = render.A4_PT
    content = b"q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q" % (pw, ph)
    image = _stream(
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 1 /Filter /FlateDecode" % (w, h),
        zlib.compress(img.tobytes(), 9),
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.4f %.4f] "
        b"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>" % (pw, ph),
        _stream(b"", content),
        image,
    ]
    return _write(directory, name, assemble_pdf(objects))


def many_pages_pdf(directory: PathLike, n: int = 300, name: str | None = None) -> Path:
    """A born-digital PDF with ``n`` small text pages ("Sida i av n" plus one sentence)."""
    pages = [
        [f"Sida {i} av {n}", "Socialnämnden beslutar enligt förvaltningens förslag."]
        for i in range(1, n + 1)
    ]
    return _write(directory, name or f"many_pages_{n}.pdf", render.born_digital_bytes(pages))


def unicode_name_pdf(
    directory: PathLike,
    name: str = "Beslut Socialnämnden åäö ÅÄÖ 2021.PDF",
    text: str = SAMPLE_TEXT,
) -> Path:
    """A valid text PDF whose file name has å/ä/ö, spaces and an upper-case ``.PDF`` suffix."""
    return _write(directory, name, _good_bytes(text))


# --------------------------------------------------------------------------- hostile


def encrypted_user_password(
    directory: PathLike, name: str = "encrypted_user.pdf", password: str = "hemligt"
) -> Path:
    """A PDF encrypted with a *user* password (AES-256): cannot be opened without it."""
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(_good_bytes())) as pdf:
        pdf.save(buf, encryption=pikepdf.Encryption(user=password, owner=password + "-owner", R=6))
    return _write(directory, name, buf.getvalue())


def encrypted_owner_only(directory: PathLike, name: str = "encrypted_owner.pdf") -> Path:
    """A PDF encrypted with an *owner* password only (empty user password, AES-128):
    opens and renders without a password, but declares printing/copying/editing forbidden."""
    buf = io.BytesIO()
    deny = pikepdf.Permissions(
        extract=False,
        modify_annotation=False,
        modify_assembly=False,
        modify_form=False,
        modify_other=False,
        print_highres=False,
        print_lowres=False,
    )
    with pikepdf.open(io.BytesIO(_good_bytes())) as pdf:
        pdf.save(buf, encryption=pikepdf.Encryption(user="", owner="agare", allow=deny, R=4))
    return _write(directory, name, buf.getvalue())


def truncated_pdf(directory: PathLike, name: str = "truncated.pdf", keep: float = 0.5) -> Path:
    """The first ``keep`` fraction of a valid PDF's bytes: no xref, no trailer, no ``%%EOF``."""
    data = _good_bytes()
    return _write(directory, name, data[: max(16, int(len(data) * keep))])


def zero_byte(directory: PathLike, name: str = "empty.pdf") -> Path:
    """An empty (0-byte) file named ``.pdf``."""
    return _write(directory, name, b"")


def garbage_bytes(
    directory: PathLike, name: str = "garbage.pdf", size: int = 4096, seed: int = 0
) -> Path:
    """``size`` pseudo-random bytes (seeded, deterministic) named ``.pdf``."""
    data = np.random.default_rng(seed).integers(0, 256, size, dtype=np.uint8).tobytes()
    return _write(directory, name, data)


def html_as_pdf(directory: PathLike, name: str = "page.pdf") -> Path:
    """An HTML document (e.g. a login or error page saved by a crawler) named ``.pdf``."""
    html = (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        "<title>Sidan kunde inte hittas</title></head>\n"
        "<body><h1>404 – Sidan kunde inte hittas</h1><p>Stockholms stad</p></body></html>\n"
    )
    return _write(directory, name, html.encode("utf-8"))


def png_as_pdf(directory: PathLike, name: str = "image.pdf") -> Path:
    """A PNG image (small rendered text snippet) named ``.pdf``."""
    img = scans.render_page_image(_lines(SAMPLE_TEXT), dpi=40)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return _write(directory, name, buf.getvalue())


def zero_pages_pdf(directory: PathLike, name: str = "zero_pages.pdf") -> Path:
    """A syntactically valid PDF whose page tree is empty (``/Kids []``, ``/Count 0``)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    return _write(directory, name, assemble_pdf(objects))


def broken_xref_pdf(directory: PathLike, name: str = "broken_xref.pdf") -> Path:
    """A valid text PDF whose xref table entries all point to wrong offsets.

    Content, trailer and ``startxref`` are intact, so qpdf/pikepdf (and pdfminer) recover by
    reconstructing the xref from the object headers.
    """
    data = bytearray(_good_bytes())
    start = data.rindex(b"\nxref\n") + 1
    end = data.index(b"trailer", start)
    lines = bytes(data[start:end]).split(b"\n")
    fixed = []
    for line in lines:
        if len(line) >= 18 and line[10:11] == b" " and line[16:17] == b" " and line[17:18] == b"n":
            bogus = int(line[:10]) + 37
            line = b"%010d" % bogus + line[10:]
        fixed.append(line)
    data[start:end] = b"\n".join(fixed)
    return _write(directory, name, bytes(data))


def decompression_bomb_pdf(
    directory: PathLike,
    name: str = "bomb.pdf",
    *,
    width: int = 60000,
    height: int = 60000,
    huge_mediabox: bool = True,
) -> Path:
    """A one-page PDF built to exhaust memory if handled naively.

    The page's image XObject declares ``width`` x ``height`` 8-bit grey pixels (3.6 GB by
    default) while its Flate stream is a few hundred bytes (only 8 rows of data). With
    ``huge_mediabox`` the page is also 14400 x 14400 pt (the PDF maximum, 200 in), so
    rendering it at 300 dpi would need a 60000 x 60000 pixel bitmap. Otherwise the page is A4.
    """
    side_w, side_h = (14400.0, 14400.0) if huge_mediabox else render.A4_PT
    image = _stream(
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
        zlib.compress(b"\xff" * (width * 8), 9),
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
        b"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>" % (side_w, side_h),
        _stream(b"", b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (side_w, side_h)),
        image,
    ]
    return _write(directory, name, assemble_pdf(objects))


def symlink_loop(directory: PathLike) -> Path:
    """Two symlinks pointing at each other (``loop_a.pdf`` -> ``loop_b.pdf`` -> ``loop_a.pdf``);
    opening either fails with ``ELOOP``. Returns the path of ``loop_a.pdf``."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    a, b = d / "loop_a.pdf", d / "loop_b.pdf"
    a.symlink_to("loop_b.pdf")
    b.symlink_to("loop_a.pdf")
    return a


def symlink_dir_cycle(directory: PathLike) -> Path:
    """A directory ``cycle/`` holding a valid PDF and a symlink ``self`` -> ``.``: a walker
    that follows directory links recurses forever. Returns the ``cycle`` directory."""
    d = Path(directory) / "cycle"
    d.mkdir(parents=True, exist_ok=True)
    good_text_pdf(d, "inside_cycle.pdf")
    (d / "self").symlink_to(".", target_is_directory=True)
    return d


@dataclass
class GrowingFile:
    """Handle of a file being written by a background thread (see :func:`growing_file`)."""

    path: Path
    thread: threading.Thread
    done: threading.Event = field(default_factory=threading.Event)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until writing has finished; True if it has."""
        self.thread.join(timeout)
        return not self.thread.is_alive()

    def __enter__(self) -> GrowingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.wait()


def growing_file(
    directory: PathLike, name: str = "growing.pdf", seconds: float = 3.0, chunks: int = 30
) -> GrowingFile:
    """Start a daemon thread that writes a valid PDF to ``directory/name`` in ``chunks``
    appends spread over ``seconds`` (like a slow network copy), and return at once.

    While it runs the file is a truncated PDF whose size and mtime keep changing; when
    ``handle.done`` is set the file is complete and valid. The file exists (empty) on return.
    """
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _good_bytes(SAMPLE_TEXT + "\n" + "Fil som skrivs medan den läses.")
    path.write_bytes(b"")
    step = max(1, -(-len(data) // chunks))
    done = threading.Event()

    def run() -> None:
        try:
            for i in range(0, len(data), step):
                time.sleep(seconds / chunks)
                with path.open("ab") as fh:
                    fh.write(data[i : i + step])
                    fh.flush()
        finally:
            done.set()

    thread = threading.Thread(target=run, name=f"growing_file:{name}", daemon=True)
    handle = GrowingFile(path=path, thread=thread, done=done)
    thread.start()
    return handle


#: Builders that take only a directory and return the path of a static specimen.
BUILDERS: dict[str, Callable[[Path], Path]] = {
    "good_text_pdf": good_text_pdf,
    "rotate90_text_pdf": rotate90_text_pdf,
    "ccitt_g4_pdf": ccitt_g4_pdf,
    "bilevel_pdf": bilevel_pdf,
    "many_pages_pdf": many_pages_pdf,
    "unicode_name_pdf": unicode_name_pdf,
    "encrypted_user_password": encrypted_user_password,
    "encrypted_owner_only": encrypted_owner_only,
    "truncated_pdf": truncated_pdf,
    "zero_byte": zero_byte,
    "garbage_bytes": garbage_bytes,
    "html_as_pdf": html_as_pdf,
    "png_as_pdf": png_as_pdf,
    "zero_pages_pdf": zero_pages_pdf,
    "broken_xref_pdf": broken_xref_pdf,
    "decompression_bomb_pdf": decompression_bomb_pdf,
    "symlink_loop": symlink_loop,
    "symlink_dir_cycle": symlink_dir_cycle,
}


def build_all(directory: PathLike) -> dict[str, Path]:
    """Write every specimen of :data:`BUILDERS` into ``directory``; name -> path."""
    d = Path(directory)
    return {key: build(d) for key, build in BUILDERS.items()}
