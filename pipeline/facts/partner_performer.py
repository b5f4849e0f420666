"""The partner an item names who carries the project's study out.

How the documents print it
--------------------------

A list item may name the owner and its partners after the project's name, and the text
under it tells what each partner does::

    2. Digitalt stöd i utredningsarbetet, Södermalms stadsdelsförvaltning i samarbete
       med Institutionen för socialt arbete vid Högskolan i Tyresö - 380 000 kronor
       Barn- och ungdomsenheten prövar en digital mall. Institutionen genomför
       utvärderingen …

A partner that is no district or city förvaltning, and that the text names again (in full,
by its first words or its first word) as the one who carries out, evaluates, analyses or
trains, is the project's performer, spelled as the item spells it. A partner the text only
mentions ("en terapeut från landstingets beroendecentrum") performs nothing. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.facts.lists import Place

__all__ = ["partner_performer"]

#: the partners after the owner: "i samarbete med X och Y - 380 000 kronor"
_PARTNERS = re.compile(
    r"\b(?:i\s+samarbete\s+med|i\s+samverkan\s+med|tillsammans\s+med)\s+"
    r"(?P<who>[A-ZÅÄÖ].{2,160}?)(?=\s*[-–—]\s*\d|\s*,\s*\d|\s*\(|\.\s|\.$|\s*$)"
)
#: what a performer does, right after its name ("…, som förvaltningen är medlem i, utbildar")
_DOES = re.compile(
    r"^[^.]{0,70}?\b(?:genomför|genomförde|genomfört|utför|utförde|utvärderar|utvärderade|"
    r"analyserar|analyserade|utbildar|har anlitats|anlitades|anlitas|ansvarar för "
    r"(?:utvärdering|studien|analysen))"
)


def partner_performer(
    text: str, current: str | None, find: Callable[[str], list[Place]]
) -> str | None:
    """The performer of a project whose item `text` names its partners (module docstring);
    `current` (what other readers found) when no partner performs, or when `current` is
    another organisation than every partner."""
    m = _PARTNERS.search(text)
    if m is None:
        return current
    who = re.sub(r"\s+", " ", m.group("who"))
    after = text[m.end() :]
    for org in re.split(r",\s*|\s+och\s+(?=[A-ZÅÄÖ])", who):
        org = org.strip(" .,")
        words = org.split()
        if len(words) < 2 or _city_unit(org, find):
            continue
        if current is not None and not org.startswith(current) and current not in org:
            continue  # (another organisation performs, by what the text says)
        for k in (len(words), 3, 2, 1):
            mention = " ".join(words[:k])
            if k > len(words) or (k == 1 and not mention[:1].isupper()):
                continue
            hit = re.search(rf"\b{re.escape(mention)}\b", after)
            if hit and _DOES.search(after[hit.end() :]):
                return org
    return current


def _city_unit(name: str, find: Callable[[str], list[Place]]) -> bool:
    """A district or city förvaltning (a partner owner, not a performer)."""
    return any(p.end - p.start >= 0.6 * len(name) for p in find(name))
