"""The `namnd` subcommands, one module per group; `pipeline.cli` adds them to the `main` group.

`running` (run, status), `read` (query, export, schema), `quality` (eval, coverage),
`corrections` (correct, corrections); `common` holds what they share (option help texts,
the error wrapper, the corrections' state lines).
"""
