"""The ``kg`` command: thin typer commands over the library."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import typer

from kg.errors import KgError, ValidationFailed

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Build and query a knowledge graph of diplomatic demands and meetings.",
)
OUT = typer.Option(Path("output"), "--out", help="Folder of the built graph.")


def _fail(err: KgError) -> None:
    typer.echo(f"error: {err.message()}", err=True)
    raise typer.Exit(err.exit_code)


def _build_paths(paths: list[Path] | None, sample: bool) -> list[Path]:
    from kg.errors import UsageError
    from kg.settings import SAMPLE_DIR

    if sample:
        return [SAMPLE_DIR, *(paths or [])]
    if paths:
        return paths
    if Path("seeds").is_dir():
        return [Path("seeds")]
    raise UsageError(
        "no articles given and no seeds/ folder here",
        fix="name article files or folders, or run kg build --sample for the bundled sample",
    )


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"diplomacy-kg {version('diplomacy-kg')}")
        except PackageNotFoundError:
            typer.echo("diplomacy-kg (not installed)")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Build and query a knowledge graph of diplomatic demands and meetings."""


@app.command()
def build(
    paths: list[Path] = typer.Argument(None, help="Article files or folders (default: seeds/)."),
    out: Path = OUT,
    sample: bool = typer.Option(False, "--sample", help="Build the five bundled sample articles."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Parallel spaCy processes."),
    strict: bool = typer.Option(False, help="Exit 2 before writing anything if any file is bad."),
    min_confidence: float = typer.Option(
        0.0, "--min-confidence", min=0.0, max=1.0, help="Leave out claims below this confidence."
    ),
    full: bool = typer.Option(False, "--full", help="Extract every article again, ignoring the cache."),
    scheduler: str = typer.Option(
        None, "--scheduler", help="Parse on a Dask cluster: its address (tcp://HOST:8786) or local:N."
    ),
) -> None:
    """Extract actors, claims and meetings from articles and write the graph. Articles extracted
    by an earlier build into the same --out (same text, extractor and ontology) are reused."""
    from kg.pipeline import build as run_build

    state = {"bar": None}

    def progress(done: int, total: int) -> None:
        if state["bar"] is None:
            state["bar"] = typer.progressbar(length=total, label="extracting", file=sys.stderr)
            state["bar"].__enter__()
        state["bar"].update(1)

    try:
        report = run_build(
            _build_paths(paths, sample),
            out,
            jobs=jobs,
            strict=strict,
            progress=progress,
            min_confidence=min_confidence,
            full=full,
            scheduler=scheduler,
        )
    except KgError as err:
        _fail(err)
    finally:
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)
    for p in report.problems:
        typer.echo(f"skipped: {p.message()}", err=True)

    def n(count: int, word: str) -> str:
        return f"{count} {word}" + ("" if count == 1 else "s")

    typer.echo(
        f"{n(report.documents, 'document')} ({report.documents - report.reused} extracted, {report.reused} "
        f"from the cache), {n(report.claims, 'claim')}, {n(report.meetings, 'meeting')}, "
        f"{n(report.actors, 'actor')}, {n(report.triples, 'triple')} "
        f"-> {report.out}/graph.ttl, {report.out}/store"
    )
    typer.echo(f"next: open {report.out}/graph.html, or run kg query --list --out {report.out}")


@app.command()
def serve(
    out: Path = OUT,
    host: str = typer.Option("127.0.0.1", help="Interface to bind (loopback by default)."),
    port: int = typer.Option(7878, min=0, max=65535, help="Port to listen on."),
    timeout: int = typer.Option(30, "--timeout", min=1, help="Seconds a query may run."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Allow federated SERVICE queries."),
    cors: str = typer.Option(None, "--cors", help="Allow browser clients from this origin (or *)."),
) -> None:
    """Serve the graph read-only over the SPARQL 1.1 Protocol (Oxigraph's engine behind a
    gatekeeper that refuses oversized and federated queries); Ctrl-C stops it."""
    import threading

    from kg.serve import Gatekeeper

    def interrupt(signum, frame) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)  # also when started from a script that ignores SIGINT
    signal.signal(signal.SIGTERM, interrupt)
    gate = Gatekeeper(out, host, port, timeout_s=timeout, allow_service=allow_service, cors=cors)
    stop = threading.Event()
    try:
        gate.start()
        if host not in {"127.0.0.1", "localhost", "::1"}:
            typer.echo(f"warning: listening on {host}: the graph is reachable from the network", err=True)
        typer.echo(
            f"SPARQL endpoint: {gate.query_url}  (read-only; all article graphs form the default graph)"
        )
        typer.echo("Press Ctrl-C to stop.")
        watcher = threading.Thread(target=gate.watch, args=(stop,), daemon=True)
        watcher.start()
        seen = 0
        while watcher.is_alive():
            watcher.join(0.5)
            for event in gate.events[seen:]:
                typer.echo(event, err=True)
            seen = len(gate.events)
    except KgError as err:
        gate.stop()
        _fail(err)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        gate.stop()
    typer.echo("stopped")


@app.command()
def push(
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store Protocol URL (see README)."),
    out: Path = OUT,
    graph_prefix: str = typer.Option(None, "--graph-prefix", help="Name remote graphs PREFIX<doc>."),
    user: str = typer.Option(None, "--user", help="User name; the password is read from $KG_PASSWORD."),
    auth: str = typer.Option("basic", "--auth", help="basic or digest (Virtuoso's -auth endpoints)."),
    graph_param: str = typer.Option("graph", "--graph-param", help="Query parameter naming the graph."),
    keep_remote: bool = typer.Option(
        False, "--keep-remote", help="Keep remote graphs of articles that are gone (no DELETE)."
    ),
) -> None:
    """Upload the graph to a triple store, one named graph per article, replacing earlier pushes."""
    import os

    from kg.remote import push as run_push

    def report(item) -> None:
        typer.echo(f"{item.action:8s} {item.triples:7d} triples  {item.graph} (HTTP {item.status})")

    try:
        done = run_push(
            out,
            endpoint,
            graph_prefix=graph_prefix,
            user=user,
            password=os.environ.get("KG_PASSWORD"),
            auth=auth,
            graph_param=graph_param,
            progress=report,
            keep_remote=keep_remote,
        )
    except KgError as err:
        _fail(err)
    counts = {a: sum(d.action == a for d in done) for a in ("added", "replaced", "deleted")}
    typer.echo(
        f"pushed {sum(d.triples for d in done)} triples to {endpoint}: "
        f"{counts['added']} graphs added, {counts['replaced']} replaced, {counts['deleted']} deleted"
    )


@app.command()
def query(
    query: str = typer.Argument(None, help="SPARQL text, a .rq file, or a bundled query name."),
    out: Path = OUT,
    fmt: str = typer.Option("table", "--format", "-f", help="table, tsv, csv or json."),
    list_: bool = typer.Option(False, "--list", help="List the bundled queries."),
    endpoint: str = typer.Option(None, "--endpoint", help="Query this SPARQL endpoint instead."),
    user: str = typer.Option(None, "--user", help="User for --endpoint; password from $KG_PASSWORD."),
    actor: str = typer.Option(None, "--actor", help="Only this actor (a key, e.g. russia, ryabkov)."),
    demand: str = typer.Option(None, "--demand", help="Only this demand (a key, e.g. nato-non-expansion)."),
    since: str = typer.Option(None, "--since", help="Only rows dated on or after YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Only rows dated on or before YYYY-MM-DD."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Allow federated SERVICE queries."),
) -> None:
    """Run a SPARQL query over the built graph (or a remote endpoint)."""
    import os
    from datetime import date

    from kg.query import Filters, bundled, format_result, run_query

    for name, value in (("--since", since), ("--until", until)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                _fail(KgError(f"{name} {value!r} is not a date", fix="write YYYY-MM-DD"))
    from kg.remote import remote_query

    if list_:
        for name, doc in bundled().items():
            typer.echo(f"{name:12s} {doc}")
        return
    if not query:
        _fail(KgError("no query given", fix="pass SPARQL, a .rq file or a name from kg query --list"))
    try:
        if endpoint:
            result = remote_query(endpoint, query, user, os.environ.get("KG_PASSWORD"))
        else:
            result = run_query(out, query, Filters(actor, demand, since, until), allow_service=allow_service)
        typer.echo(format_result(result, fmt.lower()), nl=False)
    except KgError as err:
        _fail(err)


@app.command()
def export(
    fmt: str = typer.Option(
        "turtle", "--format", "-f", help="turtle, trig, nt, nquads, jsonld, graphml, gexf."
    ),
    out: Path = OUT,
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
) -> None:
    """Export the graph in an RDF format."""
    from kg.export import export_graph
    from kg.pipeline import write_atomic

    try:
        data = export_graph(out, fmt.lower())
    except KgError as err:
        _fail(err)
    if output:
        write_atomic(output, data)
        typer.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


@app.command()
def view(
    kind: str = typer.Option("overview", "--kind", "-k", help="overview, stances or meetings."),
    out: Path = OUT,
    actor: str = typer.Option(None, "--actor", help="Only this actor's neighbourhood (label or key)."),
    demand: str = typer.Option(None, "--demand", help="Only this demand's neighbourhood (key or label)."),
    since: str = typer.Option(None, "--since", help="Only claims and meetings on or after YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Only claims and meetings on or before YYYY-MM-DD."),
    output: Path = typer.Option(
        None, "--output", "-o", help="HTML file to write (default OUT/view-KIND.html)."
    ),
) -> None:
    """Write an interactive, offline HTML view of the graph."""
    from datetime import date

    from kg.errors import UsageError
    from kg.pipeline import write_atomic
    from kg.project import Filters, project
    from kg.render import render

    try:
        try:
            period = [date.fromisoformat(d) if d else None for d in (since, until)]
        except ValueError as exc:
            raise UsageError("--since/--until must be YYYY-MM-DD dates", why=str(exc)) from exc
        g = project(out, kind, Filters(actor, demand, period[0], period[1]))
        parts = [p for p in (actor, demand, since and f"since {since}", until and f"until {until}") if p]
        title = f"diplomacy-kg: {kind}" + (f" ({', '.join(parts)})" if parts else "")
        target = output or Path(out) / f"view-{kind}.html"
        write_atomic(target, render(g, title).encode("utf-8"))
    except KgError as err:
        _fail(err)
    typer.echo(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges -> {target}")


@app.command()
def validate(out: Path = OUT) -> None:
    """Check the graph against the SHACL shapes; exit 1 on violations."""
    from kg.validate import validate_output

    try:
        report = validate_output(out)
        if not report.conforms:
            typer.echo(report.text)
            raise ValidationFailed(
                "the graph does not conform to ontology/shapes.ttl",
                where=str(out),
                fix="see the SHACL report above",
            )
    except KgError as err:
        _fail(err)
    typer.echo(f"conforms: {report.triples} triples checked against ontology/shapes.ttl")


@app.command()
def stats(out: Path = OUT) -> None:
    """Count the nodes of each class."""
    from kg.query import format_result, run_query

    q = (
        "SELECT ?class (COUNT(DISTINCT ?s) AS ?count) WHERE { ?s a ?class . "
        "FILTER(STRSTARTS(STR(?class), 'https://w3id.org/diplomacy-kg/ontology#')) } "
        "GROUP BY ?class ORDER BY ?class"
    )
    try:
        typer.echo(format_result(run_query(out, q), "table"), nl=False)
    except KgError as err:
        _fail(err)


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold folder (actors.tsv, claims.tsv...)."),
    corpus: Path = typer.Option(Path("seeds"), "--corpus", help="Articles to extract from."),
    verbose: bool = typer.Option(True, help="List what was missed or spurious."),
) -> None:
    """Score extraction against gold annotations: precision, recall, F1."""
    from kg.evaluate import Gold
    from kg.evaluate import evaluate as run_eval
    from kg.pipeline import extract_corpus

    try:
        result = run_eval(extract_corpus([corpus])[0], Gold.load(gold))
    except KgError as err:
        _fail(err)
    for s in result.scores:
        if verbose:
            for m in s.missed:
                typer.echo(f"  missed   {m}")
            for m in s.spurious:
                typer.echo(f"  spurious {m}")
        typer.echo(
            f"{s.name}: P={s.precision:.2f} R={s.recall:.2f} F1={s.f1:.2f} (tp={s.tp} fp={s.fp} fn={s.fn})"
        )
    typer.echo(
        f"meetings: recall={result.meeting_recall:.2f} participants recall="
        f"{result.participant_recall:.2f} missed={result.missed_meetings} "
        f"spurious={len(result.spurious_meetings)} duplicated={result.duplicated_meetings}"
    )
    for key, lost in sorted(result.missed_participants.items()):
        typer.echo(f"  participants missed {key}: {', '.join(lost)}")
    for m in result.spurious_meetings:
        typer.echo(f"  spurious meeting {m}")
    typer.echo(f"actors: duplicated={result.duplicated_actors}")
    for title, table in (("mechanism", result.by_mechanism), ("confidence", result.by_band)):
        parts = [f"{name} {right}/{n} ({right / n:.2f})" for name, (right, n) in table.items() if n]
        typer.echo(f"precision by {title}: " + ", ".join(parts))


INTERNAL_ERROR = 3  # a bug: documented in the README beside 0, 1 and 2


def main() -> None:
    """The ``kg`` console script: ``app`` with a last-resort handler, so that no traceback reaches
    a user; an unexpected error says what to report and exits with :data:`INTERNAL_ERROR`."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
    except Exception as exc:  # noqa: BLE001  (anything typed was handled in the commands)
        typer.echo(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "  this is a bug in diplomacy-kg: please report the command you ran and this message",
            err=True,
        )
        raise SystemExit(INTERNAL_ERROR) from None


if __name__ == "__main__":
    main()
