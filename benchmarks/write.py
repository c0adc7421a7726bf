"""Print how long the write phase of a build takes on a synthetic corpus.

    python benchmarks/write.py [N]        (default 1000 articles)

Extracts N synthetic articles once (kept in a cache folder beside the corpus, so reruns skip
spaCy), then times: building the RDF dataset, loading the store and serialising Turtle, TriG
and N-Quads from it, and `kg export` of Turtle and N-Triples from the store.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

from kg.cache import ExtractionCache  # noqa: E402
from kg.export import export_graph  # noqa: E402
from kg.pipeline import extract_corpus  # noqa: E402
from kg.store import STORE_DIR, write_store  # noqa: E402
from kg.to_graph import PREFIXES, to_graph  # noqa: E402
from kg.vocab import load_vocabulary  # noqa: E402


def main(n: int) -> None:
    root = Path(tempfile.gettempdir()) / f"kg-bench-write-{n}"
    corpus = root / "articles"
    if not corpus.is_dir():
        write_corpus(corpus, n)
    t0 = time.perf_counter()
    result, _ = extract_corpus([corpus], cache=ExtractionCache(root / "cache"))
    t1 = time.perf_counter()
    quads = to_graph(result, load_vocabulary())
    t2 = time.perf_counter()
    out = Path(tempfile.mkdtemp(dir=root))
    triples, files = write_store(out / STORE_DIR, quads, PREFIXES)
    t3 = time.perf_counter()
    sizes = ", ".join(f"{k} {len(v) / 1e6:.1f} MB" for k, v in files.items())
    print(f"articles {n}  quads {triples}  ({sizes})")
    print(f"extract (cached after the first run)  {t1 - t0:7.2f} s")
    print(f"to_graph (pyoxigraph quads)             {t2 - t1:7.2f} s")
    print(f"store load + ttl/trig/nq               {t3 - t2:7.2f} s")
    for fmt in ("turtle", "nt"):
        t = time.perf_counter()
        data = export_graph(out, fmt)
        took = time.perf_counter() - t
        print(f"kg export {fmt:<7}                     {took:7.2f} s  ({len(data) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
