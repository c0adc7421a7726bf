"""A SPARQL 1.1 Protocol endpoint over the built store, using Oxigraph's own server."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError, UsageError
from kg.store import require_store


@dataclass
class Server:
    """A running ``oxigraph serve-read-only`` process and the URLs it answers on."""

    process: subprocess.Popen
    base: str

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def oxigraph_binary() -> str:
    """The ``oxigraph`` command from the PyPI package ``oxigraph``, next to this Python first."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise UsageError(
            "the oxigraph server is not installed",
            why="kg serve runs Oxigraph's own server",
            fix="pip install oxigraph",
        )
    return found


def serve_command(out: Path, host: str, port: int) -> list[str]:
    """The command line that serves ``out``'s store read-only, all named graphs as the default graph."""
    path = require_store(out)
    return [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(path),
        "--bind",
        f"{host}:{port}",
        "--union-default-graph",
    ]


def start_server(out: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0) -> Server:
    """Start the server and wait until it answers; raise a clear error if it does not."""
    proc = subprocess.Popen(
        serve_command(out, host, port), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    server = Server(proc, f"http://{host}:{port}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = (proc.stderr.read() if proc.stderr else "").strip()
            raise StoreError(
                "the SPARQL server did not start",
                where=f"{host}:{port}",
                why=err[-500:],
                fix="pick a free port with --port, or stop the process holding the store",
            )
        try:
            with urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D", timeout=2):
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    server.stop()
    raise StoreError(
        "the SPARQL server did not answer in time",
        where=server.base,
        fix="check that the port is free and retry",
    )
