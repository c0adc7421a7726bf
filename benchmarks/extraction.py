"""Print how long extraction takes beside spaCy on the same parsed texts.

    python benchmarks/extraction.py FOLDER [FOLDER ...]

Parses every .txt article once with the project's pipeline (model, gazetteer, paragraphs), then
times `extract` on the parsed documents, and prints both times and extraction's share. Figures,
not a test: run it before and after a change to the extractor.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kg.annotate import annotate, load_pipeline
from kg.extract import extract
from kg.read_documents import read_documents
from kg.vocab import load_vocabulary


def main(folders: list[str]) -> None:
    paths = sorted(p for d in folders for p in Path(d).iterdir() if p.suffix == ".txt")
    loaded = read_documents(paths)
    vocab = load_vocabulary()
    nlp = load_pipeline(vocab)
    list(annotate(loaded.documents[:1], nlp, 1))  # warm up
    t0 = time.perf_counter()
    parsed = list(annotate(loaded.documents, nlp, 1))
    t1 = time.perf_counter()
    claims = meetings = 0
    for document, doc in parsed:
        x = extract(doc, document, vocab)
        claims, meetings = claims + len(x.claims), meetings + len(x.meetings)
    t2 = time.perf_counter()
    chars = sum(len(d.text) for d in loaded.documents)
    print(f"articles {len(parsed)}  characters {chars}  claims {claims}  meeting mentions {meetings}")
    print(f"spaCy pipeline  {t1 - t0:7.2f} s")
    print(f"extraction      {t2 - t1:7.2f} s  ({(t2 - t1) / (t1 - t0):.2f}x the pipeline)")
    print(f"throughput      {len(parsed) / (t2 - t0):7.1f} articles/s, one process")


if __name__ == "__main__":
    main(sys.argv[1:] or ["seeds"])
