"""The ontology terms Python uses, as a closed namespace (a test checks each is declared)."""

from __future__ import annotations

from rdflib.namespace import ClosedNamespace

from kg.settings import ONTOLOGY_NS

TERMS = [
    # classes
    "Actor",
    "Person",
    "State",
    "Organization",
    "Demand",
    "Stance",
    "Claim",
    "Forum",
    "Meeting",
    "Place",
    "Evidence",
    "Document",
    "Lexicon",
    # stances
    "Demands",
    "Rejects",
    # properties
    "actor",
    "stance",
    "demand",
    "onBehalfOf",
    "party",
    "evidence",
    "document",
    "forum",
    "place",
    "participant",
    "usualVenue",
    "memberActor",
    "memberOf",
    "date",
    "disputedDate",
    "statedDate",
    "role",
    "key",
    "quote",
    "start",
    "end",
    "confidence",
    "mechanism",
    "meetingKind",
    "fileName",
    "sha256",
    "url",
    "plover",
    "cameo",
    "cue",
    "inverseCue",
    "topicCue",
    "opposeCue",
    "vetoCue",
    "entry",
    "allowedStance",
]

DKG = ClosedNamespace(ONTOLOGY_NS, TERMS)
