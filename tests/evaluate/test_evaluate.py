"""Tests for pipeline.evaluate: real DuckDB files built with the contract's tables."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.evaluate import (
    FIELDS,
    EvalError,
    FieldScore,
    cer,
    evaluate,
    format_report,
    load_gold,
    match_in_order,
    match_stem,
    wer,
)

GOLD_DIR = Path(__file__).parents[1] / "gold"

# The contract's tables (CONTRACT.md), reduced to plain SQL; extra columns are harmless.
CONTRACT_DDL = """
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY, source_path VARCHAR, sha256 VARCHAR, media_type VARCHAR,
    text_source VARCHAR, n_pages INTEGER, ocr_confidence DOUBLE, committee VARCHAR,
    committee_as_printed VARCHAR, doc_type VARCHAR, dnr VARCHAR, dnr_as_printed VARCHAR,
    doc_date DATE, meeting_date DATE, title VARCHAR, handlaggare VARCHAR,
    pipeline_version VARCHAR, loaded_at TIMESTAMP);
CREATE TABLE pages (doc_id VARCHAR, page_no INTEGER, text VARCHAR, clean_text VARCHAR,
    text_source VARCHAR, ocr_confidence DOUBLE, quality VARCHAR);
CREATE TABLE decisions (doc_id VARCHAR, item_no INTEGER, text VARCHAR);
CREATE TABLE signatories (doc_id VARCHAR, name VARCHAR, role VARCHAR);
CREATE TABLE projects (project_id VARCHAR PRIMARY KEY, doc_id VARCHAR, name VARCHAR,
    fund_type VARCHAR, year INTEGER, status VARCHAR, amount_sek BIGINT, performer VARCHAR,
    end_date DATE, description VARCHAR, page_no INTEGER, evidence VARCHAR, confidence DOUBLE);
CREATE TABLE project_districts (project_id VARCHAR, district_id VARCHAR, name_as_printed VARCHAR);
CREATE TABLE amounts (amount_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sek BIGINT, raw VARCHAR,
    approximate BOOLEAN, kind VARCHAR, fund_type VARCHAR, year INTEGER, project_id VARCHAR,
    page_no INTEGER, evidence VARCHAR);
CREATE TABLE criteria (doc_id VARCHAR, fund_type VARCHAR, year INTEGER, position INTEGER,
    text VARCHAR, kind VARCHAR);
CREATE TABLE districts (district_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR,
    valid_from DATE, valid_to DATE, successor_id VARCHAR);
CREATE TABLE district_aliases (alias VARCHAR, district_id VARCHAR);
CREATE TABLE district_mentions (doc_id VARCHAR, district_id VARCHAR, name_as_printed VARCHAR,
    page_no INTEGER);
"""

SMALL_GOLD: dict[str, Any] = {
    "committee": "Socialnämnden",
    "doc_type": "tjänsteutlåtande",
    "dnr": "3.2.1-792/2020",
    "doc_date": "2021-01-26",
    "meeting_date": "2021-02-16",
    "title": "Årsrapport om medel för forskning och utveckling 2020",
    "handlaggare": "Lisa Wallenberg",
    "decisions": [
        {"item_no": 1, "text": "Socialnämnden godkänner socialförvaltningens årsrapport."},
        {"item_no": 2, "text": "Socialnämnden överlämnar rapporten till samtliga stadsdelsnämnder"},
    ],
    "signatories": [
        {"name": "Fredrik Jurdell", "role": "socialdirektör"},
        {"name": "Veronica Wolgast Carstorp", "role": "avdelningschef"},
    ],
    "amounts": [
        {"sek": 500000, "raw": "500 000 kronor", "kind": "max_per_application",
         "fund_type": "LUM", "year": 2020},
        {"sek": 25000, "raw": "25 000 kronor", "kind": "max_per_application",
         "fund_type": "MUL", "year": 2020},
        {"sek": 174300, "raw": "174 300 kronor", "kind": "total_granted",
         "fund_type": "MUL", "year": 2020},
    ],
    "projects": [
        {
            "name": "Etableringscoach",
            "districts": ["Kungsholmen", "Norrmalm", "Östermalm"],
            "fund_type": "LUM",
            "year": 2020,
            "status": "beviljad",
            "amount_sek": None,
            "performer": None,
            "end_date": None,
        },
        {
            "name": "Relationsvåldscentrum i Stockholms stad",
            "aliases": ["RVC"],
            "districts": [],
            "fund_type": "FUM",
            "year": 2020,
            "status": "pågående",
            "amount_sek": 1000000,
            "performer": "Ersta Sköndal Bräcke högskola",
            "end_date": "2021-12-31",
        },
        {
            "name": "Familjeorienterat arbetssätt",
            "districts": ["Skarpnäck"],
            "fund_type": "LUM",
            "year": 2020,
            "status": "beviljad",
            "listed": False,
        },
    ],
    "criteria": [
        {"fund_type": "LUM", "year": 2020, "position": 1, "kind": "criterion",
         "text": "Strategisk betydelse för staden som helhet"},
        {"fund_type": "LUM", "year": 2020, "position": 2, "kind": "criterion",
         "text": "Underlättar ett mer sammanhållet stöd till den enskilde"},
        {"fund_type": "LUM", "year": 2020, "position": 3, "kind": "criterion",
         "text": "Innovation"},
        {"fund_type": "LUM", "year": 2020, "position": 4, "kind": "criterion",
         "text": "Jämställdhet"},
    ],
    "districts_mentioned": ["Kungsholmen", "Norrmalm", "Östermalm"],
}  # fmt: skip


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9åäö]+", "-", name.casefold()).strip("-")


def make_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute(CONTRACT_DDL)
    return con


def insert_district(con: duckdb.DuckDBPyConnection, name: str) -> str:
    district_id = slug(name)
    con.execute(
        "INSERT INTO districts (district_id, name) SELECT ?, ? WHERE NOT EXISTS"
        " (SELECT 1 FROM districts WHERE district_id = ?)",
        [district_id, name, district_id],
    )
    return district_id


def insert_document(
    con: duckdb.DuckDBPyConnection,
    doc_id: str,
    source_path: str,
    gold: dict[str, Any],
) -> None:
    """Insert a warehouse document whose content is exactly the given gold annotation."""
    con.execute(
        "INSERT INTO documents (doc_id, source_path, committee, doc_type, dnr, doc_date,"
        " meeting_date, title, handlaggare) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            doc_id,
            source_path,
            gold["committee"],
            gold["doc_type"],
            gold["dnr"],
            gold["doc_date"],
            gold["meeting_date"],
            gold["title"],
            gold["handlaggare"],
        ],
    )
    for d in gold["decisions"]:
        con.execute("INSERT INTO decisions VALUES (?, ?, ?)", [doc_id, d["item_no"], d["text"]])
    for s in gold["signatories"]:
        con.execute("INSERT INTO signatories VALUES (?, ?, ?)", [doc_id, s["name"], s.get("role")])
    for n, a in enumerate(gold["amounts"]):
        con.execute(
            "INSERT INTO amounts (amount_id, doc_id, sek, raw, kind, fund_type, year)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [f"{doc_id}-a{n}", doc_id, a["sek"], a.get("raw"), a.get("kind"),
             a.get("fund_type"), a.get("year")],
        )  # fmt: skip
    for n, p in enumerate(gold["projects"]):
        project_id = f"{doc_id}-p{n}"
        end_date = p.get("end_date")
        if end_date is not None and len(end_date) == 7:
            end_date += "-28"  # a DATE within the gold month
        con.execute(
            "INSERT INTO projects (project_id, doc_id, name, fund_type, year, status,"
            " amount_sek, performer, end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [project_id, doc_id, p["name"], p.get("fund_type"), p.get("year"), p.get("status"),
             p.get("amount_sek"), p.get("performer"), end_date],
        )  # fmt: skip
        for name in p.get("districts", []):
            con.execute(
                "INSERT INTO project_districts VALUES (?, ?, ?)",
                [project_id, insert_district(con, name), name.upper()],
            )
    for c in gold["criteria"]:
        con.execute(
            "INSERT INTO criteria VALUES (?, ?, ?, ?, ?, ?)",
            [doc_id, c.get("fund_type"), c.get("year"), c.get("position"), c["text"],
             c.get("kind")],
        )  # fmt: skip
    for name in gold["districts_mentioned"]:
        con.execute(
            "INSERT INTO district_mentions VALUES (?, ?, ?, 1)",
            [doc_id, insert_district(con, name), name],
        )


def write_gold(directory: Path, stem: str, gold: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{stem}.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def counts(score: FieldScore) -> tuple[int, int, int]:
    return score.tp, score.fp, score.fn


# ---------------------------------------------------------------------------------------------


def test_field_score_conventions() -> None:
    s = FieldScore(tp=2, fp=1, fn=1)
    assert (s.precision, s.recall, s.f1) == (2 / 3, 2 / 3, pytest.approx(2 / 3))
    assert s["recall"] == s.recall and s["tp"] == 2
    assert (FieldScore().precision, FieldScore().recall, FieldScore().f1) == (1.0, 1.0, 1.0)
    missed = FieldScore(fn=3)
    assert (missed.precision, missed.recall, missed.f1) == (0.0, 0.0, 0.0)
    assert FieldScore(1, 0, 0) + FieldScore(0, 2, 3) == FieldScore(1, 2, 3)


@pytest.mark.parametrize(
    ("source_path", "expected"),
    [
        ("x.txt", ("x", "txt")),
        ("x.pdf", ("x", "pdf")),
        ("x.scan.pdf", ("x", "scan")),
        ("x.born.pdf", ("x", "born")),
        ("x.mixed.pdf", ("x", "mixed")),
        ("2020/sub/x.scan.PDF", ("x", "scan")),
        ("x.v2.pdf", ("x.v2", "pdf")),  # the longest stem that has a gold file wins
        ("x.v2.scan.pdf", ("x.v2", "scan")),
        ("xy.txt", None),
        ("y.txt", None),
    ],
)
def test_match_stem(source_path: str, expected: tuple[str, str] | None) -> None:
    assert match_stem(source_path, {"x", "x.v2"}) == expected


def test_cer_wer_known_strings() -> None:
    assert cer("sitting", "kitten") == pytest.approx(3 / 6)
    assert cer("kitten", "sitting") == pytest.approx(3 / 7)
    assert cer("Socialnämnden", "Socialnämnden") == 0.0
    assert cer("Socialndmnden", "Socialnämnden") == pytest.approx(1 / 13)
    assert wer("the cat sat", "the cat sat down") == pytest.approx(1 / 4)
    assert wer("a b c", "a x c") == pytest.approx(1 / 3)
    assert cer("", "") == 0.0 and wer("", "") == 0.0
    assert cer("abc", "") == 1.0


def test_match_in_order_keeps_order() -> None:
    assert match_in_order(["alpha", "beta"], ["beta", "alpha"], 85) in ([(0, 1)], [(1, 0)])
    assert match_in_order(["a one", "b two", "c three"], ["a one", "c three"], 85) == [
        (0, 0),
        (2, 1),
    ]


def test_partial_match_exact_numbers(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "doc", SMALL_GOLD)
    db = tmp_path / "w.duckdb"
    con = make_warehouse(db)
    con.execute(
        "INSERT INTO documents (doc_id, source_path, committee, doc_type, dnr, doc_date,"
        " meeting_date, title, handlaggare) VALUES ('d1', 'raw/doc.scan.pdf', 'Socialnämnden',"
        " 'protokoll', '3.2.1 - 792/2020', DATE '2021-01-26', NULL,"
        " 'Arsrapport om medel för forskning och utveckling 2020', 'Lisa  Wallenberg')"
    )
    # decisions: the first found (OCR damage, numbered), the second not; one extra
    con.execute(
        "INSERT INTO decisions VALUES ('d1', 1, '1. Socialndmnden godkanner socialförvaltningens"
        " årsrapport.'), ('d1', 2, 'Något helt annat')"
    )
    con.execute(
        "INSERT INTO signatories VALUES ('d1', 'Fredrik Jurdell', 'Socialdirektör'),"
        " ('d1', 'Veronica Wolgast Carstorp', NULL), ('d1', 'Gillis Hammar', NULL)"
    )
    con.execute(
        "INSERT INTO amounts (amount_id, doc_id, sek, kind) VALUES"
        " ('a1', 'd1', 500000, 'max_per_application'), ('a2', 'd1', 25000, 'total_granted'),"
        " ('a3', 'd1', 999, 'other')"
    )
    con.execute(
        "INSERT INTO projects (project_id, doc_id, name, fund_type, year, status, amount_sek,"
        " performer, end_date) VALUES"
        " ('p1', 'd1', 'Etableringscoah', 'LUM', 2020, 'beviljad', NULL, NULL, NULL),"
        " ('p2', 'd1', 'RVC', 'FUM', 2021, 'pågående', 1000000, 'Ersta Skondal Bracke Hogskola',"
        "  DATE '2021-12-31'),"
        " ('p3', 'd1', 'Helt okänt projekt', NULL, NULL, NULL, 5, NULL, NULL)"
    )
    for name in ("Kungsholmen", "Norrmalm", "Södermalm"):
        insert_district(con, name)
    con.execute(
        "INSERT INTO project_districts VALUES ('p1', 'kungsholmen', 'Kungsholmen'),"
        " ('p1', 'södermalm', 'Södermalm')"
    )
    con.execute(
        "INSERT INTO criteria VALUES"
        " ('d1', 'LUM', 2020, 1, '- Strategisk betydelse for staden som helhet', 'criterion'),"
        " ('d1', 'MUL', 2020, 3, 'Innovation', 'priority'),"
        " ('d1', 'LUM', 2020, 9, 'Något som inte står i listan alls', 'criterion')"
    )
    con.execute(
        "INSERT INTO district_mentions VALUES ('d1', 'kungsholmen', 'Kungsholmens', 1),"
        " ('d1', 'norrmalm', 'Norrmalm', 2), ('d1', 'södermalm', 'Södermalms', 2)"
    )
    con.close()

    report = evaluate(gold_dir, db)
    f = report.fields
    assert counts(f["documents.committee"]) == (1, 0, 0)
    assert counts(f["documents.doc_type"]) == (0, 1, 1)
    assert counts(f["documents.dnr"]) == (1, 0, 0)
    assert counts(f["documents.doc_date"]) == (1, 0, 0)
    assert counts(f["documents.meeting_date"]) == (0, 0, 1)
    assert counts(f["documents.title"]) == (1, 0, 0)
    assert counts(f["documents.handlaggare"]) == (1, 0, 0)
    assert counts(f["decisions.text"]) == (1, 1, 1)
    assert counts(f["decisions.item_no"]) == (1, 1, 1)
    assert counts(f["signatories.name"]) == (2, 1, 0)
    assert counts(f["signatories.role"]) == (1, 0, 1)
    assert counts(f["amounts.value"]) == (2, 1, 1)
    assert counts(f["amounts.value_kind"]) == (1, 2, 2)
    assert counts(f["amounts.fund_type"]) == (0, 3, 3)  # none extracted with its fund
    assert counts(f["amounts.year"]) == (0, 3, 3)
    assert counts(f["projects.name"]) == (2, 1, 1)
    assert counts(f["projects.name_listed"]) == (2, 1, 0)
    # Etableringscoach: Kungsholmen right, Södermalm wrong, Norrmalm and Östermalm missed;
    # the unfound Familjeorienterat arbetssätt misses Skarpnäck.
    assert counts(f["projects.districts"]) == (1, 1, 3)
    # RVC right; the unmatched extra project's 5 kr is wrong.
    assert counts(f["projects.amount_sek"]) == (1, 1, 0)
    assert counts(f["projects.performer"]) == (1, 0, 0)
    assert counts(f["projects.fund_type"]) == (2, 0, 1)
    assert counts(f["projects.year"]) == (1, 1, 2)
    assert counts(f["projects.status"]) == (2, 0, 1)
    assert counts(f["projects.end_date"]) == (1, 0, 0)
    assert counts(f["criteria.text"]) == (2, 1, 2)
    assert counts(f["criteria.fund_type"]) == (1, 2, 3)
    assert counts(f["criteria.kind"]) == (1, 2, 3)
    assert counts(f["criteria.position"]) == (2, 1, 2)
    assert counts(f["district_mentions.name"]) == (2, 1, 1)

    assert f["amounts.value"].precision == pytest.approx(2 / 3)
    assert f["amounts.value"].recall == pytest.approx(2 / 3)
    assert f["projects.name"].precision == pytest.approx(2 / 3)
    assert f["projects.name"].recall == pytest.approx(2 / 3)
    assert f["criteria.text"].recall == pytest.approx(0.5)
    assert f["projects.districts"].precision == pytest.approx(0.5)
    assert f["projects.districts"].recall == pytest.approx(0.25)

    # Strict: letter-exact (case and whitespace aside). The OCR-damaged title, decision,
    # project name ('Etableringscoah'), performer (no diacritics) and criterion
    # ('for' for 'för') all count as wrong; what is exact stays right.
    st = report.strict_fields
    assert counts(st["documents.title"]) == (0, 1, 1)
    assert counts(st["documents.handlaggare"]) == (1, 0, 0)  # whitespace is normalised
    assert counts(st["decisions.text"]) == (0, 2, 2)
    assert counts(st["signatories.name"]) == (2, 1, 0)
    assert counts(st["projects.name"]) == (1, 2, 2)  # only RVC, an exact alias
    assert counts(st["projects.performer"]) == (0, 1, 1)
    assert counts(st["criteria.text"]) == (1, 2, 3)  # only 'Innovation'
    assert st["amounts.value_kind"] == f["amounts.value_kind"]  # exact already

    (doc,) = report.documents
    assert (doc.gold, doc.doc_id, doc.variant) == ("doc", "d1", "scan")
    assert set(report.by_variant) == {"scan"}
    assert report.by_variant["scan"]["amounts.value"] == f["amounts.value"]
    assert report.missing == () and report.unmatched_documents == ()


def test_project_names_with_extra_or_missing_words_do_not_match(tmp_path: Path) -> None:
    """token_set_ratio scored a name with junk words appended as 100; the project measure
    (token_sort_ratio) must not: extra words, or half the name missing, are a miss."""
    from pipeline.evaluate import Annotation, Project, compare

    gold = Annotation(projects=(Project("Relationsvåldscentrum i Stockholms stad"),))
    for wrong in (
        "Relationsvåldscentrum i Stockholms stad Ersta Sköndal Bräcke högskola 1 000 000 kr",
        "Relationsvåldscentrum",
    ):
        scores = compare(gold, Annotation(projects=(Project(wrong),)))
        assert counts(scores["projects.name"]) == (0, 1, 1), wrong
    for right in (
        "relationsvåldscentrum  i Stockholms stad",
        "Relationsvaldscentrum i Stockholms stad",
    ):
        assert counts(compare(gold, Annotation(projects=(Project(right),)))["projects.name"]) == (
            1,
            0,
            0,
        ), right
    # strictly, only the first (case and whitespace aside) is right
    strict = [
        compare(gold, Annotation(projects=(Project(n),)), strict=True)["projects.name"].tp
        for n in (
            "relationsvåldscentrum  i Stockholms stad",
            "Relationsvaldscentrum i Stockholms stad",
        )
    ]
    assert strict == [1, 0]


def test_variants_are_scored_separately(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "doc", SMALL_GOLD)
    db = tmp_path / "w.duckdb"
    con = make_warehouse(db)
    insert_document(con, "t1", "doc.txt", SMALL_GOLD)
    empty = {k: ([] if isinstance(v, list) else None) for k, v in SMALL_GOLD.items()}
    insert_document(con, "s1", "scans/doc.scan.pdf", empty)
    insert_document(con, "o1", "other.pdf", SMALL_GOLD)
    con.close()

    report = evaluate(gold_dir, db)
    assert [(d.doc_id, d.variant) for d in report.documents] == [("t1", "txt"), ("s1", "scan")]
    assert report.unmatched_documents == ("other.pdf",)
    txt, scan = report.by_variant["txt"], report.by_variant["scan"]
    assert all(score.f1 == 1.0 for score in txt.values())
    assert scan["projects.name"].recall == 0.0 and scan["amounts.value"].recall == 0.0
    overall = report.fields["amounts.value"]
    assert counts(overall) == (3, 0, 3)


def test_perfect_warehouse_scores_one_everywhere(tmp_path: Path) -> None:
    """The real gold files, loaded verbatim into a warehouse, score 1.0 on every field."""
    db = tmp_path / "w.duckdb"
    con = make_warehouse(db)
    golds = sorted(GOLD_DIR.glob("*.json"))
    assert len(golds) == 5
    for n, path in enumerate(golds):
        gold = json.loads(path.read_text(encoding="utf-8"))
        insert_document(con, f"d{n}t", f"{path.stem}.txt", gold)
        insert_document(con, f"d{n}s", f"{path.stem}.scan.pdf", gold)
    con.close()

    report = evaluate(GOLD_DIR, db)
    assert len(report.documents) == 10 and report.missing == ()
    assert set(report.fields) == set(FIELDS)
    for name, score in report.fields.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), name
    assert report.fields["projects.name"].tp == 2 * 36
    for variant in ("txt", "scan"):
        assert all(s.f1 == 1.0 for s in report.by_variant[variant].values())


def test_empty_warehouse_has_zero_recall(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    make_warehouse(db).close()
    report = evaluate(GOLD_DIR, db)
    assert len(report.missing) == 5
    for name, score in report.fields.items():
        assert score.tp == 0 and score.fp == 0, name
        assert score.fn > 0 and score.recall == 0.0, name


def test_documents_without_extractions_have_zero_recall(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "doc", SMALL_GOLD)
    db = tmp_path / "w.duckdb"
    con = make_warehouse(db)
    con.execute("INSERT INTO documents (doc_id, source_path) VALUES ('d1', 'doc.mixed.pdf')")
    con.close()
    report = evaluate(gold_dir, db)
    assert report.documents[0].variant == "mixed"
    for name, score in report.fields.items():
        assert score.recall == 0.0, name


def test_ocr_text_quality_against_reference(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    (tmp_path / "ref.txt").write_text("Socialnämnden godkänner\nplanen.", encoding="utf-8")
    write_gold(gold_dir, "doc", {**SMALL_GOLD, "reference": "../ref.txt"})
    db = tmp_path / "w.duckdb"
    con = make_warehouse(db)
    con.execute("INSERT INTO documents (doc_id, source_path) VALUES ('d1', 'doc.scan.pdf')")
    con.execute(
        "INSERT INTO pages (doc_id, page_no, text) VALUES"
        " ('d1', 2, 'planen.'), ('d1', 1, 'Socialndmnden  godkänner')"
    )
    con.close()
    (doc,) = evaluate(gold_dir, db).documents
    assert doc.text_quality is not None
    assert doc.text_quality.cer == pytest.approx(1 / len("Socialnämnden godkänner planen."))
    assert doc.text_quality.wer == pytest.approx(1 / 3)


def test_missing_tables_are_warnings(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "doc", SMALL_GOLD)
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE documents (doc_id VARCHAR, source_path VARCHAR, committee VARCHAR)")
    con.execute("INSERT INTO documents VALUES ('d1', 'doc.txt', 'Socialnämnden')")
    con.close()
    report = evaluate(gold_dir, db)
    assert counts(report.fields["documents.committee"]) == (1, 0, 0)
    assert any("table projects is missing" in w for w in report.warnings)
    assert any("documents lacks columns" in w for w in report.warnings)


def test_report_renders_as_text_and_json(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "doc", SMALL_GOLD)
    db = tmp_path / "w.duckdb"
    con = make_warehouse(db)
    insert_document(con, "t1", "doc.txt", SMALL_GOLD)
    con.close()
    report = evaluate(gold_dir, db)
    text = format_report(report)
    assert "projects.name" in text and "F1 by variant" in text and "doc" in text
    data = json.loads(report.to_json())
    assert data["fields"]["projects.name"] == {
        "tp": 3, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0,
    }  # fmt: skip
    assert data["documents"][0]["variant"] == "txt"


def test_bad_gold_and_warehouse_are_reported(tmp_path: Path) -> None:
    bad = write_gold(tmp_path / "gold", "bad", {**SMALL_GOLD, "doc_type": "memo"})
    with pytest.raises(EvalError, match="doc_type 'memo'"):
        load_gold(bad)
    broken = write_gold(tmp_path / "gold2", "broken", {"committee": "x"})
    with pytest.raises(EvalError, match="missing keys"):
        load_gold(broken)
    good = write_gold(tmp_path / "gold3", "good", SMALL_GOLD)
    with pytest.raises(EvalError, match="does not exist"):
        evaluate(good.parent, tmp_path / "nowhere.duckdb")
    with pytest.raises(EvalError, match="no gold files"):
        evaluate(tmp_path, tmp_path / "nowhere.duckdb")


def test_real_gold_files_load() -> None:
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = load_gold(path)
        assert gold.stem == path.stem
        mentioned = gold.annotation.districts_mentioned
        for project in gold.annotation.projects:
            assert project.districts <= mentioned, (path.name, project.name)
