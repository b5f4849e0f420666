"""Stage 3, facts: projects, amounts, criteria and district mentions of an understood document.

`stage.extract` turns the body into lines and applies one reader per form the documents
use: numbered and two-column lists (`lists`), project tables (`tables`), studies under
their own headings (`projects`), criteria and priorities of a call (`criteria`), the role,
fund and year of every amount (`roles`, with cue phrases from `context`), and district and
organisation mentions through the gazetteer (`districts`) and the spaCy pipeline
(`spacy_pipeline`). Pure: no I/O, no printing.
"""
