"""Per-document stages on a Dask cluster: a 2-worker LocalCluster writes the same generation."""

import pytest
from conftest import copy_seeds

from kg.cli import app
from kg.pipeline import build

pytestmark = pytest.mark.model


def test_a_local_dask_cluster_writes_what_a_plain_build_writes(tmp_path, built):
    pytest.importorskip("distributed")
    corpus = tmp_path / "c"
    corpus.mkdir()
    copy_seeds(corpus)
    report = build([corpus], tmp_path / "dask", scheduler="local:2")
    assert report.documents == 5 and report.reused == 0
    for name in ("graph.ttl", "graph.trig", "graph.nq"):
        assert (tmp_path / "dask" / name).read_bytes() == (built / name).read_bytes(), name


@pytest.mark.parametrize(
    "scheduler, message", [("local:0", "bad --scheduler"), ("tcp://127.0.0.1:9", "cannot reach")]
)
def test_a_bad_scheduler_is_a_clear_error(runner, tmp_path, scheduler, message):
    pytest.importorskip("distributed")
    result = runner.invoke(app, ["build", "seeds", "--out", str(tmp_path / "o"), "--scheduler", scheduler])
    assert result.exit_code == 2 and message in result.output
