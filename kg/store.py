"""The embedded pyoxigraph store under the output folder: load, query, dump."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError

STORE_DIR = "store"


def store_path(out: Path) -> Path:
    return Path(out) / STORE_DIR


def load_store(path: Path, nquads: bytes) -> None:
    """Create a store at ``path`` holding exactly ``nquads``."""
    store = ox.Store(str(path))
    store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store


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
