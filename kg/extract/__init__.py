"""Stage 3: extract actors, claims and meetings from one parsed document (a pure function)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.claims import extract_claims
from kg.extract.meetings import extract_meetings
from kg.extract.mentions import Mentions
from kg.extract.speakers import Speech
from kg.model import Document, Extraction
from kg.vocab import Vocabulary


def extract(doc: Doc, document: Document, vocab: Vocabulary) -> Extraction:
    """Everything one document says: its claims and meeting mentions, each with evidence."""
    mentions = Mentions.build(doc, vocab)
    speech = Speech.build(doc, mentions, vocab.lexicon("reporting-verbs"), document.title)
    claims = extract_claims(doc, document, vocab, mentions, speech)
    meetings = extract_meetings(doc, document, vocab, mentions, speech)
    actors = {c.actor.key: c.actor for c in claims}
    for m in meetings:
        actors.update({p.key: p for p in m.participants})
    return Extraction(document, sorted(actors.values(), key=lambda a: a.key), claims, meetings)
