"""namndarkiv: committee decisions on FoU money, from PDFs to a DuckDB warehouse.

One package per stage, in the order data flows: `text` (stage 1, page text), `understand`
(stage 2, structure and metadata), `facts` (stage 3, projects, amounts, criteria, mentions),
then `warehouse` (loading, overrides, export) with its SQL in `sql/`. `run` orchestrates
them; `cli` and `commands` are the `namnd` command; `lang` holds Swedish primitives the
stages share; `data` the vocabularies and gazetteers with their one loader; `evaluate` the
gold-set evaluator and quality gate; `devtools` the generators of samples, corpora and
README sections. `config`, `errors`, `records` (the records passed between stages) and
`layout` (paths and content ids) are shared by all.
"""
