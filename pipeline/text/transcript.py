"""Existing OCR transcripts (``.txt``): decoding and splitting into pages."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError

#: Share of control characters (other than whitespace) above which a file is binary data.
MAX_CONTROL_SHARE = 0.01


def decode_transcript(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else cp1252; `InputError` for empty or binary data."""
    if not data.strip():
        raise InputError("empty transcript")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError("undecodable transcript (neither UTF-8 nor cp1252)") from exc
    control = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    if control > MAX_CONTROL_SHARE * len(text):
        raise InputError("undecodable transcript (binary data)")
    return text


def _one_space(line: str) -> bool:
    return line.startswith(" ") and not line.startswith("  ")


def split_pages(text: str) -> list[str]:
    """Pages of a transcript.

    With form feeds, pages are what lies between them (an empty last page after a final form
    feed is dropped). Without, a page begins at every line that starts with exactly one
    space — two or more do not count — and that space is removed; the first line may start
    with one space too without making an empty page before it.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        pages = text.split("\f")
        if len(pages) > 1 and not pages[-1].strip():
            pages.pop()
        return pages
    pages_lines: list[list[str]] = [[]]
    for i, line in enumerate(text.split("\n")):
        if _one_space(line):
            if i > 0:
                pages_lines.append([])
            line = line[1:]
        pages_lines[-1].append(line)
    return ["\n".join(lines) for lines in pages_lines]


def read_transcript(path: Path) -> list[str]:
    """The pages of a transcript file; `InputError` if it is empty or cannot be decoded."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    return split_pages(decode_transcript(data))
