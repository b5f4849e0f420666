"""Figures of the OCR repair for README's quality section.

    python -m pipeline.devtools.repair_report [--samples-db DB] [--genre DIR=DB ...]

1. **WER on damaged text**: the damaged seed transcripts (000, 003) against careful readings
   of them written by hand (``tests/resources/repair/NNN_reference.txt``), as printed, after the
   lexicon pass alone (`understand.repair`, the repair before the context pass) and after both;
   after both also with a lexicon *learned* as a run learns it from an archive's trustworthy
   pages (the seed plus every clean corpus document, none of which is a seed).
2. **Changes on clean text**: every clean corpus document (genre and real documents, the
   OCR-damaged ones left out) repaired with a domain lexicon counted from the *other*
   documents (leave one out, so that a document's own words do not vouch for it). On clean
   text every change breaks a correct word: the figure is the share of words left intact.
3. **Precision of changes on the damaged seeds**: a change is right when its result is the
   word of the careful reading on that line and its input was not.
4. **Exact names and criteria** (``--samples-db``, ``--genre``): of the project names and
   criteria that the evaluator matches to gold, the share that are letter-for-letter right.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from pathlib import Path

from pipeline.evaluate.gold import load_gold_dir, match_stem
from pipeline.evaluate.matching import (
    _item_text,
    _project_ratio,
    _ratio,
    match_best_first,
    strict_key,
    wer,
)
from pipeline.evaluate.schema import PROJECT_MIN_RATIO, TEXT_MIN_RATIO
from pipeline.evaluate.warehouse import read_warehouse
from pipeline.lang.domain import DomainLexicon
from pipeline.lang.lexicon import get_lexicon
from pipeline.understand.context_repair import ContextRepairer
from pipeline.understand.repair import repair_text

REPO = Path(__file__).resolve().parent.parent.parent
REFERENCES = REPO / "tests" / "resources" / "repair"
SEEDS = REPO / "raw" / "transcripts"
CORPORA = (
    REPO / "tests" / "resources" / "corpus" / "genre" / "docs",
    REPO / "tests" / "resources" / "corpus" / "realdocs" / "docs",
)
_WORD = re.compile(r"[^\W\d_]+")


def _repair_both(
    text: str, rep: ContextRepairer
) -> tuple[str, str, int, list[tuple[int, str, str]]]:
    lexicon_pass = repair_text(text)
    lines, changes = rep.repair_lines(lexicon_pass.split("\n"))
    return (
        lexicon_pass,
        "\n".join(lines),
        len(changes),
        [(c.line_no, c.before, c.after) for c in changes],
    )


def damaged_seeds(rep: ContextRepairer) -> list[dict[str, object]]:
    """WER before and after, and precision of the context pass's changes, per damaged seed."""
    rows: list[dict[str, object]] = []
    for ref_path in sorted(REFERENCES.glob("*_reference.txt")):
        num = ref_path.name[:3]
        seed = next(SEEDS.glob(f"{num}_*.txt"))
        printed = seed.read_text(encoding="utf-8")
        reference = ref_path.read_text(encoding="utf-8")
        lexicon_pass, both, n, changes = _repair_both(printed, rep)
        ref_lines = reference.split("\n")
        right = 0
        for line_no, before, after in changes:
            near = " ".join(ref_lines[max(0, line_no - 1) : line_no + 2])
            words = {w.lower() for w in _WORD.findall(near)}
            after_words = [w.lower() for w in _WORD.findall(after)]
            if all(w in words for w in after_words) and before.lower() not in words:
                right += 1
        rows.append(
            {
                "seed": num,
                "wer_printed": wer(printed, reference),
                "wer_lexicon": wer(lexicon_pass, reference),
                "wer_both": wer(both, reference),
                "changes": n,
                "right": right,
            }
        )
    return rows


def learned_repairer(corpora: Iterable[Path] = CORPORA) -> ContextRepairer:
    """The repairer a run would use after learning the clean corpus documents."""
    from collections import Counter

    from pipeline.lang.domain import get_domain_lexicon
    from pipeline.understand.context_places import gazetteer_names, neighbourhood_homes
    from pipeline.warehouse.lexicon import MIN_DOCUMENTS

    counts, docs = DomainLexicon(), DomainLexicon()
    for folder in corpora:
        for p in sorted(folder.glob("*.txt")):
            if "ocr" not in p.name.lower():
                one = DomainLexicon()
                one.learn(p.read_text(encoding="utf-8"))
                counts.add(one)
                docs.add(DomainLexicon(Counter(set(one.unigrams)), Counter(set(one.bigrams))))
    lex = DomainLexicon(  # a learned term counts once MIN_DOCUMENTS documents have it
        Counter({t: n for t, n in counts.unigrams.items() if docs.unigrams[t] >= MIN_DOCUMENTS}),
        Counter({t: n for t, n in counts.bigrams.items() if docs.bigrams[t] >= MIN_DOCUMENTS}),
    )
    lex.add(get_domain_lexicon())
    return ContextRepairer(get_lexicon(), lex, gazetteer_names(), neighbourhood_homes())


def clean_texts(corpora: Iterable[Path] = CORPORA) -> dict[str, int]:
    """Leave-one-out repair of every clean corpus document: words, and words changed."""
    docs = [
        p for folder in corpora for p in sorted(folder.glob("*.txt")) if "ocr" not in p.name.lower()
    ]
    from pipeline.understand.context_places import gazetteer_names, neighbourhood_homes

    lex = get_lexicon()
    places, homes = gazetteer_names(), neighbourhood_homes()
    words = changed = 0
    broken: list[str] = []
    for doc in docs:
        others = DomainLexicon()
        for other in docs:
            if other != doc:
                others.learn(other.read_text(encoding="utf-8"))
        rep = ContextRepairer(lex, others, places, homes)
        text = doc.read_text(encoding="utf-8")
        lines, changes = rep.repair_lines(repair_text(text).split("\n"))
        words += len(_WORD.findall(text))
        changed += len(changes)
        broken += [f"{doc.stem}: {c.before} -> {c.after}" for c in changes]
    for b in broken:
        print("  changed on clean text:", b)
    return {"documents": len(docs), "words": words, "changed": changed}


def exact_rate(gold_dir: Path, db: Path) -> dict[str, tuple[int, int]]:
    """(letter-exact, matched) for project names and criteria matched to gold."""
    golds = load_gold_dir(gold_dir)
    docs, _ = read_warehouse(db)
    out = {"projects": [0, 0], "criteria": [0, 0]}
    for doc in docs:
        m = match_stem(doc.source_path, golds)
        if m is None:
            continue
        g, p = golds[m[0]].annotation, doc.annotation
        for i, j in match_best_first(g.projects, p.projects, _project_ratio, PROJECT_MIN_RATIO):
            names = (g.projects[i].name, *g.projects[i].aliases)
            out["projects"][0] += any(
                strict_key(n) == strict_key(p.projects[j].name) for n in names
            )
            out["projects"][1] += 1
        pairs = match_best_first(
            g.criteria,
            p.criteria,
            lambda a, b: _ratio(_item_text(a.text), _item_text(b.text)),
            TEXT_MIN_RATIO,
        )
        for i, j in pairs:
            out["criteria"][0] += strict_key(g.criteria[i].text) == strict_key(p.criteria[j].text)
            out["criteria"][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples-db", type=Path, action="append", default=[])
    ap.add_argument("--genre", action="append", default=[], metavar="GOLD_DIR=DB")
    args = ap.parse_args(argv)
    from pipeline.understand.context_repair import get_context_repairer

    rep = get_context_repairer()
    for row in damaged_seeds(rep):
        print(
            f"seed {row['seed']}: WER printed {row['wer_printed']:.2%}, lexicon pass "
            f"{row['wer_lexicon']:.2%}, with context pass {row['wer_both']:.2%}; context-pass "
            f"changes {row['changes']}, right {row['right']}"
        )
    for row in damaged_seeds(learned_repairer()):
        print(
            f"seed {row['seed']} with a learned lexicon: WER {row['wer_both']:.2%}; "
            f"context-pass changes {row['changes']}, right {row['right']}"
        )
    clean = clean_texts()
    share = 1 - clean["changed"] / max(clean["words"], 1)
    print(
        f"clean text (leave one out): {clean['documents']} documents, {clean['words']} words, "
        f"{clean['changed']} changed; words left intact {share:.4f}"
    )
    for db in args.samples_db:
        for k, (a, n) in exact_rate(REPO / "tests" / "gold", db).items():
            print(f"samples {db}: {k} exact {a}/{n} = {a / max(n, 1):.3f}")
    for spec in args.genre:
        gold, _, db = spec.partition("=")
        for k, (a, n) in exact_rate(Path(gold), Path(db)).items():
            print(f"{gold} {db}: {k} exact {a}/{n} = {a / max(n, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
