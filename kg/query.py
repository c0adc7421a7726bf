"""SPARQL over the built store: bundled named queries, files or text; table/TSV/CSV/JSON output."""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError, UsageError
from kg.iri import mint
from kg.store import open_store

QUERY_DIR = Path(__file__).parent / "queries"
FORMATS = ("table", "tsv", "csv", "json")


MAX_QUERY_CHARS = 100_000
MAX_DEPTH = 64
MAX_PATTERNS = 5_000

# strings, IRIs and comments are skipped when the query's structure is measured
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*'
)


class Refused(Exception):
    """A query the gatekeeper does not pass on (HTTP 400)."""


def check_query(text: str, allow_service: bool = False) -> None:
    """Raise :class:`Refused` for a query that is too large, too deep, or federated."""
    if len(text) > MAX_QUERY_CHARS:
        raise Refused(f"the query is longer than {MAX_QUERY_CHARS} characters")
    bare = _OPAQUE.sub(" ", text)
    depth = deepest = 0
    for ch in bare:
        if ch in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})]":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise Refused(f"the query nests groups {deepest} deep (at most {MAX_DEPTH})")
    if sum(bare.count(c) for c in ".;,") > MAX_PATTERNS:
        raise Refused(f"the query has more than {MAX_PATTERNS} patterns")
    if not allow_service and re.search(r"\bSERVICE\b", bare, re.I):
        raise Refused("federated queries (SERVICE) are refused unless --allow-service is given")


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


_PROLOGUE = re.compile(r"\s*(?:#[^\n]*\n|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I)
_READ_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}
_UPDATE_FORMS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _form(text: str) -> str:
    """The first keyword after the prologue (comments, PREFIX and BASE declarations)."""
    pos = 0
    while True:
        m = _PROLOGUE.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    word = re.match(r"\s*([A-Za-z]+)", text[pos:])
    return word.group(1).upper() if word else ""


def query_text(query: str) -> str:
    """Resolve QUERY: a bundled name, a path to a .rq file, or SPARQL text (told by its form)."""
    if (QUERY_DIR / f"{query}.rq").is_file():
        return (QUERY_DIR / f"{query}.rq").read_text(encoding="utf-8")
    if query.endswith((".rq", ".sparql")):
        p = Path(query)
        if not p.is_file():
            raise UsageError("no such query file", where=query, fix="check the path, or kg query --list")
        try:
            query = p.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError(
                "the query file is not UTF-8 text", where=str(p), why=str(exc), fix="save it as UTF-8"
            ) from exc
    form = _form(query)
    if form in _READ_FORMS:
        return query
    if form in _UPDATE_FORMS:
        raise UsageError(
            "updates are not allowed", why="the graph is read-only here", fix="rebuild with kg build"
        )
    near = difflib.get_close_matches(query.strip(), list(bundled()), n=1)
    raise UsageError(
        f"unknown query {query[:80]!r}",
        why="not a bundled name, a .rq file or a SPARQL query",
        fix=f"did you mean {near[0]!r}? (kg query --list)" if near else "see kg query --list",
    )


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


def _bindings(text: str, filters: Filters) -> list[dict[ox.Variable, ox.NamedNode | ox.Literal]]:
    """Ways to bind the filters as query parameters, most specific first (the first one whose
    variables the query selects is used)."""
    used = set(re.findall(r"[?$](\w+)", text))
    options: list[list[tuple[str, ox.NamedNode | ox.Literal]]] = []
    if filters.actor:
        iri = ox.NamedNode(str(mint("actor", filters.actor)))
        choice = [(v, iri) for v in ("actor", "party") if v in used]
        if not choice:
            raise UsageError("--actor needs a query with ?actor or ?party", fix="drop --actor for this query")
        options.append(choice)
    if filters.demand:
        terms = {
            "demand": ox.NamedNode(str(mint("demand", filters.demand))),
            "demandKey": ox.Literal(filters.demand),
        }
        choice = [(v, t) for v, t in terms.items() if v in used]
        if not choice:
            raise UsageError("--demand needs a query with ?demand or ?demandKey", fix="drop --demand")
        options.append(choice)
    combos: list[dict[ox.Variable, ox.NamedNode | ox.Literal]] = [{}]
    for choice in options:
        combos = [{**c, ox.Variable(v): t} for c in combos for v, t in choice]
    return combos


def run_query(out: Path, query: str, filters: Filters | None = None, allow_service: bool = False) -> Result:
    """Run a SELECT (or ASK) against the store that ``kg build --out OUT`` wrote. Queries that are
    oversized, nested too deep or federated (``SERVICE``, unless ``allow_service``) are refused."""
    text = query_text(query)
    try:
        check_query(text, allow_service)
    except Refused as exc:
        raise UsageError("query refused", why=str(exc), fix="simplify the query") from exc
    filters = filters or Filters()
    store = open_store(out)
    problem: Exception | None = None
    for subs in _bindings(text, filters):
        try:
            res = store.query(text, use_default_graph_as_union=True, substitutions=subs)
            break
        except SyntaxError as exc:
            raise UsageError("the SPARQL query does not parse", why=str(exc), fix="fix the query") from exc
        except RuntimeError as exc:
            if "SELECT projection" not in str(exc):
                raise StoreError(
                    "the query failed",
                    why=str(exc),
                    fix="check the query; re-run kg build if the store is damaged",
                ) from exc
            problem = exc  # a filter's variable is not in the SELECT clause: try the next
        except OSError as exc:
            raise StoreError("the store could not be read", why=str(exc), fix="re-run kg build") from exc
    else:
        raise UsageError(
            "this query cannot take that filter", why=str(problem), fix="drop --actor/--demand"
        ) from problem
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
