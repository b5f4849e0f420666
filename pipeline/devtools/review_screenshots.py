"""Screenshots of the review page for the README, taken by headless chromium.

    python -m pipeline.devtools.review_screenshots --db warehouse/namnd.duckdb --out docs/img

Starts `namnd review` on a free port (overrides go to a scratch folder, so nothing is
written into the warehouse's own), opens the queue and the first amount read from a scan,
and saves ``review_queue.png`` and ``review_item.png``. Needs Debian's chromium and
chromium-driver (installed by `make test`) and the test extra's selenium.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("warehouse/namnd.duckdb"))
    ap.add_argument("--raw", type=Path, default=Path("raw"))
    ap.add_argument("--out", type=Path, default=Path("docs/img"))
    args = ap.parse_args(argv)

    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    con = duckdb.connect(str(args.db), read_only=True)
    try:
        key = con.execute(
            "SELECT amount_id FROM amounts JOIN documents d USING (doc_id) "
            "JOIN pages p ON p.doc_id = amounts.doc_id AND p.page_no = amounts.page_no "
            "WHERE p.text_source = 'ocr' AND box_x0 IS NOT NULL "
            "ORDER BY amounts.confidence, amount_id LIMIT 1"
        ).fetchall()[0][0]
    finally:
        con.close()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="namnd_shots_") as tmp:
        env = {**os.environ, "NAMND_OVERRIDES": tmp}
        port = "8799"
        cmd = [sys.executable, "-m", "pipeline.cli", "review", "--port", port, "--no-browser"]
        server = subprocess.Popen([*cmd, "--db", str(args.db), "--raw", str(args.raw)], env=env)
        opts = Options()
        opts.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
            opts.add_argument(arg)
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
        try:
            url = f"http://127.0.0.1:{port}/"
            for _ in range(100):  # wait for the server to listen
                try:
                    driver.get(url)
                    if driver.find_elements("id", "queue"):
                        break
                except Exception:
                    pass
                time.sleep(0.2)
            driver.save_screenshot(str(args.out / "review_queue.png"))
            driver.get(f"{url}item/amounts/{key}")
            driver.find_element("id", "edit").click()
            time.sleep(0.5)  # the crop image loads
            driver.save_screenshot(str(args.out / "review_item.png"))
        finally:
            driver.quit()
            server.terminate()
            server.wait(timeout=30)
    print(f"wrote {args.out / 'review_queue.png'} and {args.out / 'review_item.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
