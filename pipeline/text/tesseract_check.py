"""Is Tesseract usable? Asked of the binary itself (``--version``, ``--list-langs``), without
importing pytesseract: it imports pandas (about 1.3 s), which the main process of a run
never needs (issue 19: the fixed cost of a run)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from pipeline.errors import EnvironmentProblem
from pipeline.run.fingerprint import tesseract_cmd

__all__ = ["INSTALL_HINT", "check_tesseract"]

INSTALL_HINT = (
    "install it with `apt-get install tesseract-ocr tesseract-ocr-swe tesseract-ocr-osd` "
    "(or run `make setup`)"
)


def check_tesseract(lang: str = "swe") -> None:
    """Raise `EnvironmentProblem` (with the fix) unless Tesseract, `lang` and `osd` are usable."""
    cmd = tesseract_cmd()
    missing_binary = EnvironmentProblem(
        f"Tesseract is not installed or not on PATH; {INSTALL_HINT}"
    )
    if shutil.which(cmd) is None and not Path(cmd).exists():
        raise missing_binary
    try:
        ver = subprocess.run([cmd, "--version"], capture_output=True, text=True, timeout=30)
        langs = subprocess.run([cmd, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise missing_binary from exc
    first = ((ver.stdout or ver.stderr).splitlines() or [""])[0].strip()
    m = re.search(r"(\d+)\.(\d+)", first)
    if m is None:
        raise EnvironmentProblem(f"Tesseract's version is unreadable ({first!r}); {INSTALL_HINT}")
    if int(m.group(1)) < 4:
        raise EnvironmentProblem(
            f"Tesseract {first.split()[-1]} is too old (need 4 or newer); {INSTALL_HINT}"
        )
    available = {ln.strip() for ln in langs.stdout.splitlines()[1:] if ln.strip()}
    missing = [code for code in [*lang.split("+"), "osd"] if code not in available]
    if missing:
        raise EnvironmentProblem(
            f"Tesseract language data missing: {', '.join(missing)} "
            f"(have: {', '.join(sorted(available)) or 'none'}); {INSTALL_HINT}"
        )
