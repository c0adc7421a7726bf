"""Stage 5: turn the resolved corpus into RDF: one named graph per document, plus the corpus
graph (actors, meetings) and the vocabulary graph (demand scheme, forums, places).

The quads are made as pyoxigraph terms, straight for the store's bulk loader and serialisers;
rdflib is only a view for callers that want its API (:meth:`Quads.graph`, :meth:`Quads.union`)."""

from __future__ import annotations

import re
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.iri import mint
from kg.model import PERSON, STATE, ActorRef, Claim, Corpus, Evidence, Meeting
from kg.namespace import DKG
from kg.settings import DATA_NS, ONTOLOGY_DIR, ONTOLOGY_NS
from kg.vocab import Vocabulary

CORPUS_GRAPH = URIRef(DATA_NS + "graph/corpus")
VOCABULARY_GRAPH = URIRef(DATA_NS + "graph/vocabulary")
CLASS_OF = {PERSON: DKG.Person, STATE: DKG.State}
VOCAB_FILES = ("kg.ttl", "demands.ttl")
SCHEMA = "https://schema.org/"
_HTTP_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


def document_graph_iri(doc_id: str) -> URIRef:
    return mint("graph", doc_id)


def actor_iri(key: str) -> URIRef:
    return mint("actor", key)


def place_iri(key: str) -> URIRef:
    return mint("place", key)


PREFIXES = {
    "dkg": ONTOLOGY_NS,
    **{
        k: f"{DATA_NS}{k}/"
        for k in ("actor", "claim", "evidence", "meeting", "document", "place", "forum", "demand")
    },
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": SCHEMA,
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
}

Key = str  # a term in N-Triples syntax: the sort key of the output and the index of Quads.terms
Row = tuple[Key, Key, Key, Key]  # graph, subject, predicate, object


class Quads:
    """A set of quads, kept as N-Triples keys beside their pyoxigraph terms, so that sorting and
    de-duplicating cost string comparisons only. ``sorted_quads`` and ``union_triples`` give
    the orders every output file uses (they depend only on the content)."""

    def __init__(self) -> None:
        self.rows: set[Row] = set()
        self.terms: dict[Key, ox.NamedNode | ox.Literal | ox.BlankNode] = {}
        self._iris: dict[str, Key] = {}
        self._literals: dict[tuple, Key] = {}

    def iri(self, value: str) -> Key:
        key = self._iris.get(value)
        if key is None:
            term = ox.NamedNode(value)
            key = self._iris[value] = str(term)
            self.terms[key] = term
        return key

    def literal(self, value: str, datatype: str | None = None, language: str | None = None) -> Key:
        k = (value, datatype, language)
        key = self._literals.get(k)
        if key is None:
            if language:
                term = ox.Literal(value, language=language)
            elif datatype:
                term = ox.Literal(value, datatype=ox.NamedNode(datatype))
            else:
                term = ox.Literal(value)
            key = self._literals[k] = str(term)
            self.terms[key] = term
        return key

    @classmethod
    def of(cls, quads) -> Quads:
        """The quads of a pyoxigraph store (or any iterable of pyoxigraph quads)."""
        out = cls()
        for q in quads:
            row = tuple(str(x) for x in (q.graph_name, q.subject, q.predicate, q.object))
            for key, x in zip(row, (q.graph_name, q.subject, q.predicate, q.object)):
                out.terms.setdefault(key, x)
            out.rows.add(row)
        return out

    def term(self, t) -> Key:
        """The key of an rdflib term (from the parsed ontology)."""
        if isinstance(t, URIRef):
            return self.iri(str(t))
        if isinstance(t, Literal):
            return self.literal(str(t), str(t.datatype) if t.datatype else None, t.language)
        if isinstance(t, BNode):
            term = ox.BlankNode(str(t))
            self.terms[str(term)] = term
            return str(term)
        raise TypeError(f"not an RDF term: {t!r}")

    def __len__(self) -> int:
        return len(self.rows)

    def sorted_rows(self) -> list[Row]:
        return sorted(self.rows)

    def sorted_quads(self) -> list[ox.Quad]:
        """Every quad, ordered by graph, subject, predicate and object."""
        t = self.terms
        return [ox.Quad(t[s], t[p], t[o], t[g]) for g, s, p, o in self.sorted_rows()]

    def union_triples(self) -> list[ox.Triple]:
        """Every distinct triple of the named graphs, ordered by subject, predicate and object."""
        t = self.terms
        return [ox.Triple(t[s], t[p], t[o]) for s, p, o in sorted({r[1:] for r in self.rows})]

    def graph(self, name: URIRef) -> Graph:
        """One named graph as an rdflib ``Graph``."""
        g = Graph()
        _bind(g)
        key = self.iri(str(name))
        for r in self.sorted_rows():
            if r[0] == key:
                g.add(tuple(_rdflib(self.terms[k]) for k in r[1:]))
        return g

    def union(self) -> Graph:
        """All triples of every named graph in one rdflib ``Graph``."""
        g = Graph()
        _bind(g)
        for t in self.union_triples():
            g.add(tuple(_rdflib(x) for x in t))
        return g


def _rdflib(t):
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    if t.datatype.value == str(XSD.string):
        return Literal(t.value)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)


class _Writer:
    """Adds the triples of one corpus to :class:`Quads`; outside the vocabulary graph each triple
    also asserts the standard classes and properties its dkg term is aligned with (schema.org,
    PROV, FOAF, ORG: see ``kg.ttl``), so such queries need no reasoner."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.q = Quads()
        self.vocab = vocab
        q = self.q
        self.type = q.iri(str(RDF.type))
        aligned = _alignment(vocab.graph).items()
        self.supers = {q.iri(str(k)): [q.iri(str(x)) for x in sorted(v)] for k, v in aligned}
        self.vg = q.iri(str(VOCABULARY_GRAPH))
        self.cg = q.iri(str(CORPUS_GRAPH))
        self.xsd_date = str(XSD.date)

    def add(self, g: Key, s: Key, p: Key, o: Key) -> None:
        rows = self.q.rows
        rows.add((g, s, p, o))
        if g == self.vg:
            return
        if p == self.type:
            for sup in self.supers.get(o, ()):
                rows.add((g, s, p, sup))
        else:
            for sup in self.supers.get(p, ()):
                rows.add((g, s, sup, o))

    def iri(self, value) -> Key:
        return self.q.iri(str(value))

    def text(self, value: str, language: str | None = None) -> Key:
        return self.q.literal(value, language=language)

    def typed(self, value, datatype: URIRef) -> Key:
        return self.q.literal(str(value), str(datatype))

    def date(self, value) -> Key:
        return self.q.literal(value.isoformat(), self.xsd_date)


def _vocabulary(w: _Writer, actors: dict[str, ActorRef]) -> None:
    vocab, q = w.vocab, w.q
    for name in VOCAB_FILES:
        for t in ox.parse(path=str(ONTOLOGY_DIR / name), format=ox.RdfFormat.TURTLE):
            keys = []
            for x in (t.subject, t.predicate, t.object):
                key = str(x)
                q.terms.setdefault(key, x)
                keys.append(key)
            w.add(w.vg, *keys)
    for f in vocab.forums.values():
        for s, p, o in vocab.graph.triples((f.iri, None, None)):
            if p != DKG.cue:
                w.add(w.vg, q.term(s), q.term(p), q.term(o))
        for member in f.members:
            if member in vocab.actors:
                actors.setdefault(member, vocab.actors[member].ref)
        if f.venue and f.venue in vocab.places:
            _place(w, f.venue, vocab.places[f.venue].label)


def _place(w: _Writer, key: str, label: str) -> Key:
    node = w.iri(place_iri(key))
    w.add(w.vg, node, w.type, w.iri(DKG.Place))
    w.add(w.vg, node, w.iri(RDFS.label), w.text(label))
    return node


def _document(w: _Writer, d) -> None:
    g = w.iri(document_graph_iri(d.doc_id))
    node = w.iri(mint("document", d.doc_id))
    label = w.text(d.title or d.file_name)
    w.add(g, node, w.type, w.iri(DKG.Document))
    w.add(g, node, w.iri(RDFS.label), label)
    w.add(g, node, w.iri(SCHEMA + "headline"), label)
    w.add(g, node, w.iri(DKG.fileName), w.text(d.file_name.rsplit("/", 1)[-1]))
    w.add(g, node, w.iri(DKG.sha256), w.text(d.sha256))
    if d.date:
        w.add(g, node, w.iri(DKG.date), w.date(d.date))
        w.add(g, node, w.iri(SCHEMA + "datePublished"), w.date(d.date))
    if d.url:
        w.add(g, node, w.iri(DKG.url), w.text(d.url))
        if _HTTP_URL.match(d.url):
            w.add(g, node, w.iri(SCHEMA + "url"), w.iri(d.url))


def _evidence(w: _Writer, g: Key, ev: Evidence) -> Key:
    node = w.iri(
        mint(
            "evidence",
            ev.doc_id,
            str(ev.start),
            str(ev.end),
            ev.stated_date.isoformat() if ev.stated_date else "",
        )
    )
    w.add(g, node, w.type, w.iri(DKG.Evidence))
    w.add(g, node, w.iri(DKG.quote), w.text(ev.quote))
    w.add(g, node, w.iri(DKG.start), w.typed(ev.start, XSD.integer))
    w.add(g, node, w.iri(DKG.end), w.typed(ev.end, XSD.integer))
    w.add(g, node, w.iri(DKG.document), w.iri(mint("document", ev.doc_id)))
    if ev.stated_date:
        w.add(g, node, w.iri(DKG.statedDate), w.date(ev.stated_date))
    return node


def _actor(w: _Writer, a: ActorRef) -> None:
    g, node = w.cg, w.iri(actor_iri(a.key))
    w.add(g, node, w.type, w.iri(CLASS_OF.get(a.kind, DKG.Organization)))
    w.add(g, node, w.iri(RDFS.label), w.text(a.label))
    w.add(g, node, w.iri(SKOS.prefLabel), w.text(a.label, "en"))
    w.add(g, node, w.iri(DKG.key), w.text(a.key))
    if a.party and a.party != a.key:
        w.add(g, node, w.iri(DKG.party), w.iri(actor_iri(a.party)))
    if a.role:
        w.add(g, node, w.iri(DKG.role), w.text(a.role))
    known = w.vocab.actors.get(a.key)
    if known is not None:
        for alias in known.aliases:
            if alias != a.label:
                w.add(g, node, w.iri(SKOS.altLabel), w.text(alias, "en"))
        if known.wikidata:
            w.add(g, node, w.iri(OWL.sameAs), w.iri(known.wikidata))


def _claim(w: _Writer, c: Claim, demands: dict) -> None:
    g = w.iri(document_graph_iri(c.doc_id))
    node = w.iri(mint("claim", c.doc_id, c.actor.key, c.stance, c.demand, str(c.evidence.start)))
    demand = demands[c.demand]
    w.add(g, node, w.type, w.iri(DKG.Claim))
    w.add(g, node, w.iri(RDFS.label), w.text(f"{c.actor.label} {c.stance.lower()} {demand.label}"))
    w.add(g, node, w.iri(DKG.actor), w.iri(actor_iri(c.actor.key)))
    w.add(g, node, w.iri(DKG.stance), w.iri(DKG[c.stance]))
    w.add(g, node, w.iri(DKG.demand), w.iri(demand.iri))
    w.add(g, node, w.iri(DKG.onBehalfOf), w.iri(actor_iri(c.actor.party or c.actor.key)))
    if c.date:
        w.add(g, node, w.iri(DKG.date), w.date(c.date))
    w.add(g, node, w.iri(DKG.confidence), w.typed(Decimal(str(c.confidence)), XSD.decimal))
    w.add(g, node, w.iri(DKG.mechanism), w.text(c.mechanism))
    w.add(g, node, w.iri(PROV.wasDerivedFrom), w.iri(mint("document", c.doc_id)))
    w.add(g, node, w.iri(DKG.evidence), _evidence(w, g, c.evidence))


def _meeting(w: _Writer, m: Meeting) -> None:
    g, node = w.cg, w.iri(mint("meeting", m.key))
    forum = w.vocab.forums.get(m.forum) if m.forum else None
    place = w.vocab.places.get(m.place) if m.place else None
    place_label = place.label if place else (m.place or "")
    label = ", ".join(x for x in (forum.label if forum else m.kind, place_label, m.date.isoformat()) if x)
    w.add(g, node, w.type, w.iri(DKG.Meeting))
    w.add(g, node, w.iri(RDFS.label), w.text(label))
    w.add(g, node, w.iri(DKG.meetingKind), w.text(m.kind))
    w.add(g, node, w.iri(DKG.date), w.date(m.date))
    w.add(g, node, w.iri(SCHEMA + "startDate"), w.date(m.date))
    for d in m.disputed_dates:
        w.add(g, node, w.iri(DKG.disputedDate), w.date(d))
    if forum:
        w.add(g, node, w.iri(DKG.forum), w.iri(forum.iri))
    if m.place:
        w.add(g, node, w.iri(DKG.place), _place(w, m.place, place_label))
    for p in m.participants:
        w.add(g, node, w.iri(DKG.participant), w.iri(actor_iri(p.key)))
    for ev in m.evidence:
        dg = w.iri(document_graph_iri(ev.doc_id))
        w.add(dg, node, w.iri(DKG.evidence), _evidence(w, dg, ev))


def to_graph(corpus: Corpus, vocab: Vocabulary) -> Quads:
    """The whole knowledge graph as :class:`Quads` in named graphs: one per document, the corpus
    graph and the vocabulary graph."""
    w = _Writer(vocab)
    # Every actor is described once, in the corpus graph: a triple in two graphs is two rows in
    # any query over the union default graph.
    actors = {a.key: a for a in corpus.actors}
    _vocabulary(w, actors)
    for d in corpus.documents:
        _document(w, d)
    for key in sorted(actors):
        _actor(w, actors[key])
    demands = {d.key: d for d in vocab.demands}
    for c in corpus.claims:
        _claim(w, c, demands)
    for m in corpus.meetings:
        _meeting(w, m)
    return w.q


def _alignment(ontology: Graph) -> dict[URIRef, set[URIRef]]:
    """For each project class and property, the standard (non-dkg) classes and properties it is a
    sub-class or sub-property of, transitively, as ``kg.ttl`` declares them."""
    direct: dict[URIRef, set[URIRef]] = {}
    for rel in (RDFS.subClassOf, RDFS.subPropertyOf):
        for sub, sup in ontology.subject_objects(rel):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                direct.setdefault(sub, set()).add(sup)
    out: dict[URIRef, set[URIRef]] = {}
    for term in direct:
        if not str(term).startswith(ONTOLOGY_NS):
            continue
        seen, todo = set(), list(direct[term])
        while todo:
            t = todo.pop()
            if t not in seen:
                seen.add(t)
                todo += direct.get(t, ())
        out[term] = {t for t in seen if not str(t).startswith(ONTOLOGY_NS)}
    return out
