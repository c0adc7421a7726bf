"""IRI minting: deterministic, injective, safe for any name."""

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.iri import mint, slug

names = st.text(min_size=1, max_size=60)


@given(names)
def test_minting_is_deterministic_and_safe(name):
    a, b = mint("actor", name), mint("actor", name)
    assert a == b
    for bad in ' <>"{}|\\^`\n\t':
        assert bad not in str(a)


@given(names, names)
def test_distinct_names_give_distinct_iris(x, y):
    if x != y:
        assert mint("actor", x) != mint("actor", y)


@given(st.lists(names, min_size=1, max_size=3))
def test_minted_iris_round_trip_through_turtle(parts):
    iri = mint("claim", *parts)
    g = Graph()
    g.add((iri, RDFS.label, Literal(parts[0])))
    back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert (URIRef(str(iri)), RDFS.label, Literal(parts[0])) in back


def test_readable_slugs_for_plain_keys():
    assert str(mint("actor", "russia")).endswith("/actor/russia")
    assert slug("Sergei Ryabkov") == "sergei-ryabkov"
    assert slug("Юрий Ушаков") != slug("Сергей Рябков")
