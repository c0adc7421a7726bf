"""A read-only SPARQL 1.1 Protocol endpoint over the built store.

Oxigraph's own server (``oxigraph serve-read-only``) answers the queries; it listens on a private
loopback port behind a small gatekeeper that is the public endpoint. The gatekeeper refuses, with
HTTP 400 and before they reach the engine, queries that are too long, nested too deep or have too
many patterns (such a query can overflow the engine's stack), and federated queries (``SERVICE``,
which would make the server fetch any URL a client names) unless ``allow_service``; it adds CORS
headers for one origin when asked. The engine gets a query timeout, dies with its parent (Linux
parent-death signal), is restarted if it stops, and is moved to the new generation after a rebuild.
"""

from __future__ import annotations

import errno
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import StoreError, UsageError
from kg.procs import die_with_parent
from kg.query import Refused, check_query
from kg.store import require_store

MAX_BODY = 1_000_000


@dataclass
class Engine:
    """One ``oxigraph serve-read-only`` process on a private loopback port."""

    process: subprocess.Popen
    url: str
    store: Path
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def stderr_tail(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-800:].strip()
        except OSError:
            return ""


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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_engine(store: Path, timeout_s: int, logdir: Path, wait: float = 30.0) -> Engine:
    """Start the engine on ``store`` and wait until it answers."""
    port = _free_port()
    log = logdir / f"oxigraph-{port}.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen(
            [
                oxigraph_binary(),
                "serve-read-only",
                "--location",
                str(store),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
                "--timeout-s",
                str(timeout_s),
            ],
            stdout=sink,
            stderr=sink,
            preexec_fn=die_with_parent if sys.platform.startswith("linux") else None,
        )
    engine = Engine(proc, f"http://127.0.0.1:{port}", store, log)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise StoreError(
                "the SPARQL engine did not start",
                where=str(store),
                why=engine.stderr_tail(),
                fix="re-run kg build",
            )
        try:
            with urllib.request.urlopen(engine.url + "/query?query=ASK%7B%7D", timeout=2):
                return engine
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    engine.stop()
    raise StoreError("the SPARQL engine did not answer in time", where=str(store), fix="retry")


@dataclass
class Gatekeeper:
    """The public endpoint: checks queries, forwards them to the current engine."""

    out: Path
    host: str
    port: int
    timeout_s: int = 30
    allow_service: bool = False
    cors: str | None = None
    engine: Engine | None = None
    restarts: int = 0
    events: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def query_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/query"

    def start(self) -> None:
        store = self._store()  # no built graph: say so before taking the port
        self.logdir = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        try:
            self.httpd = _HTTPServer((self.host, self.port), _handler(self))
        except socket.gaierror as exc:
            raise UsageError(
                f"bad --host {self.host!r}", why=str(exc), fix="use an IP address or a host name"
            ) from exc
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise StoreError(
                    f"port {self.port} is in use",
                    where=self.host,
                    fix="pick another --port, or stop that server",
                ) from exc
            raise UsageError(f"cannot listen on {self.host}:{self.port}", why=str(exc)) from exc
        self.port = self.httpd.server_address[1]
        try:
            self.engine = start_engine(store, self.timeout_s, self.logdir)
        except BaseException:
            self.httpd.server_close()
            raise
        self._serving = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._serving.start()

    def _store(self) -> Path:
        return Path(os.path.realpath(require_store(self.out)))

    def watch(self, stop: threading.Event, every: float = 1.0) -> None:
        """Until ``stop``: restart the engine if it died; move to a new generation after a rebuild."""
        while not stop.wait(every):
            engine = self.engine
            assert engine is not None
            if engine.process.poll() is not None:
                self.events.append(
                    f"the SPARQL engine stopped (exit {engine.process.returncode}): {engine.stderr_tail()}"
                )
                self._swap(start_engine(engine.store, self.timeout_s, self.logdir))
                self.restarts += 1
                continue
            try:
                current = self._store()
            except StoreError:
                continue  # the output folder is being rebuilt from scratch
            if current != engine.store and current.is_dir():
                self._swap(start_engine(current, self.timeout_s, self.logdir))
                self.events.append(f"serving the new generation: {current.parent.name}")

    def _swap(self, engine: Engine) -> None:
        with self._lock:
            old, self.engine = self.engine, engine
        if old is not None:
            old.stop()

    def stop(self) -> None:
        serving = getattr(self, "_serving", None)
        if serving is not None and serving.is_alive():
            self.httpd.shutdown()  # waits for serve_forever, so only when it runs
        if hasattr(self, "httpd"):
            self.httpd.server_close()
        if self.engine is not None:
            self.engine.stop()
        shutil.rmtree(getattr(self, "logdir", ""), ignore_errors=True)


class _HTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def server_bind(self) -> None:
        if ":" in self.server_address[0]:
            self.address_family = socket.AF_INET6
            self.socket = socket.socket(self.address_family, self.socket_type)
        super().server_bind()


def _handler(gate: Gatekeeper) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "diplomacy-kg"

        def log_message(self, format: str, *args) -> None:  # no request log on stderr
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if gate.cors:
                self.send_header("Access-Control-Allow-Origin", gate.cors)
                self.send_header("Vary", "Origin")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_OPTIONS(self) -> None:
            self.send_response(204)
            if gate.cors:
                self.send_header("Access-Control-Allow-Origin", gate.cors)
                self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/":
                self._send(200, f"diplomacy-kg SPARQL endpoint: {gate.query_url}\n".encode())
                return
            if url.path != "/query":
                self._send(404, b"not found: the endpoint is /query\n")
                return
            query = urllib.parse.parse_qs(url.query).get("query", [""])[0]
            self._forward(query, "/query?" + url.query, None, None)

        def do_POST(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/update":
                self._send(403, b"this endpoint is read-only\n")
                return
            if url.path != "/query":
                self._send(404, b"not found: the endpoint is /query\n")
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if length < 0 or length > MAX_BODY:
                self._send(400, f"the request body must be 0 to {MAX_BODY} bytes\n".encode())
                return
            body = self.rfile.read(length)
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-query":
                query = body.decode("utf-8", errors="replace")
            else:
                query = urllib.parse.parse_qs(body.decode("utf-8", errors="replace")).get("query", [""])[0]
            self._forward(query, "/query", body, self.headers.get("Content-Type"))

        def _forward(self, query: str, path: str, body: bytes | None, ctype: str | None) -> None:
            if not query.strip():
                self._send(400, b"no query: pass ?query=... or POST one\n")
                return
            try:
                check_query(query, gate.allow_service)
            except Refused as exc:
                self._send(400, f"query refused: {exc}\n".encode())
                return
            engine = gate.engine
            if engine is None:
                self._send(503, b"the SPARQL engine is starting\n")
                return
            headers = {"Accept": self.headers.get("Accept") or "application/sparql-results+json"}
            if ctype:
                headers["Content-Type"] = ctype
            req = urllib.request.Request(engine.url + path, data=body, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=gate.timeout_s + 10) as resp:
                    data, status, rtype = resp.read(), resp.status, resp.headers.get("Content-Type", "")
            except urllib.error.HTTPError as exc:
                data, status, rtype = exc.read(), exc.code, exc.headers.get("Content-Type", "text/plain")
            except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
                self._send(502, f"the SPARQL engine did not answer: {exc}\n".encode())
                return
            self._send(status, data, rtype or "application/octet-stream")

        do_HEAD = do_GET

    return Handler
