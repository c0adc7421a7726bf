"""The HTML views in a real Chromium (Debian's, driven by Playwright), fully offline."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli import app
from kg.project import Filters, project, write_exchange
from kg.render import _json_for_html, render

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE = [
    "<script>window.__pwned=1</script>",
    "\"quoted\" & 'single'",
    "</div><b>bold</b>",
    "עברית RTL \u202e text",
    "emoji 🕊️🇺🇦",
    "</script><script>window.__pwned=2</script>",
    "\u2028line",
]


def hostile_graph(labels: list[str]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(view="overview")
    g.add_node("d", label="demand " + labels[0], kind="demand", contested=True)
    for k, text in enumerate(labels):
        g.add_node(f"a{k}", label=text, kind="person")
        g.add_edge(
            f"a{k}",
            "d",
            key="Demands",
            kind="claim",
            stance="Demands",
            weight=1,
            evidence=[{"quote": text, "source": f"{text}.txt", "date": "2022-01-10"}],
        )
    return g


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield b
        b.close()


def open_offline(browser, path: Path):
    """Open a file with every non-file request blocked; collect console errors and failed requests."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            problems.append(f"network request: {r.request.url}")
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    return page, problems


pytestmark = [pytest.mark.browser, pytest.mark.model]


def test_overview_in_chromium(browser, built):
    html = built / "graph.html"
    g = project(built, "overview")
    page, problems = open_offline(browser, html)
    counts = page.evaluate("[window.kgView.nodes.length, window.kgView.edges.length]")
    assert counts == [g.number_of_nodes(), g.number_of_edges()]
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.kgView.network.fit({animation: false})")
    page.screenshot(path=str(ARTIFACTS / "overview.png"))
    page.fill("#search", "Ryabkov")
    page.press("#search", "Enter")
    selected = page.evaluate(
        "window.kgView.network.getSelectedNodes().map(id => window.kgView.nodes.get(id).plainLabel)"
    )
    assert selected == ["Sergei Ryabkov"]
    claim_edge = page.evaluate("window.kgView.edges.get({filter: e => !!e.stance})[0].id")
    page.evaluate(f"window.kgView.showEdge({claim_edge})")
    quote = page.inner_text("#details blockquote")
    edge_quote = page.evaluate(f"window.kgView.edges.get({claim_edge}).evidence[0].quote")
    assert quote.strip() == edge_quote.strip() and len(quote) > 20
    assert page.inner_text("#details cite").endswith(tuple("0123456789"))
    page.select_option("#stance", "Rejects")
    hidden = page.evaluate(
        "window.kgView.edges.get({filter: e => e.hidden}).every(e => e.stance === 'Demands')"
    )
    assert hidden
    page.select_option("#stance", "all")
    page.screenshot(path=str(ARTIFACTS / "overview-search.png"))
    assert problems == []
    page.close()


@pytest.mark.parametrize("kind", ["stances", "meetings"])
def test_other_views_open_offline(browser, built, runner, tmp_path, kind):
    target = tmp_path / f"{kind}.html"
    result = runner.invoke(app, ["view", "--kind", kind, "--out", str(built), "-o", str(target)])
    assert result.exit_code == 0, result.output
    page, problems = open_offline(browser, target)
    g = project(built, kind)
    assert page.evaluate("window.kgView.nodes.length") == g.number_of_nodes() > 0
    assert problems == []
    page.screenshot(path=str(ARTIFACTS / f"{kind}.png"))
    page.close()


def test_hostile_labels_render_as_text(browser, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(render(hostile_graph(HOSTILE), "<b>title</b>"), encoding="utf-8")
    page, problems = open_offline(browser, path)
    assert page.evaluate("window.__pwned === undefined")
    labels = page.evaluate("window.kgView.nodes.get().map(n => n.plainLabel)")
    assert set(HOSTILE) <= set(labels)
    page.evaluate("window.kgView.showEdge(0)")
    assert page.inner_text("#details blockquote") in HOSTILE
    assert page.eval_on_selector_all("#details b, #details script", "els => els.length") == 0
    assert page.title() == "diplomacy-kg" or "<b>" in page.title()
    assert problems == []
    page.close()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=5))
def test_embedded_data_cannot_close_its_script_element(labels):
    html = render(hostile_graph(labels), "t")
    start = html.index('<script type="application/json" id="kg-data">')
    end = html.index("</script>", start)
    block = html[start:end]
    assert "<" not in block[len('<script type="application/json" id="kg-data">') :]
    assert "\u2028" not in block and "\u2029" not in block
    assert _json_for_html("</script>") == '"\\u003c/script\\u003e"'


def test_page_has_no_tag_that_loads_from_a_url(built):
    html = (built / "graph.html").read_text(encoding="utf-8")
    loader = re.compile(r"<(script|link|img|iframe)\b[^>]*?\b(src|href)\s*=", re.I | re.S)
    assert loader.search(html) is None


def test_filters_narrow_the_projection(built):
    whole = project(built, "overview")
    ryabkov = project(built, "overview", Filters(actor="Ryabkov"))
    assert 0 < ryabkov.number_of_nodes() < whole.number_of_nodes()
    labels = {d["label"] for _, d in ryabkov.nodes(data=True)}
    assert "Sergei Ryabkov" in labels and "Wendy Sherman" not in labels
    early = project(built, "meetings", Filters(until=__import__("datetime").date(2021, 12, 31)))
    dates = {d.get("date") for _, d in early.nodes(data=True) if d.get("kind") == "meeting"}
    assert dates == {"2021-06-16"}


def test_graphml_and_gexf_come_from_the_same_projection(built):
    g = project(built, "overview")
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = Path(__file__).parent / f".tmp.{fmt}"
        try:
            path.write_bytes(write_exchange(g, fmt))
            h = reader(path)
            assert h.number_of_nodes() == g.number_of_nodes()
            assert h.number_of_edges() == g.number_of_edges()
        finally:
            path.unlink(missing_ok=True)


@pytest.mark.slow
def test_a_5000_node_page_becomes_interactive(browser, tmp_path):
    """Functional only: speed is measured by benchmarks/viewer.py, not asserted here."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from viewer import synthetic

    path = tmp_path / "big.html"
    g = synthetic(5000)
    path.write_text(render(g, "big"), encoding="utf-8")
    page, problems = open_offline(browser, path)
    assert page.evaluate("window.kgView.edges.length") == g.number_of_edges()
    assert page.evaluate("window.kgView.search === undefined") is False
    assert problems == []
    page.close()
