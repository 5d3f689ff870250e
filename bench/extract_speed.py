"""Extraction speed next to spaCy's blank English tokenizer and quantulum3 (one core).

    .venv/bin/pip install spacy quantulum3     # the `bench` extra
    .venv/bin/python bench/extract_speed.py [--mb 5]

Builds >= 5 MB of text from examples/ and the shared seeds (repeated), then reports
MB/s and documents/s for tipwatch's fact extraction, the same for ``spacy.blank("en")``
over ``nlp.pipe`` and for ``quantulum3.parser.parse`` (on a sample, extrapolated), the
ratios, the peak memory of extraction (tracemalloc) and a linearity check (one
document 10 times longer should take about 10 times as long).
Targets: >= 3x the tokenizer, >= 100x quantulum3, < 300 MB, linear.
Times are CPU time of this process (``time.process_time``): on a shared machine wall time
also counts the other processes.
"""

from __future__ import annotations

import argparse
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from tipwatch.extract import Rules, extract_facts, find_claims, load_rules
from tipwatch.model import CleanDocument, RawDocument
from tipwatch.resolve import judge_claims

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "seeds", ROOT / "tests" / "devset" / "articles"]


def corpus_documents() -> list[str]:
    docs = []
    for folder in SOURCES:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in (".txt", ".html"):
                    text = path.read_text("utf-8", errors="replace")
                    if path.suffix == ".html":
                        text = re.sub(r"<[^>]+>", " ", text)
                    docs.append(text)
    if not docs:
        raise SystemExit("no documents found in examples/ or ../shared/seeds")
    return docs


def build(docs: list[str], megabytes: float) -> list[str]:
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    while size < target:
        for doc in docs:
            out.append(doc)
            size += len(doc.encode("utf-8"))
            if size >= target:
                break
    return out


def _clean(text: str, published: str = "2023") -> CleanDocument:
    raw = RawDocument(doc="bench", text=text, original=text, published=published)
    return CleanDocument(raw=raw, text=text)


def timed(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _facts_and_claims(doc: CleanDocument, rules: Rules) -> int:
    facts = extract_facts(doc, rules)
    claims, derived = find_claims(doc, facts, rules)
    return len(judge_claims(claims, facts + derived))


def run_tipwatch(docs: list[str]) -> float:
    """Clean text in, facts and claims (judged) out."""
    rules = load_rules()
    cleaned = [_clean(d) for d in docs]
    return timed(lambda: [_facts_and_claims(d, rules) for d in cleaned])


def run_spacy(docs: list[str]) -> float | None:
    try:
        import spacy
    except ImportError as exc:
        print(f"spaCy not importable ({exc}); skipping its ratio")
        return None
    nlp = spacy.blank("en")
    nlp.max_length = 10**8
    return timed(lambda: [len(d) for d in nlp.pipe(docs, batch_size=64)])


def run_quantulum(docs: list[str], sample_chars: int) -> float | None:
    try:
        from quantulum3 import parser
    except Exception as exc:  # quantulum3 fails to import on some versions of its dependencies
        print(f"quantulum3 not importable ({type(exc).__name__}: {exc}); skipping its ratio")
        return None
    sample: list[str] = []
    size = 0
    for doc in docs:
        sample.append(doc)
        size += len(doc)
        if size >= sample_chars:
            break
    seconds = timed(lambda: [parser.parse(d) for d in sample])
    total = sum(len(d) for d in docs)
    return seconds * total / size  # extrapolated to the whole corpus


def peak_memory(docs: list[str]) -> float:
    rules = load_rules()
    tracemalloc.start()
    for d in docs:
        extract_facts(_clean(d), rules)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1_000_000


def linearity(docs: list[str]) -> float:
    rules = load_rules()
    one = "\n\n".join(docs[:5])
    ten = "\n\n".join([one] * 10)
    t1 = min(timed(lambda: extract_facts(_clean(one), rules)) for _ in range(3))
    t10 = min(timed(lambda: extract_facts(_clean(ten), rules)) for _ in range(3))
    return t10 / t1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--quantulum-sample", type=int, default=60_000, help="characters given to quantulum3")
    args = ap.parse_args()
    docs = build(corpus_documents(), args.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB")
    t_tw = run_tipwatch(docs)
    print(f"tipwatch facts+claims: {mb / t_tw:8.2f} MB/s  {len(docs) / t_tw:9.0f} docs/s  ({t_tw:.2f} s)")
    t_sp = run_spacy(docs)
    if t_sp:
        print(f"spaCy blank('en') pipe: {mb / t_sp:8.2f} MB/s  {len(docs) / t_sp:9.0f} docs/s  ({t_sp:.2f} s)")
        print(f"  ratio tipwatch/spaCy tokenizer: {t_sp / t_tw:.2f}x (target >= 3x)")
    t_q = run_quantulum(docs, args.quantulum_sample)
    if t_q:
        print(f"quantulum3 parse (extrapolated): {mb / t_q:8.4f} MB/s  ({t_q:.1f} s)")
        print(f"  ratio tipwatch/quantulum3: {t_q / t_tw:.0f}x (target >= 100x)")
    peak = peak_memory(docs[: max(1, len(docs) // 5)])
    print(f"peak traced memory (extraction of 1/5 of the corpus, one document at a time): {peak:.1f} MB (target < 300)")
    ratio = linearity(docs)
    print(f"linearity: 10x document takes {ratio:.1f}x the time of 1x (linear ~ 10)")


if __name__ == "__main__":
    main()
