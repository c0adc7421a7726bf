"""Stage 5: turn the resolved corpus into RDF: one named graph per document, plus the corpus
graph (actors, meetings) and the vocabulary graph (demand scheme, forums, places)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
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


def document_graph_iri(doc_id: str) -> URIRef:
    return mint("graph", doc_id)


def actor_iri(key: str) -> URIRef:
    return mint("actor", key)


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
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
}


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)


def _evidence(g: Graph, ev: Evidence, doc_iri: URIRef) -> URIRef:
    node = mint(
        "evidence",
        ev.doc_id,
        str(ev.start),
        str(ev.end),
        ev.stated_date.isoformat() if ev.stated_date else "",
    )
    g.add((node, RDF.type, DKG.Evidence))
    g.add((node, DKG.quote, Literal(ev.quote)))
    g.add((node, DKG.start, Literal(ev.start, datatype=XSD.integer)))
    g.add((node, DKG.end, Literal(ev.end, datatype=XSD.integer)))
    g.add((node, DKG.document, doc_iri))
    if ev.stated_date:
        g.add((node, DKG.statedDate, Literal(ev.stated_date, datatype=XSD.date)))
    return node


def _actor(g: Graph, a: ActorRef, vocab: Vocabulary) -> None:
    node = actor_iri(a.key)
    g.add((node, RDF.type, CLASS_OF.get(a.kind, DKG.Organization)))
    g.add((node, RDFS.label, Literal(a.label)))
    g.add((node, SKOS.prefLabel, Literal(a.label, lang="en")))
    g.add((node, DKG.key, Literal(a.key)))
    if a.party and a.party != a.key:
        g.add((node, DKG.party, actor_iri(a.party)))
    if a.role:
        g.add((node, DKG.role, Literal(a.role)))
    known = vocab.actors.get(a.key)
    if known is not None:
        for alias in known.aliases:
            if alias != a.label:
                g.add((node, SKOS.altLabel, Literal(alias, lang="en")))
        if known.wikidata:
            g.add((node, OWL.sameAs, URIRef(known.wikidata)))


def _claim(g: Graph, c: Claim, doc_iri: URIRef, vocab: Vocabulary) -> None:
    node = mint("claim", c.doc_id, c.actor.key, c.stance, c.demand, str(c.evidence.start))
    demand = next(d for d in vocab.demands if d.key == c.demand)
    g.add((node, RDF.type, DKG.Claim))
    g.add((node, RDFS.label, Literal(f"{c.actor.label} {c.stance.lower()} {demand.label}")))
    g.add((node, DKG.actor, actor_iri(c.actor.key)))
    g.add((node, DKG.stance, DKG[c.stance]))
    g.add((node, DKG.demand, demand.iri))
    party = c.actor.party or c.actor.key
    g.add((node, DKG.onBehalfOf, actor_iri(party)))
    if c.date:
        g.add((node, DKG.date, Literal(c.date, datatype=XSD.date)))
    g.add((node, DKG.confidence, Literal(Decimal(str(c.confidence)), datatype=XSD.decimal)))
    g.add((node, DKG.mechanism, Literal(c.mechanism)))
    g.add((node, PROV.wasDerivedFrom, doc_iri))
    g.add((node, DKG.evidence, _evidence(g, c.evidence, doc_iri)))


def place_iri(key: str) -> URIRef:
    return mint("place", key)


def _meeting(ds: Dataset, m: Meeting, vocab: Vocabulary) -> None:
    g = ds.graph(CORPUS_GRAPH)
    node = mint("meeting", m.key)
    forum = vocab.forums.get(m.forum) if m.forum else None
    place = vocab.places.get(m.place) if m.place else None
    place_label = place.label if place else (m.place or "")
    label = ", ".join(x for x in (forum.label if forum else m.kind, place_label, m.date.isoformat()) if x)
    g.add((node, RDF.type, DKG.Meeting))
    g.add((node, RDFS.label, Literal(label)))
    g.add((node, DKG.meetingKind, Literal(m.kind)))
    g.add((node, DKG.date, Literal(m.date, datatype=XSD.date)))
    for d in m.disputed_dates:
        g.add((node, DKG.disputedDate, Literal(d, datatype=XSD.date)))
    if forum:
        g.add((node, DKG.forum, forum.iri))
    if m.place:
        g.add((node, DKG.place, place_iri(m.place)))
        vg = ds.graph(VOCABULARY_GRAPH)
        vg.add((place_iri(m.place), RDF.type, DKG.Place))
        vg.add((place_iri(m.place), RDFS.label, Literal(place_label)))
    for p in m.participants:
        g.add((node, DKG.participant, actor_iri(p.key)))
    for ev in m.evidence:
        dg = ds.graph(document_graph_iri(ev.doc_id))
        dg.add((node, DKG.evidence, _evidence(dg, ev, mint("document", ev.doc_id))))


def to_graph(corpus: Corpus, vocab: Vocabulary) -> Dataset:
    """The whole knowledge graph as an rdflib ``Dataset`` of named graphs."""
    ds = Dataset()
    _bind(ds)
    vg = ds.graph(VOCABULARY_GRAPH)
    for name in VOCAB_FILES:
        vg.parse(ONTOLOGY_DIR / name, format="turtle")
    # Every actor is described once, in the corpus graph: a triple in two graphs is two rows in
    # any query over the union default graph.
    actors = {a.key: a for a in corpus.actors}
    for f in vocab.forums.values():
        for t in vocab.graph.triples((f.iri, None, None)):
            if t[1] not in (DKG.cue,):
                vg.add(t)
        for member in f.members:
            if member in vocab.actors:
                actors.setdefault(member, vocab.actors[member].ref)
        if f.venue and f.venue in vocab.places:
            vg.add((place_iri(f.venue), RDF.type, DKG.Place))
            vg.add((place_iri(f.venue), RDFS.label, Literal(vocab.places[f.venue].label)))
    for d in corpus.documents:
        doc_iri = mint("document", d.doc_id)
        g = ds.graph(document_graph_iri(d.doc_id))
        g.add((doc_iri, RDF.type, DKG.Document))
        g.add((doc_iri, RDFS.label, Literal(d.title or d.file_name)))
        g.add((doc_iri, DKG.fileName, Literal(d.file_name.rsplit("/", 1)[-1])))
        g.add((doc_iri, DKG.sha256, Literal(d.sha256)))
        if d.date:
            g.add((doc_iri, DKG.date, Literal(d.date, datatype=XSD.date)))
        if d.url:
            g.add((doc_iri, DKG.url, Literal(d.url)))
    cg = ds.graph(CORPUS_GRAPH)
    for key in sorted(actors):
        _actor(cg, actors[key], vocab)
    for c in corpus.claims:
        doc_iri = mint("document", c.doc_id)
        _claim(ds.graph(document_graph_iri(c.doc_id)), c, doc_iri, vocab)
    for m in corpus.meetings:
        _meeting(ds, m, vocab)
    supers = _alignment(vocab.graph)
    for ctx in list(ds.graphs()):
        if ctx.identifier != VOCABULARY_GRAPH:
            _materialize(ctx, supers)
    return ds


SCHEMA = "https://schema.org/"


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


def _materialize(g: Graph, supers: dict[URIRef, set[URIRef]]) -> None:
    """Assert the standard types and properties beside the project's own, so that schema.org,
    PROV, FOAF and ORG queries work without a reasoner; documents and meetings get the schema.org
    terms a reader expects (datePublished, headline, url; startDate)."""
    schema = {
        k: URIRef(SCHEMA + k)
        for k in ("datePublished", "headline", "url", "startDate", "NewsArticle", "Event")
    }
    for s, p, o in list(g):
        if p == RDF.type:
            for sup in supers.get(o, ()):
                g.add((s, RDF.type, sup))
        else:
            for sup in supers.get(p, ()):
                g.add((s, sup, o))
    for doc in list(g.subjects(RDF.type, DKG.Document)):
        for d in g.objects(doc, DKG.date):
            g.add((doc, schema["datePublished"], d))
        for title in g.objects(doc, RDFS.label):
            g.add((doc, schema["headline"], title))
        for url in g.objects(doc, DKG.url):
            if re.match(r"^https?://[^\s<>\"{}|\\^`]+$", str(url)):
                g.add((doc, schema["url"], URIRef(str(url))))
    for m in list(g.subjects(RDF.type, DKG.Meeting)):
        for d in g.objects(m, DKG.date):
            g.add((m, schema["startDate"], d))


def union(ds: Dataset) -> Graph:
    """All triples of every named graph in one rdflib ``Graph``."""
    g = Graph()
    _bind(g)
    for ctx in ds.graphs():
        for t in ctx:
            g.add(t)
    return g


def as_quads(ds: Dataset) -> Iterator[ox.Quad]:
    """The dataset's quads as pyoxigraph terms, for the store's bulk loader."""
    for s, p, o, g in ds.quads((None, None, None, None)):
        if g is None:
            continue
        yield ox.Quad(_term(s), _term(p), _term(o), _term(g.identifier if isinstance(g, Graph) else g))


def _term(t):
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    raise TypeError(f"not an RDF term: {t!r}")
