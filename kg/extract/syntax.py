"""Small helpers over spaCy dependency trees, shared by the extraction stages."""

from __future__ import annotations

from spacy.tokens import Token


def tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in ids_b:
            return k + ids_b[t.i]
    return 99


def is_subject(tok: Token) -> bool:
    """Whether a token is (in the phrase of) its clause's subject."""
    node = tok
    while node.dep_ in {"compound", "appos", "flat", "conj"} and node.head.i != node.i:
        node = node.head
    return node.dep_ in {"nsubj", "nsubjpass"}
