"""The orchestrator: the only module that knows the order of the stages."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.annotate import extract_records, load_pipeline
from kg.cache import CACHE_DIR, ExtractionCache
from kg.distribute import extract_on_cluster
from kg.errors import InputError
from kg.model import Corpus, Document, Extraction, extraction_from_record
from kg.project import project
from kg.publish import open_output, writing
from kg.read_documents import read_documents
from kg.render import render
from kg.resolve import resolve
from kg.store import STORE_DIR, write_store
from kg.to_graph import PREFIXES, to_graph
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
    reused: int = 0  # articles whose extraction came from the cache


def extract_corpus(
    paths: Iterable[Path],
    *,
    jobs: int = 1,
    strict: bool = False,
    progress: Progress | None = None,
    min_confidence: float = 0.0,
    cache: ExtractionCache | None = None,
    scheduler: str | None = None,
) -> tuple[Corpus, list[InputError]]:
    """Read, annotate, extract and resolve: the corpus without writing anything. Claims whose
    confidence is below ``min_confidence`` are left out. With a ``cache``, articles extracted
    before (same text, metadata, extractor and ontology) are not parsed again. With a Dask
    ``scheduler`` (an address or ``local:N``) the articles are parsed on that cluster."""
    loaded = read_documents(paths)
    if strict and loaded.problems:
        if len(loaded.problems) == 1:
            raise loaded.problems[0]
        raise InputError(
            f"{len(loaded.problems)} files cannot be read",
            why="\n       ".join(p.message().replace("\n", " ") for p in loaded.problems),
            fix="fix or remove the files named above, or build without --strict to skip them",
        )
    if not loaded.documents:
        raise InputError(
            "no article could be read",
            where=", ".join(str(p) for p in paths),
            why="; ".join(p.message().splitlines()[0] for p in loaded.problems[:3]),
            fix="fix the files named above",
        )
    vocab = load_vocabulary()
    records: dict[int, dict] = {}
    todo = []
    for k, document in enumerate(loaded.documents):
        record = cache.get(document) if cache is not None else None
        if record is None:
            todo.append(document)
        else:
            records[k] = record
    reused = len(records)
    index = {id(d): k for k, d in enumerate(loaded.documents)}
    total = len(loaded.documents)
    if todo and scheduler:

        def done(document: Document, record: dict) -> None:
            _finish(document, record, records, index, cache)
            if progress:
                progress(len(records), total)

        extract_on_cluster(todo, scheduler, done)
    elif todo:
        nlp = load_pipeline(vocab)
        for document, record in extract_records(todo, nlp, jobs):
            _finish(document, record, records, index, cache)
            if progress:
                progress(len(records), total)
    extractions: list[Extraction] = []
    for k, document in enumerate(loaded.documents):
        extraction = extraction_from_record(records[k], document)
        extraction.claims = [c for c in extraction.claims if c.confidence >= min_confidence]
        extractions.append(extraction)
    if cache is not None:
        cache.prune()
    corpus = resolve(extractions, vocab)
    corpus.reused = reused
    return corpus, loaded.problems


def _finish(document: Document, record: dict, records: dict[int, dict], index: dict[int, int], cache) -> None:
    records[index[id(document)]] = record
    if cache is not None:
        cache.put(document, record)


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
    full: bool = False,
    scheduler: str | None = None,
) -> BuildReport:
    """Build the graph from ``paths`` into ``out``: graph.ttl, graph.trig, graph.nq, the store and
    graph.html (the overview), published together as one generation (see :mod:`kg.publish`): a
    failed or killed build leaves the previous output untouched and consistent.
    """
    paths = [Path(p) for p in paths]
    with open_output(Path(out)) as output:  # checked and locked before the long extraction
        cache = ExtractionCache(output.root / CACHE_DIR)
        if full:
            cache.used.clear()
            shutil.rmtree(cache.folder, ignore_errors=True)
        corpus, problems = extract_corpus(
            paths,
            jobs=jobs,
            strict=strict,
            progress=progress,
            min_confidence=min_confidence,
            cache=cache,
            scheduler=scheduler,
        )
        vocab = load_vocabulary()
        quads = to_graph(corpus, vocab)
        staging = output.stage()
        try:
            with writing(staging):
                triples, files = write_store(staging / STORE_DIR, quads, PREFIXES)
                for name, data in files.items():
                    (staging / name).write_bytes(data)
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
        triples=triples,
        problems=problems,
        reused=corpus.reused,
    )
