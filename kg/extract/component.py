"""The extractor as a spaCy pipeline component, so that ``nlp.pipe(n_process=N)`` runs the whole
extraction in spaCy's worker processes and a user can add it to a pipeline of their own.

    import kg.annotate  # registers the factories
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("kg_gazetteer", before="ner")  # the gazetteer's actors and forums as entities
    nlp.add_pipe("kg_extract")
    doc = nlp("Russia demanded that NATO stop expanding.")
    doc._.kg_extraction  # {"actors": [...], "claims": [...], "meetings": [...]}

Set ``doc._.kg_document`` (see :func:`kg.model.document_record`) on a Doc made with
``nlp.make_doc`` before piping it to give the article's id, title and date; without it the Doc is
an untitled, undated article. Results are plain data (:func:`kg.model.extraction_from_record`
turns them back into dataclasses), because spaCy serialises extension values between processes.
"""

from __future__ import annotations

import hashlib

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract
from kg.model import Document, document_from_record, extraction_record
from kg.vocab import Vocabulary, load_vocabulary

for _name in ("kg_document", "kg_extraction"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class Extractor:
    """Reads ``doc._.kg_document``, writes ``doc._.kg_extraction``."""

    def __init__(self, vocab: Vocabulary | None = None) -> None:
        self.vocab = vocab

    def __call__(self, doc: Doc) -> Doc:
        if self.vocab is None:
            self.vocab = load_vocabulary()
        meta = doc._.kg_document
        if meta is None:
            digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
            document = Document("doc", "", "", None, doc.text, digest)
        else:
            document = document_from_record(meta, doc.text)
        record = extraction_record(extract(doc, document, self.vocab))
        offset = (meta or {}).get("offset", 0)
        if offset:  # a piece of a long article: evidence offsets into the whole text
            for item in (*record["claims"], *record["meetings"]):
                item["evidence"]["start"] += offset
                item["evidence"]["end"] += offset
        doc._.kg_extraction = record
        return doc


@Language.factory(
    "kg_extract",
    assigns=["doc._.kg_extraction"],
    requires=["doc.ents", "doc.sents", "token.dep", "token.lemma"],
)
def make_extractor(nlp: Language, name: str) -> Extractor:
    """Extract claims and meeting mentions with the ontology's vocabulary (read on first use)."""
    return Extractor()
