"""The connect-time checks of `run/cluster.py`, without a cluster (the real-process tests are
in test_cluster.py): what a worker reports, and the one line per worker that differs."""

from __future__ import annotations

from pathlib import Path

from pipeline.run.cluster import check_reports, identity, worker_report
from pipeline.run.tasks import local_path


def test_a_worker_like_the_driver_passes(tmp_path: Path) -> None:
    probe = tmp_path / ".probe"
    probe.write_text("x")
    report = worker_report("swe", [str(tmp_path)], str(tmp_path), str(probe))
    assert report["problems"] == []
    assert check_reports(identity(), {"tcp://10.0.0.2:4000": report}, {}) == []


def test_a_worker_with_other_code_is_named_with_what_differs() -> None:
    driver = identity()
    other = {**driver, "package": "0.0.9", "code": "000000000000", "host": "b", "problems": []}
    lines = check_reports(driver, {"tcp://10.0.0.2:4000": other}, {"tcp://10.0.0.2:4000": "b1"})
    assert len(lines) == 1
    assert lines[0].startswith("worker tcp://10.0.0.2:4000 (b1) on b runs namndarkiv 0.0.9")
    assert "(differs: package, code)" in lines[0]
    assert lines[0].endswith(
        "install the same namndarkiv (same commit) on the driver and every worker"
    )


def test_a_worker_that_cannot_run_the_code_is_named() -> None:
    err = ModuleNotFoundError("No module named 'pipeline'")
    lines = check_reports(identity(), {"tcp://10.0.0.3:4000": err}, {})
    assert lines == [
        "worker tcp://10.0.0.3:4000 cannot run namnd's code (ModuleNotFoundError: No module "
        "named 'pipeline'); install the same namndarkiv (same commit) on the driver and every "
        "worker"
    ]


def test_a_worker_that_does_not_see_the_shared_storage(tmp_path: Path) -> None:
    raw, extracted = tmp_path / "raw", tmp_path / "extracted"
    extracted.mkdir()
    report = worker_report(None, [str(raw)], str(extracted), str(extracted / ".probe"))
    assert report["problems"] == [
        f"cannot see the shared folder {raw}",
        f"sees {extracted} but not the driver's file in it: a different disk is mounted at "
        "that path",
    ]


def test_task_references_are_fsspec_style_paths() -> None:
    assert local_path("/srv/namnd/raw/a.pdf") == Path("/srv/namnd/raw/a.pdf")
    assert local_path("file:///srv/namnd/raw/a.pdf") == Path("/srv/namnd/raw/a.pdf")
