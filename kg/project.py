"""The networkx projection of the graph that feeds every view and the GraphML/GEXF exports."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from kg.errors import UsageError
from kg.query import run_query

VIEWS = ("overview", "stances", "meetings")
ACTOR_KINDS = {"Person": "person", "State": "state", "Organization": "organization"}

_CLAIMS = """PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?actor ?actorLabel ?actorType ?party ?stance ?demand ?demandKey ?demandLabel ?source ?date ?quote
WHERE {
  ?c a dkg:Claim ; dkg:actor ?actor ; dkg:stance ?stance ; dkg:demand ?demand ; dkg:evidence ?ev .
  ?ev dkg:quote ?quote ; dkg:document ?doc . ?doc dkg:fileName ?source .
  ?actor rdfs:label ?actorLabel ; a ?actorType .
  FILTER(?actorType IN (dkg:Person, dkg:State, dkg:Organization))
  ?demand skos:notation ?demandKey ; skos:prefLabel ?demandLabel .
  OPTIONAL { ?c dkg:onBehalfOf ?party }
  OPTIONAL { ?c dkg:date ?date }
}"""  # ordered here, not by the engine: its ORDER BY costs as much as the query
_CLAIM_ORDER = ("actor", "stance", "demand", "source", "quote", "date", "party")

_MEETINGS = """PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?meeting ?label ?date ?place ?placeLabel ?forum ?forumLabel ?source ?quote WHERE {
  ?meeting a dkg:Meeting ; rdfs:label ?label ; dkg:date ?date ; dkg:evidence ?ev .
  ?ev dkg:quote ?quote ; dkg:document ?doc . ?doc dkg:fileName ?source .
  OPTIONAL { ?meeting dkg:place ?place . ?place rdfs:label ?placeLabel }
  OPTIONAL { ?meeting dkg:forum ?forum . ?forum rdfs:label ?forumLabel }
} ORDER BY ?date ?meeting ?source ?quote"""

_PARTICIPANTS = """PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?meeting ?actor ?actorLabel ?actorType WHERE {
  ?meeting a dkg:Meeting ; dkg:participant ?actor .
  ?actor rdfs:label ?actorLabel ; a ?actorType .
  VALUES ?actorType { dkg:Person dkg:State dkg:Organization }
} ORDER BY ?meeting ?actor"""


@dataclass(frozen=True)
class Filters:
    """Narrow a view to an actor's or a demand's neighbourhood, or to a period."""

    actor: str | None = None
    demand: str | None = None
    since: date | None = None
    until: date | None = None


def _in_period(day: str, f: Filters) -> bool:
    if not day:
        return f.since is None and f.until is None
    d = date.fromisoformat(day)
    return (f.since is None or d >= f.since) and (f.until is None or d <= f.until)


def _short(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def project(out: Path, view: str = "overview", filters: Filters = Filters()) -> nx.MultiDiGraph:
    """Build the projection for ``view`` from the store that ``kg build --out OUT`` wrote."""
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}", fix=f"use one of {', '.join(VIEWS)}")
    g = nx.MultiDiGraph(view=view)
    claims = run_query(out, _CLAIMS)
    records = [dict(zip(claims.variables, row)) for row in claims.rows]
    records.sort(key=lambda r: tuple(r[k] or "" for k in _CLAIM_ORDER))
    edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for r in records:
        if not _in_period(r["date"], filters):
            continue
        g.add_node(r["actor"], label=r["actorLabel"], kind=ACTOR_KINDS[_short(r["actorType"])])
        g.add_node(r["demand"], label=r["demandLabel"], kind="demand", key=r["demandKey"])
        edges[(r["actor"], _short(r["stance"]), r["demand"])].append(
            {"quote": r["quote"], "source": r["source"], "date": r["date"]}
        )
    stances_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for (actor, stance, demand), evidence in sorted(edges.items()):
        sources = sorted({e["source"] for e in evidence})
        g.add_edge(
            actor,
            demand,
            key=f"{stance}",
            kind="claim",
            stance=stance,
            weight=len(sources),
            evidence=evidence,
        )
        stances_of[demand].add((stance, actor))
    for demand, pairs in stances_of.items():
        g.nodes[demand]["contested"] = len({s for s, _ in pairs}) == 2
    if view == "stances":
        return _narrow(g, filters)
    if view == "meetings":
        g.remove_nodes_from([n for n, k in list(g.nodes(data="kind")) if k == "demand"])
    meetings = run_query(out, _MEETINGS)
    kept: set[str] = set()
    for row in meetings.rows:
        r = dict(zip(meetings.variables, row))
        if not _in_period(r["date"], filters):
            continue
        m = r["meeting"]
        kept.add(m)
        if m not in g:
            g.add_node(m, label=r["label"], kind="meeting", date=r["date"], evidence=[])
        g.nodes[m]["evidence"].append({"quote": r["quote"], "source": r["source"], "date": r["date"]})
        if view == "overview":
            if r["place"]:
                g.add_node(r["place"], label=r["placeLabel"], kind="place")
                g.add_edge(m, r["place"], key="place", kind="place")
            if r["forum"]:
                g.add_node(r["forum"], label=r["forumLabel"], kind="forum")
                g.add_edge(m, r["forum"], key="forum", kind="forum")
    parts = run_query(out, _PARTICIPANTS)
    for row in parts.rows:
        r = dict(zip(parts.variables, row))
        if r["meeting"] not in kept:
            continue
        g.add_node(r["actor"], label=r["actorLabel"], kind=ACTOR_KINDS[_short(r["actorType"])])
        g.add_edge(r["actor"], r["meeting"], key="participant", kind="participant")
    return _narrow(g, filters)


def _matches(g: nx.MultiDiGraph, node: str, needle: str) -> bool:
    data = g.nodes[node]
    low = needle.lower()
    return (
        low == node.lower()
        or low == data.get("key", "").lower()
        or low in data.get("label", "").lower()
        or node.lower().endswith("/" + low)
    )


def _narrow(g: nx.MultiDiGraph, f: Filters) -> nx.MultiDiGraph:
    for needle, kinds in ((f.actor, {"person", "state", "organization"}), (f.demand, {"demand"})):
        if not needle:
            continue
        seeds = [n for n, k in g.nodes(data="kind") if k in kinds and _matches(g, n, needle)]
        if not seeds:
            raise UsageError(
                f"nothing in the graph matches {needle!r}",
                fix="use a label, a key or part of a label (see kg query actors)",
            )
        keep = set(seeds)
        for s in seeds:
            keep |= set(g.successors(s)) | set(g.predecessors(s))
        for n in list(keep):  # keep a meeting's place and forum
            if g.nodes[n].get("kind") == "meeting":
                keep |= {m for m in g.successors(n) if g.nodes[m].get("kind") in {"place", "forum"}}
        g = g.subgraph(sorted(keep)).copy()
    isolated = [n for n in g.nodes if g.degree(n) == 0 and g.nodes[n].get("kind") != "meeting"]
    g.remove_nodes_from(isolated)
    return g


def to_exchange_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, as GraphML and GEXF need (evidence becomes text)."""
    h = nx.MultiDiGraph()
    for n, data in sorted(g.nodes(data=True)):
        h.add_node(_xml_safe(n), **{k: _scalar(v) for k, v in data.items()})
    for u, v, k, data in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        h.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(k), **{a: _scalar(b) for a, b in data.items()})
    return h


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(value):
    """XML 1.0 has no C0 control characters (bar tab and newlines): they become U+FFFD."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _scalar(value):
    return _xml_safe(value if isinstance(value, (str, int, float, bool)) else _text(value))


def _text(evidence: object) -> str:
    if isinstance(evidence, list):
        return "\n".join(f"{e.get('date', '')} {e.get('source', '')}: {e.get('quote', '')}" for e in evidence)
    return str(evidence)


def write_exchange(g: nx.MultiDiGraph, fmt: str) -> bytes:
    """GraphML or GEXF bytes of the projection."""
    import io

    h = to_exchange_graph(g)
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(h, buf)
    elif fmt == "gexf":
        nx.write_gexf(h, buf)
    else:
        raise UsageError(f"unknown graph format {fmt!r}", fix="use graphml or gexf")
    return buf.getvalue()
