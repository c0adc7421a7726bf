"""Read the extractor's vocabulary (demands, cues, lexicons, gazetteer) from ``ontology/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import settings
from kg.errors import OntologyError
from kg.model import ORGANIZATION, PERSON, STATE, ActorRef
from kg.namespace import DKG

KIND_OF_CLASS = {DKG.Person: PERSON, DKG.State: STATE, DKG.Organization: ORGANIZATION}


@dataclass(frozen=True)
class Cue:
    """A cue phrase: slots of lemma alternatives, matched in any order within a clause."""

    text: str
    slots: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> Cue:
        slots = tuple(tuple(_norm_word(alt) for alt in word.split("|") if alt) for word in text.split())
        return cls(text, tuple(s for s in slots if s))


def _norm_word(word: str) -> str:
    return word.lower().replace("-", "").replace("’", "'")


@dataclass(frozen=True)
class DemandConcept:
    key: str
    iri: URIRef
    label: str
    cues: tuple[Cue, ...]
    inverse_cues: tuple[Cue, ...]
    topic_cues: tuple[Cue, ...] = ()
    stances: tuple[str, ...] = ("Demands", "Rejects")
    in_package: bool = False  # part of a package of demands: has a broader or narrower concept
    broader: tuple[str, ...] = ()  # keys of the concepts this one narrows


@dataclass(frozen=True)
class GazetteerActor:
    ref: ActorRef
    iri: URIRef
    aliases: tuple[str, ...]
    hidden: tuple[str, ...]
    wikidata: str | None


@dataclass(frozen=True)
class GazetteerPlace:
    key: str
    iri: URIRef
    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ForumEntry:
    key: str
    iri: URIRef
    label: str
    aliases: tuple[str, ...]
    cues: tuple[Cue, ...]
    venue: str | None
    members: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Everything the extractor reads from the ontology."""

    demands: tuple[DemandConcept, ...]
    demand_cues: tuple[Cue, ...]
    reject_cues: tuple[Cue, ...]
    oppose_cues: tuple[Cue, ...]
    veto_cues: tuple[Cue, ...]
    lexicons: dict[str, frozenset[str]]
    actors: dict[str, GazetteerActor]
    places: dict[str, GazetteerPlace]
    forums: dict[str, ForumEntry]
    graph: Graph = field(repr=False, compare=False, hash=False)
    # per state, the organisations it is a member of ('usa' -> {'nato', 'osce'})
    alliances: dict[str, frozenset[str]] = field(default_factory=dict)

    def lexicon(self, name: str) -> frozenset[str]:
        return self.lexicons.get(name, frozenset())


def _strs(g: Graph, s: URIRef, p: URIRef) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in g.objects(s, p)))


def _key(g: Graph, s: URIRef) -> str:
    k = g.value(s, DKG.key) or g.value(s, SKOS.notation)
    return str(k) if k is not None else str(s).rsplit("/", 1)[-1]


def load_ontology_graph(directory: Path | None = None) -> Graph:
    """Parse every ``*.ttl`` in the ontology folder into one graph."""
    directory = Path(directory or settings.ONTOLOGY_DIR)
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise OntologyError(
            "no ontology files found",
            where=str(directory),
            why="the extractor reads its vocabulary from ontology/*.ttl",
            fix="run from a checkout of diplomacy-kg or set KG_ONTOLOGY to its ontology folder",
        )
    g = Graph()
    for f in files:
        try:
            g.parse(f, format="turtle")
        except Exception as exc:  # rdflib raises many parser-specific types
            raise OntologyError(
                "the ontology file is not valid Turtle",
                where=str(f),
                why=str(exc),
                fix="fix the syntax error at the position shown",
            ) from exc
    return g


@lru_cache(maxsize=4)
def load_vocabulary(directory: str | None = None) -> Vocabulary:
    """Build the :class:`Vocabulary` from the ontology folder (cached per folder)."""
    g = load_ontology_graph(Path(directory) if directory else None)
    demands = []
    for s in sorted(g.subjects(RDF.type, DKG.Demand)):
        demands.append(
            DemandConcept(
                key=_key(g, s),
                iri=s,
                label=str(g.value(s, SKOS.prefLabel) or _key(g, s)),
                cues=tuple(Cue.parse(t) for t in _strs(g, s, DKG.cue)),
                inverse_cues=tuple(Cue.parse(t) for t in _strs(g, s, DKG.inverseCue)),
                topic_cues=tuple(Cue.parse(t) for t in _strs(g, s, DKG.topicCue)),
                stances=tuple(sorted(str(o).rsplit("#", 1)[-1] for o in g.objects(s, DKG.allowedStance)))
                or ("Demands", "Rejects"),
                in_package=(s, SKOS.broader, None) in g or (s, SKOS.narrower, None) in g,
                broader=tuple(sorted(_key(g, b) for b in g.objects(s, SKOS.broader))),
            )
        )
    lexicons = {}
    for s in g.subjects(RDF.type, DKG.Lexicon):
        name = str(s).rsplit("/", 1)[-1]
        lexicons[name] = frozenset(t.lower() for t in _strs(g, s, DKG.entry))
    actors: dict[str, GazetteerActor] = {}
    for cls, kind in KIND_OF_CLASS.items():
        for s in g.subjects(RDF.type, cls):
            key = _key(g, s)
            party = g.value(s, DKG.party)
            label = str(g.value(s, SKOS.prefLabel) or g.value(s, RDFS.label) or key)
            same = [str(o) for o in g.objects(s, OWL.sameAs) if "wikidata" in str(o)]
            ref = ActorRef(
                key=key,
                label=label,
                kind=kind,
                party=_key(g, party) if party is not None else (key if kind != PERSON else None),
                role=str(g.value(s, DKG.role)) if g.value(s, DKG.role) else None,
                known=True,
            )
            actors[key] = GazetteerActor(
                ref=ref,
                iri=s,
                aliases=tuple(sorted({label, *_strs(g, s, SKOS.altLabel)})),
                hidden=_strs(g, s, SKOS.hiddenLabel),
                wikidata=same[0] if same else None,
            )
    places = {}
    for s in g.subjects(RDF.type, DKG.Place):
        key = _key(g, s)
        label = str(g.value(s, SKOS.prefLabel) or key)
        places[key] = GazetteerPlace(key, s, label, tuple(sorted({label, *_strs(g, s, SKOS.altLabel)})))
    forums = {}
    for s in g.subjects(RDF.type, DKG.Forum):
        key = _key(g, s)
        venue = g.value(s, DKG.usualVenue)
        forums[key] = ForumEntry(
            key=key,
            iri=s,
            label=str(g.value(s, SKOS.prefLabel) or key),
            aliases=tuple(sorted({str(g.value(s, SKOS.prefLabel)), *_strs(g, s, SKOS.altLabel)})),
            cues=tuple(Cue.parse(t) for t in _strs(g, s, DKG.cue)),
            venue=_key(g, venue) if venue is not None else None,
            members=tuple(sorted(_key(g, m) for m in g.objects(s, DKG.memberActor))),
        )
    return Vocabulary(
        demands=tuple(demands),
        demand_cues=tuple(Cue.parse(t) for t in _strs(g, DKG.Demands, DKG.cue)),
        reject_cues=tuple(Cue.parse(t) for t in _strs(g, DKG.Rejects, DKG.cue)),
        oppose_cues=tuple(Cue.parse(t) for t in _strs(g, DKG.Rejects, DKG.opposeCue)),
        veto_cues=tuple(Cue.parse(t) for t in _strs(g, DKG.Rejects, DKG.vetoCue)),
        lexicons=lexicons,
        actors=actors,
        places=places,
        forums=forums,
        graph=g,
        alliances={
            key: frozenset(_key(g, o) for o in g.objects(a.iri, DKG.memberOf))
            for key, a in actors.items()
            if (a.iri, DKG.memberOf, None) in g
        },
    )
