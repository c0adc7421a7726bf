"""A build's outputs change together or not at all: generations, kill -9, the lock, odd text."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import copy_seeds
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from kg.annotate import chunks
from kg.cli import app
from kg.pipeline import extract_corpus
from kg.publish import GENERATIONS, open_output

pytestmark = pytest.mark.model

PUBLISHED = ("graph.ttl", "graph.trig", "graph.nq", "store", "graph.html")


def _consistent(out: Path) -> set[str]:
    """Assert every published file shows one generation; return its N-Quads lines."""
    for name in PUBLISHED:
        assert (out / name).exists(), name
    lines = {x for x in (out / "graph.nq").read_text(encoding="utf-8").split("\n") if x.strip()}
    store = ox.Store.read_only(str(out / "store"))
    in_store = set(store)
    del store
    assert in_store == set(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    quads = Dataset()
    quads.parse(out / "graph.nq", format="nquads")
    triples = {(s, p, o) for s, p, o, _ in quads.quads()}
    assert len(Graph().parse(out / "graph.ttl", format="turtle")) == len(triples)
    trig = Dataset()
    trig.parse(out / "graph.trig", format="trig")
    assert len(list(trig.quads())) == len(lines)
    return lines


def _build_cmd(corpus: Path, out: Path, patch: str = "") -> list[str]:
    code = (
        "import sys\n"
        f"{patch}\n"
        "from kg.cli import app\n"
        f"sys.argv = ['kg', 'build', {str(corpus)!r}, '--out', {str(out)!r}]\n"
        "app()\n"
    )
    return [sys.executable, "-c", code]


@pytest.fixture()
def two_corpora(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    copy_seeds(old)
    copy_seeds(new)
    (new / "zz_extra.txt").write_text(
        " date 2022-01-14 Extra\n\nThe Kremlin demanded that NATO stop its eastward expansion.\n",
        encoding="utf-8",
    )
    return old, new


def _kill_when(cmd: list[str], marker: Path, timeout: float = 120) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while not marker.exists():
        assert proc.poll() is None, "the build ended before reaching the kill point"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.parametrize(
    "where, switched",
    [
        ("kg.pipeline.write_store", False),  # while the new generation is being written
        ("os.rename", False),  # between the staging folder's rename and the switch
        ("kg.publish._publish_link", True),  # after the switch, while the stable links are checked
    ],
)
def test_kill_9_leaves_one_whole_generation(runner, two_corpora, tmp_path, where, switched):
    old, new = two_corpora
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(old), "--out", str(out)]).exit_code == 0
    before = _consistent(out)
    marker = tmp_path / "at-kill-point"
    module, name = where.rsplit(".", 1)
    patch = (
        f"import time, pathlib, {module} as _m\n"
        f"_orig = _m.{name}\n"
        "def _hang(*a, **k):\n"
        "    r = _orig(*a, **k)\n"
        f"    pathlib.Path({str(marker)!r}).touch()\n"
        "    time.sleep(60)\n"
        "    return r\n"
        f"_m.{name} = _hang\n"
    )
    if where == "os.rename":
        patch = patch.replace(
            "import time, pathlib, os as _m", "import time, pathlib, os as _m, kg.publish as _p"
        )
        patch += "_p.os = _m\n"
    _kill_when(_build_cmd(new, out, patch), marker)
    after = _consistent(out)
    result = runner.invoke(app, ["build", str(new), "--out", str(out)])
    assert result.exit_code == 0, result.output
    final = _consistent(out)
    assert final != before
    assert after == (final if switched else before)
    leftovers = [p.name for p in (out / GENERATIONS).iterdir() if p.name.endswith(".staging")]
    assert leftovers == []
    assert len(list((out / GENERATIONS).iterdir())) <= 2  # current and the one it replaced


def test_kill_9_at_random_moments(runner, two_corpora, tmp_path):
    old, new = two_corpora
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(old), "--out", str(out)]).exit_code == 0
    before = _consistent(out)
    reference = tmp_path / "reference"
    assert runner.invoke(app, ["build", str(new), "--out", str(reference)]).exit_code == 0
    expected = _consistent(reference)
    for delay in (0.8, 2.0, 3.2):
        proc = subprocess.Popen(_build_cmd(new, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _consistent(out)
        assert now == before or now == expected


def test_a_second_build_into_the_same_folder_is_refused(runner, tmp_path, built):
    out = tmp_path / "busy"
    shutil.copytree(built, out, symlinks=True)
    with open_output(out):
        result = runner.invoke(app, ["build", "seeds", "--out", str(out)])
    assert result.exit_code == 2
    assert "another kg build is writing" in result.output


def test_an_unwritable_out_is_refused_before_extraction(runner, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["build", "seeds", "--out", str(blocker / "sub")])
    assert result.exit_code == 2
    assert "cannot be written" in result.output and "extracting" not in result.output


def test_line_separators_in_text_do_not_break_the_build(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    odd = "\u2028 \u2029 \u0085 \x0c \x0b"
    (corpus / "odd.txt").write_text(
        f" date 2022-01-10 Odd {odd} title\n\nRussia demanded {odd} that NATO stop its eastward expansion.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = _consistent(out)
    assert any("\u2028" in x or "\\u2028" in x for x in lines)


@given(st.text(alphabet="ab \n", max_size=400), st.integers(min_value=5, max_value=60))
@hsettings(max_examples=200)
def test_chunks_cover_the_text_in_order_within_the_limit(text, limit):
    pieces = chunks(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:k]) for k in range(len(pieces))]


def test_a_long_article_is_split_and_its_evidence_points_into_the_whole_text(monkeypatch, tmp_path):
    import kg.annotate

    monkeypatch.setattr(kg.annotate, "CHUNK_CHARS", 400)
    para = "Russia demanded that NATO stop its eastward expansion. The weather in Geneva was cold."
    body = "\n\n".join(f"{para} Paragraph {k}." for k in range(12))
    (tmp_path / "long.txt").write_text(f" date 2022-01-10 Long\n\n{body}\n", encoding="utf-8")
    corpus, _ = extract_corpus([tmp_path])
    [document] = corpus.documents
    assert len(chunks(document.text)) > 3
    quotes = [c.evidence for c in corpus.claims]
    assert quotes and all(document.text[e.start : e.end] == e.quote for e in quotes)
    assert max(e.start for e in quotes) > 400  # evidence from a later piece, shifted into place


def test_a_long_run_of_capitals_does_not_stall_turn_detection(tmp_path):
    line = "A" * 3000 + " said something\n"
    code = (
        "from kg.extract.speakers import TURN_LABEL\n"
        f"assert TURN_LABEL.match({line!r}[:120]) is None\n"
        f"assert TURN_LABEL.match({('B' * 3000) + ': hello'!r}[:120]) is None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=20)


def test_a_full_disk_keeps_the_previous_generation(runner, tmp_path, monkeypatch, built):
    import errno
    from pathlib import Path as P

    out = tmp_path / "out"
    shutil.copytree(built, out, symlinks=True)
    before = _consistent(out)
    real = P.write_bytes

    def full(self, data):
        if self.name == "graph.trig":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(P, "write_bytes", full)
    result = runner.invoke(app, ["build", "seeds", "--out", str(out), "--full"])
    monkeypatch.undo()
    assert result.exit_code == 2
    assert "No space left on device" in result.output and "previous one is intact" in result.output
    assert _consistent(out) == before
    assert not [p for p in (out / GENERATIONS).iterdir() if p.name.endswith(".staging")]
