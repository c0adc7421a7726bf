"""Publish a build as one output generation: readers see the old graph or the new, never a mix.

Layout of an output folder ``OUT``::

    OUT/.generations/<id>/   graph.ttl graph.trig graph.nq store/ graph.html   (one complete build)
    OUT/current           -> .generations/<id>          (switched by one atomic rename)
    OUT/graph.ttl         -> current/graph.ttl          (and graph.trig, graph.nq, store, graph.html)
    OUT/.lock                                            (held by the build that is writing)

A build writes a new generation in a staging folder, then renames a new ``current`` link over the
old one: that rename is the single step at which every published path changes. A build killed at
any point leaves ``current`` on the previous complete generation; its leftovers are removed by the
next build. The generation before the current one is kept, so a reader that opened it just before
the switch can finish.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError

GENERATIONS = ".generations"
CURRENT = "current"
LOCK = ".lock"
PUBLISHED = ("graph.ttl", "graph.trig", "graph.nq", "store", "graph.html")
_STAGING_SUFFIX = ".staging"


@dataclass
class Output:
    """An output folder whose lock this process holds."""

    root: Path

    @property
    def generations(self) -> Path:
        return self.root / GENERATIONS

    def stage(self) -> Path:
        """A new, empty staging folder for the next generation."""
        self.generations.mkdir(exist_ok=True)
        name = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**9:09d}"
        path = self.generations / (name + _STAGING_SUFFIX)
        path.mkdir()
        return path

    def commit(self, staging: Path) -> Path:
        """Make ``staging`` the current generation in one atomic step, then drop old ones."""
        _fsync_tree(staging)
        final = staging.with_name(staging.name[: -len(_STAGING_SUFFIX)])
        os.rename(staging, final)
        previous = self.current()
        _replace_link(self.root / CURRENT, Path(GENERATIONS) / final.name)
        _fsync_dir(self.root)
        for name in PUBLISHED:
            _publish_link(self.root, name)
        keep = {final.name} | ({previous.name} if previous is not None else set())
        self._remove_others(keep)
        return final

    def current(self) -> Path | None:
        link = self.root / CURRENT
        if not link.is_symlink():
            return None
        target = (self.root / os.readlink(link)).resolve()
        return target if target.is_dir() else None

    def clean(self) -> None:
        """Remove what killed builds left: staging folders and pre-generation temporary files."""
        if self.generations.is_dir():
            for g in self.generations.iterdir():
                if g.name.endswith(_STAGING_SUFFIX):
                    shutil.rmtree(g, ignore_errors=True)
        for leftover in self.root.glob(".store-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        for leftover in self.root.glob(".old-store-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        for leftover in self.root.glob(".graph.*"):
            leftover.unlink(missing_ok=True)
        for leftover in [*self.root.glob(".*.new-link"), *self.root.glob(".write-test-*")]:
            leftover.unlink(missing_ok=True)

    def _remove_others(self, keep: set[str]) -> None:
        for g in self.generations.iterdir():
            if g.name not in keep:
                shutil.rmtree(g, ignore_errors=True)


@contextmanager
def open_output(out: Path) -> Iterator[Output]:
    """Create ``out`` if need be, check that it can be written, take its lock (a second build
    into the same folder exits with a message) and clean leftovers of killed builds."""
    out = Path(out)
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(
            "the output folder cannot be written",
            where=str(out),
            why=exc.strerror or str(exc),
            fix="choose another --out or fix its permissions",
        ) from exc
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            raise StoreError(
                "another kg build is writing this output folder",
                where=str(out),
                why="its lock file is held",
                fix="wait for that build to finish, or build into another --out",
            ) from exc
        output = Output(out)
        output.clean()
        yield output
    finally:
        if created and output_is_empty(out):  # a build that failed early leaves no folder behind
            (out / LOCK).unlink(missing_ok=True)
            shutil.rmtree(out / GENERATIONS, ignore_errors=True)
            try:
                out.rmdir()
            except OSError:
                pass
        os.close(fd)  # releases the lock


def output_is_empty(out: Path) -> bool:
    """Nothing published in ``out`` (only the lock, or an empty generations folder)."""
    gens = out / GENERATIONS
    others = [p for p in out.iterdir() if p.name not in {LOCK, GENERATIONS}]
    return not others and (not gens.is_dir() or not any(gens.iterdir()))


@contextmanager
def writing(what: Path) -> Iterator[None]:
    """Turn a failed write (a full disk, a permission) into a StoreError naming the file."""
    try:
        yield
    except OSError as exc:
        raise StoreError(
            "could not write the new graph; the previous one is intact",
            where=str(what),
            why=exc.strerror or str(exc),
            fix="free disk space or fix permissions, then run kg build again",
        ) from exc


def _replace_link(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.new-link")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _publish_link(root: Path, name: str) -> None:
    """``OUT/name -> current/name``; a file or folder of the old layout is moved aside first."""
    path = root / name
    target = Path(CURRENT) / name
    if path.is_symlink() and Path(os.readlink(path)) == target:
        return
    if path.is_dir() and not path.is_symlink():
        aside = root / f".old-store-{os.getpid()}"
        os.rename(path, aside)
        _replace_link(path, target)
        shutil.rmtree(aside, ignore_errors=True)
        return
    _replace_link(path, target)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    for dirpath, _, files in os.walk(path):
        for f in files:
            fd = os.open(Path(dirpath) / f, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))
