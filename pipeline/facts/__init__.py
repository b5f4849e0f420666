"""Stage 3, facts: projects, amounts, criteria and district mentions of an understood document.

`stage.extract` is the recipe. Its parts:

* the body as the readers see it: `body` (lines with headings, footnotes, the document year),
  `context` (fund and year at a line), `text_units` (sentences, paragraphs), `cues` (the
  cue vocabularies of ``data/cues.csv``);
* one reader per form the documents use: `items`, `lists`, `two_column`, `grid` (with
  `rows`), `tables`, `projects` (studies under their own headings), `named`, `prose`,
  `criteria`; `references` (references to other documents, read by the warehouse's
  coverage report);
* assembly: `drafts` (every finding in one shape), `merge` (one project found by several
  readers), `ids` (ids from content), `amounts` (every amount with its role, fund and year,
  from `roles` and `money_tables`), `mentions` (district mentions);
* the gazetteer: `districts` (data and lookups), `alias_index` (name matching),
  `mention_rules` (which names are mentions), `finders` (the readers' place and
  organisation finders), `spacy_pipeline` (DISTRICT entities).

Pure: no I/O, no printing.
"""
