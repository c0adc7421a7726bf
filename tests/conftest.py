"""Shared fixtures: the vocabulary, the spaCy pipeline, a parse helper and one seeds build."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.annotate import load_pipeline
from kg.model import Document, document_record, extraction_from_record
from kg.vocab import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def vocab():
    return load_vocabulary()


@pytest.fixture(scope="session")
def nlp(vocab):
    return load_pipeline(vocab)


@pytest.fixture(scope="session")
def analyse(nlp, vocab):
    """Extract from a hand-written text: ``analyse(text, date=...)`` -> Extraction."""

    def run(text: str, when: date | None = date(2022, 1, 10), doc_id: str = "t1"):
        document = Document(doc_id, f"{doc_id}.txt", "test", when, text, "0" * 64)
        doc = nlp.make_doc(text)
        doc._.kg_document = document_record(document)
        return extraction_from_record(nlp(doc)._.kg_extraction, document)  # the kg_extract component

    return run


def claim_set(extraction) -> set[tuple[str, str, str]]:
    return {(c.actor.key, c.stance, c.demand) for c in extraction.claims}


@pytest.fixture(scope="session")
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def built(tmp_path_factory, runner):
    """Output folder of ``kg build seeds --out ...`` (built once per test session)."""
    from kg.cli import app

    out = tmp_path_factory.mktemp("built")
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def corpus_dir(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    return d


def copy_seeds(dest: Path) -> None:
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, dest / f.name)
