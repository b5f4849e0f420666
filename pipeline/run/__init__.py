"""Orchestration only: the order of the stages, not what they do.

`recipe` is the run `namnd run` follows (discover, plan, the three stages, load);
`discover` finds the input files and their content ids; `plan` what a run does with each
file and why; `pool` runs page text, understanding and facts in worker processes with the
versioned caches in extracted/ (the scheduling loop): the task functions and types are in
`tasks`, where they run (the local pool, a worker's set-up) in `workers`, what happens when
a worker dies (per-page and per-document crash isolation) in `isolation`, and the Dask
cluster in `cluster`; `loader` loads finished documents in batches; `status` says what the
next run would do; `progress` reports events to the terminal; `faults` holds the named kill
and crash points that the crash-safety tests use.
"""
