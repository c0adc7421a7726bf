"""Run the per-document stages (parse and extract) on a Dask distributed cluster.

``kg build --scheduler tcp://host:8786`` sends batches of articles to the workers of a running
cluster; ``--scheduler local:N`` starts a ``LocalCluster`` of N single-threaded worker processes
on this machine. Each worker loads the spaCy pipeline once and returns plain extraction records;
the corpus-wide steps (resolution, meeting merge) and the writing stay on the client, so the
output is the same generation a plain build writes. Workers need this package and the spaCy
model installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from kg.errors import UsageError
from kg.model import Document, document_from_record, document_record

BATCH = 8


def _extract_batch(items: list[tuple[dict, str]]) -> list[dict]:
    """Worker side: parse and extract a batch of articles, one record per article."""
    from kg.annotate import extract_records, load_pipeline
    from kg.vocab import load_vocabulary

    nlp = load_pipeline(load_vocabulary())
    documents = [document_from_record(meta, text) for meta, text in items]
    return [record for _, record in extract_records(documents, nlp, 1)]


@contextmanager
def _client(scheduler: str) -> Iterator[object]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError(
            "--scheduler needs Dask distributed",
            why="the dask[distributed] package is not installed",
            fix="pip install 'diplomacy-kg[cluster]'",
        ) from exc
    if scheduler.startswith("local:"):
        try:
            n = int(scheduler.split(":", 1)[1])
        except ValueError:
            n = 0
        if n < 1:
            raise UsageError(f"bad --scheduler {scheduler!r}", fix="write local:N with N >= 1, or an address")
        with LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            with Client(cluster) as client:
                yield client
        return
    try:
        client = Client(scheduler, timeout="8s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(
            "cannot reach the Dask scheduler",
            where=scheduler,
            why=str(exc),
            fix="check the address (tcp://HOST:8786) or use --scheduler local:N",
        ) from exc
    with client:
        yield client


def extract_on_cluster(
    documents: list[Document], scheduler: str, done: Callable[[Document, dict], None]
) -> None:
    """Extract ``documents`` on the cluster; ``done(document, record)`` is called for each, in
    the documents' order."""
    from distributed import as_completed

    batches = [documents[k : k + BATCH] for k in range(0, len(documents), BATCH)]
    with _client(scheduler) as client:
        futures = {
            client.submit(_extract_batch, [(document_record(d), d.text) for d in batch], pure=False): k
            for k, batch in enumerate(batches)
        }
        results: dict[int, list[dict]] = {}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
        for k, batch in enumerate(batches):
            for document, record in zip(batch, results[k]):
                done(document, record)
