"""Talk to other triple stores: push named graphs over the Graph Store Protocol, query over SPARQL."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth
from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.errors import RemoteError, UsageError
from kg.query import Result, query_text
from kg.settings import DATA_NS
from kg.store import open_store

GRAPH_PREFIX = DATA_NS + "graph/"


_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`?#]+$")


def check_prefix(prefix: str) -> None:
    """A graph prefix must be an absolute IRI: 'relative/' or '?graph=x&y=' would be resolved by
    the server against its own URL."""
    if not _ABSOLUTE_IRI.match(prefix):
        raise UsageError(
            f"--graph-prefix {prefix!r} is not an absolute IRI",
            why="remote graph names are IRIs; a relative or query-like prefix is resolved by the server",
            fix="use one like https://example.org/graphs/",
        )


def _manifest(out: Path, endpoint: str, prefix: str | None) -> Path:
    """Where the names of the graphs this folder pushed to ``endpoint`` are remembered."""
    digest = hashlib.sha256(f"{endpoint}\n{prefix or ''}".encode()).hexdigest()[:16]
    return Path(out) / ".push" / f"{digest}.json"


@dataclass
class Pushed:
    graph: str
    triples: int
    status: int
    action: str = "added"  # added, replaced or deleted


def target_graph(local: str, prefix: str | None) -> str:
    """The remote graph name: the local one, or its last segment under ``prefix``."""
    if not prefix:
        return local
    return (
        prefix + local[len(GRAPH_PREFIX) :]
        if local.startswith(GRAPH_PREFIX)
        else prefix + local.rsplit("/", 1)[-1]
    )


def _auth(user: str | None, password: str | None, scheme: str):
    if not user:
        return None
    return HTTPDigestAuth(user, password or "") if scheme == "digest" else HTTPBasicAuth(user, password or "")


def push(
    out: Path,
    endpoint: str,
    *,
    graph_prefix: str | None = None,
    user: str | None = None,
    password: str | None = None,
    auth: str = "basic",
    graph_param: str = "graph",
    progress: Callable[[Pushed], None] | None = None,
    keep_remote: bool = False,
) -> list[Pushed]:
    """PUT every named graph of the built store to a Graph Store Protocol endpoint, then DELETE
    the graphs an earlier push from this folder put there whose articles are gone (unless
    ``keep_remote``), so the remote graphs under the prefix equal the local set.

    PUT replaces the graph, so pushing again after a re-build duplicates nothing. Each graph goes in
    one request: a failure leaves that graph as it was on the server and stops the push.
    """
    if auth not in {"basic", "digest"}:
        raise UsageError(f"unknown auth scheme {auth!r}", fix="use --auth basic or --auth digest")
    if graph_prefix:
        check_prefix(graph_prefix)
    manifest = _manifest(out, endpoint, graph_prefix)
    try:
        before = set(json.loads(manifest.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        before = set()
    store = open_store(out)
    names = sorted(g.value for g in store.named_graphs())
    if not names:
        raise UsageError("the built graph has no named graphs", fix="run kg build first")
    session = requests.Session()
    session.auth = _auth(user, password, auth)
    done: list[Pushed] = []
    for name in names:
        quads = list(store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
        body = ox.serialize(
            [ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES
        )
        remote = target_graph(name, graph_prefix)
        resp = _request(
            session,
            "put",
            endpoint,
            {graph_param: remote},
            data=body,
            headers={"Content-Type": "application/n-triples"},
        )
        if resp.status_code >= 300:
            raise RemoteError(
                f"HTTP {resp.status_code} while replacing graph {remote}",
                where=endpoint,
                why=resp.text[:300].strip(),
                fix="check the Graph Store URL, the credentials and write permission",
            )
        item = Pushed(remote, len(quads), resp.status_code, "replaced" if remote in before else "added")
        done.append(item)
        if progress:
            progress(item)
    pushed = {d.graph for d in done}
    _remember(manifest, before | pushed)
    if not keep_remote:
        for remote in sorted(before - pushed):
            resp = _request(session, "delete", endpoint, {graph_param: remote})
            if resp.status_code >= 300 and resp.status_code != 404:
                raise RemoteError(
                    f"HTTP {resp.status_code} while deleting graph {remote}",
                    where=endpoint,
                    why=resp.text[:300].strip(),
                    fix="check write permission, or push with --keep-remote",
                )
            item = Pushed(remote, 0, resp.status_code, "deleted")
            done.append(item)
            if progress:
                progress(item)
        _remember(manifest, pushed)
    return done


def _remember(manifest: Path, names: set[str]) -> None:
    manifest.parent.mkdir(parents=True, exist_ok=True)
    tmp = manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps(sorted(names)), encoding="utf-8")
    os.replace(tmp, manifest)


def _request(
    session: requests.Session, method: str, endpoint: str, params: dict, **kwargs
) -> requests.Response:
    try:
        return session.request(method, endpoint, params=params, timeout=120, **kwargs)
    except requests.RequestException as exc:
        raise RemoteError(
            "cannot reach the endpoint",
            where=endpoint,
            why=str(exc),
            fix="check the URL and that the server runs",
        ) from exc


def remote_query(endpoint: str, query: str, user: str | None = None, password: str | None = None) -> Result:
    """Run a bundled or ad-hoc SELECT/ASK against a remote SPARQL endpoint."""
    client = SPARQLWrapper(endpoint)
    client.setQuery(query_text(query))
    client.setReturnFormat(JSON)
    client.setMethod("POST")
    if user:
        client.setCredentials(user, password or "")
    try:
        data = client.query().convert()
    except (SPARQLWrapperException, OSError, ValueError) as exc:
        raise RemoteError(
            "the endpoint refused the query",
            where=endpoint,
            why=str(exc)[:300],
            fix="check the endpoint URL (it must be the SPARQL query URL)",
        ) from exc
    if "boolean" in data:
        return Result(["result"], [[str(data["boolean"]).lower()]])
    names = data["head"]["vars"]
    rows = [[b.get(n, {}).get("value", "") for n in names] for b in data["results"]["bindings"]]
    return Result(names, rows)
