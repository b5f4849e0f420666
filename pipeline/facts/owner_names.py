"""A project's owner printed in its name: before a colon ("Rinkeby-Kista: Samhällsvägledare i
Husby") or in brackets after it ("Digitalt stöd i försörjningsstödet (Södermalm)"). The owner
is no part of the name; it owns the project. Pure."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.facts.lists import Place, covered_by_places

__all__ = ["owner_of_name"]

_BEFORE = re.compile(r"^(?P<owner>[^:]{3,60}):\s+(?P<rest>\S.{2,})$")
_AFTER = re.compile(r"^(?P<rest>\S.{2,}?)\s+\((?P<owner>[^()]{3,60})\)$")


def owner_of_name(
    name: str, places: Callable[[str], list[Place]]
) -> tuple[str, list[Place]] | None:
    """(the name without its owner, the owner's places), or None when the name prints no
    owner (what stands before the colon or in the brackets is not a place's name alone)."""
    for pattern in (_BEFORE, _AFTER):
        m = pattern.match(name)
        if m is None:
            continue
        owners = places(m.group("owner"))
        if owners and covered_by_places(m.group("owner"), owners):
            return m.group("rest").strip(), owners
    return None
