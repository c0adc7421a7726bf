"""Entity resolution across articles."""

from datetime import date

import pytest

from kg.model import ActorRef, Claim, Document, Evidence, Extraction
from kg.resolve import name_key, resolve


@pytest.mark.parametrize(
    "a,b",
    [
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Aleksandr Grushko", "Alexander Grushko"),
        ("Mariya Zakharova", "Maria Zakharova"),
        ("Sergey Ryabkov", "Sergei Ryabkov"),
    ],
)
def test_transliteration_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def test_different_people_keep_different_keys():
    assert name_key("Jake Sullivan") != name_key("Jens Stoltenberg")


def _extraction(doc_id: str, person: ActorRef, vocab_date=date(2022, 1, 10)) -> Extraction:
    doc = Document(doc_id, f"{doc_id}.txt", "t", vocab_date, "x", "0" * 64)
    ev = Evidence(doc_id, 0, 1, "x")
    claim = Claim(doc_id, person, "Demands", "legal-security-guarantees", ev, "subject", 0.8)
    return Extraction(doc, [person], [claim], [])


def test_one_node_for_spelling_variants_and_surnames_across_articles(vocab):
    a = ActorRef("dmitri-peskov", "Dmitri Peskov", "person", "russia")
    b = ActorRef("dmitry-peskov", "Dmitry Peskov", "person", None)
    c = ActorRef("peskov", "Peskov", "person", None)
    corpus = resolve([_extraction("a", a), _extraction("b", b), _extraction("c", c)], vocab)
    assert {cl.actor.key for cl in corpus.claims} == {"dmitri-peskov"}
    assert [x.key for x in corpus.actors] == ["dmitri-peskov", "russia"]
