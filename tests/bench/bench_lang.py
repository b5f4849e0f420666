"""Issue 19, understanding and extraction of text: the lexicon's start-up and cue matching.

    python tests/bench/bench_lang.py [--repeat 3] [--baseline /path/to/other/checkout]

lexicon  `get_lexicon()` in a fresh process (wall and CPU; the disk cache warm, as after the
         first run), target ≤ 0.3 s idle
cues     every `facts.cues.cue_hits` call that understanding + extracting the genre corpus's
         transcripts and a 204-page born-digital PDF make (recorded once with this tree),
         replayed with cold caches: CPU seconds, best of --repeat, and whether the answers
         equal this tree's

With ``--baseline`` each figure is measured for that checkout too (``PYTHONPATH`` pointed at
it), interleaved, and the ratio printed. Run on an idle machine (see README.md here).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PY = sys.executable

LEXICON = r"""
import time
w, c = time.perf_counter(), time.process_time()
from pipeline.lang.lexicon import get_lexicon
get_lexicon()
print(time.perf_counter() - w, time.process_time() - c)
"""

RECORD = r"""
import pickle, sys
from pathlib import Path
import pipeline.facts.cues as C
calls = []
orig = C.cue_hits
def rec(text, group, scope=None):
    calls.append((text, group, scope))
    return orig(text, group, scope)
import importlib, pkgutil, pipeline.facts, pipeline.understand
for pkg in (pipeline.facts, pipeline.understand):
    for m in pkgutil.iter_modules(pkg.__path__):
        mod = importlib.import_module(f"{pkg.__name__}.{m.name}")
        if getattr(mod, "cue_hits", None) is orig:
            mod.cue_hits = rec
from pipeline.config import OcrSettings
from pipeline.facts.stage import extract
from pipeline.records import SourceFile
from pipeline.text.document import read_text_pages
from pipeline.text.stage import assemble, transcript_document
from pipeline.text.transcript import read_transcript
from pipeline.understand.stage import understand
from tests.helpers import letter_text, text_pdf
out, tmp = Path(sys.argv[1]), Path(sys.argv[2])
pdf = text_pdf(tmp / "born204.pdf", [letter_text(i) for i in range(204)])
for src in [pdf, *sorted(Path("tests/resources/corpus/genre/docs").glob("*.txt"))]:
    sf = SourceFile(str(src), src.name, "0" * 64, "0" * 16, src.stat().st_size, "x")
    if src.suffix == ".pdf":
        doc = assemble(sf, list(read_text_pages(src, OcrSettings()).pages))
    else:
        doc = transcript_document(sf, read_transcript(src))
    extract(understand(doc))
out.write_bytes(pickle.dumps(calls))
"""

REPLAY = r"""
import pickle, sys, time
import pipeline.facts.cues as C
calls = pickle.loads(open(sys.argv[1], "rb").read())
best = float("inf")
for _ in range(int(sys.argv[3])):
    for name in ("_cue_hits", "_skeleton", "_loose"):
        getattr(getattr(C, name, None), "cache_clear", lambda: None)()
    t = time.process_time()
    out = [C.cue_hits(*c) for c in calls]
    best = min(best, time.process_time() - t)
key = [[(h.cue.group, h.cue.phrase, h.start, h.end) for h in hs] for hs in out]
if sys.argv[2] == "-":  # this tree: keep its answers for the other checkout
    open(sys.argv[4], "wb").write(pickle.dumps(key))
    print(best, "-")
else:
    with open(sys.argv[2], "rb") as f:
        print(best, key == pickle.load(f))
"""


def child(tree: Path, code: str, *args: str) -> str:
    """Run `code` with `tree`'s pipeline (in `tree`: ``python -c`` puts the cwd first)."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run(
        [PY, "-c", code, *args], env=env, cwd=tree, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline")
    args = ap.parse_args()
    trees = [("this tree", REPO)] + ([("baseline", Path(args.baseline))] if args.baseline else [])
    print(f"load average {os.getloadavg()[0]:.2f} at start")
    child(REPO, LEXICON)  # warm this tree's disk cache
    for name, tree in trees:
        runs = [child(tree, LEXICON).split() for _ in range(args.repeat)]
        walls = sorted(float(w) for w, _c in runs)
        cpus = sorted(float(c) for _w, c in runs)
        print(
            f"lexicon: {name}: wall {walls[len(walls) // 2]:.3f} s, CPU {cpus[len(cpus) // 2]:.3f} s"
        )
    with tempfile.TemporaryDirectory() as tmp:
        calls, mine = Path(tmp) / "calls.pkl", Path(tmp) / "answers.pkl"
        child(REPO, RECORD, str(calls), tmp)
        base, _ = child(REPO, REPLAY, str(calls), "-", str(args.repeat), str(mine)).split(" ", 1)
        got = {"this tree": float(base)}
        print(f"cues: this tree: {float(base):.3f} s CPU")
        for name, tree in trees[1:]:
            secs, same = child(tree, REPLAY, str(calls), str(mine), str(args.repeat)).split()
            got[name] = float(secs)
            print(f"cues: {name}: {float(secs):.3f} s CPU, same answers: {same}")
        if "baseline" in got:
            print(f"cues: {got['baseline'] / got['this tree']:.2f}x the baseline's speed")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
