"""An installed wheel works outside the checkout: ontology, queries, viewer and a sample ship with it."""

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_builds_the_sample_outside_the_checkout(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(dist)],
        check=True,
        timeout=600,
        capture_output=True,
    )
    [wheel] = dist.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    site = next((venv / "lib").glob("python*/site-packages"))
    # the dependencies come from the test environment, but not its editable diplomacy-kg: a plain
    # path line in a .pth adds the folder without running the .pth files inside it
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--no-deps", "-q", str(wheel)], check=True, timeout=300
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    kg = str(venv / "bin" / "kg")
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import kg; print(kg.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(site) in where.stdout  # the installed copy, not the checkout
    version = subprocess.run([kg, "--version"], cwd=work, capture_output=True, text=True, check=True)
    assert version.stdout.startswith("diplomacy-kg ")
    built = subprocess.run([kg, "build", "--sample", "--out", "o"], cwd=work, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert "5 documents" in built.stdout and (work / "o" / "graph.html").is_file()
    claims = subprocess.run(
        [kg, "query", "claims", "--out", "o", "--format", "csv"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(claims.stdout.splitlines()) > 10
    bare = subprocess.run([kg, "build", "--out", "o2"], cwd=work, capture_output=True, text=True)
    assert bare.returncode == 2 and "--sample" in bare.stderr
