"""Small helpers over spaCy dependency trees, shared by the extraction stages."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in ids_b:
            return k + ids_b[t.i]
    return 99


def headed(doc: Doc, tokens: tuple[int, ...]) -> bool:
    """Whether one of ``tokens`` is an ancestor of all the others (or is the other)."""
    toks = [doc[i] for i in set(tokens)]
    return any(all(t.i == h.i or h in t.ancestors for t in toks) for h in toks)


def is_vocative(tok: Token) -> bool:
    """'Ned, the Russians say ...': a name that opens its sentence (or a turn) set off by a comma is
    the one addressed, though the parser may make it a second subject."""
    if tok.pos_ != "PROPN" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].text != ",":
        return False
    first = tok.left_edge
    before = tok.doc[first.i - 1] if first.i > 0 else None
    return first.i == tok.sent.start or (before is not None and before.text in {":", "\n", "\n\n"})


def is_subject(tok: Token) -> bool:
    """Whether a token is (in the phrase of) its clause's subject."""
    node = tok
    while node.dep_ in {"compound", "appos", "flat", "conj"} and node.head.i != node.i:
        node = node.head
    return node.dep_ in {"nsubj", "nsubjpass"}


def one_phrase(doc: Doc, tokens: tuple[int, ...]) -> bool:
    """Whether words stand in one clause and close together in the parse: each word reaches the
    others' common ancestor without passing through another verb."""
    toks = [doc[i] for i in tokens]
    if len(toks) < 2:
        return True
    chains = [[t, *t.ancestors] for t in toks]
    common = set.intersection(*({u.i for u in c} for c in chains))
    if not common:
        return False
    top = max(common, key=lambda i: len(list(doc[i].ancestors)))
    total = 0
    for chain in chains:
        for k, node in enumerate(chain):
            if node.i in common:
                total += k
                break
            if node.dep_ == "conj" and node.head.i == top and top not in tokens:
                # 'a ban on enlargement of the alliance and a promise that Ukraine would never
                # join': words in two items of a list
                return False
            if k > 0 and node.pos_ in {"VERB", "AUX"} and not _infinitive_of_noun(node):
                # 'Ukraine would keep pressing to join NATO': a chain of controlled verbs; 'called on
                # the alliance to stop exercises with Ukraine': a verb whose controller is a word here
                chained = chain[k - 1].dep_ == "xcomp" and node.dep_ == "xcomp"
                controlled = node.dep_ == "xcomp" and any(
                    doc[i].ent_type_ for i in set(tokens) & _controllers(node.head)
                )
                # 'accused NATO of moving its infrastructure closer': the object does what 'of' says
                controlled = controlled or (
                    node.dep_ == "pcomp"
                    and node.head.dep_ == "prep"
                    and any(doc[i].ent_type_ for i in set(tokens) & _controllers(node.head.head))
                )
                # 'withdraw the forces it had deployed in eastern Europe': a relative clause on a
                # word of the mention describes that word
                # ('the thousands of soldiers it has massed near the border': on the phrase that holds it)
                described = node.dep_ == "relcl" and any(
                    i == node.head.i
                    or (i < node.i and doc[i] in node.head.subtree and doc[i] not in node.subtree)
                    for i in tokens
                )
                # 'roll back its forces to where they stood in 1997': a clause of 'where' or 'when'
                # after a preposition names a place or time, as a noun would
                located = node.dep_ == "pcomp" and any(
                    c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in node.children
                )
                if not (chained or controlled or described or located):
                    return False
    return total <= 4 * len(toks)


def _controllers(verb: Token) -> set[int]:
    """Who may do what a verb's xcomp says: its subject, its object, or the one called on (only a
    named actor counts as a word of the mention it controls)."""
    out = set()
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            out.add(c.i)
        elif c.dep_ == "prep" and c.lower_ == "on":
            out |= {g.i for g in c.children if g.dep_ == "pobj"}
    return out


def _infinitive_of_noun(verb: Token) -> bool:
    """'Kyiv's right to seek membership', 'plans to join', 'troops stationed in Poland': a
    to-infinitive or a participle that only completes a noun, with no subject of its own, keeps
    the phrase together."""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and (verb.tag_ in {"VBN", "VBG"} or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def object_predicate(noun: Token) -> Token | None:
    """The verb whose object a noun or adjective is said of: 'called the deployment a threat'
    (the parser's object predicate), 'regarded the guarantee as an imperative' (an 'as' phrase on a
    verb with an object)."""
    if noun.dep_ == "oprd" and noun.head.pos_ == "VERB":
        return noun.head
    prep = noun.head
    # ('regarded expansion as unacceptable': an adjective the parser hangs on 'as' as a modifier)
    if noun.dep_ not in {"pobj", "amod"} or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
        return verb.head  # the 'as' phrase hung on the object
    if verb.pos_ != "VERB":
        return None
    return verb if any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children) else None


def colon_item(tok: Token) -> Token | None:
    """The noun a list after a colon spells out, when the parser hangs the first item on the verb
    ('no answer to the key elements of the Russian initiatives: preventing NATO expansion, ...'):
    the item is an element of that noun, not a clause of the verb."""
    if tok.dep_ not in {"advcl", "dep", "appos", "parataxis", "conj"} or tok.pos_ not in {"VERB", "NOUN"}:
        return None
    first = tok.left_edge
    if first.i > 0 and tok.doc[first.i - 1].text == "," and tok.head.i != tok.i:
        return colon_item(tok.head)  # ('preventing X, refusing to deploy Y': the next item)
    if first.i < 2 or tok.doc[first.i - 1].text != ":":
        return None
    noun = tok.doc[first.i - 2]
    return noun if noun.pos_ == "NOUN" and noun.i != tok.head.i and noun.head.i != tok.i else None
