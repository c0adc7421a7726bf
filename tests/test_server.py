"""kg serve with a real SPARQL client, and kg push to a real Virtuoso (loopback only)."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_seeds
from rdflib import Graph
from servers import free_port, start_virtuoso, virtuoso_available, wait_http
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.cli import app
from kg.query import query_text, run_query

pytestmark = [pytest.mark.model, pytest.mark.server]

PER_GRAPH = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/diplomacy-kg/id/graph/")) } GROUP BY ?g ORDER BY ?g"""


@pytest.fixture
def served(built):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--out", str(built), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        announced = proc.stdout.readline() + proc.stdout.readline()  # the URL, then how to stop
        assert url in announced and "Ctrl-C" in announced
        wait_http(url + "?query=ASK%7B%7D")
        yield proc, url
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_served_claims_equal_local_claims(served, built):
    proc, url = served
    client = SPARQLWrapper(url)
    client.setQuery(query_text("claims"))
    client.setReturnFormat(JSON)
    data = client.query().convert()
    names = data["head"]["vars"]
    remote = [[b.get(n, {}).get("value", "") for n in names] for b in data["results"]["bindings"]]
    local = run_query(built, "claims")
    assert names == local.variables and remote == local.rows and len(remote) > 10


def test_construct_returns_turtle_and_updates_are_refused(served):
    proc, url = served
    client = SPARQLWrapper(url)
    client.setQuery(
        "CONSTRUCT { ?m ?p ?o } WHERE { ?m a <https://w3id.org/diplomacy-kg/ontology#Meeting> ; ?p ?o }"
    )
    client.setReturnFormat(TURTLE)
    data = client.query().convert()
    g = Graph().parse(data=data.decode() if isinstance(data, bytes) else data, format="turtle")
    assert len(g) > 10
    updater = SPARQLWrapper(url, updateEndpoint=url.replace("/query", "/update"))
    updater.setMethod(POST)
    updater.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        updater.query()
    count = run_query_remote_count(url)
    assert count == 0


def run_query_remote_count(url: str) -> int:
    client = SPARQLWrapper(url)
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { <urn:a> ?p ?o }")
    client.setReturnFormat(JSON)
    return int(client.query().convert()["results"]["bindings"][0]["n"]["value"])


def test_ctrl_c_stops_cleanly(served):
    proc, url = served
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0 and "stopped" in out


def test_serve_without_a_build_says_what_to_run(runner, tmp_path):
    result = runner.invoke(app, ["serve", "--out", str(tmp_path), "--port", str(free_port())])
    assert result.exit_code == 2 and "kg build" in result.output


@pytest.mark.slow
@pytest.mark.skipif(not virtuoso_available(), reason="virtuoso-opensource not installed")
def test_push_to_virtuoso_twice_matches_the_local_store(built, runner, tmp_path, monkeypatch):
    proc, port = start_virtuoso(tmp_path)
    try:
        crud = f"http://127.0.0.1:{port}/sparql-graph-crud-auth"
        sparql = f"http://127.0.0.1:{port}/sparql"
        monkeypatch.setenv("KG_PASSWORD", "dba")
        local = {r[0]: r[1] for r in run_query(built, PER_GRAPH).rows}
        assert len(local) >= 7  # five articles, the corpus and the vocabulary
        for _ in range(2):
            pushed = runner.invoke(
                app, ["push", "--endpoint", crud, "--out", str(built), "--user", "dba", "--auth", "digest"]
            )
            assert pushed.exit_code == 0, pushed.output
            remote = runner.invoke(app, ["query", PER_GRAPH, "--endpoint", sparql, "--format", "tsv"])
            assert remote.exit_code == 0, remote.output
            rows = dict(line.split("\t") for line in remote.output.splitlines()[1:])
            assert rows == local
        monkeypatch.setenv("KG_PASSWORD", "wrong")
        denied = runner.invoke(
            app, ["push", "--endpoint", crud, "--out", str(built), "--user", "dba", "--auth", "digest"]
        )
        assert denied.exit_code == 2 and "HTTP 401" in denied.output
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_push_to_an_unreachable_endpoint_fails_clearly(built, runner):
    port = free_port()
    result = runner.invoke(app, ["push", "--endpoint", f"http://127.0.0.1:{port}/store", "--out", str(built)])
    assert result.exit_code == 2 and "cannot reach the endpoint" in result.output


def _serve(out, *args):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--out", str(out), "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/query"
    wait_http(url + "?query=ASK%7B%7D", timeout=60)
    return proc, url


def _get(url: str, query: str, timeout: float = 30) -> tuple[int, str, dict]:
    req = urllib.request.Request(
        url, data=urllib.parse.urlencode({"query": query}).encode(), headers={"Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode(), dict(resp.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), dict(exc.headers)


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(x) for x in (task / "children").read_text().split()]
    return out


@pytest.fixture
def gate(built):
    proc, url = _serve(built, "--timeout", "2", "--cors", "https://yasgui.example")
    yield proc, url
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_hostile_queries_get_400_and_the_server_keeps_answering(gate):
    proc, url = gate
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    wide = "SELECT * WHERE { " + " . ".join(f"?s ?p{k} ?o" for k in range(6000)) + " }"  # < 100k chars
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    for query, reason in ((deep, "nests"), (wide, "patterns"), (service, "SERVICE")):
        status, body, _ = _get(url, query)
        assert status == 400 and reason in body
    status, body, headers = _get(url, "ASK { ?s ?p ?o }")
    assert status == 200 and "true" in body
    assert headers.get("Access-Control-Allow-Origin") == "https://yasgui.example"
    assert proc.poll() is None


def test_a_runaway_query_is_stopped_by_the_timeout(gate):
    proc, url = gate
    started = time.monotonic()
    status, _, _ = _get(
        url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", 60
    )
    assert status >= 400 and time.monotonic() - started < 45
    assert _get(url, "ASK {}")[0] == 200


def test_sigkill_of_kg_serve_leaves_no_engine(built):
    proc, url = _serve(built)
    engines = _children(proc.pid)
    assert engines
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in engines):
        time.sleep(0.2)
    assert not any(
        Path(f"/proc/{p}").exists() and "zombie" not in Path(f"/proc/{p}/status").read_text().lower()
        for p in engines
    )


def test_a_busy_port_and_a_bad_host_exit_2(built):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        busy = subprocess.run(
            [sys.executable, "-m", "kg.cli", "serve", "--out", str(built), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert busy.returncode == 2 and f"port {port} is in use" in busy.stderr + busy.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "kg.cli", "serve", "--out", str(built), "--host", "evil host"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "bad --host" in bad.stderr + bad.stdout


def test_kg_serve_follows_a_rebuild(built, tmp_path, runner):
    out = tmp_path / "out"
    shutil.copytree(built, out, symlinks=True)
    proc, url = _serve(out)
    try:
        count = (
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE "
            "{ ?d a <https://w3id.org/diplomacy-kg/ontology#Document> }"
        )
        before = json.loads(_get(url, count)[1])["results"]["bindings"][0]["n"]["value"]
        corpus = tmp_path / "c"
        corpus.mkdir()
        copy_seeds(corpus)
        (corpus / "zz.txt").write_text(
            " date 2022-01-14 More\n\nNATO rejected the demands.\n", encoding="utf-8"
        )
        assert runner.invoke(app, ["build", str(corpus), "--out", str(out)]).exit_code == 0
        deadline = time.monotonic() + 30
        now = before
        while time.monotonic() < deadline and now == before:
            time.sleep(0.5)
            status, body, _ = _get(url, count)
            if status == 200:
                now = json.loads(body)["results"]["bindings"][0]["n"]["value"]
        assert int(now) == int(before) + 1
    finally:
        proc.kill()
        proc.wait()


GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


def test_push_deletes_the_graphs_of_vanished_articles(tmp_path, runner):
    from kg.serve import oxigraph_binary

    corpus = tmp_path / "c"
    corpus.mkdir()
    copy_seeds(corpus)
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(out)]).exit_code == 0
    port = free_port()
    server = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        store, query = f"http://127.0.0.1:{port}/store", f"http://127.0.0.1:{port}/query"

        def remote_graphs() -> list[str]:
            status, body, _ = _get(query, GRAPHS)
            assert status == 200
            return [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]]

        first = runner.invoke(app, ["push", "--endpoint", store, "--out", str(out)])
        assert first.exit_code == 0, first.output
        assert remote_graphs() == [r[0] for r in run_query(out, GRAPHS).rows]
        sorted(corpus.iterdir())[0].unlink()
        assert runner.invoke(app, ["build", str(corpus), "--out", str(out)]).exit_code == 0
        second = runner.invoke(app, ["push", "--endpoint", store, "--out", str(out)])
        assert second.exit_code == 0, second.output
        assert "0 graphs added" in second.output and "1 deleted" in second.output
        assert remote_graphs() == [r[0] for r in run_query(out, GRAPHS).rows]
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("prefix", ["relative/", "?graph=evil&x=", "http://ex.org/a b/"])
def test_a_graph_prefix_must_be_an_absolute_iri(built, runner, prefix):
    result = runner.invoke(
        app, ["push", "--endpoint", "http://127.0.0.1:9/store", "--out", str(built), "--graph-prefix", prefix]
    )
    assert result.exit_code == 2 and "not an absolute IRI" in result.output
