"""The one data loader (`pipeline.data`): every reader of the shipped CSV files follows its
rules, so an edit that one reader accepts is accepted by all of them."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

import pipeline.data as data
from pipeline.data import DATA_DIR, DataFileError, parse_date, read_rows
from pipeline.facts.context import NAMED_BY_DOCUMENT
from pipeline.facts.cues import load_rows
from pipeline.facts.districts import Gazetteer, load_gazetteer
from pipeline.facts.spacy_pipeline import build_nlp
from pipeline.understand.context_places import gazetteer_names
from pipeline.understand.vocabulary import PATTERNS, pattern_rows
from pipeline.warehouse.districts import load_districts, read_districts
from pipeline.warehouse.expected import read_series
from pipeline.warehouse.migrate import migrate

SHIPPED = Path(data.__file__).parent

# An analyst's edit of districts.csv: a comment line (with a comma, so that a reader that
# took it for data would see a name in it), a blank line, and a unit whose dates are bare
# years (valid_from 2024 = 1 January, valid_to 2025 = 31 December).
EDIT = [
    "# Test unit added by hand, by the analyst; dates are bare years",
    "",
    "provenheten,Provenheten,unit,2024,2025,,test edit",
]


@pytest.fixture
def edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of pipeline/data with the edit above, in place of the shipped folder."""
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    csv_file = folder / "districts.csv"
    lines = csv_file.read_text(encoding="utf-8").splitlines()
    lines[1:1] = EDIT[:2]  # the comment and the blank line right under the header
    lines.append(EDIT[2])
    csv_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", folder)
    load_gazetteer.cache_clear()  # the process-wide gazetteer is built from the edited files
    yield folder
    monkeypatch.undo()
    load_gazetteer.cache_clear()


def test_the_edited_districts_file_is_accepted_by_every_reader(edited: Path) -> None:
    shipped = read_districts(SHIPPED / "districts.csv")
    # the warehouse's reader
    rows = read_districts(edited / "districts.csv")
    assert len(rows) == len(shipped) + 1
    unit = rows[-1]
    assert (unit.district_id, unit.valid_from, unit.valid_to) == (
        "provenheten",
        dt.date(2024, 1, 1),
        dt.date(2025, 12, 31),
    )
    con = duckdb.connect(":memory:")
    migrate(con)
    assert load_districts(con, edited / "districts.csv", edited / "district_aliases.csv")
    assert con.execute(
        "SELECT valid_from, valid_to FROM districts WHERE district_id = 'provenheten'"
    ).fetchall() == [(dt.date(2024, 1, 1), dt.date(2025, 12, 31))]
    # the facts stage's gazetteer: the unit exists in 2025 and not in 2026
    gaz = Gazetteer.load()
    assert len(gaz.districts) == len(shipped) + 1
    d = gaz.district("provenheten")
    assert (d.valid_from, d.valid_to) == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    # the spaCy pipeline's ruler, built from the same files
    doc = build_nlp()("Projektet drivs av Provenheten sedan 2024.")
    assert [(e.text, e.label_, e._.district_id) for e in doc.ents if e.label_ == "DISTRICT"] == [
        ("Provenheten", "DISTRICT", "provenheten")
    ]
    # understanding's context repair, which keeps the gazetteer's names as words
    names = gazetteer_names()
    assert "Provenheten" in names
    assert [n for n in names if "analyst" in n or "#" in n] == []


def test_comment_and_blank_lines_are_skipped_anywhere_and_lines_keep_their_numbers(
    tmp_path: Path,
) -> None:
    f = tmp_path / "x.csv"
    f.write_text(
        '# before the header\n\nalias,district_id\n  # indented comment\nFarsta,farsta\n\n"Ö, x",y\n',
        encoding="utf-8",
    )
    rows = read_rows(f, ("alias", "district_id"))
    assert [(r.cells, r.where) for r in rows] == [
        ({"alias": "Farsta", "district_id": "farsta"}, "x.csv:5"),
        ({"alias": "Ö, x", "district_id": "y"}, "x.csv:7"),
    ]


def test_a_missing_column_and_a_bad_date_are_one_line_each(tmp_path: Path) -> None:
    f = tmp_path / "districts.csv"
    f.write_text("district_id,kind\njarva,x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"^districts.csv: missing column\(s\) name$"):
        read_rows(f, ("district_id", "name"))
    with pytest.raises(DataFileError, match=r"^districts.csv:3: '2020-13-01' is not a date"):
        parse_date("2020-13-01", where="districts.csv:3")


def test_dates_are_iso_or_a_bare_year() -> None:
    assert parse_date("2020-03-04") == dt.date(2020, 3, 4)
    assert parse_date("2020") == dt.date(2020, 1, 1)
    assert parse_date(" 2020 ", end=True) == dt.date(2020, 12, 31)
    assert parse_date("") is None and parse_date(None) is None


def test_one_fund_vocabulary() -> None:
    # how funds are printed lives in the fund cues only; fund_types.csv lists the same funds
    printed = {r["value"] for r in data.rows("cues.csv") if r["group"] == "fund"}
    listed = {r["fund_type"] for r in data.rows("fund_types.csv", ["fund_type", "description"])}
    # … besides the funds named from what a whole document is about (which may be printed
    # too: "stadsdelsnämndens utvecklingsmedel")
    assert printed - {"STUDY"} == listed - (NAMED_BY_DOCUMENT - printed)
    assert listed >= NAMED_BY_DOCUMENT
    assert {"MUL", "MUST"} <= listed  # what STUDY resolves to
    assert "aliases" not in data.rows("fund_types.csv")[0].cells
    assert not (DATA_DIR / "entity_patterns.jsonl").exists()


def test_every_shipped_csv_reads_with_the_one_loader() -> None:
    # the cue vocabularies hold comment lines; every file reads without error
    for f in sorted(SHIPPED.glob("*.csv")):
        assert read_rows(f), f.name
    # understanding's vocabularies (headings, committees, roles …) go through it too
    patterns = sorted(PATTERNS.glob("*.csv"))
    assert len(patterns) >= 5
    for f in patterns:
        assert pattern_rows(f.name), f.name
    assert load_rows("cues.csv") == [r.cells for r in data.rows("cues.csv")]
    assert [s.series for s in read_series()][:1] == ["fou_plan"]
