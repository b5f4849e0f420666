"""Studies a report names in running text, with who carried them out and what they cost.

How the documents write them
----------------------------

A report on the city-wide research money may tell of each study in a paragraph of its own
with no heading, no table and no quotation marks: the study named by its kind and its title
("studien <Titel>" at the end of the sentence), or by a definite noun phrase that is its title
("Utvärderingen av … mottagningsteam för unga vuxna pågår"), then who carries it out and
what it costs (a district whose unit the title names, in the genitive, takes part)::

    Under 2023 slutrapporterades studien Ensamma föräldrar med ekonomiskt bistånd –
    vägar till egen försörjning. Studien har genomförts av Institutionen för … och
    kostade 780 tkr.

    Utvärderingen av Norra innerstadens mottagningsteam för unga vuxna pågår och
    genomförs av Centrum för social praktik. Kostnaden är drygt 1,1 mnkr …

A paragraph is such a study only when it also names a performer ("genomförs av",
"genomförts av", "utförs av", or the body first in a relative clause after the name: ", som
Institutionen för … genomför sedan januari 2015,") and states a sum; its sum is the first one
after the name. A study ordered in a decision ("uppdras beställa studien <Titel> av
<Body>.") names its performer itself. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from pipeline.facts.item_labels import DONE_BY_CLAUSE
from pipeline.facts.lists import Place
from pipeline.facts.prose import ProseProject, prose_status
from pipeline.facts.text_units import Sentence
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_named_studies"]

#: "… slutrapporterades studien <Titel>." — the title to the sentence's end
_KIND_THEN_TITLE = re.compile(
    r"\b(?:studien|utvärderingen|kartläggningen|undersökningen|forskningsprojektet)\s+"
    r"(?P<name>[A-ZÅÄÖ][^.;:]{8,160}?)\s*\.?\s*$"
)
#: "Utvärderingen av <…> pågår och genomförs av …" — the noun phrase is the title
_TITLE_SUBJECT = re.compile(
    r"^(?P<name>(?:Utvärderingen|Uppföljningen|Kartläggningen|Studien)\s+(?:av|om)\s+"
    r"[^.;:]{8,140}?)(?:\s+(?:pågår|har|genomförs|genomfördes|avslutades|slutrapporterades|"
    r"påbörjades|startade|startar|ska|blev)\b"
    # "Utvärderingen av boendeteamen för unga vuxna, som Institutionen … genomför sedan …"
    r"|,\s+som\s+(?-i:[A-ZÅÄÖ]))"
)
#: "Studien <Titel> genomförs av …" — the kind opens the sentence, who carries it out follows
#: the title ("Studien Kontaktperson eller kontaktfamilj - vad blev det av insatsen? genomförs")
_KIND_TITLE_DONE = re.compile(
    r"^(?:Studien|Utvärderingen|Kartläggningen|Undersökningen|Forskningsprojektet)\s+"
    # (a relative clause between: "Studien <Titel>, som kommunstyrelsen beställde 2006,")
    # (no verb of its own in the title: "… – en kartläggning beställs gemensamt med … och")
    r"(?P<name>[A-ZÅÄÖ](?:(?!\s(?:beställs|beställdes|finansieras|ska|skall|har|är|var|pågår)\s)"
    r"[^.;:]){8,160}?)(?:,\s+som\s[^.;:]{3,120}?,)?\s+(?=(?:genomförs|genomfördes|"
    r"har\s+genomförts|utförs|"
    r"utfördes|har\s+utförts)\s+av\b)"
)
#: "<Titel> påbörjades i september 2002 och genomförs av …" opening a paragraph that goes on
#: "Studien beräknas kosta …": the sentence's subject is the study's title
_TITLE_BEGUN = re.compile(
    # (not a time or a place that opens the sentence: "Under hösten 2018 påbörjades …")
    r"^(?!(?:Under|I|Sedan|Efter|Före|Från|Vid|Den|Det|Där|Hösten|Våren|Sommaren|Vintern|"
    r"Året|Arbetet|Projektet|Studien)\b)"
    r"(?P<name>[A-ZÅÄÖ][^.;:]{8,160}?)\s+(?:påbörjades|startade|inleddes)\b"
)
#: a study ordered from a body, named between the two: "uppdras beställa studien <Titel> av
#: <Body>." (the first "av" before a capital ends the title: "… män - en utvärdering av
#: Institutionen för …")
_ORDERED_FROM = re.compile(
    r"\bbeställ(?:a|er|s|des|ts)\s+(?:studien|utvärderingen|kartläggningen|undersökningen)\s+"
    r"(?P<name>[A-ZÅÄÖ][^.;:]{8,160}?)\s+av\s+(?P<body>[A-ZÅÄÖ][^.;:]{3,140}?)\s*\.?\s*$"
)
#: a lettered or numbered item that names a study and its body: "a)  Skolgång och hälsa hos
#: barn i biståndshushåll, som Institutionen för … genomför för 540 000 kr och som redovisas
#: i mars 2002,"
_ITEM_MARK = re.compile(r"(?:^|\s)(?:[a-h]\)|\d{1,2}\))\s+(?=[A-ZÅÄÖ])")
_ITEM_STUDY = re.compile(r"^(?P<name>[A-ZÅÄÖ][^,;:]{8,160}?)" + DONE_BY_CLAUSE + r"|gör)\b")
_STUDY_SAID = re.compile(r"\b(?:studien|utvärderingen|kartläggningen)\b", re.IGNORECASE)
#: who carried it out: "har genomförts av", "genomförs av", "utförs av"
_PERFORMED = re.compile(
    r"\b(?:genomförs|genomförts|genomfördes|utförs|utförts|görs)\s+av\b"
    # ", som Institutionen för socialt arbete … genomför sedan januari 2015": the body first
    r"|^,\s+som\s+[A-ZÅÄÖ][^,.]{3,120}?\s+(?:genomför|genomförde|utför|utförde)\b"
)
_MAX_WORDS = 18


def find_named_studies(
    sents: Sequence[Sentence],
    find: Callable[[str], list[Place]],
    para_of: Mapping[int, str],
) -> list[ProseProject]:
    """Every study a paragraph names, carries out and prices (module docstring)."""
    out: list[ProseProject] = []
    for s in sents:
        text = " ".join(s.text.split())
        out += _item_studies(s, text, find)
        para = " ".join(para_of.get(s.first, text).split())
        ordered = _ORDERED_FROM.search(text)
        m = ordered or _KIND_TITLE_DONE.match(text) or _KIND_THEN_TITLE.search(text)
        m = m or _TITLE_SUBJECT.match(text)
        begun = None
        if m is None and para.startswith(text[:40]) and _STUDY_SAID.search(para[len(text) :]):
            begun = m = _TITLE_BEGUN.match(text)  # (the paragraph's first sentence)
        if m is None:
            continue
        name = m.group("name").strip(" –-")
        if not 3 <= len(name.split()) <= _MAX_WORDS or find_amounts(name):
            continue
        at = para.find(name)
        rest = para[at + len(name) :] if at >= 0 else para
        sums = [a for a in find_amounts(rest) if a.per is None]
        if not sums or not (ordered or _PERFORMED.search(rest)):
            continue
        out.append(
            ProseProject(
                name=name[:1].upper() + name[1:],
                # "Utvärderingen av Norra innerstadens mottagningsteam": whose unit it studies
                # (a title that opens its paragraph names where the study is made: "…
                # gruppverksamheten i Skärholmen, Vantör och Spånga-Tensta")
                places=[p for p in find(name) if begun or p.name_as_printed.endswith("s")],
                amount=sums[0],
                status=prose_status(fold(para)),
                sentence=s,
                fund_text=para,
                description=para,
                performer=ordered.group("body").strip() if ordered else None,
            )
        )
    return out


def _item_studies(s: Sentence, text: str, find: Callable[[str], list[Place]]) -> list[ProseProject]:
    """The studies a sentence lists as lettered items, each with its body and sum."""
    marks = list(_ITEM_MARK.finditer(text))
    out: list[ProseProject] = []
    for k, mark in enumerate(marks):
        item = text[mark.end() : marks[k + 1].start() if k + 1 < len(marks) else len(text)]
        m = _ITEM_STUDY.match(item)
        sums = [a for a in find_amounts(item) if a.per is None] if m else []
        if m is None or not sums or not 3 <= len(m.group("name").split()) <= _MAX_WORDS:
            continue
        body = m.group("body")
        out.append(
            ProseProject(
                name=m.group("name").strip(),
                # "… som Ersta Sköndal högskola genomför i Hässelby-Vällingby och Bromma …"
                places=[p for p in find(item[m.end() :]) if p.name_as_printed not in body],
                amount=sums[0],
                status=prose_status(fold(item)),
                sentence=s,
                fund_text=item,
                description=item,
                performer=body.strip(),
            )
        )
    return out
