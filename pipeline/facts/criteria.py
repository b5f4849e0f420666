"""Prioritisation criteria, priorities ("inriktningar") and focus areas of a call for money.

How the documents write them: an *introducing sentence* with a cue from the
``criteria_intro`` vocabulary ("Ansökningarna prioriteras utifrån följande kriterier:",
"I år prioriteras ansökningar som", "Vidare föreslås inriktningar som kan prioriteras",
"förvaltningen ser följande fokusområden") followed by the items, which are

* bullets ("- ", "• ", "e " — OCR for a bullet, "o "), possibly wrapped over several lines
  and separated by blank lines;
* numbered items ("1. ", "2) ");
* plain short lines, one item per line: each ends in punctuation or is followed by a line
  that starts a new phrase (capital letter), never by a lower-case continuation.

The list ends at a heading, at a line that is neither an item nor its continuation, or at
a blank line followed by an ordinary paragraph. Criteria written as sentences or labelled
lines — a ``main_criterion`` cue ("Huvudkriteriet är att …"), "Särskilt prioriteras …",
"1) … 2) …" inside a sentence, "Fokusområde 1: …" — are read by
:mod:`pipeline.facts.criteria_forms`.

The kind is the cue group value with the highest weight in the introduction; fund and year
come from the introduction's sentence, then its paragraph, then the headings above.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, Context
from pipeline.facts.criteria_counted import counted_criteria
from pipeline.facts.criteria_forms import (
    CriterionItem,
    fund_year,
    inline_criteria,
    labelled_items,
    main_criterion,
    priority_sentences,
)
from pipeline.facts.criteria_funds import fund_by_subject
from pipeline.facts.criteria_items import CLAUSE_OPENERS as _CLAUSE_OPENERS
from pipeline.facts.criteria_items import MODALS as _MODALS
from pipeline.facts.criteria_items import closed_by_priority, list_items
from pipeline.facts.criteria_items import indented_block as _indented_block
from pipeline.facts.criteria_items import is_bullet as _is_bullet
from pipeline.facts.criteria_items import is_number as _is_number
from pipeline.facts.criteria_items import next_nonblank as _next_nonblank
from pipeline.facts.criteria_lines import (
    ITEM_CODE,
    MIN_SCORE,
    TABLE_SUM,
    colon_ahead,
    cue_in_earlier_sentence,
    headed_items,
    intro_score,
    not_an_item,
    sentence_goes_on,
)
from pipeline.facts.criteria_tables import table_criteria
from pipeline.facts.cues import cue_hits, strongest
from pipeline.facts.text_units import clean_item_text, dehyphen_join
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import ONES

__all__ = ["CriterionItem", "find_criteria", "list_items"]

_MAX_SUBJECT_WORDS = 3


def _intro_end(lines: Sequence[BodyLine], i: int) -> int | None:
    """The last line of the introduction whose cue is on line `i`: the first line that ends
    with ":" or an open clause ("… ansökningar som"), that precedes a bullet, or that ends a
    sentence before a blank line. None when no such line comes within a few lines."""
    for k in range(i, min(len(lines), i + 6)):
        s = lines[k].text.rstrip()
        if not s:
            continue
        if k > i and lines[k].heading:
            return None
        if s.endswith(":"):
            return k
        words = s.split()
        if words and fold(words[-1]) in _MODALS:
            nxt = _next_nonblank(lines, k)
            if nxt is not None and nxt == k + 1 and not _is_bullet(lines[nxt].text):
                continue  # "… hur insatsen ska" ⏎ "fortsätta efter …": the sentence goes on
            return k
        if words and fold(words[-1]).strip(",") in _CLAUSE_OPENERS:
            nxt = _next_nonblank(lines, k)
            goes_on = (
                nxt is not None
                and nxt == k + 1
                and (
                    lines[nxt].text.rstrip().endswith(":")
                    # "… de behov som" ⏎ "… föreslår" ⏎ "… följande fokusområden …:": the
                    # sentence goes on to its colon over the lines right under it
                    or colon_ahead(lines, nxt)
                    # "… samma kriterier som" ⏎ "tillämpades …. Projekt som beviljas ska"
                    or fold(lines[nxt].text.split()[-1]) in _MODALS
                    # "… utifrån att" ⏎ "projektet" ⏎ ⏎ "- omfattar …": the clause's subject
                    or len(lines[nxt].text.split()) <= _MAX_SUBJECT_WORDS
                    and not lines[nxt].text.rstrip().endswith((".", ","))
                    # "… tagit hänsyn till att" ⏎ "studiebesöken ska fördelas …." ⏎ ⏎: the
                    # clause ends its sentence on the line under it, no list follows
                    or lines[nxt].text.rstrip().endswith(".")
                    and (nxt + 1 >= len(lines) or not lines[nxt + 1].text.strip())
                    # "… de kriterier som" ⏎ "nämnden fastställde …. Enligt" ⏎ "dessa ska ett
                    # projekt" ⏎ ⏎ "a) …": the sentences run on to the list under them
                    or _list_after_run(lines, nxt)
                )
                and not (_is_bullet(lines[nxt].text) or _is_number(lines[nxt].text))
            )
            if not goes_on:  # (", som ⏎ nämnden beslutade om i utlysningen:" goes on)
                return k
            continue
        nxt = _next_nonblank(lines, k)
        if nxt is None:
            return k
        if _is_bullet(lines[nxt].text) or _is_number(lines[nxt].text):
            return k
        if _indented_block(lines, k):
            return k  # the list set in below it, its bullets lost by the scan
        if s[-1:] in ".!?" and (nxt > k + 1 or lines[nxt].heading):
            return k
    return None


def _list_after_run(lines: Sequence[BodyLine], k: int) -> bool:
    """Whether the run of lines from `k` (three at most, none ending in a full stop but the
    one before the last's turn) ends right over a blank line and a bulleted, numbered or
    lettered list."""
    end = k
    while end + 1 < len(lines) and lines[end + 1].text.strip() and end - k < 2:
        end += 1
    if end + 1 < len(lines) and lines[end + 1].text.strip():
        return False  # the paragraph goes on: no list right under it
    if lines[end].text.rstrip().endswith((".", "!", "?")):
        return False
    nxt = _next_nonblank(lines, end)
    return nxt is not None and (_is_bullet(lines[nxt].text) or _is_number(lines[nxt].text))


#: a list item's number or letter: "1.", "2)", "a)", "b."
_MARKED_ITEM = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z])[.)]\s")


def _sibling_items(intro: str, items: Sequence[str]) -> bool:
    """Whether a numbered intro's "list" is the items numbered after it: "2. Socialnämnden
    fastställer fokusområden …" over "3. …", "4. …" (a list of decisions, not of areas)."""
    m = re.match(r"^\s*(\d{1,2})[.)]\s", intro)
    n = re.match(r"^\s*(\d{1,2})[.)]\s", items[0]) if items else None
    return m is not None and n is not None and int(n.group(1)) == int(m.group(1)) + 1


def _subject(item: str) -> str | None:
    """The subject an item opens with, when it is a project or a trip ("Projektet har …")."""
    m = re.match(r"(?:projekt(?:et|en)?|studiebesöket|studieresan|resan)\b", item, re.I)
    return m.group(0).lower() if m else None


#: a grant's conditions (of its report, its payment), no criteria for choosing projects
_CONDITIONS = re.compile(r"(?:sarskilda|allmanna)\s+villkor\b|villkor\s+for\s+utbetalning")


#: an audit's own words: its yardsticks ("Revisionskriterier", "bedömningsgrunder") and
#: questions are no call's criteria
_AUDIT = re.compile(r"\b(?:revisionskontoret|revisorsgrupp|revisionsrapport|granskningsrapport)\b")


def find_criteria(lines: Sequence[BodyLine], ctx: Context) -> list[CriterionItem]:
    """Every criteria list and main criterion of a document body (none in an audit's report:
    the auditors' own words open it)."""
    if any(_AUDIT.search(fold(ln.text)) for ln in lines[:30]):
        return []
    out: list[CriterionItem] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.text.strip():
            i += 1
            continue
        if _CONDITIONS.match(fold(ln.text).strip()):
            i += 1  # "Särskilda villkor" over a grant's conditions
            continue
        main = main_criterion(lines, i, ctx)
        if main is not None:
            out.append(main[0])
            i = main[1]
            inline = inline_criteria(lines, i, ctx) if sentence_goes_on(lines, i) else None
            if inline is not None:
                # "Huvudkriteriet är att …. Därutöver bedöms ansökningarna utifrån om a) …,
                # b) … och c) …": the main criterion heads the list
                out.extend(
                    dataclasses.replace(c, position=c.position + 1) if c.kind == main[0].kind else c
                    for c in inline[0]
                )
                i = inline[1]
            continue
        table = table_criteria(lines, i, ctx)
        if table is not None:
            out.extend(table[0])
            i = table[1]
            continue
        labelled = labelled_items(lines, i, ctx)
        if labelled is not None:
            out.extend(labelled[0])
            i = labelled[1]
            continue
        prio = priority_sentences(lines, i, ctx)
        if prio is not None:
            out.extend(prio[0])
            i = prio[1]
            continue
        if i == 0 or not lines[i - 1].text.strip() or lines[i - 1].heading:
            counted = counted_criteria(lines, i, ctx)
            if counted is not None:
                out.extend(counted[0])
                i = counted[1]
                continue
            inline = inline_criteria(lines, i, ctx)
            if inline is not None:
                out.extend(inline[0])
                i = inline[1]
                continue
        score = intro_score(lines, i)
        nested = (
            i + 1 < len(lines) and _is_bullet(lines[i + 1].text) and lines[i + 1].indent > ln.indent
        )
        if _is_bullet(ln.text) and not nested:
            # an item of a list ("• kriterierna … är dokumenterade") is no intro — unless its
            # own items are set in under it ("• Ansökningarna bedöms efter om projektet" ⏎
            # "   – prövar en ny metod …")
            score = {}
        closing = None
        if not score or max(score.values()) < MIN_SCORE:
            # "… angett att organisationer som" ⏎ "– ger stöd till …" ⏎ "ska prioriteras vid
            # fördelningen.": the list's closing words say what it is
            closing = closed_by_priority(lines, i)
            if closing is None:
                i += 1
                continue
        end = _intro_end(lines, i)
        if end is None:
            i += 1
            continue
        last = lines[end].text.rstrip()
        open_intro = (
            last.endswith(":")
            or fold(last.split()[-1]) in (*_CLAUSE_OPENERS, *_MODALS)
            or _indented_block(lines, end)
        )
        items, after = list_items(lines, end + 1, expect_list=open_intro, plain_ok=open_intro)
        intro_said = fold(" ".join(lines[k].text for k in range(i, end + 1)))
        studies = re.search(
            r"\bfoljande\s+(?:\w+\s+)?(?:studier|projekt|resor|uppdrag)\b", intro_said
        )
        if (
            not items
            and not studies  # ("… att följande fyra studier beställs."): the studies, no areas
            and re.search(r"\bfoljande\b[^.]*\.(?:\s+under varje\b[^.]*\.)?$", intro_said)
        ):
            # "… inom något av följande fokusområden." ⏎ each area a short line over its text
            items, after = headed_items(lines, end + 1)
            ones = [fold(w) for w in ONES]
            number = re.search(rf"\bfoljande\s+({'|'.join(ones[2:13])})\b", intro_said)
            items = items[: ones.index(number.group(1))] if number else items  # ("fyra")
        # a table, its caption or rule, or an appendix's heading after the list: its end (and
        # the next item of the list a nested list's intro stands in)
        cut = next(
            (
                n
                for n, (a, _b) in enumerate(items)
                if not_an_item(lines, a) or (nested and lines[a].indent <= ln.indent)
            ),
            None,
        )
        items = items if cut is None else items[:cut]
        # one bulleted item after an intro that ends in a colon is a list of one ("ansökningar
        # med följande inriktning kan ges företräde: • barn och unga i …")
        single = len(items) == 1 and open_intro and _is_bullet(lines[items[0][0]].text)
        priced = sum(
            1
            for a, b in items
            if find_amounts(" ".join(ln.text for ln in lines[a : b + 1]))
            # "Kamratföreningen Tvärbryggan     95 000     80 000": a table's sums, no unit
            or any(TABLE_SUM.search(ln.text) for ln in lines[a : b + 1])
        )
        if (len(items) < 2 and not single) or priced * 2 > len(items):
            i += 1  # (a list of recipients with their sums is no list of criteria)
            continue
        if _sibling_items(lines[i].text, [lines[a].text for a, _b in items]):
            i += 1  # "2. … fastställer fokusområden för FUM." over "3. …": the next decision
            continue
        plain = not any(
            _is_bullet(lines[a].text) or _MARKED_ITEM.match(lines[a].text) for a, _b in items
        )
        said = dehyphen_join([lines[k].text for k in range(i, end + 1)])
        # (unless the earlier sentence points at the list: "… uppfyller kriterierna nedan.")
        # ("… inom följande fyra fokusområden. Under varje område beskrivs …": the list's own)
        pointed = re.search(r"\bnedan\b|\bunder varje\b", fold(said))
        if cue_in_earlier_sentence(said, short=plain) and not pointed:
            # "… bör prövas mot budgeten. Jag föreslår att … i enlighet med vad som"; "…
            # utifrån hur väl de …. Insatser som" ⏎ "avser …," ⏎ "har inte prioriterats.":
            # the next sentence goes on in running lines
            i += 1
            continue
        window = dehyphen_join([lines[k].text for k in range(max(0, i - 1), end + 1)])
        wscore = strongest(cue_hits(window, "criteria_intro"))
        kind = max(wscore.items(), key=lambda kv: kv[1])[0] if wscore else "criterion"
        if closing is not None:
            kind = "priority"
            items = [(a, min(b, closing - 1)) for a, b in items if a < closing]
        fund, year = fund_year(lines, i, end, ctx)
        intro = dehyphen_join([lines[k].text for k in range(i, end + 1)])
        if fund in ("LUM", ctx.study_fund):
            # ("… för ett studiebesök 25 000 kr. Ansökningarna har bedömts utifrån …" over
            # items that each open "Projektet …": the local money's, not the trips')
            opens = {_subject(clean_item_text(lines[a].text)) for a, _b in items}
            first = opens.pop() if len(opens) == 1 else None
            # (else what the intro speaks of, "prioriterades resor som", else the items)
            told = " ".join(lines[k].text for a, b in items for k in range(a, b + 1))
            fund = (
                fund_by_subject(first or intro, ctx)
                or (None if first else fund_by_subject(told, ctx))
                or fund
            )
        for pos, (a, b) in enumerate(items, start=1):
            text = clean_item_text(dehyphen_join([lines[k].text for k in range(a, b + 1)]))
            # "K1   Studien har relevans …": the criterion's code before a gap is no text of it
            if ITEM_CODE.match(lines[a].text) and len(text.split(None, 1)) == 2:
                text = text.split(None, 1)[1]
            if not text:
                continue
            out.append(
                CriterionItem(
                    fund_type=fund,
                    year=year,
                    position=pos,
                    text=text,
                    kind=kind,
                    page_no=lines[a].page_no,
                    evidence=f"{intro} … {text}",
                    confidence=0.8 if max(wscore.values(), default=0) >= 2 else 0.6,
                )
            )
        i = after
    return out
