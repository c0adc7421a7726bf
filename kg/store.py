"""The embedded pyoxigraph store under the output folder: load, query, dump."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import StoreError

if TYPE_CHECKING:
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


def _keyed(quads: Iterable[ox.Quad]) -> list[tuple[str, str, str, str, ox.Quad]]:
    return sorted((str(q.graph_name), str(q.subject), str(q.predicate), str(q.object), q) for q in quads)


def _union(keyed: list[tuple[str, str, str, str, ox.Quad]]) -> list[ox.Triple]:
    out: list[ox.Triple] = []
    last = None
    for _, s, p, o, q in sorted(keyed, key=lambda k: (k[1], k[2], k[3])):
        if (s, p, o) != last:  # a triple stated in two graphs is one triple of the union
            out.append(q.triple)
            last = (s, p, o)
    return out


def union_triples(store: ox.Store) -> list[ox.Triple]:
    """Every distinct triple of the named graphs, ordered by subject, predicate and object."""
    return _union(_keyed(store))


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
