"""Fault injection for crash-safety tests: die by SIGKILL at a named point of a run.

Set ``NAMND_KILL_AT=<point>`` (optionally ``<point>:<n>`` for the n-th time the point is
reached, default 1) and the run's whole process group is killed there, as a power cut or an
OOM kill would. Points: ``ocr`` (a page was just read), ``parse`` (understanding a document
has started), ``load`` (inside a document's load transaction, rows deleted and re-inserted,
before COMMIT). Unset — always, outside tests — it does nothing.

``NAMND_PAUSE_AT=<point>[:<n>]`` instead freezes the process that reaches the point: it writes
``namnd: paused at <point> (pid P)`` to stderr and waits until it is killed, so a test can kill
the run from outside exactly there (no sleeping to guess when the run is "inside OCR"). Points:
``tesseract`` (a worker has rendered a page and is about to run Tesseract on it).

``NAMND_CRASH_AT=<point>`` instead kills only the worker process that reaches the point (as a
segfaulting PDF library would); points are ``page:<file name>:<page number>``.
"""

from __future__ import annotations

import os
import signal

_seen: dict[str, int] = {}


def kill_point(name: str) -> None:
    spec = os.environ.get("NAMND_KILL_AT")
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    _seen[name] = _seen.get(name, 0) + 1
    if _seen[name] >= int(nth or 1):
        os.killpg(os.getpgrp(), signal.SIGKILL)


def pause_point(name: str) -> None:
    spec = os.environ.get("NAMND_PAUSE_AT")
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    _seen[f"pause:{name}"] = _seen.get(f"pause:{name}", 0) + 1
    if _seen[f"pause:{name}"] >= int(nth or 1):
        os.write(2, f"namnd: paused at {name} (pid {os.getpid()})\n".encode())
        while True:  # until the test kills the run
            signal.pause()


def crash_point(name: str) -> None:
    if os.environ.get("NAMND_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
