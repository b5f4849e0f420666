"""The domain lexicon: word and word-pair (bigram) counts from trustworthy Swedish text of the
archive's own kind — committee decisions on FoU money.

wordfreq (`pipeline.lang.lexicon`) says how common a word is in Swedish at large; this lexicon
says how common it is *here* ("stöd" and "våld" are everyday words in these documents, the
verbs "stod" and "vald" are not) and which words stand next to each other ("tidigt stöd",
"våld i", "fler än", "att nå"). The context repair (`pipeline.understand.context_repair`)
uses both.

The shipped seed, ``pipeline/data/domain_lexicon.tsv``, is counted from the clean documents of
the genre corpus's development part (g01–g18; OCR-damaged ones left out) by
``python -m pipeline.lang.domain --build``; the held-out documents (g19–g66) and the real
documents are not counted, so that they measure the repair on text it has not seen. Lines:
``1<TAB>word<TAB>count`` and ``2<TAB>word word<TAB>count``; words lower case, as printed
(diacritics kept).

Each run also *learns* from the archive's own trustworthy text (:func:`trustworthy_counts`:
born-digital text layers and the sure words of good OCR pages; analysts' corrections are
counted by `pipeline.warehouse.lexicon`). The counts are stored with the warehouse (table
``domain_terms``, one document's rows replaced when it is loaded again) and added to the seed
for the repair of the run's OCR pages and transcripts (`pipeline.warehouse.lexicon`).
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.records import PageText, Word

__all__ = [
    "DomainLexicon",
    "LexiconRef",
    "get_domain_lexicon",
    "load_learned",
    "needs_learned",
    "SEED_PATH",
    "trustworthy_counts",
    "words_of",
]

SEED_PATH = Path(__file__).resolve().parent.parent / "data" / "domain_lexicon.tsv"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# a pair of words is counted only when nothing but spaces (or one line break) stands between
_GAP = re.compile(r"[ \t]*\n?[ \t]*")


def words_of(text: str) -> Iterable[tuple[str, str | None]]:
    """(word, previous word or None) for each word of `text`, lower case; the previous word is
    None after punctuation, a digit or a blank line."""
    prev: str | None = None
    pos = 0
    for m in _WORD.finditer(text):
        gap = text[pos : m.start()]
        if not _GAP.fullmatch(gap):
            prev = None
        word = m.group().lower()
        yield word, prev
        prev = word
        pos = m.end()


class DomainLexicon:
    """Unigram and bigram counts of domain text."""

    def __init__(self, unigrams: Counter[str] | None = None, bigrams: Counter[str] | None = None):
        self.unigrams: Counter[str] = unigrams or Counter()
        self.bigrams: Counter[str] = bigrams or Counter()
        self._heads: dict[str, int] | None = None

    def learn(self, text: str) -> None:
        """Add the words and word pairs of one trustworthy text."""
        for word, prev in words_of(text):
            self.unigrams[word] += 1
            if prev is not None:
                self.bigrams[f"{prev} {word}"] += 1
        self._heads = None

    def count(self, word: str) -> int:
        return self.unigrams.get(word.lower(), 0)

    def pair(self, left: str | None, right: str | None) -> int:
        """How often `left right` stands in the domain text (0 when either is None)."""
        if not left or not right:
            return 0
        return self.bigrams.get(f"{left.lower()} {right.lower()}", 0)

    def heads(self, part: str) -> int:
        """How many times a domain word *ends* in `part` as the head of a longer compound
        ("metodstöd", "processtöd" for "stöd")."""
        if self._heads is None:
            heads: Counter[str] = Counter()
            for word, n in self.unigrams.items():
                for k in range(3, min(len(word) - 3, 14) + 1):
                    heads[word[-k:]] += n
            self._heads = dict(heads)
        return self._heads.get(part.lower(), 0)

    def add(self, other: DomainLexicon) -> None:
        """Add another lexicon's counts to this one."""
        self.unigrams.update(other.unigrams)
        self.bigrams.update(other.bigrams)
        self._heads = None

    def digest(self) -> str:
        """sha256[:16] of the counts: the same counts give the same digest, whatever the order
        they were learned in."""
        return hashlib.sha256(self.to_tsv().encode("utf-8")).hexdigest()[:16]

    def logcount(self, word: str) -> float:
        return math.log1p(self.count(word))

    def __len__(self) -> int:
        return len(self.unigrams)

    # ------------------------------------------------------------------ storage

    def to_tsv(self) -> str:
        lines = [f"1\t{w}\t{n}" for w, n in sorted(self.unigrams.items())]
        lines += [f"2\t{w}\t{n}" for w, n in sorted(self.bigrams.items())]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_tsv(cls, text: str) -> DomainLexicon:
        uni: Counter[str] = Counter()
        bi: Counter[str] = Counter()
        for line in text.splitlines():
            kind, _, rest = line.partition("\t")
            word, _, n = rest.rpartition("\t")
            if kind == "1" and n.isdigit():
                uni[word] += int(n)
            elif kind == "2" and n.isdigit():
                bi[word] += int(n)
        return cls(uni, bi)


@dataclass(frozen=True)
class LexiconRef:
    """A learned lexicon written for the workers (`pipeline.warehouse.lexicon`): the file
    (``1/2<TAB>term<TAB>count`` lines, as the seed) and the digest of its counts."""

    path: str
    digest: str


@lru_cache(maxsize=2)
def load_learned(path: str, digest: str) -> DomainLexicon:
    """The seed plus the learned lexicon at `path` (read once per process and digest)."""
    seed = get_domain_lexicon()
    learned = DomainLexicon.from_tsv(Path(path).read_text(encoding="utf-8"))
    lex = drop_minority_spellings(learned, seed)
    lex.add(seed)
    return lex


# ------------------------------------------------------------------ trustworthy text

#: An OCR page is counted only when its mean word confidence is at least this ...
TRUSTED_PAGE_CONF = 85.0
#: ... and of it only the words Tesseract is this sure of. Measured on the sample scans
#: (003 and 000, pages 1-2): every word read at 95 or more is a Swedish word, while a third of
#: the words read at 90-92 are damaged ("Lidgesbeskriviing" 91, "socialtjdnst" 92), so the
#: page mean, or a threshold of 90, would teach the lexicon OCR's mistakes.
TRUSTED_WORD_CONF = 95.0


#: A learned spelling is dropped when another spelling of the same letters (å/ä/ö aside) is
#: this many times more frequent: "stod" beside "stöd", "vald" beside "våld" are damage that
#: a text layer made from an OCR reading carries (the samples' born-digital PDFs do).
MINORITY_RATIO = 4


def drop_minority_spellings(lex: DomainLexicon, reference: DomainLexicon) -> DomainLexicon:
    """`lex` without the words (and pairs holding them) whose other spelling with å/ä/ö is
    `MINORITY_RATIO` times more frequent in `lex` plus `reference` (the seed)."""
    from pipeline.lang.lexicon import fold

    best: dict[str, int] = {}
    for source in (lex, reference):
        for w in set(source.unigrams):
            n = lex.unigrams.get(w, 0) + reference.unigrams.get(w, 0)
            best[fold(w)] = max(best.get(fold(w), 0), n)
    drop = {
        w
        for w in lex.unigrams
        if MINORITY_RATIO * (lex.unigrams[w] + reference.unigrams.get(w, 0)) <= best[fold(w)]
    }
    return DomainLexicon(
        Counter({w: n for w, n in lex.unigrams.items() if w not in drop}),
        Counter({p: n for p, n in lex.bigrams.items() if not set(p.split(" ")) & drop}),
    )


def needs_learned(pages: Iterable[PageText]) -> bool:
    """Whether a document has pages the learned lexicon repairs (OCR or transcript pages;
    born-digital pages are the evidence and are repaired with the seed only)."""
    return any(p.source not in ("text-layer", "none") for p in pages)


def trustworthy_counts(
    pages: Iterable[PageText], clean: Mapping[int, str] | None = None
) -> dict[str, DomainLexicon]:
    """Counts of a document's trustworthy text, per source: ``text-layer`` (pages read from a
    born-digital text layer of good quality; as repaired, ``clean[page_no]``, when given)
    and ``ocr`` (the sure words of OCR pages of high confidence; a pair only of two sure
    words side by side on one line). Transcripts are not counted: nothing says how they were
    made (the samples' are OCR output).

    A document made of text-layer pages only is counted from its repaired text (the seed's
    repair, which leaves clean text as it is, 25 892 of 25 895 words): an old PDF whose layer
    is an OCR reading then teaches "våld", not its "vald"."""
    out: dict[str, DomainLexicon] = {}
    for page in pages:
        if page.quality != "good":
            continue
        if page.source == "text-layer":
            text = clean.get(page.page_no, page.text) if clean else page.text
            out.setdefault("text-layer", DomainLexicon()).learn(text)
        elif page.source == "ocr" and page.words and (page.confidence or 0) >= TRUSTED_PAGE_CONF:
            out.setdefault("ocr", DomainLexicon()).learn(_sure_text(page.words))
    return {k: v for k, v in out.items() if v.unigrams}


def _sure_text(words: Iterable[Word]) -> str:
    """The page's words in reading order, one line per OCR line (a blank line between
    paragraphs), each unsure word replaced by a full stop so that no pair is counted across
    it."""
    out: list[str] = []
    last: tuple[int, int, int] | None = None
    for w in words:
        key = (w.block, w.par, w.line)
        if last is not None and key != last:
            out.append("\n" if key[:2] == last[:2] else "\n\n")
        elif last is not None:
            out.append(" ")
        out.append(w.text if w.conf >= TRUSTED_WORD_CONF else ".")
        last = key
    return "".join(out)


@lru_cache(maxsize=1)
def get_domain_lexicon() -> DomainLexicon:
    """The shipped seed lexicon (empty when the file is missing)."""
    if not SEED_PATH.is_file():
        return DomainLexicon()
    return DomainLexicon.from_tsv(SEED_PATH.read_text(encoding="utf-8"))


# Corpus documents that are OCR-damaged on purpose: not trustworthy text.
_DAMAGED = re.compile(r"ocr", re.IGNORECASE)
# Only the genre corpus's development part (g01–g18) is counted: its held-out part (g19–g66)
# and the real documents stay unseen, so that their figures measure the repair honestly.
_SEED_DOC = re.compile(r"g(0[1-9]|1[0-8])_")


def build_seed(corpus_dirs: Iterable[Path]) -> DomainLexicon:
    """Count every clean ``*.txt`` document under the given corpus folders."""
    lex = DomainLexicon()
    for folder in corpus_dirs:
        for path in sorted(folder.rglob("*.txt")):
            if _DAMAGED.search(path.name) or not _SEED_DOC.match(path.name):
                continue
            lex.learn(path.read_text(encoding="utf-8"))
    return lex


def main(argv: list[str]) -> int:
    if argv[:1] != ["--build"]:
        print("usage: python -m pipeline.lang.domain --build [CORPUS_DIR ...]", file=sys.stderr)
        return 2
    repo = SEED_PATH.parent.parent.parent
    dirs = [Path(a) for a in argv[1:]] or [repo / "tests/resources/corpus/genre/docs"]
    lex = build_seed(dirs)
    SEED_PATH.write_text(lex.to_tsv(), encoding="utf-8")
    print(f"{SEED_PATH}: {len(lex.unigrams)} words, {len(lex.bigrams)} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
