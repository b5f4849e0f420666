"""Error types with an exit code and a message that says how to fix the problem."""

from __future__ import annotations


class NamndError(Exception):
    """Base error; `exit_code` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(NamndError):
    """Bad options or paths given by the user."""

    exit_code = 2


class EnvironmentProblem(NamndError):
    """Something the machine lacks (Tesseract, its Swedish data, …); the message has the fix."""

    exit_code = 2


class WarehouseBusy(NamndError):
    """Another run holds the warehouse."""

    exit_code = 2


class InputError(NamndError):
    """One input file cannot be processed; the batch goes on."""

    exit_code = 1


class PageError(NamndError):
    """One page could not be read (OCR timeout, render refused, …)."""

    exit_code = 1
