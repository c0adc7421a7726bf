"""Who makes a claim: the speaker, the agent of the cue, a possessor, or the proposer referred to.

``ActorFinder`` is mixed into :class:`kg.extract.claims.ClaimFinder`, which holds the document state it uses
(the parsed doc, mentions, speech, the current proposer).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.cues import DEMAND, REJECT
from kg.extract.speakers import SILENT, is_reporting
from kg.model import PERSON, ActorRef

MODAL_LEMMAS = {"must", "should", "need", "have", "imperative", "require", "time", "be"}
DEMONSTRATIVES = {"this", "that", "these", "those", "it"}
_AGENTIVE_DEPS = {"nsubj", "nsubjpass", "agent"}


class ActorFinder:
    """Actor resolution for claims; see the module docstring."""

    def speaker_context(self, tok: Token) -> ActorRef | None:
        k = self.speech.quote_at(tok.idx)
        if k is not None and k in self.speech.quote_speaker:
            return self.speech.quote_speaker[k]
        turn = self.speech.turn_speaker(tok.idx)
        if turn is not None and turn is not SILENT:
            return turn
        return self.speech.default_speaker

    def resolve(self, tok: Token) -> list[ActorRef]:
        if tok.lemma_.lower() in self.proposal_nouns and not self.mentions.resolve(tok):
            owner = self.owner(tok)
            if owner:
                return owner
            if any(c.lower_ in {"the", "these", "those", "this", "its"} for c in tok.children):
                return [self.proposer] if self.proposer else []
        if tok.lower_ in DEMONSTRATIVES:
            return []
        return self.mentions.resolve(tok, speaker=self.speaker_context(tok))

    def owner(self, noun: Token) -> list[ActorRef]:
        """The possessor of a noun: 'Russia's demands', 'Russian demands', 'demands by Moscow'."""
        for c in noun.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"}:
                if c.lower_ in {"its", "their"}:
                    continue
                refs = self.mentions.resolve(c, speaker=self.speaker_context(c))
                if refs:
                    return refs
            if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
                for g in c.children:
                    if g.dep_ == "pobj":
                        refs = self.mentions.resolve(g)
                        if refs:
                            return refs
        return []

    def agent(self, anchor: Token) -> list[ActorRef]:
        if anchor.dep_ in {"attr", "acomp"} and anchor.head.lemma_ == "be":
            return []  # 'X is a non-starter': X is what is rejected, not who rejects it
        node = anchor
        for _ in range(4):
            for c in node.children:
                if c.dep_ in _AGENTIVE_DEPS:
                    target = next((g for g in c.children if g.dep_ == "pobj"), c) if c.dep_ == "agent" else c
                    return self.resolve(target)
            if node.pos_ in {"NOUN", "PROPN"}:
                owner = self.owner(node)
                if owner:
                    return owner
            if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"}:
                return self.resolve(node.head)
            if (
                node.dep_
                in {
                    "xcomp",
                    "conj",
                    "advcl",
                    "acomp",
                    "attr",
                    "dobj",
                    "pobj",
                    "prep",
                    "oprd",
                    "ccomp",
                    "amod",
                }
                and node.head.i != node.i
            ):
                node = node.head
                continue
            break
        return []

    def actors_for(self, anchor: Token, family: str, sent: Span) -> tuple[list[ActorRef], str]:
        k = self.speech.quote_at(anchor.idx)
        if k is not None and k in self.speech.quote_speaker:
            return [self.speech.quote_speaker[k]], "quote"
        node = anchor
        own = self.agent(anchor)
        while node.head.i != node.i:
            node = node.head
            if is_reporting(node, self.reporting):
                reporters = self._reporters(node)
                if reporters:
                    if self._third_party(own, reporters, anchor, family):
                        return own, "subject"
                    return reporters, "reported"
        said = self.speech.sentence_speaker(sent)
        if said and not (own and self._third_party(own, said, anchor, family)):
            return said, "reported"
        if own and not self._modal_cue(anchor):
            return own, "subject"  # ('Russia must withdraw': Russia is told, it does not ask)
        if anchor.lemma_.lower() in self.proposer_nouns and self.proposer:
            return [self.proposer], "proposer"
        turn = self.speech.turn_speaker(anchor.idx)
        if turn is not None:
            return ([] if turn is SILENT else [turn]), "turn"
        if self.speech.default_speaker is not None:
            return [self.speech.default_speaker], "byline"
        return [], ""

    @staticmethod
    def _modal_cue(anchor: Token) -> bool:
        return anchor.lemma_.lower() in MODAL_LEMMAS or any(t.tag_ == "MD" for t in anchor.children)

    def _reporters(self, verb: Token) -> list[ActorRef]:
        for c in verb.children:
            if c.dep_ == "nsubj":
                return self.resolve(c)
        return self.speech.reporter_of(verb)

    def _third_party(
        self, own: list[ActorRef], reporters: list[ActorRef], anchor: Token, family: str
    ) -> bool:
        """'X said Russia demanded Y', 'the American side refused Z, he added': an agentive demand
        or reject verb whose own subject is of another party than the speaker."""
        if family not in (DEMAND, REJECT) or not own or anchor.lemma_.lower() in MODAL_LEMMAS:
            return False
        if anchor.pos_ != "VERB" or (anchor.dep_ in {"attr", "acomp"} and anchor.head.lemma_ == "be"):
            return False  # predicates ('X is unacceptable') state the speaker's own stance
        if any(t.tag_ == "MD" for t in anchor.children):
            return False
        parties = {r.party or r.key for r in reporters}
        return all((o.party or o.key) not in parties for o in own)

    # ------------------------------------------------------------------ discourse state
    def update_proposer(self, sent: Span) -> None:
        """'Russia proposed draft treaties', 'Moscow published its demands', 'Russia's drafts'."""
        by_owner = None
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.propose_verbs:
                if any(t.lemma_.lower() in self.proposal_nouns for t in sent if t.i > tok.i):
                    subj = [c for c in tok.children if c.dep_ == "nsubj"]
                    refs = self.mentions.resolve(subj[0]) if subj else []
                    party = self._party(refs[0]) if refs else None
                    if party is not None:
                        self.proposer = party
                        return
            elif tok.pos_ == "NOUN" and lemma in self.proposal_nouns and by_owner is None:
                owner = [c for c in tok.children if c.dep_ in {"poss", "amod"}]
                refs = self.mentions.resolve(owner[0]) if owner else []
                by_owner = self._party(refs[0]) if refs else None
        if by_owner is not None:
            self.proposer = by_owner

    def _party(self, ref: ActorRef) -> ActorRef | None:
        if ref.kind != PERSON:
            return ref
        return self.vocab.actors[ref.party].ref if ref.party in self.vocab.actors else None
