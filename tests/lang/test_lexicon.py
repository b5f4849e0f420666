"""The Swedish lexicon: its compact index answers exactly what a plain folded-spelling index
answers, and its on-disk cache gives back the same lexicon (or is rebuilt when damaged)."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from wordfreq import get_frequency_dict

from pipeline.lang import lexicon_cache
from pipeline.lang.lexicon import Lexicon, fold


def _reference(zipf: dict[str, float], top_n: int = 3) -> dict[str, tuple[tuple[str, float], ...]]:
    """The index as the lexicon first built it: every folded spelling → its top words."""
    index: dict[str, list[tuple[str, float]]] = {}
    for word, z in zipf.items():
        index.setdefault(fold(word), []).append((word, z))
    return {k: tuple(sorted(v, key=lambda wz: -wz[1])[:top_n]) for k, v in index.items()}


@pytest.fixture(scope="module")
def sample() -> dict[str, float]:
    """Every 10th word of wordfreq's Swedish list, plus the crowded spellings and a few
    invented ones (upper case, a word whose own spelling is not its folded one)."""
    freq = get_frequency_dict("sv", wordlist="best")
    words = list(freq)[::10] + ["är", "år", "ar", "är-", "för", "for", "fore", "före", "för"]
    zipf = {w: math.log10(freq.get(w, 1e-8)) + 9.0 for w in words}
    zipf |= {"Kommun": 2.0, "kommun": 4.0, "Ängby": 3.0, "ångby": 1.0, "øre": 1.5}
    return zipf


def _probes(zipf: dict[str, float]) -> list[str]:
    ref = _reference(zipf)
    return [*ref, *zipf, *(w.upper() for w in list(zipf)[:500]), "", "xqzv", "kommunx"]


def test_candidates_match_a_plain_folded_index(sample: dict[str, float]) -> None:
    lex = Lexicon(sample)
    ref = _reference(sample)
    for key in _probes(sample):
        assert lex.candidates(key) == ref.get(key, ()), key
    assert lex.candidates("ar")[0][0] in {"är", "år"}
    assert lex.candidates("kommun") == (("kommun", 4.0), ("Kommun", 2.0))
    assert lex.candidates("ängby") == ()  # not a folded spelling
    assert lex.zipf("KOMMUN") == 4.0 and "Kommun" in lex and len(lex) == len(sample)


def test_cache_round_trip_gives_the_same_lexicon(sample: dict[str, float], tmp_path: Path) -> None:
    built = Lexicon(sample)
    path = tmp_path / "lexicon-sv-x.bin"
    lexicon_cache.write(built, path)
    read = lexicon_cache.read(path)
    assert read is not None
    assert list(read._zipf.items()) == list(built._zipf.items())  # same words, same order
    ref = _reference(sample)
    for key in _probes(sample):
        assert read.candidates(key) == ref.get(key, ()), key


def test_a_damaged_cache_is_rebuilt(
    sample: dict[str, float], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAMND_CACHE_DIR", str(tmp_path))
    builds: list[int] = []

    def build() -> Lexicon:
        builds.append(1)
        return Lexicon(sample)

    first = lexicon_cache.cached_lexicon(build)
    path = lexicon_cache.cache_path()
    assert path.parent == tmp_path and path.is_file() and len(builds) == 1
    (tmp_path / "lexicon-sv-stale.bin").write_bytes(b"old")
    os.utime(tmp_path / "lexicon-sv-stale.bin", (1e9, 1e9))  # written in 2001
    (tmp_path / "lexicon-sv-other.bin").write_bytes(b"another checkout's, in use")
    again = lexicon_cache.cached_lexicon(build)
    assert len(builds) == 1 and len(again) == len(first)  # read, not built
    path.write_bytes(path.read_bytes()[:-7])  # a write cut short
    assert lexicon_cache.read(path) is None
    rebuilt = lexicon_cache.cached_lexicon(build)
    assert len(builds) == 2 and rebuilt.candidates("ar") == first.candidates("ar")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([path.name, "lexicon-sv-other.bin"])  # the stale one removed


def test_an_unwritable_cache_dir_only_costs_the_build(
    sample: dict[str, float], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NAMND_CACHE_DIR", str(blocker / "cache"))
    lex = lexicon_cache.cached_lexicon(lambda: Lexicon(sample))
    assert len(lex) == len(sample) and not (blocker / "cache").exists()
