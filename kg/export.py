"""Export the built graph in RDF formats (from the pyoxigraph store)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError
from kg.store import open_store, union_triples
from kg.to_graph import PREFIXES

RDF_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ttl": (ox.RdfFormat.TURTLE, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (None, True),
}


GRAPH_FORMATS = ("graphml", "gexf")


def export_graph(out: Path, fmt: str) -> bytes:
    """The graph in ``fmt`` (turtle, trig, nt, nquads, jsonld; graphml, gexf) as bytes."""
    if fmt in GRAPH_FORMATS:
        from kg.project import project, write_exchange

        return write_exchange(project(out, "overview"), fmt)
    if fmt not in RDF_FORMATS:
        raise UsageError(
            f"unknown export format {fmt!r}",
            fix=f"use one of {', '.join(sorted(RDF_FORMATS) + list(GRAPH_FORMATS))}",
        )
    store = open_store(out)
    target, quads = RDF_FORMATS[fmt]
    if target is None:
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
        return ds.serialize(format="json-ld", indent=2).encode("utf-8")
    prefixes = PREFIXES if target in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if quads:
        return store.dump(format=target, prefixes=prefixes) if prefixes else store.dump(format=target)
    return ox.serialize(union_triples(store), format=target, prefixes=prefixes)
