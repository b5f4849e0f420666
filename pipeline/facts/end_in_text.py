"""When a project ends, as running text says it: "Projektet avslutas den 31 december 2024",
"ska vara klar våren 2025", "pågår till och med augusti 2025", "avslutas vid årsskiftet
2014/2015", "löptid 18 månader från start i januari 2016", or a bare period "2025-04-01 till
2025-12-31". The work's own end stands over a later sentence on its report or evaluation.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.facts.cues import cue_hits
from pipeline.facts.end_dates import RUNS_YEAR, TURN_OF_YEAR
from pipeline.facts.tables import parse_end_date, season_end
from pipeline.facts.text_units import sentences
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import MONTHS
from pipeline.understand.dates import month_number

__all__ = ["end_date_in"]


def end_date_in(text: str) -> dt.date | None:
    best: dt.date | None = None
    for s in sentences([text]):
        if (term := _TERM.search(fold(s.text))) is not None and (mon := month_number(term[2])):
            # "Löptid: 18 månader från start i januari 2016": the term's last month
            last = int(term[3]) * 12 + mon - 1 + int(term[1]) - 1
            best = dt.date(last // 12, last % 12 + 1, 1)
            continue
        if not cue_hits(s.text, "end_cue") or (best and _OF_A_REPORT.match(fold(s.text))):
            continue  # (the work's end stands: "Högskolans slutrapport lämnas senast …")
        turn = TURN_OF_YEAR.search(s.text)
        if turn is not None:  # "avslutas vid årsskiftet 2014/2015": the last day of the first
            best = dt.date(int(turn.group(1)), 12, 31)
            continue
        d = parse_end_date(s.text)
        if d is not None and d[3] is not None:
            best = d[3]
        elif _PLANNED.search(fold(s.text)) and (season := season_end(s.text)) is not None:
            # a plan ends in a season ("ska vara avslutad hösten 2008"); a report's season
            # ("Under våren 2020 slutrapporterades …") says when it was reported
            best = season
        elif (year := RUNS_YEAR.search(fold(s.text))) is not None:
            # "Projektet avslutas under 2012", "ska vara klart 2020": the work's last year
            # (a report's "pågår under 2024" says it goes on, not when it ends)
            best = dt.date(int(year.group(1)), 12, 31)
    if best is None:
        # a period printed bare ("2025-04-01 till 2025-12-31", "2007-09-01 -- 2008-06-30",
        # "januari 2009 – juni 2010"): the work ends on its last day
        m = (
            _PERIOD.search(text)
            or _MONTH_PERIOD.search(text)
            or _DAY_PERIOD.search(text)
            or _RAN_FROM.search(text)
        )
        if m is not None:
            d = parse_end_date(m.group(1))
            best = d[3] if d is not None else None
    return best


#: a sentence on the work's report or evaluation, not on the work: "Högskolans slutrapport
#: lämnas …", "Utvärderingen ska vara klar till årsskiftet …"
_OF_A_REPORT = re.compile(
    r"^(?:(?:den|\w+s)\s+)?(?:slutrapport\w*|rapport\w*|utvardering\w*|slutredovisning\w*|"
    r"redovisning\w*|uppfoljning\w*|halvtidsrapport\w*)\b"
)
_MONTHS = rf"(?:{'|'.join(MONTHS)})"
#: days of a period in one year: "16 juni–4 juli 2025", "1–19 augusti 2022"
_DAY_PERIOD = re.compile(
    rf"\b\d{{1,2}}(?:\s+{_MONTHS})?\s*(?:–|—|-)\s*(\d{{1,2}}\s+{_MONTHS}\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: a term from a start printed with it: "löptid 18 månader från start den 1 februari 2024"
_TERM = re.compile(
    r"\bloptid(?:en)?:?\s+(\d{1,2})\s+manader\s+fran\s+(?:start(?:en)?\s+)?(?:i\s+)?"
    rf"(?:den\s+\d{{1,2}}\s+)?({_MONTHS})\s+((?:19|20)\d\d)\b"
)
_MONTH_PERIOD = re.compile(
    rf"\b{_MONTHS}\s+(?:19|20)\d\d\s*(?:–|—|-|till)\s*({_MONTHS}\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)

#: a run of months the work went on in: "som pågick från februari till december 2019"
_RAN_FROM = re.compile(
    r"\b(?:pågick|pågår|pågått|bedrevs|bedrivs|genomfördes|genomförs|löpte|löper|drevs|drivs|"
    rf"varade)\s+(?:\w+\s+){{0,3}}?från\s+{_MONTHS}(?:\s+(?:19|20)\d\d)?\s+(?:till|–|-)\s+"
    rf"((?:den\s+\d{{1,2}}\s+)?{_MONTHS}\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)

#: (or done in a season or term: "klart vårterminen 2018", "klar under hösten 2019")
_PLANNED = re.compile(
    r"\b(?:ska|skall|beraknas|planeras|berakna[st]|avslutas|slutfors)\b"
    r"|\b(?:klar[t]?|fardig[t]?)\s+(?:under\s+|till\s+)?(?:var|host|vt\b|ht\b)"
    # ("pågår t.o.m. våren 2017": the work runs to the season's end)
    r"|\bpagar\s+(?:till och med|t\.?\s?o\.?\s?m\.?|till)\s+(?:var|host|vt\b|ht\b)"
)
_PERIOD = re.compile(
    r"\b(?:19|20)\d\d-\d\d-\d\d\s*(?:till|t\.?\s?o\.?\s?m\.?|--|–|—|-)\s*"
    r"((?:19|20)\d\d-\d\d-\d\d)\b"
)
