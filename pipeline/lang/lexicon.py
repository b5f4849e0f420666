"""A Swedish word list indexed by folded spelling, for restoring letters lost to OCR.

The lexicon is wordfreq's Swedish list (~340 000 words with frequencies). Each word is
indexed under its *folded* form (lower case, å/ä → a, ö → o, é → e …), so that a damaged
token such as ``forvaltningens`` finds ``förvaltningens``. Frequencies are Zipf values
(log10 of occurrences per billion words: 7 = "är", 3 = an ordinary compound, 0 = unknown).

The list is loaded once per process, lazily, by :func:`get_lexicon`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

__all__ = ["Lexicon", "fold", "get_lexicon", "SWEDISH_LETTERS"]

SWEDISH_LETTERS = "åäöÅÄÖ"

_FOLD = str.maketrans(
    {
        "å": "a",
        "ä": "a",
        "à": "a",
        "á": "a",
        "â": "a",
        "ö": "o",
        "ø": "o",
        "ó": "o",
        "ò": "o",
        "ô": "o",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ë": "e",
        "ü": "u",
    }
)


def fold(text: str) -> str:
    """Lower-case `text` and drop the Swedish (and a few foreign) diacritics."""
    return text.lower().translate(_FOLD)


class Lexicon:
    """Word → Zipf frequency, plus an index from folded spelling to the words behind it."""

    def __init__(self, zipf_by_word: Mapping[str, float], top_n: int = 3) -> None:
        self._zipf: dict[str, float] = dict(zipf_by_word)
        index: dict[str, list[tuple[str, float]]] = {}
        for word, z in self._zipf.items():
            index.setdefault(fold(word), []).append((word, z))
        self._index: dict[str, tuple[tuple[str, float], ...]] = {
            key: tuple(sorted(words, key=lambda wz: -wz[1])[:top_n]) for key, words in index.items()
        }

    @classmethod
    def from_frequencies(cls, freq_by_word: Mapping[str, float]) -> Lexicon:
        """Build from word → relative frequency (0..1), keeping alphabetic words only."""
        return cls(
            {
                w: math.log10(f) + 9.0
                for w, f in freq_by_word.items()
                if f > 0 and w.replace("-", "").isalpha()
            }
        )

    def zipf(self, word: str) -> float:
        """Zipf frequency of `word` (case-insensitive); 0.0 when unknown."""
        return self._zipf.get(word.lower(), 0.0)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self._zipf

    def candidates(self, key: str) -> tuple[tuple[str, float], ...]:
        """Known words whose folded form is `key`, most frequent first."""
        return self._index.get(key, ())

    def __len__(self) -> int:
        return len(self._zipf)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The process-wide Swedish lexicon (built on first use, about half a second)."""
    from wordfreq import get_frequency_dict

    return Lexicon.from_frequencies(get_frequency_dict("sv", wordlist="best"))
