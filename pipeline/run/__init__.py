"""Orchestration only: the order of the stages, not what they do.

`recipe` is the run `namnd run` follows (discover, plan, the three stages, load);
`discover` finds the input files and their content ids; `pool` runs page text,
understanding and facts in worker processes with per-document crash isolation and the
versioned caches in extracted/; `status` says what the next run would do; `progress`
reports events to the terminal; `faults` holds the named kill and crash points that the
crash-safety tests use.
"""
