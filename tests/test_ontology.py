"""The ontology is valid, self-consistent and the single source of the terms Python uses."""

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespace import DKG, TERMS
from kg.settings import ONTOLOGY_DIR
from kg.vocab import load_ontology_graph

DESIGN_KEYS = {
    "nato-non-expansion",
    "ukraine-not-in-nato",
    "no-strike-weapons-near-russia",
    "nato-1997-posture",
    "no-bases-in-former-soviet-states",
    "end-nato-ukraine-cooperation",
    "legal-security-guarantees",
    "russian-security-proposals",
    "russian-de-escalation",
}


def test_every_python_term_is_declared_and_labelled():
    g = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    for term in TERMS:
        iri = DKG[term]
        assert (iri, RDF.type, None) in g, f"{term} is not declared in kg.ttl"
        assert g.value(iri, RDFS.label) is not None, f"{term} has no rdfs:label"


def test_every_declared_term_has_a_label():
    g = load_ontology_graph()
    for cls in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for s in g.subjects(RDF.type, cls):
            if str(s).startswith(str(DKG)):
                assert g.value(s, RDFS.label) is not None, s


def test_demand_scheme_has_the_design_keys(vocab):
    assert {d.key for d in vocab.demands} == DESIGN_KEYS
    g = vocab.graph
    for d in vocab.demands:
        assert g.value(d.iri, SKOS.scopeNote) is not None
        assert d.cues or d.inverse_cues, f"{d.key} has no cue phrases"


def test_every_class_has_a_shape():
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    targets = set(shapes.objects(None, __import__("rdflib").SH.targetClass))
    g = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    for cls in g.subjects(RDF.type, OWL.Class):
        if cls in {DKG.Stance, DKG.Lexicon}:
            continue
        assert cls in targets, f"no SHACL shape targets {cls}"


def test_gazetteer_persons_have_a_party(vocab):
    for key, a in vocab.actors.items():
        if a.ref.kind == "person":
            assert a.ref.party in vocab.actors, key
