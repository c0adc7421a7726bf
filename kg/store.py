"""The embedded pyoxigraph store under the output folder: load, query, dump."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.to_graph import Quads

STORE_DIR = "store"


def store_path(out: Path) -> Path:
    return Path(out) / STORE_DIR


def write_store(path: Path, quads: Quads, prefixes: dict[str, str]) -> tuple[int, dict[str, bytes]]:
    """Create a store at ``path`` from ``quads`` and serialise it, from the store's own writers, as
    ``graph.ttl`` (the union of the named graphs), ``graph.trig`` and ``graph.nq``, in an order
    that depends only on the content. Returns the number of quads and the files' bytes."""
    ordered = quads.sorted_quads()
    store = ox.Store(str(path))
    store.bulk_extend(ordered)
    store.flush()
    del store
    files = {
        "graph.nq": ox.serialize(ordered, format=ox.RdfFormat.N_QUADS),
        "graph.trig": ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=prefixes),
        "graph.ttl": ox.serialize(quads.union_triples(), format=ox.RdfFormat.TURTLE, prefixes=prefixes),
    }
    return len(ordered), files


def union_triples(store: ox.Store) -> list[ox.Triple]:
    """Every distinct triple of the named graphs, ordered by subject, predicate and object."""
    return Quads.of(store).union_triples()


def require_store(out: Path) -> Path:
    """The store folder that ``kg build --out OUT`` wrote, or a StoreError saying what to run."""
    path = store_path(out)
    if not path.is_dir():
        raise StoreError(
            "no built graph here",
            where=str(path),
            why="the store is written by kg build",
            fix=f"run: kg build --out {out}",
        )
    return path


def open_store(out: Path, read_only: bool = True) -> ox.Store:
    """Open the store that ``kg build --out OUT`` wrote."""
    path = require_store(out)
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise StoreError(
            "cannot open the store",
            where=str(path),
            why=str(exc),
            fix="close other programs using it (kg serve) or re-run kg build",
        ) from exc
