"""A Swedish word list indexed by folded spelling, for restoring letters lost to OCR.

The lexicon is wordfreq's Swedish list (~340 000 words with frequencies). Each word is
indexed under its *folded* form (lower case, å/ä → a, ö → o, é → e …), so that a damaged
token such as ``forvaltningens`` finds ``förvaltningens``. Frequencies are Zipf values
(log10 of occurrences per billion words: 7 = "är", 3 = an ordinary compound, 0 = unknown).

The list is loaded once per process, lazily, by :func:`get_lexicon`. Building it from
wordfreq's list folds every word (about 3 s of CPU); the built lexicon is therefore kept on
disk (:mod:`pipeline.lang.lexicon_cache`, keyed by a digest of its inputs) and read back in
about a tenth of a second. In memory it is compact: most folded spellings name one word,
the word itself ("kommun" → "kommun"), and are answered from the word → Zipf table; only
the ~90 000 others ("forvaltningens" → "förvaltningens", "ar" → "är", "år", "ar") are
indexed, as positions into the word list decoded on first use.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
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
    if text.isascii():  # nothing to drop (the table maps only non-ASCII letters)
        return text.lower()
    return text.lower().translate(_FOLD)


def _folds_to_itself(key: str) -> bool:
    """``fold(key) == key``, cheaply for the usual plain ASCII key."""
    return key.lower() == key if key.isascii() else fold(key) == key


class Lexicon:
    """Word → Zipf frequency, plus an index from folded spelling to the words behind it."""

    def __init__(self, zipf_by_word: Mapping[str, float], top_n: int = 3) -> None:
        words = list(zipf_by_word)
        zipfs = [float(zipf_by_word[w]) for w in words]
        position = {w: i for i, w in enumerate(words)}
        index: dict[str, list[tuple[str, float]]] = {}
        for word, z in zip(words, zipfs, strict=True):
            index.setdefault(fold(word), []).append((word, z))
        keys: list[str] = []
        offsets = [0]
        flat: list[int] = []
        for key, entries in index.items():
            best = sorted(entries, key=lambda wz: -wz[1])[:top_n]
            if len(best) == 1 and best[0][0] == key:
                continue  # answered from the word table (see `candidates`)
            keys.append(key)
            flat.extend(position[w] for w, _z in best)
            offsets.append(len(flat))
        self._set_parts(words, zipfs, keys, offsets, flat)

    @classmethod
    def from_parts(
        cls,
        words: list[str],
        zipfs: list[float],
        keys: list[str],
        offsets: Sequence[int],
        flat: Sequence[int],
    ) -> Lexicon:
        """A lexicon from its compact parts (as :meth:`parts` gives them), without folding."""
        lex = cls.__new__(cls)
        lex._set_parts(words, zipfs, keys, offsets, flat)
        return lex

    def _set_parts(
        self,
        words: list[str],
        zipfs: list[float],
        keys: list[str],
        offsets: Sequence[int],
        flat: Sequence[int],
    ) -> None:
        self._words = words
        self._zipfs = zipfs
        self._keys = keys
        self._offsets = offsets
        self._flat = flat
        self._zipf: dict[str, float] = dict(zip(words, zipfs, strict=True))
        self._key_no: dict[str, int] = dict(zip(keys, range(len(keys)), strict=True))
        self._decoded: dict[str, tuple[tuple[str, float], ...]] = {}

    def parts(
        self,
    ) -> tuple[list[str], list[float], list[str], Sequence[int], Sequence[int]]:
        """The compact parts: words and their Zipf values in list order, the indexed folded
        spellings, and per spelling a run (``offsets[i]:offsets[i+1]``) of word positions."""
        return self._words, self._zipfs, self._keys, self._offsets, self._flat

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
        no = self._key_no.get(key)
        if no is None:
            z = self._zipf.get(key)
            return ((key, z),) if z is not None and _folds_to_itself(key) else ()
        hit = self._decoded.get(key)
        if hit is None:
            runs = self._flat[self._offsets[no] : self._offsets[no + 1]]
            hit = self._decoded[key] = tuple((self._words[i], self._zipfs[i]) for i in runs)
        return hit

    def __len__(self) -> int:
        return len(self._zipf)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The process-wide Swedish lexicon: read from the on-disk cache (about 0.1 s), or built
    from wordfreq's list and cached (about 3 s, once per wordfreq data and lexicon code)."""
    from pipeline.lang.lexicon_cache import cached_lexicon

    return cached_lexicon(_build_lexicon)


def _build_lexicon() -> Lexicon:
    from wordfreq import get_frequency_dict

    return Lexicon.from_frequencies(get_frequency_dict("sv", wordlist="best"))
