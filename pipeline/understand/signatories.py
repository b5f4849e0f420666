"""People of a document: its signatories (names set out in columns with their roles below,
under "Justeras" / "Vid protokollet", or bare name lines after the decisions; roles from
``patterns/roles.csv``) and the handläggare of its letterhead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from pipeline.lang.lexicon import fold, get_lexicon
from pipeline.records import CleanPage, Section, Signatory
from pipeline.understand.committees import _collapsed_join, find_committees
from pipeline.understand.flat import FLAT_LINE_CHARS
from pipeline.understand.letterhead import _HANDLAGGARE, HEAD_CHARS, _Field
from pipeline.understand.vocabulary import pattern_rows

__all__ = ["find_signatories", "role_of"]


@lru_cache(maxsize=1)
def _roles() -> tuple[str, ...]:
    return tuple(
        r["role"] for r in pattern_rows("roles.csv") if r["kind"] in ("signatory", "protocol")
    )


@lru_cache(maxsize=1)
def _role_endings() -> tuple[str, ...]:
    return tuple(fold(r["role"]) for r in pattern_rows("roles.csv") if r["kind"] == "ending")


@lru_cache(maxsize=1)
def _block_labels() -> tuple[str, ...]:
    return tuple(fold(r["role"]) for r in pattern_rows("roles.csv") if r["kind"] == "label")


@lru_cache(maxsize=65536)
def role_of(word: str) -> str | None:
    """The canonical role a printed (possibly OCR-damaged) word stands for."""
    f = fold(word.strip(".,:;"))
    if len(f) < 5 or f in _block_labels():
        return None
    for role in _roles():
        r = fold(role)
        if " " in r:
            continue
        allowed = 0 if len(r) < 7 else 1 if len(r) < 10 else 2
        if Levenshtein.distance(f, r, score_cutoff=allowed) <= allowed:
            return role
    word = word.strip(".,:;")
    if word.isalpha() and any(f.endswith(e) and len(f) > len(e) + 2 for e in _role_endings()):
        return word.lower()  # a compound role: "Ekonomidirektör", "IFO-chef"
    return None


def _role_cell(cell: str) -> str | None:
    """A column of a role line: one role word, or a role phrase that starts with one
    ("Chef för FoU-enheten"), kept as printed."""
    words = cell.split()
    if not words or len(words) > 5:
        return None
    if len(words) == 1:
        role = role_of(words[0])
        return _styled(role, words[0]) if role is not None else None
    if fold(words[0]) in ("chef", "biträdande", "bitradande", "vice", "tf", "t.f."):
        return cell
    return None


_CELL = re.compile(r"\S+(?:\s{1,2}\S+)*")


def _cells(line: str) -> list[tuple[int, str]]:
    """The columns of a line (text separated by three or more spaces), with their offsets."""
    return [(m.start(), m.group()) for m in _CELL.finditer(line)]


def _name_cell(cell: str) -> bool:
    tokens = cell.split()
    return 2 <= len(tokens) <= 4 and all(
        _NAME_TOKEN.match(t) and fold(t) not in _block_labels() for t in tokens
    )


def _role_phrases(line: str) -> list[str] | None:
    """The roles of a line whose columns OCR collapsed to single spaces ("Socialdirektör
    Chef för FoU-enheten", "ordförande justerare"): a role starts at every role word."""
    phrases: list[list[str]] = []
    for tok in line.split():
        if role_of(tok) is not None or fold(tok) in ("chef", "bitradande", "vice", "tf"):
            if phrases and fold(phrases[-1][-1]) in ("bitradande", "vice", "tf"):
                phrases[-1].append(tok)
                continue
            phrases.append([tok])
        elif phrases and fold(phrases[-1][0]) == "chef":
            phrases[-1].append(tok)
        else:
            return None
    out = [_role_cell(" ".join(p)) for p in phrases]
    return [r for r in out if r is not None] if out and all(out) else None


def _column_signatures(lines: list[str]) -> list[tuple[int, int, str, str | None]]:
    """Signatures set out in columns: a line of names (one per column) with the line of
    roles below it, or names under a block label ("Justeras", "Vid protokollet") without
    roles. Each role is matched to the name in its column; where OCR collapsed the columns
    to single spaces, two names are told apart by where a given name starts, and the roles
    go to the names in order. (name line, role line or -1, name, role)"""
    out: list[tuple[int, int, str, str | None]] = []
    labelled = -10
    for i, text in enumerate(lines):
        if fold(text.strip().rstrip(":")) in _block_labels():
            labelled = i
            continue
        cells = _cells(text)
        if not cells:
            continue
        below = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
        role_line = lines[below] if below is not None else ""
        tokens = text.split()
        if (
            len(cells) == 1
            and 4 <= len(tokens) <= 6
            and all(_NAME_TOKEN.match(t) and fold(t) not in _block_labels() for t in tokens)
        ):
            phrases = _role_phrases(role_line) if role_line.strip() else None
            if i - labelled <= 4 or (phrases is not None and len(phrases) == 2):
                names = _split_names(tokens, 2, text) or []
                roles: list[str | None] = []
                roles.extend((phrases or [])[: len(names)])
                roles += [None] * (len(names) - len(roles))
                role_at = below if phrases and below is not None else -1
                out.extend((i, role_at, n, r) for n, r in zip(names, roles, strict=True))
                continue
        if not all(_name_cell(c) for _, c in cells):
            continue
        role_cells = _cells(role_line)
        cell_roles = [_role_cell(c) for _, c in role_cells]
        if len(role_cells) == 1 and len(cells) > 1 and cell_roles[0] is None:
            # roles collapsed into one cell under names in columns
            collapsed = _role_phrases(role_line)
            if collapsed is not None and len(collapsed) == len(cells):
                role_cells = [(off, p) for (off, _), p in zip(cells, collapsed, strict=True)]
                cell_roles = list(collapsed)
        if role_cells and all(r is not None for r in cell_roles) and len(role_cells) <= len(cells):
            for off, name in cells:
                role = next(
                    (
                        r
                        for (ro, _), r in zip(role_cells, cell_roles, strict=True)
                        if abs(ro - off) <= 4
                    ),
                    None,
                )
                out.append((i, below if below is not None else -1, name, role))
        elif i - labelled <= 4 and (len(cells) > 1 or below is None or not role_cells):
            out.extend((i, -1, name, None) for _, name in cells)
    return out


def _roles_in(line: str) -> list[tuple[str, str]] | None:
    """The roles that make up the end of a line ("… Förvaltningschef Avdelningschef"),
    as (canonical, printed); None unless the line ends in one."""
    tokens = line.split()
    found: list[tuple[str, str]] = []
    k = len(tokens)
    while k > 0:
        role = role_of(tokens[k - 1])
        if role is None:
            break
        printed = tokens[k - 1]
        if k >= 2 and fold(tokens[k - 2]) in ("biträdande", "bitradande", "vice", "tf", "t.f."):
            role = f"{fold(tokens[k - 2]).replace('bitradande', 'biträdande')} {role}"
            printed = f"{tokens[k - 2]} {printed}"
            k -= 1
        found.insert(0, (role, printed))
        k -= 1
    return found or None


def _styled(role: str, printed: str) -> str:
    return role[:1].upper() + role[1:] if printed[:1].isupper() else role


_NAME_TOKEN = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?$")


def _name_run(line: str) -> list[str]:
    """The capitalised name tokens at the end of a line (after an address or a label)."""
    tokens = line.split()
    run: list[str] = []
    for tok in reversed(tokens):
        if _NAME_TOKEN.match(tok) and fold(tok) not in ("till", "telefon", "handlaggare"):
            run.insert(0, tok)
        else:
            break
    return run


def _split_names(tokens: list[str], n: int, line: str) -> list[str] | None:
    """Split the name tokens of `n` signatures printed on one line."""
    if n == 1:
        return [" ".join(tokens)] if 2 <= len(tokens) <= 4 else None
    gap = [p.split() for p in re.split(r"\s{3,}", line.strip())]
    if len(gap) >= n and all(2 <= len(g) <= 4 for g in gap[-n:]):
        return [" ".join(g) for g in gap[-n:]]
    if n != 2 or not 4 <= len(tokens) <= 8:
        return None
    lex = get_lexicon()
    # the second name starts where a common given name follows a rare surname
    best = max(
        range(2, len(tokens) - 1),
        key=lambda k: (
            lex.zipf(tokens[k]) - lex.zipf(tokens[k - 1]),
            -abs(k - len(tokens) / 2),
        ),
    )
    return [" ".join(tokens[:best]), " ".join(tokens[best:])]


def find_signatories(
    pages: tuple[CleanPage, ...], sections: tuple[Section, ...]
) -> list[Signatory]:
    """Signatures, in document order: names set out in columns with their roles below (or
    under "Justeras" / "Vid protokollet" without), a role line under a name line, and in a
    proposal or decision section, bare name lines after the items."""
    found: list[tuple[int, int, Signatory]] = []
    used: set[tuple[int, int]] = set()
    for page in pages:
        texts = [ln.text for ln in page.lines]
        for i, j, name, role in _column_signatures(texts):
            found.append((page.page_no, i, Signatory(name, role, page.page_no)))
            used.update({(page.page_no, i), (page.page_no, j)})
    for page in pages:
        lines = page.lines
        for i, ln in enumerate(lines):
            if (page.page_no, i) in used:
                continue
            roles = _roles_in(ln.text)
            if roles is None:
                continue
            for j in range(i - 1, max(-1, i - 4), -1):
                cand = lines[j].text
                if not cand.strip():
                    continue
                if (page.page_no, j) in used:
                    break
                tokens = _name_run(cand)
                names = _split_names(tokens, len(roles), cand) if tokens else None
                if names is None:
                    continue
                for name, (role, printed) in zip(names, roles, strict=True):
                    found.append(
                        (page.page_no, j, Signatory(name, _styled(role, printed), page.page_no))
                    )
                used.update({(page.page_no, i), (page.page_no, j)})
                break
    for sec in sections:
        if sec.kind not in ("forslag_till_beslut", "beslut"):
            continue
        for ln in sec.lines:
            if (ln.page_no, ln.line_no) in used or not _bare_name(ln.text):
                continue
            found.append((ln.page_no, ln.line_no, Signatory(ln.text.strip(), None, ln.page_no)))
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for _, _, s in sorted(found, key=lambda f: (f[0], f[1])):
        if (s.name, s.role) not in seen:
            seen.add((s.name, s.role))
            unique.append(s)
    return unique


def _bare_name(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    lex = get_lexicon()
    # at least one token that is not an ordinary word: a name, not a phrase
    return any(lex.zipf(t) < 4.0 for t in tokens) and not find_committees(text)


_LONE_LABEL = re.compile(r"^\s*(?:till|telefon|tfn|tel|e-post|datum)\s*:?\s*$", re.IGNORECASE)


def _handlaggare(pages: tuple[CleanPage, ...]) -> _Field | None:
    """The name under or after "Handläggare" in the first page's letterhead, or in that of a
    tjänsteutlåtande attached behind a protocol (the top of a following page)."""
    for rank, page in enumerate(pages[:3]):
        lines = [ln.text for ln in page.lines]
        if rank == 0 and lines and any(len(t) >= FLAT_LINE_CHARS for t in lines[:3]):
            # a flattened head: "… Handläggare Anna Svensson Telefon: 08-508 …"
            lines = [
                t[m.start() : m.start() + 80]
                for t in lines[:3]
                if (m := re.search(r"\bHandl[äa]ggare\b", t[:HEAD_CHARS]))
            ] + lines
        for k, text in enumerate(lines[:60]):
            m = _HANDLAGGARE.match(text)
            if m is None:
                continue
            # the name on a line below; a header flattened one value per line puts another
            # label between ("Handläggare" / "Till" / "Margit Exempel")
            cands = [m.group("rest")] + [
                t for t in lines[k + 1 : k + 4] if t.strip() and not _LONE_LABEL.match(t)
            ][:1]
            for cand in cands:
                below = lines[lines.index(cand) + 1 :] if cand in lines else []
                joined = _collapsed_join(cand, next((t for t in below if t.strip()), ""))
                if joined:  # "Linnea Forsberg Hässelby-Vällingby" / "… stadsdelsnämnd"
                    cand = re.sub(rf"\s*{re.escape(joined.split()[0])}\s*", " ", cand)
                name = _name_from(cand)
                if name is not None:
                    return _Field(name, text + " / " + cand, 0.9 if rank == 0 else 0.75)
    return None


def _name_from(text: str) -> str | None:
    """A person's name at the start of a letterhead row, other columns cut off; a name
    printed in capitals ("BIRGITTA SANDELIN") in its ordinary case."""
    text = re.split(r"\s{3,}", text.strip())[0]
    if text.isupper():
        text = " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in text.split())
    for c in find_committees(text):
        text = text.replace(c.as_printed, " ")
    text = re.sub(r"\b(?:Till|Telefon|Tfn|Tel)\b.*$", "", text, flags=re.IGNORECASE)
    text = text.split(",")[0]  # "Helena Exempel, utvecklingssekreterare, tfn …"
    tokens: list[str] = []
    for tok in text.split():
        if _NAME_TOKEN.match(tok):
            tokens.append(tok)
        elif tokens:
            break
    return " ".join(tokens) if 2 <= len(tokens) <= 4 else None
