"""Coverage accounts: the expectations register, v_coverage, `namnd coverage`.

A small archive is built by the real pipeline from two seed transcripts (FoU-plan 2015 and the
2013 protokollsutdrag) and a file that cannot be read, with the samples' register
(warehouse/expected/samples.csv, written by reading the seeds) plus two lines of the test's own.
Then a decision the FoU plan refers to ("Vid nämndens sammanträde 2014-12-16 fattades beslut
…") is added to raw/ and its state goes from missing to present.
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline import warehouse
from pipeline.warehouse.expected import RegisterError, check_register
from tests.conftest import RAW, REPO, run_cli

REGISTER = REPO / "warehouse" / "expected" / "samples.csv"
REFERRED = REPO / "tests" / "resources" / "coverage" / "sn_2014-12-16_protokollsutdrag.txt"
EXTRA_LINES = """\
year,committee,series,status,decided,dnr,file,source_kind,source,evidence,reason,note
2009,Socialnämnden,fou_plan,not_expected,,,,practice,test,,no FoU plan the year the committee was formed (test line),
2016,Socialnämnden,annual_report,expected,,,broken/arsrapport_2016.pdf,agenda,test,,,the file is in raw/ but empty
"""


@dataclass(frozen=True)
class Archive:
    root: Path
    raw: Path
    db: Path
    expected: Path

    def run(self) -> tuple[int, str]:
        return run_cli(
            ["run", "--raw", str(self.raw), "--db", str(self.db), "--plain"],
            extracted=self.root / "extracted",
            NAMND_EXPECTED=str(self.expected),
        )

    def coverage(self) -> dict[tuple[int, str, str], dict[str, object]]:
        con = warehouse.connect_read(self.db)
        try:
            cur = con.execute("SELECT * FROM v_coverage")
            cols = [d[0] for d in cur.description or []]
            rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        finally:
            con.close()
        return {(int(r["year"]), str(r["committee"]), str(r["series"])): r for r in rows}


def _make_archive(root: Path) -> Archive:
    raw = root / "raw"
    (raw / "transcripts").mkdir(parents=True)
    for stem in ("000_008b215ddad01cfe", "003_c8c31cc05d04c12b"):
        shutil.copy(RAW / "transcripts" / f"{stem}.txt", raw / "transcripts")
    (raw / "broken").mkdir()
    (raw / "broken" / "arsrapport_2016.pdf").write_bytes(b"")
    expected = root / "expected"
    expected.mkdir()
    shutil.copy(REGISTER, expected / "samples.csv")
    (expected / "zz_test.csv").write_text(EXTRA_LINES, encoding="utf-8")
    return Archive(root, raw, root / "warehouse" / "namnd.duckdb", expected)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    a = _make_archive(tmp_path_factory.mktemp("coverage"))
    code, out = a.run()
    assert code == 1, out  # the empty PDF fails; the rest is loaded
    assert "arsrapport_2016.pdf" in out
    return a


def test_v_coverage_shows_present_missing_referred_and_known_gaps(archive: Archive) -> None:
    cov = archive.coverage()
    fou = cov[(2015, "Socialnämnden", "fou_plan")]
    assert (fou["expectation"], fou["state"], fou["coverage"]) == (
        "expected",
        "present",
        "complete",
    )
    # referred to by the FoU plan: "Vid nämndens sammanträde 2014-12-16 fattades beslut …"
    fum = cov[(2014, "Socialnämnden", "fum")]
    assert (fum["state"], fum["coverage"], fum["n_missing"]) == ("missing", "incomplete", 1)
    assert fum["referred_by"] and "2014-12-16" in fum["referred_by"][0]
    # the protokoll is here, the tjänsteutlåtande it refers to ("daterat 15 maj 2013") is not
    lage = cov[(2013, "Socialnämnden", "status_report")]
    assert (lage["n_expected"], lage["n_present"], lage["n_missing"]) == (2, 1, 1)
    gap = cov[(2014, "Socialnämnden", "fou_plan")]
    assert (gap["expectation"], gap["coverage"]) == ("known gap", "known gap")
    assert gap["reasons"]
    # "not expected" is not "no expectation recorded", and neither is ever "complete"
    assert cov[(2009, "Socialnämnden", "fou_plan")]["coverage"] == "not expected"
    assert all(r["coverage"] != "complete" or r["expectation"] == "expected" for r in cov.values())
    # the file named by the register failed to load: unreadable, not missing
    broken = cov[(2016, "Socialnämnden", "annual_report")]
    assert (broken["state"], broken["coverage"]) == ("unreadable", "incomplete")


def _copy(archive: Archive, root: Path) -> Archive:
    for name in ("raw", "warehouse", "extracted", "expected"):
        shutil.copytree(archive.root / name, root / name)
    return Archive(root, root / "raw", root / "warehouse" / "namnd.duckdb", root / "expected")


def test_a_document_without_expectation_is_present_but_not_complete(
    archive: Archive, tmp_path: Path
) -> None:
    a = _copy(archive, tmp_path)
    for p in a.expected.glob("*.csv"):
        p.unlink()
    code, out = a.run()
    # the broken file failed in the first run and is unchanged: still failing, not retried
    assert code == 0 and "still failing" in out, out
    cov = a.coverage()
    fou = cov[(2015, "Socialnämnden", "fou_plan")]
    assert (fou["expectation"], fou["state"]) == ("no expectation recorded", "present")
    assert fou["coverage"] == "no expectation recorded"
    assert {r["coverage"] for r in cov.values()} == {"no expectation recorded"}


def test_adding_a_referred_to_decision_turns_missing_into_present(
    archive: Archive, tmp_path: Path
) -> None:
    a = _copy(archive, tmp_path)
    before = a.coverage()[(2014, "Socialnämnden", "fum")]
    assert before["state"] == "missing"
    shutil.copy(REFERRED, a.raw / "transcripts")
    code, out = a.run()
    assert "sn_2014-12-16_protokollsutdrag.txt" in out, out
    after = a.coverage()[(2014, "Socialnämnden", "fum")]
    assert (after["state"], after["coverage"], after["n_present"]) == ("present", "complete", 1)
    assert after["source_paths"] == ["transcripts/sn_2014-12-16_protokollsutdrag.txt"]


def test_coverage_column_on_funding_and_criteria_views(archive: Archive) -> None:
    con = warehouse.connect_read(archive.db)
    try:
        crit = dict(
            con.execute(
                "SELECT fund_type || ' ' || year, coverage FROM v_criteria_by_year"
            ).fetchall()
        )
        fund = con.execute("SELECT DISTINCT coverage FROM v_funding_by_district_year").fetchall()
    finally:
        con.close()
    assert crit["FUM 2015"] == "complete"
    assert crit["LUM 2015"] == "incomplete"  # the spring 2015 allocation is not in raw/
    assert crit["LUM 2013"] == "incomplete"
    assert fund  # every row carries one (seed 000's statsbidrag: no expectation recorded)
    assert all(c[0] for c in fund)


def test_cli_grid_csv_and_table(archive: Archive) -> None:
    code, out = run_cli(
        ["coverage", "--db", str(archive.db), "--format", "csv"],
        NAMND_EXPECTED=str(archive.expected),
    )
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    by_year = {(r["year"], r["committee"]): r for r in rows}
    r2014 = by_year[("2014", "Socialnämnden")]
    assert (r2014["coverage"], r2014["missing"], r2014["known_gap"]) == ("incomplete", "1", "1")
    code, out = run_cli(["coverage", "--db", str(archive.db)], NAMND_EXPECTED=str(archive.expected))
    assert code == 0, out
    assert "incomplete" in out and "broken/arsrapport_2016.pdf" in out
    code, out = run_cli(
        ["coverage", "--db", str(archive.db), "--by", "template"],
        NAMND_EXPECTED=str(archive.expected),
    )
    assert code == 0, out
    assert "transcript (earlier OCR)" in out


def test_cli_says_when_the_register_changed_since_the_last_run(
    archive: Archive, tmp_path: Path
) -> None:
    a = _copy(archive, tmp_path)
    env = {"NAMND_EXPECTED": str(a.expected)}
    code, out = run_cli(["coverage", "--db", str(a.db)], **env)
    assert code == 0 and "changed since the last run" not in out
    with (a.expected / "zz_test.csv").open("a", encoding="utf-8") as fh:
        fh.write("2017,Socialnämnden,fou_plan,expected,,,,practice,test,,,\n")
    code, out = run_cli(["coverage", "--db", str(a.db)], **env)
    assert code == 0 and "changed since the last run; `namnd run` loads it" in out


def test_cli_suggest_lists_references_with_evidence(archive: Archive) -> None:
    code, out = run_cli(
        ["coverage", "--db", str(archive.db), "--suggest"], NAMND_EXPECTED=str(archive.expected)
    )
    assert code == 0, out
    assert "2014-12-16" in out and "2013-05-15" in out and "2013-06" in out
    code, out = run_cli(
        ["coverage", "--db", str(archive.db), "--suggest", "--format", "csv"],
        NAMND_EXPECTED=str(archive.expected),
    )
    assert code == 0, out
    lines = list(csv.DictReader(io.StringIO(out)))
    # the register already has the 2014-12-16 and 2013-05-15 decisions; June 2013 is offered
    # under a series the analyst must choose (the sentence does not say)
    assert [(r["year"], r["committee"], r["source_kind"]) for r in lines] == [
        ("2013", "Socialnämnden", "reference")
    ]
    assert "junisammantr" in lines[0]["evidence"]


BAD_LINES = [
    ("2014,Socialnämnden,fum,expected,16/12/2014,,,reference,x,,,", "decided '16/12/2014'"),
    ("14,Socialnämnden,fum,expected,,,,,,,,", "year '14' is not a year"),
    ("2014,Socialnämnden,fumm,expected,,,,,,,,", "unknown series 'fumm'"),
    ("2014,Socialnämnden,fum,maybe,,,,,,,,", "status 'maybe'"),
    ("2014,Socialnämnden,fum,known_gap,,,,,,,,", "a known_gap line needs a reason"),
    ("2014,,fum,expected,,,,,,,,", "committee is empty"),
    ("2014,Socialnämnden,fum,expected,,,,rumour,,,,", "source_kind 'rumour'"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES)
def test_a_bad_register_line_is_one_clear_message(tmp_path: Path, line: str, message: str) -> None:
    header = REGISTER.read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "mine.csv").write_text(f"{header}\n{line}\n", encoding="utf-8")
    with pytest.raises(RegisterError) as err:
        check_register(tmp_path)
    assert err.value.message.startswith("mine.csv:2: ")
    assert message in err.value.message


def test_a_bad_register_stops_the_run_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "expected").mkdir()
    (tmp_path / "expected" / "x.csv").write_text("year,committee\n2014,SN\n", encoding="utf-8")
    (tmp_path / "raw").mkdir()
    code, out = run_cli(
        ["run", "--raw", str(tmp_path / "raw"), "--db", str(tmp_path / "w" / "n.duckdb")],
        NAMND_EXPECTED=str(tmp_path / "expected"),
    )
    assert code == 2
    assert "x.csv:1: header lacks series, status" in out


def test_the_samples_register_reads() -> None:
    lines = check_register(REGISTER.parent)
    assert len(lines) >= 10
    assert {e.status for e in lines} >= {"expected", "known_gap"}
    assert any(e.source_kind == "reference" for e in lines)
