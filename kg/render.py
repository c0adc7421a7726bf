"""Render a projection as one self-contained, offline HTML page (vis-network in-line)."""

from __future__ import annotations

import json
from importlib import resources
from string import Template

import networkx as nx

STYLE = {
    "person": ("dot", "#4e79a7", "person"),
    "state": ("square", "#59a14f", "state"),
    "organization": ("triangle", "#f28e2b", "organisation"),
    "demand": ("box", "#b07aa1", "demand"),
    "meeting": ("star", "#edc948", "meeting"),
    "place": ("hexagon", "#9c755f", "place"),
    "forum": ("triangleDown", "#76b7b2", "forum"),
}
EDGE_STYLE = {
    "Demands": ("#2e7d32", "demands", False),
    "Rejects": ("#c62828", "rejects", False),
    "participant": ("#8c8c8c", "took part in", True),
    "place": ("#c8b4a0", "held in", True),
    "forum": ("#a0cfcb", "session of", True),
}
CONTESTED = "#e15759"
BIG = 1000


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


def _json_for_html(value: object) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the labels contain."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def view_data(g: nx.MultiDiGraph) -> dict:
    """Node and edge lists for vis-network, built in one pass over the projection."""
    ids = {n: k for k, n in enumerate(sorted(g.nodes))}
    meetings = sorted((d.get("date", ""), n) for n, d in g.nodes(data=True) if d.get("kind") == "meeting")
    order = {n: k for k, (_, n) in enumerate(meetings)}
    timeline = g.graph.get("view") == "meetings"
    nodes = []
    for n in sorted(g.nodes):
        d = g.nodes[n]
        kind = d.get("kind", "organization")
        shape, color, kind_label = STYLE.get(kind, STYLE["organization"])
        label = d.get("label", n)
        node = {
            "id": ids[n],
            "iri": n,
            "label": label,
            "plainLabel": label,
            "kindLabel": kind_label,
            "shape": shape,
            "color": {"background": color, "border": color},
            "title": f"{kind_label}: {label}",
            "evidence": d.get("evidence", []),
        }
        if kind == "demand" and d.get("contested"):
            node["color"] = {"background": color, "border": CONTESTED}
            node["borderWidth"] = 4
            node["kindLabel"] = "demand (contested: demanded by some, rejected by others)"
        if kind == "meeting" and d.get("date"):
            node["kindLabel"] = f"meeting on {d['date']}"
            if timeline:
                k = order[n]  # left to right by date, staggered so that long labels do not collide
                node["x"], node["y"], node["fixed"] = k * 300, (k % 2) * 90 - 45, {"x": True, "y": True}
        nodes.append(node)
    edges = []
    for k, (u, v, _key, d) in enumerate(
        sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    ):
        style = d.get("stance") or d.get("kind", "participant")
        color, verb, dashed = EDGE_STYLE.get(style, EDGE_STYLE["participant"])
        ul, vl = g.nodes[u].get("label", u), g.nodes[v].get("label", v)
        summary = f"{ul} {verb} {vl}"
        edge = {
            "id": k,
            "from": ids[u],
            "to": ids[v],
            "dashes": dashed,
            "color": {"color": color, "highlight": color, "hover": color, "inherit": False},
            "summary": summary,
            "kindLabel": style,
            "evidence": d.get("evidence", []),
            "title": summary,
        }
        if d.get("stance"):
            weight = int(d.get("weight", 1))
            edge.update(
                stance=d["stance"],
                width=1 + 2 * weight,
                value=weight,
                title=f"{summary} ({weight} source{'s' if weight != 1 else ''})",
            )
        edges.append(edge)
    return {"nodes": nodes, "edges": edges}


def options(n_nodes: int) -> dict:
    """vis-network options. Big graphs trade looks for frame time (no label halos, arrows or curves),
    and the synchronous stabilisation is bounded so that any page is usable within seconds
    (``benchmarks/viewer.py``: 5,000 nodes and 10,000 edges)."""
    big = n_nodes > BIG
    steps = max(20, min(400, 100_000 // max(n_nodes, 1)))
    return {
        "nodes": {
            "font": {
                "size": 16,
                "face": "system-ui, sans-serif",
                "strokeWidth": 0 if big else 3,
                "strokeColor": "#ffffff",
            },
            "size": 16,
            "scaling": {"label": {"drawThreshold": 9 if big else 5}},
        },
        "edges": {
            "smooth": False if big else {"type": "continuous"},
            "font": {"size": 12},
            "arrows": {"to": {"enabled": not big, "scaleFactor": 0.6}},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "navigationButtons": False,
        },
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "barnesHut" if big else "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": steps, "updateInterval": steps},
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "barnesHut": {"springLength": 120},
        },
    }


def legend() -> list[dict]:
    items = [{"label": label, "color": color} for _, color, label in STYLE.values()]
    items.append({"label": "contested demand (border)", "color": CONTESTED})
    items += [
        {"label": verb, "color": color, "line": True, "dashed": dashed}
        for color, verb, dashed in EDGE_STYLE.values()
    ]
    return items


def render(g: nx.MultiDiGraph, title: str) -> str:
    """The complete HTML page for a projection: no network access needed to open it."""
    js, css = _vis_assets()
    payload = view_data(g)
    payload["options"] = options(len(payload["nodes"]))
    payload["legend"] = legend()
    template = Template((resources.files("kg") / "templates" / "view.html").read_text(encoding="utf-8"))
    return template.substitute(title=_plain(title), vis_css=css, vis_js=js, data=_json_for_html(payload))
