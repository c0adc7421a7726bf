"""Print the build figures of issue 10 as ratios measured in one run, on a synthetic corpus.

    python benchmarks/build.py [N]      (default 200 articles; the issue's figures use 1000)

- kg build vs bare ``nlp.pipe`` (the same model, texts and processes) at --jobs 1 and 2, with the
  models already loaded, and at --jobs 1 from cold (each side loading its model in the timing);
- an incremental rebuild after one article changed vs a full build (and their outputs compared);
- kg export (Turtle) vs a raw pyoxigraph dump of the store;
- each bundled query through kg vs the same SPARQL on raw pyoxigraph, and with a filter;
- kg validate; peak RSS of this process and its children.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox  # noqa: E402
import spacy  # noqa: E402
from synthetic import write_corpus  # noqa: E402

from kg import settings  # noqa: E402
from kg.export import export_graph  # noqa: E402
from kg.pipeline import build  # noqa: E402
from kg.query import Filters, bundled, query_text, run_query  # noqa: E402
from kg.validate import validate_output  # noqa: E402


def timed(fn, *args, **kw) -> tuple[float, object]:
    t = time.perf_counter()
    value = fn(*args, **kw)
    return time.perf_counter() - t, value


def median_time(fn, runs: int = 5) -> float:
    return statistics.median(timed(fn)[0] for _ in range(runs))


def main(n: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    corpus = root / "articles"
    write_corpus(corpus, n)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
    print(f"synthetic articles: {n} ({sum(map(len, texts))} characters) in {root}")
    # cold: each side loads its model inside the timing (kg's first build in this process loads
    # and keeps its pipeline); warm: both models already loaded
    t_bare, _ = timed(lambda: list(spacy.load(settings.model_name()).pipe(texts, batch_size=8)))
    t_kg, report = timed(build, [corpus], root / "out-cold", jobs=1, full=True)
    print(
        f"--jobs 1, cold: spacy.load + nlp.pipe {t_bare:6.2f} s, kg build {t_kg:6.2f} s "
        f"-> throughput {t_bare / t_kg:4.2f}x of bare spaCy ({report.triples} quads)"
    )
    bare = spacy.load(settings.model_name())
    for jobs in (1, 2):
        t_bare, _ = timed(lambda j=jobs: list(bare.pipe(texts, n_process=j, batch_size=8)))
        out = root / f"out-j{jobs}"
        t_kg, report = timed(build, [corpus], out, jobs=jobs, full=True)
        print(
            f"--jobs {jobs}, warm: nlp.pipe {t_bare:6.2f} s, kg build {t_kg:6.2f} s "
            f"-> throughput {t_bare / t_kg:4.2f}x of bare spaCy ({report.triples} quads)"
        )
    out = root / "out-j1"
    first = sorted(corpus.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nRussia demanded an end to NATO expansion.\n")
    t_full, _ = timed(build, [corpus], root / "full", full=True)
    t_inc, rep = timed(build, [corpus], out)
    same = all((out / f).read_bytes() == (root / "full" / f).read_bytes() for f in ("graph.ttl", "graph.nq"))
    print(
        f"incremental after 1 of {n} changed: {t_inc:6.2f} s vs full {t_full:6.2f} s "
        f"-> {t_inc / t_full:5.1%} ({rep.reused} reused; output identical: {same})"
    )
    store = ox.Store.read_only(str(out / "store"))
    t_export = median_time(lambda: export_graph(out, "turtle"), 3)
    t_dump = median_time(lambda: store.dump(format=ox.RdfFormat.N_QUADS), 3)
    print(f"kg export turtle {t_export * 1000:7.1f} ms vs raw store dump {t_dump * 1000:7.1f} ms")
    for name in bundled():
        text = query_text(name)
        t_kg = median_time(lambda q=name: run_query(out, q))
        t_raw = median_time(lambda t=text: list(store.query(t, use_default_graph_as_union=True)))
        line = f"query {name:10s} kg {t_kg * 1000:7.1f} ms, raw {t_raw * 1000:7.1f} ms ({t_kg / t_raw:4.2f}x)"
        if "?demand" in text or "?demandKey" in text:
            t_f = median_time(lambda q=name: run_query(out, q, Filters(demand="nato-non-expansion")))
            line += f", --demand {t_f * 1000:7.1f} ms"
        print(line)
    store = None  # closes it before validation opens the store again
    t_val, _ = timed(validate_output, out)
    print(f"kg validate {t_val:6.2f} s")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: this process {own:7.1f} MiB, largest child {kids:7.1f} MiB")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
