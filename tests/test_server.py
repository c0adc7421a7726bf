"""kg serve with a real SPARQL client, and kg push to a real Virtuoso (loopback only)."""

from __future__ import annotations

import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
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
