"""Plain dataclasses passed from one pipeline stage to the next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PERSON, STATE, ORGANIZATION = "person", "state", "organization"
DEMANDS, REJECTS = "Demands", "Rejects"


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is the body that offsets refer to (the whole file's text)."""

    doc_id: str
    file_name: str
    title: str
    date: date | None
    text: str
    sha256: str
    url: str = ""


@dataclass(frozen=True)
class Evidence:
    """A sentence of a document with character offsets into ``Document.text``."""

    doc_id: str
    start: int
    end: int
    quote: str
    stated_date: date | None = None


@dataclass(frozen=True)
class ActorRef:
    """An actor as the extractor knows it: a gazetteer key or a key minted from its name."""

    key: str
    label: str
    kind: str
    party: str | None = None
    role: str | None = None
    known: bool = False


@dataclass(frozen=True)
class Claim:
    """``actor`` demands or rejects ``demand`` (a concept key), as ``evidence`` shows."""

    doc_id: str
    actor: ActorRef
    stance: str
    demand: str
    evidence: Evidence
    mechanism: str
    confidence: float
    date: date | None = None


@dataclass(frozen=True)
class MeetingMention:
    """One sentence's mention of a meeting, before mentions are merged across articles."""

    doc_id: str
    kind: str
    evidence: Evidence
    forum: str | None = None
    place: str | None = None
    date: date | None = None
    month_day: tuple[int, int] | None = None
    participants: tuple[ActorRef, ...] = ()
    reported: date | None = None  # the article's date: an undated 'the meeting' is a recent one


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    actors: list[ActorRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)


@dataclass
class Meeting:
    """A meeting merged across articles."""

    key: str
    kind: str
    date: date
    forum: str | None
    place: str | None
    participants: list[ActorRef]
    evidence: list[Evidence]
    disputed_dates: list[date] = field(default_factory=list)


@dataclass
class Corpus:
    """The resolved result of a build, ready for ``to_graph``."""

    documents: list[Document]
    actors: list[ActorRef]
    claims: list[Claim]
    meetings: list[Meeting]
    warnings: list[str] = field(default_factory=list)
