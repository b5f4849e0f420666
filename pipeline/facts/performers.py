"""Who carries a study out: the performer named in a project's own text.

How the documents write it
--------------------------

A verb names the performer ("Studien genomförs av Sociologiska institutionen vid Stockholms
universitet", "Utförare: FoU Nordväst"); the name runs from a capital to punctuation or a
clause word, a department may go on with its university after a comma ("Institutionen för
pedagogik, Stockholms universitet"), a researcher's title and name may stand before "vid" and
a firm's noun before its name ("konsultföretaget Exempel Utredning AB"). When no verb says
who, the first research body the text names by its full name is the performer. A city unit
(a stadsdelsförvaltning, a nämnd) is the project's owner, never its performer, and a known
organisation's own spelling replaces the text's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from pipeline.facts.acronyms import expanded, legend
from pipeline.facts.cues import cue_hits
from pipeline.facts.performer_tails import NOT_CHOSEN, bare_performer
from pipeline.lang.fuzzy import fold

__all__ = [
    "RESEARCH_BODY",
    "OrgFinder",
    "canonical_org",
    "firm_subject",
    "performer_in",
    "research_body_in",
]

OrgFinder = Callable[[str], list[tuple[int, int, str]]]

_CONNECT = {"i", "vid", "för", "for", "och", "&"}
_STOP_AFTER = re.compile(r"[.,;:()]")
_AUX = {"har", "hade", "ska", "skall", "kommer", "att", "kan"}
_MAX_NAME_WORDS = 9
_CLAUSE_STOP = {
    # the verb after the subject ("… vid Stockholms universitet har ansökt om …")
    "har",
    "hade",
    "ansoker",
    "soker",
    "driver",
    "genomfor",
    "beviljas",
    "beviljades",
    "en",
    "ett",
    "som",
    "via",
    "under",
    "inom",
    "sedan",
    "med",
    "tillsammans",
    "pa",
    "och",
    "samt",
    "men",
    "kring",
    "om",
    "infor",
    "efter",
    "till",
}


def _name_after(words: list[str]) -> list[str]:
    """A proper name at the start of `words` ("Institutionen för socialt arbete vid Lunds
    universitet", "FoU i Norr"): it starts with a capital and runs to punctuation, an
    article or a clause word; trailing ordinary words are dropped."""
    if not words or not words[0].strip("\"”“'(")[:1].isupper():
        return []
    run: list[str] = []
    k = 0
    while k < min(len(words), _MAX_NAME_WORDS + 6):
        bare = words[k].strip("\"”“'")
        k += 1
        if fold(bare.strip(".,;:)")) in _CLAUSE_STOP:
            if bare in ("och", "eller") and run and run[-1].endswith("-"):
                run.append(bare)  # a suspended compound: "data- och systemvetenskap"
                continue
            if bare == "och" and run and _body_ahead(words[k : k + 5]):
                run.append(bare)  # "Forskargruppen för arbete och försörjning vid Södertörns …"
                continue
            break
        if fold(bare) in ("i", "pa") and run and _org_tail(run[-1].strip(".,;:")):
            break  # "… vid Stockholms universitet i Rinkeby-Kista": where, not who
        if run and re.fullmatch(r"[A-ZÅÄÖ]\w*:", bare):
            break  # "… socialt arbete   Klar: juni 2003": the next field's label
        run.append(bare)
        if bare.endswith(",") and k < len(words) and _UNIT.match(words[k]):
            continue  # "Karolinska institutet, institutionen för klinisk neurovetenskap"
        if bare.endswith(",") and _research_body_next(words[k : k + 3]):
            continue  # "Institutionen för pedagogik, Stockholms universitet"
        if _STOP_AFTER.search(bare[-1:]) or len(run) >= _MAX_NAME_WORDS and not _in_unit(run):
            break
    if _in_unit(run):
        # a department's name ends in any word, but not in the verb after its university
        # ("… vid Stockholms universitet utvärderar sedan 2022 …")
        tails = [n for n, w in enumerate(run) if _org_tail(w.strip(".,;:"))]
        after = run[tails[-1] + 1] if tails and tails[-1] + 1 < len(run) else ""
        if after[:1].islower() and fold(after) not in _CONNECT:
            run = run[: tails[-1] + 1]
        return [*run[:-1], run[-1].rstrip(".,;:")]
    while run and not (run[-1].strip(".,;:()")[:1].isupper() or _org_tail(run[-1].strip(".,;:"))):
        run.pop()
    return run


def _body_ahead(words: list[str]) -> bool:
    """Do the next words run on in lower case to "vid" and a research body's name ("…
    försörjning vid Södertörns högskola"): a group's name that goes on past its "och"?"""
    for n, w in enumerate(words):
        if w in ("vid", "på"):
            return n > 0 and _research_body_next(words[n + 1 : n + 4])
        if not w[:1].islower() or w.endswith((".", ",", ";", ":")):
            return False
    return False


def _research_body_next(words: list[str]) -> bool:
    """Do the next words (at most three) name a university, högskola or institute, as a
    department's name goes on after a comma ("…, Stockholms universitet")?"""
    for n, w in enumerate(words):
        bare = w.strip("\"”“'")
        if not bare[:1].isupper() and n == 0:
            return False
        if _RESEARCH_WORD.search(bare.rstrip(".,;:)")):
            return True
        if _STOP_AFTER.search(bare[-1:]):
            return False
    return False


#: a department named after its university, after a comma
_UNIT = re.compile(r"^(?:institutionen|avdelningen|enheten|centrum|centret)$", re.IGNORECASE)


#: an organisation named by what it is for: "Institutet för nätverksarbete", "Stiftelsen för …"
_HEAD_FOR = re.compile(
    r"^(?:institutet|institutionen|centrum|centret|stiftelsen|foreningen|forbundet|radet|"
    r"natverket|akademin|sallskapet|kansliet|myndigheten)$"
)


def _in_unit(run: list[str]) -> bool:
    if len(run) >= 3 and _HEAD_FOR.match(fold(run[0])) and fold(run[1]) == "for":
        return True  # its name runs to the word that ends it
    return any(_UNIT.match(w) for w in run[1:])


def _name_before(words: list[str]) -> list[str]:
    """A proper name that ends `words` (the subject before its verb)."""
    run: list[str] = []
    for w in reversed(words[-_MAX_NAME_WORDS:]):
        bare = w.strip("\"”“'")
        if not bare or _STOP_AFTER.search(bare[-1:]):
            break
        if bare[:1].isupper() or (run and bare.lower() in _CONNECT):
            run.insert(0, bare)
            continue
        break
    while run and run[0].lower() in _CONNECT:
        run.pop(0)
    return run


def _org_tail(w: str) -> bool:
    """Lower-case words that still belong to an organisation's name."""
    return bool(cue_hits(w, "performer_word")) or fold(w) in {
        "institutionen",
        "hogskola",
        "universitet",
    }


#: a subject that names no one: a pronoun or a noun in its definite form ("Studien",
#: "Projektledaren", "Förvaltningen")
#: (and a question's "Vem genomför projektet?")
_COMMON_SUBJECT = re.compile(r"^(?:vi|de|den|det|han|hon|man|vem|vilka|vilken|\w+(?:en|et|na))$")
#: a relative clause's subject right before its verb: ", som <body> "
_WHICH_BODY = re.compile(r",\s+som\s+([A-ZÅÄÖ][^,.;]{3,120}?)\s*$")
#: a researcher's title before the name ("docent", "fil. dr", "doktorand")
_TITLE = re.compile(
    r"(?:docent|professor|lektor|universitetslektor|forskare|doktorand|fil|dr|med|"
    r"leg|psykolog|socionom|forskningsledare|projektledare)\.?"
)
#: the first word of a body's name, not a person's ("Centrum för …", "Enheten för …")
_ORG_HEADS = frozenset(
    {"centrum", "centret", "enheten", "institutet", "institutionen", "avdelningen", "stiftelsen"}
)


def _department_after_people(after: list[str]) -> list[str]:
    """The body named after "vid" when the words before it are people's names (capitalised
    words, "och", a title) and name no organisation."""
    vid = next((n for n, w in enumerate(after[:_PERSON_WORDS]) if w == "vid"), None)
    if not vid:
        return []
    people = [w.strip(".,;:") for w in after[:vid]]
    for w in people:
        if _RESEARCH_WORD.search(w) or _org_tail(w) or _CITY_UNIT.search(fold(w)):
            return []
        if not (w[:1].isupper() or w in ("och", "samt") or _TITLE.fullmatch(fold(w))):
            return []
        if fold(w) in _ORG_HEADS:
            return []
    if not any(w[:1].isupper() for w in people):
        return []
    return _name_after(after[vid + 1 :])


def performer_in(text: str, find_orgs: OrgFinder | None = None) -> str | None:
    """Who carries out the work described in `text`, from performer verbs."""
    for h in cue_hits(text, "performer_verb"):
        after = text[h.end :].lstrip(" :").split()
        # "Utförare: X" too; after a supine whose subject does the work ("X har med 250 000
        # kronor genomfört Y"), the name after it is the work's, not who did it (a finite verb
        # may have its subject after it: "Sedan 2020 genomför X en utvärdering")
        supine = h.value == "subject" and fold(text[h.start : h.end]).endswith("t")
        run = _name_after(after) if not supine else []
        if h.value == "by":
            # "genomförts av Karin Berg och Per Holm vid Institutionen för …": the
            # researchers' department, not the researchers
            dept = _department_after_people(after)
            run = dept or run
        if not run and h.value == "by":
            # "genomförs av docent Anna Berg vid Institutionen för …": the researcher's
            # department, named after "vid"
            # (within the sentence: "leds av två familjebehandlare. Arbetet följs av en
            # forskare vid …" names no performer)
            said = next((n + 1 for n, w in enumerate(after) if w.endswith(".")), len(after))
            vid = next(
                (
                    n
                    for n, w in enumerate(after[: min(_PERSON_WORDS, said)])
                    if w in ("vid", "från")
                ),
                None,
            )
            if vid is not None:
                run = _name_after(after[vid + 1 :])
            elif (
                firm := next((n for n, w in enumerate(after[:3]) if _FIRM_NOUN.search(fold(w))), -1)
            ) >= 0 and all(w.islower() for w in after[: firm + 1]):
                # "utförs av konsultföretaget Exempel Utredning AB", "genomförs av den ideella
                # föreningen X": a noun, then the name
                run = _name_after(after[firm + 1 :])
        if not run and h.value != "by":
            before = text[: h.start].split()
            while before and before[-1].lower() in _AUX:
                before.pop()
            run = _name_before(before)
            if len(run) == 1 and _COMMON_SUBJECT.match(fold(run[0])):
                run = []  # "Studien analyserar …", "Vi utvärderar …": no one named
            lead = text[: h.start].rstrip()
            if not run and (body := research_body_in(lead)) and lead.endswith(body):
                run = body.split()  # "Ersta Sköndal Bräcke högskola utvärderar …"
            clause = _WHICH_BODY.search(text[: h.start])
            if not run and clause is not None and (body := research_body_in(clause.group(1))):
                # "…, som Institutionen för socialt arbete vid Stockholms universitet genomför
                # sedan 2015,": the body whose name ends in lower case, before its verb
                run = body.split()
        if run:
            cand = " ".join(run).strip(" .,;:")
            after = [fold(w.strip(".,;:")) for w in text[h.end :].split()[: len(run) + 1]]
            if run[-1].endswith((".", ";", ":")):
                after = after[: len(run)]  # the next sentence's first word is not the name's
            labelled = fold(text[h.start : h.end]).startswith("utforare")
            if NOT_CHOSEN.match(fold(cand)):
                continue  # "Utförare: Ej upphandlad": nobody yet
            if not labelled and (
                _CITY_UNIT.search(fold(cand)) or any(_CITY_UNIT.fullmatch(w) for w in after)
            ):
                # "genomförts av Vantörs stadsdelsförvaltning i samarbete med …": the owner
                # (a city office under "Utförare:" is who carries the study out)
                continue
            return canonical_org(cand, find_orgs)
    return None


def research_body_in(
    text: str, find_orgs: OrgFinder | None = None, supporting: bool = True
) -> str | None:
    """The first research body (a university, högskola or institute) a project's own text
    names, by its full name ("Sociologiska institutionen vid Stockholms universitet",
    "Socialhögskolan i Stockholm", "Sköndalsinstitutet"): when no performer verb says who
    carries the project out, the research body its description names does. Without
    `supporting`, a body that only follows, evaluates or supports the work ("Projektet följs
    av en forskare vid …", "… utvärderar arbetet", "forskarhandledning från …") does not."""
    words = text.split()
    for k, w in enumerate(words):
        if not _RESEARCH_WORD.search(w):
            continue
        if not supporting and _SUPPORTS.search(fold(_sentence_around(words, k))):
            continue
        start = k
        # back to the capitalised word that opens the name ("Sociologiska institutionen")
        while start > 0 and not words[start].strip("\"”“'(")[:1].isupper() and k - start < 3:
            start -= 1
        # ... and over the capitalised words of a longer name ("Ersta Sköndal Bräcke
        # högskola"), not over the end of the sentence before it
        while (
            start > 0
            and k - start < 5
            and words[start - 1][:1].isupper()
            and not words[start - 1].endswith((".", ":", ";", ","))
        ):
            start -= 1
        run = _name_after(words[start:])
        if run and any(_RESEARCH_WORD.search(x) for x in run):
            cand = " ".join(run).strip(" .,;:")
            if not _CITY_UNIT.search(fold(cand)):
                return canonical_org(cand, find_orgs)
    return None


def _sentence_around(words: Sequence[str], k: int) -> str:
    """The words of the sentence that holds word `k`."""
    a = k
    while a > 0 and not words[a - 1].endswith((".", ":", ";")):
        a -= 1
    b = k
    while b < len(words) - 1 and not words[b].endswith((".", ";")):
        b += 1
    return " ".join(words[a : b + 1])


#: a research body's supporting part in a project others carry out
_SUPPORTS = re.compile(
    r"\bfoljs\s+(?:upp\s+)?av\b|\bmed\s+stod\s+av\b|forskarstod|handledning|handleds|"
    r"utvarder|foljeforsk|dokumenteras|\bstod\s+fran\b"
)
#: a word that ends a research body's name (not "universitetslektor", a person's title)
_RESEARCH_WORD = re.compile(
    r"(?:universitet|universitetet|högskola|hogskola|högskolan|hogskolan|institut|institutet|"
    r"institutionen)[.,;:)]*$",
    re.IGNORECASE,
)
#: a noun for a firm or body before its name ("konsultföretaget X AB", "föreningen Y"); a
#: person's title ("docent Anna Berg") is not the performer's name
_FIRM_NOUN = re.compile(
    r"(?:foretag|byra|byran|forening|stiftelse|organisation|firma|bolag|konsult)\w*$"
)
#: the words a researcher's title and name take before "vid" ("professor Anna Berg och
#: doktorand Per Holm vid …")
_PERSON_WORDS = 10

#: a name that ends like a city unit: the project's owner, never its performer
_CITY_UNIT = re.compile(r"(?:stadsdels\w*|forvaltning\w*|namnd\w*|kontoret|sdf)$")


def canonical_org(cand: str, find_orgs: OrgFinder | None) -> str:
    """A known organisation's own name when it covers the candidate."""
    if find_orgs is None:
        return cand
    for s, e, name in find_orgs(cand):
        covers = (s == 0 and e >= len(cand) - 2) or (s <= 1 and e - s >= 0.7 * len(cand))
        # the same name spelt better (OCR damage, a missing letter); another name of the
        # organisation (an alias) is not how this document prints it
        if covers and fuzz.ratio(fold(name), fold(cand)) >= _SPELLING_MIN:
            # a name the organisation bore, printed as such ("Ersta Sköndal högskola" in
            # 2001), stays as printed: it is no misspelling of today's name
            spelt = max((fuzz.ratio(fold(a), fold(cand)) for a in _aliases(name)), default=0.0)
            return cand if spelt >= fuzz.ratio(fold(name), fold(cand)) else name
    return cand


@lru_cache(maxsize=1)
def _org_aliases() -> dict[str, tuple[str, ...]]:
    from pipeline.facts.districts import load_gazetteer

    return {o.name: o.aliases for o in load_gazetteer().orgs.values()}


def _aliases(name: str) -> tuple[str, ...]:
    return _org_aliases().get(name, ())


_SPELLING_MIN = 85.0


RESEARCH_BODY = re.compile(r"\b(?:universitet\w*|hogskola\w*|institut\w*|fou-\w+|centrum)\b")


def spelled_out(performer: str, text: str, find: Callable[[str], list[Any]]) -> str:
    """An abbreviated performer ("USK") by the full name the same document prints for it
    ("Utrednings- och statistikkontoret går igenom …"): the abbreviation the gazetteer knows
    as a city office's, when the document also names that office in full. Else as printed
    (without what follows the name: `bare_performer`)."""
    performer = bare_performer(performer)
    if not performer:
        return performer  # (the förvaltning's own staff)
    if full := legend(performer.strip(), text):  # "SoRAD      Centrum för … forskning"
        return full
    if not _ABBREVIATION.fullmatch(performer.strip()):
        return performer
    if full := expanded(performer.strip(), text):  # "Institutet för … socialforskning (IKS)"
        return full
    ids = {p.district_id for p in find(performer)}
    if len(ids) != 1:
        return performer
    for p in find(" ".join(text.split())):  # (a name wrapped over two lines read whole)
        printed = p.name_as_printed.strip()
        if p.district_id in ids and not _ABBREVIATION.fullmatch(printed) and " " in printed:
            return printed
    return performer


#: an organisation's abbreviation: two to six capitals ("USK", "FoU" is no abbreviation here)
_ABBREVIATION = re.compile(r"[A-ZÅÄÖ]{2,6}")


#: a company as a sentence's subject: "Kvalitetsgruppen Norrvik AB har …", "Utredningsföretaget
#: Brännström & Ahl Utredning AB följer …"
_FIRM_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+)(?:[A-ZÅÄÖ][a-zåäö]*(?:företaget|byrån|konsulten)\s+)?"
    r"((?:[A-ZÅÄÖ][\w-]*\s+|&\s+){1,5}(?:AB|KB|HB))\s+(?:har|ska|kommer|följer|genomför|utvärderar)\b"
)


def firm_subject(text: str) -> str | None:
    """A company that opens a sentence of a project's text as the one doing the work
    ("Kvalitetsgruppen Norrvik AB har intervjuat …"): the project's performer."""
    m = _FIRM_SUBJECT.search(text)
    return m.group(1).strip() if m else None
