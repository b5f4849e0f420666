"""Crash isolation: a worker that dies fails one page, or one file, never the run.

When a worker dies (a crashing PDF library, the OOM killer) the local pool breaks: every
unfinished task is rerun in a one-worker pool, where tasks run in submission order, so
that when it dies again the oldest unfinished task is the culprit (`after_crash`). Only
that page, or file, fails (`fail_crashed`); then the full pool takes over again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pipeline.records import PageText
from pipeline.run import tasks
from pipeline.run.tasks import Doc, Task

CRASHED = "a worker process crashed"


def fail_crashed(
    task: Task,
    finish: Callable[..., None],
    on_page: Callable[[Doc, PageText], None],
    submit: Callable[[Task], None],
) -> None:
    """Record the task that killed its worker: a page fails alone, otherwise the file.

    A file's text task reads all its text-layer pages, so its crash does not say which
    page: the file is read again one page per task (after a page count), where a crash
    fails that page only."""
    if task.kind == "page":
        page_no = task.args[1]
        on_page(
            task.doc,
            PageText(
                page_no=page_no,
                text="",
                source="none",
                quality="failed",
                error=f"{CRASHED} reading this page",
            ),
        )
    elif task.kind == "text":
        path, ocr, first, last = task.args
        n_pages = task.doc.n_pages
        if n_pages is None:  # the first chunk: the page count is not known yet
            submit(Task("count", task.doc, tasks.count_task, (path, ocr)))
        for page_no in range(first, min(last, n_pages or 0) + 1):
            submit(Task("page", task.doc, tasks.page_task, (path, page_no, ocr)))
    else:
        stage = "parse" if task.kind == "parse" else "text"
        finish(task.doc, "failed", stage, f"{CRASHED} on this file")


def pool_broken(pending: dict[Future[Any], Task]) -> bool:
    return any(f.done() and isinstance(f.exception(), BrokenProcessPool) for f in pending)


def after_crash(unfinished: Iterable[Task], isolating: bool) -> tuple[Task | None, list[Task]]:
    """The culprit of a crash (when the one-worker pool died: its oldest unfinished task)
    and the tasks to run again, each once, in submission order."""
    outstanding = sorted({id(t): t for t in unfinished}.values(), key=lambda t: t.seq)
    culprit = outstanding.pop(0) if isolating and outstanding else None
    return culprit, outstanding
