"""The DuckDB warehouse: schema migrations, loading, views, overrides, checks and exports.

Overrides (analysts' corrections): what one is and reading the files in `overrides`,
finding its row in `override_match`, applying them in `override_apply`, editing the files
in `override_files`.

Project series (`series`, run by `longitudinal` after loading): the mentions and the
evidence that two are one project in `series_pairs`, the analysts' link judgements in
`series_judgements`, the decisions and the grouping into series in `series`.

The orchestrator holds `write_lock` for a whole run and loads documents inside short
`connect_write` windows; everyone else reads through `connect_read`.
"""

from pipeline.warehouse.db import connect_read, connect_write, drop_all, lock_path, write_lock
from pipeline.warehouse.districts import load_districts
from pipeline.warehouse.expected import RegisterError, check_register, load_expected
from pipeline.warehouse.export import export
from pipeline.warehouse.load import load_batch, load_document, log_attempt, prune
from pipeline.warehouse.migrate import SCHEMA_VERSION, MigrationError, migrate, run_checks
from pipeline.warehouse.override_apply import (
    CorrectionState,
    apply_overrides,
    correction_states,
    unmatched_overrides,
)
from pipeline.warehouse.override_files import add_override, remove_override, upgrade_files
from pipeline.warehouse.overrides import Override, OverrideReport, read_overrides
from pipeline.warehouse.runs import last_run, record_run
from pipeline.warehouse.state import FailedAttempt, LoadedDoc, failed_state, loaded_state, relink

__all__ = [
    "SCHEMA_VERSION",
    "FailedAttempt",
    "CorrectionState",
    "LoadedDoc",
    "MigrationError",
    "RegisterError",
    "check_register",
    "load_expected",
    "Override",
    "OverrideReport",
    "add_override",
    "apply_overrides",
    "connect_read",
    "connect_write",
    "correction_states",
    "drop_all",
    "export",
    "failed_state",
    "last_run",
    "load_districts",
    "load_batch",
    "load_document",
    "loaded_state",
    "lock_path",
    "log_attempt",
    "migrate",
    "prune",
    "read_overrides",
    "relink",
    "record_run",
    "remove_override",
    "run_checks",
    "unmatched_overrides",
    "upgrade_files",
    "write_lock",
]
