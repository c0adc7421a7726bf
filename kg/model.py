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
    reused: int = 0  # documents whose extraction was read from the cache


# ---------------------------------------------------------------------- records
# Extraction results travel between processes (spaCy's nlp.pipe(n_process=N) serialises each Doc
# with its extension values through msgpack), so they have a plain-data form: dicts, lists,
# strings and numbers, dates as ISO strings.


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _actor(r: dict) -> ActorRef:
    return ActorRef(r["key"], r["label"], r["kind"], r["party"], r["role"], r["known"])


def _evidence_record(e: Evidence) -> dict:
    return {
        "doc_id": e.doc_id,
        "start": e.start,
        "end": e.end,
        "quote": e.quote,
        "stated": _iso(e.stated_date),
    }


def _evidence(r: dict) -> Evidence:
    return Evidence(r["doc_id"], r["start"], r["end"], r["quote"], _day(r["stated"]))


def document_record(d: Document) -> dict:
    """A document's metadata (its text is the Doc's own)."""
    return {
        "doc_id": d.doc_id,
        "file_name": d.file_name,
        "title": d.title,
        "date": _iso(d.date),
        "sha256": d.sha256,
        "url": d.url,
    }


def document_from_record(r: dict, text: str) -> Document:
    return Document(r["doc_id"], r["file_name"], r["title"], _day(r["date"]), text, r["sha256"], r["url"])


def extraction_record(x: Extraction) -> dict:
    """The plain-data form of an extraction, without its document."""
    return {
        "actors": [vars(a).copy() for a in x.actors],
        "claims": [
            {
                "doc_id": c.doc_id,
                "actor": vars(c.actor).copy(),
                "stance": c.stance,
                "demand": c.demand,
                "evidence": _evidence_record(c.evidence),
                "mechanism": c.mechanism,
                "confidence": c.confidence,
                "date": _iso(c.date),
            }
            for c in x.claims
        ],
        "meetings": [
            {
                "doc_id": m.doc_id,
                "kind": m.kind,
                "evidence": _evidence_record(m.evidence),
                "forum": m.forum,
                "place": m.place,
                "date": _iso(m.date),
                "month_day": list(m.month_day) if m.month_day else None,
                "participants": [vars(p).copy() for p in m.participants],
                "reported": _iso(m.reported),
            }
            for m in x.meetings
        ],
    }


def extraction_from_record(r: dict, document: Document) -> Extraction:
    """The inverse of :func:`extraction_record`."""
    return Extraction(
        document,
        [_actor(a) for a in r["actors"]],
        [
            Claim(
                c["doc_id"],
                _actor(c["actor"]),
                c["stance"],
                c["demand"],
                _evidence(c["evidence"]),
                c["mechanism"],
                c["confidence"],
                _day(c["date"]),
            )
            for c in r["claims"]
        ],
        [
            MeetingMention(
                m["doc_id"],
                m["kind"],
                _evidence(m["evidence"]),
                m["forum"],
                m["place"],
                _day(m["date"]),
                tuple(m["month_day"]) if m["month_day"] else None,
                tuple(_actor(p) for p in m["participants"]),
                _day(m["reported"]),
            )
            for m in r["meetings"]
        ],
    )


def append_record(record: dict, more: dict) -> None:
    """Add the extraction record of the next piece of a long article to the first piece's."""
    record["claims"] += more["claims"]
    record["meetings"] += more["meetings"]
    known = {a["key"] for a in record["actors"]}
    record["actors"] = sorted(
        [*record["actors"], *(a for a in more["actors"] if a["key"] not in known)], key=lambda a: a["key"]
    )
