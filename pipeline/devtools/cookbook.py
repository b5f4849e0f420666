"""The README's SQL cookbook: analysts' questions, their queries, and what they return.

    python -m pipeline.devtools.cookbook --db warehouse/namnd.duckdb --write README.md

renders every recipe against the warehouse and rewrites the README between the
``<!-- cookbook:start -->`` and ``<!-- cookbook:end -->`` markers, so the answers shown there
are the answers the queries give on the bundled samples. A test re-runs them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

START = "<!-- cookbook:start -->"
END = "<!-- cookbook:end -->"
MAX_ROWS = 12
MAX_CELL = 70


@dataclass(frozen=True)
class Recipe:
    question: str
    sql: str
    note: str = ""


RECIPES: tuple[Recipe, ...] = (
    Recipe(
        "How much LUM did each district get per year, in today's district boundaries?",
        """SELECT year, district_today, round(sum(n_projects_split), 2) AS projects,
       sum(total_sek) AS total_sek, sum(n_projects_without_amount) AS without_amount
FROM v_funding_by_district_year
WHERE fund_type = 'LUM'
GROUP BY ALL
ORDER BY year, district_today""",
        "A project shared by several districts has its amount and its count split between "
        "them (`n_projects_split`, `total_sek`), so both columns add up to the year's "
        "projects and kronor; `n_projects` counts each project touching a district, and "
        "`district_as_named` keeps the name the document used. `total_sek` is empty where "
        "the decision prints no per-project amounts (it states one total per fund: see 2).",
    ),
    Recipe(
        "How many projects and how much money per fund and year?",
        """SELECT fund_type, year, n_projects, n_in_several_documents, total_sek,
       fund_total_stated_sek, itemisation
FROM v_funding_by_year
ORDER BY year, fund_type""",
        "One row per fund and year, each project counted once (`v_projects` has one row per "
        "project and year): a project granted in one decision and reported in a later one "
        "is one project (`n_in_several_documents`). `total_sek` sums the amounts printed "
        "per project; `fund_total_stated_sek` is the total the decision states as granted, "
        "and `itemisation` says whether the money is known per project or only as that total.",
    ),
    Recipe(
        "What was the most one application could get, year by year?",
        """SELECT fund_type, year, max_per_application_sek, raw
FROM v_max_amounts
ORDER BY fund_type, year""",
    ),
    Recipe(
        "How did the prioritisation criteria change over the years?",
        """SELECT year, fund_type, kind, n_criteria, criteria
FROM v_criteria_by_year
ORDER BY year, fund_type, kind""",
    ),
    Recipe(
        "Which districts took part, and under which names, in which years?",
        """SELECT district_today, list(DISTINCT district_as_named ORDER BY district_as_named)
         AS named_as, list(DISTINCT year ORDER BY year) AS years
FROM v_funding_by_district_year
GROUP BY district_today
ORDER BY district_today""",
        "Districts merged since (e.g. Hägersten-Liljeholmen, Älvsjö → Hägersten-Älvsjö) are "
        "counted under today's district.",
    ),
    Recipe(
        "Which projects appear in several documents or years, and under which names?",
        """SELECT names, years, n_documents, statuses, district_today
FROM v_project_series
WHERE n_documents > 1 OR n_years > 1
ORDER BY first_year, name""",
        "One row per project across documents and years (`series_id`): a grant and its later "
        "report, a second year, copies of one decision. `names` shows a renamed project under "
        "both names. Pairs the linker was unsure of are listed by `namnd links`.",
    ),
    Recipe(
        "Which figures do not add up? (checks that failed, with both numbers and pages)",
        """SELECT kind, outcome, count(*) AS checks
FROM checks
GROUP BY ALL
ORDER BY kind, outcome""",
        "One row per comparison in `checks`: project rows against the stated total, the "
        "total against the Summa row, a grant against its report, one amount read in two "
        "copies, a project above the maximum. `namnd status` lists the failed ones.",
    ),
    Recipe(
        "Which criteria concepts applied to LUM in which year, and which were new?",
        """SELECT year, concept, in_previous_year, evidence
FROM v_criteria_concepts_by_year
WHERE fund_type = 'LUM'
ORDER BY year, concept""",
        "Criteria compared by what they ask for, not their wording: 2013's \"involverar fler "
        'än en stadsdelsförvaltning" and 2015\'s "Omfattar flera stadsdelsförvaltningar" '
        "are one concept (several_districts) kept.",
    ),
    Recipe(
        "Who carried out the city-wide (FUM) studies, at what cost, and when were they due?",
        """SELECT performer, name, amount_sek, end_date
FROM v_projects
WHERE fund_type = 'FUM'
ORDER BY performer, name""",
    ),
    Recipe(
        "Which decisions are in the warehouse, and how many copies of each?",
        """SELECT coalesce(doc_date, meeting_date) AS date, committee, doc_type, dnr,
       n_projects, n_copies, title
FROM v_documents_timeline
ORDER BY date""",
    ),
    Recipe(
        "Where does a total come from? (every value points to its page and source text)",
        """SELECT a.fund_type, a.year, a.sek, d.source_path, a.page_no, a.evidence
FROM amounts a JOIN v_documents_canonical d USING (doc_id)
WHERE a.kind = 'total_granted'
ORDER BY a.year, a.fund_type""",
    ),
    Recipe(
        "Which scanned pages should a person check?",
        """SELECT d.source_path, p.page_no, p.quality, round(p.ocr_confidence, 1) AS confidence,
       p.method
FROM pages p JOIN documents d USING (doc_id)
WHERE p.quality <> 'good'
ORDER BY d.source_path, p.page_no""",
    ),
    Recipe(
        "Is a year's figure a real trend or a hole in the archive? (coverage)",
        """SELECT year, committee, series, expectation, state, coverage,
       n_expected, n_present, n_missing, referred_by
FROM v_coverage
ORDER BY year, committee, series""",
        "The expectations register (`warehouse/expected/*.csv`) says which decisions should "
        "exist; `v_coverage` compares it with the documents. `coverage` is `complete` only "
        "where something was expected and all of it is here and readable; `referred_by` quotes "
        "the sentence of another document that implies the decision. The funding and criteria "
        "views carry the same judgement in their `coverage` column; `namnd coverage` shows it "
        "as a grid and `namnd coverage --suggest` lists references not yet registered.",
    ),
    Recipe(
        "Which project owners are stadsdelsförvaltningar, and which are förvaltningar or units?",
        """SELECT district_kind, count(DISTINCT district_today) AS units,
       round(sum(n_projects_split), 2) AS projects,
       list(DISTINCT district_today ORDER BY district_today) AS names
FROM v_funding_by_district_year
WHERE district_kind IS NOT NULL
GROUP BY district_kind
ORDER BY district_kind""",
        "`district_kind` is `stadsdelsförvaltning`, `fackförvaltning` (a city-wide förvaltning "
        "such as Socialförvaltningen) or `unit` (a unit inside one, such as Socialjouren). "
        "A project shared by units of two kinds counts half in each. "
        "Add `WHERE district_kind = 'stadsdelsförvaltning'` to any question above to count the "
        "districts only; in `v_projects`, `district_kind` lists the kinds of all of a "
        "project's owners, so the same condition keeps projects owned by districts alone.",
    ),
)


def _plain(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        return "; ".join(_plain(x) for x in v)
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        v = int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10_000:
        return f"{v:,}".replace(",", " ")
    s = re.sub(r"\s+", " ", str(v)).strip()
    s = s.replace("|", "\\|")
    return s if len(s) <= MAX_CELL else s[: MAX_CELL - 1] + "…"


def render_result(cols: list[str], rows: list[tuple[Any, ...]]) -> str:
    """A Markdown table of at most MAX_ROWS rows, with a line saying how many were left out."""
    if not rows:
        return "_(no rows on the samples)_"
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows[:MAX_ROWS]:
        out.append("| " + " | ".join(_plain(v) for v in r) + " |")
    if len(rows) > MAX_ROWS:
        out.append(f"\n_… and {len(rows) - MAX_ROWS} more rows ({len(rows)} in all)_")
    return "\n".join(out)


def render(con: Any) -> str:
    """The whole cookbook section as Markdown, answers computed on `con`."""
    parts = [
        "Each answer below is what the query returns on the bundled samples "
        "(`make run`; regenerated by `python -m pipeline.devtools.cookbook --write README.md`). "
        'Run any of them with `.venv/bin/namnd query "…"`.'
    ]
    for i, r in enumerate(RECIPES, start=1):
        cur = con.execute(r.sql)
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
        block = [f"**{i}. {r.question}**", "", "```sql", r.sql, "```", ""]
        if r.note:
            block += [r.note, ""]
        block.append(render_result(cols, rows))
        parts.append("\n".join(block))
    return "\n\n".join(parts)


def splice(readme: str, section: str) -> str:
    """README text with the cookbook section replaced."""
    a, b = readme.index(START) + len(START), readme.index(END)
    return readme[:a] + "\n" + section + "\n" + readme[b:]


def current_section(readme: str) -> str:
    a, b = readme.index(START) + len(START), readme.index(END)
    return readme[a:b].strip("\n")


def main(argv: list[str] | None = None) -> int:
    from pipeline import warehouse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("warehouse/namnd.duckdb"))
    ap.add_argument("--write", type=Path, help="README file to update in place")
    args = ap.parse_args(argv)
    con = warehouse.connect_read(args.db)
    try:
        section = render(con)
    finally:
        con.close()
    if args.write:
        args.write.write_text(splice(args.write.read_text(encoding="utf-8"), section), "utf-8")
    else:
        print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
