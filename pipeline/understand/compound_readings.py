"""Damaged compounds: a Swedish compound one of whose parts OCR damaged, read part by part.

Swedish writes compounds as one word, so the damage of one part makes the whole word unknown
while the other part stays a good witness. :class:`CompoundReadings` reads

* a **compound head** that has lost its å/ä/ö where the domain has many compounds with the
  other head and none with the printed one ("gruppstod" → "gruppstöd": "metodstöd",
  "processtöd" are the domain's words, "…stod" heads none);
* a **compound part** the domain spells with å/ä/ö far more often, anywhere in the word
  ("relationsvaldscentrum" → "relationsvåldscentrum", "processtodsprogram"), standing at part
  boundaries; as the head also one with another of å/ä/ö ("…värden" → "…vården");
* a **short damaged head** after a known part that is a cheap reading of a word the domain uses
  very often, its first letter perhaps shared with the part as Swedish writes three equal
  consonants as two ("processtdd" → "process|stöd" → "processtöd");
* **two damaged parts** ("lidgesbeskriviing" → "läges|beskrivning"), each a cheap, clear
  reading of a common word.

A compound part must be at least `MIN_PART_ZIPF` common (or used by the domain) to vouch for
the rest of the word.
"""

from __future__ import annotations

from pipeline.lang.lexicon import fold
from pipeline.understand.ocr_edits import _ENDINGS, _SWEDISH, _adds_diacritics, _max_cost
from pipeline.understand.word_evidence import MIN_DOMAIN_COUNT, WordEvidence

__all__ = ["CompoundReadings"]

# ------------------------------------------------------------------------------ thresholds

MIN_PART_ZIPF = 3.0  # the known part of a damaged compound
PART_MIN = 5  # domain uses of the other spelling of a compound part ...
PART_RATIO = 4  # ... and how many times more often than the printed spelling
DOMAIN_HEAD_MIN = 20  # domain uses of a short compound head read through damage
SWAP_HEADS = 5  # domain compounds ending in the other of å/ä/ö before one is swapped
HEAD_MIN = 2  # domain compounds headed by the other reading of a compound head (times
# 1 + 4 x those headed by the printed part)


class CompoundReadings(WordEvidence):
    """Reads a compound with a damaged part against its other part and the domain lexicon."""

    def _known_part(self, part: str) -> bool:
        """A compound part common enough, or used by the domain, to vouch for the rest."""
        return self.lex.zipf(part) >= MIN_PART_ZIPF or self.dom.count(part) >= MIN_DOMAIN_COUNT

    def _head(self, low: str) -> tuple[str, str] | None:
        """A compound whose head part ("…stod") reads better as a domain head ("…stöd")."""
        if len(low) < 7:
            return None
        for k in range(3, min(8, len(low) - 3) + 1):
            head, left = low[-k:], low[:-k]
            stem = left[:-1] if left.endswith("s") and len(left) > 4 else left
            if len(stem) < 4 or not self._known_part(stem):
                continue
            for alt, _ in self.lex.candidates(fold(head)):
                if alt == head or len(alt) != len(head) or not _adds_diacritics(head, alt):
                    continue
                if self.dom.heads(alt) >= HEAD_MIN * (1 + 4 * self.dom.heads(head)):
                    return left + alt, "compound-head"
        return None

    def _parts(self, low: str) -> tuple[str, str] | None:
        """A compound with a part that the domain spells with å/ä/ö far more often
        ("relationsvaldscentrum", "processtodsprogram": "våld" and "stöd" are the domain's
        words, "vald" and "stod" are not). The part must stand at part boundaries: before it
        the word's start or a known part (a linking s, or a consonant shared with the part as
        in "process|töd"), after it the word's end, an inflection or a known part."""
        n = len(low)
        for i in range(0, n - 3):
            if i and not self._left_ok(low[:i], low[i]):
                continue
            for j in range(n, i + 3, -1):
                sub, right = low[i:j], low[j:]
                if right and not (
                    right in _ENDINGS
                    or self._part_ok(right)
                    or (right[0] == "s" and self._part_ok(right[1:]))
                ):
                    continue
                alt = self._domain_spelling(sub, head=not right and len(sub) >= 5)
                if alt is not None:
                    return low[:i] + alt + right, "compound-part"
        return None

    def _left_ok(self, left: str, nxt: str) -> bool:
        return (
            self._part_ok(left)
            or (left.endswith("s") and self._part_ok(left[:-1]))
            or self._part_ok(left + nxt)
        )

    def _domain_spelling(self, part: str, head: bool = False) -> str | None:
        """The spelling with å/ä/ö added that the domain uses far more often than `part`; as
        the head of a compound also one with another of å/ä/ö ("…värden" → "…vården") when
        many domain compounds end in it and none in the printed part."""
        for alt, _ in self.lex.candidates(fold(part)):
            if len(alt) != len(part) or alt == part:
                continue
            if not _adds_diacritics(part, alt):
                swap = head and all(
                    p == a or (p in _SWEDISH and a in _SWEDISH)
                    for p, a in zip(part, alt, strict=True)
                )
                unused = not self.dom.heads(part) and not self.dom.count(part)
                if swap and unused and self.dom.heads(alt) >= SWAP_HEADS:
                    return alt
                continue
            n_alt, n_part = self.dom.count(alt), self.dom.count(part)
            if n_alt >= PART_MIN and n_alt >= PART_RATIO * (n_part + 1):
                return alt
        return None

    def _domain_head(self, low: str) -> tuple[str, str] | None:
        """A known first part and a short damaged head that is a cheap reading of a word the
        domain uses very often, its first letter perhaps shared with the first part as Swedish
        writes three equal consonants as two ("processtdd" → "process|stöd" → "processtöd")."""
        for cut in range(len(low) - 3, 3, -1):
            left, rest = low[:cut], low[cut:]
            if not self._known_part(left):
                continue
            for head, shared in ((rest, ""), (left[-1] + rest, left[-1])):
                for _, word in self._candidates(head, limit=0.45):
                    if self.dom.count(word) >= DOMAIN_HEAD_MIN and word.startswith(shared):
                        return left + word[len(shared) :], "compound-head"
        return None

    def _two_damaged(self, low: str) -> tuple[str, str] | None:
        """A compound of two parts both damaged ("lidges|beskriviing" → "läges|beskrivning"):
        each part a cheap, unambiguous reading of a common word."""
        if len(low) < 12:
            return None
        best: tuple[float, str] | None = None
        for cut in range(5, len(low) - 5):
            left, rest = low[:cut], low[cut:]
            link = ""
            if left.endswith("s"):
                left, link = left[:-1], "s"
            if len(left) < 4 or self.known(left) or self.known(rest):
                continue
            a = self._unambiguous(left, 0.5)
            b = self._unambiguous(rest, 0.8) if a else None
            if a and b and (best is None or a[0] + b[0] < best[0]):
                best = (a[0] + b[0], a[1] + link + b[1])
        if best is not None and best[0] <= _max_cost(len(low)):
            return best[1], "ocr-compound"
        return None
