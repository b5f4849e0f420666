"""A file that may be no PDF, or a broken one: what it looks like when it is not a PDF
(`sniff`: one clear reason for the batch's message), and the file rewritten by qpdf
(pikepdf), which rebuilds broken cross-reference tables (`repaired_bytes`)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from pipeline.errors import InputError

__all__ = ["repaired_bytes", "sniff"]


def _describe(head: bytes) -> str:
    h = head.lstrip().lower()
    if h.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in h[:512]:
        return "looks like HTML"
    if h.startswith((b"<?xml", b"<")):
        return "looks like XML/markup"
    if head.startswith(b"\x89PNG"):
        return "PNG image"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG image"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF image"
    if head.startswith(b"PK\x03\x04"):
        return "ZIP archive (Word/Excel?)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "old Office document"
    return "no %PDF header"


def sniff(path: Path) -> None:
    """Raise `InputError` unless the file starts like a PDF."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    if size == 0:
        raise InputError("empty file (0 bytes)")
    if b"%PDF-" not in head:
        raise InputError(f"not a PDF ({_describe(head)})")


def repaired_bytes(path: Path, why: str) -> bytes:
    """The file rewritten by qpdf (pikepdf), which rebuilds broken cross-reference tables.

    The last repair is kept per process: `read_page` reopens the file for every page."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _last_repair:
        data = _qpdf_rewrite(path, why)
        _last_repair.clear()
        _last_repair[key] = data
    return _last_repair[key]


_last_repair: dict[tuple[str, int, int], bytes] = {}  # the last repaired file, by identity


def _qpdf_rewrite(path: Path, why: str) -> bytes:
    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) == 0:
                raise InputError("PDF has no pages")
            buf = io.BytesIO()
            pdf.save(buf)
            return buf.getvalue()
    except pikepdf.PasswordError as exc:
        raise InputError("encrypted (password required)") from exc
    except (pikepdf.PdfError, RuntimeError, ValueError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else why
        raise InputError(f"corrupt PDF that cannot be repaired ({detail[:160]})") from exc
