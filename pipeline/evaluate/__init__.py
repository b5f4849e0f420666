"""Extraction quality of the warehouse measured against gold annotations (``namnd eval``).

Gold files (``tests/gold/<stem>.json``, format in ``tests/gold/SCHEMA.md``) hold what a careful
reader finds in one source document. Every warehouse document whose ``source_path`` has that stem
(``x.txt``, ``x.pdf``, ``x.scan.pdf``, ``x.born.pdf``, ``x.mixed.pdf`` ...) is compared with it on
its own, so each variant of a document gets its own figures; they are also summed per variant and
overall. A gold file with no warehouse document counts as entirely missed.

Counting rules (``tp``/``fp``/``fn`` per field, summed over documents, micro-averaged):

* single-valued fields (committee, doc_type, dnr, dates, title, handläggare, and the attributes of
  a matched project/criterion/decision/signatory): equal -> tp; gold value but none extracted ->
  fn; extracted but gold is empty -> fp; both present and different -> fp + fn; both empty ->
  nothing. committee/doc_type/handläggare compare case- and whitespace-insensitively, dnr also
  ignores spaces, dates compare as ISO dates (a gold ``YYYY-MM`` matches any day of that month),
  titles match when rapidfuzz ``ratio`` >= 90. Diacritics always matter.
* decisions: one-to-one alignment in document order, ``ratio`` >= 85 on normalised text.
* criteria and signatories: one-to-one, best score first (criteria ``ratio`` >= 85, names >= 90);
  the order of criteria is measured by ``criteria.position`` on the matched pairs, because
  positions restart for every list and a single document order is not stored.
* projects: one-to-one, best first, ``token_sort_ratio`` >= 80 on the name (or a gold alias), a
  measure that extra or missing words lower (``token_set_ratio`` would ignore them); then
  on matched pairs districts (set), amount_sek, performer (``ratio`` >= 85), fund_type, year,
  status and end_date. ``projects.name_listed`` is the same match restricted to gold projects
  that come from a printed list or table.
* attributes of list items (``decisions.item_no``, ``signatories.role``, ``projects.*``,
  ``criteria.*``) are end-to-end: compared on matched pairs, while the attributes of an unfound
  gold item count as missed and those of an unmatched extracted item as wrong.
* amounts: multiset of values (``amounts.value``), of (value, kind) (``amounts.value_kind``), of
  (value, fund_type) (``amounts.fund_type``) and of (value, year) (``amounts.year``).
* district mentions: sets of canonical names (``districts.name``).

Strict figures (``strict_fields``, ``strict_by_variant``, the "strict" columns of the report):
the same counting with every fuzzy comparison replaced by equality of the normalised values --
NFC, case-folded, whitespace collapsed, and for list items (decisions, criteria) without a
leading enumerator (``1.``, ``2)``, ``–``, ``•``) or trailing ``.,;:``. A title with one OCR slip, a
project name with a word too many or too few, a decision cut short all count as wrong here.

Modules: :mod:`~pipeline.evaluate.schema` (fields, scores, the compared content),
:mod:`~pipeline.evaluate.gold` (gold files), :mod:`~pipeline.evaluate.matching` (comparison,
CER/WER), :mod:`~pipeline.evaluate.warehouse` (reading the warehouse),
:mod:`~pipeline.evaluate.report` (the report and its text rendering).

OCR quality: when a gold file names a ``reference`` text, the document's page text (``pages.text``,
pages in order) is compared with it after collapsing whitespace: CER and WER are Levenshtein
distances over characters / words divided by the reference length.
"""

from __future__ import annotations

from pipeline.evaluate.gold import load_gold, load_gold_dir, match_stem
from pipeline.evaluate.matching import (
    CRITERION_ATTRIBUTES,
    PROJECT_ATTRIBUTES,
    TextQuality,
    cer,
    compare,
    match_best_first,
    match_in_order,
    strict_key,
    wer,
)
from pipeline.evaluate.report import DocumentResult, EvalReport, evaluate, format_report
from pipeline.evaluate.schema import (
    AMOUNT_KINDS,
    CRITERION_KINDS,
    DOC_TYPES,
    FIELDS,
    METADATA_FIELDS,
    NAME_MIN_RATIO,
    OPTIONAL_GOLD_KEYS,
    PERFORMER_MIN_RATIO,
    PROJECT_MIN_RATIO,
    PROJECT_STATUSES,
    TEXT_MIN_RATIO,
    TITLE_MIN_RATIO,
    Amount,
    Annotation,
    Criterion,
    Decision,
    EvalError,
    FieldScore,
    GoldDocument,
    Project,
    Signatory,
    sum_scores,
)
from pipeline.evaluate.warehouse import WarehouseDocument, read_warehouse

__all__ = [
    "AMOUNT_KINDS",
    "CRITERION_ATTRIBUTES",
    "CRITERION_KINDS",
    "DOC_TYPES",
    "FIELDS",
    "METADATA_FIELDS",
    "NAME_MIN_RATIO",
    "OPTIONAL_GOLD_KEYS",
    "PERFORMER_MIN_RATIO",
    "PROJECT_ATTRIBUTES",
    "PROJECT_MIN_RATIO",
    "PROJECT_STATUSES",
    "TEXT_MIN_RATIO",
    "TITLE_MIN_RATIO",
    "Amount",
    "Annotation",
    "Criterion",
    "Decision",
    "DocumentResult",
    "EvalError",
    "EvalReport",
    "FieldScore",
    "GoldDocument",
    "Project",
    "Signatory",
    "TextQuality",
    "WarehouseDocument",
    "cer",
    "compare",
    "evaluate",
    "format_report",
    "load_gold",
    "load_gold_dir",
    "match_best_first",
    "match_in_order",
    "match_stem",
    "read_warehouse",
    "strict_key",
    "sum_scores",
    "wer",
]
