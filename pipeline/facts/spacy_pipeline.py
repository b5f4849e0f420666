"""The spaCy pipeline: a blank Swedish model with rule components for the entities these
documents name.

Labels: ``DISTRICT`` (stadsdelsförvaltningar, fackförvaltningar, units) and ``ORG``
(universities, FoU-miljöer, agencies, consultancies). The facts stage reads the DISTRICT
entities (``facts.mentions``); ORG spans are there because they decide which DISTRICT spans
survive: a longer organisation name wins over a district name inside it. (Funds are read
from the ``fund`` cues of ``data/cues.csv`` by ``facts.context``; no fund name contains a
district's or an organisation's, so the pipeline has no FUND label.) (Amounts and dates are read by ``lang.amounts`` and
``understand.dates`` directly; the pipeline no longer labels them.) Components, in order:

``fold_norm``
    sets each token's NORM to its OCR-tolerant folded form (``pipeline.lang.fuzzy.fold``), so
    the ruler's phrase patterns match "forvaltningen" and "förvaltningen" alike;
``entity_ruler``
    patterns generated from the district and organisation gazetteers (every name and
    alias, with its id);
``gazetteer_entities``
    DISTRICT/ORG spans from the gazetteer's fuzzy scanner (damaged OCR the ruler misses);
``entity_attributes``
    fills ``Span._.district_id`` / ``org_id`` from the pattern ids.

Overlaps are resolved by keeping the longer span (``spacy.util.filter_spans``), so
"Bromma stadsdelsförvaltning" wins over "Bromma". Each custom component adds candidates to the existing entities and re-filters.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.facts.cues import load_rows
from pipeline.facts.districts import Gazetteer, load_gazetteer
from pipeline.lang.fuzzy import fold

__all__ = ["LABELS", "build_nlp", "gazetteer", "get_nlp"]

LABELS = ("DISTRICT", "ORG")

for _name in ("district_id", "org_id"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Span.has_extension("score"):
    Span.set_extension("score", default=1.0)


def gazetteer() -> Gazetteer:
    """The district/organisation gazetteer, loaded once per process."""
    return load_gazetteer()


def _add(doc: Doc, spans: list[Span]) -> None:
    """Merge new spans into doc.ents, longer spans first; keeps attributes already set."""
    doc.ents = filter_spans(list(doc.ents) + spans)


#: `fold` of a token's text, remembered: a document repeats its words.
_fold_token = lru_cache(maxsize=65536)(fold)


@Language.component("fold_norm")
def fold_norm(doc: Doc) -> Doc:
    for tok in doc:
        tok.norm_ = _fold_token(tok.text)
    return doc


@Language.factory("gazetteer_entities", default_config={"min_score": 0.8})
def make_gazetteer_entities(nlp: Language, name: str, min_score: float) -> Any:
    def component(doc: Doc) -> Doc:
        gaz = gazetteer()
        spans: list[Span] = []
        for m in gaz.find_districts(doc.text):
            if m.score < min_score:
                continue
            span = doc.char_span(m.start, m.end, label="DISTRICT", alignment_mode="expand")
            if span is not None:
                span._.district_id = m.district_id
                span._.score = m.score
                spans.append(span)
        for o in gaz.find_orgs(doc.text):
            if o.score < min_score:
                continue
            span = doc.char_span(o.start, o.end, label="ORG", alignment_mode="expand")
            if span is not None:
                span._.org_id = o.org_id
                span._.score = o.score
                spans.append(span)
        _add(doc, spans)
        return doc

    return component


@Language.component("entity_attributes")
def entity_attributes(doc: Doc) -> Doc:
    """Ids from ruler patterns onto the extension attributes."""
    for ent in doc.ents:
        if not ent.ent_id_:
            continue
        if ent.label_ == "DISTRICT" and ent._.district_id is None:
            ent._.district_id = ent.ent_id_
        elif ent.label_ == "ORG" and ent._.org_id is None:
            ent._.org_id = ent.ent_id_
    return doc


def _patterns() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    gaz = gazetteer()
    for row in load_rows("district_aliases.csv"):
        out.append({"label": "DISTRICT", "pattern": row["alias"], "id": row["district_id"]})
    for d in gaz.districts.values():
        out.append({"label": "DISTRICT", "pattern": d.name, "id": d.id})
    for o in gaz.orgs.values():
        for name in (o.name, *o.aliases):
            out.append({"label": "ORG", "pattern": name, "id": o.id})
    return out


def build_nlp() -> Language:
    """A new pipeline (see the module docstring)."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("fold_norm")
    ruler = nlp.add_pipe(
        "entity_ruler", config={"phrase_matcher_attr": "NORM", "overwrite_ents": False}
    )
    ruler.add_patterns(_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("gazetteer_entities")
    nlp.add_pipe("entity_attributes")
    return nlp


@cache
def get_nlp() -> Language:
    """The pipeline, built once per process."""
    return build_nlp()
