"""The built Swedish lexicon kept on disk, so that a new process reads it instead of folding
wordfreq's 340 000 words again (about 3 s of CPU per process → about 0.1 s).

The file lives in the user's cache directory (``$NAMND_CACHE_DIR``, else
``$XDG_CACHE_HOME/namndarkiv``, else ``~/.cache/namndarkiv``) under a name that carries a
digest of everything the lexicon is built from: wordfreq's Swedish data files and its reader,
the lexicon code (``lexicon.py``, this file) and the machine's byte order. A change to any of
them names a new file; cache files that have not been rewritten for a week (another wordfreq,
an old checkout) are removed when a new one is written. The cache is only
a speed-up: a missing, unreadable, truncated or unwritable file means the lexicon is built as
before (and the write is skipped), never a failed run.

Layout (the machine's byte order, part of the digest)::

    MAGIC | 4 × uint64: text bytes, words, keys, flat | UTF-8 text: the words, then the keys,
    each "\\n"-separated, the two parts joined by "\\0" | float64 × words (Zipf values) |
    int32 × (keys + 1) (offsets) | int32 × flat (word positions)

Words are alphabetic (``Lexicon.from_frequencies``) and keys are their folded forms, so
neither holds a newline or a NUL.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import struct
import sys
import time
from array import array
from collections.abc import Callable
from pathlib import Path

from pipeline.lang.lexicon import Lexicon

__all__ = ["cache_dir", "cache_path", "cached_lexicon", "read", "write"]

MAGIC = b"NAMNDLX1"
#: Another checkout (or wordfreq version) may be using an other cache file at the same time;
#: it is removed only when it has not been rewritten for this long.
STALE_SECONDS = 7 * 24 * 3600
_HEADER = struct.Struct("<4Q")
_NAME = "lexicon-sv-"


def cache_dir() -> Path:
    """Where the built lexicon is kept (see the module docstring)."""
    explicit = os.environ.get("NAMND_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "namndarkiv"


def _inputs() -> list[Path]:
    """The files the built lexicon depends on: wordfreq's reader and Swedish lists, and the
    lexicon code itself."""
    here = Path(__file__).resolve().parent
    files = [here / "lexicon.py", here / "lexicon_cache.py"]
    spec = importlib.util.find_spec("wordfreq")
    if spec is not None and spec.origin:
        pkg = Path(spec.origin).parent
        files.append(pkg / "__init__.py")
        files += sorted((pkg / "data").glob("*_sv.msgpack.gz"))
    return files


def cache_path() -> Path:
    """The cache file of the lexicon as the current inputs would build it."""
    h = hashlib.blake2b(digest_size=12)
    h.update(sys.byteorder.encode())
    for f in _inputs():
        h.update(f.name.encode() + b"\0")
        h.update(f.read_bytes() if f.is_file() else b"-")
    return cache_dir() / f"{_NAME}{h.hexdigest()}.bin"


def cached_lexicon(build: Callable[[], Lexicon]) -> Lexicon:
    """The lexicon read from its cache file, or `build()` written to it."""
    try:
        path = cache_path()
    except OSError:
        return build()
    lex = read(path)
    if lex is None:
        lex = build()
        write(lex, path)
    return lex


def read(path: Path) -> Lexicon | None:
    """The lexicon in `path`, or None when the file is missing or not a whole cache file."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    try:
        return _decode(blob)
    except (ValueError, UnicodeDecodeError, struct.error):
        return None


def _decode(blob: bytes) -> Lexicon:
    if not blob.startswith(MAGIC):
        raise ValueError("not a lexicon cache file")
    pos = len(MAGIC)
    n_text, n_words, n_keys, n_flat = _HEADER.unpack_from(blob, pos)
    pos += _HEADER.size
    if len(blob) != pos + n_text + 8 * n_words + 4 * (n_keys + 1) + 4 * n_flat:
        raise ValueError("truncated lexicon cache file")
    word_text, _, key_text = blob[pos : pos + n_text].decode().partition("\0")
    pos += n_text
    words = word_text.split("\n") if n_words else []
    keys = key_text.split("\n") if n_keys else []
    zipfs = array("d")
    zipfs.frombytes(blob[pos : pos + 8 * n_words])
    pos += 8 * n_words
    offsets = array("i")
    offsets.frombytes(blob[pos : pos + 4 * (n_keys + 1)])
    pos += 4 * (n_keys + 1)
    flat = array("i")
    flat.frombytes(blob[pos:])
    if len(words) != n_words or len(keys) != n_keys or offsets[-1] != n_flat:
        raise ValueError("inconsistent lexicon cache file")
    return Lexicon.from_parts(words, zipfs.tolist(), keys, offsets.tolist(), flat.tolist())


def _encode(lex: Lexicon) -> bytes:
    words, zipfs, keys, offsets, flat = lex.parts()
    text = ("\n".join(words) + "\0" + "\n".join(keys)).encode()
    return b"".join(
        (
            MAGIC,
            _HEADER.pack(len(text), len(words), len(keys), len(flat)),
            text,
            array("d", zipfs).tobytes(),
            array("i", offsets).tobytes(),
            array("i", flat).tobytes(),
        )
    )


def write(lex: Lexicon, path: Path) -> None:
    """Write `lex` to `path` (temporary name, then rename) and remove older lexicon caches;
    an unwritable cache directory is skipped silently (the cache is only a speed-up)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(_encode(lex))
        os.replace(tmp, path)
        for old in path.parent.glob(f"{_NAME}*.bin"):
            if old != path and time.time() - old.stat().st_mtime > STALE_SECONDS:
                old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
