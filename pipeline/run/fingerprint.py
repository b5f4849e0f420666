"""What each stage's output depends on, as one fingerprint per stage: the cache keys.

A cached stage output in ``extracted/`` is reused only while everything that made it is the
same, so a stage's key is

    <stage><CODE VERSION>-<h>   h = digest of (the data files it reads, the tools it uses)

* text        the ``tesseract --version`` line and a checksum of each traineddata file used
              (``swe.traineddata``, ``osd.traineddata``), besides the file's bytes and the OCR
              settings already in `pipeline.text.stage.text_key` (in-process Tesseract on
              another libtesseract than the CLI's adds its identity: `stage_fingerprints`);
* understand  ``pipeline/understand/patterns/*`` (committees, headings, furniture …), the
              shipped domain lexicon ``pipeline/data/domain_lexicon.tsv`` (the OCR repair's
              seed), the neighbourhoods ``pipeline/data/neighbourhoods.csv`` (names the
              repair restores) and the versions of wordfreq and rapidfuzz (the lexicon *learned* from
              the archive is not here: its digest is in the cache key of each document
              repaired with it, see `pipeline.warehouse.lexicon`);
* facts       ``pipeline/data/*`` (cues, districts, aliases, orgs, entity patterns …) and the
              versions of spaCy, wordfreq and rapidfuzz.

Editing ``district_aliases.csv`` therefore changes the facts key only: the next run redoes
facts (from the cached text and understanding) and never OCR. Keys chain (facts' key
includes understand's, which includes text's), so a change upstream redoes what follows.

Computed in the main process at the start of a run (or `namnd status`), never cached across
runs: a data file edited between two runs of one process is seen.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

PIPELINE_DIR = Path(__file__).resolve().parent.parent

#: Data folders or files (relative to pipeline/) each stage reads; README.md files are
#: documentation.
STAGE_DATA: dict[str, tuple[str, ...]] = {
    "text": (),
    "understand": ("understand/patterns", "data/domain_lexicon.tsv", "data/neighbourhoods.csv"),
    "facts": ("data",),
}
#: Python packages whose version changes a stage's output.
STAGE_PACKAGES: dict[str, tuple[str, ...]] = {
    "text": (),
    "understand": ("wordfreq", "rapidfuzz"),
    "facts": ("spacy", "wordfreq", "rapidfuzz"),
}
STAGES = ("text", "understand", "facts")
_DATA_SUFFIXES = {".csv", ".json", ".jsonl", ".txt", ".tsv", ".yaml", ".yml"}


@dataclass(frozen=True)
class StageFingerprint:
    """One stage's key and what went into it (recorded in the `runs` table)."""

    stage: str
    code_version: int
    data: dict[str, str]  # "data/district_aliases.csv" -> sha256[:16]
    tools: dict[str, str]  # "tesseract" -> "tesseract 5.3.0", "spacy" -> "3.8.2" …

    @property
    def key(self) -> str:
        payload = json.dumps([self.data, self.tools], sort_keys=True)
        return (
            f"{self.stage}{self.code_version}-{hashlib.sha256(payload.encode()).hexdigest()[:12]}"
        )


#: Where each stage's hand-bumped code version lives: (module, constant).
VERSION_CONSTANTS: dict[str, tuple[str, str]] = {
    "text": ("pipeline.text.stage", "TEXT_VERSION"),
    "understand": ("pipeline.understand.stage", "UNDERSTAND_VERSION"),
    "facts": ("pipeline.facts.stage", "EXTRACT_VERSION"),
}


def code_versions() -> dict[str, int]:
    """The hand-bumped code version of each stage, without importing the stages.

    Importing ``pipeline.facts.stage`` loads spaCy (about 3 s), which a no-op rerun or
    `namnd status` never needs: the constant is read from the module's source instead. A
    module already imported (a worker, or a test that patched the constant) is asked
    directly, so the two can never disagree.
    """
    out: dict[str, int] = {}
    for stage, (module, name) in VERSION_CONSTANTS.items():
        loaded = sys.modules.get(module)
        if loaded is not None:
            out[stage] = int(getattr(loaded, name))
        else:
            path = PIPELINE_DIR.parent / (module.replace(".", "/") + ".py")
            st = path.stat()
            out[stage] = _source_constant(str(path), st.st_mtime_ns, name)
    return out


@cache
def _source_constant(path: str, mtime_ns: int, name: str) -> int:
    """The integer a module assigns to `name` at top level, read with `ast` (not imported)."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"), filename=path)
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, int)
        ):
            return node.value.value
    raise RuntimeError(f"{path} assigns no integer literal to {name}")


def data_digests(stage: str, root: Path = PIPELINE_DIR) -> dict[str, str]:
    """Relative path -> sha256[:16] of every data file `stage` reads."""
    out: dict[str, str] = {}
    for folder in STAGE_DATA[stage]:
        base = root / folder
        files = [base] if base.is_file() else sorted(base.rglob("*")) if base.is_dir() else []
        for p in files:
            if p.is_file() and p.suffix.lower() in _DATA_SUFFIXES:
                digest = hashlib.sha256(p.read_bytes()).hexdigest()[:16]
                out[p.relative_to(root).as_posix()] = digest
    return out


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def tesseract_cmd() -> str:
    """The Tesseract binary pytesseract would run; pytesseract (which imports pandas, about
    1 s) is asked only when something has imported it already."""
    loaded = sys.modules.get("pytesseract.pytesseract")
    return str(loaded.tesseract_cmd) if loaded is not None else "tesseract"


def tesseract_versions(lang: str) -> dict[str, str]:
    """``tesseract --version`` first line and sha256[:16] of each traineddata file used.

    Asking Tesseract takes two processes and hashing its models tens of MB, at the start of
    every run: the answers are kept in the user's cache directory (`tool_cache_path`), keyed
    by the binary's path, size and mtime (and ``TESSDATA_PREFIX``) and by each model file's
    size and mtime, so a no-op rerun only looks at the files (issue 19)."""
    cache = _ToolCache.load()
    asked = _ask_tesseract(cache)
    if asked is None:
        return {"tesseract": "missing"}
    out = {"tesseract": asked[0]}
    tessdata = Path(asked[1]) if asked[1] else None
    for code in [*lang.split("+"), "osd"]:
        f = tessdata / f"{code}.traineddata" if tessdata else None
        out[f"{code}.traineddata"] = cache.digest(f) if f and f.is_file() else "missing"
    cache.save()
    return out


def tessdata_dir() -> str:
    """The folder the tesseract CLI reads its models from (``--list-langs``, kept in the tool
    cache), which the in-process engine is pointed at too: both read the same models."""
    cache = _ToolCache.load()
    asked = _ask_tesseract(cache)
    cache.save()
    if asked is None or not asked[1]:
        raise RuntimeError("the tesseract CLI names no model folder (tesseract --list-langs)")
    return asked[1]


def same_library(identity: str) -> bool:
    """Whether an in-process engine (``tesserocr 2.13.0 (tesseract 5.3.0)``) runs the CLI's
    Tesseract (the ``tesseract --version`` line): tesserocr built against Debian's
    libtesseract runs the CLI's very library and reads exactly as the CLI does; PyPI's wheel
    bundles another (tests/bench/README.md, eleventh and thirteenth rounds)."""
    cache = _ToolCache.load()
    asked = _ask_tesseract(cache)
    cache.save()
    return asked is not None and identity.endswith(f"({asked[0]})")


@dataclass(frozen=True)
class OcrEngine:
    """The OCR engine a run's workers use, as the text fingerprint names it."""

    name: str  # "tesserocr" (in-process) or "cli"
    identity: str = ""  # "tesserocr 2.13.0 (tesseract 5.3.0)"; "" for the CLI
    why_cli: str = ""  # why the CLI although in-process Tesseract was wanted


def ocr_engine(requested: str = "auto", lang: str = "swe") -> OcrEngine:
    """Which engine `requested` ("auto", "tesserocr", "cli") comes to on this machine.

    In-process Tesseract counts when tesserocr imports and starts with `lang` and ``osd``
    from the CLI's model folder, and, for "auto", runs the CLI's libtesseract (`same_library`).
    Trying that loads the models (about 0.1 s), so the answer is kept in the tool cache by
    tesserocr's version and files and the model folder; on a no-op rerun nothing is
    imported."""
    if requested == "cli":
        return OcrEngine("cli")
    spec = importlib.util.find_spec("tesserocr")
    if spec is None or not spec.origin:
        return OcrEngine("cli", why_cli="tesserocr is not installed")
    cache = _ToolCache.load()
    asked = _ask_tesseract(cache)
    if asked is None or not asked[1]:
        return OcrEngine("cli", why_cli="the tesseract CLI names no model folder")
    try:
        st = os.stat(spec.origin)
        key = f"{package_version('tesserocr')}|{spec.origin}|{st.st_size}|{st.st_mtime_ns}|{asked[1]}|{lang}"
    except OSError:
        key = ""
    known = cache.engines.get(key) if key else None
    if known is None:
        known = _try_inprocess(asked[1], lang)
        if key:
            cache.engines[key] = known
            cache.save()
    ok, said = bool(known[0]), str(known[1])
    if ok and requested == "auto" and not same_library(said):
        return OcrEngine("cli", why_cli=f"{said} is not the CLI's {asked[0]}; make rebuilds it")
    return OcrEngine("tesserocr", said) if ok else OcrEngine("cli", why_cli=said)


def settled_engine(requested: str = "auto", lang: str = "swe") -> tuple[str, str]:
    """The engine a run reads with ("tesserocr" or "cli") and, when in-process Tesseract was
    wanted but the CLI it is (not merely not installed, under "auto"), the message why."""
    engine = ocr_engine(requested, lang)
    said = ""
    if engine.why_cli and (requested == "tesserocr" or "not installed" not in engine.why_cli):
        said = f"OCR engine: the tesseract CLI ({engine.why_cli})"
    return engine.name, said


def _try_inprocess(tessdata: str, lang: str) -> list[object]:
    """[True, identity] when tesserocr starts with `lang` and osd, else [False, the reason]."""
    try:
        from pipeline.text.tesseract_inprocess import InProcess, identity

        engine = InProcess(tessdata, lang)
        try:
            engine.orientation_api()
        finally:
            engine.close()
        return [True, identity()]
    except Exception as exc:  # an ImportError of its libraries, a missing or broken model
        return [False, f"tesserocr failed to start: {type(exc).__name__}: {exc}"[:300]]


def _ask_tesseract(cache: _ToolCache) -> list[str] | None:
    """[``tesseract --version`` first line, model folder], from the cache when the binary
    is the one asked before; None when there is no tesseract binary."""
    cmd = tesseract_cmd()
    exe = shutil.which(cmd) or (cmd if Path(cmd).exists() else None)
    if exe is None:
        return None
    try:
        st = os.stat(exe)
        key = f"{Path(exe).resolve()}|{st.st_size}|{st.st_mtime_ns}|{os.environ.get('TESSDATA_PREFIX')}"
    except OSError:
        key = ""
    asked = cache.binaries.get(key) if key else None
    if asked is None:
        try:
            ver = subprocess.run([cmd, "--version"], capture_output=True, text=True, timeout=30)
            langs = subprocess.run(
                [cmd, "--list-langs"], capture_output=True, text=True, timeout=30
            )
        except (OSError, subprocess.SubprocessError):
            return None
        lines = (ver.stdout or ver.stderr).splitlines()
        m = re.search(r'"([^"]+)"', (langs.stdout or "").splitlines()[0] if langs.stdout else "")
        asked = [lines[0].strip() if lines else "unknown", m.group(1) if m else ""]
        if key and ver.returncode == 0 and langs.returncode == 0:
            cache.binaries[key] = asked
    return asked


def tool_cache_path() -> Path:
    """``tools.json`` in the user's cache directory (``$NAMND_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/namndarkiv``, else ``~/.cache/namndarkiv``), as the lexicon's."""
    explicit = os.environ.get("NAMND_CACHE_DIR")
    if explicit:
        return Path(explicit) / "tools.json"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "namndarkiv" / "tools.json"


@dataclass
class _ToolCache:
    """What Tesseract said and what its model files digest to, by path, size and mtime."""

    binaries: dict[str, list[str]]
    files: dict[str, list[object]]  # path -> [size, mtime_ns, sha256[:16]]
    seen: str = ""  # the JSON read: save only when something changed
    #: tesserocr's version, files and model folder -> [starts?, identity or why not]
    engines: dict[str, list[object]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> _ToolCache:
        try:
            text = tool_cache_path().read_text(encoding="utf-8")
            data = json.loads(text)
            return cls(
                dict(data["binaries"]), dict(data["files"]), text, dict(data.get("engines", {}))
            )
        except (OSError, ValueError, KeyError, TypeError):
            return cls({}, {})

    def digest(self, path: Path) -> str:
        st = path.stat()
        known = self.files.get(str(path))
        if known is not None and known[:2] == [st.st_size, st.st_mtime_ns]:
            return str(known[2])
        digest = _cached_digest(str(path), st.st_size, st.st_mtime_ns)
        self.files[str(path)] = [st.st_size, st.st_mtime_ns, digest]
        return digest

    def save(self) -> None:
        text = json.dumps(
            {"binaries": self.binaries, "files": self.files, "engines": self.engines},
            sort_keys=True,
        )
        if text == self.seen:
            return
        path = tool_cache_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except OSError:  # a read-only home: ask Tesseract again next time
            return
        self.seen = text


@cache
def _cached_digest(path: str, size: int, mtime_ns: int) -> str:
    """Traineddata files are tens of MB: hash each version of one once per process."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()[:16]


def stage_fingerprints(lang: str = "swe", engine: str = "auto") -> dict[str, StageFingerprint]:
    """The fingerprint of every stage, computed now (data files are re-read every call).

    `engine`: the OCR engine asked for (`ocr_engine`). The text key names what reads the
    pages, Tesseract's version and models, not the process it runs in: in-process Tesseract
    that runs the CLI's library adds nothing (it reads as the CLI does, so either's cache
    serves the other); one with another libtesseract (PyPI's wheel, asked for as
    "tesserocr") adds its identity (``ocr engine``), so its text is never taken for the
    CLI's."""
    versions = code_versions()
    out: dict[str, StageFingerprint] = {}
    for stage in STAGES:
        tools = {p: package_version(p) for p in STAGE_PACKAGES[stage]}
        if stage == "text":
            tools.update(tesseract_versions(lang))
            chosen = ocr_engine(engine, lang)
            if chosen.identity and not same_library(chosen.identity):
                tools["ocr engine"] = chosen.identity
        out[stage] = StageFingerprint(stage, versions[stage], data_digests(stage), tools)
    return out


def combined(fps: dict[str, StageFingerprint]) -> str:
    """One short digest of every stage's key: what `documents.fingerprint` records."""
    keys = "|".join(fps[s].key for s in STAGES)
    return hashlib.sha256(keys.encode()).hexdigest()[:16]


def changes(
    before: dict[str, dict[str, object]], now: dict[str, StageFingerprint]
) -> list[tuple[str, str]]:
    """(stage, what changed) between a run's recorded fingerprints and now, in stage order.

    `before` is the `runs.fingerprints` JSON: stage -> {"code_version", "data", "tools"}.
    """
    out: list[tuple[str, str]] = []
    for stage in STAGES:
        old = before.get(stage)
        new = now[stage]
        if old is None:
            out.append((stage, "no fingerprint recorded by the last run"))
            continue
        if old.get("code_version") != new.code_version:
            out.append(
                (
                    stage,
                    f"{stage} rules changed (version {old.get('code_version')} → "
                    f"{new.code_version})",
                )
            )
        old_data = dict(old.get("data") or {})  # type: ignore[call-overload]
        for name in sorted(set(old_data) | set(new.data)):
            label = Path(name).name
            if name not in new.data:
                out.append((stage, f"{label} removed"))
            elif name not in old_data:
                out.append((stage, f"{label} added"))
            elif old_data[name] != new.data[name]:
                out.append((stage, f"{label} changed"))
        old_tools = dict(old.get("tools") or {})  # type: ignore[call-overload]
        for name in sorted(set(old_tools) | set(new.tools)):
            if old_tools.get(name) != new.tools.get(name):
                out.append((stage, f"{name} {old_tools.get(name)} → {new.tools.get(name)}"))
    return out


def to_json(fps: dict[str, StageFingerprint]) -> str:
    return json.dumps(
        {
            s: {"key": f.key, "code_version": f.code_version, "data": f.data, "tools": f.tools}
            for s, f in fps.items()
        },
        sort_keys=True,
        ensure_ascii=False,
    )
