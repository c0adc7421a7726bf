"""Child processes that do not outlive the command that started them."""

from __future__ import annotations

import ctypes
import signal


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies, even by ``kill -9`` (a no-op
    elsewhere). Called first thing in a child: a server engine, a worker of a build."""
    try:  # PR_SET_PDEATHSIG
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
