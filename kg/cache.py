"""Remember each article's extraction, so a re-build parses only new or changed articles.

An entry is keyed by everything its extraction depends on: the article (its text's sha256 and
its metadata), the extractor (the source of ``kg/extract``, ``kg/annotate.py`` and ``kg/model.py``),
the ontology files and the spaCy pipeline's name and version. Change any and the key changes.
Entries live in ``OUT/.cache/`` as JSON, written atomically; a build drops the ones it did not use.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

from kg import settings
from kg.model import Document, document_record

CACHE_DIR = ".cache"
_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=4)
def _fingerprint(ontology_dir: str, model: str) -> str:
    h = hashlib.sha256()
    sources = sorted((_PACKAGE / "extract").glob("*.py")) + [_PACKAGE / "annotate.py", _PACKAGE / "model.py"]
    for path in [*sources, *sorted(Path(ontology_dir).glob("*.ttl"))]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    try:
        import spacy.util

        meta = spacy.util.get_package_version(model) or ""
    except Exception:  # a model given by path has no package version
        meta = ""
    h.update(f"{model}={meta}".encode())
    return h.hexdigest()


class ExtractionCache:
    """Extraction records by key, in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.used: set[str] = set()
        self.base = _fingerprint(str(settings.ONTOLOGY_DIR), settings.model_name())
        self._writer: ThreadPoolExecutor | None = None
        self._pending: list[Future] = []

    def key(self, document: Document) -> str:
        meta = json.dumps(document_record(document), sort_keys=True)
        return hashlib.sha256(f"{self.base}\n{meta}".encode()).hexdigest()

    def get(self, document: Document) -> dict | None:
        key = self.key(document)
        path = self.folder / f"{key}.json"
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing, or torn by a crash: extract again
        self.used.add(key)
        return record

    def put(self, document: Document, record: dict) -> None:
        """Store ``record`` for ``document``; the file is written by a background thread while the
        next articles are parsed (``flush`` waits for it). ``record`` must not change afterwards."""
        key = self.key(document)
        self.used.add(key)
        if self._writer is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-cache")
        self._pending.append(self._writer.submit(self._write, key, record))

    def flush(self) -> None:
        """Wait until every entry put so far is on disk; re-raise the first write error."""
        pending, self._pending = self._pending, []
        try:
            for f in pending:
                f.result()
        finally:
            if self._writer is not None:
                self._writer.shutdown(wait=True)
                self._writer = None

    def _write(self, key: str, record: dict) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".entry-")
        try:
            with os.fdopen(fd, "wb") as fh:  # one write: json.dump writes piece by piece
                fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            os.replace(tmp, self.folder / f"{key}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self) -> None:
        """Drop entries this build did not use (articles gone or changed) and torn temp files."""
        self.flush()
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix == ".json" and path.stem in self.used:
                continue
            path.unlink(missing_ok=True)
