"""Concept mentions: where a sentence names a demand concept, directly or by its opposite.

A concept's cues name the demand (+1), its inverse cues its opposite (-1), its topic cues what it is
about with no direction. A mention's words must stand in one clause of the parse, close together;
its own polarity takes in what bears on its own words ('NATO won't expand', 'no missiles',
'non-admission').
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.cues import Hit, match_any
from kg.extract.polarity import negations
from kg.extract.syntax import headed, one_phrase, tree_distance
from kg.vocab import Cue, Vocabulary


@dataclass(frozen=True)
class ConceptHit:
    key: str
    tokens: tuple[int, ...]
    polarity: int  # +1: the demand itself is named; -1: its opposite is named
    topic: bool = False  # named without a direction: only predicates give the stance


class ConceptFinder:
    """Finds the concept mentions of the sentences of one parsed document."""

    def __init__(self, doc: Doc, vocab: Vocabulary) -> None:
        self.doc, self.vocab = doc, vocab
        self.by_key = {c.key: c for c in vocab.demands}
        # every slot of every cue of a concept: the words that count as naming it
        self.slots = {
            c.key: [slot for cue in (*c.cues, *c.inverse_cues, *c.topic_cues) for slot in cue.slots]
            for c in vocab.demands
        }

    def concepts(self, norms: dict[int, set[str]]) -> list[ConceptHit]:
        """Concept mentions; direct cues take their tokens first. A mention's words must form one
        phrase (close in the parse), not words scattered across the sentence."""
        hits: list[ConceptHit] = []
        topical: dict[str, set[int]] = {}  # per concept, the words its topic cues took

        def phrase(tokens: tuple[int, ...]) -> bool:
            return one_phrase(self.doc, tokens)

        for concept in self.vocab.demands:
            direct = match_any(concept.cues, norms, accept=phrase)
            used = frozenset(i for h in direct for i in h.tokens)
            for h in direct:
                whole = self._whole(h, norms, concept.cues)
                hits.append(ConceptHit(concept.key, whole, self._own_sign(h, whole, +1)))
            for h in match_any(concept.inverse_cues, norms, used, accept=phrase):
                whole = self._whole(h, norms, concept.inverse_cues)
                hits.append(ConceptHit(concept.key, whole, self._own_sign(h, whole, -1)))
            used |= {i for h in hits for i in h.tokens}
            for h in match_any(concept.topic_cues, norms, frozenset(used), accept=phrase):
                hits.append(ConceptHit(concept.key, h.tokens, +1, topic=True))
                topical.setdefault(concept.key, set()).update(h.tokens)
        return self._narrowest(_merge_hits(hits, self.doc), norms, topical)

    def _narrowest(
        self, hits: list[ConceptHit], norms: dict[int, set[str]], topical: dict[str, set[int]] | None = None
    ) -> list[ConceptHit]:
        """Words naming a concept and a broader one in one phrase name the narrower: 'Ukraine's
        request to join the alliance' is about Ukraine's membership, not about enlargement in
        general. The broader stays when it has words of its own, beyond names and words of the
        narrower's cues ('NATO not accepting new members like Ukraine')."""

        def covered(h: ConceptHit, o: ConceptHit) -> bool:
            # also: a word another concept's topic took ('the states that joined NATO after 1997'
            # are the 1997 posture's topic, not a call for enlargement)
            # (a topic merged into a directed mention of its concept still took those words)
            topic = o.topic or bool(set(h.tokens) & (topical or {}).get(o.key, set()))
            if h.key not in self.by_key[o.key].broader and not (topic and not h.topic and o.key != h.key):
                return False
            if not set(h.tokens) & set(o.tokens) and not one_phrase(self.doc, (*h.tokens, *o.tokens)):
                return False
            if o.topic and not set(h.tokens) & set(o.tokens) and _gap(h.tokens, o.tokens) > 5:
                return False  # a topic covers the words next to it, not another item of a list
            slots = self.slots[o.key]
            own = set(h.tokens) - set(o.tokens)
            return all(
                self.doc[i].ent_type_ or any(_fills(slot, norms.get(i, set())) for slot in slots) for i in own
            )

        kept = [h for h in hits if not any(covered(h, o) for o in hits if o is not h)]
        return [h for h in kept if not any(self._loses_to(h, o) for o in kept if o is not h)]

    def _loses_to(self, h: ConceptHit, o: ConceptHit) -> bool:
        """Two concepts read into one action ('withdraw its troops from eastern Ukraine' is a
        Russian pullback, not NATO's return to 1997; 'a Russian demand for the withdrawal of
        allied troops' the reverse): the reading whose own words (owner, place) stand nearer the
        shared words in the parse wins."""
        shared = set(h.tokens) & set(o.tokens)
        if h.key == o.key or h.topic or o.topic or len(shared) < 2:
            return False

        def reach(hit: ConceptHit) -> int:
            own = set(hit.tokens) - shared
            return min((tree_distance(self.doc[i], self.doc[j]) for i in own for j in shared), default=99)

        return reach(h) > reach(o)

    def _whole(self, hit: Hit, norms: dict[int, set[str]], family: tuple[Cue, ...]) -> tuple[int, ...]:
        """The hit's tokens and the words next to them in the parse that fill one of its cue's
        slots too: in 'slam that door shut' both 'slam' and 'shut' belong to 'slam|shut door', so
        neither reverses the mention it is part of. A subject's complement that fills a slot of
        any cue of the same direction joins it too ('NATO's door is open')."""
        extra = set()
        for i in hit.tokens:
            tok = self.doc[i]
            for near in (tok.head, *tok.children):
                if near.i in hit.tokens or near.i not in norms:
                    continue
                if any(_fills(slot, norms[near.i]) for slot in hit.cue.slots):
                    extra.add(near.i)
            if tok.dep_ != "nsubj":
                continue
            for comp in tok.head.children:
                if comp.dep_ == "acomp" and comp.i in norms and comp.i not in hit.tokens:
                    if any(_fills(slot, norms[comp.i]) for cue in family for slot in cue.slots):
                        extra.add(comp.i)
        return tuple(sorted({*hit.tokens, *extra}))

    def head_of(self, tokens: tuple[int, ...]) -> Token:
        """The token of a mention its words hang from; when they hang from a word outside it
        ('NATO must stop its expansion'), the one that is not the agent (the object)."""
        toks = [self.doc[i] for i in tokens]
        common = set.intersection(*({u.i for u in [t, *t.ancestors]} for t in toks))
        inside = [t for t in toks if t.i in common]
        if inside:
            return max(inside, key=lambda t: len(list(t.ancestors)))
        agentive = {"nsubj", "nsubjpass", "poss", "compound", "agent"}
        # the content word, not the actor named in it ('called on the alliance to stop exercises')
        return min(toks, key=lambda t: (t.dep_ in agentive, bool(t.ent_type_), len(list(t.ancestors)), t.i))

    def _own_sign(self, hit: Hit, whole: tuple[int, ...], polarity: int) -> int:
        """The mention's polarity with what bears on its own words, the ones its cue took in too
        ('would not slam shut the door'): 'NATO won't expand', 'no missiles', 'non-admission' (a
        prefix the cue did not ask for)."""
        sign = polarity
        exclude = frozenset(whole)
        cue_has_non = any(a.startswith("non") for s in hit.cue.slots for a in s)
        for i in whole:
            tok = self.doc[i]
            sign *= -1 if len(negations(tok, exclude)) % 2 else 1
            if tok.lower_.replace("-", "").startswith("non") and not cue_has_non:
                sign = -sign
        return sign


def _fills(slot: tuple[str, ...], forms: set[str]) -> bool:
    return any(f.startswith(a[:-1]) if a.endswith("*") else a in forms for a in slot for f in forms)


def _merge_hits(hits: list[ConceptHit], doc: Doc) -> list[ConceptHit]:
    """One hit per stretch of text naming a concept: cues that overlap or touch are one mention,
    negated if any of them is ('strike weapons must not be deployed near our borders'); cues that
    only touch must stand in one phrase headed by one of their words ('a rollback of allied forces,
    to their 1997 lines' hung by the parser on another item of a list is not)."""
    out: list[ConceptHit] = []
    for h in sorted(hits, key=lambda h: (h.key, min(h.tokens))):
        prev = out[-1] if out else None
        near = prev is not None and prev.key == h.key and min(h.tokens) <= max(prev.tokens) + 3
        if near and not set(h.tokens) & set(prev.tokens):
            near = headed(doc, (*prev.tokens, *h.tokens))
        if near:
            merged = tuple(sorted({*prev.tokens, *h.tokens}))
            out[-1] = ConceptHit(h.key, merged, max(prev.polarity, h.polarity), prev.topic and h.topic)
        else:
            out.append(h)
    return out


def _gap(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """How many tokens stand between two mentions."""
    return max(min(b) - max(a), min(a) - max(b), 0)
