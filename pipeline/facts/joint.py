"""A joint project listed under each of its owners, read as one project.

How the documents write it
--------------------------

A distribution grouped by district may list a project two districts run together under each
of them, each with its share::

    Rinkeby-Kista
    •  Föräldraskap i förändring - 190 tkr
       (gemensamt med Spånga-Tensta, totalt 380 tkr)

    Spånga-Tensta
    •  Föräldraskap i förändring - 190 tkr
       (gemensamt med Rinkeby-Kista)

It is one project: its owners are both districts and its sum is the shares together. Each
share stays an amount of its own, printed where it stands. Listings of one name under the
same owner, or with no word of a joint project, stay as they are. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.drafts import Draft
from pipeline.facts.run_in import short_name_of
from pipeline.lang.fuzzy import fold

__all__ = ["joint_listings", "short_names_merged"]

#: the listing says the project is shared with another owner
_JOINT = re.compile(r"\b(?:gemensam\w*|tillsammans med|medsokande|i samverkan med|delas)\b")


def joint_listings(drafts: Sequence[Draft]) -> list[Draft]:
    """`drafts` with each joint project's listings under its several owners made one (module
    docstring): the first listing, with every owner and the shares' sum."""
    out: list[Draft] = []
    first_of: dict[tuple[str, str | None, int | None], Draft] = {}
    for d in drafts:
        key = (fold(d.name).strip(), d.fund_type, d.year)
        first = first_of.get(key)
        if first is None or not _joint(first, d):
            first_of.setdefault(key, d)
            out.append(d)
            continue
        ids = {p.district_id for p in first.places}
        first.places = [*first.places, *(p for p in d.places if p.district_id not in ids)]
        if first.amount_sek is not None and d.amount_sek is not None:
            # the sum is the shares together; each share stays printed money of its own
            first.amount_sek += d.amount_sek
            first.amount_raw, first.amount_line, first.amount_evidence = None, None, ""
        first.last_line = max(first.last_line, d.last_line)
    return out


def _joint(a: Draft, b: Draft) -> bool:
    """Two listings of one name under different owners, one of them saying it is shared."""
    if not a.places or not b.places:
        return False
    if {p.district_id for p in a.places} & {p.district_id for p in b.places}:
        return False
    said = " ".join(f"{d.evidence} {d.description or ''}" for d in (a, b))
    return bool(_JOINT.search(fold(said)))


def short_names_merged(drafts: Sequence[Draft]) -> list[Draft]:
    """A study named in full in a table row ("Hemlöshet bland äldre – omfattning och
    stödbehov", 1 150 000 kr) and described under a short heading elsewhere ("Äldre i
    hemlöshet", the same sum): one project, the full name's, with what the description adds
    (its districts when the row has none, what became of it when the row only grants it)."""
    out: list[Draft] = []
    for d in drafts:
        shorter = next((k for k, o in enumerate(out) if _said_short(o, d)), None)
        if shorter is not None:
            # "Projektet Stegvis" over its text, then the form's "Stegvis – stöd till …" (or
            # "Studiebesök i Göteborg", then "Resmål  Göteborgs stad, …"): the full one
            o = out[shorter]
            ids = {p.district_id for p in d.places}
            d.places = [*d.places, *(p for p in o.places if p.district_id not in ids)]
            d.amount_sek = d.amount_sek or o.amount_sek
            d.description = d.description or o.description
            out[shorter] = d
            continue
        longer = next(
            (
                o
                for o in out
                if (_said_short(d, o) and o.amount_sek is not None) or _placed_short(d, o)
            ),
            None,
        )
        if longer is not None:
            # the trip set out first ("Rotterdam – samordnat stöd …"), then a cost table's
            # "Studiebesök Rotterdam" with its sum: the one trip
            ids = {p.district_id for p in longer.places}
            longer.places += [p for p in d.places if p.district_id not in ids]
            if longer.amount_sek is None:
                # a study described under its full name, its cost in a table row
                longer.amount_sek, longer.amount_raw = d.amount_sek, d.amount_raw
                longer.amount_approx, longer.amount_line = d.amount_approx, d.amount_line
                longer.amount_evidence = d.amount_evidence
            continue
        full = next(
            (
                o
                for o in out
                if d.amount_sek is not None
                and o.amount_sek == d.amount_sek
                and d.fund_type in (None, o.fund_type)
                and len(o.name) > len(d.name)
                and short_name_of(d.name, [o])
            ),
            None,
        )
        if full is None:
            out.append(d)
            continue
        if fold(full.name).startswith(fold(d.name)):
            # ("Språkbron i Bredäng enligt vad" and "Språkbron i Bredäng": one name read
            # with words after it that are no part of it)
            full.name = d.name
        if not full.places:
            full.places = list(d.places)
        if full.status == "beviljad" and d.status in ("pågående", "genomförd"):
            full.status = d.status
        full.description = full.description or d.description
    return out


def _placed_short(short: Draft, full: Draft) -> bool:
    """Is `short`, with a sum, the project `full` names with where it runs and no sum: a
    study described as "Ekonomiskt bistånd till barnfamiljer i fyra stadsdelar" and costed
    in a table's narrow row as "Ekonomiskt bistånd till barnfamiljer"?"""
    if full.amount_sek is not None or short.amount_sek is None or len(short.name) < 12:
        return False
    if short.fund_type not in (None, full.fund_type) and full.fund_type is not None:
        return False
    name, whole = fold(short.name), fold(full.name)
    return (
        whole.startswith(name) and re.fullmatch(r" i(?: \w+){1,3}", whole[len(name) :]) is not None
    )


def _said_short(short: Draft, full: Draft) -> bool:
    """Is `short` the same project as `full` said short: its name and a subtitle after a
    dash ("Stegvis" and "Stegvis – stöd till föräldrar …"), or a trip's heading by its
    destination ("Studiebesök i Göteborg") over the destination set out ("Göteborgs stad,
    stadsdelsförvaltningen Angered"), with one sum and fund?"""
    if short.fund_type not in (None, full.fund_type) or short.amount_sek not in (
        None,
        full.amount_sek,
    ):
        return False
    name = fold(re.sub(r"^(?:Projektet|Studien)\s+(?=[A-ZÅÄÖ])", "", short.name))
    if re.match(re.escape(name) + r"\s+[–—-]\s+\w", fold(full.name)):
        return True
    trip = re.match(r"studiebesok\s+(?:(?:i|till|hos)\s+)?(\w{4,})$", name)
    return (
        trip is not None
        and short.amount_sek is not None
        and fold(full.name).startswith(trip.group(1)[:5])
    )
