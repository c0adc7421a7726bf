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
from kg.model import Corpus, Extraction, extraction_from_record
from kg.project import project
from kg.publish import open_output, writing
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
    extractions: list[Extraction] = []
    total = len(loaded.documents)
    for document, parsed in annotate(loaded.documents, nlp, jobs):
        extraction = extraction_from_record(parsed._.kg_extraction, document)
        extraction.claims = [c for c in extraction.claims if c.confidence >= min_confidence]
        if extractions and extractions[-1].document is document:  # the next piece of a long one
            last = extractions[-1]
            last.claims += extraction.claims
            last.meetings += extraction.meetings
            known = {a.key for a in last.actors}
            last.actors = sorted(
                [*last.actors, *(a for a in extraction.actors if a.key not in known)], key=lambda a: a.key
            )
            continue
        extractions.append(extraction)
        if progress:
            progress(len(extractions), total)
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
    graph.html (the overview), published together as one generation (see :mod:`kg.publish`): a
    failed or killed build leaves the previous output untouched and consistent.
    """
    paths = [Path(p) for p in paths]
    with open_output(Path(out)) as output:  # checked and locked before the long extraction
        corpus, problems = extract_corpus(
            paths, jobs=jobs, strict=strict, progress=progress, min_confidence=min_confidence
        )
        vocab = load_vocabulary()
        ds = to_graph(corpus, vocab)
        turtle = union(ds).serialize(format="turtle").encode("utf-8")
        # split on newlines only: str.splitlines() also breaks at U+2028, U+0085 and the like,
        # which may stand inside a literal
        nquads_lines = sorted(set(ds.serialize(format="nquads").split("\n")))
        nquads = ("\n".join(line for line in nquads_lines if line.strip()) + "\n").encode("utf-8")
        trig = ds.serialize(format="trig").encode("utf-8")
        staging = output.stage()
        try:
            with writing(staging):
                load_store(staging / STORE_DIR, nquads)
                (staging / "graph.ttl").write_bytes(turtle)
                (staging / "graph.trig").write_bytes(trig)
                (staging / "graph.nq").write_bytes(nquads)
                overview = render(project(staging, "overview"), "diplomacy-kg: overview")
                (staging / "graph.html").write_bytes(overview.encode("utf-8"))
                output.commit(staging)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        out = output.root
    return BuildReport(
        out=out,
        documents=len(corpus.documents),
        claims=len(corpus.claims),
        meetings=len(corpus.meetings),
        actors=len(corpus.actors),
        triples=len(nquads_lines),
        problems=problems,
    )
