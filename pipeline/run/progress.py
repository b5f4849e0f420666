"""How a run shows progress: a rich progress bar on a terminal, plain lines otherwise.

The pipeline reports events (`plan`, `pages`, `page_done`, `doc_done`, `message`); this module
turns them into output. It is the only place besides the CLI that writes to the terminal.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from pipeline.records import DocumentResult


class PlainProgress:
    """One line per finished file and per notable event; good for logs and CI."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __call__(self, event: str, **data: Any) -> None:
        if event == "message":
            self._say(data["text"])
        elif event == "plan":
            line = f"{data['todo']} file(s) to process, {data['up_to_date']} up to date"
            if data.get("renamed"):
                line += f", {data['renamed']} renamed"
            if data.get("still_failing"):
                line += f", {data['still_failing']} still failing (not retried)"
            self._say(line)
        elif event == "doc_done":
            self._say(result_line(data["result"]))

    def _say(self, line: str) -> None:
        print(line, file=self.out or sys.stderr, flush=True)


class RichProgress:
    """A progress bar over pages, with failures printed above it as they happen."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("pages", total=0)
        self.files = self.progress.add_task("files", total=0)

    def __enter__(self) -> RichProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def __call__(self, event: str, **data: Any) -> None:
        p = self.progress
        if event == "message":
            self.console.print(data["text"], markup=False, highlight=False)
        elif event == "plan":
            p.update(self.files, total=data["todo"])
        elif event == "pages":
            total = (p.tasks[self.task].total or 0) + data["n"]
            p.update(self.task, total=total)
            if data.get("done"):
                p.advance(self.task, data["n"])
        elif event == "page_done":
            p.advance(self.task, 1)
        elif event == "doc_done":
            p.advance(self.files, 1)
            r: DocumentResult = data["result"]
            if r.status != "ok":
                self.console.print(result_line(r), markup=False, highlight=False)


def result_line(r: DocumentResult) -> str:
    """One line naming the file and what happened to it."""
    if r.status == "ok":
        n = len(r.text.pages) if r.text else 0
        return f"ok       {r.source.source_path} ({n} page{'s' if n != 1 else ''})"
    label = {"partial": "PARTIAL", "failed": "FAILED", "unsupported": "UNSUPPORTED"}[r.status]
    return f"{label:<8} {r.source.source_path}: {r.error}"


def make_progress(force_plain: bool = False) -> PlainProgress | RichProgress:
    if not force_plain and sys.stderr.isatty():
        return RichProgress()
    return PlainProgress()
