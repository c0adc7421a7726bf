"""Benchmark (not a test): kg serve start-up and kg push throughput, on the seeds and on a
synthetic corpus of 1,000 articles. Prints figures; pushes go to an Oxigraph server on loopback
(and to Virtuoso too when it is installed).

    .venv/bin/python benchmarks/serve_push.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import free_port, start_virtuoso, virtuoso_available, wait_http  # noqa: E402
from synthetic import write_corpus  # noqa: E402

from kg.pipeline import build  # noqa: E402
from kg.remote import push  # noqa: E402
from kg.serve import Gatekeeper, oxigraph_binary  # noqa: E402


def timed_push(what: str, out: Path, endpoint: str, **auth: str) -> None:
    t0 = time.perf_counter()
    done = push(out, endpoint, **auth)
    dt = time.perf_counter() - t0
    n = sum(d.triples for d in done)
    print(f"{what}: {n} triples in {len(done)} graphs, {dt:.2f} s, {n / dt:,.0f} triples/s")


def measure(label: str, corpus: Path, work: Path) -> None:
    out = work / f"out-{label}"
    t0 = time.perf_counter()
    report = build([corpus], out)
    t_build = time.perf_counter() - t0
    print(f"[{label}] build: {report.documents} docs, {report.triples} triples in {t_build:.1f} s")

    t0 = time.perf_counter()
    gate = Gatekeeper(out, "127.0.0.1", free_port())
    gate.start()
    t_start = time.perf_counter() - t0
    gate.stop()
    print(f"[{label}] kg serve start-up until the endpoint answers: {t_start * 1000:.0f} ms")

    port = free_port()
    target = work / f"oxi-{label}"
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(target), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        timed_push(f"[{label}] push to Oxigraph", out, f"http://127.0.0.1:{port}/store")
    finally:
        proc.terminate()
        proc.wait()
    if virtuoso_available():
        vdir = work / f"virtuoso-{label}"
        vdir.mkdir()
        vproc, vport = start_virtuoso(vdir)
        try:
            crud = f"http://127.0.0.1:{vport}/sparql-graph-crud-auth"
            timed_push(f"[{label}] push to Virtuoso", out, crud, user="dba", password="dba", auth="digest")
        finally:
            vproc.terminate()
            vproc.wait()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        measure("seeds", ROOT / "seeds", work)
        corpus = work / "synthetic"
        write_corpus(corpus, args.articles)
        measure(f"synthetic-{args.articles}", corpus, work)


if __name__ == "__main__":
    main()
