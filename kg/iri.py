"""The one function that mints IRIs for data nodes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from kg.settings import DATA_NS

_SAFE = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A lower-case ASCII slug of ``text``; non-Latin text is percent-encoded, never dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = _SAFE.sub("-", folded.lower()).strip("-")
    if s and len(s) >= max(1, len(text.strip()) // 3):
        return s[:80]
    # Mostly non-Latin: keep the characters, percent-encoded, so that distinct names stay distinct.
    enc = quote(text.strip().lower(), safe="")
    return enc[:120] or "x"


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def loses_letters(text: str) -> bool:
    """Whether folding ``text`` to ASCII drops letters ('Путин', '王毅'), not only accents ('Plötner')."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _letters(folded) < _letters(unicodedata.normalize("NFKD", text))


def actor_key(name: str) -> str:
    """The key of an actor known only by ``name``: its slug, plus a short hash of the name when the
    slug dropped letters, so that 'The Владимир Путин Council' and 'The 王毅 Council' differ."""
    base = slug(name)
    if loses_letters(name):
        base = f"{base}-{hashlib.sha256(name.strip().encode('utf-8')).hexdigest()[:8]}"
    return base


@lru_cache(maxsize=65536)  # a build mints the same actor, demand and forum IRIs many times
def mint(kind: str, *parts: str) -> URIRef:
    """IRI for a node of ``kind`` (actor, claim, meeting...) identified by ``parts``.

    The readable slug is followed by a short hash of the exact parts whenever the slug alone could
    collide (several parts, or a slug that lost characters), so distinct inputs give distinct IRIs.
    """
    if not re.fullmatch(r"[a-z][a-z-]*", kind):
        raise ValueError(f"bad IRI kind {kind!r}")
    joined = "\x1f".join(parts)
    base = slug(parts[0]) if parts else "x"
    needs_hash = len(parts) != 1 or base != parts[0]
    if needs_hash:
        digest = hashlib.sha256(joined.encode("utf-8")).hexdigest()[:10]
        base = f"{base}-{digest}"
    return URIRef(f"{DATA_NS}{kind}/{base}")
