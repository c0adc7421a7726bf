"""The extractor as a spaCy component: in a user's own pipeline, across worker processes, and its
plain-data results round-trip to the dataclasses."""

from datetime import date

import pytest
import spacy

from kg import settings
from kg.annotate import annotate  # also registers kg_gazetteer and kg_extract
from kg.model import Document, document_record, extraction_from_record, extraction_record

pytestmark = pytest.mark.model

TEXTS = [
    "Russia demanded on Monday that NATO stop expanding eastward.",
    "Sergei Lavrov and Antony Blinken met in Geneva on Friday. Blinken rejected the demand.",
    "The weather was mild.",
]


def _documents() -> list[Document]:
    return [
        Document(f"d{k}", f"d{k}.txt", f"title {k}", date(2022, 1, 21), text, f"{k:064d}")
        for k, text in enumerate(TEXTS)
    ]


def test_a_users_own_pipeline_can_add_the_extractor():
    nlp = spacy.load(settings.model_name())
    nlp.add_pipe("kg_gazetteer", before="ner")
    nlp.add_pipe("kg_extract")
    assert nlp.analyze_pipes()["problems"]["kg_extract"] == []
    doc = nlp(TEXTS[0])
    claims = doc._.kg_extraction["claims"]
    assert {(c["actor"]["key"], c["stance"], c["demand"]) for c in claims} >= {
        ("russia", "Demands", "nato-non-expansion")
    }


def test_worker_processes_extract_what_one_process_does(nlp):
    docs = _documents()
    one = [d._.kg_extraction for _, d in annotate(docs, nlp, jobs=1)]
    two = [d._.kg_extraction for _, d in annotate(docs, nlp, jobs=2)]
    assert one == two
    assert one[0]["claims"] and one[2]["claims"] == [] and one[1]["meetings"]


def test_worker_pool_returns_one_merged_record_per_document_in_order(nlp, monkeypatch):
    import kg.annotate

    monkeypatch.setattr(kg.annotate, "CHUNK_CHARS", 70)  # the long article comes in pieces
    monkeypatch.setattr(kg.annotate, "WORKER_BATCH", 1)
    long = "Russia demanded that NATO stop expanding eastward.\n\nMoscow also demanded security guarantees."
    docs = [*_documents(), Document("d9", "d9.txt", "t", date(2022, 1, 21), long, "9" * 64)]
    one = list(kg.annotate.extract_records(docs, nlp, jobs=1))
    two = list(kg.annotate.extract_records(docs, nlp, jobs=2))
    assert [d for d, _ in one] == docs and [d.doc_id for d, _ in two] == [d.doc_id for d in docs]
    assert [r for _, r in one] == [r for _, r in two]
    assert len(kg.annotate.chunks(long)) == 2
    assert {c["demand"] for c in one[-1][1]["claims"]} >= {"nato-non-expansion", "legal-security-guarantees"}


def test_records_round_trip_to_the_dataclasses(analyse):
    for k, text in enumerate(TEXTS):
        x = analyse(text, when=date(2022, 1, 21), doc_id=f"d{k}")
        back = extraction_from_record(extraction_record(x), x.document)
        assert back == x


def test_document_metadata_reaches_the_component(nlp):
    [document] = _documents()[1:2]
    doc = nlp.make_doc(document.text)
    doc._.kg_document = document_record(document)
    meetings = nlp(doc)._.kg_extraction["meetings"]
    assert {m["date"] for m in meetings} == {"2022-01-21"}  # 'on Friday' against the article's date
    assert all(m["doc_id"] == "d1" for m in meetings)
