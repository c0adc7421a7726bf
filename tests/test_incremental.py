"""Incremental builds: only new or changed articles are extracted, and the output is the same
as a full build's, byte for byte."""

import shutil

import pytest
from conftest import copy_seeds

from kg.cache import CACHE_DIR, _fingerprint
from kg.pipeline import build

pytestmark = pytest.mark.model

FILES = ("graph.ttl", "graph.trig", "graph.nq")


def _same(a, b) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_a_rebuild_extracts_only_what_changed_and_matches_a_full_build(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    copy_seeds(corpus)
    out = tmp_path / "out"
    first = build([corpus], out)
    assert first.reused == 0 and first.documents == 5
    again = build([corpus], out)
    assert again.reused == 5
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nThe Kremlin demanded an end to NATO expansion.\n",
        encoding="utf-8",
    )
    (corpus / "zz_new.txt").write_text(
        " date 2022-01-14 New\n\nNATO rejected the demand for legally binding guarantees.\n", encoding="utf-8"
    )
    gone = sorted(corpus.iterdir())[1]
    gone.unlink()
    incremental = build([corpus], out)
    assert (incremental.documents, incremental.reused) == (5, 3)
    full = build([corpus], tmp_path / "full", full=True)
    assert full.reused == 0
    _same(out, tmp_path / "full")
    assert len(list((out / CACHE_DIR).glob("*.json"))) == 5  # the vanished article's entry is dropped


def test_a_torn_cache_entry_is_extracted_again(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    copy_seeds(corpus)
    out = tmp_path / "out"
    build([corpus], out)
    reference = tmp_path / "ref"
    shutil.copytree(out, reference, symlinks=True)
    entry = sorted((out / CACHE_DIR).glob("*.json"))[0]
    entry.write_text('{"claims": [', encoding="utf-8")
    report = build([corpus], out)
    assert report.reused == 4
    _same(out, reference)


def test_the_cache_key_follows_the_ontology(tmp_path):
    from kg import settings

    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(settings.ONTOLOGY_DIR, a)
    shutil.copytree(settings.ONTOLOGY_DIR, b)
    lexicon = b / "lexicon.ttl"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert _fingerprint(str(a), "m") == _fingerprint(str(a), "m")
    assert _fingerprint(str(a), "m") != _fingerprint(str(b), "m")
    assert _fingerprint(str(a), "m") != _fingerprint(str(a), "other-model")
