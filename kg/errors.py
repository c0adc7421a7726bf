"""Typed errors. The library raises them; only ``kg.cli`` turns them into messages and exit codes."""

from __future__ import annotations


class KgError(Exception):
    """Base class. ``exit_code`` is what the CLI exits with."""

    exit_code = 2

    def __init__(self, what: str, *, where: str = "", why: str = "", fix: str = "") -> None:
        self.what, self.where, self.why, self.fix = what, where, why, fix
        super().__init__(self.message())

    def message(self) -> str:
        parts = [f"{self.where}: {self.what}" if self.where else self.what]
        if self.why:
            parts.append(f"  why: {self.why}")
        if self.fix:
            parts.append(f"  fix: {self.fix}")
        return "\n".join(parts)


class InputError(KgError):
    """An article or corpus cannot be read (bad bytes, empty, malformed date line)."""


class UsageError(KgError):
    """The command was called with options that cannot work."""


class ModelError(KgError):
    """The spaCy model is not installed."""


class OntologyError(KgError):
    """The ontology files are missing or invalid."""


class StoreError(KgError):
    """The built graph is missing, locked or cannot be read."""


class RemoteError(KgError):
    """A remote SPARQL endpoint refused or failed a request."""


class ValidationFailed(KgError):
    """The graph ran through SHACL and does not conform (a negative result, exit 1)."""

    exit_code = 1
