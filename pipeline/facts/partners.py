"""Districts that take part in a project, named in a sentence elsewhere in the document.

A sentence that says who takes part ("genomförs tillsammans med", "i samverkan med") and
names a project, by the first words of its name or by the organisation that carries it out,
adds the districts it names to that project. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from pipeline.facts.cues import cue_hits
from pipeline.facts.lists import Place
from pipeline.facts.text_units import paragraphs
from pipeline.lang.fuzzy import fold

__all__ = ["partners_named_later"]

PlaceFinder = Callable[[str], list[Place]]

_MAX_PARTNER_SENTENCE = 300
_MAX_OPENING = 40
_NAMED = re.compile(r"\b(?:projektet|studien|utvärderingen|satsningen|insatsen)\s+", re.IGNORECASE)
#: how far after "Insatsen" a project's first name word may stand, and its least length
_KEY_REACH = 3
_MIN_KEY = 6


def partners_named_later(
    drafts: Sequence[Any], texts: Sequence[str], headings: Sequence[bool], find: PlaceFinder
) -> None:
    """A sentence elsewhere that names a project and says who takes part adds those districts
    to the project. The project is named by the first words of its name ("Projektet
    Hemmasittare genomförs tillsammans med Rinkeby stadsdelsförvaltning"), by the organisation
    that carries it out ("Ljudverket genomför sitt projekt i samverkan med Kista
    stadsdelsförvaltning"), or, in a document about one project, as "Projektet". A sentence
    naming several projects gives each the districts named between it and the next."""
    keys = _performer_keys(drafts, find)
    for s, before in _with_subjects(paragraphs(list(texts), None, headings), drafts):
        if not cue_hits(s.text, "participation") or cue_hits(s.text, "participation_not"):
            continue
        if len(s.text) > _MAX_PARTNER_SENTENCE:
            continue  # a table or list read as one "sentence"
        marks = [
            (pos, d)
            for pos, d in (*_named_marks(s.text, drafts), *_performer_marks(s.text, keys))
            if not (d.first_line <= s.first <= d.last_line)
        ]
        carried = False
        if not marks and _SOLE.match(s.text):
            if len(drafts) == 1:
                marks = [(0, drafts[0])]  # its own lines too: one long paragraph may hold it all
            elif before is not None and not (before.first_line <= s.first <= before.last_line):
                # "Steget ut ger … Projektet genomförs i samverkan med …": districts only (a
                # city office the study works with is no owner)
                marks, carried = [(0, before)], True
        marks.sort(key=lambda m: m[0])
        for k, (pos, d) in enumerate(marks):
            end = marks[k + 1][0] if k + 1 < len(marks) else len(s.text)
            have = {p.district_id for p in d.places}
            for p in find(s.text[pos:end]):
                if carried and p.kind != "stadsdelsförvaltning":
                    continue
                if p.district_id not in have:
                    have.add(p.district_id)
                    d.places.append(p)


def _with_subjects(paras: Sequence[Any], drafts: Sequence[Any]) -> list[tuple[Any, Any]]:
    """Each sentence with the project the sentence before it in its paragraph opened with
    (None when it opened with none)."""
    out: list[tuple[Any, Any]] = []
    for p in paras:
        before = None
        for s in p.sentences:
            out.append((s, before))
            opened = [d for pos, d in _named_marks(s.text, drafts) if pos == 0]
            before = opened[0] if len(opened) == 1 else None if not _SOLE.match(s.text) else before
    return out


#: a sentence about the document's only project, or the one the sentence before it named
#: ("Projektet genomförs tillsammans med …", "Arbetet ska bedrivas av … tillsammans med …")
_SOLE = re.compile(
    r"\s*(?i:projektet|studien|satsningen|utvärderingen|arbetet|insatsen)\s+[a-zåäö]"
)
#: words of an organisation's name that do not tell one organisation from another
_GENERIC_ORG_WORDS = (
    "foreningen forening stiftelsen stiftelse ab hb ek for och i vid av stockholms stockholm "
    "universitet hogskola hogskolan institutionen institutet kommun staden stads "
    "stadsdelsforvaltning socialforvaltningen forvaltningen fou-enheten fou-enhet enheten "
    "fou-centrum centrum avdelningen kontoret region"
)
_GENERIC_ORG = frozenset(_GENERIC_ORG_WORDS.split())


def _named_marks(text: str, drafts: Sequence[Any]) -> list[tuple[int, Any]]:
    """Where a sentence opens with "Projektet <first word of one project's name>", or with a
    project's whole name of two words or more ("Stockholms Ungdomsstafett … arrangeras
    tillsammans med …")."""
    out: list[tuple[int, Any]] = []
    opening = fold(text.lstrip())
    whole = [d for d in drafts if any(_opens_with(opening, key) for key in _name_keys(d.name))]
    if len(whole) == 1:
        lead = len(text) - len(text.lstrip())
        later = [(lead + pos, d) for pos, d in _later_names(opening, whole[0], drafts)]
        return [(0, whole[0]), *later]
    for m in _NAMED.finditer(text):
        if m.start() > _MAX_OPENING:
            break  # the sentence opens with the project
        words = text[m.end() :].split()
        if not words:
            continue
        # "Projektet Hemmasittare …", or a few words on: "Insatsen med trygghetsvärdar …"
        keys = [fold(words[0].strip('.,;:"”“'))] if words[0][:1].isupper() else []
        keys += [fold(w.strip('.,;:"”“')) for w in words[1:_KEY_REACH] if len(w) >= _MIN_KEY]
        for key in keys:
            owners = [d for d in drafts if fold(d.name).split()[:1] == [key]]
            if len(owners) == 1:  # the short name must point at one project
                out.append((m.start(), owners[0]))
                break
    return out


def _later_names(opening: str, first: Any, drafts: Sequence[Any]) -> list[tuple[int, Any]]:
    """Where a sentence that opened with one project names another by its whole name ("X
    prövas i Bromma, svenska på arbetsplatsen i Rinkeby …"): the first project's districts
    end there."""
    out: list[tuple[int, Any]] = []
    for d in drafts:
        if d is first:
            continue
        for key in _name_keys(d.name):
            m = re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", opening[1:])
            if m is not None:
                out.append((m.start() + 1, d))
                break
    return out


def _name_keys(name: str) -> list[str]:
    """How a sentence may open with a project: its whole name of two words or more, the head
    of a name before its dash or colon ("Bryta mönster" of "Bryta mönster – samtalsgrupper
    för män"), or a one-word name long enough to tell ("Jobbspåret")."""
    folded = fold(name).strip()
    head = re.split(r"\s+[–—-]\s+|:\s+", folded, maxsplit=1)[0]
    return [k for k in {folded, head} if len(k.split()) >= 2 or len(k) >= _MIN_KEY]


def _opens_with(opening: str, key: str) -> bool:
    return opening.startswith(key) and not opening[len(key) : len(key) + 1].isalnum()


def _performer_keys(drafts: Sequence[Any], find: PlaceFinder) -> dict[str, Any]:
    """The telling word of each project's organisation ("Ljudverket" of "Föreningen Ljudverket
    Husby"), kept only when it points at one project; a place ("Hässelby" of "Hässelby Slotts
    Hembygdsgille") tells no organisation."""
    seen: dict[str, list[Any]] = {}
    for d in drafts:
        words = [w.strip(".,;:()") for w in (d.performer or "").split()]
        telling = [w for w in words if w[:1].isupper() and len(w) >= 4]
        telling = [w for w in telling if fold(w) not in _GENERIC_ORG and not find(w)]
        if telling:
            seen.setdefault(telling[0], []).append(d)
    return {k: ds[0] for k, ds in seen.items() if len(ds) == 1}


def _performer_marks(text: str, keys: dict[str, Any]) -> list[tuple[int, Any]]:
    out: list[tuple[int, Any]] = []
    for key, d in keys.items():
        m = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text)
        if m is not None:
            out.append((m.start(), d))
    return out
