"""Polarity: the sign a concept mention carries up the dependency tree.

A mention starts from its own polarity (+1: the demand is named, -1: its opposite is named). Each
token on the path from the mention up to a stance predicate may reverse it: a reversing word of
the lexicon ('stop', 'prevent', 'an end to', 'without'), a negation hanging on a node of the path
('not', 'never', 'no', 'neither ... nor', a negative subject 'no one'). Words off the path never
count. Conjuncts do not inherit their sibling's reversal: in 'halt exercises and expand
cooperation' the halt does not reach the second conjunct, but a negation before 'or' does ('will
not expand or deploy').
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.syntax import colon_item

NEGATIVE_SUBJECTS = {"nobody", "none", "nothing", "no-one"}
_NEG_ADVERBS = {"never", "not", "n't", "no"}


def negations(node: Token, exclude: frozenset[int] = frozenset()) -> list[int]:
    """Token indices of the negations that bear on ``node`` itself (its own children)."""
    out = []
    for c in node.children:
        if c.i in exclude:
            continue
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEG_ADVERBS):
            if node.pos_ in {"NOUN", "PROPN"} and (c.i > node.i or _comma_between(c, node)):
                continue  # 'guarantees, not promises': the contrast negates the other noun
            out.append(c.i)
        elif c.dep_ == "det" and c.lower_ in {"no", "neither"}:
            out.append(c.i)
        elif c.dep_ in {"advmod", "amod"} and c.lower_ in {"more", "further", "new"} and node.pos_ == "NOUN":
            # 'no more enlargement', 'no further expansion': the 'no' hangs on the quantity word
            out += [d.i for d in c.children if d.lower_ == "no" and d.i not in exclude]
        elif c.dep_ in {"dobj", "advmod", "npadvmod"} and node.pos_ in {"VERB", "AUX"} and _no_further(c):
            out += [d.i for d in c.subtree if d.lower_ == "no" and d.i not in exclude][:1]
        elif c.dep_ == "preconj" and c.lower_ == "neither":
            out.append(c.i)
        elif c.dep_ in {"nsubj", "nsubjpass"} and (
            c.lower_ in NEGATIVE_SUBJECTS
            or any(d.lower_ in {"no", "neither"} and d.dep_ == "det" for d in c.children)
        ):
            out.append(c.i)
    if node.dep_ in {"aux", "auxpass"} or node.tag_ == "MD":
        out += [c.i for c in node.head.children if c.dep_ == "neg" and c.i not in exclude]
    return out


def _no_further(c: Token) -> bool:
    """'will expand no further (east)', 'grow no more': a 'no' with a word of extent on the verb."""
    words = {d.lower_ for d in c.subtree}
    return "no" in words and bool(words & {"further", "farther", "more"}) and len(words) <= 4


def is_reverser(tok: Token, reversers: frozenset[str]) -> bool:
    """A reversing word: 'stop', 'halt', 'prevent', 'an end (to)', 'without', 'non-...'."""
    if tok.lemma_.lower() in reversers or tok.lower_ in reversers:
        return True
    for c in tok.children:  # two-word reversers: 'roll back', 'give up', 'put an end'
        if c.dep_ in {"prt", "dobj", "advmod"} and f"{tok.lemma_.lower()} {c.lower_}" in reversers:
            return True
    return False


def path_up(start: Token, limit: int = 14) -> Iterator[tuple[Token, bool]]:
    """The nodes above ``start`` as (node, reached_from_conjunct)."""
    node, hops = start, 0
    while node.head.i != node.i and hops < limit:
        sibling = list_sibling(node)
        from_conj = node.dep_ == "conj" or sibling is not None
        node = sibling if sibling is not None else (_described(node) or colon_item(node) or node.head)
        hops += 1
        yield node, from_conj


def _described(prep: Token) -> Token | None:
    """'proposals that were non-starters, such as a halt to X': examples the parser hangs on the
    complement of a relative clause are examples of the noun the clause describes."""
    if prep.dep_ != "prep" or prep.lower_ not in {"as", "including", "like"}:
        return None
    complement, clause = prep.head, prep.head.head
    if complement.dep_ not in {"attr", "acomp"} or clause.dep_ != "relcl":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in clause.children):
        return None
    return clause.head


def list_sibling(node: Token) -> Token | None:
    """The item before a list item the parser left dangling: in 'demands regarding NATO
    expansion, the renunciation of X, and the return of Y' the parser may hang 'renunciation' on
    the verb as ``dep``; it is the next item after 'expansion'."""
    if node.dep_ == "appos":
        return _parallel_item(node)
    if node.dep_ == "conj":
        return _last_item(node) or _parallel_gerund(node)
    if node.dep_ != "dep" or node.pos_ not in {"NOUN", "PROPN"}:
        return None
    left = node.left_edge
    if left.i < 2 or node.doc[left.i - 1].text != ",":
        return None
    prev = node.doc[left.i - 2]
    while prev.dep_ in {"compound", "amod", "nummod", "case", "punct"} and prev.head.i > prev.i:
        prev = prev.head
    if prev.pos_ not in {"NOUN", "PROPN"} or prev.i == node.head.i or prev.head.i == node.i:
        return None
    return prev


def item_above(pobj: Token) -> Token | None:
    """The noun whose preposition takes ``pobj``: 'halt' for 'expansion' in 'a halt to expansion'."""
    if pobj.dep_ != "pobj" or pobj.head.dep_ != "prep" or pobj.head.head.pos_ != "NOUN":
        return None
    return pobj.head.head


def _indefinite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)


def _parallel_item(node: Token) -> Token | None:
    """'a halt to X, an end to Y': a noun with the same preposition as the noun whose object it
    follows is the next item of the list, not a second name for X (the parser's appositive)."""
    own = [c.lower_ for c in node.children if c.dep_ == "prep"]
    item = item_above(node.head)
    if item is None or not own or node.head.head.lower_ != own[0] or node.pos_ != "NOUN":
        return None
    return item if any(c.dep_ == "det" for c in node.children) else None


def _last_item(node: Token) -> Token | None:
    """'an end to all exercises and a pledge not to ...': the last item of a list of 'a N'
    phrases, hung by the parser on the object of the item before, is that item's sibling."""
    item = item_above(node.head)
    if item is None or node.pos_ != "NOUN" or not _indefinite(node) or _indefinite(node.head):
        return None
    # ('no membership for Ukraine, no weapons near its borders and a rollback of forces': items
    # of a list of demands may open with 'no' as well)
    return (
        item
        if _indefinite(item) or any(c.dep_ == "det" and c.lower_ == "no" for c in item.children)
        else None
    )


def _parallel_gerund(node: Token) -> Token | None:
    """'refusing to deploy X and returning Y': a gerund joined to an infinitive is not its
    conjunct but the gerund's above it ('refusing'), for only like forms coordinate."""
    head = node.head
    if node.tag_ != "VBG" or head.tag_ != "VB" or head.dep_ != "xcomp" or head.head.tag_ != "VBG":
        return None
    return head.head


def conjunct_sign(conj: Token, head: Token, exclude: frozenset[int]) -> int:
    """What a conjunct takes over from its sibling head (spaCy hangs the 'and'/'or'/'nor' on the
    head): 'nor' negates the conjunct ('neither expand nor deploy'); a negated head passes its
    negation on through 'or' when the conjunct has no auxiliary or subject of its own ('will not
    expand or deploy'); through 'and' nothing passes ('halt exercises and expand cooperation')."""
    ccs = {c.lower_ for c in head.children if c.dep_ == "cc" and c.i < conj.i}
    if "nor" in ccs:
        return -1
    if "or" in ccs and not any(c.dep_ in {"aux", "nsubj", "neg"} for c in conj.children):
        return -1 if len(negations(head, exclude)) % 2 else 1
    return 1


def _comma_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text in {",", "—", "–", ";"} for t in a.doc[lo:hi])
