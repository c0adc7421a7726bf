"""Benchmark (not a test): HTML generation time and size of the viewer for 500 / 2,000 / 10,000
nodes (twice as many edges), and how long Chromium takes to make a 5,000-node page interactive.

    .venv/bin/python benchmarks/viewer.py
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.render import render  # noqa: E402

KINDS = ["person", "state", "organization", "demand", "meeting", "place"]


def synthetic(n: int, seed: int = 3) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph(view="overview")
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        g.add_node(f"n{i}", label=f"{kind} {i}", kind=kind, date="2022-01-10")
    for _ in range(2 * n):
        u, v = f"n{rng.randrange(n)}", f"n{rng.randrange(n)}"
        stance = rng.choice(["Demands", "Rejects"])
        g.add_edge(
            u,
            v,
            kind="claim",
            stance=stance,
            weight=rng.randint(1, 4),
            evidence=[
                {"quote": "An invented sentence of evidence.", "source": "x.txt", "date": "2022-01-10"}
            ],
        )
    return g


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    try:
        for n in (500, 2000, 10000):
            g = synthetic(n)
            t0 = time.perf_counter()
            html = render(g, f"synthetic {n}")
            dt = time.perf_counter() - t0
            path = tmp / f"v{n}.html"
            path.write_text(html, encoding="utf-8")
            print(
                f"{n:6d} nodes {g.number_of_edges():6d} edges: HTML in {dt:.2f} s, "
                f"{path.stat().st_size / 1e6:.1f} MB"
            )
        chromium = shutil.which("chromium")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            chromium = None
        if chromium:
            g = synthetic(5000)
            path = tmp / "v5000.html"
            path.write_text(render(g, "synthetic 5000"), encoding="utf-8")
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
                page = b.new_page()
                t0 = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("window.kgView !== undefined", timeout=120_000)
                t_int = time.perf_counter() - t0
                page.wait_for_selector("body[data-ready='1']", timeout=120_000)
                t_ready = time.perf_counter() - t0
                b.close()
            print(
                f"Chromium, 5000 nodes / 10000 edges: interactive after {t_int:.1f} s, "
                f"layout settled and physics off after {t_ready:.1f} s"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
