"""End-to-end: the kg command on the seeds, and its errors on bad input."""

import json
import shutil
import subprocess
import sys

import pytest
from conftest import SEEDS, SHARED, copy_seeds
from rdflib import Dataset, Graph

from kg.cli import app

pytestmark = pytest.mark.model


def test_build_writes_a_graph_that_conforms(built, runner):
    assert (built / "graph.ttl").is_file() and (built / "store").is_dir()
    g = Graph().parse(built / "graph.ttl", format="turtle")
    assert len(g) > 500
    result = runner.invoke(app, ["validate", "--out", str(built)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_trig_keeps_one_named_graph_per_document(built):
    ds = Dataset()
    ds.parse(built / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    for f in SEEDS.glob("*.txt"):
        assert any(f.stem.replace("_", "-") in n for n in names), f.stem


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
def test_rapper_parses_the_turtle(built):
    out = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(built / "graph.ttl")], capture_output=True, text=True, check=True
    )
    assert "returned" in out.stderr and " 0 triples" not in out.stderr


def test_claims_query_contract(built, runner):
    result = runner.invoke(app, ["query", "claims", "--out", str(built), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split("\t") == [
        "actor",
        "actorLabel",
        "party",
        "partyLabel",
        "stance",
        "demand",
        "demandKey",
        "source",
        "date",
        "quote",
    ]
    rows = [line.split("\t") for line in lines[1:]]
    assert rows and all(r[4].endswith(("Demands", "Rejects")) for r in rows)
    assert not any(r[0].startswith("<") for r in rows)
    stems = {f.stem for f in SEEDS.glob("*.txt")}
    assert all(any(s in r[7] for s in stems) for r in rows)
    assert {"Sergei Ryabkov", "Wendy Sherman"} <= {r[1] for r in rows}


def test_meetings_query_contract(built, runner):
    result = runner.invoke(app, ["query", "meetings", "--out", str(built), "--format", "json"])
    rows = json.loads(result.output)
    assert list(rows[0]) == [
        "meeting",
        "meetingLabel",
        "date",
        "place",
        "placeLabel",
        "participant",
        "participantLabel",
        "source",
    ]
    assert {"2022-01-10", "2022-01-12", "2022-01-13"} <= {r["date"] for r in rows}


@pytest.mark.parametrize("name", ["actors", "positions", "contested", "timeline"])
def test_other_bundled_queries_return_rows(built, runner, name):
    result = runner.invoke(app, ["query", name, "--out", str(built), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) > 1


@pytest.mark.parametrize("name", ["claims", "meetings", "actors", "positions", "contested", "timeline"])
def test_bundled_queries_return_each_row_once(built, runner, name):
    result = runner.invoke(app, ["query", name, "--out", str(built), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()[1:]
    assert rows and len(rows) == len(set(rows))


def test_every_triple_stands_in_one_graph(built):
    seen: dict = {}
    for line in (built / "graph.nq").read_text(encoding="utf-8").splitlines():
        triple, _, graph = line.rstrip(" .").rpartition(" ")
        assert seen.setdefault(triple, graph) == graph, f"{triple} in {seen[triple]} and {graph}"


def test_query_list_and_unknown_query(built, runner):
    listed = runner.invoke(app, ["query", "--list"]).output
    assert "claims" in listed and "contested" in listed
    bad = runner.invoke(app, ["query", "nonsense", "--out", str(built)])
    assert bad.exit_code == 2 and "kg query --list" in bad.output


@pytest.mark.parametrize(
    "fmt,parser",
    [("turtle", "turtle"), ("nt", "nt"), ("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")],
)
def test_exports_parse(built, runner, tmp_path, fmt, parser):
    target = tmp_path / f"g.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(built), "-o", str(target)])
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(target, format=parser)
    assert len(ds) > 500 or sum(len(g) for g in ds.graphs()) > 500


def test_building_twice_is_byte_identical(built, runner, tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_query_without_a_build_says_what_to_run(runner, tmp_path):
    result = runner.invoke(app, ["query", "claims", "--out", str(tmp_path / "none")])
    assert result.exit_code == 2 and "kg build" in result.output


def test_bad_file_is_skipped_and_named(runner, corpus_dir, tmp_path):
    copy_seeds(corpus_dir)
    (corpus_dir / "zz_broken.txt").write_bytes(b"\xff\xfe\x00\x01")
    result = runner.invoke(app, ["build", str(corpus_dir), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "zz_broken.txt" in result.output and "5 documents" in result.output


def test_strict_build_writes_nothing_on_bad_input(runner, corpus_dir, tmp_path):
    copy_seeds(corpus_dir)
    (corpus_dir / "zz_dated.txt").write_text(" date 2022-02-30 Impossible\nText.", encoding="utf-8")
    out = tmp_path / "o"
    result = runner.invoke(app, ["build", str(corpus_dir), "--out", str(out), "--strict"])
    assert result.exit_code == 2
    assert "zz_dated.txt" in result.output and "impossible date" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_failed_build_keeps_previous_output(runner, built, tmp_path):
    out = tmp_path / "keep"
    shutil.copytree(built, out)
    before = (out / "graph.ttl").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["build", str(empty), "--out", str(out)])
    assert result.exit_code == 2 and "no articles found" in result.output
    assert (out / "graph.ttl").read_bytes() == before


@pytest.mark.skipif(not (SHARED / "eval" / "seeds").is_dir(), reason="shared/eval not beside the repo")
def test_evaluate_on_the_seeds_meets_the_targets(runner):
    result = runner.invoke(
        app, ["evaluate", "--gold", str(SHARED / "eval" / "seeds"), "--corpus", str(SEEDS), "--no-verbose"]
    )
    assert result.exit_code == 0, result.output
    lines = {ln.split(":")[0]: ln for ln in result.output.splitlines()}
    f1 = float(lines["claims per document, by party"].split("F1=")[1].split()[0])
    person = float(lines["claims per person (recall)"].split("R=")[1].split()[0])
    assert f1 >= 0.9 and person >= 0.85
    assert "recall=1.00" in lines["meetings"] and "duplicated=[]" in lines["meetings"]
    assert "duplicated=[]" in lines["actors"]


@pytest.mark.slow
def test_parallel_build_gives_the_same_graph(built, runner, tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_validate_exits_1_on_a_violation(built, runner, tmp_path):
    import pyoxigraph as ox

    out = tmp_path / "broken"
    shutil.copytree(built, out)
    store = ox.Store(str(out / "store"))
    dkg = "https://w3id.org/diplomacy-kg/ontology#"
    bad = ox.NamedNode("https://w3id.org/diplomacy-kg/id/claim/broken")
    store.add(
        ox.Quad(
            bad, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(dkg + "Claim")
        )
    )
    store.flush()
    del store
    result = runner.invoke(app, ["validate", "--out", str(out)])
    assert result.exit_code == 1
    assert "claim/broken" in result.output and "does not conform" in result.output


def test_ask_and_construct_queries(built, runner):
    ask = runner.invoke(
        app,
        [
            "query",
            "ASK { ?m a <https://w3id.org/diplomacy-kg/ontology#Meeting> }",
            "--out",
            str(built),
            "-f",
            "tsv",
        ],
    )
    assert ask.output.splitlines() == ["result", "true"]
    construct = runner.invoke(
        app, ["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5", "--out", str(built), "-f", "csv"]
    )
    assert construct.output.splitlines()[0] == "subject,predicate,object"
    assert len(construct.output.splitlines()) == 6


def test_min_confidence_leaves_out_weaker_claims(built, runner, tmp_path):
    out = tmp_path / "strict"
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--min-confidence", "0.9"])
    assert result.exit_code == 0, result.output
    rows = runner.invoke(app, ["query", "claims", "--out", str(out), "--format", "tsv"]).output.splitlines()
    all_rows = runner.invoke(
        app, ["query", "claims", "--out", str(built), "--format", "tsv"]
    ).output.splitlines()
    assert 1 < len(rows) < len(all_rows)
    q = "SELECT (MIN(?c) AS ?m) WHERE { ?x <https://w3id.org/diplomacy-kg/ontology#confidence> ?c }"
    low = runner.invoke(app, ["query", q, "--out", str(out), "--format", "tsv"]).output.splitlines()[1]
    assert float(low) >= 0.9


@pytest.mark.skipif(not (SHARED / "eval" / "seeds").is_dir(), reason="shared/eval not beside the repo")
def test_evaluate_reports_precision_by_mechanism_and_band(runner):
    result = runner.invoke(
        app, ["evaluate", "--gold", str(SHARED / "eval" / "seeds"), "--corpus", str(SEEDS)]
    )
    assert result.exit_code == 0, result.output
    lines = {ln.split(":")[0]: ln for ln in result.output.splitlines()}
    assert "reported" in lines["precision by mechanism"] and "high" in lines["precision by confidence"]


def test_exported_turtle_is_the_built_turtle_with_prefixes(runner, built):
    result = runner.invoke(app, ["export", "--out", str(built), "--format", "turtle"])
    assert result.exit_code == 0
    assert result.stdout_bytes == (built / "graph.ttl").read_bytes()
    assert result.stdout.startswith("@prefix")


def _rows(runner, built, *args):
    result = runner.invoke(app, ["query", *args, "--out", str(built), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_query_filters_are_bound_as_parameters(runner, built):
    every = _rows(runner, built, "claims")
    ryabkov = _rows(runner, built, "claims", "--actor", "ryabkov")
    assert ryabkov and all(r["actor"].endswith("/actor/ryabkov") for r in ryabkov)
    assert len(ryabkov) == sum(r["actor"].endswith("/actor/ryabkov") for r in every)
    demand = _rows(runner, built, "claims", "--demand", "nato-non-expansion")
    assert demand and {r["demandKey"] for r in demand} == {"nato-non-expansion"}
    dates = sorted({r["date"] for r in every if r["date"]})
    late = _rows(runner, built, "claims", "--since", dates[-1])
    assert late and all(r["date"] >= dates[-1] for r in late) and len(late) < len(every)
    early = _rows(runner, built, "claims", "--until", dates[0])
    assert early and all(r["date"] <= dates[0] for r in early)
    russia = _rows(runner, built, "positions", "--actor", "russia")
    assert russia and {r["partyLabel"] for r in russia} == {"Russia"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["actors", "--since", "2022-01-01"], "need a query with a ?date"),
        (["claims", "--since", "2022-13-01"], "is not a date"),
        (["meetings", "--demand", "nato-non-expansion"], "--demand"),
    ],
)
def test_query_filters_that_cannot_apply_exit_2(runner, built, args, message):
    result = runner.invoke(app, ["query", *args, "--out", str(built)])
    assert result.exit_code == 2 and message in result.output


def test_an_unexpected_error_is_reported_without_a_traceback(built):
    code = (
        "import sys, kg.query, kg.cli\n"
        "def boom(*a, **k):\n"
        "    raise ValueError('simulated bug')\n"
        "kg.query.run_query = boom\n"
        f"sys.argv = ['kg', 'query', 'claims', '--out', {str(built)!r}]\n"
        "kg.cli.main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 3
    assert "internal error: ValueError: simulated bug" in result.stderr and "please report" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_strict_names_every_bad_file(runner, corpus_dir, tmp_path):
    copy_seeds(corpus_dir)
    (corpus_dir / "zz_a.txt").write_text(" date 2022-02-30 Impossible\nText.", encoding="utf-8")
    (corpus_dir / "zz_b.txt").write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(app, ["build", str(corpus_dir), "--out", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 2
    assert "zz_a.txt" in result.output and "zz_b.txt" in result.output and "2 files" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exchange_formats_survive_control_characters(runner, tmp_path, fmt):
    import xml.etree.ElementTree as ET

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "ctl.txt").write_text(
        " date 2022-01-10 Bell \x07 title\n\n"
        "Russia demanded \x01 that NATO stop its eastward expansion \x1b.\n",
        encoding="utf-8",
    )
    out = tmp_path / "o"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(out)]).exit_code == 0
    result = runner.invoke(app, ["export", "--out", str(out), "--format", fmt])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout_bytes)
    assert len(list(root.iter())) > 5


def test_formats_are_case_insensitive_and_the_build_says_what_next(runner, built, tmp_path):
    result = runner.invoke(app, ["query", "actors", "--out", str(built), "--format", "TSV"])
    assert result.exit_code == 0 and "\t" in result.output
    corpus = tmp_path / "one"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2022-01-10 One\n\nRussia demanded guarantees.\n", encoding="utf-8")
    built_one = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "o")])
    assert built_one.exit_code == 0
    assert "1 document " in built_one.output and "graph.html" in built_one.output.splitlines()[-1]
