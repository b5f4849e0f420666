"""Gold files: reading and checking ``<stem>.json`` (format in ``tests/gold/SCHEMA.md``), and
which gold file a warehouse document belongs to."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.evaluate.matching import PROJECT_ATTRIBUTES
from pipeline.evaluate.schema import (
    AMOUNT_KINDS,
    CRITERION_KINDS,
    DOC_TYPES,
    FIELDS,
    METADATA_FIELDS,
    OPTIONAL_GOLD_KEYS,
    PROJECT_STATUSES,
    Amount,
    Annotation,
    Criterion,
    Decision,
    EvalError,
    GoldDocument,
    Project,
    Signatory,
)

# --------------------------------------------------------------------------------------------
# Gold files


def _require(condition: bool, path: Path, message: str) -> None:
    if not condition:
        raise EvalError(f"{path}: {message} (see tests/gold/SCHEMA.md)")


def _opt_int(value: object, path: Path, where: str) -> int | None:
    if value is None:
        return None
    _require(
        isinstance(value, int) and not isinstance(value, bool), path, f"{where} must be an integer"
    )
    assert isinstance(value, int)
    return value


def _opt_str(value: object, path: Path, where: str) -> str | None:
    _require(value is None or isinstance(value, str), path, f"{where} must be a string or null")
    return value if isinstance(value, str) else None


def _one_of(value: object, allowed: frozenset[str], path: Path, where: str) -> str | None:
    if value is None:
        return None
    _require(value in allowed, path, f"{where} {value!r} is not one of {sorted(allowed)}")
    return str(value)


def load_gold(path: Path) -> GoldDocument:
    """Read and check one gold file; raises EvalError naming the file and the bad field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc}") from exc
    _require(isinstance(data, dict), path, "top level must be an object")
    try:
        return _parse_gold(data, path)
    except (KeyError, TypeError, AttributeError) as exc:
        raise EvalError(f"{path}: malformed gold file ({type(exc).__name__}: {exc})") from exc


def _parse_gold(data: dict[str, Any], path: Path) -> GoldDocument:
    required = (*METADATA_FIELDS, "decisions", "signatories", "amounts", "projects", "criteria")
    absent = frozenset(name for name in (*required, "districts_mentioned") if name not in data)
    missing = sorted(absent - OPTIONAL_GOLD_KEYS)
    _require(not missing, path, f"missing keys {missing}")
    metadata = {name: _opt_str(data.get(name), path, name) for name in METADATA_FIELDS}
    _one_of(metadata["doc_type"], DOC_TYPES, path, "doc_type")

    decisions = tuple(
        Decision(None, d)
        if isinstance(d, str)
        else Decision(_opt_int(d.get("item_no"), path, f"decisions[{n}].item_no"), str(d["text"]))
        for n, d in enumerate(data["decisions"])
    )
    signatories = tuple(
        Signatory(str(s["name"]), _opt_str(s.get("role"), path, f"signatories[{n}].role"))
        for n, s in enumerate(data.get("signatories") or ())
    )
    amounts = []
    for n, a in enumerate(data["amounts"]):
        sek = _opt_int(a.get("sek"), path, f"amounts[{n}].sek")
        _require(sek is not None, path, f"amounts[{n}].sek is required")
        assert sek is not None
        kind = _one_of(a.get("kind"), AMOUNT_KINDS, path, f"amounts[{n}].kind")
        fund_type = _opt_str(a.get("fund_type"), path, f"amounts[{n}].fund_type")
        year = _opt_int(a.get("year"), path, f"amounts[{n}].year")
        amounts.append(Amount(sek, kind, fund_type, year))
    projects = []
    for n, p in enumerate(data["projects"]):
        where = f"projects[{n}]"
        _require(bool(p.get("name")), path, f"{where}.name is required")
        projects.append(
            Project(
                name=str(p["name"]),
                aliases=tuple(str(a) for a in p.get("aliases") or ()),
                districts=frozenset(str(d) for d in p.get("districts") or ()),
                fund_type=_opt_str(p.get("fund_type"), path, f"{where}.fund_type"),
                year=_opt_int(p.get("year"), path, f"{where}.year"),
                status=_one_of(p.get("status"), PROJECT_STATUSES, path, f"{where}.status"),
                amount_sek=_opt_int(p.get("amount_sek"), path, f"{where}.amount_sek"),
                performer=_opt_str(p.get("performer"), path, f"{where}.performer"),
                end_date=_opt_str(p.get("end_date"), path, f"{where}.end_date"),
                listed=bool(p.get("listed", True)),
            )
        )
    criteria = tuple(
        Criterion(
            text=str(c["text"]),
            fund_type=_opt_str(c.get("fund_type"), path, f"criteria[{n}].fund_type"),
            year=_opt_int(c.get("year"), path, f"criteria[{n}].year"),
            position=_opt_int(c.get("position"), path, f"criteria[{n}].position"),
            kind=_one_of(c.get("kind"), CRITERION_KINDS, path, f"criteria[{n}].kind"),
        )
        for n, c in enumerate(data["criteria"])
    )
    reference = data.get("reference")
    clean = data.get("clean_reference")
    return GoldDocument(
        stem=path.stem,
        path=path,
        annotation=Annotation(
            metadata=metadata,
            decisions=decisions,
            signatories=signatories,
            amounts=tuple(amounts),
            projects=tuple(projects),
            criteria=criteria,
            districts_mentioned=frozenset(str(d) for d in data["districts_mentioned"]),
            unscored=_unscored_fields(data, absent),
        ),
        reference=(path.parent / reference) if isinstance(reference, str) else None,
        clean_reference=(path.parent / clean) if isinstance(clean, str) else None,
    )


def _unscored_fields(data: dict[str, Any], absent: frozenset[str]) -> frozenset[str]:
    """Fields a gold file leaves unannotated: absent optional keys, decisions written as bare
    strings (no item numbers), and project attributes that none of its projects carries."""
    unscored = {
        name
        for name in FIELDS
        for key in absent
        if name == f"documents.{key}" or name.startswith(f"{key}.")
    }
    for key in ("fund_type", "year"):
        if data["amounts"] and not any(key in a for a in data["amounts"]):
            unscored.add(f"amounts.{key}")
    if any(isinstance(d, str) for d in data["decisions"]):
        unscored.add("decisions.item_no")
    projects = data["projects"]
    if projects:
        for name in PROJECT_ATTRIBUTES:
            attribute = name.removeprefix("projects.")
            if not any(attribute in p for p in projects):
                unscored.add(name)
    return frozenset(unscored)


def load_gold_dir(gold_dir: Path) -> dict[str, GoldDocument]:
    """Every ``*.json`` in gold_dir, keyed by file stem."""
    if not gold_dir.is_dir():
        raise EvalError(f"gold directory {gold_dir} does not exist")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise EvalError(f"no gold files (*.json) in {gold_dir}")
    return {path.stem: load_gold(path) for path in files}


def match_stem(source_path: str, stems: Iterable[str]) -> tuple[str, str] | None:
    """(gold stem, variant) for a warehouse source_path, or None when no gold file fits.

    The longest dot-separated prefix of the file name that is a gold stem wins; the variant is
    what lies between the stem and the extension (``scan`` for ``x.scan.pdf``), else the
    extension (``txt`` for ``x.txt``, ``pdf`` for ``x.pdf``).
    """
    known = set(stems)
    name = PurePosixPath(source_path.replace("\\", "/")).name
    parts = name.split(".")
    if len(parts) == 1:
        return (name, "") if name in known else None
    for cut in range(len(parts) - 1, 0, -1):
        stem = ".".join(parts[:cut])
        if stem in known:
            variant = ".".join(parts[cut:-1]) or parts[-1]
            return stem, variant.lower()
    return None
