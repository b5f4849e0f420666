"""The review page in a real browser: Debian's chromium, headless, driven by Selenium through
Debian's chromedriver, against `namnd review` started as a real process on a copy of the
samples' warehouse (built by the real pipeline).

What the analyst does is what the tests do: open the queue, press keys, type into the form;
the assertions are on the overrides files the page writes, on what `namnd run` then makes of
them in the warehouse, and on what the page shows afterwards.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from pipeline.warehouse.overrides import HEADER_EXPECT
from tests.conftest import RAW, REPO, run_cli
from tests.review_helpers import copy_samples, samples_root

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
#: how long to wait for the server to print its URL, and for a page element (seconds); these
#: are limits for a loaded machine, not measured durations
START_LIMIT_S = 60
WAIT_S = 20
#: how long one request of the concurrent writers may take on a loaded machine (a limit)
REQUEST_LIMIT_S = 180


@pytest.fixture(scope="module")
def root(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("NAMND_TEST_SAMPLES_ROOT"):
        return samples_root(Path())
    built = request.getfixturevalue("samples_warehouse")
    assert built.exit_code == 0, built.output
    return samples_root(built.db)


@pytest.fixture
def site(root: Path, tmp_path: Path) -> Iterator[dict[str, object]]:
    """`namnd review` serving a fresh copy of the samples' warehouse; its URL and paths."""
    paths = copy_samples(root, tmp_path / "copy")
    env = {
        **os.environ,
        "NAMND_OVERRIDES": str(paths["overrides"]),
        "NAMND_EXTRACTED": str(paths["extracted"]),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    cmd = [sys.executable, "-m", "pipeline.cli", "review", "--port", "0", "--no-browser"]
    cmd += ["--db", str(paths["db"]), "--raw", str(RAW)]
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = _wait_for_url(proc)
    try:
        yield {**paths, "url": url, "proc": proc}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_for_url(proc: subprocess.Popen[str]) -> str:
    found: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "review page: " in line:
                found.append(line.split("review page: ")[1].split()[0])
                return

    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(START_LIMIT_S)
    assert found, f"namnd review printed no URL (exit {proc.poll()})"
    return found[0]


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    opts.add_argument("--window-size=1400,1000")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver: WebDriver, css: str) -> object:
    return WebDriverWait(driver, WAIT_S).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def read(driver: WebDriver, css: str, attribute: str | None = None) -> str:
    """The text (or an attribute) of the element at `css` once the page that shows it has
    settled: found afresh on each try, so a document replaced between the find and the read
    (chromium: "Node with given id does not belong to the document") is read again."""

    def attempt(d: WebDriver) -> str | None:
        found = d.find_elements(By.CSS_SELECTOR, css)
        if not found:
            return None
        return found[0].get_attribute(attribute) if attribute else found[0].text

    got: str = WebDriverWait(
        driver, WAIT_S, ignored_exceptions=(StaleElementReferenceException,)
    ).until(attempt)
    return got


def gone(driver: WebDriver, old: WebElement) -> None:
    """Wait until `old` no longer belongs to the page shown: the page was replaced.

    Selenium's `staleness_of` knows only StaleElementReferenceException; chromium may
    instead answer "Node with given id does not belong to the document" while the new
    page replaces the old one, which means the same thing."""

    def replaced(_: WebDriver) -> bool:
        try:
            old.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as err:
            if "does not belong to the document" in str(err):
                return True
            raise
        return False

    WebDriverWait(driver, WAIT_S).until(replaced)


def press(driver: WebDriver, key: str) -> None:
    """Press a key on the page (not in a field), and wait for the page that follows."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.TAG_NAME, "body").send_keys(key)
    gone(driver, old)


def lines(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def open_first(driver: WebDriver, url: str, table: str) -> str:
    """Open the first value of `table` in the queue; return its key."""
    driver.get(f"{url}?table={table}&todo=1")
    wait_for(driver, "#queue")
    press(driver, "j")
    item = wait_for(driver, "#item")
    return str(item.get_attribute("data-key"))  # type: ignore[attr-defined]


# ------------------------------------------------------------------ the tests


def test_correct_an_amount_writes_the_line_namnd_correct_writes(
    site: dict[str, object], browser: WebDriver, tmp_path: Path
) -> None:
    url, overrides = str(site["url"]), Path(str(site["overrides"]))
    key = open_first(browser, url, "amounts")
    browser.find_element(By.TAG_NAME, "body").send_keys("e")
    field = wait_for(browser, "#f-sek")
    field.send_keys("123 456")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "f-note").send_keys("per bilaga 1")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.ID, "save").click()
    gone(browser, old)

    written = lines(overrides / "corrections.csv")
    assert written[0] == list(HEADER_EXPECT)
    assert written[1][:6] == ["amounts", key, "sek", "123456", "set", "per bilaga 1"]
    # the very line `namnd correct` writes for the same correction
    other = tmp_path / "by_cli"
    code, out = run_cli(
        [
            "correct",
            "amounts",
            key,
            "sek",
            "123456",
            "--note",
            "per bilaga 1",
            "--db",
            str(site["db"]),
        ],
        NAMND_OVERRIDES=str(other),
    )
    assert code == 0, out
    assert (overrides / "corrections.csv").read_text(encoding="utf-8") == (
        other / "corrections.csv"
    ).read_text(encoding="utf-8")

    # the page says it is pending until the next run …
    browser.get(f"{url}item/amounts/{key}")
    assert "correction pending" in wait_for(browser, "#status").text  # type: ignore[attr-defined]
    # … `namnd run` applies it (from the cache: no OCR) …
    code, out = run_cli(
        ["run", "--raw", str(RAW), "--db", str(site["db"]), "--plain"],
        extracted=Path(str(site["extracted"])),
        NAMND_OVERRIDES=str(overrides),
        NAMND_EXPECTED=str(REPO / "warehouse" / "expected"),
    )
    assert code == 0, out
    assert "1 applied" in out
    con = duckdb.connect(str(site["db"]), read_only=True)
    try:
        assert con.execute("SELECT sek FROM amounts WHERE amount_id = ?", [key]).fetchall() == [
            (123456,)
        ]
    finally:
        con.close()
    # … and the page shows the value as applied
    browser.get(f"{url}item/amounts/{key}")
    assert wait_for(browser, "#status").text == "corrected"  # type: ignore[attr-defined]
    assert browser.find_element(By.ID, "sek").text == "123456"
    assert "applied" in browser.find_element(By.ID, "corrections").text
    browser.get(url)
    counts = wait_for(browser, "#correction-counts").text  # type: ignore[attr-defined]
    assert counts.startswith("corrections: 0 pending") and "1 applied" in counts, counts


def test_delete_a_project_accept_a_value_and_undo_both(
    site: dict[str, object], browser: WebDriver
) -> None:
    url, overrides = str(site["url"]), Path(str(site["overrides"]))
    before = _mtimes(Path(str(site["db"])).parent.parent, RAW, skip=overrides)
    project = open_first(browser, url, "projects")
    press(browser, "d")
    written = lines(overrides / "corrections.csv")
    assert written[1][:5] == ["projects", project, "", "", "delete"]
    assert written[1][6]  # expect: the project's name as seen

    criterion = open_first(browser, url, "criteria")
    press(browser, "a")
    reviews = [json.loads(x) for x in (overrides / "reviews.jsonl").read_text().splitlines()]
    assert [(r["table"], r["key"], r["verdict"]) for r in reviews] == [
        ("criteria", criterion, "accepted")
    ]
    assert len(reviews[0]["fingerprint"]) == 16
    browser.get(f"{url}item/criteria/{criterion}")
    assert wait_for(browser, "#status").text == "accepted"  # type: ignore[attr-defined]

    press(browser, "u")  # takes back the acceptance …
    reviews = [json.loads(x) for x in (overrides / "reviews.jsonl").read_text().splitlines()]
    assert reviews[-1]["verdict"] == "withdrawn" and reviews[-1]["key"] == criterion
    assert wait_for(browser, "#status").text == "to review"  # type: ignore[attr-defined]
    press(browser, "u")  # … then the deletion
    assert lines(overrides / "corrections.csv") == [list(HEADER_EXPECT)]
    assert browser.find_element(By.ID, "item").get_attribute("data-key") == project
    # only the overrides folder was written
    assert sorted(p.name for p in overrides.iterdir()) == [
        ".lock",
        "corrections.csv",
        "reviews.jsonl",
    ]
    assert _mtimes(Path(str(site["db"])).parent.parent, RAW, skip=overrides) == before


def _mtimes(*roots: Path, skip: Path) -> dict[str, int]:
    return {
        str(p): p.stat().st_mtime_ns
        for r in roots
        for p in r.rglob("*")
        if p.is_file() and skip not in p.parents
    }


def test_bad_input_gets_a_message_next_to_the_field(
    site: dict[str, object], browser: WebDriver
) -> None:
    url, overrides = str(site["url"]), Path(str(site["overrides"]))
    key = open_first(browser, url, "projects")
    browser.find_element(By.TAG_NAME, "body").send_keys("e")
    wait_for(browser, "#f-amount_sek").send_keys("tolv tusen")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "f-end_date").send_keys("31/12/2021")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.ID, "save").click()
    gone(browser, old)
    assert "not a whole number of kronor" in read(browser, "#error-amount_sek")
    assert "not a date as YYYY-MM-DD" in read(browser, "#error-end_date")
    assert read(browser, "#f-amount_sek", "value") == "tolv tusen"
    assert read(browser, "#item", "data-key") == key
    assert not (overrides / "corrections.csv").exists()


def test_item_shows_evidence_crop_and_whole_page(
    site: dict[str, object], browser: WebDriver
) -> None:
    url = str(site["url"])
    con = duckdb.connect(str(site["db"]), read_only=True)
    try:
        key, raw = con.execute(
            "SELECT amount_id, raw FROM amounts JOIN documents d USING (doc_id) "
            "WHERE d.media_type = 'application/pdf' AND box_x0 IS NOT NULL ORDER BY amount_id LIMIT 1"
        ).fetchall()[0]
    finally:
        con.close()
    browser.get(f"{url}item/amounts/{key}")
    assert wait_for(browser, "#evidence mark").text == raw  # type: ignore[attr-defined]
    crop = browser.find_element(By.ID, "crop")
    WebDriverWait(browser, WAIT_S).until(
        lambda d: d.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth", crop
        )
    )
    assert browser.execute_script("return arguments[0].naturalWidth", crop) > 100
    browser.find_element(By.ID, "whole-page-link").click()
    page = wait_for(browser, "#whole-page")
    WebDriverWait(browser, WAIT_S).until(
        lambda d: d.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth", page
        )
    )
    assert browser.execute_script("return arguments[0].naturalHeight", page) > 500


def test_run_in_progress_is_a_message_not_an_error(
    site: dict[str, object], browser: WebDriver
) -> None:
    url = str(site["url"])
    writer = duckdb.connect(str(site["db"]))  # what `namnd run` holds while it loads
    try:
        browser.get(url)
        assert "Run in progress" in wait_for(browser, "#busy").text  # type: ignore[attr-defined]
        assert httpx.get(url, timeout=REQUEST_LIMIT_S).status_code == 503
    finally:
        writer.close()
    browser.get(url)
    wait_for(browser, "#queue")


def test_two_tabs_writing_at_once_keep_every_line(site: dict[str, object]) -> None:
    """Concurrent corrections through the real server: none lost, the CSV stays whole."""
    url, overrides = str(site["url"]), Path(str(site["overrides"]))
    con = duckdb.connect(str(site["db"]), read_only=True)
    try:
        keys = [
            r[0]
            for r in con.execute(
                "SELECT amount_id FROM amounts ORDER BY amount_id LIMIT 8"
            ).fetchall()
        ]
    finally:
        con.close()
    statuses: list[int] = []

    def post(key: str, n: int) -> None:
        r = httpx.post(
            f"{url}item/amounts/{key}/edit",
            data={"sek": str(1000 + n), "note": f"tab {n}"},
            timeout=REQUEST_LIMIT_S,
        )
        statuses.append(r.status_code)

    threads = [threading.Thread(target=post, args=(k, i)) for i, k in enumerate(keys)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [303] * len(keys)
    written = lines(overrides / "corrections.csv")
    assert written[0] == list(HEADER_EXPECT)
    assert sorted(r[1] for r in written[1:]) == sorted(keys)
    assert all(len(r) == len(HEADER_EXPECT) for r in written)
