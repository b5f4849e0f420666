"""README's SQL cookbook: every query runs on the samples' warehouse and prints what README
shows. Regenerate with `python -m pipeline.devtools.cookbook --write README.md`."""

from __future__ import annotations

import pytest

from pipeline import warehouse
from pipeline.devtools.cookbook import RECIPES, current_section, render
from tests.conftest import REPO, Built


@pytest.mark.slow
def test_readme_cookbook_is_what_the_queries_return(samples_warehouse: Built) -> None:
    assert samples_warehouse.exit_code == 0, samples_warehouse.output
    con = warehouse.connect_read(samples_warehouse.db)
    try:
        section = render(con)
    finally:
        con.close()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert current_section(readme) == section, (
        "README's cookbook is stale: run "
        "`python -m pipeline.devtools.cookbook --db <samples warehouse> --write README.md`"
    )


def test_cookbook_has_enough_real_questions() -> None:
    assert 8 <= len(RECIPES) <= 15
    assert all(r.question.endswith("?") or r.question.endswith(")") for r in RECIPES)
