"""SPARQL over the built store: bundled named queries, files or text; table/TSV/CSV/JSON output."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError
from kg.iri import mint
from kg.store import open_store

QUERY_DIR = Path(__file__).parent / "queries"
FORMATS = ("table", "tsv", "csv", "json")


@dataclass(frozen=True)
class Filters:
    """Row filters for a query: ``actor`` and ``demand`` keys are bound as query parameters
    (``?actor``, else ``?party``; ``?demand``, else ``?demandKey``); ``since``/``until`` (ISO
    dates) keep rows whose ``date`` is in range."""

    actor: str | None = None
    demand: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass
class Result:
    """A SELECT result: variable names (no '?') and rows of plain string values ('' when unbound)."""

    variables: list[str]
    rows: list[list[str]]


def bundled() -> dict[str, str]:
    """Name -> first comment line of each bundled query."""
    out = {}
    for f in sorted(QUERY_DIR.glob("*.rq")):
        first = f.read_text(encoding="utf-8").splitlines()[0]
        out[f.stem] = first.lstrip("# ").strip()
    return out


def query_text(query: str) -> str:
    """Resolve QUERY: a bundled name, a path to a .rq file, or SPARQL text."""
    if (QUERY_DIR / f"{query}.rq").is_file():
        return (QUERY_DIR / f"{query}.rq").read_text(encoding="utf-8")
    if query.endswith((".rq", ".sparql")):
        p = Path(query)
        if not p.is_file():
            raise UsageError("no such query file", where=query, fix="check the path, or kg query --list")
        return p.read_text(encoding="utf-8")
    if not any(k in query.upper() for k in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        raise UsageError(
            f"unknown query {query!r}",
            why="not a bundled name, a .rq file or SPARQL",
            fix="see kg query --list",
        )
    return query


def plain(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def _substitutions(text: str, filters: Filters) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    subs: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
    used = set(re.findall(r"[?$](\w+)", text))
    if filters.actor:
        name = "actor" if "actor" in used else "party" if "party" in used else None
        if name is None:
            raise UsageError("--actor needs a query with ?actor or ?party", fix="drop --actor for this query")
        subs[ox.Variable(name)] = ox.NamedNode(str(mint("actor", filters.actor)))
    if filters.demand:
        if "demand" in used:
            subs[ox.Variable("demand")] = ox.NamedNode(str(mint("demand", filters.demand)))
        elif "demandKey" in used:
            subs[ox.Variable("demandKey")] = ox.Literal(filters.demand)
        else:
            raise UsageError("--demand needs a query with ?demand or ?demandKey", fix="drop --demand")
    return subs


def run_query(out: Path, query: str, filters: Filters | None = None) -> Result:
    """Run a SELECT (or ASK) against the store that ``kg build --out OUT`` wrote."""
    text = query_text(query)
    filters = filters or Filters()
    store = open_store(out)
    try:
        res = store.query(text, use_default_graph_as_union=True, substitutions=_substitutions(text, filters))
    except SyntaxError as exc:
        raise UsageError("the SPARQL query does not parse", why=str(exc), fix="fix the query") from exc
    except RuntimeError as exc:  # a filter's variable is not in the SELECT clause
        raise UsageError(
            "this query cannot take that filter", why=str(exc), fix="drop --actor/--demand"
        ) from exc
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        rows = [[plain(sol[n]) for n in names] for sol in res]
        if filters.since or filters.until:
            if "date" not in names:
                raise UsageError("--since/--until need a query with a ?date column", fix="drop them")
            k = names.index("date")
            rows = [
                r
                for r in rows
                if r[k]
                and (not filters.since or r[k] >= filters.since)
                and (not filters.until or r[k] <= filters.until)
            ]
        return Result(names, rows)
    if isinstance(res, ox.QueryBoolean):
        return Result(["result"], [[str(bool(res)).lower()]])
    triples = [[plain(t.subject), plain(t.predicate), plain(t.object)] for t in res]
    return Result(["subject", "predicate", "object"], triples)


def format_result(result: Result, fmt: str) -> str:
    """Render a result as table, tsv, csv or json text."""
    if fmt == "json":
        return json.dumps([dict(zip(result.variables, r)) for r in result.rows], ensure_ascii=False, indent=2)
    if fmt in {"tsv", "csv"}:
        buf = io.StringIO()
        if fmt == "tsv":
            clean = [[c.replace("\t", " ").replace("\n", " ") for c in r] for r in result.rows]
            buf.write("\t".join(result.variables) + "\n")
            for r in clean:
                buf.write("\t".join(r) + "\n")
        else:
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(result.variables)
            w.writerows(result.rows)
        return buf.getvalue()
    if fmt != "table":
        raise UsageError(f"unknown format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    cells = [[c if len(c) < 60 else c[:57] + "..." for c in r] for r in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(result.variables, widths)),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines) + "\n"
