"""The orchestrator: the only module that knows the order of the stages."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.annotate import annotate, load_pipeline
from kg.errors import InputError
from kg.model import Corpus, extraction_from_record
from kg.project import project
from kg.read_documents import read_documents
from kg.render import render
from kg.resolve import resolve
from kg.store import STORE_DIR, load_store
from kg.to_graph import to_graph, union
from kg.vocab import load_vocabulary

Progress = Callable[[int, int], None]


@dataclass
class BuildReport:
    """What a build did: counts, where it wrote, and the problems it skipped over."""

    out: Path
    documents: int
    claims: int
    meetings: int
    actors: int
    triples: int
    problems: list[InputError] = field(default_factory=list)


def extract_corpus(
    paths: Iterable[Path],
    *,
    jobs: int = 1,
    strict: bool = False,
    progress: Progress | None = None,
    min_confidence: float = 0.0,
) -> tuple[Corpus, list[InputError]]:
    """Read, annotate, extract and resolve: the corpus without writing anything. Claims whose
    confidence is below ``min_confidence`` are left out."""
    loaded = read_documents(paths)
    if strict and loaded.problems:
        raise loaded.problems[0]
    if not loaded.documents:
        raise InputError(
            "no article could be read",
            where=", ".join(str(p) for p in paths),
            why="; ".join(p.message().splitlines()[0] for p in loaded.problems[:3]),
            fix="fix the files named above",
        )
    vocab = load_vocabulary()
    nlp = load_pipeline(vocab)
    extractions = []
    total = len(loaded.documents)
    for k, (document, parsed) in enumerate(annotate(loaded.documents, nlp, jobs), 1):
        extraction = extraction_from_record(parsed._.kg_extraction, document)
        extraction.claims = [c for c in extraction.claims if c.confidence >= min_confidence]
        extractions.append(extraction)
        if progress:
            progress(k, total)
    return resolve(extractions, vocab), loaded.problems


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(
    paths: Iterable[Path],
    out: Path,
    *,
    jobs: int = 1,
    strict: bool = False,
    progress: Progress | None = None,
    min_confidence: float = 0.0,
) -> BuildReport:
    """Build the graph from ``paths`` into ``out``: graph.ttl, graph.trig, graph.nq, the store and
    graph.html (the overview).

    Every file is written to a temporary name and renamed into place, so a failed build leaves the
    previous output untouched.
    """
    paths = [Path(p) for p in paths]
    corpus, problems = extract_corpus(
        paths, jobs=jobs, strict=strict, progress=progress, min_confidence=min_confidence
    )
    vocab = load_vocabulary()
    ds = to_graph(corpus, vocab)
    turtle = union(ds).serialize(format="turtle").encode("utf-8")
    nquads_lines = sorted(set(ds.serialize(format="nquads").splitlines()))
    nquads = ("\n".join(line for line in nquads_lines if line.strip()) + "\n").encode("utf-8")
    trig = ds.serialize(format="trig").encode("utf-8")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out, prefix=".store-"))
    try:
        load_store(staging, nquads)
        write_atomic(out / "graph.ttl", turtle)
        write_atomic(out / "graph.trig", trig)
        write_atomic(out / "graph.nq", nquads)
        final = out / STORE_DIR
        old = None
        if final.exists():
            old = out / f".old-store-{os.getpid()}"
            os.replace(final, old)
        os.replace(staging, final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    write_atomic(
        out / "graph.html", render(project(out, "overview"), "diplomacy-kg: overview").encode("utf-8")
    )
    return BuildReport(
        out=out,
        documents=len(corpus.documents),
        claims=len(corpus.claims),
        meetings=len(corpus.meetings),
        actors=len(corpus.actors),
        triples=len(nquads_lines),
        problems=problems,
    )
