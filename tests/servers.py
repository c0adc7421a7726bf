"""Helpers that start real servers on loopback for the tests (Virtuoso, kg serve)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(url)


def virtuoso_available() -> bool:
    return shutil.which("virtuoso-t") is not None and VIRTUOSO_INI.is_file()


def start_virtuoso(workdir: Path) -> tuple[subprocess.Popen, int]:
    """Virtuoso 7 with a throw-away database in ``workdir``, HTTP and SQL on loopback ports."""
    http, sql = free_port(), free_port()
    ini = VIRTUOSO_INI.read_text()
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(workdir))
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111", f"ServerPort = 127.0.0.1:{sql}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890", f"ServerPort = 127.0.0.1:{http}", ini)
    (workdir / "virtuoso.ini").write_text(ini)
    proc = subprocess.Popen(
        ["virtuoso-t", "+foreground", "+configfile", str(workdir / "virtuoso.ini")],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_http(f"http://127.0.0.1:{http}/sparql?query=ASK%7B%7D", timeout=90)
    return proc, http
